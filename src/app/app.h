// The app controller: owns the state, turns intents into state changes and requests, and draws a
// frame with the screen that is open. Platform code feeds it input and calls frame().
#pragma once

#include <string>

#include "app/app_state.h"
#include "core/i18n.h"
#include "platform/http_client.h"
#include "platform/storage.h"

namespace motcua {

class App {
  public:
    App(HttpClient& http, Storage& storage);
    // Sets up ImGui style and fonts (call once, after ImGui::CreateContext) and reads the start URL.
    void start(const std::string& startUrl);
    // Draws one frame between ImGui::NewFrame() and ImGui::Render(); returns true while more
    // frames are needed (layout settling, animations, queued input).
    bool frame();
    void apply(const Intent& intent);

    AppState& state() { return m_state; }
    const Strings& strings() const { return m_strings; }

    // Called by the platform when the device reports it is online again.
    void networkOnline();

  private:
    void setLanguage(Language language);
    // Dossier lookup and live updates (app_dossier.cpp).
    void openDossier(const std::string& code, const std::string& secret, bool fromForm);
    void submitLookup();
    void startLookup();
    void onLookupReply(const HttpResponse& response);
    void startPoll();
    void onPollReply(const HttpResponse& response);
    void adoptDossier(Dossier dossier, bool fromLiveUpdate);
    void failed(const HttpResponse& response, bool fromForm);
    void scheduleRetry();
    void tick();
    void closeDossier();
    void loadRecents();
    void saveRecents();
    void rememberCurrent();
    void setTextScale(float scale);
    void saveSettings();

    HttpClient& m_http;
    Storage& m_storage;
    AppState m_state;
    Strings m_strings;
    bool m_styleDirty = true;
    int m_settleFrames = 2;
    // Dossier session: the lookup token, the request in flight, and when to try again.
    std::string m_token;
    int m_requestId = 0;
    bool m_lookupFromForm = false;
    double m_retryAtMs = 0;
    int m_retryCount = 0;
    bool m_polling = false;
    int m_generation = 0; // bumps when the open dossier changes, so stale replies are dropped
};

} // namespace motcua
