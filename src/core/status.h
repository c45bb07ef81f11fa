// The ten national dossier statuses (TrangThaiHoSo) and how the UI should present each:
// i18n key, open/closed/paused flags (from assets/domain/statuses.json), icon and colour per family.
#pragma once

#include <cstdint>

namespace motcua {

// Colour families: the UI colours a status by what it means for the citizen.
enum class StatusFamily {
    Processing,  // 1, 2, 4: blue, nothing to do but wait
    NeedsAction, // 5, 6: amber, the citizen must bring papers or pay
    Done,        // 9, 10: green, result ready or returned
    Refused,     // 3, 8: red, not accepted or stopped
    Withdrawn,   // 7: grey, the citizen withdrew it
    Unknown,     // a code this app version does not know: grey, shown as "unknown"
};

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba&) const = default;
};

struct StatusInfo {
    int code = 0;             // 1..10; 0 for unknown
    const char* i18nKey = ""; // "status.4"; "status.unknown"
    const char* iconId = "";  // "status_processing", "status_action", ...
    StatusFamily family = StatusFamily::Unknown;
    Rgba colour;
    bool known = false;
    bool closed = false;
    bool paused = false;         // waiting on the citizen or stopped
    bool resultReady = false;    // 9: come and collect
    bool ratingEligible = false; // 9, 10
};

bool isKnownStatus(int code);
// Always returns a usable entry; unknown codes get the "unknown" entry (known == false).
const StatusInfo& statusInfo(int code);
const StatusInfo& statusFamilyInfo(StatusFamily family); // representative entry for legends
const char* statusFamilyKey(StatusFamily family);        // "status_family.processing"

} // namespace motcua
