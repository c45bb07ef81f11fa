// The embedded assets/domain facts: every file parses completely, a broken one spoils only its own
// part, and the strings take their status words from them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/domain_facts.h"
#include "core/i18n.h"
#include "core/status.h"

using namespace motcua;

TEST_CASE("every domain file is embedded and parses completely", "[domain]") {
    const DomainFacts& f = domainFacts();
    CHECK(f.complete);
    REQUIRE(f.statuses.size() == 10);
    for (int code = 1; code <= 10; ++code) {
        REQUIRE(findStatusFact(code) != nullptr);
        for (const std::string& w : findStatusFact(code)->words)
            CHECK_FALSE(w.empty());
    }
    CHECK(f.calendar.firstYear == 2024);
    CHECK(f.calendar.lastYear == 2030);
    CHECK(f.secretLength == 6);
    CHECK(f.maxCodeLength == 40);
}

TEST_CASE("a broken file leaves only its own part empty", "[domain]") {
    const DomainFacts f = parseDomainFacts({.statuses = "{not json",
                                            .calendar = "{}",
                                            .codes = R"({"dossier_code": 5})",
                                            .rating = R"({"levels": ["a", "b"]})",
                                            .requestCategories = "[]"});
    CHECK_FALSE(f.complete);
    CHECK(f.statuses.empty());
    CHECK(f.secretAlphabet.empty());
    CHECK(f.ratingLevels == std::vector<std::string>{"a", "b"});
}

TEST_CASE("status words come from the domain file in every language", "[domain][i18n]") {
    Strings en;
    REQUIRE(en.load(R"({"home.title": "Home"})", Language::En));
    CHECK(std::string(en.get("status.6")) == "Fees/taxes due");
    CHECK(std::string(en.get(statusInfo(9).i18nKey)) == "Result ready");
    Strings vi;
    REQUIRE(vi.load("{}", Language::Vi));
    CHECK(std::string(vi.get("status.9")) == "Đã có kết quả");
    Strings ja;
    REQUIRE(ja.load("{}", Language::Ja));
    CHECK(std::string(ja.get("status.4")) == "処理中");
    CHECK(std::string(statusWords(1, Language::Ko)) == "신규 등록");
    CHECK(std::string(statusWords(11, Language::Vi)).empty());
}
