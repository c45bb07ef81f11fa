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

// Error correction codewords per block and number of blocks, by level (L, M, Q, H) and version
// (index 0 unused): ISO/IEC 18004 Table 9.
constexpr signed char kEccPerBlock[4][41] = {
    {-1, 7,  10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
};
constexpr signed char kBlocks[4][41] = {
    {-1, 1, 1, 1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7, 8,
     8,  9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {-1, 1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {-1, 1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {-1, 1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
};

int levelIndex(QrEcc level) {
    return static_cast<int>(level);
}

int eccPerBlock(int version, QrEcc level) {
    return kEccPerBlock[levelIndex(level)][version];
}
int blockCount(int version, QrEcc level) {
    return kBlocks[levelIndex(level)][version];
}

int dataCodewordCount(int version, QrEcc level) {
    return qr::rawDataModules(version) / 8 -
           eccPerBlock(version, level) * blockCount(version, level);
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
    const int blocks = blockCount(version, level);
    const int eccLength = eccPerBlock(version, level);
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
