// The Counter controller on its own, over the fake HTTP client: polling with the device
// credential, retries after a failure, the rating's error codes, and stopping when refused.
#include <catch2/catch.hpp>

#include "app/counter.h"
#include "platform/host.h"
#include "platform/native/fake_http_client.h"
#include "platform/native/host_native.h"
#include "platform/native/memory_storage.h"

using namespace motcua;

namespace {

const std::string kSecret = "q3Jx-9_Zb2LmN0pQrStUvWxYz0123456789AbCdEfGh";
const char* kDossier =
    R"({"counter":3,"version":2,"dossier":{"code_masked":"…-0001","procedure":{"name":"P"},"agency":{"name":"A"},"rating_eligible":true,"rated":false},"counter_token":"ct"})";

struct Fixture {
    FakeHttpClient http;
    MemoryStorage storage;
    CounterView view;
    Language language = Language::En;
    Counter counter{http, storage, view, language};

    int live() {
        int n = 0;
        for (const auto& p : http.pending())
            n += p.cancelled ? 0 : 1;
        return n;
    }
    const HttpRequest& last() { return http.pending().back().request; }
};

CounterLink setupLink() {
    return parseCounterLink("/?mode=counter&counter=3#device=" + kSecret);
}

} // namespace

TEST_CASE("Counter: a setup link stores the credential and polls with it", "[counter]") {
    Fixture f;
    REQUIRE(f.counter.configure(setupLink()));
    CHECK(f.storage.values().at(counterDeviceKey(3)) == kSecret);
    REQUIRE(f.live() == 1);
    CHECK(f.last().url == "/api/v1/counters/3?lang=en");
    REQUIRE(f.http.respond(200, kDossier));
    CHECK(f.view.load == Io::Done);
    REQUIRE(f.view.status);
    // The next poll is a long poll from the version seen.
    REQUIRE(f.live() == 1);
    CHECK(f.last().url == "/api/v1/counters/3?lang=en&since=2&timeout=25");
}

TEST_CASE("Counter: no valid counter, no stored credential", "[counter]") {
    Fixture f;
    CHECK_FALSE(f.counter.configure(parseCounterLink("/?mode=counter&counter=0")));
    CHECK(f.live() == 0);
    REQUIRE(f.counter.configure(parseCounterLink("/?mode=counter&counter=3")));
    CHECK(f.view.notSetUp);
    CHECK(f.live() == 0);
}

TEST_CASE("Counter: a failed poll says why and is tried again later", "[counter]") {
    Fixture f;
    f.counter.configure(setupLink());
    REQUIRE(f.http.respond(404, R"({"errors":[{"code":"not_found"}]})"));
    CHECK(f.view.load == Io::Failed);
    CHECK(f.view.message == "error.unknown"); // a 404 is not a server error
    CHECK(f.live() == 0);
    f.counter.tick();
    CHECK(f.live() == 0); // not yet
    host::nativeRecord().clockOffsetMs += 3500;
    f.counter.tick();
    CHECK(f.live() == 1);
    REQUIRE(f.http.respond(503, ""));
    CHECK(f.view.message == "error.server");
}

TEST_CASE("Counter: rating replies become the right message", "[counter]") {
    Fixture f;
    f.counter.configure(setupLink());
    REQUIRE(f.http.respond(200, kDossier));
    const int pollId = f.http.pending().back().id;

    auto rateAndAnswer = [&](int status, const std::string& body) {
        f.counter.rate(1);
        auto& rating = f.http.pending().back();
        REQUIRE(rating.request.url == "/api/v1/counters/3/rating");
        CHECK(rating.request.headers.back().second == "Bearer " + kSecret);
        auto done = rating.done;
        f.http.pending().pop_back();
        HttpResponse r;
        r.status = status;
        r.body = body;
        done(r);
    };
    rateAndAnswer(429, "");
    CHECK(f.view.phase == CounterView::Phase::Failed);
    CHECK(f.view.message == "error.rate_limited");
    const std::string key = f.view.ratedKey;
    CHECK_FALSE(key.empty());
    rateAndAnswer(0, "");
    CHECK(f.view.message == "error.offline");
    CHECK(f.view.ratedKey == key); // the same idempotency key on the next try
    rateAndAnswer(409, R"({"errors":[{"code":"already_rated"}]})");
    CHECK(f.view.message == "counter.already_rated");
    CHECK(f.view.ratedKey.empty());
    rateAndAnswer(201, "{}");
    CHECK(f.view.phase == CounterView::Phase::Thanks);
    // The device refused: the tablet stops asking, the long poll is cancelled.
    rateAndAnswer(401, R"({"errors":[{"code":"device_unauthorized"}]})");
    CHECK(f.view.notSetUp);
    for (const auto& p : f.http.pending())
        if (p.id == pollId) CHECK(p.cancelled);
    CHECK(f.live() == 0);
}
