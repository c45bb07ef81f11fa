// Procedures and answers, questions and complaints, local information and alerts: fetching,
// searching on the device, sending through the network with drafts kept, following answers.
#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/fetch_json.h"
#include "platform/host.h"
#include "ui/widgets.h"

namespace motcua {

namespace {
constexpr const char* kDraftKey = "motcua.request_draft";
constexpr const char* kSentKey = "motcua.requests";
constexpr const char* kAlertsKey = "motcua.alerts";
constexpr int kAlertPollMs = 60000;
} // namespace

// ---- Procedures -----------------------------------------------------------------------------

void App::openProcedures() {
    m_state.screen = Screen::Procedures;
    ui::requestScrollTop();
    CatalogView& c = m_state.catalog;
    if (c.load == Io::Loading || (c.load == Io::Done && c.index)) return;
    c.load = Io::Loading;
    fetchProcedurePage(1, std::make_shared<std::vector<ProcedureInfo>>());
    HttpRequest faqs;
    faqs.url = std::string("/api/v1/faqs?lang=") + languageCode(m_state.language);
    // Frequent questions only add to the ask box's answers: without them it still works.
    fetchJson(
        m_http, std::move(faqs), parseFaqList,
        [this](std::vector<Faq>&& list, const HttpResponse&) {
            CatalogView& c = m_state.catalog;
            c.faqs = std::move(list);
            if (!c.procedures.empty()) c.asker = std::make_shared<AskMatcher>(c.procedures, c.faqs);
        },
        [](const char*, const HttpResponse&) {});
}

// The whole catalogue, page after page (the server pages at 500), searched on the device once it
// is all in. A province's catalogue is about 2,000 procedures; kMaxPages bounds a broken server.
void App::fetchProcedurePage(int page, std::shared_ptr<std::vector<ProcedureInfo>> collected) {
    constexpr int kPageSize = 500;
    constexpr int kMaxPages = 20;
    HttpRequest request;
    request.url = "/api/v1/procedures?page_size=" + std::to_string(kPageSize) +
                  "&page=" + std::to_string(page) + "&lang=" + languageCode(m_state.language);
    fetchJson(
        m_http, std::move(request), parseProcedureList,
        [this, page, collected](ProcedureList&& list, const HttpResponse&) {
            const bool more =
                !list.items.empty() && page < kMaxPages &&
                static_cast<int64_t>(collected->size() + list.items.size()) < list.total;
            collected->insert(collected->end(), std::make_move_iterator(list.items.begin()),
                              std::make_move_iterator(list.items.end()));
            if (more) {
                fetchProcedurePage(page + 1, collected);
                return;
            }
            CatalogView& c = m_state.catalog;
            c.procedures = std::move(*collected);
            c.index = std::make_shared<SearchIndex>(c.procedures);
            c.asker = std::make_shared<AskMatcher>(c.procedures, c.faqs);
            // One search now (prefix, whole words and a typo), so the first keystroke does not
            // pay for the first run of this code and the first growth of its buffers.
            (void)c.index->search("dang ki khai s", Language::Vi, 30);
            c.load = Io::Done;
            c.message.clear();
            c.lastQuery = "\x01"; // search again with what was typed meanwhile
        },
        [this](const char* key, const HttpResponse&) {
            m_state.catalog.load = Io::Failed;
            m_state.catalog.message = key;
        });
}

// Runs the search when the query or filter changed since the last frame.
void App::updateSearch() {
    CatalogView& c = m_state.catalog;
    if (!c.index) return;
    const std::string key = c.query + '\x02' + c.field + '\x02' + c.agency;
    if (key == c.lastQuery) return;
    c.lastQuery = key;
    SearchFilter filter;
    filter.field = c.field;
    filter.agencyCode = c.agency;
    if (c.query.find_first_not_of(' ') == std::string::npos) {
        // Nothing typed: browse, in catalogue order, optionally one field.
        c.hits.clear();
        for (uint32_t i = 0; i < c.procedures.size(); ++i)
            if ((c.field.empty() || c.procedures[i].field == c.field) &&
                (c.agency.empty() || c.procedures[i].agency.code == c.agency))
                c.hits.push_back({.index = i});
        return;
    }
    const double started = host::nowMs();
    c.hits = c.index->search(c.query, contentLanguage(m_state.language), 30, filter);
    host::reportTiming("search", host::nowMs() - started);
}

void App::ask() {
    CatalogView& c = m_state.catalog;
    if (!c.asker || c.question.find_first_not_of(' ') == std::string::npos) return;
    c.answer = c.asker->answer(c.question, contentLanguage(m_state.language));
}

// ---- Questions and complaints -----------------------------------------------------------------

void App::loadRequests() {
    m_storage.load(kDraftKey, [this](std::optional<std::string> text) {
        if (text) m_state.request.draft = draftFromJson(*text);
        m_savedDraft = text.value_or("");
    });
    m_storage.load(kSentKey, [this](std::optional<std::string> text) {
        if (text) m_state.request.sent = sentRequestsFromJson(*text);
    });
    m_storage.load(kAlertsKey, [this](std::optional<std::string> text) {
        if (!text) return;
        if (auto alerts = parseAlerts(*text)) m_state.alerts.items = std::move(*alerts.value);
    });
}

void App::saveDraftIfChanged() {
    if (m_state.kiosk) return;
    const std::string now = draftToJson(m_state.request.draft);
    if (now == m_savedDraft) return;
    m_savedDraft = now;
    m_storage.save(kDraftKey, now);
}

void App::openRequestForm(const std::string& question) {
    RequestView& r = m_state.request;
    if (!question.empty() && r.draft.description.empty()) r.draft.description = question;
    r.problem.clear();
    r.send = Io::Idle;
    m_state.screen = Screen::Request;
    ui::requestScrollTop();
}

// A question or complaint goes into the same outbox as ratings, with an idempotency key: it is
// delivered when the network allows, once, and the draft stays until the server has it.
void App::sendRequest() {
    RequestView& r = m_state.request;
    r.problem = validateRequestDraft(r.draft);
    if (!r.problem.empty()) return;
    if (!r.pendingKey.empty() && m_state.outbox.stateOf(r.pendingKey) != OutboxState::Failed)
        return;
    OutboxItem item;
    item.key = makeIdempotencyKey(host::randomSeed());
    item.kind = OutboxKind::Request;
    item.dossierCode = r.draft.dossierCode;
    auto body = nlohmann::json::parse(requestBodyJson(r.draft), nullptr, false);
    if (!body.is_object()) return;
    body["idempotency_key"] = item.key;
    item.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    item.createdAt = static_cast<int64_t>(host::wallClockSeconds() * 1000.0);
    r.pendingKey = item.key;
    r.send = Io::Loading;
    m_state.outbox.add(std::move(item));
    saveOutbox();
    pumpOutbox();
}

// The server has the request: remember it to follow its answers, and let the draft go.
void App::requestDelivered(const std::string& key, const SentRequest& created) {
    RequestView& r = m_state.request;
    SentRequest s = created;
    s.category = r.draft.category;
    if (const OutboxItem* item = m_state.outbox.find(key)) {
        auto body = nlohmann::json::parse(item->body, nullptr, false);
        if (body.is_object() && body.contains("description") && body["description"].is_string()) {
            const std::string text = body["description"].get<std::string>();
            s.summary = text.size() > 120 ? text.substr(0, 120) : text;
        }
        if (body.is_object() && body.contains("category") && body["category"].is_string())
            s.category = body["category"].get<std::string>();
    }
    if (std::none_of(r.sent.begin(), r.sent.end(),
                     [&](const SentRequest& x) { return x.id == s.id; }))
        r.sent.insert(r.sent.begin(), s);
    if (!m_state.kiosk) m_storage.save(kSentKey, sentRequestsToJson(r.sent));
    if (r.pendingKey == key) {
        r.draft = RequestDraft{};
        saveDraftIfChanged();
        r.pendingKey.clear();
        r.send = Io::Done;
        followRequest(s.id);
    }
}

void App::followRequest(int64_t id) {
    RequestView& r = m_state.request;
    const auto it = std::find_if(r.sent.begin(), r.sent.end(),
                                 [id](const SentRequest& s) { return s.id == id; });
    if (it == r.sent.end()) return;
    r.following = id;
    r.follow = Io::Loading;
    m_state.screen = Screen::Requests;
    HttpRequest request;
    request.url =
        "/api/v1/requests/" + std::to_string(id) + "?lang=" + languageCode(m_state.language);
    request.headers = {{"Authorization", "Bearer " + it->secret}};
    fetchJson(
        m_http, std::move(request), parseRequestStatus,
        [this, id](RequestStatus&& status, const HttpResponse&) {
            RequestView& r = m_state.request;
            if (r.following != id) return;
            r.status = std::move(status);
            r.follow = Io::Done;
        },
        [this, id](const char*, const HttpResponse&) {
            if (m_state.request.following == id) m_state.request.follow = Io::Failed;
        });
}

// ---- Local information and alerts ------------------------------------------------------------

void App::openPlaces(const std::string& kind) {
    PlacesView& p = m_state.places;
    if (!kind.empty()) p.kind = kind;
    m_state.screen = Screen::Places;
    p.load = Io::Loading;
    HttpRequest request;
    request.url = "/api/v1/places?kind=" + p.kind + "&lang=" + languageCode(shownLanguage());
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

void App::wake() {
    pollAlerts();
}

// Alerts are polled in the background: no frame is drawn unless the alerts changed.
void App::pollAlerts() {
    const double now = host::nowMs();
    if (m_alertsRequest != 0 || now < m_nextAlertsMs || m_state.screen == Screen::Counter) return;
    m_nextAlertsMs = now + kAlertPollMs;
    HttpRequest request;
    // The language on screen: Korean text waits for its font like the rest of the screen.
    m_alertsLanguage = shownLanguage();
    request.url = std::string("/api/v1/alerts?lang=") + languageCode(*m_alertsLanguage);
    request.redraw = false;
    m_alertsRequest = fetchJson(
        m_http, std::move(request), parseAlerts,
        [this](std::vector<Alert>&& items, const HttpResponse& r) {
            m_alertsRequest = 0;
            host::wakeAfter(kAlertPollMs + 10);
            if (m_alertsLanguage != shownLanguage()) {
                // The language changed while this was on its way: ask again in the new one.
                m_nextAlertsMs = 0;
                host::wakeAfter(10);
            }
            if (r.body == m_lastAlertsBody) return;
            m_lastAlertsBody = r.body;
            m_state.alerts.items = std::move(items);
            if (!m_state.kiosk) m_storage.save(kAlertsKey, r.body);
            host::requestFrame();
        },
        [this](const char*, const HttpResponse&) {
            m_alertsRequest = 0;
            host::wakeAfter(kAlertPollMs + 10); // the cached alerts stay while offline
        });
}

} // namespace motcua
