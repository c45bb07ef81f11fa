// Asynchronous HTTP: the app sends a request and gets one callback later; nothing ever blocks.
// Web: emscripten_fetch (http_client_web.cpp). Native: a scripted fake for tests
// (platform/native/fake_http_client.h).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace motcua {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    int timeoutMs = 15000;
    // Background polls set this false: their reply draws a frame only if the app asks for one.
    bool redraw = true;
};

struct HttpResponse {
    int status = 0; // 0: no answer (offline, timeout, aborted)
    std::string body;
    std::string error; // what went wrong when status == 0
    int retryAfterSeconds = 0;
};

using HttpCallback = std::function<void(const HttpResponse&)>;

class HttpClient {
  public:
    virtual ~HttpClient() = default;
    // Starts a request; the callback runs later from the main loop, exactly once unless cancelled.
    virtual int send(HttpRequest request, HttpCallback done) = 0;
    virtual void cancel(int requestId) = 0;
};

} // namespace motcua
