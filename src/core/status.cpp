// Status table: one row per national status code; colours follow the family so that the list,
// detail header and timeline use the same meaning everywhere.
#include "core/status.h"

namespace motcua {

namespace {

constexpr Rgba kBlue{0x1e, 0x6f, 0xd9, 0xff};
constexpr Rgba kAmber{0xe0, 0x8e, 0x0b, 0xff};
constexpr Rgba kGreen{0x1f, 0x9d, 0x55, 0xff};
constexpr Rgba kRed{0xc8, 0x3a, 0x32, 0xff};
constexpr Rgba kGrey{0x80, 0x86, 0x8f, 0xff};

constexpr const char* kIconProcessing = "status_processing";
constexpr const char* kIconAction = "status_action";
constexpr const char* kIconDone = "status_done";
constexpr const char* kIconRefused = "status_refused";
constexpr const char* kIconWithdrawn = "status_withdrawn";
constexpr const char* kIconUnknown = "status_unknown";

using F = StatusFamily;
const StatusInfo kStatuses[] = {
    {.code = 1,
     .i18nKey = "status.1",
     .iconId = kIconProcessing,
     .family = F::Processing,
     .colour = kBlue,
     .known = true},
    {.code = 2,
     .i18nKey = "status.2",
     .iconId = kIconProcessing,
     .family = F::Processing,
     .colour = kBlue,
     .known = true},
    {.code = 3,
     .i18nKey = "status.3",
     .iconId = kIconRefused,
     .family = F::Refused,
     .colour = kRed,
     .known = true,
     .closed = true},
    {.code = 4,
     .i18nKey = "status.4",
     .iconId = kIconProcessing,
     .family = F::Processing,
     .colour = kBlue,
     .known = true},
    {.code = 5,
     .i18nKey = "status.5",
     .iconId = kIconAction,
     .family = F::NeedsAction,
     .colour = kAmber,
     .known = true,
     .paused = true},
    {.code = 6,
     .i18nKey = "status.6",
     .iconId = kIconAction,
     .family = F::NeedsAction,
     .colour = kAmber,
     .known = true,
     .paused = true},
    {.code = 7,
     .i18nKey = "status.7",
     .iconId = kIconWithdrawn,
     .family = F::Withdrawn,
     .colour = kGrey,
     .known = true,
     .closed = true},
    {.code = 8,
     .i18nKey = "status.8",
     .iconId = kIconRefused,
     .family = F::Refused,
     .colour = kRed,
     .known = true,
     .closed = true,
     .paused = true},
    {.code = 9,
     .i18nKey = "status.9",
     .iconId = kIconDone,
     .family = F::Done,
     .colour = kGreen,
     .known = true,
     .resultReady = true,
     .ratingEligible = true},
    {.code = 10,
     .i18nKey = "status.10",
     .iconId = kIconDone,
     .family = F::Done,
     .colour = kGreen,
     .known = true,
     .closed = true,
     .ratingEligible = true},
};

const StatusInfo kUnknown{.code = 0,
                          .i18nKey = "status.unknown",
                          .iconId = kIconUnknown,
                          .family = F::Unknown,
                          .colour = kGrey};

} // namespace

bool isKnownStatus(int code) {
    return code >= kMinStatusCode && code <= kMaxStatusCode;
}

const StatusInfo& statusInfo(int code) {
    if (!isKnownStatus(code)) return kUnknown;
    return kStatuses[code - kMinStatusCode];
}

const StatusInfo& statusFamilyInfo(StatusFamily family) {
    switch (family) {
    case StatusFamily::Processing:
        return kStatuses[3];
    case StatusFamily::NeedsAction:
        return kStatuses[4];
    case StatusFamily::Done:
        return kStatuses[8];
    case StatusFamily::Refused:
        return kStatuses[2];
    case StatusFamily::Withdrawn:
        return kStatuses[6];
    case StatusFamily::Unknown:
        break;
    }
    return kUnknown;
}

const char* statusFamilyKey(StatusFamily family) {
    switch (family) {
    case StatusFamily::Processing:
        return "status_family.processing";
    case StatusFamily::NeedsAction:
        return "status_family.needs_action";
    case StatusFamily::Done:
        return "status_family.done";
    case StatusFamily::Refused:
        return "status_family.refused";
    case StatusFamily::Withdrawn:
        return "status_family.withdrawn";
    case StatusFamily::Unknown:
        break;
    }
    return "status_family.unknown";
}

} // namespace motcua
