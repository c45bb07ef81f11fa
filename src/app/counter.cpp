// The counter terminal: a tablet at service counter N follows which dossier was just handled
// there (long poll), takes one rating for it with three big buttons, thanks, and resets itself.
// Both requests carry the tablet's device credential for that counter (core/counter_link.h), so
// nobody else can read the counter or rate its dossier before the citizen does.
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "app/counter.h"

#include "app/fetch_json.h"
#include "core/counter_link.h"
#include "core/http_reply.h"
#include "platform/host.h"

namespace motcua {

namespace {
constexpr double kThanksMs = 6000;
constexpr int kRetryMs = 3000;
} // namespace

bool Counter::configure(const CounterLink& link) {
    // The secret must not stay in the address bar, where a bookmark, a screenshot or someone
    // reading over a shoulder could take it: back to the plain counter link first.
    if (link.hasFragment) host::setUrl(link.withoutFragment);
    const int counter = link.counter;
    if (counter < 1 || counter > 99) return false;
    m_view = CounterView{};
    m_view.counter = counter;
    m_device.clear();
    const std::string key = counterDeviceKey(counter);
    if (!link.deviceSecret.empty()) {
        // A setup link: this tablet now holds the counter's credential, replacing any older one.
        m_storage.save(key, link.deviceSecret);
        m_device = link.deviceSecret;
        poll();
        return true;
    }
    m_view.load = Io::Loading;
    m_storage.load(key, [this, counter](std::optional<std::string> secret) {
        if (m_view.counter != counter) return;
        if (secret && isDeviceSecret(*secret)) {
            m_device = *secret;
            poll();
        } else {
            notSetUp();
        }
        host::requestFrame();
    });
    return true;
}

// Asking again cannot fix a missing or refused credential, so nothing more is sent (no retry, no
// long poll) until staff open a setup link on this tablet. The stored secret is kept: if the
// refusal was the server's mistake, reloading the page tries it once more.
void Counter::notSetUp() {
    CounterView& c = m_view;
    c.notSetUp = true;
    c.load = Io::Done;
    c.status.reset();
    c.message.clear();
    c.phase = CounterView::Phase::Waiting;
    c.ratedKey.clear();
    if (m_request) m_http.cancel(m_request);
    m_request = 0;
    m_retryAtMs = 0;
}

void Counter::poll() {
    CounterView& c = m_view;
    if (c.counter == 0 || c.notSetUp || m_device.empty() || m_request != 0) return;
    HttpRequest request;
    request.url =
        "/api/v1/counters/" + std::to_string(c.counter) + "?lang=" + languageCode(m_language);
    if (c.status) request.url += "&since=" + std::to_string(c.status->version) + "&timeout=25";
    request.headers = {{"Authorization", "Bearer " + m_device}};
    request.timeoutMs = 35000;
    if (!c.status) c.load = Io::Loading;
    m_request = fetchJson(
        m_http, std::move(request), parseCounterStatus,
        [this](CounterStatus&& status, const HttpResponse&) {
            m_request = 0;
            CounterView& c = m_view;
            const bool newDossier = !c.status || !status.dossier || !c.status->dossier ||
                                    status.dossier->codeMasked != c.status->dossier->codeMasked;
            c.status = std::move(status);
            c.load = Io::Done;
            c.message.clear();
            if (newDossier && c.phase == CounterView::Phase::Failed)
                c.phase = CounterView::Phase::Waiting;
            poll();
        },
        [this](const char* key, const HttpResponse& r) {
            m_request = 0;
            // The device credential is all this route checks, so any 401 means this tablet is
            // not (or no longer) set up for the counter.
            if (r.status == 401) {
                notSetUp();
                return;
            }
            m_view.load = Io::Failed;
            m_view.message = key;
            m_retryAtMs = host::nowMs() + kRetryMs;
            host::requestFrameAfter(kRetryMs);
        });
}

void Counter::rate(int level) {
    CounterView& c = m_view;
    if (c.notSetUp || !c.status || !c.status->dossier || c.status->token.empty()) return;
    if (c.phase == CounterView::Phase::Sending) return;
    c.phase = CounterView::Phase::Sending;
    if (c.ratedKey.empty()) c.ratedKey = makeIdempotencyKey(host::randomSeed());
    HttpRequest request;
    request.method = "POST";
    request.url = "/api/v1/counters/" + std::to_string(c.counter) + "/rating";
    request.headers = {{"Content-Type", "application/json"},
                       {"Authorization", "Bearer " + m_device}};
    request.body = nlohmann::json{{"counter_token", c.status->token},
                                  {"idempotency_key", c.ratedKey},
                                  {"overall", ratingLevelKey(static_cast<RatingLevel>(level))}}
                       .dump();
    m_http.send(std::move(request), [this](const HttpResponse& r) {
        CounterView& c = m_view;
        if (c.notSetUp) return; // refused meanwhile: the screen already says what to do
        const ReplyClass reply = classifyReply(r.status, r.body);
        if (reply.kind == ReplyKind::Ok) {
            c.phase = CounterView::Phase::Thanks;
            c.thanksUntilMs = host::nowMs() + kThanksMs;
            c.ratedKey.clear();
            host::requestFrameAfter(static_cast<int>(kThanksMs) + 50);
            return;
        }
        // A 401 `unauthorized` is the rating's counter token (expired); this one is the tablet's.
        if (reply.kind == ReplyKind::Unauthorized && reply.code == "device_unauthorized") {
            notSetUp();
            return;
        }
        c.phase = CounterView::Phase::Failed;
        if (reply.code == "already_rated")
            c.message = "counter.already_rated";
        else if (reply.code == "stale")
            c.message = "counter.stale";
        else
            c.message = reply.messageKey;
        if (reply.code == "already_rated" || reply.code == "stale") c.ratedKey.clear();
    });
}

void Counter::tick() {
    CounterView& c = m_view;
    if (c.counter == 0) return;
    const double now = host::nowMs();
    if (c.phase == CounterView::Phase::Thanks && now >= c.thanksUntilMs) {
        // The thank-you has been seen: back to waiting for the next citizen.
        c.phase = CounterView::Phase::Waiting;
        if (c.status) c.status->dossier.reset();
        c.status.reset();
        if (m_request) m_http.cancel(m_request);
        m_request = 0;
        poll();
    }
    if (m_retryAtMs > 0 && now >= m_retryAtMs) {
        m_retryAtMs = 0;
        poll();
    }
}

} // namespace motcua
