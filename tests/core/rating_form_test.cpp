// Rating form: validation rules, the live character count and the exact request body.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "core/rating_form.h"

using namespace motcua;
using nlohmann::json;

namespace {
RatingForm completeForm() {
    RatingForm form;
    form.overall = RatingLevel::VerySatisfied;
    form.visits = Visits::Zero;
    return form;
}

std::string repeat(std::string_view piece, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i)
        out += piece;
    return out;
}
} // namespace

TEST_CASE("overall and visits are required, in field order", "[rating_form]") {
    RatingForm empty;
    auto problems = validateRatingForm(empty);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == FormProblem{FormField::Overall, FormProblemKind::Required});
    CHECK(problems[1] == FormProblem{FormField::Visits, FormProblemKind::Required});
    CHECK(std::string(formProblemKey(problems[0])) == "rating.error.overall_required");
    CHECK(std::string(formProblemKey(problems[1])) == "rating.error.visits_required");
    CHECK(validateRatingForm(completeForm()).empty());
}

TEST_CASE("criteria and the comment are optional", "[rating_form]") {
    RatingForm form = completeForm();
    form.attitude = RatingLevel::Dissatisfied;
    form.comment = "";
    CHECK(validateRatingForm(form).empty());
}

TEST_CASE("characters are counted as code points, not bytes", "[rating_form]") {
    CHECK(countCharacters("") == 0);
    CHECK(countCharacters("abc") == 3);
    CHECK(countCharacters("Cảm ơn cán bộ") == 13); // NFC Vietnamese: 2-3 bytes per letter
    CHECK(countCharacters("Đ") == 1);
    CHECK(countCharacters("\xF0\x9F\x91\x8D") == 1); // 👍, 4 bytes
    CHECK(countCharacters("a\xFF"
                          "b") == 3);        // a stray byte counts as one
    CHECK(countCharacters("\xE1\xBB") == 2); // truncated sequence: two stray bytes
}

TEST_CASE("the comment limit is 1000 characters, whatever their byte length", "[rating_form]") {
    RatingForm form = completeForm();
    form.comment = repeat("ệ", 1000); // 3000 bytes, 1000 characters
    CHECK(validateRatingForm(form).empty());
    form.comment += "a";
    auto problems = validateRatingForm(form);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == FormProblem{FormField::Comment, FormProblemKind::TooLong});
    CHECK(std::string(formProblemKey(problems[0])) == "rating.error.comment_too_long");
    // Surrounding spaces do not count: the server trims before counting.
    form.comment = "  \n" + repeat("ệ", 1000) + "  ";
    CHECK(validateRatingForm(form).empty());
}

TEST_CASE("text the server would refuse is reported before queueing", "[rating_form]") {
    RatingForm form = completeForm();
    form.comment = "bad \xC3\x28 utf8";
    CHECK(validateRatingForm(form) ==
          std::vector<FormProblem>{{FormField::Comment, FormProblemKind::InvalidText}});
    form.comment = "bell\x07";
    CHECK(validateRatingForm(form).size() == 1);
    form.comment = "line one\nline two\ttab";
    CHECK(validateRatingForm(form).empty());
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));     // a UTF-16 surrogate
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));         // overlong '/'
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // above U+10FFFF
    CHECK(isValidUtf8("Nguyễn Văn An 👍"));
}

TEST_CASE("the request body matches the server's rating endpoint", "[rating_form]") {
    RatingForm form = completeForm();
    CHECK(ratingRequestJson(form, "k-1") ==
          R"({"idempotency_key":"k-1","overall":"very_satisfied","visits":"0"})");

    form.overall = RatingLevel::Satisfied;
    form.attitude = RatingLevel::VerySatisfied;
    form.ease = RatingLevel::Dissatisfied;
    form.visits = Visits::More;
    form.comment = "  Cảm ơn cán bộ\n";
    json body = json::parse(ratingRequestJson(form, "5f0c"));
    CHECK(body == json{{"idempotency_key", "5f0c"},
                       {"overall", "satisfied"},
                       {"visits", "more"},
                       {"criteria", {{"attitude", "very_satisfied"}, {"ease", "dissatisfied"}}},
                       {"comment", "Cảm ơn cán bộ"}});

    form.onTime = RatingLevel::Satisfied;
    form.visits = Visits::One;
    form.comment = "   ";
    body = json::parse(ratingRequestJson(form, "k"));
    CHECK(body["visits"] == "1");
    CHECK(body["criteria"]["on_time"] == "satisfied");
    CHECK_FALSE(body.contains("comment")); // blank comment: omitted, like the server's null
}

TEST_CASE("building the body never throws on bad text", "[rating_form]") {
    RatingForm form = completeForm();
    form.comment = "\xFF\xFE";
    std::string text;
    REQUIRE_NOTHROW(text = ratingRequestJson(form, "k"));
    CHECK(json::accept(text));
}
