// The counter terminal's controller: owns the tablet's credential, the long poll of the counter,
// the rating request and its retries; the screen reads CounterView (in AppState) only.
#pragma once

#include "app/app_state.h"
#include "core/counter_link.h"
#include "core/i18n.h"
#include "platform/http_client.h"
#include "platform/storage.h"

namespace motcua {

class Counter {
  public:
    // `view` is the screen's slice of the state; `language` the one replies are asked in.
    Counter(HttpClient& http, Storage& storage, CounterView& view, const Language& language)
        : m_http(http), m_storage(storage), m_view(view), m_language(language) {}

    // Opens the counter of a ?mode=counter link (with #device=… a setup link) and starts polling;
    // false when the link names no valid counter (1–99).
    bool configure(const CounterLink& link);
    // The citizen tapped a rating: 0 very satisfied, 1 satisfied, 2 dissatisfied.
    void rate(int level);
    // Timers: the thank-you ends, a failed poll is tried again.
    void tick();

  private:
    void notSetUp();
    void poll();

    HttpClient& m_http;
    Storage& m_storage;
    CounterView& m_view;
    const Language& m_language;
    int m_request = 0;
    double m_retryAtMs = 0;
    std::string m_device; // the tablet's credential for its counter (never shown)
};

} // namespace motcua
