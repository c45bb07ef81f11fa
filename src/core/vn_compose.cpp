// Vietnamese composition over precomposed (NFC) letters: a table of base vowels × tones.
#include "core/vn_compose.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/utf8.h"

namespace motcua {

namespace {

// Each row: a vowel without tone, then with acute, grave, hook, tilde, dot below.
constexpr std::array<std::array<const char*, 6>, 24> kVowels = {{
    {"a", "á", "à", "ả", "ã", "ạ"}, {"ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"}, {"â", "ấ", "ầ", "ẩ", "ẫ", "ậ"},
    {"e", "é", "è", "ẻ", "ẽ", "ẹ"}, {"ê", "ế", "ề", "ể", "ễ", "ệ"}, {"i", "í", "ì", "ỉ", "ĩ", "ị"},
    {"o", "ó", "ò", "ỏ", "õ", "ọ"}, {"ô", "ố", "ồ", "ổ", "ỗ", "ộ"}, {"ơ", "ớ", "ờ", "ở", "ỡ", "ợ"},
    {"u", "ú", "ù", "ủ", "ũ", "ụ"}, {"ư", "ứ", "ừ", "ử", "ữ", "ự"}, {"y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"},
    {"A", "Á", "À", "Ả", "Ã", "Ạ"}, {"Ă", "Ắ", "Ằ", "Ẳ", "Ẵ", "Ặ"}, {"Â", "Ấ", "Ầ", "Ẩ", "Ẫ", "Ậ"},
    {"E", "É", "È", "Ẻ", "Ẽ", "Ẹ"}, {"Ê", "Ế", "Ề", "Ể", "Ễ", "Ệ"}, {"I", "Í", "Ì", "Ỉ", "Ĩ", "Ị"},
    {"O", "Ó", "Ò", "Ỏ", "Õ", "Ọ"}, {"Ô", "Ố", "Ồ", "Ổ", "Ỗ", "Ộ"}, {"Ơ", "Ớ", "Ờ", "Ở", "Ỡ", "Ợ"},
    {"U", "Ú", "Ù", "Ủ", "Ũ", "Ụ"}, {"Ư", "Ứ", "Ừ", "Ử", "Ữ", "Ự"}, {"Y", "Ý", "Ỳ", "Ỷ", "Ỹ", "Ỵ"},
}};

// Base letter → marked letter, for each mark.
struct MarkPair {
    const char* plain;
    const char* marked;
    LetterMark mark;
};
constexpr std::array<MarkPair, 14> kMarks = {{
    {"a", "â", LetterMark::Circumflex},
    {"e", "ê", LetterMark::Circumflex},
    {"o", "ô", LetterMark::Circumflex},
    {"a", "ă", LetterMark::Breve},
    {"o", "ơ", LetterMark::Horn},
    {"u", "ư", LetterMark::Horn},
    {"d", "đ", LetterMark::Stroke},
    {"A", "Â", LetterMark::Circumflex},
    {"E", "Ê", LetterMark::Circumflex},
    {"O", "Ô", LetterMark::Circumflex},
    {"A", "Ă", LetterMark::Breve},
    {"O", "Ơ", LetterMark::Horn},
    {"U", "Ư", LetterMark::Horn},
    {"D", "Đ", LetterMark::Stroke},
}};

std::vector<std::string> splitCharacters(std::string_view text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        size_t len = std::max<size_t>(1, utf8LeadLength(lead));
        if (i + len > text.size()) len = text.size() - i;
        out.emplace_back(text.substr(i, len));
        i += len;
    }
    return out;
}

std::string join(const std::vector<std::string>& chars) {
    std::string out;
    for (const auto& c : chars)
        out += c;
    return out;
}

// Row and tone of a vowel, or -1.
int vowelRow(const std::string& c, int* tone) {
    for (size_t r = 0; r < kVowels.size(); ++r)
        for (size_t t = 0; t < 6; ++t)
            if (c == kVowels[r][t]) {
                *tone = static_cast<int>(t);
                return static_cast<int>(r);
            }
    return -1;
}

bool isWordCharacter(const std::string& c) {
    if (c.size() == 1) return std::isalnum(static_cast<unsigned char>(c[0])) != 0;
    return true; // every non-ASCII letter we handle is a letter
}

// The combining marks NFD text (macOS file names, some keyboards) carries Vietnamese with: a tone
// (index into a kVowels row) or a letter mark.
int combiningTone(const std::string& c) {
    static constexpr std::array<const char*, 6> kTones = {"",         "\xCC\x81", "\xCC\x80",
                                                          "\xCC\x89", "\xCC\x83", "\xCC\xA3"};
    for (size_t t = 1; t < kTones.size(); ++t)
        if (c == kTones[t]) return static_cast<int>(t);
    return 0;
}

std::optional<LetterMark> combiningMark(const std::string& c) {
    if (c == "\xCC\x82") return LetterMark::Circumflex;
    if (c == "\xCC\x86") return LetterMark::Breve;
    if (c == "\xCC\x9B") return LetterMark::Horn;
    return std::nullopt;
}

// The row of `row`'s base vowel with `mark` added, or -1.
int markedRow(int row, LetterMark mark) {
    const std::string plain = kVowels[static_cast<size_t>(row)][0];
    for (const MarkPair& m : kMarks) {
        int tone = 0;
        if (m.mark == mark && plain == m.plain) return vowelRow(m.marked, &tone);
    }
    return -1;
}

} // namespace

std::string applyTone(std::string_view text, Tone tone) {
    auto chars = splitCharacters(text);
    size_t start = chars.size();
    while (start > 0 && isWordCharacter(chars[start - 1]))
        --start;
    std::vector<size_t> vowels;
    int existingTone = 0;
    for (size_t i = start; i < chars.size(); ++i) {
        int t = 0;
        if (vowelRow(chars[i], &t) >= 0) {
            vowels.push_back(i);
            if (t) existingTone = t;
        }
    }
    if (vowels.empty()) return std::string(text);
    // Where the tone goes: on a marked vowel (ê ô ơ â ă ư) if any; otherwise see below.
    size_t target = vowels.back();
    bool found = false;
    for (size_t i : vowels) {
        int t = 0;
        const int row = vowelRow(chars[i], &t) % 12;
        if (row == 1 || row == 2 || row == 4 || row == 7 || row == 8 || row == 10) {
            target = i;
            found = true;
        }
    }
    if (!found && vowels.size() >= 2) {
        const bool endsWithVowel = vowels.back() == chars.size() - 1;
        std::string first = chars[vowels[vowels.size() - 2]];
        int t = 0;
        const int row = vowelRow(first, &t) % 12;
        const bool qOrGi =
            vowels.size() == 2 && vowels.front() > start &&
            (chars[vowels.front() - 1] == "q" || chars[vowels.front() - 1] == "Q" ||
             ((chars[vowels.front() - 1] == "g" || chars[vowels.front() - 1] == "G") && row == 5));
        // Classic placement, as in official names (Hòa, Thủy, mùa): an open pair takes the tone
        // on its first vowel; after "qu"/"gi" the u/i belongs to the consonant.
        if (qOrGi)
            target = vowels.back();
        else if (endsWithVowel)
            target = vowels[vowels.size() - 2];
        else
            target = vowels.back();
    }
    const int wanted = static_cast<int>(tone) == existingTone ? 0 : static_cast<int>(tone);
    for (size_t i : vowels) {
        int t = 0;
        const int row = vowelRow(chars[i], &t);
        chars[i] = kVowels[static_cast<size_t>(row)][0];
    }
    int t = 0;
    const int row = vowelRow(chars[target], &t);
    chars[target] = kVowels[static_cast<size_t>(row)][static_cast<size_t>(wanted)];
    return join(chars);
}

std::string applyMark(std::string_view text, LetterMark mark) {
    auto chars = splitCharacters(text);
    for (size_t k = chars.size(); k > 0; --k) {
        std::string& c = chars[k - 1];
        if (!isWordCharacter(c)) break;
        int tone = 0;
        const int row = vowelRow(c, &tone);
        const std::string base = row >= 0 ? kVowels[static_cast<size_t>(row)][0] : c;
        for (const MarkPair& m : kMarks) {
            std::string replacement;
            if (m.mark == mark && base == m.plain)
                replacement = m.marked;
            else if (m.mark == mark && base == m.marked)
                replacement = m.plain; // toggle off
            else
                continue;
            int t2 = 0;
            const int newRow = vowelRow(replacement, &t2);
            c = newRow >= 0 ? kVowels[static_cast<size_t>(newRow)][static_cast<size_t>(tone)]
                            : replacement;
            return join(chars);
        }
    }
    return std::string(text);
}

std::string composeVietnamese(std::string_view text) {
    const auto chars = splitCharacters(text);
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < chars.size(); ++i) {
        int tone = 0;
        int row = vowelRow(chars[i], &tone);
        while (row >= 0 && i + 1 < chars.size()) {
            const int addTone = combiningTone(chars[i + 1]);
            const std::optional<LetterMark> mark = combiningMark(chars[i + 1]);
            // NFC composes a letter mark after the dot below (ạ + ̂ = ậ, canonical order puts the
            // dot first) but not after other tones (é + ̂ stays as it is).
            const int withMark = mark && (tone == 0 || tone == 5) ? markedRow(row, *mark) : -1;
            if (addTone > 0 && tone == 0)
                tone = addTone;
            else if (withMark >= 0)
                row = withMark;
            else
                break;
            ++i;
        }
        out += row >= 0 ? kVowels[static_cast<size_t>(row)][static_cast<size_t>(tone)] : chars[i];
    }
    return out;
}

std::string dropLastCharacter(std::string_view text) {
    auto chars = splitCharacters(text);
    if (!chars.empty()) chars.pop_back();
    return join(chars);
}

} // namespace motcua
