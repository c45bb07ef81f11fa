// classifyReply: the one rule for HTTP replies (kind, message key, retry, API error code).
#include <catch2/catch.hpp>

#include "core/http_reply.h"

using namespace motcua;

TEST_CASE("classifyReply: success and no answer") {
    for (int status : {200, 201, 204}) {
        auto r = classifyReply(status, R"({"errors":[{"code":"x"}]})");
        CHECK(r.kind == ReplyKind::Ok);
        CHECK(std::string(r.messageKey).empty());
        CHECK_FALSE(r.retryable);
        CHECK(r.code.empty()); // a success body is never read as an error
    }
    auto offline = classifyReply(0);
    CHECK(offline.kind == ReplyKind::Offline);
    CHECK(std::string(offline.messageKey) == "error.offline");
    CHECK(offline.retryable);
}

TEST_CASE("classifyReply: 404 and 429 are not server errors") {
    auto missing = classifyReply(404, R"({"errors":[{"code":"not_found","description":"?"}]})");
    CHECK(missing.kind == ReplyKind::NotFound);
    CHECK(std::string(missing.messageKey) != "error.server");
    CHECK_FALSE(missing.retryable);
    CHECK(missing.code == "not_found");

    auto limited = classifyReply(429);
    CHECK(limited.kind == ReplyKind::RateLimited);
    CHECK(std::string(limited.messageKey) == "error.rate_limited");
    CHECK(limited.retryable);
}

TEST_CASE("classifyReply: 4xx are rejections, 5xx server errors") {
    for (int status : {400, 409, 413, 422}) {
        auto r = classifyReply(status);
        CHECK(r.kind == ReplyKind::Rejected);
        CHECK(std::string(r.messageKey) == "error.unknown");
        CHECK_FALSE(r.retryable);
    }
    CHECK(classifyReply(401).kind == ReplyKind::Unauthorized);
    CHECK_FALSE(classifyReply(401).retryable);
    CHECK(classifyReply(408).retryable);
    CHECK(classifyReply(425).retryable);
    for (int status : {500, 502, 503, 504}) {
        auto r = classifyReply(status);
        CHECK(r.kind == ReplyKind::ServerError);
        CHECK(std::string(r.messageKey) == "error.server");
        CHECK(r.retryable);
    }
    // A captive portal's redirect is not this API's answer: try again later.
    CHECK(classifyReply(302).kind == ReplyKind::Unexpected);
    CHECK(classifyReply(302).retryable);
}

TEST_CASE("classifyReply: the API error code, numeric or string, bad bodies ignored") {
    CHECK(classifyReply(409, R"({"errors":[{"code":"already_rated"}]})").code == "already_rated");
    CHECK(classifyReply(400, R"({"errors":[{"code":42}]})").code == "42");
    CHECK(classifyReply(500, "<html>Bad gateway</html>").code.empty());
    CHECK(classifyReply(400, R"({"errors":[]})").code.empty());
    CHECK(classifyReply(400, R"({"errors":"no"})").code.empty());
}
