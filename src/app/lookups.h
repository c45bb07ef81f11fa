// Other look-ups the province answers (exam results, land prices, camera-recorded violations,
// power and water cuts): the list of datasets, a form per dataset kept as typed, the query and its
// answer. Writes AppState's datasets and opens the datasets and dataset screens.
#pragma once

#include <functional>
#include <string>

#include "app/app_state.h"
#include "platform/http_client.h"

namespace motcua {

class Lookups {
  public:
    // `shownLanguage` is the language the screens draw: names and labels are asked in it.
    Lookups(HttpClient& http, AppState& state, std::function<Language()> shownLanguage)
        : m_http(http), m_state(state), m_shownLanguage(std::move(shownLanguage)) {}

    // A datasets screen is on show: fetches the list unless it is here or on its way.
    void ensureList();
    // Opens a dataset's form (its form and last answer as they were left).
    void openDataset(const std::string& id);
    // Checks the open form and sends it; problems stay beside their fields and nothing is sent.
    void submit();
    // Each frame: a new language on show asks for the list again in it.
    void tick();
    // Back online: a list that could not be fetched is asked again.
    void networkOnline();
    // A kiosk session was wiped: answers still on their way are dropped, never shown to the next
    // citizen.
    void reset();
    // The dataset on screen, or nullptr.
    const Dataset* openDatasetInfo() const;

  private:
    void fetchList();

    HttpClient& m_http;
    AppState& m_state;
    std::function<Language()> m_shownLanguage;
    int m_listRequest = 0;
    int m_session = 0; // bumped by reset(); a reply from before it is dropped
};

} // namespace motcua
