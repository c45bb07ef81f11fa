// Kiosk mode headless: the on-screen keyboard types Vietnamese, and an idle kiosk asks, counts
// down, then wipes everything a citizen left and returns to its start screen.
#include <catch2/catch.hpp>

#include "platform/host.h"
#include "ui/onscreen_keyboard.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;

namespace {
const a11y::Item* textbox(Harness& h, const std::string& name) {
    return h.find("textbox", name);
}
void press(Harness& h, const std::string& key) {
    INFO("key " << key);
    REQUIRE(h.activate("button", key));
}
} // namespace

TEST_CASE("The kiosk keyboard types a name with Vietnamese letters", "[ui][kiosk]") {
    Harness h(nullptr, "/?mode=kiosk");
    h.viewport = kViewports[2];
    h.frames();
    CHECK(host::nativeRecord().kiosk);
    REQUIRE(h.activate("button", "Nhập mã hồ sơ"));
    REQUIRE(h.activate("textbox", "Mã hồ sơ"));
    // The field was tapped: the keyboard shows, the device keyboard stays closed.
    CHECK(h.find("button", "Q"));
    CHECK(host::nativeRecord().textAgentMode == "none");
    press(h, "Chữ hoa"); // this field starts in capitals: switch to small letters
    for (const char* k : {"N", "G", "U", "Y", "E", "N"})
        press(h, k);
    press(h, "â ê ô");
    press(h, "Ngã");
    CHECK(textbox(h, "Mã hồ sơ")->value == "nguyễn");
    press(h, "Xoá");
    CHECK(textbox(h, "Mã hồ sơ")->value == "nguyễ");
    press(h, "Xong");
    CHECK_FALSE(h.find("button", "Q"));
}

TEST_CASE("An idle kiosk asks, counts down and wipes the citizen's session", "[ui][kiosk]") {
    Harness h(nullptr, "/?mode=kiosk&idle=60");
    h.viewport = kViewports[2];
    h.frames();
    REQUIRE(h.activate("button", "Nhập mã hồ sơ"));
    h.app->state().lookup.code = "000.00.12.H42-241124-0001";
    h.app->state().language = Language::Vi;
    Alert flood;
    flood.id = 1;
    flood.severity = "warning";
    flood.title = "Cảnh báo mưa lớn";
    h.app->state().alerts.items = {flood};
    // 61 s without input: the question with its countdown.
    input::noteActivity(host::nowMs() - 61'000);
    h.frames();
    CHECK(h.find("heading", "Bạn còn ở đó không?"));
    REQUIRE(h.activate("button", "Tôi vẫn đang dùng"));
    h.frames();
    CHECK_FALSE(h.find("heading", "Bạn còn ở đó không?"));
    CHECK(h.app->state().lookup.code == "000.00.12.H42-241124-0001");
    // Nobody answers for the whole countdown: everything goes.
    input::noteActivity(host::nowMs() - 120'000);
    h.frames();
    CHECK(h.app->state().screen == Screen::Home);
    CHECK(h.app->state().lookup.code.empty());
    CHECK(host::nativeRecord().wipes == 1);
    CHECK(h.storage.values().count("motcua.recent") == 0);
    CHECK(h.find("button", "Nhập mã hồ sơ"));
    // the province's alerts are not the citizen's: the next person still sees them
    REQUIRE(h.app->state().alerts.items.size() == 1);
    CHECK(h.app->state().alerts.items[0].title == "Cảnh báo mưa lớn");
}

TEST_CASE("A touch on the dimmed kiosk answers the question and presses nothing under it",
          "[ui][kiosk]") {
    Harness h(nullptr, "/?mode=kiosk&idle=60");
    h.viewport = kViewports[2];
    h.frames();
    REQUIRE(h.activate("button", "Nhập mã hồ sơ"));
    REQUIRE(h.find("button", "Tra cứu"));
    input::noteActivity(host::nowMs() - 61'000);
    h.frames();
    REQUIRE(h.find("heading", "Bạn còn ở đó không?"));
    // The finger lands where the form's button is, under the dimmed screen.
    const a11y::Item* send = h.find("button", "Tra cứu");
    const float x = send->x + send->w / 2, y = send->y + send->h / 2;
    input::pointerDown(input::Source::Touch, x, y, 0, host::nowMs());
    input::pointerUp(input::Source::Touch, x, y, 0, host::nowMs());
    h.frames(4);
    CHECK_FALSE(h.find("heading", "Bạn còn ở đó không?"));
    CHECK(h.app->state().screen == Screen::Lookup);
    CHECK(h.app->state().lookup.message.empty()); // the form was not sent
    for (const auto& p : h.http.pending())
        CHECK(p.request.url.rfind("/api/v1/alerts", 0) == 0);
}

TEST_CASE("A kiosk never remembers a citizen's dossiers", "[ui][kiosk]") {
    Harness h(nullptr, "/?mode=kiosk");
    h.frames();
    h.app->apply(intent::OpenRecent{"x"});
    h.app->state().lookup.code = "000.00.12.H42-241124-0001";
    h.app->state().lookup.secret = "ABC234";
    h.app->apply(intent::SubmitLookup{});
    h.frames(1);
    h.http.respond(
        200,
        R"({"token":"t","expires_in":3600,"dossier":{"code":"000.00.12.H42-241124-0001","version":1,"status":4,"received_at":"2024-11-25T08:30:00+07:00","due_at":"2024-11-29T17:00:00+07:00","steps":[]}})");
    h.frames();
    CHECK(h.app->state().screen == Screen::Dossier);
    CHECK(h.storage.values().count("motcua.recent") == 0);
    CHECK(h.storage.values().count("motcua.settings") == 0);
}
