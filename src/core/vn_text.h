// Vietnamese text folding for search: "Đăng ký Khai sinh" and "dang ky  khai-sinh" both become
// "dang ky khai sinh", so what a citizen types without diacritics still matches the catalogue.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua {

// Decodes UTF-8 (NFC precomposed or NFD with combining marks), lower-cases, strips tone and
// vowel marks (đ→d, ă/â→a, ê→e, ô/ơ→o, ư→u), keeps a–z and 0–9, turns punctuation and
// whitespace into single spaces and trims. Letters of other scripts are kept as they are.
// Invalid UTF-8 bytes count as separators.
std::string foldText(std::string_view utf8);
// Same, appending to `out` (cleared first) so callers in loops can reuse the buffer.
void foldTextInto(std::string_view utf8, std::string& out);

// Splits folded text on spaces into views of `folded` (which must outlive them).
void splitTokens(std::string_view folded, std::vector<std::string_view>& out);
std::vector<std::string> tokenize(std::string_view utf8); // foldText, then split

// Lower-cases ASCII letters only (English text, codes); other bytes are copied unchanged.
std::string asciiLower(std::string_view text);

} // namespace motcua
