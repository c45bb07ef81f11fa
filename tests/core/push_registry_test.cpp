// The Web Push registry kept on the device, and the small push replies of the API.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "core/push_registry.h"

using namespace motcua;

namespace {
const std::string kA = "000.00.12.H42-241124-0001";
const std::string kB = "000.00.12.H42-241124-0002";
const std::string kEndpoint = "https://push.example.net/send/abc";
} // namespace

TEST_CASE("the push registry keeps one entry per dossier and survives a round trip",
          "[push_registry]") {
    PushRegistry r;
    CHECK(r.add({kA, "K7P2QX", "vi", kEndpoint}));
    CHECK(r.add({kB, "ABC234", "en", kEndpoint}));
    CHECK(r.add({kA, "K7P2QX", "ja", kEndpoint + "2"})); // again: replaced, not doubled
    CHECK_FALSE(r.add({"not a code", "K7P2QX", "vi", kEndpoint}));
    CHECK_FALSE(r.add({kA, "K7P2QX", "vi", ""})); // no endpoint: nothing to remember
    REQUIRE(r.entries().size() == 2);
    const PushRegistry back = PushRegistry::fromJson(r.toJson());
    REQUIRE(back.find(kA));
    CHECK(back.find(kA)->lang == "ja");
    CHECK(back.find(kA)->endpoint == kEndpoint + "2");
    CHECK(back.find(kB)->secret == "ABC234");
    // The worker's list names every dossier with what it needs to register a renewal.
    const auto list = nlohmann::json::parse(back.workerJson());
    REQUIRE(list.size() == 2);
    CHECK(list[0]["code"] == kB);
    CHECK(list[0]["secret"] == "ABC234");
}

TEST_CASE("the browser's subscription is still needed while any dossier uses it",
          "[push_registry]") {
    PushRegistry r;
    r.add({kA, "K7P2QX", "vi", kEndpoint});
    r.add({kB, "ABC234", "vi", kEndpoint});
    CHECK(r.remove(kA));
    CHECK_FALSE(r.remove(kA));
    CHECK(r.uses(kEndpoint));
    r.remove(kB);
    CHECK_FALSE(r.uses(kEndpoint));
    CHECK(r.empty());
}

TEST_CASE("a corrupt or edited registry reads as empty or without its bad entries",
          "[push_registry]") {
    CHECK(PushRegistry::fromJson("").empty());
    CHECK(PushRegistry::fromJson("{\"v\":1,\"items\":[").empty());
    CHECK(PushRegistry::fromJson("[1,2,3]").empty());
    const PushRegistry r =
        PushRegistry::fromJson(R"({"v":1,"items":[{"code":5},{"code":")" + kA +
                               R"(","secret":"<script>","lang":"xx","endpoint":"https://e/1"}]})");
    REQUIRE(r.entries().size() == 1);
    CHECK(r.find(kA)->secret.empty()); // not a secret: dropped, never sent
    CHECK(r.find(kA)->lang == "vi");
}

TEST_CASE("the server's push key and subscription state are read strictly", "[push_registry]") {
    const std::string key =
        "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    const auto ok = parsePushKey(R"({"public_key":")" + key + R"("})");
    REQUIRE(ok);
    CHECK(*ok.value == key);
    CHECK_FALSE(parsePushKey(R"({"public_key":"short"})"));
    CHECK_FALSE(parsePushKey(R"({"public_key":")" + key.substr(0, 80) + R"(+/=="})"));
    CHECK(parsePushKey("{}").code == ParseError::MissingField);
    CHECK(parsePushKey("not json").code == ParseError::Malformed);

    CHECK(*parsePushSubscribed(R"({"subscribed":true,"count":1,"max":5})").value);
    CHECK_FALSE(*parsePushSubscribed(R"({"subscribed":false})").value);
    CHECK(parsePushSubscribed(R"({"subscribed":"yes"})").code == ParseError::WrongType);
    CHECK(parsePushSubscribed("{}").code == ParseError::MissingField);
}

TEST_CASE("the subscription body carries the browser's endpoint and keys with the language",
          "[push_registry]") {
    std::string endpoint;
    const std::string body = pushSubscribeBody(
        R"({"endpoint":"https://push.example.net/send/abc","expirationTime":null,)"
        R"("keys":{"p256dh":"BCVx","auth":"BTBZ"}})",
        "ko", endpoint);
    CHECK(endpoint == kEndpoint);
    CHECK(nlohmann::json::parse(body) ==
          nlohmann::json{{"endpoint", kEndpoint},
                         {"keys", {{"p256dh", "BCVx"}, {"auth", "BTBZ"}}},
                         {"lang", "ko"}});
    CHECK(pushSubscribeBody(R"({"endpoint":"https://e/1"})", "vi", endpoint).empty());
    CHECK(endpoint.empty());
    CHECK(pushSubscribeBody("null", "vi", endpoint).empty());
}
