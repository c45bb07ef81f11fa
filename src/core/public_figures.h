// Public figures per agency (GET /api/v1/stats) and the counter terminal's state
// (GET /api/v1/counters/{n}), parsed without throwing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dossier.h"
#include "core/result.h"

namespace motcua {

struct AgencyFigures {
    LocalizedName agency;
    int received = 0;
    int finished = 0;
    double onTimeRate = -1; // percent; < 0 when nothing finished yet
    int ratings = 0;
    double satisfactionRate = -1; // percent; < 0 when nobody rated yet
};

Result<std::vector<AgencyFigures>> parsePublicFigures(std::string_view json);

struct CounterDossier {
    std::string codeMasked;
    LocalizedName procedure;
    LocalizedName agency;
    bool ratingEligible = false;
    bool rated = false;
};

struct CounterStatus {
    int counter = 0;
    int64_t version = 0;
    std::optional<CounterDossier> dossier; // none: nobody is being served
    std::string token;
};

Result<CounterStatus> parseCounterStatus(std::string_view json);

} // namespace motcua
