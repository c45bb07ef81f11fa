// The QR Code module grid: where the function patterns go, how data fills the rest, the eight
// masks and the penalty rules that choose between them (ISO/IEC 18004 §7.7–7.9).
#include "core/qr_matrix.h"

#include <algorithm>
#include <cstdlib>

namespace motcua::qr {

namespace {

bool bit(std::uint32_t value, int index) {
    return ((value >> index) & 1U) != 0;
}

void drawFinder(Grid& g, int cx, int cy) {
    // 7×7 finder plus its one-module light separator, clipped at the symbol's edge.
    for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx) {
            const int x = cx + dx, y = cy + dy;
            if (x < 0 || y < 0 || x >= g.size || y >= g.size) continue;
            const int dist = std::max(std::abs(dx), std::abs(dy));
            g.set(x, y, dist != 2 && dist != 4, true);
        }
}

void drawAlignment(Grid& g, int cx, int cy) {
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx)
            g.set(cx + dx, cy + dy, std::max(std::abs(dx), std::abs(dy)) != 1, true);
}

bool maskBit(int mask, int x, int y) {
    switch (mask) {
    case 0:
        return (x + y) % 2 == 0;
    case 1:
        return y % 2 == 0;
    case 2:
        return x % 3 == 0;
    case 3:
        return (x + y) % 3 == 0;
    case 4:
        return (x / 3 + y / 2) % 2 == 0;
    case 5:
        return x * y % 2 + x * y % 3 == 0;
    case 6:
        return (x * y % 2 + x * y % 3) % 2 == 0;
    default:
        return ((x + y) % 2 + x * y % 3) % 2 == 0;
    }
}

// Rules 1 and 3 along one line (a row, or a column read through `get`).
template <class Get> int linePenalty(int size, Get get) {
    int score = 0;
    int run = 1;
    for (int i = 1; i <= size; ++i) {
        if (i < size && get(i) == get(i - 1)) {
            ++run;
            continue;
        }
        if (run >= 5) score += 3 + (run - 5);
        run = 1;
    }
    // Dark-light-dark×3-light-dark with four light modules on either side (outside is light).
    auto lightAt = [&](int i) { return i < 0 || i >= size || !get(i); };
    static constexpr bool kCore[7] = {true, false, true, true, true, false, true};
    for (int i = 0; i + 7 <= size; ++i) {
        bool match = true;
        for (int k = 0; k < 7 && match; ++k)
            match = get(i + k) == kCore[k];
        if (!match) continue;
        bool before = true, after = true;
        for (int k = 1; k <= 4; ++k) {
            before = before && lightAt(i - k);
            after = after && lightAt(i + 6 + k);
        }
        if (before || after) score += 40;
    }
    return score;
}

} // namespace

int rawDataModules(int version) {
    int result = (16 * version + 128) * version + 64;
    if (version >= 2) {
        const int align = version / 7 + 2;
        result -= (25 * align - 10) * align - 55;
        if (version >= 7) result -= 36;
    }
    return result;
}

std::vector<int> alignmentCentres(int version) {
    if (version == 1) return {};
    const int count = version / 7 + 2;
    const int step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
    std::vector<int> centres(static_cast<size_t>(count));
    centres[0] = 6;
    for (int i = count - 1, pos = version * 4 + 10; i >= 1; --i, pos -= step)
        centres[static_cast<size_t>(i)] = pos;
    return centres;
}

Grid functionPatterns(int version) {
    Grid g;
    g.size = version * 4 + 17;
    const auto cells = static_cast<size_t>(g.size * g.size);
    g.dark.assign(cells, 0);
    g.reserved.assign(cells, 0);
    for (int i = 0; i < g.size; ++i) {
        g.set(6, i, i % 2 == 0, true);
        g.set(i, 6, i % 2 == 0, true);
    }
    drawFinder(g, 3, 3);
    drawFinder(g, g.size - 4, 3);
    drawFinder(g, 3, g.size - 4);
    const std::vector<int> centres = alignmentCentres(version);
    const size_t n = centres.size();
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) {
            // The three corners with finders have no alignment pattern.
            if ((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0)) continue;
            drawAlignment(g, centres[i], centres[j]);
        }
    drawFormat(g, QrEcc::L, 0); // reserves the areas; the real bits are written after masking
    if (version >= 7) {
        const std::uint32_t bits = qrVersionBits(version);
        for (int i = 0; i < 18; ++i) {
            const int a = g.size - 11 + i % 3, b = i / 3;
            g.set(a, b, bit(bits, i), true);
            g.set(b, a, bit(bits, i), true);
        }
    }
    return g;
}

void drawFormat(Grid& g, QrEcc level, int mask) {
    const std::uint32_t bits = qrFormatBits(level, mask);
    // Around the top-left finder.
    for (int i = 0; i <= 5; ++i)
        g.set(8, i, bit(bits, i), true);
    g.set(8, 7, bit(bits, 6), true);
    g.set(8, 8, bit(bits, 7), true);
    g.set(7, 8, bit(bits, 8), true);
    for (int i = 9; i < 15; ++i)
        g.set(14 - i, 8, bit(bits, i), true);
    // Beside the top-right and bottom-left finders.
    for (int i = 0; i < 8; ++i)
        g.set(g.size - 1 - i, 8, bit(bits, i), true);
    for (int i = 8; i < 15; ++i)
        g.set(8, g.size - 15 + i, bit(bits, i), true);
    g.set(8, g.size - 8, true, true); // the dark module
}

void placeCodewords(Grid& g, const std::vector<std::uint8_t>& codewords) {
    const size_t totalBits = codewords.size() * 8;
    size_t i = 0;
    for (int right = g.size - 1; right >= 1; right -= 2) {
        if (right == 6) right = 5; // the vertical timing pattern is skipped as a whole column
        const bool upward = ((right + 1) & 2) == 0;
        for (int vert = 0; vert < g.size; ++vert)
            for (int j = 0; j < 2; ++j) {
                const int x = right - j;
                const int y = upward ? g.size - 1 - vert : vert;
                const auto cell = static_cast<size_t>(y * g.size + x);
                if (g.reserved[cell]) continue;
                // Remainder bits past the last codeword stay light.
                if (i < totalBits) g.dark[cell] = (codewords[i / 8] >> (7 - i % 8)) & 1U;
                ++i;
            }
    }
}

void applyMask(Grid& g, int mask) {
    for (int y = 0; y < g.size; ++y)
        for (int x = 0; x < g.size; ++x) {
            const auto cell = static_cast<size_t>(y * g.size + x);
            if (!g.reserved[cell] && maskBit(mask, x, y)) g.dark[cell] ^= 1U;
        }
}

int penaltyScore(const Grid& g) {
    int score = 0;
    for (int y = 0; y < g.size; ++y)
        score += linePenalty(g.size, [&](int x) { return g.at(x, y); });
    for (int x = 0; x < g.size; ++x)
        score += linePenalty(g.size, [&](int y) { return g.at(x, y); });
    for (int y = 0; y + 1 < g.size; ++y)
        for (int x = 0; x + 1 < g.size; ++x) {
            const bool c = g.at(x, y);
            if (c == g.at(x + 1, y) && c == g.at(x, y + 1) && c == g.at(x + 1, y + 1)) score += 3;
        }
    long dark = 0;
    for (std::uint8_t m : g.dark)
        dark += m;
    const long total = static_cast<long>(g.size) * g.size;
    // 10 points per full 5 % step away from half dark.
    const long k = (std::labs(dark * 20 - total * 10) + total - 1) / total - 1;
    score += static_cast<int>(k * 10);
    return score;
}

} // namespace motcua::qr
