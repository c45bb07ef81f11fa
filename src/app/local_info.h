// Local information: places for visitors in the language on show, and the province's alerts,
// polled in the background and kept on the device for when the network is gone. Writes
// AppState's places and alerts and opens the places screen.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/app_state.h"
#include "platform/http_client.h"
#include "platform/storage.h"

namespace motcua {

class LocalInfo {
  public:
    // `shownLanguage` is the language the screens draw (a CJK choice shows English until its
    // font is in): places and alerts are asked in it.
    LocalInfo(HttpClient& http, Storage& storage, AppState& state,
              std::function<Language()> shownLanguage)
        : m_http(http), m_storage(storage), m_state(state),
          m_shownLanguage(std::move(shownLanguage)) {}

    // Shows the alerts kept on the device and polls the first time soon after start.
    void loadAlerts();
    // Opens the places of `kind` (empty: the kind shown last) and fetches them.
    void openPlaces(const std::string& kind);
    // Polls the alerts when due; draws nothing unless they changed.
    void pollAlerts();
    // The language on show changed: alerts in it at the next poll, soon.
    void languageShown();
    // A kiosk session was wiped: the alerts stay, asked again now in Vietnamese.
    void pollNow() { m_nextAlertsMs = 0; }

  private:
    HttpClient& m_http;
    Storage& m_storage;
    AppState& m_state;
    std::function<Language()> m_shownLanguage;
    int m_alertsRequest = 0;
    double m_nextAlertsMs = 0;
    std::optional<Language> m_alertsLanguage; // of the last poll
    std::string m_lastAlertsBody;
};

} // namespace motcua
