// QR Code (ISO/IEC 18004) encoder for byte-mode payloads such as a fee's VietQR: the app draws
// the module matrix itself, so the web build needs no barcode library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace motcua {

// Error correction level: roughly 7, 15, 25 and 30 % of the codewords can be restored.
enum class QrEcc { L, M, Q, H };

// A finished symbol: size × size modules, true = dark. Empty (size 0) when nothing was encoded.
class QrCode {
  public:
    QrCode() = default;
    QrCode(int version, QrEcc ecc, int mask, std::vector<std::uint8_t> modules);

    bool empty() const { return m_size == 0; }
    int version() const { return m_version; } // 1–40
    int size() const { return m_size; }       // 17 + 4 × version
    QrEcc ecc() const { return m_ecc; }
    int mask() const { return m_mask; } // 0–7
    // The module at column x, row y; light outside the symbol (the quiet zone).
    bool module(int x, int y) const;

  private:
    int m_version = 0;
    int m_size = 0;
    QrEcc m_ecc = QrEcc::M;
    int m_mask = 0;
    std::vector<std::uint8_t> m_modules; // row-major, 0 or 1
};

// Encodes the bytes in byte mode at the given level in the smallest version between minVersion
// and maxVersion that holds them. mask −1 picks the mask with the lowest penalty score (all eight
// are scored); 0–7 forces one. Empty when the bytes do not fit in maxVersion.
QrCode encodeQr(std::string_view bytes, QrEcc level, int minVersion = 1, int maxVersion = 40,
                int mask = -1);

// The most bytes byte mode holds at this version and level.
int qrByteCapacity(int version, QrEcc level);

// The modules as text, row after row, '1' dark and '0' light (size × size characters): how the
// page receives a symbol to turn into an image.
std::string qrModuleString(const QrCode& code);

// Building blocks, exposed for known-answer tests.
// The 15 format bits (level and mask with their BCH code, masked with 101010000010010).
std::uint32_t qrFormatBits(QrEcc level, int mask);
// The 18 version bits (version 7 and up; 6 bits of version and its Golay code).
std::uint32_t qrVersionBits(int version);
// The Reed–Solomon error correction codewords for one block (generator with roots α⁰…α^(n−1)).
std::vector<std::uint8_t> qrReedSolomon(const std::vector<std::uint8_t>& data, int eccLength);
// The data codewords (mode, count, bytes, terminator, padding) before error correction.
std::vector<std::uint8_t> qrDataCodewords(std::string_view bytes, int version, QrEcc level);

} // namespace motcua
