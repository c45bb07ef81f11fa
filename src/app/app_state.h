// Everything the screens read: which screen is open, settings, forms and what the network said.
// Screens read it and emit intents; only the App changes it (apart from form text being typed).
#pragma once

#include <string>
#include <vector>

#include "core/dossier.h"
#include "core/i18n.h"
#include "core/recent_dossiers.h"
#include "core/timeline.h"

namespace motcua {

enum class Screen { Home, Lookup, Dossier, Scan };

// The state of one asynchronous operation, shown on screen each frame.
enum class Io { Idle, Loading, Done, Failed };

struct LookupForm {
    std::string code;
    std::string secret;
    Io state = Io::Idle;
    std::string message; // i18n key of the last failure, empty when none
};

// The dossier that is open: the last good copy, and how fresh it is.
struct DossierView {
    std::string code;
    std::string secret;
    std::optional<Dossier> dossier; // the last good state; never replaced by a bad reply
    Timeline timeline;
    Io load = Io::Idle;       // the lookup or refresh in flight
    std::string message;      // i18n key of the last problem, empty when none
    bool offline = false;     // the last attempt could not reach the server
    int64_t updatedAt = 0;    // epoch seconds of the last good reply (or of the cached copy)
    std::string changeNote;   // what the last live update changed (already translated)
    bool shared = false;
};

struct AppState {
    Screen screen = Screen::Home;
    Language language = Language::Vi;
    float textScale = 1.0f;
    bool kiosk = false;
    LookupForm lookup;
    DossierView view;
    RecentDossiers recents;
    int64_t now = 0; // wall clock, epoch seconds, for "days left"
};

struct Intent {
    enum class Kind {
        Navigate,      // screen
        SetLanguage,   // language
        SetTextScale,  // number
        SubmitLookup,
        OpenRecent,    // text = code
        RemoveRecent,  // text = code
        ClearRecents,
        Refresh,
        Share,
    };
    Kind kind;
    Screen screen = Screen::Home;
    Language language = Language::Vi;
    float number = 0;
    std::string text;
};

using Intents = std::vector<Intent>;

} // namespace motcua
