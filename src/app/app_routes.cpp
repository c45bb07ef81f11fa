// Addresses into screens: what the start URL or a history entry names, opened through the
// controllers as a tap would open it.
#include "app/app.h"
#include "core/receipt_payload.h"

namespace motcua {

void App::historyMoved(const std::string& url, int index, float scroll) {
    const std::optional<std::string> show = m_history.moved(m_state, index, url);
    if (show) {
        openRoute(parseUrl(*show), *show);
        m_history.settle(m_state);
    }
    if (m_history.onEntry(m_state)) m_state.page.scrollTo(scroll);
    m_settleFrames = 2;
}

void App::openRoute(const Route& route, const std::string& url) {
    if (m_state.screen == Screen::Alerts) {
        // Back from the alerts: the screen underneath, as it was left.
        closeAlerts();
        if (appUrl(m_state) == url) return;
    }
    m_pendingRate.clear();
    CatalogView& catalog = m_state.catalog;
    switch (route.screen) {
    case Screen::Home:
    case Screen::Lookup:
    case Screen::Scan:
    case Screen::NotFound:
        navigate(route.screen);
        break;
    case Screen::Stats:
        navigate(route.screen);
        m_catalogue.openStats();
        break;
    case Screen::Procedures:
        navigate(route.screen);
        catalog.answer.reset();
        catalog.asked.clear();
        m_catalogue.open();
        break;
    case Screen::Ask:
        navigate(Screen::Procedures);
        m_catalogue.askFor(route.question);
        break;
    case Screen::Procedure:
        navigate(route.screen);
        m_catalogue.openCode(route.procedure);
        break;
    case Screen::Requests:
    case Screen::Request:
        navigate(Screen::Requests);
        m_state.request.following = 0;
        m_state.request.status.reset();
        if (route.screen == Screen::Request) m_outbox.followRequest(route.id);
        break;
    case Screen::RequestForm:
        navigate(route.screen);
        m_outbox.openRequestForm("");
        break;
    case Screen::Places:
    case Screen::Place:
        navigate(Screen::Places);
        m_localInfo.openPlaces(route.placeKind);
        m_state.places.focus = route.screen == Screen::Place ? route.id : 0;
        break;
    case Screen::Dossier:
    case Screen::Rate: {
        const bool open = m_state.view.code == route.code && m_state.view.dossier;
        if (open) {
            navigate(Screen::Dossier);
        } else {
            // The secret: a receipt link's fragment, or the copy kept on the device.
            const ReceiptPayload payload = parseReceiptPayload(url);
            const bool linked = payload.kind == PayloadKind::Receipt && payload.code == route.code;
            navigate(Screen::Home);
            m_session.open(route.code, linked ? payload.secret : "");
        }
        if (route.screen == Screen::Rate) {
            if (open)
                m_outbox.startRating();
            else
                m_pendingRate = route.code;
        }
        break;
    }
    case Screen::Datasets:
        navigate(route.screen);
        break;
    case Screen::Dataset:
        navigate(Screen::Datasets);
        m_lookups.openDataset(route.dataset);
        break;
    case Screen::Alerts:
    case Screen::Counter:
        break;
    }
}

} // namespace motcua
