// libFuzzer target: whatever a scanned payment code contains, the VietQR parser and the scan
// classifier must not crash, and what the parser accepts must survive the encoder unchanged.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/receipt_payload.h"
#include "core/vietqr.h"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = parseVietQr(text);
    if (parsed.ok() != (parsed.error == VietQrError::None)) __builtin_trap();
    if (parsed) {
        const VietQrTransfer& t = *parsed.value;
        if (t.bankBin.size() != 6 || t.account.empty() || (t.amount && *t.amount == 0))
            __builtin_trap();
        // Everything the encoder can express must come back the same from its payload.
        if (auto encoded = encodeVietQr(t)) {
            auto again = parseVietQr(*encoded.value);
            if (!again || !(*again.value == t)) __builtin_trap();
        }
    }
    if (auto fields = parseTlv(text)) {
        std::string joined;
        for (const TlvField& f : *fields.value)
            joined += encodeTlv(f.tag, f.value);
        if (joined != text) __builtin_trap();
    }
    ScannedCode scanned = classifyScan(text);
    if (scanned.kind == ScanKind::Payment && !scanned.payment &&
        scanned.paymentError == VietQrError::None)
        __builtin_trap();
    if (scanned.kind != ScanKind::Payment && scanned.payment) __builtin_trap();
    if (scanned.kind == ScanKind::Receipt && scanned.receipt.kind != PayloadKind::Receipt)
        __builtin_trap();
    (void)vietQrErrorKey(parsed.error);
    return 0;
}
