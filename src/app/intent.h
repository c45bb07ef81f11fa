// What a screen asks the app to do: one small struct per action, carrying exactly the values that
// action needs with their real types (an id stays an int64_t, a rating question is an enum).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/dossier.h"
#include "core/i18n.h"
#include "core/route.h"

namespace motcua {

// The questions of the rating form answered with a satisfaction level.
enum class RatingField { Overall, Attitude, OnTime, Ease };

namespace intent {

struct Navigate {
    Screen screen = Screen::Home;
};
struct SetLanguage {
    Language language = Language::Vi;
};
struct SetTextScale {
    float scale = 1.0f;
};
// Dossier session.
struct SubmitLookup {};
struct OpenRecent {
    std::string code;
};
struct RemoveRecent {
    std::string code;
};
struct ClearRecents {};
struct Refresh {};
struct Share {};
// A page's address (a procedure, a place): Web Share, or copied where there is none.
struct ShareLink {
    std::string title;
    Route route;
};
// Scanner.
struct ScanTorch {};
struct ScanSwitchCamera {};
struct ScanPickPhoto {};
// Rating the open dossier, public figures and the counter terminal.
struct StartRating {};
struct SetRatingLevel {
    RatingField field = RatingField::Overall;
    RatingLevel level = RatingLevel::Satisfied;
};
struct SetRatingVisits {
    Visits visits{};
};
struct SubmitRating {};
struct OpenStats {};
struct CounterRate {
    RatingLevel level = RatingLevel::Satisfied;
};
// The app itself.
struct ApplyUpdate {};
struct Install {};
struct DismissInstall {};
// A kiosk's citizen answered "are you still there?".
struct StillThere {};
// Procedures and the ask box.
struct OpenProcedures {};
struct SetAgency {
    std::string code; // empty: all agencies
};
struct SetField {
    std::string field; // empty: all fields
};
struct OpenProcedure {
    uint32_t index = 0; // into the catalogue
};
struct Ask {};
// Questions and complaints.
struct OpenRequestForm {
    std::string question; // to start the description from
};
struct SetRequestCategory {
    std::string category; // a code of assets/domain/request_categories.json
};
struct SetRequestAnonymous {
    bool anonymous = false;
};
struct SendRequest {};
struct FollowRequest {
    int64_t id = 0;
};
// Local information and alerts.
struct OpenPlaces {
    std::string kind; // empty: the kind shown last
};
struct OpenAlerts {}; // the list of active alerts, over the screen on show
struct CloseAlerts {};
struct OpenLink {
    std::string url; // tel: or a map URL
};
// Other look-ups (datasets).
struct OpenDataset {
    std::string id;
};
struct SubmitDatasetQuery {};
// Web Push news of the open dossier: the switch was tapped (or "Try again").
struct NotifyChanges {
    bool on = false;
};
// Paying a fee by transfer.
struct CopyText {
    std::string text;
    std::string what; // which detail (the button that says "copied" afterwards)
};
struct SaveQrImage {
    std::string fileName;
    int size = 0;        // modules per side
    std::string modules; // '1' dark, '0' light, row after row
    std::string caption; // printed under the code
};

} // namespace intent

using Intent =
    std::variant<intent::Navigate, intent::SetLanguage, intent::SetTextScale, intent::SubmitLookup,
                 intent::OpenRecent, intent::RemoveRecent, intent::ClearRecents, intent::Refresh,
                 intent::Share, intent::ShareLink, intent::ScanTorch, intent::ScanSwitchCamera,
                 intent::ScanPickPhoto, intent::StartRating, intent::SetRatingLevel,
                 intent::SetRatingVisits, intent::SubmitRating, intent::OpenStats,
                 intent::CounterRate, intent::ApplyUpdate, intent::Install, intent::DismissInstall,
                 intent::OpenProcedures, intent::SetAgency, intent::SetField, intent::OpenProcedure,
                 intent::Ask, intent::OpenRequestForm, intent::SetRequestCategory,
                 intent::SetRequestAnonymous, intent::SendRequest, intent::FollowRequest,
                 intent::OpenPlaces, intent::OpenAlerts, intent::CloseAlerts, intent::OpenLink,
                 intent::OpenDataset, intent::SubmitDatasetQuery, intent::NotifyChanges,
                 intent::CopyText, intent::SaveQrImage, intent::StillThere>;

using Intents = std::vector<Intent>;

} // namespace motcua
