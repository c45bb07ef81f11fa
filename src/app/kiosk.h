// Kiosk sessions: the mode from the start URL (?mode=kiosk&idle=…&countdown=…), the idle check
// with its "are you still there?" countdown, and when a citizen's session must be wiped.
#pragma once

#include <string>

#include "app/app_state.h"

namespace motcua {

class Kiosk {
  public:
    explicit Kiosk(AppState& state) : m_state(state) {}

    // True when the start URL asks for kiosk mode (AppState::kiosk is then set).
    bool configure(const std::string& startUrl);
    // Asks "are you still there?" (AppState::kioskIdle, drawn over any screen) once the kiosk has
    // been idle long enough with a citizen's data on it; true when the countdown ran out and the
    // session must be wiped.
    bool tick();
    // The citizen answered the question (its button, or a touch on the dimmed screen).
    void stillThere();
    // After a wipe: the next citizen starts now.
    void restart();

  private:
    bool hasCitizenData() const;

    static constexpr int kMinCountdownSeconds = 20;
    AppState& m_state;
    int m_idleSeconds = 90;      // without input before asking
    int m_countdownSeconds = 30; // how long the question waits
    double m_idleSinceMs = 0;    // the last activity before the question was asked
};

} // namespace motcua
