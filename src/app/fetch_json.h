// One JSON resource from the API, parsed by a core parser: the value, or the message key the
// citizen is shown (offline, server trouble, an unreadable answer) — the same for every screen.
#pragma once

#include <string_view>
#include <utility>

#include "core/result.h"
#include "platform/http_client.h"

namespace motcua {

// The message key for a reply that is not a 200 (status 0: no network).
inline const char* httpErrorKey(int status) {
    return status == 0 ? "error.offline" : "error.server";
}

// parse(body) -> Result<T>; onValue(T&& value, const HttpResponse&); onError(const char* key,
// const HttpResponse&). Returns the request id, for cancelling.
template <class Parse, class OnValue, class OnError>
int fetchJson(HttpClient& http, HttpRequest request, Parse parse, OnValue onValue,
              OnError onError) {
    return http.send(std::move(request), [parse, onValue, onError](const HttpResponse& reply) {
        if (reply.status != 200) {
            onError(httpErrorKey(reply.status), reply);
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
