// VietQR (NAPAS 24/7 transfer QR): the EMVCo merchant-presented payload a banking app reads to
// prefill a transfer, built for a dossier's fee and recognised when a citizen scans one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua {

enum class VietQrError {
    None,
    Empty,     // nothing but blanks
    TooLarge,  // longer than any EMVCo payload (512 bytes)
    NotEmv,    // does not open with the EMVCo format indicator "000201"
    BadLength, // a tag or length is not two digits, or a length runs past the end
    BadCrc,    // no trailing "6304XXXX", or the checksum does not match
    NotVietQr, // a valid EMVCo payload without NAPAS's merchant account (tag 38, A000000727)
    BadField,  // a VietQR field with an impossible value (BIN, account, currency, amount, …)
};

// Stable i18n key per error ("vietqr.error.bad_crc", …), for the UI and logs.
const char* vietQrErrorKey(VietQrError error);

// What a transfer QR asks the payer's bank to do.
struct VietQrTransfer {
    std::string bankBin;                 // the beneficiary bank's 6-digit NAPAS BIN
    std::string account;                 // account number (or card number for QRIBFTTC)
    std::optional<std::uint64_t> amount; // in đồng; none: the payer types it (static QR)
    std::string content;                 // transfer content ("nội dung chuyển khoản"), ASCII
    std::string service = "QRIBFTTA";    // QRIBFTTA to an account, QRIBFTTC to a card
    bool operator==(const VietQrTransfer&) const = default;
};

template <class T> struct VietQrResult {
    std::optional<T> value;
    VietQrError error = VietQrError::None;
    std::string detail; // which field and why, for logs

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }
};

// One EMVCo data object: a two-digit tag and its value.
struct TlvField {
    std::string tag;
    std::string value;
    bool operator==(const TlvField&) const = default;
};

// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor).
std::uint16_t crc16CcittFalse(std::string_view data);

// "tag" + two-digit length + value; empty when the tag is not two digits or the value is
// longer than 99 bytes.
std::string encodeTlv(std::string_view tag, std::string_view value);

// Splits a TLV sequence into its fields (error BadLength when it does not split exactly).
VietQrResult<std::vector<TlvField>> parseTlv(std::string_view data);

// The full payload with its CRC: tags 00, 01 ("12" with an amount, "11" without), 38, 53 "704",
// 54, 58 "VN", 62/08, 63. Error BadField when a value cannot go into a VietQR (BIN not six
// digits, account not 1–19 letters or digits, content over 25 characters or not printable
// ASCII, amount zero or over 13 digits).
VietQrResult<std::string> encodeVietQr(const VietQrTransfer& transfer);

// Reads a payload (surrounding blanks, as scanners add them, are ignored) and checks its
// structure, CRC and VietQR fields.
VietQrResult<VietQrTransfer> parseVietQr(std::string_view text);

// True when the text opens like an EMVCo payment payload: it is meant as a payment code even
// if damaged, so the scanner should say so rather than show it as unknown text.
bool looksLikeEmvPayment(std::string_view text);

} // namespace motcua
