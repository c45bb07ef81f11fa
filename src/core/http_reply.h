// How the app reads an HTTP reply: one rule, in one place, for what failed, what the citizen is
// told and whether asking again could help. Every controller goes through classifyReply.
#pragma once

#include <string>
#include <string_view>

namespace motcua {

enum class ReplyKind {
    Ok,           // 2xx
    Offline,      // status 0: no answer at all (no network, timeout, aborted)
    NotFound,     // 404
    Unauthorized, // 401: a token or credential was refused
    RateLimited,  // 429
    Rejected,     // other 4xx: the server will not take this request as it is
    ServerError,  // 5xx
    Unexpected,   // 1xx/3xx: not an answer this API gives (a captive portal or proxy rewrote it)
};

struct ReplyClass {
    ReplyKind kind = ReplyKind::Ok;
    int status = 0;
    std::string code;            // the API's error code ({"errors":[{"code"}]}), empty when none
    const char* messageKey = ""; // i18n key to show; empty for Ok
    bool retryable = false;      // asking again later may succeed (0, 408, 425, 429, 5xx, 1xx/3xx)
};

// body is only read for the error code, and only when the status is not 2xx.
ReplyClass classifyReply(int status, std::string_view body = {});

} // namespace motcua
