// One JSON resource from the API, parsed by a core parser: the value, or the message key the
// citizen is shown (offline, server trouble, an unreadable answer) — the same for every screen.
#pragma once

#include <string_view>
#include <utility>

#include "core/http_reply.h"
#include "core/result.h"
#include "platform/http_client.h"

namespace motcua {

// parse(body) -> Result<T>; onValue(T&& value, const HttpResponse&); onError(const char* key,
// const HttpResponse&). Returns the request id, for cancelling.
template <class Parse, class OnValue, class OnError>
int fetchJson(HttpClient& http, HttpRequest request, Parse parse, OnValue onValue,
              OnError onError) {
    return http.send(std::move(request), [parse, onValue, onError](const HttpResponse& reply) {
        if (reply.status != 200) {
            onError(classifyReply(reply.status, reply.body).messageKey, reply);
            return;
        }
        auto parsed = parse(std::string_view(reply.body));
        if (!parsed) {
            onError(parseErrorKey(parsed.code), reply);
            return;
        }
        onValue(std::move(*parsed.value), reply);
    });
}

} // namespace motcua
