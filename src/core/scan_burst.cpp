// Burst detection: the first character of a fast run leaks (nobody can know yet), the rest are
// held; Enter completes a burst, a pause gives held characters back as typing.
#include "core/scan_burst.h"

namespace motcua {

BurstDecision ScanBurstDetector::key(const std::string& character, double timeMs) {
    BurstDecision d;
    const bool fast = timeMs - m_lastMs <= kMaxGapMs;
    m_lastMs = timeMs;
    if (character == "\n") {
        if (fast && m_held > 0 && m_buffer.size() >= kMinLength) {
            d.burst = m_buffer;
            d.swallow = true;
            d.removeLeaked = m_leaked;
        } else if (m_held > 0) {
            d.flush = m_buffer.substr(static_cast<size_t>(m_leaked));
        }
        m_buffer.clear();
        m_leaked = m_held = 0;
        return d;
    }
    if (!fast) {
        // A new run starts: anything held from a broken-off run is typing after all.
        if (m_held > 0) d.flush = m_buffer.substr(static_cast<size_t>(m_leaked));
        m_buffer = character;
        m_leaked = 1;
        m_held = 0;
        return d;
    }
    if (m_buffer.size() + character.size() > kMaxLength) {
        // Nothing scans this long: treat it as typing.
        if (m_held > 0) d.flush = m_buffer.substr(static_cast<size_t>(m_leaked));
        m_buffer.clear();
        m_leaked = m_held = 0;
        return d;
    }
    m_buffer += character;
    ++m_held;
    d.swallow = true;
    return d;
}

std::string ScanBurstDetector::timeout(double timeMs) {
    if (m_held == 0 || timeMs - m_lastMs <= kMaxGapMs) return {};
    std::string flush = m_buffer.substr(static_cast<size_t>(m_leaked));
    m_buffer.clear();
    m_leaked = m_held = 0;
    return flush;
}

} // namespace motcua
