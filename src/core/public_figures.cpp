// Parsing of the public figures and counter replies: tolerant of extra fields, strict on shape.
#include "core/public_figures.h"

#include <nlohmann/json.hpp>

#include "core/json_guard.h"

namespace motcua {

namespace {
LocalizedName nameOf(const nlohmann::json& j) {
    LocalizedName n;
    if (!j.is_object()) return n;
    if (auto it = j.find("name"); it != j.end() && it->is_string()) n.name = it->get<std::string>();
    if (auto names = j.find("names"); names != j.end() && names->is_object()) {
        if (auto vi = names->find("vi"); vi != names->end() && vi->is_string())
            n.vi = vi->get<std::string>();
        if (auto en = names->find("en"); en != names->end() && en->is_string())
            n.en = en->get<std::string>();
    }
    return n;
}

int intOf(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return (it != j.end() && it->is_number_integer()) ? it->get<int>() : 0;
}

bool boolOf(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

double rateOf(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return -1;
    const double v = it->get<double>();
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
    if (auto v = doc.find("version"); v != doc.end() && v->is_number_integer())
        s.version = v->get<int64_t>();
    if (auto t = doc.find("counter_token"); t != doc.end() && t->is_string())
        s.token = t->get<std::string>();
    if (auto d = doc.find("dossier"); d != doc.end() && d->is_object()) {
        CounterDossier cd;
        if (auto c = d->find("code_masked"); c != d->end() && c->is_string())
            cd.codeMasked = c->get<std::string>();
        cd.procedure = nameOf(d->value("procedure", nlohmann::json::object()));
        cd.agency = nameOf(d->value("agency", nlohmann::json::object()));
        cd.ratingEligible = boolOf(*d, "rating_eligible");
        cd.rated = boolOf(*d, "rated");
        s.dossier = std::move(cd);
    }
    return R::success(std::move(s));
}

} // namespace motcua
