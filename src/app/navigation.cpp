// Routes of the app's state and the history entries that follow them.
#include "app/navigation.h"

#include "core/receipt_payload.h"
#include "platform/host.h"

namespace motcua {

namespace {

Screen shownScreen(const AppState& state) {
    return state.screen == Screen::Alerts ? state.alerts.back : state.screen;
}

// A list screen showing one of its items (a followed request, a place) has that item's address.
void narrowToItem(Route& route, Screen itemScreen, int64_t id) {
    if (id <= 0) return;
    route.screen = itemScreen;
    route.id = id;
}

} // namespace

Route routeOf(const AppState& state) {
    Route route;
    route.screen = shownScreen(state);
    switch (route.screen) {
    case Screen::Dossier:
    case Screen::Rate:
        route.code = route.screen == Screen::Rate ? state.rating.dossierCode : state.view.code;
        if (route.code.empty()) route.code = state.view.code;
        break;
    case Screen::Procedures:
        if (state.catalog.answer && !state.catalog.asked.empty()) {
            route.screen = Screen::Ask;
            route.question = state.catalog.asked;
        }
        break;
    case Screen::Procedure: {
        const CatalogView& c = state.catalog;
        route.procedure = c.open >= 0 && static_cast<size_t>(c.open) < c.procedures.size()
                              ? c.procedures[static_cast<size_t>(c.open)].code
                              : c.wanted;
        if (route.procedure.empty()) route.screen = Screen::Procedures;
        break;
    }
    case Screen::Requests:
        narrowToItem(route, Screen::Request, state.request.following);
        break;
    case Screen::Places:
        route.placeKind = state.places.kind;
        narrowToItem(route, Screen::Place, state.places.focus);
        break;
    case Screen::Dataset:
        route.dataset = state.datasets.open;
        if (route.dataset.empty()) route.screen = Screen::Datasets;
        break;
    case Screen::Counter:
    case Screen::Alerts:
        route.screen = Screen::Home;
        break;
    default:
        break;
    }
    return route;
}

std::string pageKey(const AppState& state) {
    const Route route = routeOf(state);
    std::string key = screenName(state.screen);
    switch (route.screen) {
    case Screen::Dossier:
    case Screen::Rate:
        key += ':' + route.code;
        break;
    case Screen::Procedure:
        key += ':' + route.procedure;
        break;
    case Screen::Dataset:
        key += ':' + route.dataset;
        break;
    case Screen::Request:
    case Screen::Place:
        key += ':' + std::to_string(route.id);
        break;
    default: // Places of another kind, another question asked: the same page
        break;
    }
    return key;
}

std::string appUrl(const AppState& state) {
    const Route route = routeOf(state);
    if (route.screen == Screen::Dossier && !state.view.secret.empty())
        return dossierLink(route.code, state.view.secret);
    return formatRoute(route);
}

History::Entry& History::current() {
    if (m_entries.size() <= static_cast<size_t>(m_index)) m_entries.resize(m_index + 1);
    return m_entries[static_cast<size_t>(m_index)];
}

void History::start(int index, std::string fixedUrl) {
    m_entries.clear();
    m_index = index < 0 ? 0 : index;
    m_fixedUrl = std::move(fixedUrl);
    m_started = true;
    if (!m_fixedUrl.empty() && m_index == 0) {
        // The spare entry: Back from the first screen lands on it, inside the app.
        host::pushUrl(m_fixedUrl, 0);
        m_index = 1;
    }
}

void History::follow(const AppState& state, float leavingScroll) {
    // Until the browser has gone back, a new entry would be pushed over the one it leaves.
    if (!m_started || m_backPending) return;
    const std::string key = pageKey(state);
    const std::string url = appUrl(state);
    const std::string address = m_fixedUrl.empty() ? url : m_fixedUrl;
    Entry& entry = current();
    if (entry.key.empty() || entry.key == key) {
        // The entry the page opened on, or a change within the page.
        if (entry.url != url && m_fixedUrl.empty()) host::setUrl(address);
        entry = Entry{key, url};
        return;
    }
    if (m_index > 0 && m_entries[static_cast<size_t>(m_index) - 1].key == key) {
        // Where the entry before leads (the back button): go back in the browser too, so the
        // browser's Forward leads where the app was.
        --m_index;
        current().url = url;
        m_backPending = true;
        host::historyBack();
        return;
    }
    host::pushUrl(address, leavingScroll);
    m_entries.resize(static_cast<size_t>(m_index) + 1);
    m_entries.push_back(Entry{key, url});
    ++m_index;
}

std::optional<std::string> History::moved(const AppState& state, int index,
                                          const std::string& url) {
    if (index < 0) index = 0;
    if (!m_fixedUrl.empty() && index == 0) {
        host::pushUrl(m_fixedUrl, 0);
        index = 1;
    }
    m_index = index;
    Entry& entry = current();
    if (m_backPending) {
        // The app's own back arrived; the app may have moved on meanwhile (a quick tap), which
        // the next follow() records.
        m_backPending = false;
        return std::nullopt;
    }
    if (!entry.key.empty() && entry.key == pageKey(state)) {
        // Already on show: an in-app back went first.
        const std::string now = appUrl(state);
        if (m_fixedUrl.empty() && now != url) host::setUrl(now);
        entry.url = now;
        return std::nullopt;
    }
    if (!m_fixedUrl.empty()) return entry.key.empty() ? std::string("/") : entry.url;
    return url;
}

void History::settle(const AppState& state) {
    Entry& entry = current();
    entry = Entry{pageKey(state), appUrl(state)};
    if (m_fixedUrl.empty()) host::setUrl(entry.url);
}

bool History::onEntry(const AppState& state) {
    return current().key == pageKey(state);
}

void History::forget() {
    m_entries.clear();
}

} // namespace motcua
