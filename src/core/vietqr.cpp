// VietQR encoding and parsing. Lengths are counted in bytes: every value we accept is ASCII,
// where bytes and characters agree.
#include "core/vietqr.h"

#include <algorithm>

namespace motcua {

namespace {

// The longest values we accept, in bytes.
struct Longest {
    size_t payload = 512;
    size_t content = 25; // the transfer content
    size_t account = 19;
    size_t amountDigits = 13;
};
constexpr Longest kLongest;
constexpr std::string_view kNapasGuid = "A000000727";
constexpr std::string_view kCrcTag = "6304";

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlnum(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool isPrintableAscii(char c) {
    return c >= 0x20 && c < 0x7F;
}

bool allOf(std::string_view s, bool (*pred)(char)) {
    return std::all_of(s.begin(), s.end(), pred);
}

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimBlanks(std::string_view s) {
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

template <class T> VietQrResult<T> fail(VietQrError error, std::string detail) {
    VietQrResult<T> r;
    r.error = error;
    r.detail = std::move(detail);
    return r;
}

template <class T> VietQrResult<T> success(T value) {
    VietQrResult<T> r;
    r.value = std::move(value);
    return r;
}

const TlvField* find(const std::vector<TlvField>& fields, std::string_view tag) {
    for (const TlvField& f : fields)
        if (f.tag == tag) return &f;
    return nullptr;
}

char hexDigit(unsigned v) {
    return "0123456789ABCDEF"[v & 0xF];
}

std::string crcHex(std::uint16_t crc) {
    return {hexDigit(crc >> 12), hexDigit(crc >> 8), hexDigit(crc >> 4), hexDigit(crc)};
}

bool sameHex(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i] >= 'a' && a[i] <= 'f' ? static_cast<char>(a[i] - 'a' + 'A') : a[i];
        if (x != b[i]) return false;
    }
    return true;
}

bool validAccount(std::string_view s) {
    return !s.empty() && s.size() <= kLongest.account && allOf(s, isAlnum);
}

bool validBin(std::string_view s) {
    return s.size() == 6 && allOf(s, isDigit);
}

// Dong have no minor unit; EMVCo allows a decimal point, so "120000.00" is read as 120000.
std::optional<std::uint64_t> parseAmount(std::string_view s) {
    if (size_t dot = s.find('.'); dot != std::string_view::npos) {
        std::string_view fraction = s.substr(dot + 1);
        if (!std::all_of(fraction.begin(), fraction.end(), [](char c) { return c == '0'; }))
            return std::nullopt;
        s = s.substr(0, dot);
    }
    if (s.empty() || s.size() > kLongest.amountDigits || !allOf(s, isDigit)) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s)
        v = v * 10 + static_cast<unsigned>(c - '0');
    if (v == 0) return std::nullopt;
    return v;
}

VietQrResult<VietQrTransfer> readMerchantAccount(std::string_view value, VietQrTransfer t) {
    auto inner = parseTlv(value);
    if (!inner) return fail<VietQrTransfer>(VietQrError::BadLength, "tag 38: " + inner.detail);
    const TlvField* guid = find(*inner.value, "00");
    if (guid == nullptr || guid->value != kNapasGuid)
        return fail<VietQrTransfer>(VietQrError::NotVietQr, "tag 38 has no NAPAS GUID");
    const TlvField* beneficiary = find(*inner.value, "01");
    const TlvField* service = find(*inner.value, "02");
    if (beneficiary == nullptr || service == nullptr)
        return fail<VietQrTransfer>(VietQrError::BadField, "tag 38 lacks 01 or 02");
    if (service->value != "QRIBFTTA" && service->value != "QRIBFTTC")
        return fail<VietQrTransfer>(VietQrError::BadField, "tag 38/02: unknown service");
    auto parts = parseTlv(beneficiary->value);
    if (!parts) return fail<VietQrTransfer>(VietQrError::BadLength, "tag 38/01: " + parts.detail);
    const TlvField* bin = find(*parts.value, "00");
    const TlvField* account = find(*parts.value, "01");
    if (bin == nullptr || !validBin(bin->value))
        return fail<VietQrTransfer>(VietQrError::BadField, "tag 38/01/00: BIN not six digits");
    if (account == nullptr || !validAccount(account->value))
        return fail<VietQrTransfer>(VietQrError::BadField, "tag 38/01/01: bad account");
    t.bankBin = bin->value;
    t.account = account->value;
    t.service = service->value;
    return success(std::move(t));
}

} // namespace

const char* vietQrErrorKey(VietQrError error) {
    switch (error) {
    case VietQrError::None:
        return "vietqr.error.none";
    case VietQrError::Empty:
        return "vietqr.error.empty";
    case VietQrError::TooLarge:
        return "vietqr.error.too_large";
    case VietQrError::NotEmv:
        return "vietqr.error.not_emv";
    case VietQrError::BadLength:
        return "vietqr.error.bad_length";
    case VietQrError::BadCrc:
        return "vietqr.error.bad_crc";
    case VietQrError::NotVietQr:
        return "vietqr.error.not_vietqr";
    case VietQrError::BadField:
        return "vietqr.error.bad_field";
    }
    return "vietqr.error.unknown";
}

std::uint16_t crc16CcittFalse(std::string_view data) {
    std::uint16_t crc = 0xFFFF;
    for (unsigned char byte : data) {
        crc ^= static_cast<std::uint16_t>(byte << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021)
                                 : static_cast<std::uint16_t>(crc << 1);
    }
    return crc;
}

std::string encodeTlv(std::string_view tag, std::string_view value) {
    if (tag.size() != 2 || !allOf(tag, isDigit) || value.size() > 99) return {};
    std::string out(tag);
    out += static_cast<char>('0' + value.size() / 10);
    out += static_cast<char>('0' + value.size() % 10);
    out += value;
    return out;
}

VietQrResult<std::vector<TlvField>> parseTlv(std::string_view data) {
    std::vector<TlvField> fields;
    size_t at = 0;
    while (at < data.size()) {
        if (data.size() - at < 4)
            return fail<std::vector<TlvField>>(VietQrError::BadLength,
                                               "truncated field at byte " + std::to_string(at));
        std::string_view head = data.substr(at, 4);
        if (!allOf(head, isDigit))
            return fail<std::vector<TlvField>>(
                VietQrError::BadLength, "tag or length not digits at byte " + std::to_string(at));
        size_t length = static_cast<size_t>((head[2] - '0') * 10 + (head[3] - '0'));
        if (length > data.size() - at - 4)
            return fail<std::vector<TlvField>>(VietQrError::BadLength,
                                               "field " + std::string(head.substr(0, 2)) +
                                                   " runs past the end");
        fields.push_back(
            {std::string(head.substr(0, 2)), std::string(data.substr(at + 4, length))});
        at += 4 + length;
    }
    return success(std::move(fields));
}

VietQrResult<std::string> encodeVietQr(const VietQrTransfer& t) {
    if (!validBin(t.bankBin))
        return fail<std::string>(VietQrError::BadField, "bank BIN must be six digits");
    if (!validAccount(t.account))
        return fail<std::string>(VietQrError::BadField, "account must be 1-19 letters or digits");
    if (t.service != "QRIBFTTA" && t.service != "QRIBFTTC")
        return fail<std::string>(VietQrError::BadField, "unknown service");
    if (t.content.size() > kLongest.content || !allOf(t.content, isPrintableAscii))
        return fail<std::string>(VietQrError::BadField,
                                 "content must be at most 25 printable ASCII characters");
    std::string amount;
    if (t.amount) {
        amount = std::to_string(*t.amount);
        if (*t.amount == 0 || amount.size() > kLongest.amountDigits)
            return fail<std::string>(VietQrError::BadField, "amount must be 1 to 13 digits");
    }
    std::string beneficiary = encodeTlv("00", t.bankBin) + encodeTlv("01", t.account);
    std::string merchant =
        encodeTlv("00", kNapasGuid) + encodeTlv("01", beneficiary) + encodeTlv("02", t.service);
    std::string out = encodeTlv("00", "01") + encodeTlv("01", t.amount ? "12" : "11") +
                      encodeTlv("38", merchant) + encodeTlv("53", "704");
    if (t.amount) out += encodeTlv("54", amount);
    out += encodeTlv("58", "VN");
    if (!t.content.empty()) out += encodeTlv("62", encodeTlv("08", t.content));
    out += kCrcTag;
    out += crcHex(crc16CcittFalse(out));
    return success(std::move(out));
}

bool looksLikeEmvPayment(std::string_view text) {
    text = trimBlanks(text);
    return text.size() >= 6 && text.substr(0, 6) == "000201";
}

VietQrResult<VietQrTransfer> parseVietQr(std::string_view text) {
    text = trimBlanks(text);
    if (text.empty()) return fail<VietQrTransfer>(VietQrError::Empty, "blank");
    if (text.size() > kLongest.payload)
        return fail<VietQrTransfer>(VietQrError::TooLarge, "over 512 bytes");
    if (!looksLikeEmvPayment(text))
        return fail<VietQrTransfer>(VietQrError::NotEmv, "does not start with 000201");
    auto fields = parseTlv(text);
    if (!fields) return fail<VietQrTransfer>(VietQrError::BadLength, fields.detail);
    const TlvField& last = fields.value->back();
    if (last.tag != "63" || last.value.size() != 4)
        return fail<VietQrTransfer>(VietQrError::BadCrc, "no CRC (6304XXXX) at the end");
    std::string_view covered = text.substr(0, text.size() - 4);
    if (!sameHex(last.value, crcHex(crc16CcittFalse(covered))))
        return fail<VietQrTransfer>(VietQrError::BadCrc, "CRC " + last.value + " does not match " +
                                                             crcHex(crc16CcittFalse(covered)));
    const std::vector<TlvField>& root = *fields.value;
    const TlvField* merchant = find(root, "38");
    if (merchant == nullptr)
        return fail<VietQrTransfer>(VietQrError::NotVietQr, "no merchant account tag 38");
    VietQrTransfer t;
    if (const TlvField* initiation = find(root, "01");
        initiation != nullptr && initiation->value != "11" && initiation->value != "12")
        return fail<VietQrTransfer>(VietQrError::BadField, "tag 01 must be 11 or 12");
    const TlvField* currency = find(root, "53");
    if (currency == nullptr || currency->value != "704")
        return fail<VietQrTransfer>(VietQrError::BadField, "tag 53 must be 704 (dong)");
    const TlvField* country = find(root, "58");
    if (country == nullptr || country->value != "VN")
        return fail<VietQrTransfer>(VietQrError::BadField, "tag 58 must be VN");
    if (const TlvField* amount = find(root, "54")) {
        t.amount = parseAmount(amount->value);
        if (!t.amount) return fail<VietQrTransfer>(VietQrError::BadField, "tag 54: bad amount");
    }
    if (const TlvField* additional = find(root, "62")) {
        auto sub = parseTlv(additional->value);
        if (!sub) return fail<VietQrTransfer>(VietQrError::BadLength, "tag 62: " + sub.detail);
        if (const TlvField* purpose = find(*sub.value, "08")) {
            if (!allOf(purpose->value, isPrintableAscii))
                return fail<VietQrTransfer>(VietQrError::BadField, "tag 62/08: not printable");
            t.content = purpose->value;
        }
    }
    return readMerchantAccount(merchant->value, std::move(t));
}

} // namespace motcua
