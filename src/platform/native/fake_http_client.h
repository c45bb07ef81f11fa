// A scripted HTTP client for native tests: requests queue up, the test answers them when it wants.
#pragma once

#include <deque>

#include "platform/http_client.h"

namespace motcua {

class FakeHttpClient final : public HttpClient {
  public:
    struct Pending {
        int id;
        HttpRequest request;
        HttpCallback done;
        bool cancelled = false;
    };

    int send(HttpRequest request, HttpCallback done) override {
        m_pending.push_back({++m_nextId, std::move(request), std::move(done)});
        return m_nextId;
    }
    void cancel(int requestId) override {
        for (auto& p : m_pending)
            if (p.id == requestId) p.cancelled = true;
    }
    std::deque<Pending>& pending() { return m_pending; }
    // How many requests wait for an answer (cancelled ones do not).
    int live() const {
        int n = 0;
        for (const auto& p : m_pending)
            n += p.cancelled ? 0 : 1;
        return n;
    }
    const HttpRequest& last() const { return m_pending.back().request; }
    // Answers the oldest request; returns false when none is waiting.
    bool respond(int status, std::string body) {
        while (!m_pending.empty() && m_pending.front().cancelled)
            m_pending.pop_front();
        if (m_pending.empty()) return false;
        Pending p = std::move(m_pending.front());
        m_pending.pop_front();
        HttpResponse response;
        response.status = status;
        response.body = std::move(body);
        if (status == 0) response.error = "network";
        p.done(response);
        return true;
    }

  private:
    std::deque<Pending> m_pending;
    int m_nextId = 0;
};

} // namespace motcua
