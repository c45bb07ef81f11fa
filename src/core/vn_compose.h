// Vietnamese letters from plain keys, for the kiosk's on-screen keyboard: tone keys (sắc, huyền,
// hỏi, ngã, nặng) and letter marks (â ê ô ă ơ ư đ) applied to the word before the caret.
#pragma once

#include <string>
#include <string_view>

namespace motcua {

enum class Tone { None, Acute, Grave, Hook, Tilde, Dot };
enum class LetterMark { Circumflex, Breve, Horn, Stroke };

// Puts a tone on the right vowel of the last word of `text` (NFC UTF-8); a tone already there
// is replaced; the same tone again removes it. Returns the text unchanged when there is no vowel.
std::string applyTone(std::string_view text, Tone tone);
// Adds a letter mark to the last letter of `text` that can take it (a→â/ă, e→ê, o→ô/ơ, u→ư,
// d→đ); the same mark again removes it.
std::string applyMark(std::string_view text, LetterMark mark);
// Composes Vietnamese letters written with combining marks (NFD: "e" + U+0302 + U+0301) into the
// precomposed letters NFC has ("ế"), as Python's unicodedata.normalize("NFC") does for them; other
// text is kept as it is. Idempotent.
std::string composeVietnamese(std::string_view text);
// Removes the last Unicode character (what Backspace does).
std::string dropLastCharacter(std::string_view text);

} // namespace motcua
