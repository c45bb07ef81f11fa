// Parsing assets/domain/*.json, embedded by CMake (tools/embed_assets.py declares them in
// generated/embedded_domain.h). Wrong types leave a part empty and `complete` false instead of
// throwing: the app must still start.
#include "core/domain_facts.h"

#include <algorithm>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "core/json_fields.h"
#include "generated/embedded_domain.h"

namespace motcua {

namespace {

using nlohmann::json;

json parse(std::string_view text) {
    return json::parse(text.begin(), text.end(), nullptr, false);
}

// "2025-05-02" → day number; nullopt unless exactly that shape and a real date.
std::optional<int64_t> isoDay(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    for (size_t i = 0, part = 0; i < s.size(); ++i) {
        if (i == 4 || i == 7) {
            ++part;
            continue;
        }
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        parts[part] = parts[part] * 10 + (s[i] - '0');
    }
    const CivilDate c{parts[0], parts[1], parts[2]};
    if (!isValidDate(c)) return std::nullopt;
    return daysFromCivil(c);
}

bool parseStatuses(const json& doc, DomainFacts& out) {
    const json* list = arrayField(doc, "statuses");
    if (!list) return false;
    for (const json& s : *list) {
        StatusFact f;
        f.code = static_cast<int>(intField(s, "code"));
        f.family = stringField(s, "family");
        f.closed = boolField(s, "closed");
        f.paused = boolField(s, "paused");
        f.resultReady = boolField(s, "result_ready");
        f.ratingAllowed = boolField(s, "rating_allowed");
        const json* words = objectField(s, "words");
        for (Language lang : {Language::Vi, Language::En, Language::Ko, Language::Zh, Language::Ja})
            f.words[static_cast<size_t>(lang)] =
                words ? stringField(*words, languageCode(lang)) : "";
        if (f.code <= 0 || f.family.empty()) return false;
        for (const std::string& w : f.words)
            if (w.empty()) return false;
        out.statuses.push_back(std::move(f));
    }
    std::sort(out.statuses.begin(), out.statuses.end(),
              [](const StatusFact& a, const StatusFact& b) { return a.code < b.code; });
    return !out.statuses.empty();
}

bool parseDays(const json* list, std::vector<int64_t>& out) {
    if (!list || !list->is_array()) return false;
    for (const json& d : *list) {
        const auto day = d.is_string() ? isoDay(d.get_ref<const std::string&>()) : std::nullopt;
        if (!day) return false;
        out.push_back(*day);
    }
    return true;
}

bool parseCalendar(const json& doc, CalendarFacts& out) {
    out.firstYear = static_cast<int>(intField(doc, "first_year"));
    out.lastYear = static_cast<int>(intField(doc, "last_year", -1));
    const json* years = objectField(doc, "years");
    if (!years) return false;
    for (int y = out.firstYear; y <= out.lastYear; ++y) {
        const json* year = objectField(*years, std::to_string(y).c_str());
        if (!year || !parseDays(arrayField(*year, "days_off"), out.daysOff) ||
            !parseDays(arrayField(*year, "make_up_working_days"), out.makeUpWorkingDays))
            return false;
    }
    std::sort(out.daysOff.begin(), out.daysOff.end());
    std::sort(out.makeUpWorkingDays.begin(), out.makeUpWorkingDays.end());
    const json* outside = objectField(doc, "outside_years");
    const json* fixed = outside ? arrayField(*outside, "days_off") : nullptr;
    if (!fixed) return false;
    for (const json& md : *fixed) {
        // "MM-DD", checked against a leap year so that 02-29 would be allowed.
        if (!md.is_string()) return false;
        const auto day = isoDay("2024-" + md.get<std::string>());
        if (!day) return false;
        const CivilDate c = civilFromDays(*day);
        out.daysOffOutsideYears.emplace_back(c.m, c.d);
    }
    return out.firstYear > 0 && out.firstYear <= out.lastYear;
}

bool parseCodes(const json& doc, DomainFacts& out) {
    const json* code = objectField(doc, "dossier_code");
    const json* secret = objectField(doc, "receipt_secret");
    if (!code || !secret) return false;
    out.codePattern = stringField(*code, "pattern");
    out.maxCodeLength = static_cast<size_t>(std::max<int64_t>(0, intField(*code, "max_length")));
    out.secretAlphabet = stringField(*secret, "alphabet");
    out.secretLength = static_cast<size_t>(std::max<int64_t>(0, intField(*secret, "length")));
    return !out.codePattern.empty() && out.maxCodeLength > 0 && !out.secretAlphabet.empty() &&
           out.secretLength > 0;
}

bool parseRating(const json& doc, DomainFacts& out) {
    const json* levels = arrayField(doc, "levels");
    if (!levels) return false;
    for (const json& level : *levels) {
        if (!level.is_string()) return false;
        out.ratingLevels.push_back(level.get<std::string>());
    }
    return !out.ratingLevels.empty();
}

bool parseCategories(const json& doc, DomainFacts& out) {
    const json* list = arrayField(doc, "categories");
    if (!list) return false;
    for (const json& c : *list) {
        const json* names = objectField(c, "names");
        RequestCategoryFact f{stringField(c, "code"), names ? stringField(*names, "vi") : "",
                              names ? stringField(*names, "en") : ""};
        if (f.code.empty() || f.nameVi.empty() || f.nameEn.empty()) return false;
        out.requestCategories.push_back(std::move(f));
    }
    return !out.requestCategories.empty();
}

} // namespace

DomainFacts parseDomainFacts(const DomainFiles& files) {
    DomainFacts out;
    // Evaluated one by one so that a broken file leaves only its own part empty.
    const bool statuses = parseStatuses(parse(files.statuses), out);
    const bool calendar = parseCalendar(parse(files.calendar), out.calendar);
    const bool codes = parseCodes(parse(files.codes), out);
    const bool rating = parseRating(parse(files.rating), out);
    const bool categories = parseCategories(parse(files.requestCategories), out);
    out.complete = statuses && calendar && codes && rating && categories;
    return out;
}

const DomainFacts& domainFacts() {
    static const DomainFacts kFacts = parseDomainFacts({
        .statuses = assets::domainStatuses(),
        .calendar = assets::domainCalendar(),
        .codes = assets::domainCodes(),
        .rating = assets::domainRating(),
        .requestCategories = assets::domainRequestCategories(),
    });
    return kFacts;
}

const StatusFact* findStatusFact(int code) {
    for (const StatusFact& s : domainFacts().statuses)
        if (s.code == code) return &s;
    return nullptr;
}

const char* statusWords(int code, Language lang) {
    const StatusFact* s = findStatusFact(code);
    return s ? s->words[static_cast<size_t>(lang)].c_str() : "";
}

bool isRequestCategory(std::string_view code) {
    for (const RequestCategoryFact& c : domainFacts().requestCategories)
        if (c.code == code) return true;
    return false;
}

} // namespace motcua
