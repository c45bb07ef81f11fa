// Addresses and history, headless: each screen gets an entry, Back and Forward move between them
// inside the app, a start URL opens its screen, kiosks never leave.
#include <catch2/catch.hpp>

#include <imgui_internal.h>

#include "../core/fixture.h"
#include "ui_harness.h"

using namespace motcua;
using motcua::test::fixture;
using namespace motcua::test;

namespace {
void answerCatalogue(Harness& h) {
    REQUIRE(h.http.pending().size() == 2);
    h.http.respond(200, fixture("procedures.json"));
    h.http.respond(200, fixture("faqs.json"));
    h.frames();
}
const std::vector<std::string>& pushed() {
    return host::nativeRecord().pushedUrls;
}
} // namespace

TEST_CASE("Each screen gets an entry; Back and Forward move between them in the app",
          "[ui][navigation]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Thủ tục, hỏi đáp"));
    answerCatalogue(h);
    REQUIRE(h.activate("button", "Đăng ký khai sinh"));
    CHECK(pushed() == std::vector<std::string>{"/procedures", "/procedures/1.001193"});
    CHECK(h.app->state().screen == Screen::Procedure);

    // The browser's Back: entry 1 is the procedures list, then entry 0 home.
    h.app->historyMoved("/procedures", 1, 0);
    h.frames();
    CHECK(h.find("textbox", "Tìm thủ tục"));
    h.app->historyMoved("/", 0, 0);
    h.frames();
    CHECK(h.app->state().screen == Screen::Home);
    CHECK(h.find("button", "Thủ tục, hỏi đáp"));
    // Forward comes back to the procedure, with nothing fetched again.
    h.app->historyMoved("/procedures", 1, 0);
    h.app->historyMoved("/procedures/1.001193", 2, 0);
    h.frames();
    CHECK(h.find("heading", "Đăng ký khai sinh"));
    CHECK(h.http.pending().empty());
    CHECK(pushed().size() == 2); // moving in history adds no entry
}

TEST_CASE("The app's back button goes back in the browser's history too", "[ui][navigation]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Thủ tục, hỏi đáp"));
    answerCatalogue(h);
    REQUIRE(h.activate("button", "‹ Quay lại"));
    CHECK(h.app->state().screen == Screen::Home);
    CHECK(host::nativeRecord().historyBacks == 1);
    CHECK(pushed().size() == 1);
    // The popstate that follows finds home already on show.
    h.app->historyMoved("/", 0, 0);
    h.frames();
    CHECK(h.app->state().screen == Screen::Home);
    CHECK(pushed().size() == 1);
}

TEST_CASE("A tap right after the back button waits for the browser to go back",
          "[ui][navigation]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Thủ tục, hỏi đáp"));
    answerCatalogue(h);
    REQUIRE(h.activate("button", "‹ Quay lại"));
    // Before the browser has gone back, the citizen opens another screen.
    REQUIRE(h.activate("button", "Số liệu công khai"));
    CHECK(pushed().size() == 1); // nothing pushed over the entry being left
    h.app->historyMoved("/", 0, 0);
    h.frames();
    // The back arrived: the screen opened meanwhile stays, and gets its own entry.
    CHECK(h.app->state().screen == Screen::Stats);
    CHECK(pushed() == std::vector<std::string>{"/procedures", "/stats"});
}

TEST_CASE("Leaving a page records where it was scrolled; coming back scrolls there",
          "[ui][navigation]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Thủ tục, hỏi đáp"));
    answerCatalogue(h);
    ImGui::SetScrollY(ImGui::FindWindowByName("##procedures"), 600.0f);
    h.frames();
    REQUIRE(h.activate("button", "Đăng ký khai sinh"));
    REQUIRE(host::nativeRecord().leftScrolls.size() == 2);
    CHECK(host::nativeRecord().leftScrolls[1] > 0.0f);
    h.app->historyMoved("/procedures", 1, host::nativeRecord().leftScrolls[1]);
    h.frames(4);
    CHECK(ImGui::FindWindowByName("##procedures")->Scroll.y ==
          Approx(host::nativeRecord().leftScrolls[1]));
}

TEST_CASE("A procedure's address opens it in the language it asks for", "[ui][navigation]") {
    Harness h(nullptr, "/procedures/1.001193?lang=en");
    h.frames();
    CHECK(h.app->state().language == Language::En);
    CHECK(h.app->state().screen == Screen::Procedure);
    answerCatalogue(h);
    CHECK(h.find("heading", "Birth registration"));
    CHECK(host::nativeRecord().url == "/procedures/1.001193");
    CHECK(pushed().empty());
}

TEST_CASE("An unknown procedure code and an unknown address say so", "[ui][navigation]") {
    {
        Harness h(nullptr, "/procedures/9.999999");
        h.frames();
        answerCatalogue(h);
        CHECK(h.find("status", "Không tìm thấy thủ tục có mã này trong danh mục."));
    }
    {
        Harness h(nullptr, "/no/such/page");
        h.frames();
        CHECK(h.find("heading", "Không tìm thấy trang"));
        REQUIRE(h.activate("button", "Về trang chủ"));
        CHECK(h.app->state().screen == Screen::Home);
    }
}

TEST_CASE("A place's address shows that place, with a way to all of its kind", "[ui][navigation]") {
    Harness h(nullptr, "/places/sight/2");
    h.frames();
    CHECK(h.app->state().screen == Screen::Places);
    CHECK(h.app->state().places.focus == 2);
    CHECK(h.find("button", "Xem tất cả"));
}

TEST_CASE("A kiosk keeps Back inside the app", "[ui][navigation]") {
    Harness h(nullptr, "/?mode=kiosk");
    h.frames();
    // A spare entry under the first screen: Back from it lands inside the app.
    REQUIRE(pushed().size() == 1);
    REQUIRE(h.activate("button", "Thủ tục, hỏi đáp"));
    answerCatalogue(h);
    CHECK(pushed().size() == 2);
    CHECK(pushed().back() == "/?mode=kiosk"); // one address for every screen
    h.app->historyMoved("/?mode=kiosk", 1, 0);
    h.frames();
    CHECK(h.app->state().screen == Screen::Home);
    h.app->historyMoved("/?mode=kiosk", 0, 0);
    h.frames();
    CHECK(h.app->state().screen == Screen::Home);
    CHECK(pushed().size() == 3); // the spare entry again
}

TEST_CASE("A look-up's address opens its form; its list has one too", "[ui][navigation]") {
    Harness h(nullptr, "/lookups/exam-results");
    h.frames();
    CHECK(h.app->state().screen == Screen::Dataset);
    CHECK(h.app->state().datasets.open == "exam-results");
    CHECK(host::nativeRecord().url == "/lookups/exam-results");
    REQUIRE(h.activate("button", "‹ Quay lại"));
    CHECK(h.app->state().screen == Screen::Datasets);
    CHECK(pushed() == std::vector<std::string>{"/lookups"});
}
