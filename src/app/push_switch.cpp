// The push switch: permission on the tap, the browser's subscription, its registration for the
// open dossier, the check on opening, turning it off, and the kiosk wipe.
#include "app/push_switch.h"

#include <nlohmann/json.hpp>

#include "core/http_reply.h"
#include "core/json_fields.h"
#include "core/url_text.h"
#include "platform/host.h"
#include "platform/push.h"

namespace motcua {

namespace {
constexpr const char* kRegistryKey = "motcua.push";

using Phase = PushView::Phase;
using Problem = PushView::Problem;

Problem problemOf(const ReplyClass& reply) {
    if (reply.code == "too_many_subscriptions") return Problem::TooMany;
    return reply.kind == ReplyKind::Offline ? Problem::Offline : Problem::Failed;
}
} // namespace

PushSwitch::PushSwitch(HttpClient& http, Storage& storage, AppState& state,
                       std::function<std::string()> token, std::function<void()> renewToken)
    : m_http(http), m_storage(storage), m_state(state), m_token(std::move(token)),
      m_renewToken(std::move(renewToken)) {}

PushSwitch::~PushSwitch() {
    push::events() = push::Events{};
}

void PushSwitch::load() {
    m_storage.load(kRegistryKey, [this](std::optional<std::string> text) {
        if (text) m_registry = PushRegistry::fromJson(*text);
    });
    push::Events& e = push::events();
    e.permission = [this](push::Permission p) { onPermission(p); };
    e.subscribed = [this](const std::string& json) { onSubscribed(json); };
    e.failed = [this](push::Failure f) { onFailed(f); };
    e.current = [this](const std::string& endpoint) { onCurrent(endpoint); };
}

void PushSwitch::resetOperation() {
    if (m_stepRequest) m_http.cancel(m_stepRequest);
    m_stepRequest = 0;
    m_step = Step::None;
    m_awaitPermission = m_awaitSubscription = m_awaitCurrent = false;
    m_permissionOk = false;
    m_refused.clear();
    m_endpoint.clear();
    m_body.clear();
}

void PushSwitch::opened(const std::string& code) {
    ++m_generation;
    resetOperation();
    m_code = code;
    m_state.push = PushView{};
    if (m_state.kiosk || code.empty() || !m_registry.find(code)) return;
    // Remembered on: shown on while the browser and then the server confirm it.
    m_state.push.phase = Phase::Checking;
    m_awaitCurrent = true;
    push::current();
}

void PushSwitch::tick() {
    if (m_state.view.code != m_code) opened(m_state.view.code);
    if (m_step != Step::None && !m_stepRequest) sendStep();
}

void PushSwitch::set(bool on) {
    PushView& p = m_state.push;
    if (m_state.kiosk || m_code.empty() || m_code != m_state.view.code) return;
    if (p.phase == Phase::Asking || p.phase == Phase::TurningOff) return; // one thing at a time
    if (on) {
        if (p.phase != Phase::Off) return;
        switch (push::support()) {
        case push::Support::Unsupported:
            fail(Problem::Unsupported, Phase::Off);
            return;
        case push::Support::NeedsInstall:
            fail(Problem::NeedsInstall, Phase::Off);
            return;
        case push::Support::Supported:
            break;
        }
        const push::Permission permission = push::permission();
        // Blocked: the browser would not even ask; say where to allow it.
        if (permission == push::Permission::Denied) {
            fail(Problem::Denied, Phase::Off);
            return;
        }
        resetOperation();
        p = PushView{};
        p.phase = Phase::Asking;
        m_permissionOk = permission == push::Permission::Granted;
        // The prompt comes straight from the tap; the key is fetched meanwhile.
        if (!m_permissionOk) {
            m_awaitPermission = true;
            push::requestPermission();
        }
        if (m_key.empty() && !m_keyRequest) fetchKey();
        maybeSubscribe();
        return;
    }
    if (p.phase == Phase::Off) {
        p.problem = Problem::None;
        return;
    }
    const PushDossier* entry = m_registry.find(m_code);
    const std::string endpoint = entry ? entry->endpoint : "";
    resetOperation();
    if (endpoint.empty()) {
        p = PushView{};
        return;
    }
    m_endpoint = endpoint;
    p.phase = Phase::TurningOff;
    p.problem = Problem::None;
    m_step = Step::Remove;
    sendStep();
}

void PushSwitch::fail(Problem problem, Phase phase) {
    PushView& p = m_state.push;
    resetOperation();
    p.phase = phase;
    p.problem = problem;
    p.retryOn = phase == Phase::Off; // a failed "on" is tried again as "on", a failed "off" as off
}

void PushSwitch::fetchKey() {
    HttpRequest request;
    request.url = "/api/v1/push/key";
    m_keyRequest = m_http.send(std::move(request), [this](const HttpResponse& reply) {
        m_keyRequest = 0;
        const ReplyClass c = classifyReply(reply.status, reply.body);
        auto key = c.kind == ReplyKind::Ok ? parsePushKey(reply.body) : Result<std::string>{};
        if (key) m_key = *key.value;
        if (m_state.push.phase != Phase::Asking) return; // turned away meanwhile
        if (!key) {
            fail(c.kind == ReplyKind::Ok ? Problem::Failed : problemOf(c), Phase::Off);
            return;
        }
        maybeSubscribe();
    });
}

void PushSwitch::maybeSubscribe() {
    if (m_state.push.phase != Phase::Asking || !m_permissionOk || m_key.empty() ||
        m_awaitSubscription || m_step != Step::None)
        return;
    m_awaitSubscription = true;
    push::subscribe(m_key);
}

void PushSwitch::onPermission(push::Permission permission) {
    if (!m_awaitPermission || m_state.push.phase != Phase::Asking) return;
    m_awaitPermission = false;
    if (permission == push::Permission::Granted) {
        m_permissionOk = true;
        maybeSubscribe();
    } else {
        fail(permission == push::Permission::Denied ? Problem::Denied : Problem::Dismissed,
             Phase::Off);
    }
}

void PushSwitch::onSubscribed(const std::string& subscriptionJson) {
    if (!m_awaitSubscription || m_state.push.phase != Phase::Asking) return;
    m_awaitSubscription = false;
    m_body = pushSubscribeBody(subscriptionJson, languageCode(m_state.language), m_endpoint);
    if (m_body.empty()) {
        fail(Problem::Failed, Phase::Off);
        return;
    }
    m_step = Step::Register;
    sendStep();
}

void PushSwitch::onFailed(push::Failure failure) {
    if (!m_awaitSubscription || m_state.push.phase != Phase::Asking) return;
    switch (failure) {
    case push::Failure::Denied:
        fail(Problem::Denied, Phase::Off);
        break;
    case push::Failure::Unsupported:
        fail(Problem::Unsupported, Phase::Off);
        break;
    case push::Failure::Error:
        fail(Problem::Failed, Phase::Off);
        break;
    }
}

void PushSwitch::onCurrent(const std::string& endpoint) {
    if (!m_awaitCurrent || m_state.push.phase != Phase::Checking) return;
    m_awaitCurrent = false;
    if (endpoint.empty()) {
        // The browser no longer has a subscription (site data cleared, permission taken back).
        forget(m_code, "");
        m_state.push = PushView{};
        return;
    }
    m_endpoint = endpoint;
    m_step = Step::Check;
    sendStep();
}

// Waits (tick() calls again) until the dossier has a lookup token the server has not refused.
void PushSwitch::sendStep() {
    if (m_step == Step::None || m_stepRequest) return;
    const std::string token = m_token();
    if (token.empty() || token == m_refused) return;
    const std::string path = "/api/v1/dossiers/" + m_code + "/subscriptions";
    HttpRequest request;
    switch (m_step) {
    case Step::Check:
        request.url = path + "?endpoint=" + percentEncode(m_endpoint);
        break;
    case Step::Register:
        request.method = "POST";
        request.url = path;
        request.body = m_body;
        break;
    case Step::Remove:
        request.method = "DELETE";
        request.url = path;
        request.body = nlohmann::json{{"endpoint", m_endpoint}}.dump();
        break;
    case Step::None:
        return;
    }
    if (!request.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    request.headers.emplace_back("Authorization", "Bearer " + token);
    const Step step = m_step;
    const int generation = m_generation;
    m_stepRequest =
        m_http.send(std::move(request), [this, step, generation, token](const HttpResponse& r) {
            if (generation != m_generation) return;
            m_stepRequest = 0;
            if (r.status == 401) {
                // The token ran out: the session looks the dossier up again, then this step
                // goes out with the new one.
                m_refused = token;
                m_renewToken();
                host::requestFrame();
                return;
            }
            onStepReply(step, r);
        });
}

void PushSwitch::onStepReply(Step step, const HttpResponse& response) {
    PushView& p = m_state.push;
    const ReplyClass c = classifyReply(response.status, response.body);
    m_step = Step::None;
    switch (step) {
    case Step::Check: {
        auto subscribed =
            c.kind == ReplyKind::Ok ? parsePushSubscribed(response.body) : Result<bool>{};
        if (subscribed && !*subscribed.value) {
            // The push service ended it, or the dossier's devices were turned off elsewhere.
            forget(m_code, m_endpoint);
            p = PushView{};
            return;
        }
        const PushDossier* entry = m_registry.find(m_code);
        if (subscribed && entry && entry->endpoint != m_endpoint) {
            // The service worker renewed the subscription and registered the new one.
            PushDossier renewed = *entry;
            renewed.endpoint = m_endpoint;
            m_registry.add(std::move(renewed));
            save();
        }
        p.phase = Phase::On; // no answer: on, as this device remembers it
        return;
    }
    case Step::Register:
        if (c.kind == ReplyKind::Ok) {
            m_registry.add(
                {m_code, m_state.view.secret, languageCode(m_state.language), m_endpoint});
            save();
            p = PushView{};
            p.phase = Phase::On;
        } else {
            fail(problemOf(c), Phase::Off);
        }
        return;
    case Step::Remove:
        if (c.kind == ReplyKind::Ok || c.kind == ReplyKind::NotFound) {
            forget(m_code, m_endpoint);
            p = PushView{};
        } else {
            fail(problemOf(c), Phase::On);
        }
        return;
    case Step::None:
        return;
    }
}

void PushSwitch::forget(const std::string& code, const std::string& endpoint) {
    m_registry.remove(code);
    save();
    // The browser's one subscription serves every dossier: end it once none uses it.
    if (!endpoint.empty() && !m_registry.uses(endpoint)) push::unsubscribe();
}

void PushSwitch::drop(const std::string& code) {
    const PushDossier* entry = m_registry.find(code);
    if (!entry) return;
    const PushDossier gone = *entry;
    if (code == m_code) {
        ++m_generation; // a step under way for it no longer matters
        resetOperation();
        m_state.push = PushView{};
        m_code.clear();
    }
    forget(code, gone.endpoint);
    unregister(gone);
}

void PushSwitch::unregister(const PushDossier& entry) {
    if (entry.secret.empty() || entry.endpoint.empty()) return;
    HttpRequest lookup;
    lookup.method = "POST";
    lookup.url = "/api/v1/dossiers/lookup";
    lookup.headers = {{"Content-Type", "application/json"}};
    lookup.body = nlohmann::json{{"code", entry.code}, {"secret", entry.secret}}.dump();
    lookup.redraw = false;
    // Best effort: should either request fail, the server drops the subscription at the next
    // push the browser no longer takes.
    m_http.send(std::move(lookup),
                [this, code = entry.code, endpoint = entry.endpoint](const HttpResponse& r) {
                    if (r.status != 200) return;
                    const auto doc = nlohmann::json::parse(r.body, nullptr, false);
                    const std::string token = doc.is_object() ? stringField(doc, "token") : "";
                    if (token.empty()) return;
                    HttpRequest request;
                    request.method = "DELETE";
                    request.url = "/api/v1/dossiers/" + code + "/subscriptions";
                    request.headers = {{"Content-Type", "application/json"},
                                       {"Authorization", "Bearer " + token}};
                    request.body = nlohmann::json{{"endpoint", endpoint}}.dump();
                    request.redraw = false;
                    m_http.send(std::move(request), [](const HttpResponse&) {});
                });
}

void PushSwitch::save() {
    if (m_state.kiosk) return;
    m_storage.save(kRegistryKey, m_registry.toJson());
    push::setDossiers(m_registry.workerJson());
}

void PushSwitch::wipe() {
    // The server forgets the open dossier's subscription now; the browser's unsubscribe ends any
    // other at the push service, whose next message then gets 410 and drops it on the server.
    const PushDossier* entry = m_registry.find(m_code);
    const std::string token = m_token();
    if (entry && !token.empty()) {
        HttpRequest request;
        request.method = "DELETE";
        request.url = "/api/v1/dossiers/" + m_code + "/subscriptions";
        request.headers = {{"Content-Type", "application/json"},
                           {"Authorization", "Bearer " + token}};
        request.body = nlohmann::json{{"endpoint", entry->endpoint}}.dump();
        request.redraw = false;
        m_http.send(std::move(request), [](const HttpResponse&) {});
    }
    ++m_generation;
    resetOperation();
    m_registry = PushRegistry{};
    m_code.clear();
    m_state.push = PushView{};
    m_storage.remove(kRegistryKey);
    push::unsubscribe();
    push::setDossiers("[]");
}

} // namespace motcua
