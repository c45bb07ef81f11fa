// The Kiosk controller on its own: the mode and its timings from the start URL, and the
// countdown that ends a citizen's session only after the kiosk was left alone long enough.
#include <catch2/catch.hpp>

#include "app/kiosk.h"
#include "platform/host.h"
#include "platform/native/host_native.h"

using namespace motcua;

namespace {

struct Fixture {
    AppState state;
    Kiosk kiosk{state};

    Fixture() { host::nativeRecord() = host::NativeHostRecord{}; }
    // One frame's tick; true when the kiosk asks for the session to be wiped.
    bool frameAfter(double ms) {
        host::nativeRecord().clockOffsetMs += ms;
        return kiosk.tick();
    }
};

} // namespace

TEST_CASE("Kiosk: only a kiosk link turns the mode on", "[kiosk]") {
    Fixture f;
    CHECK_FALSE(f.kiosk.configure("/?mode=counter&counter=3"));
    CHECK_FALSE(f.state.kiosk);
    CHECK(f.kiosk.configure("/?mode=kiosk"));
    CHECK(f.state.kiosk);
    CHECK(host::nativeRecord().kiosk);
}

TEST_CASE("Kiosk: an idle session with a citizen's data is wiped after the countdown", "[kiosk]") {
    Fixture f;
    // The countdown is at least 20 s, whatever the link says.
    REQUIRE(f.kiosk.configure("/?mode=kiosk&idle=10&countdown=3"));
    CHECK_FALSE(f.frameAfter(60000)); // nothing of a citizen on screen: nothing to wipe
    host::noteActivity(host::nowMs());
    f.state.screen = Screen::Lookup;
    CHECK_FALSE(f.frameAfter(9000));
    CHECK_FALSE(f.state.kioskIdle.asking);
    CHECK_FALSE(f.frameAfter(2000)); // idle: the question is on screen
    CHECK(f.state.kioskIdle.asking);
    CHECK_FALSE(f.frameAfter(15000)); // still counting (20 s, not 3)
    CHECK(f.frameAfter(5000));
    f.kiosk.restart();
    CHECK(host::nativeRecord().url == "/?mode=kiosk");
    CHECK_FALSE(f.frameAfter(1000)); // the next citizen starts now
}
