// UTF-8 decoding shared by the core's text code (search folding, codes, line breaking, forms).
#pragma once

#include <cstddef>
#include <string_view>

namespace motcua {

// Bytes in the sequence a lead byte starts (1 to 4), 0 for a byte that cannot start one.
inline size_t utf8LeadLength(unsigned char lead) {
    return lead < 0x80           ? 1
           : (lead >> 5) == 0x6  ? 2
           : (lead >> 4) == 0xE  ? 3
           : (lead >> 3) == 0x1E ? 4
                                 : 0;
}

// Decodes the code point at s[i] into `cp`; returns the bytes it used, 0 for an invalid sequence
// (truncated, overlong, a UTF-16 surrogate or above U+10FFFF, as in RFC 3629).
size_t decodeUtf8(std::string_view s, size_t i, char32_t& cp);

} // namespace motcua
