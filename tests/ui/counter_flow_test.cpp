// The counter tablet headless with a scripted network: set up by its link, rating with the device
// credential, and what it shows (and stops asking) without one or when the server refuses it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/counter_link.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;

namespace {

const std::string kSecret = "q3Jx-9_Zb2LmN0pQrStUvWxYz0123456789AbCdEfGh";
const std::string kPlainLink = "/?mode=counter&counter=3";
const std::string kSetupLink = kPlainLink + "#device=" + kSecret;
const char* kNotSetUp = "Máy tính bảng này chưa được cấp quyền cho quầy 3. Cán bộ hãy mở liên "
                        "kết cài đặt từ trang quản trị.";
const char* kDossierReply =
    R"({"counter":3,"version":2,"dossier":{"code_masked":"…-0001","procedure":{"name":"Đăng ký khai sinh"},"agency":{"name":"UBND"},"rating_eligible":true,"rated":false},"counter_token":"ct","expires_in":900})";
const char* kDeviceRefused =
    R"({"errors":[{"code":"device_unauthorized","description":"device secret missing or wrong"}]})";

std::string header(const HttpRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.headers)
        if (key == name) return value;
    return {};
}

// Requests still waiting for an answer (a cancelled one is not waiting).
int live(FakeHttpClient& http) {
    int n = 0;
    for (const auto& p : http.pending())
        n += p.cancelled ? 0 : 1;
    return n;
}

bool ratingButtonsShown(const Harness& h) {
    return h.find("radio", "Rất hài lòng") || h.find("radio", "Hài lòng") ||
           h.find("radio", "Không hài lòng");
}

// Time passes (retries, long polls, the thank-you) with frames drawn meanwhile.
void wait(Harness& h, double ms) {
    host::nativeRecord().clockOffsetMs += ms;
    h.frames();
}

} // namespace

TEST_CASE("The setup link keeps the secret on the tablet and takes it out of the address bar",
          "[ui][counter]") {
    Harness h(nullptr, kSetupLink);
    h.viewport = kViewports[2];
    h.frames();
    CHECK(host::nativeRecord().url == kPlainLink);
    CHECK(h.storage.values().at(counterDeviceKey(3)) == kSecret);
    CHECK(h.find("heading", "Đánh giá cán bộ quầy 3"));
    REQUIRE(h.http.pending().size() == 1);
    const HttpRequest& poll = h.http.pending().front().request;
    CHECK(poll.url.rfind("/api/v1/counters/3?", 0) == 0);
    CHECK(header(poll, "Authorization") == "Bearer " + kSecret);
    // Never in a URL: query strings end up in server and proxy logs.
    CHECK(poll.url.find(kSecret) == std::string::npos);
}

TEST_CASE("The counter terminal rates the dossier just handled and resets", "[ui][counter]") {
    Harness h(nullptr, kSetupLink);
    h.viewport = kViewports[2];
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    h.http.respond(200, kDossierReply);
    h.frames();
    CHECK(h.find("heading", "Đăng ký khai sinh"));
    // The long poll goes on with the credential.
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url.find("since=2") != std::string::npos);
    CHECK(header(h.http.pending().front().request, "Authorization") == "Bearer " + kSecret);
    REQUIRE(h.activate("radio", "Hài lòng"));
    // The long poll is still waiting; the rating goes out beside it.
    REQUIRE(h.http.pending().size() == 2);
    const HttpRequest& rating = h.http.pending().back().request;
    CHECK(rating.method == "POST");
    CHECK(rating.url == "/api/v1/counters/3/rating");
    CHECK(header(rating, "Authorization") == "Bearer " + kSecret);
    CHECK(header(rating, "Content-Type") == "application/json");
    const auto body = nlohmann::json::parse(rating.body);
    CHECK(body["counter_token"] == "ct");
    CHECK(body["overall"] == "satisfied");
    std::swap(h.http.pending().front(), h.http.pending().back());
    h.http.respond(201, "{}");
    h.frames();
    CHECK(h.find("heading", "Cảm ơn bạn đã đánh giá!"));
}

TEST_CASE("Opened again without the fragment, the tablet uses the secret it kept",
          "[ui][counter]") {
    MemoryStorage kept;
    {
        Harness h(nullptr, kSetupLink);
        h.frames();
        kept = h.storage;
    }
    Harness h(&kept, kPlainLink);
    h.frames();
    CHECK(host::nativeRecord().url.empty()); // nothing to take out of the address bar
    CHECK_FALSE(h.find("status", kNotSetUp));
    REQUIRE(h.http.pending().size() == 1);
    CHECK(header(h.http.pending().front().request, "Authorization") == "Bearer " + kSecret);
    h.http.respond(200, kDossierReply);
    h.frames();
    CHECK(h.find("radio", "Rất hài lòng"));
}

TEST_CASE("Another counter's secret is not used", "[ui][counter]") {
    MemoryStorage kept;
    {
        Harness h(nullptr, kSetupLink);
        h.frames();
        kept = h.storage;
    }
    Harness h(&kept, "/?mode=counter&counter=4");
    h.frames();
    CHECK(h.http.pending().empty());
    CHECK(h.find("status", "Máy tính bảng này chưa được cấp quyền cho quầy 4. Cán bộ hãy mở "
                           "liên kết cài đặt từ trang quản trị."));
}

TEST_CASE("A tablet without a credential says so and asks the server nothing", "[ui][counter]") {
    Harness h(nullptr, kPlainLink);
    h.viewport = kViewports[2];
    h.frames();
    CHECK(h.find("heading", "Đánh giá cán bộ quầy 3"));
    CHECK(h.find("status", kNotSetUp));
    CHECK_FALSE(ratingButtonsShown(h));
    CHECK(h.http.pending().empty());
    wait(h, 60000);
    CHECK(h.http.pending().empty());
    CHECK(h.find("status", kNotSetUp));
}

TEST_CASE("A malformed secret in the setup link is not kept", "[ui][counter]") {
    Harness h(nullptr, kPlainLink + "#device=abc");
    h.frames();
    CHECK(host::nativeRecord().url == kPlainLink);
    CHECK(h.storage.values().count(counterDeviceKey(3)) == 0);
    CHECK(h.find("status", kNotSetUp));
    CHECK(h.http.pending().empty());
}

TEST_CASE("A refused credential stops the polling", "[ui][counter]") {
    Harness h(nullptr, kSetupLink);
    h.frames();
    REQUIRE(h.http.respond(401, kDeviceRefused));
    h.frames();
    CHECK(h.find("status", kNotSetUp));
    CHECK_FALSE(ratingButtonsShown(h));
    CHECK(live(h.http) == 0);
    // No retry however long it waits: asking again cannot fix a credential.
    wait(h, 60000);
    wait(h, 60000);
    CHECK(live(h.http) == 0);
    CHECK(h.find("status", kNotSetUp));
}

TEST_CASE("A credential replaced while a dossier is on screen hides the rating buttons",
          "[ui][counter]") {
    Harness h(nullptr, kSetupLink);
    h.frames();
    h.http.respond(200, kDossierReply);
    h.frames();
    REQUIRE(h.activate("radio", "Rất hài lòng"));
    // Pending: the long poll, then the rating. The rating is refused first.
    REQUIRE(h.http.pending().size() == 2);
    std::swap(h.http.pending().front(), h.http.pending().back());
    h.http.respond(401, kDeviceRefused);
    h.frames();
    CHECK(h.find("status", kNotSetUp));
    CHECK_FALSE(ratingButtonsShown(h));
    CHECK_FALSE(h.find("heading", "Đăng ký khai sinh"));
    CHECK(live(h.http) == 0); // the long poll was cancelled too
    wait(h, 60000);
    CHECK(live(h.http) == 0);
}

TEST_CASE("An expired counter token is not mistaken for a refused tablet", "[ui][counter]") {
    Harness h(nullptr, kSetupLink);
    h.frames();
    h.http.respond(200, kDossierReply);
    h.frames();
    REQUIRE(h.activate("radio", "Hài lòng"));
    std::swap(h.http.pending().front(), h.http.pending().back());
    h.http.respond(401, R"({"errors":[{"code":"unauthorized","description":"token expired"}]})");
    h.frames();
    CHECK_FALSE(h.find("status", kNotSetUp));
    CHECK(live(h.http) == 1); // the long poll goes on
}

TEST_CASE("Server trouble is retried, unlike a refusal", "[ui][counter]") {
    Harness h(nullptr, kSetupLink);
    h.frames();
    REQUIRE(h.http.respond(503, "{}"));
    h.frames();
    CHECK_FALSE(h.find("status", kNotSetUp));
    CHECK(live(h.http) == 0);
    wait(h, 3500);
    CHECK(live(h.http) == 1);
    CHECK(header(h.http.pending().back().request, "Authorization") == "Bearer " + kSecret);
}

TEST_CASE("The not-set-up message fits the width of every screen and text scale", "[ui][counter]") {
    for (const Viewport& vp : kViewports) {
        for (const float scale : {1.0f, 1.5f, 2.0f}) {
            INFO(vp.name << " scale " << scale);
            Harness h(nullptr, kPlainLink);
            h.viewport = vp;
            h.app->apply(intent::SetTextScale{scale});
            h.frames();
            const a11y::Item* message = h.find("status", kNotSetUp);
            REQUIRE(message != nullptr);
            CHECK(message->x >= 0);
            CHECK(message->x + message->w <= vp.width + 0.5f);
            // It starts on the first screen (a tiny phone at twice the text size scrolls for the
            // rest, like every page).
            CHECK(message->y + message->h / 4 < vp.height);
        }
    }
}

TEST_CASE("The counter tablet, which follows no alerts, keeps no line waiting for them",
          "[ui][counter]") {
    Harness h(nullptr, kSetupLink);
    h.frames();
    REQUIRE(h.app->state().screen == Screen::Counter);
    CHECK_FALSE(h.find("text", "Đang tải cảnh báo và thông báo…"));
}
