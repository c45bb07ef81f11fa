// The scanner session: the camera opened on the scan screen and closed when leaving, its
// controls, and what a decoded text (camera, photo or USB scanner) is, by the receipt parser.
// Writes AppState's scan and notice.
#pragma once

#include <array>
#include <functional>
#include <string>

#include "app/app_state.h"

namespace motcua {

class Scanner {
  public:
    explicit Scanner(AppState& state) : m_state(state) {}

    // Takes the platform's scanner events (platform/scanner_events.h).
    void installHandlers();
    void open();
    void close();
    void toggleTorch();
    void switchCamera();
    void pickPhoto();
    // A decoded text: a receipt goes to onReceipt; anything else is shown, never followed.
    void onResult(const std::string& text, const std::array<float, 8>* corners,
                  scanner::Source source);

    std::function<void(const std::string& code, const std::string& secret)> onReceipt;

  private:
    AppState& m_state;
};

} // namespace motcua
