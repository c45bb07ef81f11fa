// Line breaking for UI text (see line_break.h). A small subset of UAX #14 that covers the app's
// languages: spaces, ideographs and kana, and the kinsoku punctuation of Chinese and Japanese.
#include "core/line_break.h"

#include <algorithm>
#include <cstdint>

#include "core/utf8.h"

namespace motcua {
namespace {

struct Char {
    char32_t cp;
    size_t begin, end;
};

// The character at byte i (an invalid byte counts as a character of its own, which breaks nothing).
Char charAt(std::string_view s, size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t n = std::max<size_t>(1, utf8LeadLength(b));
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? b : (b & (0x7F >> n));
    for (size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            n = 1; // invalid: take the byte alone, it breaks nothing
            cp = b;
            break;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms (a space spelt in two bytes) and out-of-range values are not characters.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        n = 1;
        cp = b;
    }
    return {cp, i, i + n};
}

std::vector<Char> decode(std::string_view s) {
    std::vector<Char> out;
    for (size_t i = 0; i < s.size(); i = out.back().end)
        out.push_back(charAt(s, i));
    return out;
}

bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == 0x3000;
}

// Han, kana and CJK punctuation: a line may break on either side of them.
bool isIdeographic(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FFF) || (c >= 0x3000 && c <= 0x30FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

// Must not start a line: closing punctuation, small kana, prolonged sound marks.
bool noStart(char32_t c) {
    static constexpr std::u32string_view kChars =
        U")]}>.,;:!?%…‥・、。，．：；？！）］｝〉》」』】〕〗〙〛〟ー々〻ゝゞヽヾ"
        U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ゠–—";
    return kChars.find(c) != std::u32string_view::npos;
}

// Must not end a line: opening brackets.
bool noEnd(char32_t c) {
    static constexpr std::u32string_view kChars = U"([{<（［｛〈《「『【〔〖〘〚〝";
    return kChars.find(c) != std::u32string_view::npos;
}

// Whether a line may start at character i (i > 0), the spaces before it left at the line's end.
bool breakBefore(const std::vector<Char>& cs, size_t i) {
    const char32_t prev = cs[i - 1].cp, cur = cs[i].cp;
    if (isSpace(cur)) return false; // break after the spaces, not before them
    if (isSpace(prev)) return !noStart(cur);
    if (!isIdeographic(prev) && !isIdeographic(cur)) return false;
    return !noStart(cur) && !noEnd(prev);
}

} // namespace

// Asked for every wrapped text of every frame: no allocation, and plain ASCII skipped fast.
bool hasCjkText(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
        if (static_cast<unsigned char>(utf8[i]) < 0xE2) { // below U+2000 (or a stray byte)
            ++i;
            continue;
        }
        const Char c = charAt(utf8, i);
        if (isIdeographic(c.cp) && !isSpace(c.cp)) return true;
        i = c.end;
    }
    return false;
}

std::vector<LineSpan> wrapLines(std::string_view utf8, float maxWidth,
                                const std::function<float(size_t, size_t)>& width) {
    const std::vector<Char> cs = decode(utf8);
    std::vector<LineSpan> lines;
    const size_t n = cs.size();
    auto byteAt = [&](size_t i) { return i < n ? cs[i].begin : utf8.size(); };
    // The end of a line that breaks before character i: without the spaces before it.
    auto trimmedEnd = [&](size_t start, size_t i) {
        while (i > start && isSpace(cs[i - 1].cp))
            --i;
        return byteAt(i);
    };
    auto skipSpaces = [&](size_t i) {
        while (i < n && isSpace(cs[i].cp))
            ++i;
        return i;
    };

    size_t start = 0;   // first character of the current line
    size_t lastFit = 0; // the furthest break that fits (0: none yet)
    for (size_t i = 1; i <= n; ++i) {
        const bool newline = cs[i - 1].cp == '\n';
        if (i < n && !newline && !breakBefore(cs, i)) continue;
        const size_t endChar = newline ? i - 1 : i;
        if (width(byteAt(start), trimmedEnd(start, endChar)) <= maxWidth) {
            if (newline || i == n) {
                lines.push_back({byteAt(start), trimmedEnd(start, endChar)});
                start = i;
                lastFit = 0;
            } else {
                lastFit = i;
            }
            continue;
        }
        if (lastFit > start) {
            // Break at the last place that fitted, then look at this break again.
            lines.push_back({byteAt(start), trimmedEnd(start, lastFit)});
            start = skipSpaces(lastFit);
            lastFit = 0;
            i = start; // the loop's ++i examines start + 1 next
            continue;
        }
        // Nothing fits from `start` to this break: cut between characters (at least one).
        size_t cut = start + 1;
        while (cut < endChar && width(byteAt(start), byteAt(cut + 1)) <= maxWidth)
            ++cut;
        lines.push_back({byteAt(start), byteAt(cut)});
        start = skipSpaces(cut);
        lastFit = 0;
        i = start;
    }
    if (lines.empty()) lines.push_back({0, 0});
    return lines;
}

} // namespace motcua
