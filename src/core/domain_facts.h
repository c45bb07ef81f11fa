// The domain facts of assets/domain/*.json (statuses and their words, the holiday calendar, the
// dossier code pattern, the receipt secret, the rating scale, request categories), embedded at
// build time and parsed once. The server reads the same files: neither side keeps a copy.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n.h"

namespace motcua {

constexpr size_t kLanguageCount = 5; // Language::Vi .. Language::Ja

struct StatusFact {
    int code = 0;
    std::string family; // "processing", "needs_action", "done", "refused", "withdrawn"
    bool closed = false;
    bool paused = false;
    bool resultReady = false;
    bool ratingAllowed = false;
    std::array<std::string, kLanguageCount> words; // indexed by Language
};

struct CalendarFacts {
    int firstYear = 0; // the years whose days off are listed one by one
    int lastYear = -1;
    std::vector<int64_t> daysOff;                         // daysFromCivil numbers, sorted
    std::vector<int64_t> makeUpWorkingDays;               // Saturdays worked, sorted
    std::vector<std::pair<int, int>> daysOffOutsideYears; // (month, day) known in any other year
};

struct RequestCategoryFact {
    std::string code; // "question", ...
    std::string nameVi;
    std::string nameEn;
};

struct DomainFacts {
    std::vector<StatusFact> statuses; // by code
    CalendarFacts calendar;
    std::string codePattern; // ECMAScript/Python regex over a normalised code
    size_t maxCodeLength = 0;
    std::string secretAlphabet;
    size_t secretLength = 0;
    std::vector<std::string> ratingLevels; // best first
    std::vector<RequestCategoryFact> requestCategories;
    // False when a file was missing a part: the embedded files are checked by the core tests, so
    // this only guards against a broken edit reaching a build that skipped them.
    bool complete = false;
};

struct DomainFiles {
    std::string_view statuses, calendar, codes, rating, requestCategories;
};

// The embedded files, parsed on first use.
const DomainFacts& domainFacts();
DomainFacts parseDomainFacts(const DomainFiles& files);

const StatusFact* findStatusFact(int code);       // nullptr for a code the table lacks
const char* statusWords(int code, Language lang); // "" for an unknown code
bool isRequestCategory(std::string_view code);

} // namespace motcua
