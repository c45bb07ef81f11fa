// Frame scheduling for the live camera scanner: which camera frames go to the decoder, which
// decoded texts reach the app (a code held in view is read once), and when the citizen needs help.
#pragma once

#include <string>
#include <string_view>

namespace motcua {

enum class ScanHint {
    None,
    HoldSteady,   // no code yet: hold still, fill the box, add light
    TryOtherWays, // still nothing: a photo of the receipt or the typed code will do
};

class ScanPacer {
  public:
    // The first seconds decide whether scanning feels instant: every frame the decoder can take.
    static constexpr double kEagerMs = 3000;
    // After that the decoder may be busy at most this share of the time, so a phone held over a
    // receipt that will not read stays cool and the preview stays smooth.
    static constexpr double kBusyShare = 0.5;
    // The same text again within this interval is the same code still in view.
    static constexpr double kRepeatMs = 2000;
    static constexpr double kHoldSteadyAfterMs = 5000;
    static constexpr double kOtherWaysAfterMs = 12000;

    // The camera is running from nowMs (again: after a switch or a hidden tab).
    void start(double nowMs);
    // Whether the frame shown at nowMs should be decoded: never while one is in flight.
    bool frameWanted(double nowMs) const;
    void frameSent(double nowMs);
    // A decode finished: it took decodeMs (worker time), found a code or not.
    void frameDone(double nowMs, double decodeMs, bool found);
    // Whether a decoded text is news (false: a repeat of the code still in view).
    bool accept(std::string_view text, double nowMs);
    ScanHint hint(double nowMs) const;

  private:
    double m_startMs = 0;
    double m_nextMs = 0; // no frame before this
    bool m_inFlight = false;
    double m_lastFoundMs = -1e18;
    std::string m_lastText;
    double m_lastTextMs = -1e18;
};

} // namespace motcua
