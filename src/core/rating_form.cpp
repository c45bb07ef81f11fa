// Rating form validation and request body. The rules mirror src/server/validate.py so that
// a form the device accepts (and queues in the outbox) is never refused by the server.
#include "core/rating_form.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace motcua {

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not a valid sequence.
size_t sequenceLength(std::string_view text, size_t i) {
    char32_t cp = 0;
    return decodeUtf8(text, i, cp);
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

// The server refuses C0 controls other than tab and line breaks.
bool hasRefusedControl(std::string_view text) {
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\n' && c != '\r' && c != '\t') return true;
    }
    return false;
}

} // namespace

size_t countCharacters(std::string_view utf8) {
    size_t count = 0;
    for (size_t i = 0; i < utf8.size(); ++count) {
        size_t n = sequenceLength(utf8, i);
        i += n == 0 ? 1 : n;
    }
    return count;
}

bool isValidUtf8(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        size_t n = sequenceLength(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::vector<FormProblem> validateRatingForm(const RatingForm& form) {
    std::vector<FormProblem> problems;
    if (!form.overall) problems.push_back({FormField::Overall, FormProblemKind::Required});
    if (!form.visits) problems.push_back({FormField::Visits, FormProblemKind::Required});
    std::string_view comment = trimmed(form.comment);
    if (!isValidUtf8(comment) || hasRefusedControl(comment))
        problems.push_back({FormField::Comment, FormProblemKind::InvalidText});
    else if (countCharacters(comment) > kMaxCommentCharacters)
        problems.push_back({FormField::Comment, FormProblemKind::TooLong});
    return problems;
}

const char* formProblemKey(const FormProblem& problem) {
    switch (problem.field) {
    case FormField::Overall:
        return "rating.error.overall_required";
    case FormField::Visits:
        return "rating.error.visits_required";
    case FormField::Comment:
        return problem.kind == FormProblemKind::TooLong ? "rating.error.comment_too_long"
                                                        : "rating.error.comment_invalid";
    }
    return "rating.error.overall_required";
}

std::string ratingRequestJson(const RatingForm& form, std::string_view idempotencyKey) {
    using nlohmann::json;
    json body = json::object();
    body["idempotency_key"] = std::string(idempotencyKey);
    if (form.overall) body["overall"] = ratingLevelKey(*form.overall);
    if (form.visits) body["visits"] = visitsKey(*form.visits);
    json criteria = json::object();
    if (form.attitude) criteria["attitude"] = ratingLevelKey(*form.attitude);
    if (form.onTime) criteria["on_time"] = ratingLevelKey(*form.onTime);
    if (form.ease) criteria["ease"] = ratingLevelKey(*form.ease);
    if (!criteria.empty()) body["criteria"] = std::move(criteria);
    std::string_view comment = trimmed(form.comment);
    if (!comment.empty()) body["comment"] = std::string(comment);
    // replace: an invalid comment never throws here (validation reports it first).
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace motcua
