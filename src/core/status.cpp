// Status table: one row per status of assets/domain/statuses.json; icon and colour follow the
// family so that the list, detail header and timeline use the same meaning everywhere.
#include "core/status.h"

#include <string>
#include <string_view>
#include <vector>

#include "core/domain_facts.h"

namespace motcua {

namespace {

// Dark enough that the status words (drawn in the colour on a 10% tint of it) reach 4.5:1 and the
// white marks in the icons too (tests/ui/theme_contrast_test.cpp).
constexpr Rgba kBlue{0x1a, 0x60, 0xbd, 0xff};
constexpr Rgba kAmber{0x94, 0x57, 0x00, 0xff};
constexpr Rgba kGreen{0x15, 0x74, 0x3e, 0xff};
constexpr Rgba kRed{0xb4, 0x23, 0x18, 0xff};
constexpr Rgba kGrey{0x5f, 0x66, 0x70, 0xff};

constexpr const char* kIconUnknown = "status_unknown";

struct Presentation {
    StatusFamily family;
    const char* iconId;
    Rgba colour;
};

Presentation presentation(std::string_view family) {
    if (family == "processing") return {StatusFamily::Processing, "status_processing", kBlue};
    if (family == "needs_action") return {StatusFamily::NeedsAction, "status_action", kAmber};
    if (family == "done") return {StatusFamily::Done, "status_done", kGreen};
    if (family == "refused") return {StatusFamily::Refused, "status_refused", kRed};
    if (family == "withdrawn") return {StatusFamily::Withdrawn, "status_withdrawn", kGrey};
    return {StatusFamily::Unknown, kIconUnknown, kGrey};
}

const StatusInfo kUnknown{.code = 0,
                          .i18nKey = "status.unknown",
                          .iconId = kIconUnknown,
                          .family = StatusFamily::Unknown,
                          .colour = kGrey};

// i18nKey points into `keys`, which is filled completely before any row takes a pointer.
struct Table {
    std::vector<std::string> keys;
    std::vector<StatusInfo> rows;
};

const Table& table() {
    static const Table kTable = [] {
        Table t;
        const auto& facts = domainFacts().statuses;
        for (const StatusFact& f : facts)
            t.keys.push_back("status." + std::to_string(f.code));
        for (size_t i = 0; i < facts.size(); ++i) {
            const StatusFact& f = facts[i];
            const Presentation p = presentation(f.family);
            t.rows.push_back({.code = f.code,
                              .i18nKey = t.keys[i].c_str(),
                              .iconId = p.iconId,
                              .family = p.family,
                              .colour = p.colour,
                              .known = true,
                              .closed = f.closed,
                              .paused = f.paused,
                              .resultReady = f.resultReady,
                              .ratingEligible = f.ratingAllowed});
        }
        return t;
    }();
    return kTable;
}

} // namespace

bool isKnownStatus(int code) {
    return statusInfo(code).known;
}

const StatusInfo& statusInfo(int code) {
    for (const StatusInfo& s : table().rows)
        if (s.code == code) return s;
    return kUnknown;
}

const StatusInfo& statusFamilyInfo(StatusFamily family) {
    // Icon and colour are the family's; the first status of it stands for the rest.
    for (const StatusInfo& s : table().rows)
        if (s.family == family) return s;
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
