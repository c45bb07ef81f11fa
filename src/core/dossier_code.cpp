// Code grammar: agency = 2–6 dot-separated groups of 1–4 letters/digits, the last one a letter
// and 2–3 digits (H42); then '-', yyMMdd (20yy), '-', a 4–6 digit serial. It is the pattern of
// assets/domain/codes.json written out by hand, because typing hints need to know how a prefix
// can still grow and std::regex would weigh on the WebAssembly download; the core tests check
// every complete code against the pattern itself.
#include "core/dossier_code.h"

#include <array>
#include <cstdint>
#include <vector>

#include "core/domain_facts.h"
#include "core/utf8.h"

namespace motcua {

namespace {

// How many a part of the code may have, as the pattern's {min,max} quantifiers say.
struct Count {
    size_t min;
    size_t max;
    constexpr bool allows(size_t n) const { return n >= min && n <= max; }
};
constexpr Count kAgencyGroups{2, 6};
constexpr Count kGroupLength{1, 4};
constexpr Count kSerialDigits{4, 6};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isAlnum(char c) {
    return isDigit(c) || isUpper(c);
}

// Decodes one UTF-8 sequence; returns the code point and advances, or U+FFFD for bad bytes.
char32_t nextCodePoint(std::string_view s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = utf8LeadLength(c);
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
        unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += len;
    return cp;
}

bool isSpaceLike(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF ||
           cp == 0x2060;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Maps paste artefacts to ASCII: dashes and minus signs, full-width forms, middle dots.
char32_t foldLookAlike(char32_t cp) {
    if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
        cp == 0x2015 || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D)
        return '-';
    if (cp == 0xFF0E || cp == 0x3002 || cp == 0x2024) return '.';
    if (cp >= 0xFF10 && cp <= 0xFF19) return '0' + (cp - 0xFF10);
    if (cp >= 0xFF21 && cp <= 0xFF3A) return 'A' + (cp - 0xFF21);
    if (cp >= 0xFF41 && cp <= 0xFF5A) return 'A' + (cp - 0xFF41);
    if (cp >= 'a' && cp <= 'z') return cp - 'a' + 'A';
    return cp;
}

std::string normalizeCompact(std::string_view text, bool foldPunctuation) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        char32_t cp = nextCodePoint(text, i);
        if (isSpaceLike(cp)) continue;
        if (foldPunctuation)
            cp = foldLookAlike(cp);
        else if (cp >= 'a' && cp <= 'z')
            cp = cp - 'a' + 'A';
        appendUtf8(out, cp);
    }
    if (foldPunctuation) {
        // Trailing sentence punctuation and quotes come along when copying from a message.
        while (!out.empty() && (out.back() == '.' || out.back() == ',' || out.back() == ';' ||
                                out.back() == ':' || out.back() == '"' || out.back() == '\''))
            out.pop_back();
        size_t start = 0;
        while (start < out.size() && (out[start] == '"' || out[start] == '\''))
            ++start;
        out.erase(0, start);
    }
    return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (;;) {
        size_t p = s.find(sep, start);
        if (p == std::string_view::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, p - start));
        start = p + 1;
    }
}

bool isLastAgencyGroup(std::string_view g) {
    if (g.size() < 3 || g.size() > 4 || !isUpper(g[0])) return false;
    for (size_t i = 1; i < g.size(); ++i)
        if (!isDigit(g[i])) return false;
    return true;
}

// Could `g` still grow into a valid last group?
bool isLastAgencyGroupPrefix(std::string_view g) {
    if (g.empty()) return true;
    if (g.size() > 4 || !isUpper(g[0])) return false;
    for (size_t i = 1; i < g.size(); ++i)
        if (!isDigit(g[i])) return false;
    return true;
}

bool isAgencyGroup(std::string_view g) {
    if (!kGroupLength.allows(g.size())) return false;
    for (char c : g)
        if (!isAlnum(c)) return false;
    return true;
}

// complete: the agency is followed by '-', so it must be whole.
CodeHint checkAgency(std::string_view agency, bool complete) {
    auto groups = split(agency, '.');
    if (groups.size() > kAgencyGroups.max) return CodeHint::BadAgency;
    for (size_t i = 0; i + 1 < groups.size(); ++i)
        if (!isAgencyGroup(groups[i])) return CodeHint::BadAgency;
    std::string_view last = groups.back();
    if (complete) {
        if (groups.size() < kAgencyGroups.min || !isLastAgencyGroup(last))
            return CodeHint::BadAgency;
        return CodeHint::Valid;
    }
    // While typing, the last group may be a middle group in progress or the final one.
    if (last.size() > kGroupLength.max) return CodeHint::BadAgency;
    if (!isAgencyGroup(last) && !last.empty()) return CodeHint::BadAgency;
    if (!isLastAgencyGroupPrefix(last) && groups.size() >= kAgencyGroups.max)
        return CodeHint::BadAgency;
    return CodeHint::Incomplete;
}

CodeHint checkDate(std::string_view date, bool complete) {
    for (char c : date)
        if (!isDigit(c)) return CodeHint::BadDate;
    if (date.size() > 6) return CodeHint::BadDate;
    if (date.size() >= 3 && date[2] > '1') return CodeHint::BadDate;
    if (date.size() >= 4) {
        int month = (date[2] - '0') * 10 + (date[3] - '0');
        if (month < 1 || month > 12) return CodeHint::BadDate;
        if (date.size() >= 5 && date[4] > '3') return CodeHint::BadDate;
        if (date.size() == 6) {
            int year = 2000 + (date[0] - '0') * 10 + (date[1] - '0');
            int day = (date[4] - '0') * 10 + (date[5] - '0');
            if (!isValidDate(year, month, day)) return CodeHint::BadDate;
        }
    }
    if (complete && date.size() != 6) return CodeHint::BadDate;
    return date.size() == 6 && complete ? CodeHint::Valid : CodeHint::Incomplete;
}

CodeHint hintForNormalized(std::string_view code) {
    if (code.empty()) return CodeHint::Empty;
    for (char c : code)
        if (!isAlnum(c) && c != '.' && c != '-') return CodeHint::BadCharacter;
    if (code.size() > maxCodeLength()) return CodeHint::TooLong;
    auto parts = split(code, '-');
    if (parts.size() > 3) return CodeHint::TooLong;
    CodeHint agency = checkAgency(parts[0], parts.size() > 1);
    if (agency == CodeHint::BadAgency) return agency;
    if (parts.size() == 1) return CodeHint::Incomplete;
    CodeHint date = checkDate(parts[1], parts.size() > 2);
    if (date == CodeHint::BadDate) return date;
    if (parts.size() == 2) return CodeHint::Incomplete;
    std::string_view serial = parts[2];
    for (char c : serial)
        if (!isDigit(c)) return CodeHint::BadCharacter;
    if (serial.size() > kSerialDigits.max) return CodeHint::TooLong;
    if (serial.size() < kSerialDigits.min) return CodeHint::Incomplete;
    return CodeHint::Valid;
}

} // namespace

size_t maxCodeLength() {
    return domainFacts().maxCodeLength;
}

std::string_view secretAlphabet() {
    return domainFacts().secretAlphabet;
}

size_t secretLength() {
    return domainFacts().secretLength;
}

std::string normalizeCode(std::string_view text) {
    return normalizeCompact(text, true);
}

CodeHint codeHint(std::string_view text) {
    return hintForNormalized(normalizeCode(text));
}

const char* codeHintKey(CodeHint hint) {
    switch (hint) {
    case CodeHint::Empty:
        return "code_hint.empty";
    case CodeHint::Incomplete:
        return "code_hint.incomplete";
    case CodeHint::BadCharacter:
        return "code_hint.bad_character";
    case CodeHint::BadAgency:
        return "code_hint.bad_agency";
    case CodeHint::BadDate:
        return "code_hint.bad_date";
    case CodeHint::TooLong:
        return "code_hint.too_long";
    case CodeHint::Valid:
        return "code_hint.valid";
    }
    return "code_hint.empty";
}

bool isValidCode(std::string_view text) {
    return codeHint(text) == CodeHint::Valid;
}

std::optional<DossierCodeParts> splitCode(std::string_view text) {
    std::string code = normalizeCode(text);
    if (hintForNormalized(code) != CodeHint::Valid) return std::nullopt;
    auto parts = split(code, '-');
    DossierCodeParts out;
    out.agency = std::string(parts[0]);
    std::string_view d = parts[1];
    out.date = CivilDate{2000 + (d[0] - '0') * 10 + (d[1] - '0'), (d[2] - '0') * 10 + (d[3] - '0'),
                         (d[4] - '0') * 10 + (d[5] - '0')};
    for (char c : parts[2])
        out.serial = out.serial * 10 + (c - '0');
    return out;
}

std::string normalizeSecret(std::string_view text) {
    return normalizeCompact(text, false);
}

bool isValidSecret(std::string_view text) {
    std::string s = normalizeSecret(text);
    if (s.size() != secretLength()) return false;
    for (char c : s)
        if (secretAlphabet().find(c) == std::string_view::npos) return false;
    return true;
}

} // namespace motcua
