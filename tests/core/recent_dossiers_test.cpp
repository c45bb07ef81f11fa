// The recent-dossiers list kept on the device.
#include <catch2/catch.hpp>

#include <string>

#include "core/recent_dossiers.h"

using namespace motcua;

namespace {
std::string code(int serial) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "000.00.12.H42-241124-%04d", serial);
    return buf;
}
} // namespace

TEST_CASE("adding puts the newest first without duplicates", "[recent_dossiers]") {
    RecentDossiers list;
    CHECK(list.add({code(1), "K7P2QX", 4, 100, "{}"}));
    CHECK(list.add({code(2), "", 2, 200, ""}));
    CHECK(list.add({" 000.00.12.h42-241124-0001 ", "", 9, 300, ""})); // same code, typed again
    REQUIRE(list.size() == 2);
    CHECK(list.entries()[0].code == code(1));
    CHECK(list.entries()[0].lastStatus == 9);
    CHECK(list.entries()[0].secret == "K7P2QX"); // kept from before
    CHECK(list.entries()[0].cachedJson == "{}");
    CHECK(list.entries()[1].code == code(2));
}

TEST_CASE("invalid codes are not remembered", "[recent_dossiers]") {
    RecentDossiers list;
    CHECK_FALSE(list.add({"hello", "", 0, 0, ""}));
    CHECK(list.empty());
    CHECK(list.add({code(1), "bad secret", 0, 0, ""}));
    CHECK(list.entries()[0].secret.empty());
}

TEST_CASE("the list is capped at 20, dropping the oldest", "[recent_dossiers]") {
    RecentDossiers list;
    for (int i = 1; i <= 25; ++i)
        list.add({code(i), "", 4, i, ""});
    REQUIRE(list.size() == RecentDossiers::kMaxEntries);
    CHECK(list.entries().front().code == code(25));
    CHECK(list.entries().back().code == code(6));
    CHECK_FALSE(list.find(code(5)));
}

TEST_CASE("remove and clear", "[recent_dossiers]") {
    RecentDossiers list;
    list.add({code(1), "K7P2QX", 4, 1, ""});
    list.add({code(2), "", 4, 2, ""});
    CHECK(list.remove(code(1)));
    CHECK_FALSE(list.remove(code(1)));
    CHECK(list.size() == 1);
    list.clear();
    CHECK(list.empty());
    CHECK(RecentDossiers::fromJson(list.toJson()).empty());
}

TEST_CASE("stored text round-trips", "[recent_dossiers]") {
    RecentDossiers list;
    list.add({code(1), "K7P2QX", 10, 1732411800, R"({"code":"x","owner":"Nguyễn V. A."})"});
    list.add({code(2), "", 5, 1732500000, ""});
    RecentDossiers back = RecentDossiers::fromJson(list.toJson());
    REQUIRE(back.size() == 2);
    CHECK(back.entries()[0].code == code(2));
    CHECK(back.entries()[1].secret == "K7P2QX");
    CHECK(back.entries()[1].lastStatus == 10);
    CHECK(back.entries()[1].updatedAt == 1732411800);
    CHECK(back.entries()[1].cachedJson == R"({"code":"x","owner":"Nguyễn V. A."})");
}

TEST_CASE("corrupt stored text gives an empty list or skips bad entries", "[recent_dossiers]") {
    for (const char* text : {"", "garbage", "{", "[]", "null", R"({"items": 5})",
                             R"({"items": [1, "x", null]})", "\xff\xff"}) {
        INFO(text);
        CHECK(RecentDossiers::fromJson(text).empty());
    }
    RecentDossiers mixed = RecentDossiers::fromJson(
        R"({"v":1,"items":[{"code":"nope"},{"code":"000.00.12.H42-241124-0003","status":"4"},)"
        R"({"code":"000.00.12.H42-241124-0003"},{"code":"000.00.12.H42-241124-0004",)"
        R"("secret":"K7P2Q0","updated_at":1e99}]})");
    REQUIRE(mixed.size() == 2);
    CHECK(mixed.entries()[0].lastStatus == 0);
    CHECK(mixed.entries()[1].secret.empty());
    CHECK(mixed.entries()[1].updatedAt == 0);
    std::string many = R"({"items":[)";
    for (int i = 1; i <= 50; ++i)
        many += std::string(i > 1 ? "," : "") + R"({"code":")" + code(i) + R"("})";
    many += "]}";
    CHECK(RecentDossiers::fromJson(many).size() == RecentDossiers::kMaxEntries);
}
