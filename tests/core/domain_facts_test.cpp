// The embedded assets/domain facts: complete, used by statuses, strings, codes and ratings, and the
// hand-written code grammar accepts exactly what the shared pattern accepts.
#include <catch2/catch.hpp>

#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/domain_facts.h"
#include "core/dossier.h"
#include "core/dossier_code.h"
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

TEST_CASE("rating levels and request categories come from the domain files", "[domain]") {
    REQUIRE(domainFacts().ratingLevels.size() == 3); // RatingLevel's three values, best first
    CHECK(std::string(ratingLevelKey(RatingLevel::VerySatisfied)) == "very_satisfied");
    CHECK(std::string(ratingLevelKey(RatingLevel::Dissatisfied)) == "dissatisfied");
    CHECK(ratingLevelFromKey("satisfied") == RatingLevel::Satisfied);
    CHECK_FALSE(ratingLevelFromKey("happy"));
    CHECK(isRequestCategory("question"));
    CHECK(isRequestCategory("complaint"));
    CHECK_FALSE(isRequestCategory("Question"));
    CHECK_FALSE(isRequestCategory(""));
}

namespace {

// The pattern checks yyMMdd by ranges only; a valid code's date must also exist.
bool hasRealDate(const std::string& code) {
    const size_t dash = code.find('-');
    const std::string d = code.substr(dash + 1, 6);
    return isValidDate(2000 + std::stoi(d.substr(0, 2)), std::stoi(d.substr(2, 2)),
                       std::stoi(d.substr(4, 2)));
}

bool patternAccepts(const std::regex& pattern, const std::string& code) {
    return std::regex_match(code, pattern) && hasRealDate(code);
}

std::vector<std::string> codeCorpus() {
    std::vector<std::string> agencies;
    for (const char* group : {"0", "0000", "00000", "AB1", "H42"})
        for (int leading = 0; leading <= 6; ++leading)
            for (const char* last : {"H42", "H420", "H4", "H4200", "42", "A", "X99", "000"}) {
                std::string agency;
                for (int i = 0; i < leading; ++i)
                    agency += std::string(group) + ".";
                agencies.push_back(agency + last);
            }
    std::vector<std::string> codes;
    for (const std::string& agency : agencies)
        for (const char* date : {"241124", "000229", "010229", "241231", "241232", "241301",
                                 "240001", "240100", "991231", "24112", "2411245"})
            for (const char* serial : {"001", "0001", "00001", "000001", "0000001", "00A1"})
                codes.push_back(agency + "-" + date + "-" + serial);
    // Random edits of valid codes (a fixed seed: the same corpus every run).
    const std::string alphabet = "0123456789AHZ.-";
    uint32_t state = 12345;
    auto next = [&state](uint32_t n) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % n;
    };
    const std::vector<std::string> seeds = {"000.00.12.H42-241124-0001", "A1.H420-000229-123456",
                                            "0000.0000.0000.0000.0000.H42-241124-0001"};
    for (int i = 0; i < 20000; ++i) {
        std::string c = seeds[next(seeds.size())];
        for (uint32_t edits = 1 + next(3); edits > 0; --edits) {
            const size_t at = next(static_cast<uint32_t>(c.size()));
            const char ch = alphabet[next(static_cast<uint32_t>(alphabet.size()))];
            switch (next(3)) {
            case 0:
                c[at] = ch;
                break;
            case 1:
                c.insert(c.begin() + static_cast<std::ptrdiff_t>(at), ch);
                break;
            default:
                if (c.size() > 1) c.erase(at, 1);
            }
        }
        codes.push_back(c);
    }
    return codes;
}

} // namespace

TEST_CASE("the code grammar accepts exactly what the shared pattern accepts", "[domain][code]") {
    const std::regex pattern(domainFacts().codePattern, std::regex::ECMAScript);
    CHECK(patternAccepts(pattern, "000.00.12.H42-241124-0001"));
    size_t accepted = 0;
    for (const std::string& code : codeCorpus()) {
        // The pattern speaks of normalised codes (a trailing '.' from a sentence is dropped).
        const bool want = patternAccepts(pattern, normalizeCode(code));
        INFO(code);
        CHECK(isValidCode(code) == want);
        accepted += want ? 1 : 0;
    }
    CHECK(accepted > 1000); // the corpus exercises both answers
}

TEST_CASE("a receipt secret is the domain's length in the domain's alphabet", "[domain][code]") {
    const std::regex pattern("[" + std::string(secretAlphabet()) + "]{" +
                             std::to_string(secretLength()) + "}");
    const std::string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    uint32_t state = 7;
    for (int i = 0; i < 5000; ++i) {
        std::string s;
        state = state * 1664525u + 1013904223u;
        for (uint32_t n = 5 + (state >> 8) % 3; n > 0; --n) {
            state = state * 1664525u + 1013904223u;
            s += chars[(state >> 8) % chars.size()];
        }
        INFO(s);
        CHECK(isValidSecret(s) == std::regex_match(s, pattern));
    }
}
