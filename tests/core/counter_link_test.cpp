// The counter tablet's start and setup links: which counter, and the device secret from the
// fragment only.
#include <catch2/catch.hpp>

#include <string>

#include "core/counter_link.h"

using namespace motcua;

// What the server issues: 32 random bytes, unpadded base64url.
static const std::string kSecret = "q3Jx-9_Zb2LmN0pQrStUvWxYz0123456789AbCdEfGh";

TEST_CASE("a plain counter link names its counter and carries no secret", "[counter_link]") {
    const CounterLink link = parseCounterLink("/?mode=counter&counter=3");
    CHECK(link.counterMode);
    CHECK(link.counter == 3);
    CHECK(link.deviceSecret.empty());
    CHECK_FALSE(link.hasFragment);
    CHECK(link.withoutFragment == "/?mode=counter&counter=3");

    CHECK(parseCounterLink("/?counter=12&mode=counter").counter == 12);
    CHECK(parseCounterLink("/?mode=counter&counter=99").counter == 99);
}

TEST_CASE("the setup link's secret comes from the fragment", "[counter_link]") {
    REQUIRE(kSecret.size() == 43);
    const CounterLink link = parseCounterLink("/?mode=counter&counter=3#device=" + kSecret);
    CHECK(link.counterMode);
    CHECK(link.counter == 3);
    CHECK(link.deviceSecret == kSecret);
    CHECK(link.hasFragment);
    CHECK(link.withoutFragment == "/?mode=counter&counter=3");
    // Other fragment parameters beside it do not matter.
    CHECK(parseCounterLink("/?mode=counter&counter=3#x=1&device=" + kSecret).deviceSecret ==
          kSecret);
}

TEST_CASE("a secret in the query is ignored", "[counter_link]") {
    // Queries reach server logs and proxies: a tablet must not learn to take its secret there.
    const CounterLink link = parseCounterLink("/?mode=counter&counter=3&device=" + kSecret);
    CHECK(link.counter == 3);
    CHECK(link.deviceSecret.empty());
    CHECK_FALSE(link.hasFragment);
}

TEST_CASE("a malformed secret is dropped but the fragment still goes", "[counter_link]") {
    for (const std::string& fragment : std::initializer_list<std::string>{
             "#device=", "#device=short", "#device=" + kSecret.substr(0, 20),
             "#device=" + kSecret + "%2F", "#device=" + kSecret + "=", "#", "#k=ABC234",
             "#device=" + std::string(129, 'A')}) {
        const CounterLink link = parseCounterLink("/?mode=counter&counter=3" + fragment);
        INFO(fragment);
        CHECK(link.counter == 3);
        CHECK(link.deviceSecret.empty());
        CHECK(link.hasFragment);
        CHECK(link.withoutFragment == "/?mode=counter&counter=3");
    }
}

TEST_CASE("counter numbers outside 1-99 name no counter", "[counter_link]") {
    for (const char* url :
         {"/?mode=counter", "/?mode=counter&counter=", "/?mode=counter&counter=0",
          "/?mode=counter&counter=100", "/?mode=counter&counter=-3", "/?mode=counter&counter=3a",
          "/?mode=counter&counter=+3", "/?mode=counter&counter=%33"}) {
        INFO(url);
        const CounterLink link = parseCounterLink(url);
        CHECK(link.counterMode);
        CHECK(link.counter == 0);
    }
}

TEST_CASE("only mode=counter in the query is counter mode", "[counter_link]") {
    CHECK_FALSE(parseCounterLink("/").counterMode);
    CHECK_FALSE(parseCounterLink("/?mode=kiosk&counter=3").counterMode);
    CHECK_FALSE(parseCounterLink("/?mode=counters&counter=3").counterMode);
    CHECK_FALSE(parseCounterLink("/d/000.00.12.H42-241124-0001#mode=counter").counterMode);
}

TEST_CASE("secrets are base64url of a plausible length", "[counter_link]") {
    CHECK(isDeviceSecret(kSecret));
    CHECK(isDeviceSecret(std::string(32, 'a')));
    CHECK(isDeviceSecret(std::string(128, '_')));
    CHECK_FALSE(isDeviceSecret(std::string(31, 'a')));
    CHECK_FALSE(isDeviceSecret(std::string(129, 'a')));
    CHECK_FALSE(isDeviceSecret(kSecret.substr(0, 42) + "+"));
    CHECK_FALSE(isDeviceSecret(kSecret.substr(0, 42) + "/"));
    CHECK_FALSE(isDeviceSecret(kSecret.substr(0, 42) + " "));
}

TEST_CASE("each counter keeps its own secret", "[counter_link]") {
    CHECK(counterDeviceKey(3) == "motcua.counter.3.device");
    CHECK(counterDeviceKey(3) != counterDeviceKey(30));
}
