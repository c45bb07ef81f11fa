// Typing and pasting dossier codes and secrets, with live hints.
#include <catch2/catch.hpp>

#include <string>

#include "core/dossier_code.h"

using namespace motcua;

static const std::string kCode = "000.00.12.H42-241124-0001";

TEST_CASE("codes are normalised from what people type or paste", "[dossier_code]") {
    CHECK(normalizeCode(kCode) == kCode);
    CHECK(normalizeCode("  000.00.12.h42-241124-0001 \n") == kCode);
    CHECK(normalizeCode("000.00.12.H42 - 241124 - 0001") == kCode);
    CHECK(normalizeCode("000.00.12.H42\xE2\x80\x93"
                        "241124\xE2\x80\x94"
                        "0001") == kCode); // en/em dash
    CHECK(normalizeCode("\xC2\xA0"
                        "000.00.12.H42-241124-0001\xE2\x80\x8B") == kCode); // NBSP, ZWSP
    CHECK(normalizeCode("\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90.00.12.H42-241124-0001") == kCode);
    CHECK(normalizeCode("\"000.00.12.H42-241124-0001.\"") == kCode);
    CHECK(normalizeCode(normalizeCode(" 000.00.12.h42-241124-0001. ")) == kCode);
    CHECK(isValidCode(" 000.00.12.h42 - 241124 - 0001 "));
}

TEST_CASE("valid codes", "[dossier_code]") {
    CHECK(codeHint(kCode) == CodeHint::Valid);
    CHECK(codeHint("000.00.12.H42-240229-0001") == CodeHint::Valid); // leap day
    CHECK(codeHint("99.G22-241124-12345") == CodeHint::Valid);
    CHECK(codeHint("000.00.00.H42-241124-000001") == CodeHint::Valid);
    auto parts = splitCode(kCode);
    REQUIRE(parts);
    CHECK(parts->agency == "000.00.12.H42");
    CHECK(parts->date == CivilDate{2024, 11, 24});
    CHECK(parts->serial == 1);
}

TEST_CASE("every prefix of a valid code is plausible while typing", "[dossier_code]") {
    CHECK(codeHint("") == CodeHint::Empty);
    CHECK(codeHint("   ") == CodeHint::Empty);
    for (size_t n = 1; n < kCode.size(); ++n) {
        std::string prefix = kCode.substr(0, n);
        INFO(prefix);
        CodeHint hint = codeHint(prefix);
        CHECK((hint == CodeHint::Incomplete || hint == CodeHint::Valid));
        if (n < kCode.size() - 1) CHECK(hint != CodeHint::Valid);
    }
}

TEST_CASE("hints point at what is wrong", "[dossier_code]") {
    CHECK(codeHint("000.00.12.H42-241124-000#") == CodeHint::BadCharacter);
    CHECK(codeHint("000,00") == CodeHint::BadCharacter);
    CHECK(codeHint("mã hồ sơ") == CodeHint::BadCharacter);
    CHECK(codeHint("000.00.12.42-241124-0001") == CodeHint::BadAgency); // last group needs a letter
    CHECK(codeHint("000..12.H42") == CodeHint::BadAgency);
    CHECK(codeHint(".000") == CodeHint::BadAgency);
    CHECK(codeHint("H42-241124-0001") == CodeHint::BadAgency);    // one group only
    CHECK(codeHint("00000.00.12.H42") == CodeHint::BadAgency);    // group too long
    CHECK(codeHint("000.00.12.H42-241324") == CodeHint::BadDate); // month 13
    CHECK(codeHint("000.00.12.H42-2413") == CodeHint::BadDate);
    CHECK(codeHint("000.00.12.H42-2412") == CodeHint::Incomplete);
    CHECK(codeHint("000.00.12.H42-230229-0001") == CodeHint::BadDate); // 2023 is not leap
    CHECK(codeHint("000.00.12.H42-241131-0001") == CodeHint::BadDate);
    CHECK(codeHint("000.00.12.H42-2411-0001") == CodeHint::BadDate);
    CHECK(codeHint("000.00.12.H42-24112A") == CodeHint::BadDate);
    CHECK(codeHint("000.00.12.H42-241124-0001234") == CodeHint::TooLong);
    CHECK(codeHint("000.00.12.H42-241124-0001-1") == CodeHint::TooLong);
    CHECK(codeHint(std::string(60, '0')) == CodeHint::TooLong);
    CHECK(codeHint("000.00.12.H42-241124-12") == CodeHint::Incomplete);
    CHECK(std::string(codeHintKey(CodeHint::BadDate)) == "code_hint.bad_date");
}

TEST_CASE("secrets", "[dossier_code]") {
    CHECK(normalizeSecret(" k7p 2qx ") == "K7P2QX");
    CHECK(isValidSecret("K7P2QX"));
    CHECK(isValidSecret(" k7p2qx "));
    CHECK_FALSE(isValidSecret("K7P2Q"));   // too short
    CHECK_FALSE(isValidSecret("K7P2QXX")); // too long
    CHECK_FALSE(isValidSecret("K7P2Q0"));  // 0 is not in the alphabet
    CHECK_FALSE(isValidSecret("K7P2QI"));  // nor I
    CHECK_FALSE(isValidSecret("K7P2Q-"));
    CHECK_FALSE(isValidSecret(""));
}
