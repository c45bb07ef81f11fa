// Parsing of the public figures and counter replies: tolerant of extra fields, strict on shape.
#include "core/public_figures.h"

#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/json_fields.h"
#include "core/json_guard.h"

namespace motcua {

namespace {
LocalizedName nameOf(const nlohmann::json& j) {
    LocalizedName n;
    if (!j.is_object()) return n;
    n.name = stringField(j, "name");
    if (const nlohmann::json* names = objectField(j, "names")) {
        n.vi = stringField(*names, "vi");
        n.en = stringField(*names, "en");
    }
    return n;
}

int intOf(const nlohmann::json& j, const char* key) {
    return static_cast<int>(std::clamp<int64_t>(intField(j, key), INT32_MIN, INT32_MAX));
}

double rateOf(const nlohmann::json& j, const char* key) {
    const double v = optNumberField(j, key).value_or(-1);
    return (v >= 0 && v <= 100) ? v : -1;
}
} // namespace

Result<std::vector<AgencyFigures>> parsePublicFigures(std::string_view json) {
    using R = Result<std::vector<AgencyFigures>>;
    nlohmann::json doc;
    if (const ParseError e = parseJsonText(json, kMaxJsonBytes, doc); e != ParseError::None)
        return R::failure(e, "stats: not JSON");
    if (!doc.is_object() || !doc.contains("items") || !doc["items"].is_array())
        return R::failure(ParseError::Malformed, "stats: no items array");
    std::vector<AgencyFigures> out;
    for (const auto& item : doc["items"]) {
        if (!item.is_object()) continue;
        AgencyFigures f;
        f.agency = nameOf(item.value("agency", nlohmann::json::object()));
        if (f.agency.name.empty()) continue;
        f.received = intOf(item, "received");
        f.finished = intOf(item, "finished");
        f.ratings = intOf(item, "ratings");
        f.onTimeRate = f.finished > 0 ? rateOf(item, "on_time_rate") : -1;
        f.satisfactionRate = f.ratings > 0 ? rateOf(item, "satisfaction_rate") : -1;
        out.push_back(std::move(f));
    }
    return R::success(std::move(out));
}

Result<CounterStatus> parseCounterStatus(std::string_view json) {
    using R = Result<CounterStatus>;
    nlohmann::json doc;
    if (const ParseError e = parseJsonText(json, kMaxJsonBytes, doc); e != ParseError::None)
        return R::failure(e, "counter: not JSON");
    if (!doc.is_object()) return R::failure(ParseError::Malformed, "counter: not an object");
    CounterStatus s;
    s.counter = intOf(doc, "counter");
    s.version = intField(doc, "version", s.version);
    s.token = stringField(doc, "counter_token");
    if (const nlohmann::json* d = objectField(doc, "dossier")) {
        CounterDossier cd;
        cd.codeMasked = stringField(*d, "code_masked");
        cd.procedure = nameOf(d->value("procedure", nlohmann::json::object()));
        cd.agency = nameOf(d->value("agency", nlohmann::json::object()));
        cd.ratingEligible = boolField(*d, "rating_eligible");
        cd.rated = boolField(*d, "rated");
        s.dossier = std::move(cd);
    }
    return R::success(std::move(s));
}

} // namespace motcua
