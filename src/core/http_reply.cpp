// The one rule that turns an HTTP status and error body into a kind, a message key and whether to
// retry (see http_reply.h).
#include "core/http_reply.h"

#include "core/dossier.h"

namespace motcua {

namespace {

ReplyKind kindOf(int status) {
    if (status <= 0) return ReplyKind::Offline;
    if (status >= 200 && status < 300) return ReplyKind::Ok;
    if (status == 401) return ReplyKind::Unauthorized;
    if (status == 404) return ReplyKind::NotFound;
    if (status == 429) return ReplyKind::RateLimited;
    if (status >= 400 && status < 500) return ReplyKind::Rejected;
    if (status >= 500) return ReplyKind::ServerError;
    return ReplyKind::Unexpected;
}

const char* messageKeyOf(ReplyKind kind) {
    switch (kind) {
    case ReplyKind::Ok:
        return "";
    case ReplyKind::Offline:
        return "error.offline";
    case ReplyKind::RateLimited:
        return "error.rate_limited";
    case ReplyKind::ServerError:
        return "error.server";
    // A 404 or a refusal is about this request, not the server's health: no "server error".
    case ReplyKind::NotFound:
    case ReplyKind::Unauthorized:
    case ReplyKind::Rejected:
    case ReplyKind::Unexpected:
        return "error.unknown";
    }
    return "error.unknown";
}

} // namespace

ReplyClass classifyReply(int status, std::string_view body) {
    ReplyClass reply;
    reply.status = status;
    reply.kind = kindOf(status);
    reply.messageKey = messageKeyOf(reply.kind);
    // 408 and 425 are the server asking to be asked again; other 4xx never change on a retry.
    reply.retryable = reply.kind == ReplyKind::Offline || reply.kind == ReplyKind::RateLimited ||
                      reply.kind == ReplyKind::ServerError || reply.kind == ReplyKind::Unexpected ||
                      status == 408 || status == 425;
    if (reply.kind != ReplyKind::Ok && reply.kind != ReplyKind::Offline && !body.empty()) {
        if (auto errors = parseApiErrors(body); errors && !errors.value->empty())
            reply.code = errors.value->front().code;
    }
    return reply;
}

} // namespace motcua
