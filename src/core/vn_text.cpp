// Table-driven Vietnamese folding: one pass over the UTF-8 bytes, one table lookup per code
// point, no Unicode library (the core also runs in the browser where ICU is not available).
#include "core/vn_text.h"

#include <array>
#include <cstdint>

#include "core/utf8.h"

namespace motcua {

namespace {

// Output for a code point: a folded ASCII byte, kDrop (combining mark), kSpace (separator) or
// kKeep (copy the original bytes: letters of scripts we do not fold).
constexpr char kDrop = 1;
constexpr char kSpace = ' ';
constexpr char kKeep = 0;

constexpr char32_t kLatinEnd = 0x0250;    // Latin-1 Supplement, Latin Extended-A and -B
constexpr char32_t kExtAddBegin = 0x1E00; // Latin Extended Additional (ạ ả ấ ... ỹ)
constexpr char32_t kExtAddEnd = 0x1F00;

struct FoldTables {
    std::array<char, 128> ascii{};
    std::array<char, kLatinEnd> latin{};
    std::array<char, kExtAddEnd - kExtAddBegin> extAdd{};
};

void setFold(FoldTables& t, std::string_view letters, char base) {
    for (size_t i = 0; i < letters.size();) {
        char32_t cp = 0;
        const size_t n = decodeUtf8(letters, i, cp);
        if (n == 0) return; // the literals below are valid UTF-8
        i += n;
        if (cp < kLatinEnd)
            t.latin[cp] = base;
        else if (cp >= kExtAddBegin && cp < kExtAddEnd)
            t.extAdd[cp - kExtAddBegin] = base;
    }
}

FoldTables buildTables() {
    FoldTables t;
    for (int c = 0; c < 128; ++c) {
        if (c >= 'a' && c <= 'z')
            t.ascii[c] = static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z')
            t.ascii[c] = static_cast<char>(c - 'A' + 'a');
        else if (c >= '0' && c <= '9')
            t.ascii[c] = static_cast<char>(c);
        else
            t.ascii[c] = kSpace;
    }
    // Latin-1 punctuation and symbols (NBSP, «», ©, °, ×, ÷) separate words.
    for (char32_t c = 0x80; c < 0xC0; ++c)
        t.latin[c] = kSpace;
    t.latin[0xD7] = kSpace;
    t.latin[0xF7] = kSpace;
    // Every Vietnamese vowel with its marks, both cases, plus the common Western accents so a
    // foreign name typed with them still matches.
    setFold(t, "aàáảãạăằắẳẵặâầấẩẫậAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬäåÄÅāĀ", 'a');
    setFold(t, "eèéẻẽẹêềếểễệEÈÉẺẼẸÊỀẾỂỄỆëËēĒ", 'e');
    setFold(t, "iìíỉĩịIÌÍỈĨỊïîÏÎīĪ", 'i');
    setFold(t, "oòóỏõọôồốổỗộơờớởỡợOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢöÖøØōŌ", 'o');
    setFold(t, "uùúủũụưừứửữựUÙÚỦŨỤƯỪỨỬỮỰüûÜÛūŪ", 'u');
    setFold(t, "yỳýỷỹỵYỲÝỶỸỴÿŸ", 'y');
    setFold(t, "đĐ", 'd');
    setFold(t, "çÇ", 'c');
    setFold(t, "ñÑ", 'n');
    return t;
}

const FoldTables& tables() {
    static const FoldTables t = buildTables();
    return t;
}

char foldCodePoint(const FoldTables& t, char32_t cp) {
    if (cp < 128) return t.ascii[cp];
    if (cp < kLatinEnd) return t.latin[cp];
    if (cp >= 0x0300 && cp <= 0x036F) return kDrop; // combining marks (NFD input)
    if (cp >= kExtAddBegin && cp < kExtAddEnd) return t.extAdd[cp - kExtAddBegin];
    // General punctuation (dashes, quotes, ellipsis), CJK punctuation, full-width ASCII
    // punctuation.
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF01 && cp <= 0xFF0F))
        return kSpace;
    if (cp == 0xFEFF) return kDrop; // byte order mark
    return kKeep;
}

} // namespace

void foldTextInto(std::string_view utf8, std::string& out) {
    out.clear();
    const FoldTables& t = tables();
    bool pendingSpace = false;
    for (size_t i = 0; i < utf8.size();) {
        char32_t cp = 0;
        size_t n = decodeUtf8(utf8, i, cp);
        char folded;
        if (n == 0) {
            folded = kSpace;
            n = 1;
        } else {
            folded = foldCodePoint(t, cp);
        }
        if (folded == kDrop) {
            i += n;
            continue;
        }
        if (folded == kSpace) {
            pendingSpace = !out.empty();
            i += n;
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        if (folded == kKeep)
            out.append(utf8.substr(i, n));
        else
            out.push_back(folded);
        i += n;
    }
}

std::string foldText(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    foldTextInto(utf8, out);
    return out;
}

void splitTokens(std::string_view folded, std::vector<std::string_view>& out) {
    out.clear();
    size_t start = 0;
    while (start < folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) end = folded.size();
        if (end > start) out.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
}

std::vector<std::string> tokenize(std::string_view utf8) {
    const std::string folded = foldText(utf8);
    std::vector<std::string_view> views;
    splitTokens(folded, views);
    return {views.begin(), views.end()};
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace motcua
