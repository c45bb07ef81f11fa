// String tables: a key missing from a language shows its fallback's text, never a blank; bad
// files change nothing.
#include <catch2/catch.hpp>

#include <string>

#include "core/i18n.h"

using namespace motcua;

TEST_CASE("A missing key shows the fallback language, then the key itself", "[i18n]") {
    Strings en;
    REQUIRE(en.load(R"({"lookup.submit": "Look up", "home.title": "Home"})"));
    Strings ko;
    REQUIRE(ko.load(R"({"home.title": "홈"})"));
    ko.setFallback(&en);
    CHECK(std::string(ko.get("home.title")) == "홈");
    CHECK(std::string(ko.get("lookup.submit")) == "Look up");
    CHECK(std::string(ko.get("no.such.key")) == "no.such.key");
}

TEST_CASE("A malformed or wrongly typed string file keeps the table as it was", "[i18n]") {
    Strings s;
    REQUIRE(s.load(R"({"a.b": "x"})"));
    CHECK_FALSE(s.load("{not json"));
    CHECK_FALSE(s.load(R"(["a", "b"])"));
    CHECK_FALSE(s.load(R"({"a.b": 5})"));
    CHECK(std::string(s.get("a.b")) == "x");
    CHECK(s.size() == 1);
}
