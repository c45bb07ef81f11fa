// The app controller: owns the state, turns intents into state changes and requests, and draws a
// frame with the screen that is open. Platform code feeds it input and calls frame().
#pragma once

#include <array>
#include <optional>
#include <string>

#include "app/app_state.h"
#include "app/counter.h"
#include "core/counter_link.h"
#include "core/i18n.h"
#include "platform/http_client.h"
#include "platform/scanner.h"
#include "platform/storage.h"

namespace motcua {

class App {
  public:
    App(HttpClient& http, Storage& storage);
    // Sets up ImGui style and fonts (call once, after ImGui::CreateContext) and reads the start
    // URL.
    void start(const std::string& startUrl);
    // Draws one frame between ImGui::NewFrame() and ImGui::Render(); returns true while more
    // frames are needed (layout settling, animations, queued input).
    bool frame();
    void apply(const Intent& intent);

    AppState& state() { return m_state; }
    const Strings& strings() const { return m_strings; }

    // Called by the platform when the device reports it is online again.
    void networkOnline();
    // A background timer fired: poll what needs polling; draws only if something changed.
    void wake();
    // A new version of the app is ready; the app offers it when the citizen is not mid-task.
    void updateReady() { m_state.updateReady = true; }
    // 1: the browser can show an install prompt; 2: iOS, explain Add to Home Screen.
    void installHint(int kind) { m_state.installHint = kind; }

  private:
    void setLanguage(Language language);
    // The language the strings are shown in: the chosen one, or English while a Korean, Chinese
    // or Japanese choice waits for its font (so no glyph is drawn as a box).
    Language shownLanguage() const;
    void fetchCjkFont();
    void fetchCjkBoldFont();
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
    // Ratings through the outbox, and public figures (app_rating.cpp).
    void loadOutbox();
    void saveOutbox();
    void startRating();
    void setRatingField(const std::string& field, int value);
    void submitRating();
    void pumpOutbox();
    void outboxFailed(const std::string& key, int status, int retryAfter, const std::string& code);
    void openStats();
    // Procedures, questions, places, alerts (app_info.cpp).
    void openProcedures();
    void fetchProcedurePage(int page, std::shared_ptr<std::vector<ProcedureInfo>> collected);
    void updateSearch();
    void ask();
    void loadRequests();
    void saveDraftIfChanged();
    void openRequestForm(const std::string& question);
    void sendRequest();
    void followRequest(int64_t id);
    void requestDelivered(const std::string& key, const SentRequest& created);
    void openPlaces(const std::string& kind);
    void pollAlerts();
    // Kiosk sessions (app_kiosk.cpp).
    void configureKiosk(const std::string& startUrl);
    bool kioskHasCitizenData() const;
    void wipeKioskSession();
    void drawKioskIdle();
    // Scanner session (app_scan.cpp).
    void installScannerHandlers();
    void openScanner();
    void closeScanner();
    void onScanResult(const std::string& text, const std::array<float, 8>* corners,
                      scanner::Source source);
    void setTextScale(float scale);
    void saveSettings();

    HttpClient& m_http;
    Storage& m_storage;
    AppState m_state;
    Strings m_strings;
    Strings m_englishFallback; // under Korean, Chinese and Japanese, for the keys they lack
    bool m_cjkFontReady = false;
    int m_cjkFontRequest = 0;
    bool m_cjkBoldReady = false;
    int m_cjkBoldRequest = 0;
    bool m_styleDirty = true;
    int m_settleFrames = 2;
    // Dossier session: the lookup token, the request in flight, and when to try again.
    std::string m_token;
    int m_requestId = 0;
    bool m_lookupFromForm = false;
    double m_retryAtMs = 0;
    int m_retryCount = 0;
    bool m_polling = false;
    int m_generation = 0;
    int m_outboxRequest = 0;
    int m_alertsRequest = 0;
    double m_nextAlertsMs = 0;
    std::optional<Language> m_alertsLanguage; // of the last poll

    std::string m_savedDraft;
    std::string m_lastAlertsBody;
    Counter m_counter; // the counter terminal (counter.h)
    // Kiosk: how long without input before asking, and how long the question waits.
    int m_kioskIdleSeconds = 90;
    static constexpr int kMinCountdownSeconds = 20;
    int m_kioskCountdownSeconds =
        30; // bumps when the open dossier changes, so stale replies are dropped
};

} // namespace motcua
