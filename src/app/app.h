// The app: routes intents to the feature controllers and between screens. Each feature (dossier
// session, outbox, catalogue, local information, counter, kiosk, scanner, settings, other
// look-ups) lives in its own controller. The UI (ui::Shell) draws its state and hands it intents.
#pragma once

#include "app/app_state.h"
#include "app/catalogue.h"
#include "app/counter.h"
#include "app/dossier_session.h"
#include "app/font_sink.h"
#include "app/kiosk.h"
#include "app/local_info.h"
#include "app/lookups.h"
#include "app/navigation.h"
#include "app/outbox_sender.h"
#include "app/push_switch.h"
#include "app/scanner.h"
#include "app/settings.h"
#include "core/i18n.h"
#include "platform/http_client.h"
#include "platform/storage.h"

namespace motcua {

class App {
  public:
    App(HttpClient& http, Storage& storage, FontSink& fonts);
    // Loads what the device keeps and opens what the start URL names.
    void start(const std::string& startUrl);
    // Before a frame is drawn: timers, polls and the work each controller asks for.
    void tick();
    void apply(const Intent& intent);
    // After a frame: the address bar and the browser's history follow what the intents opened
    // (`pageScroll`: where the page on show is scrolled). True while layout may still settle.
    bool endFrame(float pageScroll);
    // True once after the text scale changed: the UI builds its theme again.
    bool takeStyleDirty() { return m_settings.takeStyleDirty(); }

    AppState& state() { return m_state; }
    const Strings& strings() const { return m_settings.strings(); }

    // The browser moved in its history (Back, Forward) to entry `index` at `url`; `scroll` is where
    // that entry's page was left.
    void historyMoved(const std::string& url, int index, float scroll);
    // Called by the platform when the device reports it is online again.
    void networkOnline();
    // A background timer fired: poll what needs polling; draws only if something changed.
    void wake();
    // A new version of the app is ready; the app offers it when the citizen is not mid-task.
    void updateReady() { m_state.updateReady = true; }
    // 1: the browser can show an install prompt; 2: iOS, explain Add to Home Screen.
    void installHint(int kind) { m_state.installHint = kind; }

  private:
    void navigate(Screen screen);
    // Shows what an address names (the start URL, a history entry); `url` keeps the fragment a
    // receipt link carries its secret in.
    void openRoute(const Route& route, const std::string& url);
    // The list of alerts over the screen on show, and back to that screen as it was left.
    void openAlerts();
    void closeAlerts();
    // Leaves nothing of a citizen on a shared screen (undelivered ratings stay to be sent).
    void wipeKioskSession();

    Storage& m_storage;
    AppState m_state;
    Settings m_settings;
    DossierSession m_session;
    OutboxSender m_outbox;
    Catalogue m_catalogue;
    LocalInfo m_localInfo;
    Counter m_counter; // the counter terminal
    Kiosk m_kiosk;
    Scanner m_scanner;
    History m_history;
    std::string m_pendingRate; // a rating address: the form opens once its dossier is in
    Lookups m_lookups;         // other look-ups (datasets)
    PushSwitch m_push;         // the open dossier's "notify me" switch
    int m_settleFrames = 2;
};

} // namespace motcua
