// A USB scanner's burst opens the receipt; a person typing is never swallowed.
#include <catch2/catch.hpp>

#include "core/scan_burst.h"

using namespace motcua;

namespace {
std::string typeAll(ScanBurstDetector& d, const std::string& text, double start, double gap,
                    std::optional<std::string>* burst = nullptr, int* leaked = nullptr) {
    std::string reached; // what ends up in the focused field
    double t = start;
    for (char c : text + "\n") {
        auto r = d.key(c == '\n' ? "\n" : std::string(1, c), t);
        reached += r.flush;
        if (r.removeLeaked && leaked) *leaked = r.removeLeaked;
        if (r.burst && burst) *burst = r.burst;
        if (!r.swallow && c != '\n') reached += c;
        t += gap;
    }
    return reached;
}
} // namespace

TEST_CASE("A scanner burst ending in Enter is recognised and kept out of the field", "[burst]") {
    ScanBurstDetector d;
    std::optional<std::string> burst;
    int leaked = 0;
    const std::string code = "000.00.12.H42-241124-0001";
    const std::string reached = typeAll(d, code, 1000, 8, &burst, &leaked);
    REQUIRE(burst);
    CHECK(*burst == code);
    CHECK(leaked == 1); // the first character reached the field and must be removed
    CHECK(reached == "0");
}

TEST_CASE("A person typing, even quickly at times, is never swallowed", "[burst]") {
    ScanBurstDetector d;
    std::optional<std::string> burst;
    // Human rhythm: mostly 120 ms, with one 20 ms double-press.
    double t = 0;
    std::string reached;
    const std::string text = "nguyen van an";
    for (size_t i = 0; i < text.size(); ++i) {
        t += (i == 5) ? 20 : 120;
        auto r = d.key(std::string(1, text[i]), t);
        reached += r.flush;
        if (!r.swallow) reached += text[i];
    }
    reached += d.timeout(t + 500);
    auto r = d.key("\n", t + 600);
    CHECK_FALSE(r.burst);
    CHECK(reached == text);
}

TEST_CASE("A short fast run is typing, given back in order", "[burst]") {
    ScanBurstDetector d;
    std::optional<std::string> burst;
    const std::string reached = typeAll(d, "abc", 0, 10, &burst);
    CHECK_FALSE(burst);
    CHECK(reached == "abc");
}

TEST_CASE("A fast run that pauses gives its held characters back", "[burst]") {
    ScanBurstDetector d;
    std::string reached;
    for (int i = 0; i < 4; ++i) {
        auto r = d.key(std::string(1, static_cast<char>('a' + i)), i * 10.0);
        reached += r.flush;
        if (!r.swallow) reached += static_cast<char>('a' + i);
    }
    CHECK(d.holding());
    reached += d.timeout(500);
    CHECK(reached == "abcd");
    CHECK_FALSE(d.holding());
}
