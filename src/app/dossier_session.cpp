// The dossier session: lookup, live updates by long poll, retries with backoff, recents.
#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "app/dossier_session.h"
#include "core/dossier_code.h"
#include "core/http_reply.h"
#include "core/receipt_payload.h"
#include "platform/host.h"

namespace motcua {

namespace {
constexpr const char* kRecentsKey = "motcua.recent";
constexpr int kPollTimeoutSeconds = 25;
constexpr int kMaxBackoffMs = 15000;
} // namespace

void DossierSession::loadRecents() {
    m_storage.load(kRecentsKey, [this](std::optional<std::string> text) {
        if (text) m_state.recents = RecentDossiers::fromJson(*text);
    });
}

void DossierSession::saveRecents() {
    if (m_state.kiosk) return; // a shared kiosk never remembers a citizen's dossiers
    m_storage.save(kRecentsKey, m_state.recents.toJson());
}

void DossierSession::rememberCurrent() {
    const DossierView& v = m_state.view;
    if (!v.dossier) return;
    RecentDossier entry;
    entry.code = v.code;
    entry.secret = v.secret;
    entry.lastStatus = v.dossier->status;
    entry.updatedAt = v.updatedAt;
    entry.cachedJson = v.dossier->sourceJson;
    m_state.recents.add(std::move(entry));
    saveRecents();
}

void DossierSession::submitLookup() {
    LookupForm& form = m_state.lookup;
    const ReceiptPayload payload = parseReceiptPayload(form.code);
    std::string code =
        payload.kind == PayloadKind::Receipt ? payload.code : normalizeCode(form.code);
    std::string secret = normalizeSecret(form.secret);
    // A pasted receipt link carries the secret too.
    if (secret.empty() && !payload.secret.empty()) secret = payload.secret;
    if (!isValidCode(code)) {
        form.message = "lookup.fix_code";
        form.state = Io::Failed;
        return;
    }
    if (!isValidSecret(secret)) {
        form.message = "lookup.bad_secret";
        form.state = Io::Failed;
        return;
    }
    form.code = code;
    form.secret = secret;
    openFrom(code, secret, true);
}

void DossierSession::open(const std::string& code, const std::string& secret) {
    openFrom(code, secret, false);
}

void DossierSession::openRecent(const std::string& code) {
    if (const RecentDossier* r = m_state.recents.find(code)) openFrom(r->code, r->secret, false);
}

void DossierSession::removeRecent(const std::string& code) {
    m_state.recents.remove(code);
    saveRecents();
}

void DossierSession::clearRecents() {
    m_state.recents.clear();
    saveRecents();
}

void DossierSession::share() {
    const DossierView& v = m_state.view;
    host::shareLink(v.dossier ? v.dossier->procedure.name.name : "Một Cửa",
                    dossierLink(v.code, v.secret));
    m_state.view.shared = true;
}

void DossierSession::refresh() {
    if (m_state.view.code.empty()) return;
    ++m_generation; // the poll in flight answers an older question: drop its reply
    if (m_requestId) m_http.cancel(m_requestId);
    m_requestId = 0;
    m_retryAtMs = 0;
    startLookup();
}

void DossierSession::openFrom(const std::string& code, const std::string& secret, bool fromForm) {
    close();
    DossierView& v = m_state.view;
    v = DossierView{};
    v.code = code;
    v.secret = secret;
    m_lookupFromForm = fromForm;
    // Show the copy kept on the device at once; the network refreshes it.
    if (const RecentDossier* kept = m_state.recents.find(code)) {
        if (v.secret.empty()) v.secret = kept->secret;
        if (!kept->cachedJson.empty()) {
            auto cached = parseDossierFromCache(kept->cachedJson);
            if (cached) {
                v.dossier = std::move(*cached.value);
                v.updatedAt = kept->updatedAt;
                v.timeline = deriveTimeline(*v.dossier, m_state.now);
            }
        }
    }
    if (v.secret.empty()) {
        // A link without the secret: ask for it, with the code filled in.
        m_state.lookup.code = code;
        m_state.lookup.message.clear();
        m_state.screen = Screen::Lookup;
        return;
    }
    if (!fromForm || v.dossier) {
        m_state.screen = Screen::Dossier;
        m_state.page.scrollTop();
    }
    startLookup();
}

void DossierSession::close() {
    ++m_generation;
    if (m_requestId) m_http.cancel(m_requestId);
    m_requestId = 0;
    m_token.clear();
    m_retryAtMs = 0;
    m_retryCount = 0;
}

void DossierSession::startLookup() {
    DossierView& v = m_state.view;
    v.load = Io::Loading;
    if (m_lookupFromForm) m_state.lookup.state = Io::Loading;
    HttpRequest request;
    request.method = "POST";
    request.url = std::string("/api/v1/dossiers/lookup?lang=") + languageCode(m_state.language);
    request.headers = {{"Content-Type", "application/json"}};
    request.body = nlohmann::json{{"code", v.code}, {"secret", v.secret}}.dump();
    const int generation = m_generation;
    m_requestId = m_http.send(std::move(request), [this, generation](const HttpResponse& r) {
        if (generation != m_generation) return;
        m_requestId = 0;
        onLookupReply(r);
    });
}

void DossierSession::failed(const HttpResponse& response, bool fromForm) {
    DossierView& v = m_state.view;
    v.load = Io::Failed;
    const ReplyClass reply = classifyReply(response.status, response.body);
    // A code or secret that matches nothing is what the citizen needs to hear, not "error".
    const std::string key =
        reply.kind == ReplyKind::NotFound ? "lookup.not_found" : reply.messageKey;
    // Retried on their own: no network and server trouble. A rate limit waits for the citizen.
    bool retry = reply.kind == ReplyKind::Offline || reply.kind == ReplyKind::ServerError;
    v.offline = reply.kind == ReplyKind::Offline || v.offline;
    v.message = key;
    if (fromForm && !v.dossier) {
        // Nothing to show yet: stay on the form, with one calm message.
        m_state.lookup.state = Io::Failed;
        m_state.lookup.message = key;
        m_state.screen = Screen::Lookup;
        retry = false;
    }
    if (retry) scheduleRetry();
}

// An answer the app cannot read: say so, keep what is on screen, and ask again later.
void DossierSession::unreadable(const char* key, bool fromForm) {
    DossierView& v = m_state.view;
    v.load = Io::Failed;
    v.message = key;
    if (fromForm && !v.dossier) {
        m_state.lookup.state = Io::Failed;
        m_state.lookup.message = v.message;
    }
    scheduleRetry();
}

void DossierSession::onLookupReply(const HttpResponse& response) {
    DossierView& v = m_state.view;
    const bool fromForm = m_lookupFromForm;
    if (response.status != 200) {
        failed(response, fromForm);
        return;
    }
    auto parsed = parseLookupResponse(response.body);
    if (!parsed) {
        unreadable(parseErrorKey(parsed.code), fromForm);
        return;
    }
    m_token = parsed.value->token;
    m_lookupFromForm = false;
    m_state.lookup.state = Io::Done;
    m_state.lookup.message.clear();
    m_state.lookup.secret.clear(); // the secret now lives with the saved dossier only
    adopt(std::move(parsed.value->dossier), false);
    if (m_state.screen != Screen::Dossier) m_state.page.scrollTop();
    m_state.screen = Screen::Dossier;
    startPoll();
}

void DossierSession::adopt(Dossier dossier, bool fromLiveUpdate) {
    DossierView& v = m_state.view;
    if (fromLiveUpdate && v.dossier) {
        v.changed = true;
        v.changedStatus.reset();
        if (dossier.status != v.dossier->status) v.changedStatus = dossier.status;
    }
    v.dossier = std::move(dossier);
    v.timeline = deriveTimeline(*v.dossier, m_state.now);
    v.load = Io::Done;
    v.message.clear();
    v.offline = false;
    v.updatedAt = m_state.now;
    m_retryCount = 0;
    rememberCurrent();
}

void DossierSession::startPoll() {
    DossierView& v = m_state.view;
    if (!v.dossier || m_token.empty()) return;
    HttpRequest request;
    request.url = "/api/v1/dossiers/" + v.code +
                  "/changes?since=" + std::to_string(v.dossier->version) +
                  "&lang=" + languageCode(m_state.language);
    request.headers = {{"Authorization", "Bearer " + m_token}};
    request.timeoutMs = (kPollTimeoutSeconds + 10) * 1000;
    const int generation = m_generation;
    m_requestId = m_http.send(std::move(request), [this, generation](const HttpResponse& r) {
        if (generation != m_generation) return;
        m_requestId = 0;
        onPollReply(r);
    });
}

void DossierSession::onPollReply(const HttpResponse& response) {
    DossierView& v = m_state.view;
    if (response.status == 401) {
        // The token expired: look up again with the saved secret.
        m_token.clear();
        startLookup();
        return;
    }
    if (response.status != 200) {
        failed(response, false);
        return;
    }
    auto parsed = parseChangesResponse(response.body);
    if (!parsed) {
        unreadable(parseErrorKey(parsed.code), false);
        return;
    }
    v.offline = false;
    v.updatedAt = m_state.now;
    if (parsed.value->changed && parsed.value->dossier) {
        adopt(std::move(*parsed.value->dossier), true);
    } else {
        v.message.clear();
        v.load = Io::Done;
        rememberCurrent();
    }
    startPoll();
}

void DossierSession::scheduleRetry() {
    // 1 s, 2 s, 4 s … up to 15 s: quick to recover, gentle on a struggling server.
    const int delay = std::min(kMaxBackoffMs, 1000 << std::min(m_retryCount, 4));
    ++m_retryCount;
    m_retryAtMs = host::nowMs() + delay;
    host::requestFrameAfter(delay);
}

void DossierSession::networkOnline() {
    if (m_retryAtMs > 0) {
        m_retryAtMs = host::nowMs();
        m_retryCount = 0;
        host::requestFrame();
    }
}

void DossierSession::tick() {
    if (m_retryAtMs > 0 && host::nowMs() >= m_retryAtMs && m_requestId == 0) {
        m_retryAtMs = 0;
        if (m_state.screen != Screen::Dossier || m_state.view.code.empty()) return;
        if (m_token.empty())
            startLookup();
        else
            startPoll();
    }
}

} // namespace motcua
