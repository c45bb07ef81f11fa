// Frame scheduling for the live camera scanner (see scan_pacer.h).
#include "core/scan_pacer.h"

#include <algorithm>

namespace motcua {

void ScanPacer::start(double nowMs) {
    m_startMs = nowMs;
    m_nextMs = nowMs;
    m_inFlight = false;
}

bool ScanPacer::frameWanted(double nowMs) const {
    return !m_inFlight && nowMs >= m_nextMs;
}

void ScanPacer::frameSent(double /*nowMs*/) {
    m_inFlight = true;
}

void ScanPacer::frameDone(double nowMs, double decodeMs, bool found) {
    m_inFlight = false;
    if (found) m_lastFoundMs = nowMs;
    if (nowMs - m_startMs < kEagerMs) {
        m_nextMs = nowMs;
        return;
    }
    // Busy for decodeMs, then idle long enough that busy / (busy + idle) <= kBusyShare.
    const double idle = std::max(0.0, decodeMs) * (1.0 - kBusyShare) / kBusyShare;
    m_nextMs = nowMs + idle;
}

bool ScanPacer::accept(std::string_view text, double nowMs) {
    if (text.empty()) return false;
    const bool repeat = text == m_lastText && nowMs - m_lastTextMs < kRepeatMs;
    m_lastText = std::string(text);
    m_lastTextMs = nowMs; // a code held in view stays a repeat however long it is held
    return !repeat;
}

ScanHint ScanPacer::hint(double nowMs) const {
    // Time without a code since the camera started or since the last code (a foreign QR counts:
    // the citizen is aiming well, just at the wrong code).
    const double since = nowMs - std::max(m_startMs, m_lastFoundMs);
    if (since >= kOtherWaysAfterMs) return ScanHint::TryOtherWays;
    if (since >= kHoldSteadyAfterMs) return ScanHint::HoldSteady;
    return ScanHint::None;
}

} // namespace motcua
