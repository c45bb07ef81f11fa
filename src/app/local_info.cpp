// Places and alerts: fetched in the language on show; alerts polled and cached on the device.
#include "app/local_info.h"

#include "app/fetch_json.h"
#include "platform/host.h"

namespace motcua {

namespace {
constexpr const char* kAlertsKey = "motcua.alerts";
constexpr int kAlertPollMs = 60000;
constexpr int kFirstPollMs = 2000; // the first screen first, then alerts
} // namespace

void LocalInfo::loadAlerts() {
    m_storage.load(kAlertsKey, [this](std::optional<std::string> text) {
        if (!text) return;
        if (auto alerts = parseAlerts(*text)) {
            m_state.alerts.items = std::move(*alerts.value);
            m_state.alerts.known = true;
        }
    });
    m_nextAlertsMs = host::nowMs() + kFirstPollMs;
    host::wakeAfter(kFirstPollMs + 50);
}

void LocalInfo::languageShown() {
    // Not before the first poll is due, and not while one is on its way (it asks again itself).
    if (m_alertsLanguage && *m_alertsLanguage != m_shownLanguage() && m_alertsRequest == 0)
        m_nextAlertsMs = 0;
}

void LocalInfo::openPlaces(const std::string& kind) {
    PlacesView& p = m_state.places;
    if (!kind.empty()) p.kind = kind;
    p.focus = 0;
    m_state.screen = Screen::Places;
    p.load = Io::Loading;
    HttpRequest request;
    request.url = "/api/v1/places?kind=" + p.kind + "&lang=" + languageCode(m_shownLanguage());
    const std::string wanted = p.kind;
    fetchJson(
        m_http, std::move(request), parsePlaces,
        [this, wanted](std::vector<Place>&& items, const HttpResponse&) {
            PlacesView& p = m_state.places;
            if (p.kind != wanted) return;
            p.items = std::move(items);
            p.load = Io::Done;
            p.message.clear();
        },
        [this, wanted](const char* key, const HttpResponse&) {
            PlacesView& p = m_state.places;
            if (p.kind != wanted) return;
            p.load = Io::Failed;
            p.message = key;
        });
}

// Alerts are polled in the background: no frame is drawn unless the alerts changed.
void LocalInfo::pollAlerts() {
    const double now = host::nowMs();
    if (m_alertsRequest != 0 || now < m_nextAlertsMs || m_state.screen == Screen::Counter) return;
    m_nextAlertsMs = now + kAlertPollMs;
    HttpRequest request;
    // The language on screen: Korean text waits for its font like the rest of the screen.
    m_alertsLanguage = m_shownLanguage();
    request.url = std::string("/api/v1/alerts?lang=") + languageCode(*m_alertsLanguage);
    request.redraw = false;
    m_alertsRequest = fetchJson(
        m_http, std::move(request), parseAlerts,
        [this](std::vector<Alert>&& items, const HttpResponse& r) {
            m_alertsRequest = 0;
            host::wakeAfter(kAlertPollMs + 10);
            if (m_alertsLanguage != m_shownLanguage()) {
                // The language changed while this was on its way: ask again in the new one.
                m_nextAlertsMs = 0;
                host::wakeAfter(10);
            }
            if (r.body == m_lastAlertsBody && m_state.alerts.known) return;
            m_lastAlertsBody = r.body;
            m_state.alerts.items = std::move(items);
            m_state.alerts.known = true;
            m_state.alerts.failed = false;
            if (!m_state.kiosk) m_storage.save(kAlertsKey, r.body);
            host::requestFrame();
        },
        [this](const char*, const HttpResponse&) {
            m_alertsRequest = 0;
            host::wakeAfter(kAlertPollMs + 10); // the cached alerts stay while offline
            if (!m_state.alerts.known && !m_state.alerts.failed) {
                m_state.alerts.failed = true;
                host::requestFrame();
            }
        });
}

} // namespace motcua
