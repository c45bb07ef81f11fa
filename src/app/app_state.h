// Everything the screens read: which screen is open, settings, forms and what the network said.
// Screens read it and emit intents; only the controllers change it (apart from form text typed).
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/intent.h"
#include "core/ask_matcher.h"
#include "core/datasets.h"
#include "core/dossier.h"
#include "core/i18n.h"
#include "core/local_info.h"
#include "core/outbox.h"
#include "core/procedure_catalog.h"
#include "core/procedure_search.h"
#include "core/public_figures.h"
#include "core/rating_form.h"
#include "core/recent_dossiers.h"
#include "core/scan_pacer.h"
#include "core/timeline.h"
#include "core/vietqr.h"
#include "platform/scanner.h"

namespace motcua {

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
    Io load = Io::Idle;    // the lookup or refresh in flight
    std::string message;   // i18n key of the last problem, empty when none
    bool offline = false;  // the last attempt could not reach the server
    int64_t updatedAt = 0; // epoch seconds of the last good reply (or of the cached copy)
    bool changed = false;  // a live update changed the dossier on show
    std::optional<int> changedStatus; // to this status, when its status changed
    bool shared = false;
    std::string copied; // which payment detail was copied last (its button then says so)
};

// The "notify me when this dossier changes" switch of the open dossier (Web Push).
struct PushView {
    enum class Phase {
        Off,
        Checking, // kept on as remembered while the server is asked whether it still is
        Asking,   // permission, subscription and registration under way
        On,
        TurningOff,
    };
    enum class Problem {
        None,
        Denied,       // notifications blocked for this site: how to allow them
        Dismissed,    // the prompt was closed without an answer
        Unsupported,  // no push in this browser
        NeedsInstall, // iPhone/iPad outside the installed app: how to add it
        Offline,      // no answer: "Try again"
        TooMany,      // the dossier already notifies the most devices it may
        Failed,       // anything else: "Try again"
    };
    Phase phase = Phase::Off;
    Problem problem = Problem::None;
    bool retryOn = true; // what "Try again" asks for
};

// The camera scanner screen.
struct ScanView {
    scanner::State state = scanner::State::Idle;
    unsigned texture = 0;
    bool canTorch = false, canSwitch = false, torchOn = false;
    int videoWidth = 0, videoHeight = 0;
    std::string notReceipt;   // what a non-receipt QR contained (shown, never followed)
    bool paymentCode = false; // that QR is a payment code (VietQR/EMVCo), not a receipt
    std::optional<VietQrTransfer> payment; // what it asks to pay, when it reads cleanly
    VietQrError paymentError = VietQrError::None;
    bool photoFailed = false;
    std::array<float, 8> corners{}; // the last code's corners in video pixels
    double cornersAtMs = 0;         // when they were seen (the highlight fades)
    bool cornersOk = false;         // green for a receipt, amber for something else
    ScanPacer pacer;                // which frames to decode, repeats, tips when nothing reads
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
    // No device credential for this counter on the tablet, or the server refused it (replaced
    // from the back office): the screen says so and nothing is polled until the setup link.
    bool notSetUp = false;
    Io load = Io::Idle;
    std::string message;
    std::optional<CounterStatus> status;
    enum class Phase { Waiting, Sending, Thanks, Failed } phase = Phase::Waiting;
    double thanksUntilMs = 0;
    std::string ratedKey; // idempotency key of the rating being sent
};

// The procedure catalogue on the device: searched as the citizen types, asked in plain words.
struct CatalogView {
    Io load = Io::Idle;
    std::string message;
    std::vector<ProcedureInfo> procedures;
    std::vector<Faq> faqs;
    std::shared_ptr<const SearchIndex> index;
    std::shared_ptr<const AskMatcher> asker;
    std::string query;     // the search box
    std::string lastQuery; // what `hits` answers
    std::string field;     // browsing filter; empty: all fields
    std::string agency;    // browsing filter by agency code; empty: all agencies
    std::vector<SearchHit> hits;
    int open = -1;        // index of the procedure page on screen
    std::string question; // the ask box
    std::string wanted;   // a procedure's code asked for by address, opened once the list is in
    std::optional<AskAnswer> answer;
    std::string asked; // the question `answer` answers (its address: /ask?q=)
};

struct RequestView {
    RequestDraft draft;
    std::string problem;    // i18n key
    std::string pendingKey; // the outbox item carrying the draft being sent
    Io send = Io::Idle;
    std::vector<SentRequest> sent;       // kept on the device to follow them
    std::optional<RequestStatus> status; // the one being followed
    int64_t following = 0;
    Io follow = Io::Idle;
};

struct PlacesView {
    std::string kind = "sight";
    int64_t focus = 0; // one place on show (its address); 0: the whole list of the kind
    Io load = Io::Idle;
    std::string message;
    std::vector<Place> items;
};

struct AlertsView {
    std::vector<Alert> items;
    bool known = false;  // from the device's copy or a reply: until then the line is being loaded
    bool failed = false; // nothing known and the last request failed
    // Where the list was opened from: its back button returns there, as it was left.
    Screen back = Screen::Home;
};

// One dataset's look-up form: what was typed stays through failures, and so does the last answer.
struct DatasetForm {
    std::map<std::string, std::string> values;   // typed, by field name
    std::map<std::string, std::string> problems; // field name → i18n key
    Io state = Io::Idle;
    std::string message; // i18n key of the last failure, empty when none
    bool offline = false;
    std::optional<DatasetAnswer> answer; // the last good answer
};

struct DatasetsView {
    Io load = Io::Idle;
    std::string message;
    std::vector<Dataset> items;
    std::string open;                         // id of the dataset on screen
    std::map<std::string, DatasetForm> forms; // by dataset id
    Language language = Language::Vi;         // the names and labels on show are in it
};

// What the app asks of the page on show. The UI carries out each request once: it remembers the
// serials it has seen.
struct PageRequests {
    unsigned scrollSerial = 0;
    float scrollY = 0.0f;     // 0: the top; else a history entry's page as it was left
    unsigned leaveSerial = 0; // no field stays active and the on-screen keyboard closes

    void scrollTo(float y) {
        ++scrollSerial;
        scrollY = y;
    }
    void scrollTop() { scrollTo(0.0f); }
    void leaveFields() { ++leaveSerial; }
};

// The kiosk's "are you still there?" question, asked over any screen after a while idle.
struct KioskIdle {
    bool asking = false;
    int secondsLeft = 0;
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
    CatalogView catalog;
    RequestView request;
    PlacesView places;
    AlertsView alerts;
    DatasetsView datasets;
    std::string notice;       // a message for any screen (a USB scanner read something odd)
    bool updateReady = false; // a new app version waits for the citizen's consent
    int installHint = 0;      // 1 install prompt available, 2 iOS instructions
    RecentDossiers recents;
    PushView push;   // of the open dossier
    int64_t now = 0; // wall clock, epoch seconds, for "days left"
    PageRequests page;
    KioskIdle kioskIdle;
};

} // namespace motcua
