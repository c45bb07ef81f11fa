// The satisfaction rating form: what the citizen picked, its validation, and the
// exact body of POST /api/v1/dossiers/{code}/rating (docs/api.md) built from it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dossier.h"

namespace motcua {

// The server counts Python characters (code points) after trimming; so do we.
constexpr size_t kMaxCommentCharacters = 1000;

struct RatingForm {
    std::optional<RatingLevel> overall; // required
    std::optional<RatingLevel> attitude;
    std::optional<RatingLevel> onTime;
    std::optional<RatingLevel> ease;
    std::optional<Visits> visits; // required by the app endpoint
    std::string comment;          // UTF-8, NFC assumed (what the browser's IME produces)
};

enum class FormField { Overall, Visits, Comment };
enum class FormProblemKind {
    Required,    // a required answer is missing
    TooLong,     // the comment is over kMaxCommentCharacters
    InvalidText, // not UTF-8, or control characters the server refuses (422)
};

struct FormProblem {
    FormField field;
    FormProblemKind kind;
    bool operator==(const FormProblem&) const = default;
};

// Empty when the form can be submitted. Problems come in field order (overall, visits,
// comment) so the screen can focus the first one.
std::vector<FormProblem> validateRatingForm(const RatingForm& form);
const char* formProblemKey(const FormProblem& problem); // "rating.error.overall_required", ...

// Code points in UTF-8 text, for the live "123 / 1000" count. A byte that is not valid UTF-8
// counts as one character (the browser would show it as one replacement character).
size_t countCharacters(std::string_view utf8);
bool isValidUtf8(std::string_view text);

// The JSON body for the rating endpoint: idempotency_key, overall, visits, criteria (only the
// answered ones, omitted when none), comment (trimmed, omitted when empty). Call only with a
// form that validated; missing required answers are left out and the server says 422.
std::string ratingRequestJson(const RatingForm& form, std::string_view idempotencyKey);

} // namespace motcua
