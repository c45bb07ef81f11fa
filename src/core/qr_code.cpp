// QR Code encoding in byte mode: version choice, data codewords, Reed–Solomon blocks and their
// interleaving, then the grid (qr_matrix.cpp) with the mask of lowest penalty.
#include "core/qr_code.h"

#include <algorithm>
#include <climits>

#include "core/qr_matrix.h"

namespace motcua {

namespace {

constexpr int kMinVersion = 1;
constexpr int kMaxVersion = 40;

// Error correction codewords per block and number of blocks, by version (index 0 unused) and
// level (L, M, Q, H): ISO/IEC 18004 Table 9.
struct BlockLayout {
    std::uint8_t eccPerBlock;
    std::uint8_t blocks;
};
constexpr BlockLayout kBlockLayouts[41][4] = {
    {},
    {{7, 1}, {10, 1}, {13, 1}, {17, 1}},      // 1
    {{10, 1}, {16, 1}, {22, 1}, {28, 1}},     // 2
    {{15, 1}, {26, 1}, {18, 2}, {22, 2}},     // 3
    {{20, 1}, {18, 2}, {26, 2}, {16, 4}},     // 4
    {{26, 1}, {24, 2}, {18, 4}, {22, 4}},     // 5
    {{18, 2}, {16, 4}, {24, 4}, {28, 4}},     // 6
    {{20, 2}, {18, 4}, {18, 6}, {26, 5}},     // 7
    {{24, 2}, {22, 4}, {22, 6}, {26, 6}},     // 8
    {{30, 2}, {22, 5}, {20, 8}, {24, 8}},     // 9
    {{18, 4}, {26, 5}, {24, 8}, {28, 8}},     // 10
    {{20, 4}, {30, 5}, {28, 8}, {24, 11}},    // 11
    {{24, 4}, {22, 8}, {26, 10}, {28, 11}},   // 12
    {{26, 4}, {22, 9}, {24, 12}, {22, 16}},   // 13
    {{30, 4}, {24, 9}, {20, 16}, {24, 16}},   // 14
    {{22, 6}, {24, 10}, {30, 12}, {24, 18}},  // 15
    {{24, 6}, {28, 10}, {24, 17}, {30, 16}},  // 16
    {{28, 6}, {28, 11}, {28, 16}, {28, 19}},  // 17
    {{30, 6}, {26, 13}, {28, 18}, {28, 21}},  // 18
    {{28, 7}, {26, 14}, {26, 21}, {26, 25}},  // 19
    {{28, 8}, {26, 16}, {30, 20}, {28, 25}},  // 20
    {{28, 8}, {26, 17}, {28, 23}, {30, 25}},  // 21
    {{28, 9}, {28, 17}, {30, 23}, {24, 34}},  // 22
    {{30, 9}, {28, 18}, {30, 25}, {30, 30}},  // 23
    {{30, 10}, {28, 20}, {30, 27}, {30, 32}}, // 24
    {{26, 12}, {28, 21}, {30, 29}, {30, 35}}, // 25
    {{28, 12}, {28, 23}, {28, 34}, {30, 37}}, // 26
    {{30, 12}, {28, 25}, {30, 34}, {30, 40}}, // 27
    {{30, 13}, {28, 26}, {30, 35}, {30, 42}}, // 28
    {{30, 14}, {28, 28}, {30, 38}, {30, 45}}, // 29
    {{30, 15}, {28, 29}, {30, 40}, {30, 48}}, // 30
    {{30, 16}, {28, 31}, {30, 43}, {30, 51}}, // 31
    {{30, 17}, {28, 33}, {30, 45}, {30, 54}}, // 32
    {{30, 18}, {28, 35}, {30, 48}, {30, 57}}, // 33
    {{30, 19}, {28, 37}, {30, 51}, {30, 60}}, // 34
    {{30, 19}, {28, 38}, {30, 53}, {30, 63}}, // 35
    {{30, 20}, {28, 40}, {30, 56}, {30, 66}}, // 36
    {{30, 21}, {28, 43}, {30, 59}, {30, 70}}, // 37
    {{30, 22}, {28, 45}, {30, 62}, {30, 74}}, // 38
    {{30, 24}, {28, 47}, {30, 65}, {30, 77}}, // 39
    {{30, 25}, {28, 49}, {30, 68}, {30, 81}}, // 40
};

int levelIndex(QrEcc level) {
    return static_cast<int>(level);
}

const BlockLayout& blockLayout(int version, QrEcc level) {
    return kBlockLayouts[version][levelIndex(level)];
}

int dataCodewordCount(int version, QrEcc level) {
    const BlockLayout& layout = blockLayout(version, level);
    return qr::rawDataModules(version) / 8 - layout.eccPerBlock * layout.blocks;
}

int countBits(int version) {
    return version <= 9 ? 8 : 16;
}

std::uint8_t gfMultiply(std::uint8_t x, std::uint8_t y) {
    // Russian peasant multiplication modulo x⁸ + x⁴ + x³ + x² + 1 (0x11D).
    unsigned z = 0;
    for (int i = 7; i >= 0; --i) {
        z = (z << 1) ^ ((z >> 7) * 0x11DU);
        z ^= ((y >> i) & 1U) * x;
    }
    return static_cast<std::uint8_t>(z);
}

// Splits the data codewords into blocks, appends each block's error correction, and interleaves.
std::vector<std::uint8_t> withErrorCorrection(const std::vector<std::uint8_t>& data, int version,
                                              QrEcc level) {
    const int blocks = blockLayout(version, level).blocks;
    const int eccLength = blockLayout(version, level).eccPerBlock;
    const int rawCodewords = qr::rawDataModules(version) / 8;
    const int shortBlocks = blocks - rawCodewords % blocks;
    const int shortLength = rawCodewords / blocks; // data + error correction of a short block
    std::vector<std::vector<std::uint8_t>> dataBlocks, eccBlocks;
    size_t at = 0;
    for (int i = 0; i < blocks; ++i) {
        const auto length =
            static_cast<size_t>(shortLength - eccLength + (i < shortBlocks ? 0 : 1));
        std::vector<std::uint8_t> block(data.begin() + static_cast<long>(at),
                                        data.begin() + static_cast<long>(at + length));
        at += length;
        eccBlocks.push_back(qrReedSolomon(block, eccLength));
        dataBlocks.push_back(std::move(block));
    }
    std::vector<std::uint8_t> result;
    result.reserve(static_cast<size_t>(rawCodewords));
    for (size_t i = 0; i <= static_cast<size_t>(shortLength - eccLength); ++i)
        for (const auto& block : dataBlocks)
            if (i < block.size()) result.push_back(block[i]);
    for (size_t i = 0; i < static_cast<size_t>(eccLength); ++i)
        for (const auto& block : eccBlocks)
            result.push_back(block[i]);
    return result;
}

} // namespace

QrCode::QrCode(int version, QrEcc ecc, int mask, std::vector<std::uint8_t> modules)
    : m_version(version), m_size(version * 4 + 17), m_ecc(ecc), m_mask(mask),
      m_modules(std::move(modules)) {}

bool QrCode::module(int x, int y) const {
    if (x < 0 || y < 0 || x >= m_size || y >= m_size) return false;
    return m_modules[static_cast<size_t>(y * m_size + x)] != 0;
}

int qrByteCapacity(int version, QrEcc level) {
    if (version < kMinVersion || version > kMaxVersion) return 0;
    const int bits = dataCodewordCount(version, level) * 8 - 4 - countBits(version);
    const int bytes = bits / 8;
    return version <= 9 ? std::min(bytes, 255) : bytes;
}

std::uint32_t qrFormatBits(QrEcc level, int mask) {
    static constexpr std::uint32_t kLevelBits[4] = {1, 0, 3, 2}; // L, M, Q, H
    const std::uint32_t data = (kLevelBits[levelIndex(level)] << 3) | static_cast<unsigned>(mask);
    std::uint32_t rem = data;
    for (int i = 0; i < 10; ++i)
        rem = (rem << 1) ^ ((rem >> 9) * 0x537U);
    return ((data << 10) | (rem & 0x3FFU)) ^ 0x5412U;
}

std::uint32_t qrVersionBits(int version) {
    std::uint32_t rem = static_cast<std::uint32_t>(version);
    for (int i = 0; i < 12; ++i)
        rem = (rem << 1) ^ ((rem >> 11) * 0x1F25U);
    return (static_cast<std::uint32_t>(version) << 12) | (rem & 0xFFFU);
}

std::vector<std::uint8_t> qrReedSolomon(const std::vector<std::uint8_t>& data, int eccLength) {
    const auto degree = static_cast<size_t>(eccLength);
    // Generator polynomial (x − α⁰)(x − α¹)…, highest coefficient (always 1) dropped.
    std::vector<std::uint8_t> generator(degree, 0);
    generator[degree - 1] = 1;
    std::uint8_t root = 1;
    for (size_t i = 0; i < degree; ++i) {
        for (size_t j = 0; j < degree; ++j) {
            generator[j] = gfMultiply(generator[j], root);
            if (j + 1 < degree) generator[j] ^= generator[j + 1];
        }
        root = gfMultiply(root, 0x02);
    }
    std::vector<std::uint8_t> remainder(degree, 0);
    for (std::uint8_t b : data) {
        const std::uint8_t factor = b ^ remainder[0];
        remainder.erase(remainder.begin());
        remainder.push_back(0);
        for (size_t i = 0; i < degree; ++i)
            remainder[i] ^= gfMultiply(generator[i], factor);
    }
    return remainder;
}

std::vector<std::uint8_t> qrDataCodewords(std::string_view bytes, int version, QrEcc level) {
    const size_t capacity = static_cast<size_t>(dataCodewordCount(version, level));
    std::vector<std::uint8_t> out;
    out.reserve(capacity);
    std::uint32_t acc = 0;
    int accBits = 0;
    auto put = [&](std::uint32_t value, int bits) {
        for (int i = bits - 1; i >= 0; --i) {
            acc = (acc << 1) | ((value >> i) & 1U);
            if (++accBits == 8) {
                out.push_back(static_cast<std::uint8_t>(acc));
                acc = 0;
                accBits = 0;
            }
        }
    };
    put(0x4, 4); // byte mode
    put(static_cast<std::uint32_t>(bytes.size()), countBits(version));
    for (char c : bytes)
        put(static_cast<unsigned char>(c), 8);
    // Terminator (up to four zero bits), then zero bits to the byte boundary.
    const size_t usedBits = out.size() * 8 + static_cast<size_t>(accBits);
    put(0, static_cast<int>(std::min<size_t>(4, capacity * 8 - usedBits)));
    if (accBits > 0) put(0, 8 - accBits);
    for (std::uint8_t pad = 0xEC; out.size() < capacity; pad ^= 0xEC ^ 0x11)
        out.push_back(pad);
    return out;
}

QrCode encodeQr(std::string_view bytes, QrEcc level, int minVersion, int maxVersion, int mask) {
    minVersion = std::max(minVersion, kMinVersion);
    maxVersion = std::min(maxVersion, kMaxVersion);
    int version = minVersion;
    while (version <= maxVersion &&
           bytes.size() > static_cast<size_t>(qrByteCapacity(version, level)))
        ++version;
    if (version > maxVersion || mask > 7) return {};

    const std::vector<std::uint8_t> codewords =
        withErrorCorrection(qrDataCodewords(bytes, version, level), version, level);
    qr::Grid grid = qr::functionPatterns(version);
    qr::placeCodewords(grid, codewords);
    if (mask < 0) {
        int best = INT_MAX;
        for (int m = 0; m < 8; ++m) {
            qr::applyMask(grid, m);
            qr::drawFormat(grid, level, m);
            const int score = qr::penaltyScore(grid);
            if (score < best) {
                best = score;
                mask = m;
            }
            qr::applyMask(grid, m);
        }
    }
    qr::applyMask(grid, mask);
    qr::drawFormat(grid, level, mask);
    return QrCode(version, level, mask, std::move(grid.dark));
}

std::string qrModuleString(const QrCode& code) {
    std::string out;
    out.reserve(static_cast<size_t>(code.size() * code.size()));
    for (int y = 0; y < code.size(); ++y)
        for (int x = 0; x < code.size(); ++x)
            out += code.module(x, y) ? '1' : '0';
    return out;
}

} // namespace motcua
