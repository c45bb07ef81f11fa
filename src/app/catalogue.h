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
    void setField(const std::string& field) { m_state.catalog.field = field; }
    void setAgency(const std::string& code) { m_state.catalog.agency = code; }
    void ask();
    void openStats();
    // Each frame: searches again when the query or a filter changed.
    void tick();

  private:
    void fetchPage(int page, std::shared_ptr<std::vector<ProcedureInfo>> collected);

    HttpClient& m_http;
    AppState& m_state;
};

} // namespace motcua
