// Vietnamese letters from the kiosk keyboard's tone and mark keys.
#include <catch2/catch.hpp>

#include "core/vn_compose.h"

using namespace motcua;

TEST_CASE("Tone keys put the tone on the right vowel", "[compose]") {
    CHECK(applyTone("Nguyen", Tone::Tilde) == "Nguyẽn");
    CHECK(applyTone(applyMark("Nguyen", LetterMark::Circumflex), Tone::Tilde) == "Nguyễn");
    CHECK(applyTone("hoa", Tone::Grave) == "hòa");
    CHECK(applyTone("toan", Tone::Acute) == "toán");
    CHECK(applyTone("mua", Tone::Grave) == "mùa");
    CHECK(applyTone("quy", Tone::Acute) == "quý");
    CHECK(applyTone("ban", Tone::Dot) == "bạn");
    CHECK(applyTone("Đa Nang", Tone::Tilde) == "Đa Nãng");
}

TEST_CASE("The same tone again removes it, another replaces it", "[compose]") {
    CHECK(applyTone("bán", Tone::Acute) == "ban");
    CHECK(applyTone("bán", Tone::Grave) == "bàn");
}

TEST_CASE("Letter marks make â ê ô ă ơ ư đ and keep the tone", "[compose]") {
    CHECK(applyMark("d", LetterMark::Stroke) == "đ");
    CHECK(applyMark("D", LetterMark::Stroke) == "Đ");
    CHECK(applyMark("tu", LetterMark::Horn) == "tư");
    CHECK(applyMark("tú", LetterMark::Horn) == "tứ");
    CHECK(applyMark("can", LetterMark::Breve) == "căn");
    CHECK(applyMark("tâ", LetterMark::Circumflex) == "ta");
}

TEST_CASE("Text without a vowel and Backspace are safe", "[compose]") {
    CHECK(applyTone("", Tone::Acute).empty());
    CHECK(applyTone("123-", Tone::Acute) == "123-");
    CHECK(dropLastCharacter("Nguyễn") == "Nguyễ");
    CHECK(dropLastCharacter("").empty());
}
