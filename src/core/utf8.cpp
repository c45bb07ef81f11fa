// Strict UTF-8 decoding (see utf8.h).
#include "core/utf8.h"

namespace motcua {

size_t decodeUtf8(std::string_view s, size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const size_t len = utf8LeadLength(b0);
    if (len == 0 || i + len > s.size()) return 0;
    constexpr char32_t kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    cp = b0 & kLeadMask[len];
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0; // overlong, out of range, surrogate
    return len;
}

} // namespace motcua
