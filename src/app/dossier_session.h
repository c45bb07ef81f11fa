// The dossier session: lookup with code and secret, the token, long-polled live updates, retries
// with backoff, the offline copy and the recent dossiers kept on the device. It writes the lookup
// form, the open dossier and the recents of AppState, and opens the dossier or lookup screen when
// a reply says which one the citizen needs.
#pragma once

#include <string>

#include "app/app_state.h"
#include "platform/http_client.h"
#include "platform/storage.h"

namespace motcua {

class DossierSession {
  public:
    DossierSession(HttpClient& http, Storage& storage, AppState& state)
        : m_http(http), m_storage(storage), m_state(state) {}

    void loadRecents();
    // The lookup form was sent: checks the code and secret, then looks the dossier up.
    void submitLookup();
    // Opens a dossier (a receipt link or QR, a recent one); without its secret, asks for it.
    void open(const std::string& code, const std::string& secret);
    void openRecent(const std::string& code);
    void removeRecent(const std::string& code);
    void clearRecents();
    // Looks the open dossier up again now (the citizen asked, or a rating just arrived).
    void refresh();
    // Stops the live updates and drops any reply still on its way.
    void close();
    // Shares the open dossier's link.
    void share();
    // True while no lookup or poll is in flight.
    bool idle() const { return m_requestId == 0; }
    // The open dossier's lookup token, "" until a lookup answered (or after close()).
    const std::string& token() const { return m_token; }
    // Timers: a retry that fell due. Back online: retry now.
    void tick();
    void networkOnline();

  private:
    void openFrom(const std::string& code, const std::string& secret, bool fromForm);
    void startLookup();
    void onLookupReply(const HttpResponse& response);
    void startPoll();
    void onPollReply(const HttpResponse& response);
    void adopt(Dossier dossier, bool fromLiveUpdate);
    void failed(const HttpResponse& response, bool fromForm);
    void unreadable(const char* key, bool fromForm);
    void scheduleRetry();
    void saveRecents();
    void rememberCurrent();

    HttpClient& m_http;
    Storage& m_storage;
    AppState& m_state;
    std::string m_token;
    int m_requestId = 0;
    bool m_lookupFromForm = false;
    double m_retryAtMs = 0;
    int m_retryCount = 0;
    int m_generation = 0; // bumps when the open dossier changes, so stale replies are dropped
};

} // namespace motcua
