// libFuzzer target: any bytes at any level encode to a well-formed QR Code symbol (smallest
// version, finders in place, both copies of the format information naming its level and mask).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/qr_code.h"

using namespace motcua;

namespace {

void check(bool condition) {
    if (!condition) __builtin_trap();
}

bool finderAt(const QrCode& code, int left, int top) {
    for (int dy = -1; dy <= 7; ++dy)
        for (int dx = -1; dx <= 7; ++dx) {
            const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
            const bool dark = ring != 2 && ring != 4;
            if (code.module(left + dx, top + dy) != dark) return false;
        }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const auto level = static_cast<QrEcc>(data[0] & 3);
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    // Choosing the mask scores all eight: beyond small symbols one forced mask keeps runs fast.
    const int mask = bytes.size() > 200 ? (data[0] >> 2) & 7 : -1;
    const QrCode code = encodeQr(bytes, level, 1, 40, mask);
    if (bytes.size() > static_cast<size_t>(qrByteCapacity(40, level))) {
        check(code.empty());
        return 0;
    }
    check(!code.empty());
    check(mask < 0 || code.mask() == mask);
    const int v = code.version();
    check(v >= 1 && v <= 40 && code.size() == 17 + 4 * v && code.ecc() == level);
    check(bytes.size() <= static_cast<size_t>(qrByteCapacity(v, level)));
    check(v == 1 || bytes.size() > static_cast<size_t>(qrByteCapacity(v - 1, level)));
    const int n = code.size();
    check(finderAt(code, 0, 0) && finderAt(code, n - 7, 0) && finderAt(code, 0, n - 7));
    // The format bits, read back from beside the bottom-left and top-right finders.
    const std::uint32_t format = qrFormatBits(level, code.mask());
    for (int i = 0; i < 8; ++i)
        check(code.module(n - 1 - i, 8) == (((format >> i) & 1U) != 0));
    for (int i = 8; i < 15; ++i)
        check(code.module(8, n - 15 + i) == (((format >> i) & 1U) != 0));
    check(code.module(8, n - 8));
    check(qrModuleString(code).size() == static_cast<size_t>(n * n));
    return 0;
}
