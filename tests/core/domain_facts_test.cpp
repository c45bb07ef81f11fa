// The embedded assets/domain facts: every file parses completely, and a broken one spoils only its
// own part.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/domain_facts.h"

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
