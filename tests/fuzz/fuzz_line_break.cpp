// libFuzzer target: any text the app may wrap (server content, translations, what a citizen
// typed) is laid out into lines that cover it in order, each fitting or a single character.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/line_break.h"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const float maxWidth = static_cast<float>(data[0] % 40); // 0: nothing fits
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    (void)hasCjkText(text);
    auto width = [](size_t b, size_t e) { return static_cast<float>(e - b); };
    size_t prevEnd = 0;
    for (const LineSpan& l : wrapLines(text, maxWidth, width)) {
        if (l.begin < prevEnd || l.end < l.begin || l.end > text.size()) __builtin_trap();
        // Too wide only when a single character (up to 4 bytes) could not fit.
        if (width(l.begin, l.end) > maxWidth && l.end - l.begin > 4) __builtin_trap();
        // What lies between lines is only spaces and line breaks.
        for (size_t i = prevEnd; i < l.begin; ++i)
            if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' &&
                static_cast<unsigned char>(text[i]) != 0xE3 && // U+3000 ideographic space
                static_cast<unsigned char>(text[i]) != 0x80)
                __builtin_trap();
        prevEnd = l.end;
    }
    return 0;
}
