// The home screen with alerts shown, headless: the ways to find a dossier stay on screen at every
// size and text scale (phones turned sideways included), and the alerts take one line that opens
// their list.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ui/text_agent.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;

namespace {

const char* kTwoAlerts =
    R"({"items":[{"id":1,"severity":"warning","title":"Cảnh báo mưa lớn, ngập úng cục bộ","body":"Hạn chế đi lại qua các tuyến đường ngập.","area":"TP. Quảng Ngãi","starts_at":"2026-11-24T06:00:00+07:00","ends_at":"2026-11-28T18:00:00+07:00"},{"id":2,"severity":"info","title":"Trung tâm Phục vụ hành chính công làm việc sáng thứ Bảy","body":"Tiếp nhận và trả kết quả hồ sơ vào sáng thứ Bảy từ 7:30 đến 11:30.","area":"","starts_at":"2026-11-24T06:00:00+07:00","ends_at":null}]})";
const char* kLine = "Cảnh báo: Cảnh báo mưa lớn, ngập úng cục bộ — TP. Quảng Ngãi, và 1 tin khác";

// The alerts arrive as they do in the app: polled shortly after the first screen.
void showAlerts(Harness& h, const char* reply = kTwoAlerts) {
    h.frames();
    host::nativeRecord().clockOffsetMs += 2500;
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    REQUIRE(h.http.pending().front().request.url.rfind("/api/v1/alerts", 0) == 0);
    h.http.respond(200, reply);
    h.frames();
}

struct Case {
    Viewport viewport;
    float textScale; // 0: the mode's own (a kiosk's large type)
    const char* url;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    const Viewport phones[] = {
        {"landscape phone 844x390 @3", 844, 390, 3},
        {"small landscape phone 640x360 @3", 640, 360, 3},
        {"small phone 320x568 @2", 320, 568, 2},
        {"phone 390x844 @3", 390, 844, 3},
    };
    for (const Viewport& vp : phones)
        for (const float scale : {1.0f, 1.25f, 1.5f, 2.0f})
            out.push_back({vp, scale, "/"});
    out.push_back({{"kiosk 1080x1920 @1", 1080, 1920, 1}, 0, "/?mode=kiosk"});
    out.push_back({{"kiosk landscape 1920x1080 @1", 1920, 1080, 1}, 0, "/?mode=kiosk"});
    return out;
}

void requireWithinViewport(const Harness& h, const char* role, const std::string& name) {
    INFO(role << " \"" << name << "\"");
    const a11y::Item* item = h.find(role, name);
    REQUIRE(item != nullptr);
    CHECK(item->h >= 44.0f);
    CHECK(item->w >= 44.0f);
    CHECK(item->y >= 0.0f);
    CHECK(item->y + item->h <= h.viewport.height);
    CHECK(item->x >= 0.0f);
    CHECK(item->x + item->w <= h.viewport.width);
}

} // namespace

TEST_CASE("With two alerts shown the ways to find a dossier stay on screen at every size",
          "[ui][home]") {
    for (const Case& c : cases()) {
        INFO(c.viewport.name << " text " << c.textScale * 100 << "%");
        Harness h(nullptr, c.url);
        h.viewport = c.viewport;
        if (c.textScale > 0) h.app->apply(intent::SetTextScale{c.textScale});
        showAlerts(h);
        requireWithinViewport(h, "button", kLine);
        requireWithinViewport(h, "button", "Quét mã QR trên giấy hẹn");
        requireWithinViewport(h, "button", "Nhập mã hồ sơ");
        if (h.app->state().kiosk)
            requireWithinViewport(h, "button", "Đánh giá dịch vụ (nhập mã hồ sơ)");
        CHECK(h.find("heading", "Một Cửa"));
        // The list it opens fits the width too, with touch-sized buttons.
        REQUIRE(h.activate("button", kLine));
        REQUIRE(h.find("heading", "Cảnh báo và thông báo"));
        for (const auto& item : a11y::items()) {
            CHECK(item.x + item.w <= c.viewport.width + 0.5f);
            if (item.role == "button" && item.h > 0) CHECK(item.h >= 44.0f);
        }
    }
}

TEST_CASE("Turned sideways after the alerts came, a tap still opens the scanner", "[ui][home]") {
    Harness h;
    showAlerts(h);
    h.viewport = {"landscape phone 844x390 @3", 844, 390, 3};
    h.frames();
    h.tap("button", "Quét mã QR trên giấy hẹn");
    CHECK(h.app->state().screen == Screen::Scan);
}

TEST_CASE("The alerts line opens the list of alerts in full; back returns to the screen as it was",
          "[ui][home]") {
    Harness h;
    h.app->apply(intent::Navigate{Screen::Lookup});
    showAlerts(h);
    // Something typed into the form stays there while the list is open.
    REQUIRE(h.activate("textbox", "Mã hồ sơ"));
    ui::TextAgent& agent = ui::textAgent();
    agent.incoming = std::string("000.00.12.H42");
    agent.incomingSelStart = agent.incomingSelEnd = 13;
    h.frames();
    // One line for both alerts, the most severe named first.
    CHECK_FALSE(
        h.find("button", "Thông báo: Trung tâm Phục vụ hành chính công làm việc sáng thứ Bảy"));
    REQUIRE(h.activate("button", kLine));
    CHECK(h.app->state().screen == Screen::Alerts);
    CHECK(h.find("heading", "Cảnh báo và thông báo"));
    CHECK(h.find("heading", "Cảnh báo mưa lớn, ngập úng cục bộ"));
    CHECK(h.find("text", "Hạn chế đi lại qua các tuyến đường ngập."));
    CHECK(h.find("text", "Khu vực: TP. Quảng Ngãi"));
    CHECK(h.find("text", "Thời gian: 2026-11-24 06:00 – 2026-11-28 18:00"));
    CHECK(h.find("heading", "Trung tâm Phục vụ hành chính công làm việc sáng thứ Bảy"));
    CHECK(h.find("text", "Thời gian: 2026-11-24 06:00"));
    // Severity in words beside each title, the warning above the notice.
    const auto& items = a11y::items();
    std::vector<std::string> words;
    for (const auto& item : items)
        if (item.role == "text" && (item.name == "Cảnh báo" || item.name == "Thông báo"))
            words.push_back(item.name);
    CHECK(words == std::vector<std::string>{"Cảnh báo", "Thông báo"});
    CHECK_FALSE(h.find("button", kLine)); // no line pointing at the list on the list itself
    REQUIRE(h.activate("button", "‹ Quay lại"));
    CHECK(h.app->state().screen == Screen::Lookup);
    CHECK(h.app->state().lookup.code == "000.00.12.H42");
}

TEST_CASE("One alert is named in full, and a danger comes before a warning", "[ui][home]") {
    {
        Harness h;
        showAlerts(
            h,
            R"({"items":[{"id":1,"severity":"warning","title":"Cảnh báo mưa lớn","body":"","area":""},{"id":3,"severity":"danger","title":"Lũ trên sông Trà Khúc","body":"Không đi qua ngầm tràn.","area":"Sơn Hà"}]})");
        CHECK(h.find("button", "Khẩn cấp: Lũ trên sông Trà Khúc — Sơn Hà, và 1 tin khác"));
    }
    Harness h;
    showAlerts(h, R"({"items":[{"id":3,"severity":"danger","title":"Lũ","body":"","area":""}]})");
    REQUIRE(h.activate("button", "Khẩn cấp: Lũ"));
    CHECK(h.find("heading", "Lũ"));
}
