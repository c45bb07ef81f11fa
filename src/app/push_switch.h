// The "notify me when this dossier changes" switch: asks permission only on the tap, subscribes
// the browser with the server's key, registers the subscription for the open dossier with its
// lookup token, checks on opening that the server still holds it, and turns it off again (the
// browser unsubscribed once no dossier uses it). Writes AppState::push; never offered on a kiosk.
#pragma once

#include <functional>
#include <string>

#include "app/app_state.h"
#include "core/push_registry.h"
#include "platform/http_client.h"
#include "platform/push.h"
#include "platform/storage.h"

namespace motcua {

class PushSwitch {
  public:
    // token(): the open dossier's lookup token ("" while there is none yet); renewToken(): a
    // token was refused, look the dossier up again.
    PushSwitch(HttpClient& http, Storage& storage, AppState& state,
               std::function<std::string()> token, std::function<void()> renewToken);
    ~PushSwitch();
    PushSwitch(const PushSwitch&) = delete;
    PushSwitch& operator=(const PushSwitch&) = delete;

    // Reads what the device remembers and installs the platform's event handlers.
    void load();
    // The switch was tapped (or "Try again"): turn the open dossier's news on or off.
    void set(bool on);
    // Each frame: another dossier on screen; a step that waited for the lookup token.
    void tick();
    // The citizen removed a dossier from this device: its news stop. The server forgets its
    // subscription (a token from the kept secret, then the removal); the browser's subscription
    // ends once no dossier uses it.
    void drop(const std::string& code);
    // The kiosk session ends: nothing stays subscribed and nothing is remembered.
    void wipe();

  private:
    enum class Step { None, Check, Register, Remove };

    void opened(const std::string& code);
    void fetchKey();
    void maybeSubscribe();
    void onPermission(push::Permission permission);
    void onSubscribed(const std::string& subscriptionJson);
    void onFailed(push::Failure failure);
    void onCurrent(const std::string& endpoint);
    void sendStep();
    void onStepReply(Step step, const HttpResponse& response);
    void fail(PushView::Problem problem, PushView::Phase phase);
    void forget(const std::string& code, const std::string& endpoint);
    void unregister(const PushDossier& entry);
    void save();
    void resetOperation();

    HttpClient& m_http;
    Storage& m_storage;
    AppState& m_state;
    std::function<std::string()> m_token;
    std::function<void()> m_renewToken;
    PushRegistry m_registry;
    std::string m_code;     // the dossier AppState::push belongs to
    std::string m_key;      // the server's public key, once fetched
    std::string m_endpoint; // this device's endpoint for the step under way
    std::string m_body;     // the subscription to register
    std::string m_refused;  // a token the server refused: wait for a new one
    Step m_step = Step::None;
    bool m_permissionOk = false, m_awaitPermission = false, m_awaitSubscription = false;
    bool m_awaitCurrent = false;
    int m_keyRequest = 0, m_stepRequest = 0;
    int m_generation = 0; // bumps when another dossier opens: older replies are dropped
};

} // namespace motcua
