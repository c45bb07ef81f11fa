// Dossier parsing: required fields (code, version, status, received_at, due_at) are strict and
// fail the parse; everything else is tolerant and records a warning, because an older app must
// keep showing dossiers when the server adds or changes secondary fields.
#include "core/dossier.h"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "core/domain_facts.h"
#include "core/dossier_code.h"
#include "core/json_fields.h"
#include "core/json_guard.h"
#include "core/status.h"

namespace motcua {

using nlohmann::json;

namespace {

constexpr size_t kMaxStoredCodeLength = 64;

struct Failure {
    ParseError code = ParseError::None;
    std::string detail;
};

// Reads fields of one JSON object; `m_path` prefixes messages ("steps[2].deadline").
class FieldReader {
  public:
    FieldReader(const json& object, std::string path, std::vector<std::string>& warnings)
        : m_object(object), m_path(std::move(path)), m_warnings(warnings) {}

    const json* find(const char* key) const {
        auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) return nullptr;
        return &*it;
    }

    std::string where(const char* key) const { return m_path.empty() ? key : m_path + "." + key; }

    void warn(const char* key, const char* what) { m_warnings.push_back(where(key) + ": " + what); }

    std::string optString(const char* key) {
        const json* v = find(key);
        if (!v) return {};
        if (!v->is_string()) {
            warn(key, "expected a string");
            return {};
        }
        return v->get<std::string>();
    }

    bool optBool(const char* key, bool fallback = false) {
        const json* v = find(key);
        if (!v) return fallback;
        if (!v->is_boolean()) {
            warn(key, "expected a boolean");
            return fallback;
        }
        return v->get<bool>();
    }

    std::optional<int64_t> optInt(const char* key) {
        const json* v = find(key);
        if (!v) return std::nullopt;
        auto n = asInt(*v);
        if (!n) warn(key, "expected an integer");
        return n;
    }

    std::optional<DateTime> optDate(const char* key) {
        const json* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_string()) {
            warn(key, "expected a date string");
            return std::nullopt;
        }
        auto d = asDate(v->get<std::string>());
        if (!d) warn(key, "not a plausible ISO 8601 date");
        return d;
    }

    const json* optObject(const char* key) {
        const json* v = find(key);
        if (!v) return nullptr;
        if (!v->is_object()) {
            warn(key, "expected an object");
            return nullptr;
        }
        return v;
    }

    const json* optArray(const char* key) {
        const json* v = find(key);
        if (!v) return nullptr;
        if (!v->is_array()) {
            warn(key, "expected an array");
            return nullptr;
        }
        return v;
    }

    // Required fields: the first problem is kept in `m_failure`.
    std::string reqString(const char* key) {
        const json* v = requireField(key);
        if (!v) return {};
        if (!v->is_string()) {
            fail(ParseError::WrongType, key, "expected a string");
            return {};
        }
        return v->get<std::string>();
    }

    int64_t reqInt(const char* key) {
        const json* v = requireField(key);
        if (!v) return 0;
        auto n = asInt(*v);
        if (!n) {
            fail(ParseError::WrongType, key, "expected an integer");
            return 0;
        }
        return *n;
    }

    bool reqBool(const char* key) {
        const json* v = requireField(key);
        if (!v) return false;
        if (!v->is_boolean()) {
            fail(ParseError::WrongType, key, "expected a boolean");
            return false;
        }
        return v->get<bool>();
    }

    DateTime reqDate(const char* key) {
        const json* v = requireField(key);
        if (!v) return {};
        if (!v->is_string()) {
            fail(ParseError::WrongType, key, "expected a date string");
            return {};
        }
        auto d = asDate(v->get<std::string>());
        if (!d) {
            fail(ParseError::BadValue, key, "not a plausible ISO 8601 date");
            return {};
        }
        return *d;
    }

    void fail(ParseError code, const char* key, const char* what) {
        if (m_failure.code != ParseError::None) return;
        m_failure.code = code;
        m_failure.detail = where(key) + ": " + what;
    }

    const Failure& failure() const { return m_failure; }

  private:
    const json* requireField(const char* key) {
        const json* v = find(key);
        if (!v) fail(ParseError::MissingField, key, "missing");
        return v;
    }

    static std::optional<int64_t> asInt(const json& v) { return asInt64(v); }

    static std::optional<DateTime> asDate(const std::string& text) {
        auto epoch = parseIsoTimestamp(text);
        if (!epoch || !isPlausibleEpoch(*epoch)) return std::nullopt;
        return DateTime{text, *epoch};
    }

    const json& m_object;
    std::string m_path;
    std::vector<std::string>& m_warnings;
    Failure m_failure;
};

LocalizedName readName(FieldReader& r) {
    LocalizedName n;
    n.name = r.optString("name");
    if (const json* names = r.optObject("names")) {
        std::vector<std::string> ignored;
        FieldReader nr(*names, "names", ignored);
        n.vi = nr.optString("vi");
        n.en = nr.optString("en");
    }
    if (n.name.empty()) n.name = !n.vi.empty() ? n.vi : n.en;
    return n;
}

template <class T, class F>
std::vector<T> readArray(FieldReader& r, const char* key, std::vector<std::string>& warnings,
                         F readOne) {
    std::vector<T> out;
    const json* array = r.optArray(key);
    if (!array) return out;
    out.reserve(array->size());
    size_t index = 0;
    for (const json& item : *array) {
        std::string path = r.where(key) + "[" + std::to_string(index++) + "]";
        if (!item.is_object()) {
            warnings.push_back(path + ": expected an object, skipped");
            continue;
        }
        FieldReader ir(item, path, warnings);
        out.push_back(readOne(ir));
    }
    return out;
}

std::optional<RatingLevel> readLevel(FieldReader& r, const char* key) {
    std::string s = r.optString(key);
    if (s.empty()) return std::nullopt;
    auto level = ratingLevelFromKey(s);
    if (!level) r.warn(key, "unknown rating level");
    return level;
}

std::optional<Rating> readRating(FieldReader& r) {
    Rating rating;
    auto overall = readLevel(r, "overall");
    if (!overall) {
        r.warn("overall", "missing or unknown; rating ignored");
        return std::nullopt;
    }
    rating.overall = *overall;
    if (const json* criteria = r.optObject("criteria")) {
        std::vector<std::string> ignored;
        FieldReader cr(*criteria, r.where("criteria"), ignored);
        rating.attitude = readLevel(cr, "attitude");
        rating.onTime = readLevel(cr, "on_time");
        rating.ease = readLevel(cr, "ease");
    }
    std::string visits = r.optString("visits");
    if (visits == "0")
        rating.visits = Visits::Zero;
    else if (visits == "1")
        rating.visits = Visits::One;
    else if (visits == "more")
        rating.visits = Visits::More;
    else if (!visits.empty())
        r.warn("visits", "unknown value");
    if (r.find("comment")) rating.comment = r.optString("comment");
    rating.createdAt = r.optDate("created_at");
    return rating;
}

Result<Dossier> readDossier(const json& object) {
    if (!object.is_object())
        return Result<Dossier>::failure(ParseError::Malformed, "dossier: expected an object");
    Dossier d;
    FieldReader r(object, "", d.warnings);

    d.code = r.reqString("code");
    d.version = r.reqInt("version");
    int64_t status = r.reqInt("status");
    d.receivedAt = r.reqDate("received_at");
    d.dueAt = r.reqDate("due_at");
    if (r.failure().code != ParseError::None)
        return Result<Dossier>::failure(r.failure().code, r.failure().detail);
    if (d.code.empty() || d.code.size() > kMaxStoredCodeLength)
        return Result<Dossier>::failure(ParseError::BadValue, "code: empty or too long");
    if (!isValidCode(d.code)) r.warn("code", "does not follow the usual code pattern");
    if (d.version < 0) return Result<Dossier>::failure(ParseError::BadValue, "version: negative");
    d.status = static_cast<int>(std::clamp<int64_t>(status, -1000000, 1000000));
    d.statusKnown = isKnownStatus(d.status);
    if (!d.statusKnown) r.warn("status", "unknown status code");

    if (const json* p = r.optObject("procedure")) {
        FieldReader pr(*p, "procedure", d.warnings);
        d.procedure.code = pr.optString("code");
        d.procedure.name = readName(pr);
    }
    if (const json* a = r.optObject("agency")) {
        FieldReader ar(*a, "agency", d.warnings);
        d.agency.code = ar.optString("code");
        d.agency.name = readName(ar);
    }
    d.owner = r.optString("owner");
    std::string channel = r.optString("channel");
    d.channel = channel == "counter"  ? Channel::Counter
                : channel == "online" ? Channel::Online
                : channel == "post"   ? Channel::Post
                                      : Channel::Unknown;
    d.originalDueAt = r.optDate("original_due_at");
    d.dueHistory = readArray<DueChange>(r, "due_history", d.warnings, [](FieldReader& ir) {
        DueChange c;
        c.previousDueAt = ir.optDate("previous_due_at");
        c.dueAt = ir.optDate("due_at");
        c.apology = ir.optBool("apology");
        c.reason = ir.optString("reason");
        c.issuedAt = ir.optDate("issued_at");
        return c;
    });
    d.statusName = r.optString("status_name");
    d.statusNote = r.optString("status_note");
    if (const json* h = r.optObject("holder")) {
        FieldReader hr(*h, "holder", d.warnings);
        d.holder = Holder{hr.optString("unit"), hr.optString("role")};
    }
    d.completedAt = r.optDate("completed_at");
    d.returnedAt = r.optDate("returned_at");
    d.steps = readArray<Step>(r, "steps", d.warnings, [](FieldReader& ir) {
        Step s;
        s.seq = static_cast<int>(std::clamp<int64_t>(ir.optInt("seq").value_or(0), 0, 1000000));
        s.unit = ir.optString("unit");
        s.role = ir.optString("role");
        s.action = ir.optString("action");
        s.status = static_cast<int>(std::clamp<int64_t>(ir.optInt("status").value_or(0), 0, 1000));
        s.startedAt = ir.optDate("started_at");
        s.handledAt = ir.optDate("handled_at");
        s.deadline = ir.optDate("deadline");
        return s;
    });
    // Steps are shown in sequence order; servers that send them unordered still display right.
    std::stable_sort(d.steps.begin(), d.steps.end(),
                     [](const Step& a, const Step& b) { return a.seq < b.seq; });
    d.supplements = readArray<Supplement>(r, "supplements", d.warnings, [](FieldReader& ir) {
        Supplement s;
        s.id = ir.optInt("id").value_or(0);
        s.content = ir.optString("content");
        s.requestedAt = ir.optDate("requested_at");
        s.deadline = ir.optDate("deadline");
        std::string state = ir.optString("state");
        s.state = state == "open"        ? SupplementState::Open
                  : state == "fulfilled" ? SupplementState::Fulfilled
                                         : SupplementState::Unknown;
        s.oldDueAt = ir.optDate("old_due_at");
        s.newDueAt = ir.optDate("new_due_at");
        return s;
    });
    d.fees = readArray<Fee>(r, "fees", d.warnings, [](FieldReader& ir) {
        Fee f;
        f.name = ir.optString("name");
        f.amount = ir.optInt("amount").value_or(0);
        if (f.amount < 0) {
            ir.warn("amount", "negative, treated as 0");
            f.amount = 0;
        }
        f.paid = ir.optBool("paid");
        return f;
    });
    d.results = readArray<ResultDocument>(r, "results", d.warnings, [](FieldReader& ir) {
        ResultDocument doc;
        doc.name = ir.optString("name");
        doc.collectPlace = ir.optString("collect_place");
        doc.collectFrom = ir.optDate("collect_from");
        return doc;
    });
    d.ratingEligible = r.optBool("rating_eligible");
    if (const json* rating = r.optObject("rating")) {
        FieldReader rr(*rating, "rating", d.warnings);
        d.rating = readRating(rr);
    }
    d.updatedAt = r.optDate("updated_at");

    if (exceedsDepth(object, kMaxJsonDepth))
        return Result<Dossier>::failure(ParseError::Malformed, "dossier: nested too deeply");
    d.sourceJson = object.dump(-1, ' ', false, json::error_handler_t::replace);
    return Result<Dossier>::success(std::move(d));
}

template <class T> Result<T> fromFailure(const Failure& f) {
    return Result<T>::failure(f.code, f.detail);
}

template <class T> Result<T> propagate(const Result<Dossier>& inner, const char* prefix) {
    return Result<T>::failure(inner.code, std::string(prefix) + inner.error);
}

} // namespace

Result<Dossier> parseDossierJson(const json& object) {
    try {
        return readDossier(object);
    } catch (const std::exception& e) {
        return Result<Dossier>::failure(ParseError::Malformed, e.what());
    } catch (...) {
        return Result<Dossier>::failure(ParseError::Malformed, "unexpected error");
    }
}

Result<Dossier> parseDossier(std::string_view text) {
    json object;
    if (ParseError e = parseJsonText(text, kMaxJsonBytes, object); e != ParseError::None)
        return Result<Dossier>::failure(e, "dossier: not valid JSON or too large");
    return parseDossierJson(object);
}

Result<LookupResponse> parseLookupResponse(std::string_view text) {
    using R = Result<LookupResponse>;
    try {
        json object;
        if (ParseError e = parseJsonText(text, kMaxJsonBytes, object); e != ParseError::None)
            return R::failure(e, "lookup: not valid JSON or too large");
        if (!object.is_object()) return R::failure(ParseError::Malformed, "lookup: not an object");
        std::vector<std::string> warnings;
        FieldReader r(object, "", warnings);
        LookupResponse out;
        out.token = r.reqString("token");
        const json* dossier = r.find("dossier");
        if (!dossier) r.fail(ParseError::MissingField, "dossier", "missing");
        if (r.failure().code != ParseError::None) return fromFailure<LookupResponse>(r.failure());
        if (out.token.empty()) return R::failure(ParseError::BadValue, "token: empty");
        out.expiresIn = std::max<int64_t>(0, r.optInt("expires_in").value_or(0));
        auto parsed = parseDossierJson(*dossier);
        if (!parsed) return propagate<LookupResponse>(parsed, "dossier.");
        out.dossier = std::move(*parsed.value);
        return R::success(std::move(out));
    } catch (...) {
        return R::failure(ParseError::Malformed, "lookup: unexpected error");
    }
}

Result<ChangesResponse> parseChangesResponse(std::string_view text) {
    using R = Result<ChangesResponse>;
    try {
        json object;
        if (ParseError e = parseJsonText(text, kMaxJsonBytes, object); e != ParseError::None)
            return R::failure(e, "changes: not valid JSON or too large");
        if (!object.is_object()) return R::failure(ParseError::Malformed, "changes: not an object");
        std::vector<std::string> warnings;
        FieldReader r(object, "", warnings);
        ChangesResponse out;
        out.changed = r.reqBool("changed");
        out.version = r.reqInt("version");
        if (r.failure().code != ParseError::None) return fromFailure<ChangesResponse>(r.failure());
        if (out.changed) {
            const json* dossier = r.find("dossier");
            if (!dossier) return R::failure(ParseError::MissingField, "dossier: missing");
            auto parsed = parseDossierJson(*dossier);
            if (!parsed) return propagate<ChangesResponse>(parsed, "dossier.");
            out.dossier = std::move(*parsed.value);
        }
        return R::success(std::move(out));
    } catch (...) {
        return R::failure(ParseError::Malformed, "changes: unexpected error");
    }
}

Result<std::vector<ApiError>> parseApiErrors(std::string_view text) {
    using R = Result<std::vector<ApiError>>;
    try {
        json object;
        if (ParseError e = parseJsonText(text, kMaxJsonBytes, object); e != ParseError::None)
            return R::failure(e, "errors: not valid JSON or too large");
        if (!object.is_object()) return R::failure(ParseError::Malformed, "errors: not an object");
        auto it = object.find("errors");
        if (it == object.end() || it->is_null())
            return R::failure(ParseError::MissingField, "errors: missing");
        if (!it->is_array()) return R::failure(ParseError::WrongType, "errors: expected an array");
        std::vector<ApiError> out;
        for (const json& item : *it) {
            if (!item.is_object()) continue;
            ApiError e;
            auto code = item.find("code");
            if (code != item.end()) {
                if (code->is_string())
                    e.code = code->get<std::string>();
                else if (code->is_number_integer())
                    e.code = std::to_string(code->get<int64_t>());
            }
            auto description = item.find("description");
            if (description != item.end() && description->is_string())
                e.description = description->get<std::string>();
            out.push_back(std::move(e));
        }
        return R::success(std::move(out));
    } catch (...) {
        return R::failure(ParseError::Malformed, "errors: unexpected error");
    }
}

std::string serializeDossierForCache(const Dossier& dossier) {
    return dossier.sourceJson;
}

Result<Dossier> parseDossierFromCache(std::string_view text) {
    return parseDossier(text);
}

// The scale's codes come from assets/domain/rating.json, best first, in the enum's order.
const char* ratingLevelKey(RatingLevel level) {
    const auto& levels = domainFacts().ratingLevels;
    const auto i = static_cast<size_t>(level);
    return i < levels.size() ? levels[i].c_str() : "";
}

std::optional<RatingLevel> ratingLevelFromKey(std::string_view key) {
    const auto& levels = domainFacts().ratingLevels;
    for (auto level :
         {RatingLevel::VerySatisfied, RatingLevel::Satisfied, RatingLevel::Dissatisfied})
        if (static_cast<size_t>(level) < levels.size() && levels[static_cast<size_t>(level)] == key)
            return level;
    return std::nullopt;
}

const char* visitsKey(Visits visits) {
    switch (visits) {
    case Visits::Zero:
        return "0";
    case Visits::One:
        return "1";
    case Visits::More:
        return "more";
    }
    return "0";
}

} // namespace motcua
