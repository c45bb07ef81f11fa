// Receipt payload recognition. Order matters: a whole-text code first, then links (which are
// only trusted through known shapes), then a code embedded in free text.
#include "core/receipt_payload.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/dossier_code.h"
#include "core/url_text.h"
#include "core/vietqr.h"

namespace motcua {

namespace {

constexpr size_t kMaxPayloadBytes = 4096;
constexpr size_t kMaxRawBytes = 512;

char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (asciiLower(a[i]) != asciiLower(b[i])) return false;
    return true;
}

bool istartsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trimAscii(std::string_view s) {
    while (!s.empty() && isAsciiSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isAsciiSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Trims ASCII and the common Unicode blanks (NBSP, zero-width, BOM) that scanners and
// clipboards add at the ends.
std::string_view trimAll(std::string_view s) {
    for (bool changed = true; changed;) {
        changed = false;
        s = trimAscii(s);
        for (std::string_view blank :
             {"\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xE2\x80\xAF"}) {
            if (s.size() >= blank.size() && s.substr(0, blank.size()) == blank) {
                s.remove_prefix(blank.size());
                changed = true;
            }
            if (s.size() >= blank.size() && s.substr(s.size() - blank.size()) == blank) {
                s.remove_suffix(blank.size());
                changed = true;
            }
        }
    }
    return s;
}

// Keeps the text displayable: control characters become spaces, the length is capped on a
// UTF-8 boundary.
std::string displayRaw(std::string_view s) {
    size_t end = std::min(s.size(), kMaxRawBytes);
    while (end > 0 && end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end;
    std::string out(s.substr(0, end));
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    if (end < s.size()) out += "…";
    return out;
}

struct KeyValue {
    std::string_view key;
    std::string_view value;
};

std::vector<KeyValue> splitParams(std::string_view s) {
    std::vector<KeyValue> out;
    while (!s.empty()) {
        size_t amp = s.find_first_of("&;");
        std::string_view part = s.substr(0, amp);
        size_t eq = part.find('=');
        if (eq == std::string_view::npos)
            out.push_back({part, {}});
        else
            out.push_back({part.substr(0, eq), part.substr(eq + 1)});
        if (amp == std::string_view::npos) break;
        s.remove_prefix(amp + 1);
    }
    return out;
}

std::optional<std::string> findParam(const std::vector<KeyValue>& params,
                                     std::initializer_list<std::string_view> keys) {
    for (const KeyValue& kv : params)
        for (std::string_view key : keys)
            if (iequals(percentDecode(kv.key, true), key)) return percentDecode(kv.value, true);
    return std::nullopt;
}

ReceiptPayload receipt(std::string code, std::string_view secretText, std::string_view raw) {
    ReceiptPayload p;
    p.kind = PayloadKind::Receipt;
    p.code = std::move(code);
    if (isValidSecret(secretText)) p.secret = normalizeSecret(secretText);
    p.raw = displayRaw(raw);
    return p;
}

ReceiptPayload notReceipt(std::string_view raw) {
    ReceiptPayload p;
    p.kind = PayloadKind::NotReceipt;
    p.raw = displayRaw(raw);
    return p;
}

// "CODE", "CODE SECRET", "CODE#SECRET", "CODE|SECRET", "CODE#k=SECRET".
std::optional<ReceiptPayload> parseBare(std::string_view text) {
    if (isValidCode(text)) return receipt(normalizeCode(text), {}, text);
    size_t sep = text.find_last_of(" \t#|");
    if (sep == std::string_view::npos) return std::nullopt;
    std::string_view left = trimAll(text.substr(0, sep));
    std::string_view right = trimAll(text.substr(sep + 1));
    while (!left.empty() && (left.back() == '#' || left.back() == '|'))
        left.remove_suffix(1);
    if (istartsWith(right, "k=")) right.remove_prefix(2);
    if (!isValidCode(left) || !isValidSecret(right)) return std::nullopt;
    return receipt(normalizeCode(left), right, text);
}

// Links never contain spaces; a sentence ending in '?' is free text, not a query string.
bool looksLikeLink(std::string_view text) {
    if (std::any_of(text.begin(), text.end(), isAsciiSpace)) return false;
    return text.find("://") != std::string_view::npos || text.front() == '/' ||
           istartsWith(text, "www.") || text.find('?') != std::string_view::npos ||
           text.find("/d/") != std::string_view::npos;
}

ReceiptPayload parseLink(std::string_view text) {
    std::string_view rest = text;
    std::string_view fragment;
    if (size_t hash = rest.find('#'); hash != std::string_view::npos) {
        fragment = rest.substr(hash + 1);
        rest = rest.substr(0, hash);
    }
    std::string_view query;
    if (size_t q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string_view path = rest;
    if (size_t scheme = path.find("://"); scheme != std::string_view::npos) {
        path.remove_prefix(scheme + 3);
        size_t slash = path.find('/');
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
    }
    auto fragmentParams = splitParams(fragment);
    auto queryParams = splitParams(query);
    auto secret = [&]() -> std::string {
        if (auto s = findParam(fragmentParams, {"k", "secret"})) return *s;
        if (auto s = findParam(queryParams, {"k", "secret"})) return *s;
        return {};
    };

    // Our form: .../d/<code>[/]
    while (!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    std::optional<std::string_view> segment;
    if (size_t d = path.rfind("/d/"); d != std::string_view::npos)
        segment = path.substr(d + 3);
    else if (istartsWith(path, "d/"))
        segment = path.substr(2);
    if (segment && segment->find('/') == std::string_view::npos) {
        std::string code = percentDecode(*segment, false);
        if (isValidCode(code)) return receipt(normalizeCode(code), secret(), text);
    }
    // Legacy forms: ?ma=<code> or ?MHS=<code> (also found in the fragment by some routers).
    for (const auto* params : {&queryParams, &fragmentParams}) {
        if (auto code = findParam(*params, {"ma", "mhs", "mahoso", "ma_ho_so"})) {
            if (isValidCode(*code)) return receipt(normalizeCode(*code), secret(), text);
            return notReceipt(text);
        }
    }
    return notReceipt(text);
}

bool isCodeChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
           c == '-';
}

bool isSecretChar(char c) {
    return secretAlphabet().find(c) != std::string_view::npos;
}

// Finds a code inside free text: the first maximal run of code characters (after folding
// dash look-alikes) that is a valid code, with dots/dashes at its ends dropped. The next
// standalone token of the secret's length written in its alphabet, if any, is taken as the secret.
std::optional<ReceiptPayload> findEmbedded(std::string_view text) {
    // Fold Unicode dashes so "000.00.12.H42–241124–0001" (from word processors) still matches.
    std::string folded;
    folded.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        std::string_view rest = text.substr(i);
        if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") ||
            rest.starts_with("\xE2\x88\x92")) {
            folded += '-';
            i += 2;
        } else {
            folded += text[i];
        }
    }
    for (size_t i = 0; i < folded.size();) {
        if (!isCodeChar(folded[i])) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < folded.size() && isCodeChar(folded[end]))
            ++end;
        std::string_view token = std::string_view(folded).substr(i, end - i);
        while (!token.empty() && (token.front() == '.' || token.front() == '-'))
            token.remove_prefix(1);
        while (!token.empty() && (token.back() == '.' || token.back() == '-'))
            token.remove_suffix(1);
        if (isValidCode(token)) {
            std::string secret;
            for (size_t j = end; j < folded.size();) {
                if (!isSecretChar(folded[j])) {
                    ++j;
                    continue;
                }
                size_t k = j;
                while (k < folded.size() && isCodeChar(folded[k]))
                    ++k;
                bool standalone = j == 0 || !isCodeChar(folded[j - 1]);
                std::string_view word = std::string_view(folded).substr(j, k - j);
                if (standalone && word.size() == secretLength() &&
                    std::all_of(word.begin(), word.end(), isSecretChar)) {
                    secret = std::string(word);
                    break;
                }
                j = k;
            }
            return receipt(normalizeCode(token), secret, text);
        }
        i = end;
    }
    return std::nullopt;
}

} // namespace

ReceiptPayload parseReceiptPayload(std::string_view text) {
    std::string_view trimmed = trimAll(text);
    if (trimmed.empty()) return {};
    if (trimmed.size() > kMaxPayloadBytes) return notReceipt(trimmed);
    if (looksLikeEmvPayment(trimmed)) return notReceipt(trimmed);
    if (auto bare = parseBare(trimmed)) return *bare;
    if (looksLikeLink(trimmed)) return parseLink(trimmed);
    if (auto embedded = findEmbedded(trimmed)) return *embedded;
    return notReceipt(trimmed);
}

ScannedCode classifyScan(std::string_view text) {
    ScannedCode out;
    out.receipt = parseReceiptPayload(text);
    switch (out.receipt.kind) {
    case PayloadKind::Empty:
        out.kind = ScanKind::Empty;
        return out;
    case PayloadKind::Receipt:
        out.kind = ScanKind::Receipt;
        return out;
    case PayloadKind::NotReceipt:
        break;
    }
    if (!looksLikeEmvPayment(trimAll(text))) {
        out.kind = ScanKind::Other;
        return out;
    }
    out.kind = ScanKind::Payment;
    auto parsed = parseVietQr(trimAll(text));
    out.payment = std::move(parsed.value);
    out.paymentError = parsed.error;
    return out;
}

std::string dossierLink(std::string_view code, std::string_view secret) {
    std::string link = "/d/" + percentEncode(code);
    if (!secret.empty()) link += "#k=" + percentEncode(secret);
    return link;
}

} // namespace motcua
