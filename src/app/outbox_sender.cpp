// Ratings and requests through the outbox: saved on the device first, delivered one at a time
// (a fresh lookup token, then the rating; a request as it is) with backoff until confirmed.
#include "app/outbox_sender.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/fetch_json.h"
#include "core/http_reply.h"
#include "platform/host.h"

namespace motcua {

namespace {
constexpr const char* kOutboxKey = "motcua.outbox";
constexpr const char* kDraftKey = "motcua.request_draft";
constexpr const char* kSentKey = "motcua.requests";

int64_t nowMsEpoch() {
    return static_cast<int64_t>(host::wallClockSeconds() * 1000.0);
}
} // namespace

void OutboxSender::load() {
    m_storage.load(kOutboxKey, [this](std::optional<std::string> text) {
        if (text) m_state.outbox = Outbox::fromJson(*text);
    });
    m_storage.load(kDraftKey, [this](std::optional<std::string> text) {
        if (text) m_state.request.draft = draftFromJson(*text);
        m_savedDraft = text.value_or("");
    });
    m_storage.load(kSentKey, [this](std::optional<std::string> text) {
        if (text) m_state.request.sent = sentRequestsFromJson(*text);
    });
}

void OutboxSender::save() {
    if (m_state.kiosk) {
        // A kiosk keeps undelivered items only until the session is wiped; delivered ones go now.
        m_state.outbox.removeSent();
    }
    m_storage.save(kOutboxKey, m_state.outbox.toJson());
}

void OutboxSender::tick() {
    pump();
    saveDraftIfChanged();
}

void OutboxSender::networkOnline() {
    m_state.outbox.onNetworkRestored(nowMsEpoch());
}

// ---- The rating form ------------------------------------------------------------------------

void OutboxSender::startRating() {
    const DossierView& v = m_state.view;
    if (!v.dossier) return;
    if (m_state.rating.dossierCode != v.code) {
        m_state.rating = RatingView{};
        m_state.rating.dossierCode = v.code;
    }
    m_state.screen = Screen::Rate;
    m_state.page.scrollTop();
}

void OutboxSender::setRatingLevel(RatingField field, RatingLevel level) {
    RatingForm& f = m_state.rating.form;
    switch (field) {
    case RatingField::Overall:
        f.overall = level;
        break;
    case RatingField::Attitude:
        f.attitude = level;
        break;
    case RatingField::OnTime:
        f.onTime = level;
        break;
    case RatingField::Ease:
        f.ease = level;
        break;
    }
    if (!m_state.rating.problems.empty()) m_state.rating.problems = validateRatingForm(f);
}

void OutboxSender::setRatingVisits(Visits visits) {
    m_state.rating.form.visits = visits;
    if (!m_state.rating.problems.empty())
        m_state.rating.problems = validateRatingForm(m_state.rating.form);
}

void OutboxSender::submitRating() {
    RatingView& r = m_state.rating;
    r.problems = validateRatingForm(r.form);
    if (!r.problems.empty()) return;
    if (!r.outboxKey.empty()) return; // already saved: the outbox owns it now
    OutboxItem item;
    item.key = makeIdempotencyKey(host::randomSeed());
    item.kind = OutboxKind::Rating;
    item.dossierCode = r.dossierCode;
    item.secret = m_state.view.code == r.dossierCode ? m_state.view.secret : "";
    if (item.secret.empty())
        if (const RecentDossier* kept = m_state.recents.find(r.dossierCode))
            item.secret = kept->secret;
    item.body = ratingRequestJson(r.form, item.key);
    item.createdAt = nowMsEpoch();
    r.outboxKey = item.key;
    m_state.outbox.add(std::move(item));
    save();
    m_state.screen = Screen::Dossier;
    m_state.page.scrollTop();
    pump();
}

// ---- Delivery -------------------------------------------------------------------------------

// Sends the next due outbox item, if nothing is in flight.
void OutboxSender::pump() {
    if (m_request != 0) return;
    const int64_t now = nowMsEpoch();
    auto due = m_state.outbox.nextDue(now);
    if (!due) {
        if (auto wake = m_state.outbox.nextWakeAt())
            host::requestFrameAfter(static_cast<int>(std::max<int64_t>(100, *wake - now)));
        return;
    }
    const std::string key = due->key;
    m_state.outbox.markSending(key);
    save();
    if (due->kind == OutboxKind::Request)
        sendQueued(key);
    else
        sendRating(key);
}

// Questions and complaints need no token: posted as they are.
void OutboxSender::sendQueued(const std::string& key) {
    const OutboxItem* item = m_state.outbox.find(key);
    HttpRequest post;
    post.method = "POST";
    post.url = "/api/v1/requests";
    post.headers = {{"Content-Type", "application/json"}};
    post.body = item ? item->body : "";
    m_request = m_http.send(std::move(post), [this, key](const HttpResponse& reply) {
        m_request = 0;
        if (reply.status == 200 || reply.status == 201) {
            auto created = parseRequestCreated(reply.body);
            if (!created) {
                // Unreadable confirmation: send again, the same key brings the same answer.
                fileAnswer(key, 0, 0, "");
                return;
            }
            requestDelivered(key, *created.value);
        }
        fileAnswer(key, reply.status, reply.retryAfterSeconds,
                   classifyReply(reply.status, reply.body).code);
    });
}

// A rating needs a fresh lookup token first, then the POST with it.
void OutboxSender::sendRating(const std::string& key) {
    const OutboxItem* due = m_state.outbox.find(key);
    if (!due) return;
    HttpRequest lookup;
    lookup.method = "POST";
    lookup.url = "/api/v1/dossiers/lookup";
    lookup.headers = {{"Content-Type", "application/json"}};
    lookup.body = nlohmann::json{{"code", due->dossierCode}, {"secret", due->secret}}.dump();
    m_request = m_http.send(std::move(lookup), [this, key](const HttpResponse& r) {
        m_request = 0;
        if (r.status != 200) {
            fileAnswer(key, r.status, r.retryAfterSeconds, "not_found");
            return;
        }
        auto parsed = parseLookupResponse(r.body);
        const OutboxItem* item = m_state.outbox.find(key);
        if (!parsed || !item) {
            fileAnswer(key, 0, 0, "");
            return;
        }
        HttpRequest post;
        post.method = "POST";
        post.url = "/api/v1/dossiers/" + item->dossierCode + "/rating";
        post.headers = {{"Content-Type", "application/json"},
                        {"Authorization", "Bearer " + parsed.value->token}};
        post.body = item->body;
        m_request = m_http.send(std::move(post), [this, key](const HttpResponse& reply) {
            m_request = 0;
            fileAnswer(key, reply.status, reply.retryAfterSeconds,
                       classifyReply(reply.status, reply.body).code);
        });
    });
}

// Files the answer to a delivery attempt (delivered, try again later, or refused for good) and
// moves the outbox on.
void OutboxSender::fileAnswer(const std::string& key, int status, int retryAfter,
                              const std::string& code) {
    const int64_t now = nowMsEpoch();
    bool delivered = false;
    switch (classifyHttpResult(status)) {
    case DeliveryOutcome::Delivered:
        m_state.outbox.onDelivered(key);
        delivered = true;
        break;
    case DeliveryOutcome::Relookup:
    case DeliveryOutcome::Retryable:
        m_state.outbox.onRetryableFailure(key, now, retryAfter);
        break;
    case DeliveryOutcome::Permanent:
        m_state.outbox.onPermanentFailure(key, code.empty() ? "rejected" : code);
        break;
    }
    save();
    const OutboxItem* item = m_state.outbox.find(key);
    if (delivered && item && onDelivered) onDelivered(item->dossierCode);
    host::requestFrame();
    pump();
}

// ---- Questions and complaints ---------------------------------------------------------------

void OutboxSender::saveDraftIfChanged() {
    if (m_state.kiosk) return;
    const std::string now = draftToJson(m_state.request.draft);
    if (now == m_savedDraft) return;
    m_savedDraft = now;
    m_storage.save(kDraftKey, now);
}

void OutboxSender::openRequestForm(const std::string& question) {
    RequestView& r = m_state.request;
    if (!question.empty() && r.draft.description.empty()) r.draft.description = question;
    r.problem.clear();
    r.send = Io::Idle;
    m_state.screen = Screen::RequestForm;
    m_state.page.scrollTop();
}

void OutboxSender::setRequestCategory(const std::string& category) {
    if (category == "question" || category == "complaint")
        m_state.request.draft.category = category;
}

// A question or complaint goes into the same outbox as ratings, with an idempotency key: it is
// delivered when the network allows, once, and the draft stays until the server has it.
void OutboxSender::sendRequest() {
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
    item.createdAt = nowMsEpoch();
    r.pendingKey = item.key;
    r.send = Io::Loading;
    m_state.outbox.add(std::move(item));
    save();
    pump();
}

// The server has the request: remember it to follow its answers, and let the draft go.
void OutboxSender::requestDelivered(const std::string& key, const SentRequest& created) {
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

void OutboxSender::followRequest(int64_t id) {
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

} // namespace motcua
