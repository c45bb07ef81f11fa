// Dossier parsing: required fields (code, version, status, received_at, due_at) are strict and
// fail the parse; everything else is tolerant and records a warning, because an older app must
// keep showing dossiers when the server adds or changes secondary fields.
#include "core/dossier.h"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/domain_facts.h"
#include "core/dossier_code.h"
#include "core/json_guard.h"
#include "core/payload_reader.h"
#include "core/status.h"

namespace motcua {

using nlohmann::json;

namespace {

constexpr size_t kMaxStoredCodeLength = 64;

LocalizedName readName(PayloadReader& r) {
    LocalizedName n;
    n.name = r.optString("name");
    if (const json* names = r.optObject("names")) {
        std::vector<std::string> ignored;
        PayloadReader nr(*names, "names", ignored);
        n.vi = nr.optString("vi");
        n.en = nr.optString("en");
    }
    if (n.name.empty()) n.name = !n.vi.empty() ? n.vi : n.en;
    return n;
}

template <class T, class F>
std::vector<T> readArray(PayloadReader& r, const char* key, std::vector<std::string>& warnings,
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
        PayloadReader ir(item, path, warnings);
        out.push_back(readOne(ir));
    }
    return out;
}

std::optional<RatingLevel> readLevel(PayloadReader& r, const char* key) {
    std::string s = r.optString(key);
    if (s.empty()) return std::nullopt;
    auto level = ratingLevelFromKey(s);
    if (!level) r.warn(key, "unknown rating level");
    return level;
}

std::optional<Rating> readRating(PayloadReader& r) {
    Rating rating;
    auto overall = readLevel(r, "overall");
    if (!overall) {
        r.warn("overall", "missing or unknown; rating ignored");
        return std::nullopt;
    }
    rating.overall = *overall;
    if (const json* criteria = r.optObject("criteria")) {
        std::vector<std::string> ignored;
        PayloadReader cr(*criteria, r.where("criteria"), ignored);
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
    PayloadReader r(object, "", d.warnings);

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
        PayloadReader pr(*p, "procedure", d.warnings);
        d.procedure.code = pr.optString("code");
        d.procedure.name = readName(pr);
    }
    if (const json* a = r.optObject("agency")) {
        PayloadReader ar(*a, "agency", d.warnings);
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
    d.dueHistory = readArray<DueChange>(r, "due_history", d.warnings, [](PayloadReader& ir) {
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
        PayloadReader hr(*h, "holder", d.warnings);
        d.holder = Holder{hr.optString("unit"), hr.optString("role")};
    }
    d.completedAt = r.optDate("completed_at");
    d.returnedAt = r.optDate("returned_at");
    d.steps = readArray<Step>(r, "steps", d.warnings, [](PayloadReader& ir) {
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
    d.supplements = readArray<Supplement>(r, "supplements", d.warnings, [](PayloadReader& ir) {
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
    d.fees = readArray<Fee>(r, "fees", d.warnings, [](PayloadReader& ir) {
        Fee f;
        f.name = ir.optString("name");
        f.amount = ir.optInt("amount").value_or(0);
        if (f.amount < 0) {
            ir.warn("amount", "negative, treated as 0");
            f.amount = 0;
        }
        f.paid = ir.optBool("paid");
        f.paymentReference = ir.optString("payment_reference");
        return f;
    });
    if (const json* a = r.optObject("payment_account")) {
        PayloadReader ar(*a, "payment_account", d.warnings);
        d.paymentAccount =
            PaymentAccount{ar.optString("bank_bin"), ar.optString("bank_name"),
                           ar.optString("account_number"), ar.optString("account_name")};
    }
    d.results = readArray<ResultDocument>(r, "results", d.warnings, [](PayloadReader& ir) {
        ResultDocument doc;
        doc.name = ir.optString("name");
        doc.collectPlace = ir.optString("collect_place");
        doc.collectFrom = ir.optDate("collect_from");
        return doc;
    });
    d.ratingEligible = r.optBool("rating_eligible");
    if (const json* rating = r.optObject("rating")) {
        PayloadReader rr(*rating, "rating", d.warnings);
        d.rating = readRating(rr);
    }
    d.updatedAt = r.optDate("updated_at");

    if (exceedsDepth(object, kMaxJsonDepth))
        return Result<Dossier>::failure(ParseError::Malformed, "dossier: nested too deeply");
    d.sourceJson = object.dump(-1, ' ', false, json::error_handler_t::replace);
    return Result<Dossier>::success(std::move(d));
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
