// Keystroke latency of the catalogue search: builds a 2,000-procedure catalogue from the test
// fixture (names varied so the vocabulary grows like a real one), types queries one character at
// a time and prints median / p95 / max microseconds per keystroke. Target: ≤ 2 ms natively.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/ask_matcher.h"
#include "core/procedure_catalog.h"
#include "core/procedure_search.h"

using namespace motcua;
using Clock = std::chrono::steady_clock;

namespace {

constexpr size_t kCatalogSize = 2000;
constexpr int kRepeats = 15;
constexpr size_t kLimit = 20;

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Made-up syllables ("ngoanh", "trung") so the vocabulary reaches a real catalogue's size (a few
// thousand distinct words) instead of the fixture's few hundred.
std::string syllable(size_t n) {
    static const char* kOnsets[] = {"b",  "c",  "ch", "d",  "g", "gi", "h",  "kh", "l", "m", "n",
                                    "ng", "nh", "ph", "qu", "s", "t",  "th", "tr", "v", "x"};
    static const char* kRhymes[] = {
        "a",  "ai", "am",  "an", "ang", "anh", "ao", "au",  "ay",  "e",    "em",   "en",  "eo",
        "i",  "ia", "im",  "in", "inh", "o",   "oa", "oai", "oan", "oang", "oanh", "oc",  "oi",
        "om", "on", "ong", "u",  "ua",  "uc",  "ui", "um",  "un",  "ung",  "uy",   "uyen"};
    return std::string(kOnsets[n % std::size(kOnsets)]) +
           kRhymes[(n / std::size(kOnsets)) % std::size(kRhymes)] +
           (n >= std::size(kOnsets) * std::size(kRhymes) ? std::to_string(n % 10) : "");
}

// Real variants of the same procedure differ by level, subject and place; each adds words.
std::vector<ProcedureInfo> bigCatalog(const std::vector<ProcedureInfo>& base) {
    static const char* kQualifiers[] = {"",
                                        "cấp huyện",
                                        "cấp xã",
                                        "có yếu tố nước ngoài",
                                        "cho người nước ngoài",
                                        "trong trường hợp đặc biệt",
                                        "liên thông",
                                        "qua dịch vụ bưu chính",
                                        "đối với cán bộ, công chức",
                                        "tại khu kinh tế Dung Quất"};
    static const char* kPlaces[] = {"Bình Sơn", "Sơn Tịnh", "Tư Nghĩa",  "Nghĩa Hành", "Mộ Đức",
                                    "Đức Phổ",  "Ba Tơ",    "Minh Long", "Sơn Hà",     "Sơn Tây",
                                    "Trà Bồng", "Lý Sơn",   "Kon Tum",   "Đăk Hà",     "Đăk Tô",
                                    "Ngọc Hồi", "Sa Thầy",  "Kon Rẫy",   "Tu Mơ Rông", "Kon Plông"};
    std::vector<ProcedureInfo> out;
    out.reserve(kCatalogSize);
    for (size_t i = 0; out.size() < kCatalogSize; ++i) {
        ProcedureInfo p = base[i % base.size()];
        const size_t variant = i / base.size();
        const std::string q = kQualifiers[variant % std::size(kQualifiers)];
        const std::string place =
            kPlaces[(variant / std::size(kQualifiers) + i) % std::size(kPlaces)];
        if (variant > 0) {
            p.code += "." + std::to_string(variant);
            p.name.vi += (q.empty() ? "" : " " + q) + " - " + place;
            p.name.en += " (" + place + ")";
            p.name.name = p.name.vi;
            p.agency.name.name += " " + place;
            for (ProcedureDocument& d : p.documents)
                d.name += " " + std::to_string(variant % 7);
            p.documents.push_back({"Giấy tờ " + syllable(2 * i) + " " + syllable(2 * i + 1), 1, 0});
        }
        out.push_back(std::move(p));
    }
    return out;
}

struct Stats {
    double median, p95, max;
};

Stats summarise(std::vector<double> us) {
    std::sort(us.begin(), us.end());
    return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 95 / 100)], us.back()};
}

} // namespace

int main() {
    auto parsed = parseProcedureList(
        readFile(std::string(MOTCUA_SOURCE_DIR) + "/tests/core/fixtures/procedures.json"));
    if (!parsed.ok()) {
        std::fprintf(stderr, "cannot read the fixture catalogue: %s\n", parsed.error.c_str());
        return 1;
    }
    const std::vector<ProcedureInfo> catalog = bigCatalog(parsed.value->items);

    auto t0 = Clock::now();
    SearchIndex index(catalog);
    const double buildMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::printf("catalogue: %zu procedures, vocabulary %zu words, index built in %.2f ms\n",
                index.size(), index.vocabularySize(), buildMs);

    struct Query {
        const char* text;
        Language lang;
    };
    const Query queries[] = {
        {"dang ky khai sinh", Language::Vi},
        {"Đăng ký kết hôn", Language::Vi},
        {"giay phep xay dung nha o", Language::Vi},
        {"chung thuc ban sao tu ban chinh", Language::Vi},
        {"dang ki khai snh", Language::Vi},
        {"cap doi giay chung nhan quyen su dung dat", Language::Vi},
        {"birth registration", Language::En},
        {"so do", Language::Vi},
    };
    std::vector<double> all;
    size_t sink = 0;
    std::printf("%-44s %6s %9s %9s %9s\n", "query (typed char by char)", "keys", "median", "p95",
                "max");
    for (const Query& q : queries) {
        const std::string text = q.text;
        std::vector<double> times;
        for (int r = 0; r < kRepeats; ++r) {
            for (size_t len = 1; len <= text.size(); ++len) {
                // Keystrokes land on whole code points; a cut multi-byte character is not a
                // keystroke.
                if (len < text.size() && (static_cast<unsigned char>(text[len]) & 0xC0) == 0x80)
                    continue;
                auto start = Clock::now();
                auto hits = index.search(std::string_view(text).substr(0, len), q.lang, kLimit);
                times.push_back(
                    std::chrono::duration<double, std::micro>(Clock::now() - start).count());
                sink += hits.size();
            }
        }
        const Stats s = summarise(times);
        std::printf("%-44s %6zu %7.0fµs %7.0fµs %7.0fµs\n", q.text, times.size() / kRepeats,
                    s.median, s.p95, s.max);
        all.insert(all.end(), times.begin(), times.end());
    }
    const Stats s = summarise(all);
    std::printf(
        "all keystrokes: %zu, median %.0f µs, p95 %.0f µs, max %.0f µs (target ≤ 2000 µs)\n",
        all.size(), s.median, s.p95, s.max);

    // The ask box: one question against the same catalogue (index built once in the matcher).
    t0 = Clock::now();
    AskMatcher matcher(catalog, {});
    const double askBuildMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::vector<double> ask;
    for (int r = 0; r < kRepeats; ++r) {
        auto start = Clock::now();
        AskAnswer a =
            matcher.answer("tôi muốn đăng ký khai sinh cho con cần giấy tờ gì", Language::Vi);
        ask.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        sink += a.good();
    }
    const Stats a = summarise(ask);
    std::printf("ask: matcher built in %.2f ms, question median %.0f µs, max %.0f µs\n", askBuildMs,
                a.median, a.max);
    return sink == 0; // keeps the work observable
}
