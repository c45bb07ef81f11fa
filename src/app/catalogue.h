// The procedure catalogue on the device: fetched page by page, searched as the citizen types,
// asked in plain words; and the public figures per agency. Writes AppState's catalog and stats
// and opens the procedures, procedure and stats screens.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "platform/http_client.h"

namespace motcua {

class Catalogue {
  public:
    Catalogue(HttpClient& http, AppState& state) : m_http(http), m_state(state) {}

    // Opens the list; fetches the catalogue unless it is here or on its way.
    void open();
    void openProcedure(uint32_t index);
    // By address: a procedure's code (opened once the catalogue is in; the screen says when no
    // procedure has it) and a question asked (answered once the catalogue is in).
    void openCode(const std::string& code);
    void askFor(const std::string& question);
    void setField(const std::string& field) { m_state.catalog.field = field; }
    void setAgency(const std::string& code) { m_state.catalog.agency = code; }
    void ask();
    void openStats();
    // Each frame: searches again when the query or a filter changed.
    void tick();

  private:
    void fetchPage(int page, std::shared_ptr<std::vector<ProcedureInfo>> collected);
    void resolveWanted();

    HttpClient& m_http;
    AppState& m_state;
    bool m_askPending = false;
};

} // namespace motcua
