// UI smoke test: renders every screen headless at phone and kiosk sizes and text scales, and
// checks what a citizen would notice through the accessibility items (names, roles, target sizes).
#include <algorithm>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "ui/text_agent.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;

namespace {

void requireTouchTargets() {
    for (const auto& item : a11y::items()) {
        if (item.role == "button" || item.role == "radio" || item.role == "link" ||
            item.role == "textbox" || item.role == "switch") {
            INFO(item.role << " '" << item.name << "' " << item.w << "x" << item.h);
            if (item.h > 0) { // items scrolled out of view report no height
                CHECK(item.h >= 44.0f);
                CHECK(item.w >= 44.0f);
            }
        }
    }
}

} // namespace

TEST_CASE("Home screen shows the app name and entry points in Vietnamese", "[ui]") {
    Harness h;
    h.frames();
    CHECK(h.find("heading", "Một Cửa"));
    CHECK(h.find("button", "Quét mã QR trên giấy hẹn"));
    CHECK(h.find("button", "Nhập mã hồ sơ"));
    CHECK(h.find("radio", "Tiếng Việt"));
    CHECK(h.find("radio", "English"));
    CHECK(host::nativeRecord().language == "vi");
}

TEST_CASE("Every screen renders at phone and kiosk sizes and every text scale", "[ui]") {
    for (const Viewport& vp : kViewports) {
        for (const float scale : {1.0f, 1.5f, 2.0f}) {
            for (const Screen screen :
                 {Screen::Home, Screen::Lookup, Screen::Scan, Screen::Rate, Screen::Stats,
                  Screen::Counter, Screen::Procedures, Screen::Procedure, Screen::RequestForm,
                  Screen::Requests, Screen::Places, Screen::Alerts, Screen::Datasets,
                  Screen::Dataset}) {
                INFO(vp.name << " scale " << scale << " screen " << static_cast<int>(screen));
                Harness h;
                h.viewport = vp;
                h.app->apply(intent::SetTextScale{scale});
                h.app->apply(intent::Navigate{screen});
                REQUIRE_NOTHROW(h.frames());
                CHECK(!a11y::items().empty());
                requireTouchTargets();
                // One screen at a time: exactly one level-1 heading.
                CHECK(std::count_if(a11y::items().begin(), a11y::items().end(),
                                    [](const a11y::Item& i) {
                                        return i.role == "heading" && i.level == 1;
                                    }) == 1);
                // Nothing sticks out to the right of the screen.
                for (const auto& item : a11y::items())
                    CHECK(item.x + item.w <= vp.width + 0.5f);
            }
        }
    }
}

TEST_CASE("The language switch changes every string and is remembered", "[ui]") {
    MemoryStorage kept;
    {
        Harness h;
        h.frames();
        REQUIRE(h.activate("radio", "English"));
        CHECK(h.find("button", "Enter dossier code"));
        CHECK(h.find("heading", "Find your dossier"));
        CHECK_FALSE(h.find("button", "Nhập mã hồ sơ"));
        CHECK(host::nativeRecord().language == "en");
        kept = h.storage;
    }
    Harness again(&kept);
    again.frames();
    CHECK(again.find("button", "Enter dossier code"));
}

TEST_CASE("A touch tap on a button opens the screen it names", "[ui]") {
    Harness h;
    h.frames();
    h.tap("button", "Nhập mã hồ sơ");
    CHECK(h.find("heading", "Nhập mã hồ sơ"));
    CHECK(h.find("textbox", "Mã hồ sơ"));
    h.tap("button", "‹ Quay lại");
    CHECK(h.find("button", "Quét mã QR trên giấy hẹn"));
}

TEST_CASE("A touch drag scrolls instead of pressing what it started on", "[ui]") {
    Harness h;
    h.viewport = {"short", 390, 400, 3};
    h.app->apply(intent::SetTextScale{2.0f});
    h.frames();
    const a11y::Item* title = h.find("heading", "Một Cửa");
    REQUIRE(title != nullptr);
    const float before = title->y;
    // Drag from the middle of the page upwards by 150 px, starting on the tagline.
    input::pointerDown(input::Source::Touch, 200, 300, 0, 1000);
    for (int i = 1; i <= 10; ++i) {
        input::pointerMove(input::Source::Touch, 200, 300 - i * 15.0f, 1000 + i * 16.0);
        h.frames(1);
    }
    input::pointerUp(input::Source::Touch, 200, 150, 0, 1200);
    h.frames(4);
    CHECK(h.app->state().screen == Screen::Home); // nothing was pressed
    const a11y::Item* after = h.find("heading", "Một Cửa");
    REQUIRE(after != nullptr);
    CHECK(after->y == Approx(before - 150).margin(2));
}

TEST_CASE("Text from the text agent arrives in the field intact", "[ui]") {
    Harness h;
    h.app->apply(intent::Navigate{Screen::Lookup});
    h.frames();
    REQUIRE(h.activate("textbox", "Mã hồ sơ"));
    CHECK(host::nativeRecord().textAgentActive);
    auto& agent = ui::textAgent();
    agent.incoming = std::string("Nguyễn Thị Ánh – đường Trần Hưng Đạo");
    agent.incomingSelStart = agent.incomingSelEnd = 36;
    h.frames();
    const a11y::Item* field = h.find("textbox", "Mã hồ sơ");
    REQUIRE(field != nullptr);
    CHECK(field->value == "Nguyễn Thị Ánh – đường Trần Hưng Đạo");
    CHECK(host::nativeRecord().textAgentText == "Nguyễn Thị Ánh – đường Trần Hưng Đạo");
}

TEST_CASE("Text offsets convert between UTF-8 and UTF-16", "[ui]") {
    const std::string text = "Đạo 😀x";
    CHECK(ui::utf8ToUtf16Offset(text, 0) == 0);
    CHECK(ui::utf8ToUtf16Offset(text, 5) == 2); // "Đạ" = 2 + 3 bytes
    CHECK(ui::utf16ToUtf8Offset(text, 2) == 5);
    CHECK(ui::utf8ToUtf16Offset(text, static_cast<int>(text.size())) == 7);
    CHECK(ui::utf16ToUtf8Offset(text, 7) == static_cast<int>(text.size()));
}

TEST_CASE("A tap on a text field activates it within two frames", "[ui]") {
    // The web shell runs these two frames inside the touch gesture so the phone opens its
    // keyboard: ImGui takes a touch's position in one frame and its press in the next.
    Harness h;
    h.app->apply(intent::Navigate{Screen::Lookup});
    h.frames();
    const a11y::Item* field = h.find("textbox", "Mã hồ sơ");
    REQUIRE(field != nullptr);
    const float x = field->x + field->w / 2, y = field->y + field->h / 2;
    input::pointerDown(input::Source::Touch, x, y, 0, 1000);
    input::pointerUp(input::Source::Touch, x, y, 0, 1050);
    h.frames(2);
    CHECK(host::nativeRecord().textAgentActive);
}
