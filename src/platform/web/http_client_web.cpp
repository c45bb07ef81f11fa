// HTTP on the web with emscripten_fetch: asynchronous, no threads; replies wake the frame loop.
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

#include <emscripten/fetch.h>

#include "platform/host.h"
#include "platform/http_client.h"

namespace motcua {

namespace {
struct Pending {
    int id = 0;
    HttpCallback done;
    std::vector<std::string> headerStorage;
    std::vector<const char*> headerPointers;
    std::string body;
    bool cancelled = false;
    bool redraw = true;
};

int parseRetryAfter(emscripten_fetch_t* fetch) {
    const size_t len = emscripten_fetch_get_response_headers_length(fetch);
    if (len == 0) return 0;
    std::string raw(len + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, raw.data(), raw.size());
    std::istringstream in(raw);
    std::string line;
    while (std::getline(in, line)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon);
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name == "retry-after") return std::atoi(line.c_str() + colon + 1);
    }
    return 0;
}
} // namespace

class WebHttpClient final : public HttpClient {
  public:
    int send(HttpRequest request, HttpCallback done) override {
        auto* pending = new Pending();
        pending->id = ++m_nextId;
        pending->done = std::move(done);
        pending->body = std::move(request.body);
        pending->redraw = request.redraw;
        for (auto& [k, v] : request.headers) {
            pending->headerStorage.push_back(k);
            pending->headerStorage.push_back(v);
        }
        for (auto& s : pending->headerStorage)
            pending->headerPointers.push_back(s.c_str());
        pending->headerPointers.push_back(nullptr);

        emscripten_fetch_attr_t attr;
        emscripten_fetch_attr_init(&attr);
        std::strncpy(attr.requestMethod, request.method.c_str(), sizeof(attr.requestMethod) - 1);
        attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
        attr.timeoutMSecs = static_cast<unsigned long>(request.timeoutMs);
        attr.requestHeaders = pending->headerPointers.data();
        if (!pending->body.empty()) {
            attr.requestData = pending->body.data();
            attr.requestDataSize = pending->body.size();
        }
        attr.userData = pending;
        attr.onsuccess = &WebHttpClient::finished;
        attr.onerror = &WebHttpClient::finished;
        emscripten_fetch_t* fetch = emscripten_fetch(&attr, request.url.c_str());
        s_inFlight[pending->id] = fetch;
        return pending->id;
    }

    void cancel(int requestId) override {
        auto it = s_inFlight.find(requestId);
        if (it == s_inFlight.end()) return;
        auto* pending = static_cast<Pending*>(it->second->userData);
        pending->cancelled = true;
    }

  private:
    static void finished(emscripten_fetch_t* fetch) {
        auto* pending = static_cast<Pending*>(fetch->userData);
        HttpResponse response;
        response.status = fetch->status;
        if (fetch->numBytes > 0 && fetch->data) response.body.assign(fetch->data, fetch->numBytes);
        if (response.status == 0) response.error = "network";
        if (response.status == 429 || response.status == 503)
            response.retryAfterSeconds = parseRetryAfter(fetch);
        s_inFlight.erase(pending->id);
        emscripten_fetch_close(fetch);
        if (!pending->cancelled && pending->done) pending->done(response);
        const bool redraw = pending->redraw;
        delete pending;
        if (redraw) host::requestFrame();
    }

    int m_nextId = 0;
    static inline std::map<int, emscripten_fetch_t*> s_inFlight;
};

std::unique_ptr<HttpClient> makeWebHttpClient() {
    return std::make_unique<WebHttpClient>();
}

} // namespace motcua
