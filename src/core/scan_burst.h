// Tells a USB barcode scanner in keyboard mode (a burst of keystrokes ending in Enter) from a
// person typing, so a scanned receipt works anywhere in the app without typing into a field.
#pragma once

#include <optional>
#include <string>

namespace motcua {

struct BurstDecision {
    bool swallow = false; // keep this key from reaching the focused field
    int removeLeaked = 0; // characters already typed into the field that belong to a burst
    std::string flush;    // held characters that turned out to be typing: type them now
    std::optional<std::string> burst; // a complete scan (without the Enter)
};

class ScanBurstDetector {
  public:
    // A scanner types faster than kMaxGapMs between keys; a person practically never does so
    // three times in a row.
    static constexpr double kMaxGapMs = 35.0;
    static constexpr size_t kMinLength = 8;
    static constexpr size_t kMaxLength = 512;

    // One printable character (as UTF-8) or Enter ("\n") at a time in milliseconds.
    BurstDecision key(const std::string& character, double timeMs);
    // Call when no key came for a while: returns held characters to type (the burst broke off).
    std::string timeout(double timeMs);
    bool holding() const { return m_held > 0; }

  private:
    std::string m_buffer; // characters of the current fast run, leaked and held
    int m_leaked = 0;     // how many of them reached the field before the run looked fast
    int m_held = 0;       // how many were swallowed
    double m_lastMs = -1e9;
};

} // namespace motcua
