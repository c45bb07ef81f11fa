// Ratings that are never lost: the form goes into the outbox on the device first, and the outbox
// delivers one item at a time (fresh lookup token, then the rating) with backoff until the server
// confirms. Also the public figures screen's request.
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/fetch_json.h"
#include "core/http_reply.h"
#include "platform/host.h"
#include "ui/widgets.h"

namespace motcua {

namespace {
constexpr const char* kOutboxKey = "motcua.outbox";

int64_t nowMsEpoch() {
    return static_cast<int64_t>(host::wallClockSeconds() * 1000.0);
}
} // namespace

void App::loadOutbox() {
    m_storage.load(kOutboxKey, [this](std::optional<std::string> text) {
        if (text) m_state.outbox = Outbox::fromJson(*text);
    });
}

void App::saveOutbox() {
    if (m_state.kiosk) {
        // A kiosk keeps undelivered items only until the session is wiped; delivered ones go now.
        m_state.outbox.removeSent();
    }
    m_storage.save(kOutboxKey, m_state.outbox.toJson());
}

void App::startRating() {
    const DossierView& v = m_state.view;
    if (!v.dossier) return;
    if (m_state.rating.dossierCode != v.code) {
        m_state.rating = RatingView{};
        m_state.rating.dossierCode = v.code;
    }
    m_state.screen = Screen::Rate;
    ui::requestScrollTop();
}

void App::setRatingField(const std::string& field, int value) {
    RatingForm& f = m_state.rating.form;
    const auto level = static_cast<RatingLevel>(value);
    if (field == "overall")
        f.overall = level;
    else if (field == "attitude")
        f.attitude = level;
    else if (field == "on_time")
        f.onTime = level;
    else if (field == "ease")
        f.ease = level;
    else if (field == "visits")
        f.visits = static_cast<Visits>(value);
    if (!m_state.rating.problems.empty()) m_state.rating.problems = validateRatingForm(f);
}

void App::submitRating() {
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
    saveOutbox();
    m_state.screen = Screen::Dossier;
    ui::requestScrollTop();
    pumpOutbox();
}

// Sends the next due outbox item, if nothing is in flight: lookup for a token, then the POST.
void App::pumpOutbox() {
    if (m_outboxRequest != 0) return;
    const int64_t now = nowMsEpoch();
    auto due = m_state.outbox.nextDue(now);
    if (!due) {
        if (auto wake = m_state.outbox.nextWakeAt())
            host::requestFrameAfter(static_cast<int>(std::max<int64_t>(100, *wake - now)));
        return;
    }
    const std::string key = due->key;
    m_state.outbox.markSending(key);
    saveOutbox();
    if (due->kind == OutboxKind::Request) {
        // Questions and complaints need no token: post them as they are.
        HttpRequest post;
        post.method = "POST";
        post.url = "/api/v1/requests";
        post.headers = {{"Content-Type", "application/json"}};
        post.body = due->body;
        m_outboxRequest = m_http.send(std::move(post), [this, key](const HttpResponse& reply) {
            m_outboxRequest = 0;
            if (reply.status == 200 || reply.status == 201) {
                auto created = parseRequestCreated(reply.body);
                if (!created) {
                    // Unreadable confirmation: send again, the same key brings the same answer.
                    outboxFailed(key, 0, 0, "");
                    return;
                }
                requestDelivered(key, *created.value);
            }
            outboxFailed(key, reply.status, reply.retryAfterSeconds,
                         classifyReply(reply.status, reply.body).code);
        });
        return;
    }
    HttpRequest lookup;
    lookup.method = "POST";
    lookup.url = "/api/v1/dossiers/lookup";
    lookup.headers = {{"Content-Type", "application/json"}};
    lookup.body = nlohmann::json{{"code", due->dossierCode}, {"secret", due->secret}}.dump();
    m_outboxRequest = m_http.send(std::move(lookup), [this, key](const HttpResponse& r) {
        m_outboxRequest = 0;
        if (r.status != 200) {
            outboxFailed(key, r.status == 404 ? 404 : r.status, r.retryAfterSeconds, "not_found");
            return;
        }
        auto parsed = parseLookupResponse(r.body);
        const OutboxItem* item = m_state.outbox.find(key);
        if (!parsed || !item) {
            outboxFailed(key, 0, 0, "");
            return;
        }
        HttpRequest post;
        post.method = "POST";
        post.url = "/api/v1/dossiers/" + item->dossierCode + "/rating";
        post.headers = {{"Content-Type", "application/json"},
                        {"Authorization", "Bearer " + parsed.value->token}};
        post.body = item->body;
        m_outboxRequest = m_http.send(std::move(post), [this, key](const HttpResponse& reply) {
            m_outboxRequest = 0;
            outboxFailed(key, reply.status, reply.retryAfterSeconds,
                         classifyReply(reply.status, reply.body).code);
        });
    });
}

// Files the answer to a delivery attempt (success included) and moves the outbox on.
void App::outboxFailed(const std::string& key, int status, int retryAfter,
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
    saveOutbox();
    const OutboxItem* item = m_state.outbox.find(key);
    // The open dossier was just rated: fetch it again so the rating given shows.
    if (delivered && item && item->dossierCode == m_state.view.code &&
        m_state.screen == Screen::Dossier) {
        apply({.kind = Intent::Kind::Refresh});
    }
    host::requestFrame();
    pumpOutbox();
}

void App::openStats() {
    m_state.screen = Screen::Stats;
    ui::requestScrollTop();
    m_state.stats.load = Io::Loading;
    HttpRequest request;
    request.url = std::string("/api/v1/stats?lang=") + languageCode(m_state.language);
    fetchJson(
        m_http, std::move(request), parsePublicFigures,
        [this](std::vector<AgencyFigures>&& items, const HttpResponse&) {
            StatsView& s = m_state.stats;
            s.items = std::move(items);
            s.load = Io::Done;
            s.message.clear();
        },
        [this](const char* key, const HttpResponse&) {
            m_state.stats.load = Io::Failed;
            m_state.stats.message = key;
        });
}

} // namespace motcua
