// Everything the screens read: which screen is open, settings, forms and what the network said.
// Screens read it and emit intents; only the controllers change it (apart from form text typed).
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/intent.h"
#include "core/ask_matcher.h"
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
    Io load = Io::Idle;     // the lookup or refresh in flight
    std::string message;    // i18n key of the last problem, empty when none
    bool offline = false;   // the last attempt could not reach the server
    int64_t updatedAt = 0;  // epoch seconds of the last good reply (or of the cached copy)
    std::string changeNote; // what the last live update changed (already translated)
    bool shared = false;
    std::string copied; // which payment detail was copied last (its button then says so)
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
    std::optional<AskAnswer> answer;
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
    Io load = Io::Idle;
    std::string message;
    std::vector<Place> items;
};

struct AlertsView {
    std::vector<Alert> items;
    // Where the list was opened from: its back button returns there, as it was left.
    Screen back = Screen::Home;
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
    std::string notice;       // a message for any screen (a USB scanner read something odd)
    bool updateReady = false; // a new app version waits for the citizen's consent
    int installHint = 0;      // 1 install prompt available, 2 iOS instructions
    RecentDossiers recents;
    int64_t now = 0; // wall clock, epoch seconds, for "days left"
};

} // namespace motcua
