// Everything the screens read: which screen is open, settings, forms and what the network said.
// Screens read it and emit intents; only the App changes it (apart from form text being typed).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/dossier.h"
#include "core/i18n.h"
#include "core/outbox.h"
#include "core/public_figures.h"
#include "core/rating_form.h"
#include "core/recent_dossiers.h"
#include "core/timeline.h"
#include "platform/scanner.h"

namespace motcua {

enum class Screen { Home, Lookup, Dossier, Scan, Rate, Stats, Counter };

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

// The camera scanner screen.
struct ScanView {
    scanner::State state = scanner::State::Idle;
    unsigned texture = 0;
    bool canTorch = false, canSwitch = false, torchOn = false;
    int videoWidth = 0, videoHeight = 0;
    std::string notReceipt;   // what a non-receipt QR contained (shown, never followed)
    bool photoFailed = false;
    std::array<float, 8> corners{}; // the last code's corners in video pixels
    double cornersAtMs = 0;   // when they were seen (the highlight fades)
    bool cornersOk = false;   // green for a receipt, amber for something else
};

// The satisfaction form for the open dossier; kept across errors so nothing typed is lost.
struct RatingView {
    std::string dossierCode;
    RatingForm form;
    std::vector<FormProblem> problems;
    std::string outboxKey; // set once submitted: the outbox item that carries it
};

struct StatsView {
    Io load = Io::Idle;
    std::string message;
    std::vector<AgencyFigures> items;
};

// The counter terminal (?mode=counter&counter=N).
struct CounterView {
    int counter = 0;
    Io load = Io::Idle;
    std::string message;
    std::optional<CounterStatus> status;
    enum class Phase { Waiting, Sending, Thanks, Failed } phase = Phase::Waiting;
    double thanksUntilMs = 0;
    std::string ratedKey; // idempotency key of the rating being sent
};

struct AppState {
    Screen screen = Screen::Home;
    Language language = Language::Vi;
    float textScale = 1.0f;
    bool kiosk = false;
    LookupForm lookup;
    DossierView view;
    ScanView scan;
    RatingView rating;
    StatsView stats;
    CounterView counter;
    Outbox outbox;
    std::string notice; // a message for any screen (a USB scanner read something odd)
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
        ScanTorch,
        ScanSwitchCamera,
        ScanPickPhoto,
        StartRating,      // open the form for the dossier on screen
        SetRating,        // text = field (overall, attitude, on_time, ease, visits), number = value
        SubmitRating,
        OpenStats,
        CounterRate,      // number = level (0 very satisfied, 1 satisfied, 2 dissatisfied)
    };
    Kind kind;
    Screen screen = Screen::Home;
    Language language = Language::Vi;
    float number = 0;
    std::string text;
};

using Intents = std::vector<Intent>;

} // namespace motcua
