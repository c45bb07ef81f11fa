// Everything the screens read: which screen is open, settings, forms and what the network said.
// Screens read it and emit intents; only the App changes it (apart from form text being typed).
#pragma once

#include <string>
#include <vector>

#include "core/i18n.h"

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

struct AppState {
    Screen screen = Screen::Home;
    Language language = Language::Vi;
    float textScale = 1.0f;
    bool kiosk = false;
    LookupForm lookup;
};

struct Intent {
    enum class Kind {
        Navigate,      // screen
        SetLanguage,   // language
        SetTextScale,  // number
        SubmitLookup,
    };
    Kind kind;
    Screen screen = Screen::Home;
    Language language = Language::Vi;
    float number = 0;
    std::string text;
};

using Intents = std::vector<Intent>;

} // namespace motcua
