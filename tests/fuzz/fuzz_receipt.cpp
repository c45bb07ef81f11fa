// libFuzzer target: whatever a QR code, scanner or paste contains, payload recognition and
// live code hints must not crash, and what they accept must be consistent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/dossier_code.h"
#include "core/receipt_payload.h"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    ReceiptPayload p = parseReceiptPayload(text);
    switch (p.kind) {
    case PayloadKind::Receipt: {
        if (!isValidCode(p.code) || normalizeCode(p.code) != p.code) __builtin_trap();
        if (!p.secret.empty() && !isValidSecret(p.secret)) __builtin_trap();
        // Our own link for what we recognised must be recognised the same way.
        ReceiptPayload again = parseReceiptPayload(dossierLink(p.code, p.secret));
        if (again.kind != PayloadKind::Receipt || again.code != p.code || again.secret != p.secret)
            __builtin_trap();
        break;
    }
    case PayloadKind::NotReceipt:
        if (!p.code.empty() || !p.secret.empty()) __builtin_trap();
        break;
    case PayloadKind::Empty:
        if (!p.code.empty()) __builtin_trap();
        break;
    }
    for (char c : p.raw)
        if (static_cast<unsigned char>(c) < 0x20) __builtin_trap();

    std::string normalized = normalizeCode(text);
    if (normalizeCode(normalized) != normalized) __builtin_trap();
    CodeHint hint = codeHint(text);
    if ((hint == CodeHint::Valid) != isValidCode(text)) __builtin_trap();
    if (hint == CodeHint::Valid && !splitCode(text)) __builtin_trap();
    (void)codeHintKey(hint);
    (void)isValidSecret(text);
    return 0;
}
