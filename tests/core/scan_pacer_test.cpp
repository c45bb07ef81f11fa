// The live scanner decodes every frame at first, then keeps the decoder at most half busy; a
// code held in view is read once; a citizen who gets nothing is helped on.
#include <catch2/catch.hpp>

#include "core/scan_pacer.h"

using namespace motcua;

TEST_CASE("One frame in flight, and every frame in the first seconds", "[scan]") {
    ScanPacer p;
    p.start(1000);
    REQUIRE(p.frameWanted(1000));
    p.frameSent(1000);
    CHECK_FALSE(p.frameWanted(1033)); // the decoder still has the last one
    p.frameDone(1040, 40, false);
    CHECK(p.frameWanted(1040)); // eager: the next frame at once
}

TEST_CASE("After the eager start the decoder rests as long as it worked", "[scan]") {
    ScanPacer p;
    p.start(0);
    const double t = ScanPacer::kEagerMs + 100;
    p.frameSent(t - 60);
    p.frameDone(t, 60, false);
    CHECK_FALSE(p.frameWanted(t + 30));
    CHECK_FALSE(p.frameWanted(t + 59));
    CHECK(p.frameWanted(t + 60));
    // A camera restart (tab shown again, camera switched) is eager again.
    p.start(t + 61);
    p.frameSent(t + 61);
    p.frameDone(t + 100, 39, false);
    CHECK(p.frameWanted(t + 100));
}

TEST_CASE("A code held in view is reported once, another code or a later look is news", "[scan]") {
    ScanPacer p;
    p.start(0);
    CHECK(p.accept("https://zalo.me/abc", 100));
    CHECK_FALSE(p.accept("https://zalo.me/abc", 300));
    CHECK_FALSE(p.accept("https://zalo.me/abc", 2200)); // still in view all along
    CHECK(p.accept("https://motcua.example/d/X#k=Y", 2300));
    CHECK(p.accept("https://zalo.me/abc", 2400));
    CHECK(p.accept("https://zalo.me/abc", 2400 + ScanPacer::kRepeatMs));
    CHECK_FALSE(p.accept("", 9000));
}

TEST_CASE("Nothing read: first a tip on aiming, then the other ways on", "[scan]") {
    ScanPacer p;
    p.start(10000);
    CHECK(p.hint(10000) == ScanHint::None);
    CHECK(p.hint(10000 + ScanPacer::kHoldSteadyAfterMs - 1) == ScanHint::None);
    CHECK(p.hint(10000 + ScanPacer::kHoldSteadyAfterMs) == ScanHint::HoldSteady);
    CHECK(p.hint(10000 + ScanPacer::kOtherWaysAfterMs) == ScanHint::TryOtherWays);
    // A code was read (a foreign one): the aim is fine, the tips start over.
    p.frameSent(17000);
    p.frameDone(17010, 10, true);
    CHECK(p.hint(17020) == ScanHint::None);
}
