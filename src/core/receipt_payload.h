// What a scanned QR code, a barcode scanner or a paste contained: a dossier receipt (code and
// maybe the secret) or something else, which the UI shows back to the user as text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/vietqr.h"

namespace motcua {

enum class PayloadKind { Empty, Receipt, NotReceipt };

struct ReceiptPayload {
    PayloadKind kind = PayloadKind::Empty;
    std::string code;   // normalised, valid when kind == Receipt
    std::string secret; // normalised and valid, or empty when the payload had none
    std::string raw;    // the trimmed input, made safe to display (capped, no control chars)
};

// Accepts: a bare code (optionally followed by the secret after a space, '#', '|' or "#k="),
// our link "https://<host>/d/<code>#k=<secret>" or "/d/<code>#k=<secret>", legacy links with
// "?ma=<code>" or "?MHS=<code>" (any case, percent-encoded, optional "&k=" or "&secret="), and
// free text with a code in it ("Mã hồ sơ: 000.00.12.H42-241124-0001"). Anything else is
// NotReceipt; blank input is Empty.
ReceiptPayload parseReceiptPayload(std::string_view text);

// What the scanner was shown: a receipt, a payment code (VietQR: someone's bank transfer QR, not
// a receipt; read when it can be, with its amount and account), or other text.
enum class ScanKind { Empty, Receipt, Payment, Other };

struct ScannedCode {
    ScanKind kind = ScanKind::Empty;
    ReceiptPayload receipt;                // as parseReceiptPayload gives it (raw text always)
    std::optional<VietQrTransfer> payment; // kind == Payment and the payload read cleanly
    VietQrError paymentError = VietQrError::None; // kind == Payment but damaged or foreign
};

ScannedCode classifyScan(std::string_view text);

// Our own link form: "/d/<code>#k=<secret>" (the secret stays in the fragment, which browsers
// never send to servers); without a secret just "/d/<code>".
std::string dossierLink(std::string_view code, std::string_view secret);

} // namespace motcua
