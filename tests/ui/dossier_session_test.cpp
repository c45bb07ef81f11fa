// The DossierSession controller on its own, over the fake HTTP client: a lookup that succeeds,
// fails or is refused, the live update after it, retries with backoff, the last good copy kept.
#include <catch2/catch.hpp>

#include "app/dossier_session.h"
#include "dossier_fixture.h"
#include "platform/host.h"
#include "platform/native/fake_http_client.h"
#include "platform/native/host_native.h"
#include "platform/native/memory_storage.h"

using namespace motcua;
using namespace motcua::test::fixture;

namespace {

struct Fixture {
    FakeHttpClient http;
    MemoryStorage storage;
    AppState state;
    DossierSession session{http, storage, state};

    Fixture() { host::nativeRecord() = host::NativeHostRecord{}; }
    void later(double ms) {
        host::nativeRecord().clockOffsetMs += ms;
        session.tick();
    }
    // A dossier opened from a link and shown, its live update on its way.
    void openShown() {
        session.open(kCode, kSecret);
        REQUIRE(http.respond(200, lookupReply(dossierJson(4, 1))));
    }
    // Types the code and secret into the form and sends it.
    void submit(const std::string& code, const std::string& secret) {
        state.screen = Screen::Lookup;
        state.lookup.code = code;
        state.lookup.secret = secret;
        session.submitLookup();
    }
};

} // namespace

TEST_CASE("DossierSession: a lookup shows the dossier, remembers it and follows it live",
          "[dossier_session]") {
    Fixture f;
    f.submit(kCode, kSecret);
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().method == "POST");
    CHECK(f.state.lookup.state == Io::Loading);
    REQUIRE(f.http.respond(200, lookupReply(dossierJson(4, 1))));
    CHECK(f.state.screen == Screen::Dossier);
    REQUIRE(f.state.view.dossier);
    CHECK(f.state.view.load == Io::Done);
    CHECK(f.state.lookup.secret.empty()); // the secret lives with the saved dossier only
    CHECK(f.state.recents.find(kCode));
    CHECK(f.storage.values().count("motcua.recent") == 1);
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().url.find("/changes?since=1") != std::string::npos);
    CHECK(f.http.last().headers.back().second == "Bearer tok");
    // A live update with a new status says so.
    REQUIRE(
        f.http.respond(200, R"({"changed":true,"version":2,"dossier":)" + dossierJson(9, 2) + "}"));
    CHECK(f.state.view.dossier->status == 9);
    CHECK(f.state.view.changed);
}

TEST_CASE("DossierSession: a mistyped code never reaches the network", "[dossier_session]") {
    Fixture f;
    f.submit("12", kSecret);
    CHECK(f.state.lookup.message == "lookup.fix_code");
    CHECK(f.http.live() == 0);
}

TEST_CASE("DossierSession: no such dossier stays on the form with one calm message",
          "[dossier_session]") {
    Fixture f;
    f.submit(kCode, kSecret);
    REQUIRE(f.http.respond(404, R"({"errors":[{"code":"not_found"}]})"));
    CHECK(f.state.screen == Screen::Lookup);
    CHECK(f.state.lookup.state == Io::Failed);
    CHECK(f.state.lookup.message == "lookup.not_found");
    f.later(60000);
    CHECK(f.http.live() == 0); // asking again cannot find it: the citizen fixes the code
}

TEST_CASE("DossierSession: server trouble keeps the last good copy and tries again",
          "[dossier_session]") {
    Fixture f;
    f.openShown();
    REQUIRE(f.http.respond(503, ""));
    CHECK(f.state.view.message == "error.server");
    CHECK(f.state.view.load == Io::Failed);
    REQUIRE(f.state.view.dossier);
    CHECK(f.state.view.dossier->status == 4);
    CHECK(f.http.live() == 0);
    f.later(500);
    CHECK(f.http.live() == 0); // not yet: the first retry waits a second
    f.later(600);
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().url.find("/changes?since=1") != std::string::npos);
    REQUIRE(f.http.respond(0, ""));
    CHECK(f.state.view.offline);
    CHECK(f.state.view.message == "error.offline");
    // Back online: at once, not after the backoff.
    f.session.networkOnline();
    f.session.tick();
    CHECK(f.http.live() == 1);
    REQUIRE(f.http.respond(200, R"({"changed":false,"version":1})"));
    CHECK(f.state.view.message.empty());
    CHECK_FALSE(f.state.view.offline);
}

TEST_CASE("DossierSession: a rate limit is said, not retried behind the citizen's back",
          "[dossier_session]") {
    Fixture f;
    f.openShown();
    REQUIRE(f.http.respond(429, ""));
    CHECK(f.state.view.message == "error.rate_limited");
    f.later(60000);
    CHECK(f.http.live() == 0);
    f.session.refresh(); // the citizen asks
    CHECK(f.http.live() == 1);
}

TEST_CASE("DossierSession: an expired token looks up again with the saved secret",
          "[dossier_session]") {
    Fixture f;
    f.openShown();
    REQUIRE(f.http.respond(401, ""));
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().url.find("/api/v1/dossiers/lookup") == 0);
    CHECK(f.http.last().body.find(kSecret) != std::string::npos);
}

TEST_CASE("DossierSession: a link without its secret asks for it", "[dossier_session]") {
    Fixture f;
    f.session.open(kCode, "");
    CHECK(f.state.screen == Screen::Lookup);
    CHECK(f.state.lookup.code == kCode);
    CHECK(f.http.live() == 0);
}

TEST_CASE("DossierSession: recents are removed and cleared on the device", "[dossier_session]") {
    Fixture f;
    f.openShown();
    f.session.close();
    CHECK(f.http.pending().back().cancelled); // the live update stops
    f.session.removeRecent(kCode);
    CHECK_FALSE(f.state.recents.find(kCode));
    CHECK(f.storage.values().at("motcua.recent").find(kCode) == std::string::npos);
}
