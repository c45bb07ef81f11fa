// libFuzzer target: every server-response parser and the timeline must survive any bytes
// without crashing, hanging or tripping sanitizers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/dossier.h"
#include "core/recent_dossiers.h"
#include "core/timeline.h"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto dossier = parseDossier(text);
    if (dossier.ok()) {
        const Dossier& d = *dossier.value;
        Timeline t = deriveTimeline(d, d.receivedAt.epoch + 3 * 86400);
        if (t.steps.size() != d.steps.size()) __builtin_trap();
        if (t.currentStep >= static_cast<int>(d.steps.size())) __builtin_trap();
        for (int i : t.openSupplements)
            if (i < 0 || static_cast<size_t>(i) >= d.supplements.size()) __builtin_trap();
        (void)formatDong(t.unpaidTotal);
        (void)formatDateTime(d.dueAt.epoch);
        // What the device caches must parse back to the same dossier.
        auto back = parseDossierFromCache(serializeDossierForCache(d));
        if (!back.ok() || back.value->code != d.code || back.value->version != d.version ||
            back.value->steps.size() != d.steps.size())
            __builtin_trap();
    } else if (dossier.code == ParseError::None || dossier.error.empty()) {
        __builtin_trap();
    }
    (void)parseLookupResponse(text);
    (void)parseChangesResponse(text);
    (void)parseApiErrors(text);
    RecentDossiers recent = RecentDossiers::fromJson(text);
    if (recent.size() > RecentDossiers::kMaxEntries) __builtin_trap();
    if (RecentDossiers::fromJson(recent.toJson()).size() != recent.size()) __builtin_trap();
    return 0;
}
