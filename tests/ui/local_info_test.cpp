// The LocalInfo controller on its own, over the fake HTTP client: places in the language on show,
// a failure said; alerts polled, kept on the device, and kept through a failed poll.
#include <catch2/catch.hpp>

#include "app/local_info.h"
#include "platform/host.h"
#include "platform/native/fake_http_client.h"
#include "platform/native/host_native.h"
#include "platform/native/memory_storage.h"

using namespace motcua;

namespace {

const char* kAlerts =
    R"({"items":[{"id":1,"severity":"warning","title":"Mưa lớn","body":"Hạn chế đi lại.","area":"TP","starts_at":"2026-11-24T06:00:00+07:00","ends_at":"2026-11-28T18:00:00+07:00"}]})";

struct Fixture {
    FakeHttpClient http;
    MemoryStorage storage;
    AppState state;
    Language shown = Language::Vi;
    LocalInfo info{http, storage, state, [this] { return shown; }};

    Fixture() { host::nativeRecord() = host::NativeHostRecord{}; }
    void later(double ms) {
        host::nativeRecord().clockOffsetMs += ms;
        info.pollAlerts();
    }
};

} // namespace

TEST_CASE("LocalInfo: places of a kind, in the language on show", "[local_info]") {
    Fixture f;
    f.shown = Language::En;
    f.info.openPlaces("sight");
    CHECK(f.state.screen == Screen::Places);
    CHECK(f.http.last().url == "/api/v1/places?kind=sight&lang=en");
    REQUIRE(f.http.respond(404, R"({"errors":[{"code":"not_found"}]})"));
    CHECK(f.state.places.load == Io::Failed);
    CHECK(f.state.places.message == "error.unknown"); // not "server error": nothing is down
    f.info.openPlaces("");                            // again, the same kind
    CHECK(f.http.last().url == "/api/v1/places?kind=sight&lang=en");
    REQUIRE(
        f.http.respond(200, R"({"items":[{"id":5,"kind":"sight","name":"Lý Sơn"}],"total":1})"));
    CHECK(f.state.places.load == Io::Done);
    CHECK(f.state.places.message.empty());
    CHECK(f.state.places.items.size() == 1);
}

TEST_CASE("LocalInfo: a reply for a kind no longer on show is dropped", "[local_info]") {
    Fixture f;
    f.info.openPlaces("sight");
    f.info.openPlaces("food");
    REQUIRE(f.http.respond(200, R"({"items":[{"id":5,"kind":"sight","name":"Lý Sơn"}]})"));
    CHECK(f.state.places.items.empty());
    CHECK(f.state.places.load == Io::Loading);
}

TEST_CASE("LocalInfo: alerts are polled after start, kept on the device and through failures",
          "[local_info]") {
    Fixture f;
    f.info.loadAlerts();
    f.info.pollAlerts();
    CHECK(f.http.pending().empty()); // the first screen first
    f.later(2500);
    REQUIRE(f.http.pending().size() == 1);
    CHECK(f.http.last().url == "/api/v1/alerts?lang=vi");
    REQUIRE(f.http.respond(200, kAlerts));
    REQUIRE(f.state.alerts.items.size() == 1);
    CHECK(f.storage.values().at("motcua.alerts") == kAlerts);
    f.later(61000);
    REQUIRE(f.http.respond(503, ""));
    CHECK(f.state.alerts.items.size() == 1); // the last good alerts stay
    // The next start shows them before any poll.
    Fixture again;
    again.storage = f.storage;
    again.info.loadAlerts();
    CHECK(again.state.alerts.items.size() == 1);
}

TEST_CASE("LocalInfo: a new language on show asks for the alerts in it", "[local_info]") {
    Fixture f;
    f.info.loadAlerts();
    f.later(2500);
    REQUIRE(f.http.respond(200, kAlerts));
    f.shown = Language::En;
    f.info.languageShown();
    f.info.pollAlerts();
    REQUIRE(f.http.pending().size() == 1);
    CHECK(f.http.last().url == "/api/v1/alerts?lang=en");
}
