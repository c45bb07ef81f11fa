// The QR Code encoder: its building blocks against published values, and whole symbols read back
// by an independent decoder (ZXing-C++) for many lengths, every level and real fee VietQRs.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include "core/qr_code.h"
#include "core/qr_matrix.h"
#include "core/vietqr.h"

using namespace motcua;

namespace {

// The symbol as a grey image: `scale` pixels per module, four light modules of quiet zone.
struct Rendered {
    int width = 0;
    std::vector<std::uint8_t> pixels;
};

Rendered render(const QrCode& code, int scale = 3) {
    Rendered out;
    out.width = (code.size() + 8) * scale;
    out.pixels.assign(static_cast<size_t>(out.width * out.width), 255);
    for (int y = 0; y < out.width; ++y)
        for (int x = 0; x < out.width; ++x)
            if (code.module(x / scale - 4, y / scale - 4))
                out.pixels[static_cast<size_t>(y * out.width + x)] = 0;
    return out;
}

struct Decoded {
    bool ok = false;
    std::string bytes;
    std::string level;
};

Decoded decode(const QrCode& code) {
    const Rendered image = render(code);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(
        ZXing::ImageView{image.pixels.data(), image.width, image.width, ZXing::ImageFormat::Lum},
        hints);
    Decoded d;
    d.ok = result.isValid();
    d.bytes.assign(result.bytes().begin(), result.bytes().end());
    d.level = result.ecLevel();
    return d;
}

const char* levelName(QrEcc level) {
    static constexpr const char* kNames[] = {"L", "M", "Q", "H"};
    return kNames[static_cast<int>(level)];
}

// Deterministic bytes of every value (not only text), so the byte mode is really exercised.
std::string sampleBytes(size_t length, unsigned seed) {
    std::string s(length, '\0');
    std::uint32_t x = 2463534242U ^ seed;
    for (char& c : s) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x & 0xFF);
    }
    return s;
}

constexpr QrEcc kLevels[] = {QrEcc::L, QrEcc::M, QrEcc::Q, QrEcc::H};

} // namespace

TEST_CASE("format information matches the standard's table", "[qr]") {
    // ISO/IEC 18004 Table C.1: level and mask 0, and two more entries.
    CHECK(qrFormatBits(QrEcc::M, 0) == 0b101010000010010);
    CHECK(qrFormatBits(QrEcc::L, 0) == 0b111011111000100);
    CHECK(qrFormatBits(QrEcc::Q, 0) == 0b011010101011111);
    CHECK(qrFormatBits(QrEcc::H, 0) == 0b001011010001001);
    CHECK(qrFormatBits(QrEcc::M, 5) == 0b100000011001110);
    CHECK(qrFormatBits(QrEcc::H, 7) == 0b000100000111011);
}

TEST_CASE("version information matches the standard's table", "[qr]") {
    // ISO/IEC 18004 Table D.1.
    CHECK(qrVersionBits(7) == 0x07C94);
    CHECK(qrVersionBits(8) == 0x085BC);
    CHECK(qrVersionBits(21) == 0x15683);
    CHECK(qrVersionBits(40) == 0x28C69);
}

TEST_CASE("alignment pattern centres match the standard's table", "[qr]") {
    CHECK(qr::alignmentCentres(1).empty());
    CHECK(qr::alignmentCentres(2) == std::vector<int>{6, 18});
    CHECK(qr::alignmentCentres(7) == std::vector<int>{6, 22, 38});
    CHECK(qr::alignmentCentres(15) == std::vector<int>{6, 26, 48, 70});
    CHECK(qr::alignmentCentres(32) == std::vector<int>{6, 34, 60, 86, 112, 138});
    CHECK(qr::alignmentCentres(40) == std::vector<int>{6, 30, 58, 86, 114, 142, 170});
}

TEST_CASE("Reed-Solomon codewords of the well-known HELLO WORLD 1-M example", "[qr]") {
    // The alphanumeric "HELLO WORLD" at version 1-M, as worked through in Thonky's QR tutorial.
    const std::vector<std::uint8_t> data = {32, 91, 11,  120, 209, 114, 220, 77,
                                            67, 64, 236, 17,  236, 17,  236, 17};
    CHECK(qrReedSolomon(data, 10) ==
          std::vector<std::uint8_t>{196, 35, 39, 119, 235, 215, 231, 226, 93, 23});
}

TEST_CASE("byte mode data codewords: mode, count, bytes, terminator, padding", "[qr]") {
    // 0100 | 00000010 | 'h' 'i' | 0000 | pad to 16 codewords (1-M) with EC 11 EC …
    const auto words = qrDataCodewords("hi", 1, QrEcc::M);
    REQUIRE(words.size() == 16);
    CHECK(words[0] == 0x40);
    CHECK(words[1] == 0x26);
    CHECK(words[2] == 0x86);
    CHECK(words[3] == 0x90);
    CHECK(words[4] == 0xEC);
    CHECK(words[5] == 0x11);
    CHECK(words[15] == 0x11);
}

TEST_CASE("byte capacities match the standard's table", "[qr]") {
    CHECK(qrByteCapacity(1, QrEcc::L) == 17);
    CHECK(qrByteCapacity(1, QrEcc::M) == 14);
    CHECK(qrByteCapacity(1, QrEcc::H) == 7);
    CHECK(qrByteCapacity(10, QrEcc::M) == 213);
    CHECK(qrByteCapacity(15, QrEcc::Q) == 292);
    CHECK(qrByteCapacity(40, QrEcc::L) == 2953);
    CHECK(qrByteCapacity(40, QrEcc::H) == 1273);
    CHECK(qrByteCapacity(41, QrEcc::H) == 0);
}

TEST_CASE("the smallest version that holds the bytes is chosen", "[qr]") {
    CHECK(encodeQr(std::string(14, 'a'), QrEcc::M).version() == 1);
    CHECK(encodeQr(std::string(15, 'a'), QrEcc::M).version() == 2);
    CHECK(encodeQr(std::string(15, 'a'), QrEcc::M).size() == 25);
    CHECK(encodeQr("", QrEcc::H).version() == 1);
    CHECK(encodeQr(std::string(2953, 'a'), QrEcc::L).version() == 40);
    CHECK(encodeQr(std::string(2954, 'a'), QrEcc::L).empty());
    CHECK(encodeQr(std::string(100, 'a'), QrEcc::M, 1, 4).empty());
    CHECK(encodeQr("a", QrEcc::M, 5).version() == 5);
}

TEST_CASE("the finder patterns and the dark module sit where readers look", "[qr]") {
    const QrCode code = encodeQr("finder", QrEcc::M);
    const int n = code.size();
    for (int i = 0; i < 7; ++i) {
        CHECK(code.module(i, 0));
        CHECK(code.module(n - 1 - i, 6));
        CHECK(code.module(0, n - 1 - i));
    }
    CHECK_FALSE(code.module(7, 7));
    CHECK(code.module(8, n - 8));
    CHECK_FALSE(code.module(-1, 0));
    CHECK_FALSE(code.module(0, n));
}

TEST_CASE("every mask can be forced and still decodes", "[qr]") {
    for (int mask = 0; mask < 8; ++mask) {
        const QrCode code = encodeQr("mask test", QrEcc::Q, 1, 40, mask);
        CHECK(code.mask() == mask);
        CHECK(decode(code).bytes == "mask test");
    }
}

TEST_CASE("ZXing reads back many lengths at every level", "[qr]") {
    for (QrEcc level : kLevels) {
        int lastVersion = 0;
        for (size_t length : {0,   1,   2,   7,   13,  14,  15,  31,  32,  60,  84,  100,
                              134, 154, 200, 255, 256, 300, 400, 520, 700, 900, 1200}) {
            const std::string bytes = sampleBytes(length, static_cast<unsigned>(length));
            const QrCode code = encodeQr(bytes, level);
            if (code.empty()) continue;
            CAPTURE(levelName(level), length, code.version(), code.mask());
            const Decoded d = decode(code);
            REQUIRE(d.ok);
            CHECK(d.bytes == bytes);
            CHECK(d.level == levelName(level));
            lastVersion = code.version();
        }
        CHECK(lastVersion >= 15);
    }
}

TEST_CASE("ZXing reads back every version 1-40 filled to capacity", "[qr]") {
    for (QrEcc level : {QrEcc::L, QrEcc::M, QrEcc::H}) {
        for (int version = 1; version <= 40; ++version) {
            const int capacity = qrByteCapacity(version, level);
            const std::string bytes = sampleBytes(static_cast<size_t>(capacity), 7U * version);
            const QrCode code = encodeQr(bytes, level, version, version);
            CAPTURE(levelName(level), version, capacity);
            REQUIRE(code.version() == version);
            const Decoded d = decode(code);
            REQUIRE(d.ok);
            CHECK(d.bytes == bytes);
        }
    }
}

TEST_CASE("a fee's VietQR, drawn at level M, reads back to the same transfer", "[qr][vietqr]") {
    const VietQrTransfer fees[] = {
        {"970436", "1012345678", 50000, "MC0000012H422411250001P1"},
        {"970415", "0011001932418", 120000, "ung ho lu lut"},
        {"970422", "VQRQADAIJ5512", 4700000000000ULL, "MC00002031H422412020003P2"},
    };
    for (const VietQrTransfer& fee : fees) {
        const auto payload = encodeVietQr(fee);
        REQUIRE(payload);
        const QrCode code = encodeQr(*payload.value, QrEcc::M);
        REQUIRE_FALSE(code.empty());
        const Decoded d = decode(code);
        REQUIRE(d.ok);
        CHECK(d.bytes == *payload.value);
        const auto parsed = parseVietQr(d.bytes);
        REQUIRE(parsed);
        CHECK(*parsed.value == fee);
    }
}

TEST_CASE("the module string lists rows of ones and zeros", "[qr]") {
    const QrCode code = encodeQr("x", QrEcc::M);
    const std::string s = qrModuleString(code);
    REQUIRE(s.size() == 21U * 21U);
    CHECK(s.substr(0, 8) == "11111110");
    CHECK(s[static_cast<size_t>(21 * 1 + 1)] == '0');
    CHECK(qrModuleString(QrCode{}).empty());
}
