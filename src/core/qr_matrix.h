// The QR Code symbol's module grid: function patterns, data placement, masks and their penalty
// score (qr_matrix.cpp); qr_code.cpp turns bytes into codewords and calls these.
#pragma once

#include <cstdint>
#include <vector>

#include "core/qr_code.h"

namespace motcua::qr {

struct Grid {
    int size = 0;
    std::vector<std::uint8_t> dark;     // row-major, 0 or 1
    std::vector<std::uint8_t> reserved; // 1: a function module, never data nor masked

    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)] != 0; }
    void set(int x, int y, bool isDark, bool isFunction) {
        const auto i = static_cast<size_t>(y * size + x);
        dark[i] = isDark ? 1 : 0;
        if (isFunction) reserved[i] = 1;
    }
};

// Modules left for data and error correction codewords at this version (remainder bits
// included).
int rawDataModules(int version);
// Alignment pattern centres (one axis) for this version; empty for version 1.
std::vector<int> alignmentCentres(int version);

// A grid with finders, separators, timing, alignment patterns, the dark module and the version
// information drawn, and the format areas reserved.
Grid functionPatterns(int version);
// Fills the non-function modules in the two-column zigzag, most significant bit first.
void placeCodewords(Grid& grid, const std::vector<std::uint8_t>& codewords);
// XORs mask pattern 0–7 over the data modules (applying it twice undoes it).
void applyMask(Grid& grid, int mask);
// Writes both copies of the format information.
void drawFormat(Grid& grid, QrEcc level, int mask);
// The standard penalty: runs of five or more, 2×2 blocks, finder-like 1:1:3:1:1 patterns with
// four light modules beside them, and the distance of the dark share from 50 %.
int penaltyScore(const Grid& grid);

} // namespace motcua::qr
