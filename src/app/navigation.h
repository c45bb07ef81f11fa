// The app's place as an address: the route of what the screen shows (core/route.h), and the
// browser history kept in step with it, so Back and Forward move between screens in the app.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "core/route.h"

namespace motcua {

// The route of what the state shows. Alerts give the route of the screen underneath, the counter
// tablet Home (it has no addresses of its own; History keeps its fixed URL).
Route routeOf(const AppState& state);

// The app's URL for it: the route's, with a dossier's receipt secret in the fragment (#k=) as
// receipt links carry it.
std::string appUrl(const AppState& state);

// What tells two history entries apart: a new page gets an entry of its own, a change within a
// page (another tab of places, another question asked) replaces it.
std::string pageKey(const AppState& state);

// The history entries of this page's life, by the browser's history index.
class History {
  public:
    // fixedUrl: kiosk and counter keep one address for every entry (a reload is a fresh session
    // there), with a spare entry under the first so the browser's Back never leaves the app.
    void start(int index, std::string fixedUrl);
    // After a frame: a new page pushes an entry (recording where the page left was scrolled),
    // the same page replaces its address, the page of the entry just before goes back to it.
    void follow(const AppState& state, float leavingScroll);
    // The browser moved to entry `index` (Back or Forward) whose address is `url`: the app URL to
    // show there (with a dossier's #k=), or none when the app already shows it (an in-app back
    // went first).
    std::optional<std::string> moved(const AppState& state, int index, const std::string& url);
    // After the app showed a moved-to entry: note what it shows there (it may not be the route
    // asked for: a dossier without its secret opens the lookup form), replacing the address.
    void settle(const AppState& state);
    // True when the state shows the page of the current entry.
    bool onEntry(const AppState& state);
    // The kiosk wipe: the entries of the citizen who left lead nowhere (Back shows home).
    void forget();

  private:
    struct Entry {
        std::string key;
        std::string url;
    };
    Entry& current();

    std::vector<Entry> m_entries;
    int m_index = 0;
    std::string m_fixedUrl;
    bool m_started = false;
    bool m_backPending = false; // the app's back button asked the browser to go back
};

} // namespace motcua
