// Line breaking for UI text in every script the app shows. Vietnamese, English and Korean break at
// spaces; Chinese and Japanese between characters, except that no line starts with closing
// punctuation or ends with an opening bracket (kinsoku). ImGui's own wrapping only knows spaces.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace motcua {

// Whether the text holds Han characters or kana (where breaking at spaces is not enough).
bool hasCjkText(std::string_view utf8);

// One line as a byte range of the text, without the spaces it broke at.
struct LineSpan {
    size_t begin = 0;
    size_t end = 0;
};

// Greedy layout of `utf8` into lines no wider than maxWidth, measured by width(begin, end) over
// byte ranges. '\n' always breaks. A run that cannot fit on a line of its own (a long code, a
// narrow screen at 200 % text) is cut between characters rather than overflow.
std::vector<LineSpan> wrapLines(std::string_view utf8, float maxWidth,
                                const std::function<float(size_t begin, size_t end)>& width);

} // namespace motcua
