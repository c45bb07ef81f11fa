// The notify switch's controller on its own, over the fake HTTP client and the recording push
// platform: permission only on the tap, the subscription registered with the dossier's token, the
// clear refusals (denied, unsupported, iPhone outside the installed app), retries after a network
// failure, turning it off, the check when a dossier opens, and the kiosk wipe.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "app/push_switch.h"
#include "dossier_fixture.h"
#include "platform/native/fake_http_client.h"
#include "platform/native/host_native.h"
#include "platform/native/memory_storage.h"
#include "platform/push.h"

using namespace motcua;
using namespace motcua::test::fixture;
using Phase = PushView::Phase;
using Problem = PushView::Problem;

namespace {

const std::string kKey =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
const std::string kEndpoint = "https://push.example.net/send/abc";
const std::string kOtherCode = "000.00.12.H42-241124-0002";

std::string subscriptionJson(const std::string& endpoint = kEndpoint) {
    return nlohmann::json{{"endpoint", endpoint},
                          {"expirationTime", nullptr},
                          {"keys",
                           {{"p256dh", "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcx"},
                            {"auth", "BTBZMqHH6r4Tts7J_aSIgg"}}}}
        .dump();
}

std::string header(const HttpRequest& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

struct Fixture {
    FakeHttpClient http;
    MemoryStorage storage;
    AppState state;
    std::string token = "tok";
    int renewals = 0;
    std::unique_ptr<PushSwitch> push;

    explicit Fixture(const MemoryStorage* kept = nullptr) {
        host::nativeRecord() = host::NativeHostRecord{};
        if (kept) storage = *kept;
        push = std::make_unique<PushSwitch>(
            http, storage, state, [this] { return token; }, [this] { ++renewals; });
        push->load();
    }
    // The dossier on screen, as DossierSession leaves it after a lookup.
    void show(const std::string& code = kCode) {
        state.screen = Screen::Dossier;
        state.view.code = code;
        state.view.secret = kSecret;
        push->tick();
    }
    host::NativeHostRecord& rec() { return host::nativeRecord(); }
    // The server's public key answers the oldest request.
    void keyArrives() { REQUIRE(http.respond(200, R"({"public_key":")" + kKey + R"("})")); }
    // The whole "on" path with permission already granted: key, subscription, registration.
    void turnOn(const std::string& endpoint = kEndpoint) {
        rec().pushPermission = push::Permission::Granted;
        push->set(true);
        if (http.live() > 0 && http.last().url == "/api/v1/push/key") keyArrives();
        push::events().subscribed(subscriptionJson(endpoint));
        REQUIRE(http.respond(201, R"({"subscribed":true})"));
        REQUIRE(state.push.phase == Phase::On);
    }
    // News on for two dossiers sharing the browser's subscription, kCode on screen.
    void turnOnTwo() {
        show(kOtherCode);
        turnOn();
        show(kCode);
        turnOn();
    }
};

} // namespace

TEST_CASE("PushSwitch: the tap asks permission, subscribes with the server's key and registers "
          "the subscription with the dossier's token",
          "[push]") {
    Fixture f;
    f.show();
    CHECK(f.rec().pushPermissionPrompts == 0); // never asked before the tap
    CHECK(f.http.live() == 0);
    f.push->set(true);
    CHECK(f.state.push.phase == Phase::Asking);
    CHECK(f.rec().pushPermissionPrompts == 1);
    REQUIRE(f.http.live() == 1); // the key is fetched while the prompt is up
    CHECK(f.http.last().url == "/api/v1/push/key");
    f.keyArrives();
    CHECK(f.rec().pushSubscribes == 0); // not before the person said yes
    push::events().permission(push::Permission::Granted);
    CHECK(f.rec().pushSubscribes == 1);
    CHECK(f.rec().pushKey == kKey);
    push::events().subscribed(subscriptionJson());
    REQUIRE(f.http.live() == 1);
    const HttpRequest& post = f.http.last();
    CHECK(post.method == "POST");
    CHECK(post.url == "/api/v1/dossiers/" + kCode + "/subscriptions");
    CHECK(header(post, "Authorization") == "Bearer tok");
    const auto body = nlohmann::json::parse(post.body);
    CHECK(body["endpoint"] == kEndpoint);
    CHECK(body["keys"]["auth"] == "BTBZMqHH6r4Tts7J_aSIgg");
    CHECK(body["lang"] == "vi");
    CHECK(f.state.push.phase == Phase::Asking);
    REQUIRE(f.http.respond(201, R"({"subscribed":true})"));
    CHECK(f.state.push.phase == Phase::On);
    CHECK(f.state.push.problem == Problem::None);
    // Remembered on the device, and the service worker knows how to renew it for this dossier.
    const PushRegistry kept = PushRegistry::fromJson(f.storage.values().at("motcua.push"));
    REQUIRE(kept.find(kCode));
    CHECK(kept.find(kCode)->endpoint == kEndpoint);
    CHECK(f.rec().pushDossiers.find(kSecret) != std::string::npos);
}

TEST_CASE("PushSwitch: blocked notifications are explained without a prompt or a request",
          "[push]") {
    Fixture f;
    f.show();
    f.rec().pushPermission = push::Permission::Denied;
    f.push->set(true);
    CHECK(f.state.push.phase == Phase::Off);
    CHECK(f.state.push.problem == Problem::Denied);
    CHECK(f.rec().pushPermissionPrompts == 0);
    CHECK(f.http.live() == 0);
}

TEST_CASE("PushSwitch: a 'Block' in the prompt, or closing it, says so and subscribes nothing",
          "[push]") {
    Fixture f;
    f.show();
    f.push->set(true);
    push::events().permission(push::Permission::Denied);
    CHECK(f.state.push.problem == Problem::Denied);
    CHECK(f.state.push.phase == Phase::Off);
    f.keyArrives();
    CHECK(f.rec().pushSubscribes == 0);

    f.push->set(true);
    push::events().permission(push::Permission::Default);
    CHECK(f.state.push.problem == Problem::Dismissed);
    CHECK(f.rec().pushSubscribes == 0);
}

TEST_CASE("PushSwitch: no push here, or an iPhone outside the installed app, is explained",
          "[push]") {
    Fixture f;
    f.show();
    f.rec().pushSupport = push::Support::Unsupported;
    f.push->set(true);
    CHECK(f.state.push.problem == Problem::Unsupported);
    f.rec().pushSupport = push::Support::NeedsInstall;
    f.push->set(true);
    CHECK(f.state.push.problem == Problem::NeedsInstall);
    CHECK(f.state.push.phase == Phase::Off);
    CHECK(f.rec().pushPermissionPrompts == 0);
    CHECK(f.http.live() == 0);
    // A browser that turns out to refuse when subscribing says the same.
    f.rec().pushSupport = push::Support::Supported;
    f.rec().pushPermission = push::Permission::Granted;
    f.push->set(true);
    f.keyArrives();
    push::events().failed(push::Failure::Unsupported);
    CHECK(f.state.push.problem == Problem::Unsupported);
}

TEST_CASE("PushSwitch: no network offers a retry that turns it on", "[push]") {
    Fixture f;
    f.show();
    f.rec().pushPermission = push::Permission::Granted;
    f.push->set(true);
    REQUIRE(f.http.respond(0, ""));
    CHECK(f.state.push.phase == Phase::Off);
    CHECK(f.state.push.problem == Problem::Offline);
    CHECK(f.state.push.retryOn);
    // Again, and this time the key comes but the registration finds no network.
    f.push->set(f.state.push.retryOn);
    f.keyArrives();
    push::events().subscribed(subscriptionJson());
    REQUIRE(f.http.respond(503, R"({"errors":[{"code":"unavailable"}]})"));
    CHECK(f.state.push.problem == Problem::Failed);
    CHECK(f.state.push.phase == Phase::Off);
    CHECK_FALSE(f.storage.values().count("motcua.push"));
    // The key is kept: the retry goes straight to the browser.
    f.push->set(true);
    CHECK(f.http.live() == 0);
    push::events().subscribed(subscriptionJson());
    REQUIRE(f.http.respond(200, R"({"subscribed":true})"));
    CHECK(f.state.push.phase == Phase::On);
    CHECK(f.state.push.problem == Problem::None);
}

TEST_CASE("PushSwitch: a dossier that already notifies the most devices says so", "[push]") {
    Fixture f;
    f.show();
    f.rec().pushPermission = push::Permission::Granted;
    f.push->set(true);
    f.keyArrives();
    push::events().subscribed(subscriptionJson());
    REQUIRE(f.http.respond(409, R"({"errors":[{"code":"too_many_subscriptions"}]})"));
    CHECK(f.state.push.problem == Problem::TooMany);
    CHECK(f.state.push.phase == Phase::Off);
}

TEST_CASE("PushSwitch: the registration waits for the lookup token, and a refused token is "
          "renewed before it goes again",
          "[push]") {
    Fixture f;
    f.token.clear(); // the cached copy is on screen, the lookup has not answered yet
    f.show();
    f.rec().pushPermission = push::Permission::Granted;
    f.push->set(true);
    f.keyArrives();
    push::events().subscribed(subscriptionJson());
    f.push->tick();
    CHECK(f.http.live() == 0);
    f.token = "tok";
    f.push->tick();
    REQUIRE(f.http.live() == 1);
    REQUIRE(f.http.respond(401, R"({"errors":[{"code":"unauthorized"}]})"));
    CHECK(f.renewals == 1);
    f.push->tick();
    CHECK(f.http.live() == 0); // not again with the token just refused
    f.token = "tok2";
    f.push->tick();
    REQUIRE(f.http.live() == 1);
    CHECK(header(f.http.last(), "Authorization") == "Bearer tok2");
    REQUIRE(f.http.respond(201, R"({"subscribed":true})"));
    CHECK(f.state.push.phase == Phase::On);
}

TEST_CASE("PushSwitch: turning it off deletes this device's subscription; the browser "
          "unsubscribes once no dossier uses it",
          "[push]") {
    Fixture f;
    f.turnOnTwo();
    f.push->set(false);
    CHECK(f.state.push.phase == Phase::TurningOff);
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().method == "DELETE");
    CHECK(f.http.last().url == "/api/v1/dossiers/" + kCode + "/subscriptions");
    CHECK(nlohmann::json::parse(f.http.last().body) == nlohmann::json{{"endpoint", kEndpoint}});
    REQUIRE(f.http.respond(204, ""));
    CHECK(f.state.push.phase == Phase::Off);
    CHECK(f.rec().pushUnsubscribes == 0); // the other dossier still uses it
    CHECK_FALSE(PushRegistry::fromJson(f.storage.values().at("motcua.push")).find(kCode));

    f.show(kOtherCode);
    REQUIRE(f.state.push.phase == Phase::Checking);
    push::events().current(kEndpoint);
    REQUIRE(f.http.respond(200, R"({"subscribed":true,"count":1,"max":5})"));
    f.push->set(false);
    REQUIRE(f.http.respond(0, "")); // no network: still on, with a retry that turns it off
    CHECK(f.state.push.phase == Phase::On);
    CHECK(f.state.push.problem == Problem::Offline);
    CHECK_FALSE(f.state.push.retryOn);
    f.push->set(f.state.push.retryOn);
    REQUIRE(f.http.respond(204, ""));
    CHECK(f.state.push.phase == Phase::Off);
    CHECK(f.rec().pushUnsubscribes == 1);
    CHECK(PushRegistry::fromJson(f.storage.values().at("motcua.push")).empty());
    CHECK(f.rec().pushDossiers == "[]");
}

TEST_CASE("PushSwitch: opening a dossier remembered on checks with the server that this "
          "device's subscription is still there",
          "[push]") {
    MemoryStorage kept;
    {
        Fixture first;
        first.show();
        first.turnOn();
        kept = first.storage;
    }
    SECTION("still registered: on") {
        Fixture f(&kept);
        f.show();
        CHECK(f.state.push.phase == Phase::Checking); // shown on while it is asked
        CHECK(f.rec().pushCurrentQueries == 1);
        push::events().current(kEndpoint);
        REQUIRE(f.http.live() == 1);
        CHECK(f.http.last().method == "GET");
        CHECK(f.http.last().url == "/api/v1/dossiers/" + kCode +
                                       "/subscriptions?endpoint=https%3A%2F%2Fpush.example.net%"
                                       "2Fsend%2Fabc");
        CHECK(header(f.http.last(), "Authorization") == "Bearer tok");
        REQUIRE(f.http.respond(200, R"({"subscribed":true,"count":1,"max":5})"));
        CHECK(f.state.push.phase == Phase::On);
    }
    SECTION("renewed by the service worker: on, with the new endpoint remembered") {
        Fixture f(&kept);
        f.show();
        push::events().current("https://push.example.net/send/renewed");
        REQUIRE(f.http.respond(200, R"({"subscribed":true,"count":1,"max":5})"));
        CHECK(f.state.push.phase == Phase::On);
        const PushRegistry now = PushRegistry::fromJson(f.storage.values().at("motcua.push"));
        REQUIRE(now.find(kCode));
        CHECK(now.find(kCode)->endpoint == "https://push.example.net/send/renewed");
    }
    SECTION("the push service ended it: off, forgotten, the browser unsubscribed") {
        Fixture f(&kept);
        f.show();
        push::events().current(kEndpoint);
        REQUIRE(f.http.respond(200, R"({"subscribed":false,"count":0,"max":5})"));
        CHECK(f.state.push.phase == Phase::Off);
        CHECK(f.rec().pushUnsubscribes == 1);
        CHECK(PushRegistry::fromJson(f.storage.values().at("motcua.push")).empty());
    }
    SECTION("the browser lost its subscription: off without asking the server") {
        Fixture f(&kept);
        f.show();
        push::events().current("");
        CHECK(f.state.push.phase == Phase::Off);
        CHECK(f.http.live() == 0);
    }
    SECTION("no answer from the server: on, as the device remembers it") {
        Fixture f(&kept);
        f.show();
        push::events().current(kEndpoint);
        REQUIRE(f.http.respond(0, ""));
        CHECK(f.state.push.phase == Phase::On);
        CHECK(f.state.push.problem == Problem::None);
    }
    SECTION("another dossier: off, and nothing asked") {
        Fixture f(&kept);
        f.show(kOtherCode);
        CHECK(f.state.push.phase == Phase::Off);
        CHECK(f.rec().pushCurrentQueries == 0);
    }
}

TEST_CASE("PushSwitch: a reply for the dossier left behind changes nothing on the next one",
          "[push]") {
    Fixture f;
    f.show();
    f.rec().pushPermission = push::Permission::Granted;
    f.push->set(true);
    f.keyArrives();
    push::events().subscribed(subscriptionJson());
    REQUIRE(f.http.live() == 1);
    f.show(kOtherCode);
    CHECK(f.http.live() == 0); // the registration in flight was cancelled
    CHECK(f.state.push.phase == Phase::Off);
    push::events().subscribed(subscriptionJson()); // late: nobody asked
    CHECK(f.http.live() == 0);
    CHECK_FALSE(f.storage.values().count("motcua.push"));
}

TEST_CASE("PushSwitch: a kiosk never subscribes, and its wipe unsubscribes and forgets", "[push]") {
    Fixture f;
    f.show();
    f.turnOn();
    f.push->wipe();
    REQUIRE(f.http.live() == 1); // the server forgets the open dossier's subscription now
    CHECK(f.http.last().method == "DELETE");
    CHECK(f.rec().pushUnsubscribes == 1);
    CHECK(f.rec().pushDossiers == "[]");
    CHECK_FALSE(f.storage.values().count("motcua.push"));

    f.state.kiosk = true;
    f.show(kOtherCode);
    f.rec().pushPermission = push::Permission::Granted;
    f.push->set(true);
    CHECK(f.state.push.phase == Phase::Off);
    CHECK(f.rec().pushPermissionPrompts == 0);
    CHECK(f.http.live() == 1);
}

TEST_CASE("PushSwitch: a dossier removed from the device stops its news, at the server too",
          "[push]") {
    Fixture f;
    f.turnOnTwo();
    f.state.screen = Screen::Home; // the citizen removes it from the recent list at home
    f.push->drop(kCode);
    CHECK_FALSE(PushRegistry::fromJson(f.storage.values().at("motcua.push")).find(kCode));
    CHECK(f.rec().pushUnsubscribes == 0); // the other dossier still uses the subscription
    // A token from the secret the device kept, then this device's subscription removed.
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().url == "/api/v1/dossiers/lookup");
    CHECK(nlohmann::json::parse(f.http.last().body) ==
          nlohmann::json{{"code", kCode}, {"secret", kSecret}});
    REQUIRE(f.http.respond(200, R"({"token":"fresh","expires_in":3600,"dossier":{}})"));
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().method == "DELETE");
    CHECK(f.http.last().url == "/api/v1/dossiers/" + kCode + "/subscriptions");
    CHECK(header(f.http.last(), "Authorization") == "Bearer fresh");
    CHECK(nlohmann::json::parse(f.http.last().body) == nlohmann::json{{"endpoint", kEndpoint}});
    REQUIRE(f.http.respond(204, ""));
    // The last dossier removed: the browser's subscription ends as well.
    f.push->drop(kOtherCode);
    CHECK(f.rec().pushUnsubscribes == 1);
    CHECK(f.rec().pushDossiers == "[]");
}
