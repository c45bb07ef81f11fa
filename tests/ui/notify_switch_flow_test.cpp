// The notify switch on the dossier screen, headless: mirrored as a switch with its name and state,
// a finger-sized target at 100% and 200% text, the tap starting the subscription, and no switch on
// a kiosk; the kiosk wipe ends the browser's subscription.
#include <catch2/catch.hpp>

#include "dossier_fixture.h"
#include "platform/host.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;
using namespace motcua::test::fixture;

namespace {
const std::string kSwitch = "Báo cho tôi khi hồ sơ thay đổi";

void showDossier(Harness& h) {
    h.frames();
    REQUIRE(h.http.respond(200, lookupReply(dossierJson(4, 1))));
    h.frames();
    REQUIRE(h.find("heading", "Đăng ký khai sinh"));
}
} // namespace

TEST_CASE("The dossier screen offers the notify switch, a finger-sized target at any text size",
          "[ui][push]") {
    for (const float scale : {1.0f, 2.0f}) {
        INFO("text " << scale * 100 << "%");
        Harness h(nullptr, "/d/" + kCode + "#k=" + kSecret);
        h.app->apply(intent::SetTextScale{scale});
        showDossier(h);
        const a11y::Item* item = h.find("switch", kSwitch);
        REQUIRE(item);
        // At large text it sits below the fold: the citizen drags the page up to it.
        for (int drag = 0; drag < 10 && item && item->h == 0; ++drag) {
            const double t = 1000.0 * (drag + 1);
            input::pointerDown(input::Source::Touch, 200, 700, 0, t);
            for (int i = 1; i <= 10; ++i) {
                input::pointerMove(input::Source::Touch, 200, 700 - i * 30.0f, t + i * 16.0);
                h.frames(1);
            }
            input::pointerUp(input::Source::Touch, 200, 400, 0, t + 200);
            h.frames(4);
            item = h.find("switch", kSwitch);
        }
        REQUIRE(item);
        CHECK(item->checked == 0);
        CHECK(item->h >= 44.0f);
        CHECK(item->w >= 44.0f);
        // Nothing is asked of the browser until the tap.
        CHECK(host::nativeRecord().pushPermissionPrompts == 0);
        REQUIRE(h.activate("switch", kSwitch));
        CHECK(host::nativeRecord().pushPermissionPrompts == 1);
        CHECK(h.http.last().url == "/api/v1/push/key");
        CHECK(h.find("status", "Đang bật thông báo…"));
    }
}

TEST_CASE("Blocked notifications are explained under the switch", "[ui][push]") {
    Harness h(nullptr, "/d/" + kCode + "#k=" + kSecret);
    showDossier(h);
    host::nativeRecord().pushPermission = push::Permission::Denied;
    REQUIRE(h.activate("switch", kSwitch));
    h.frames();
    bool explained = false;
    for (const auto& item : a11y::items())
        explained |= item.role == "status" && item.name.find("Cho phép") != std::string::npos;
    CHECK(explained);
    CHECK(h.find("switch", kSwitch)->checked == 0);
}

TEST_CASE("A kiosk offers no notify switch, and its wipe ends any subscription", "[ui][push]") {
    Harness h(nullptr, "/?mode=kiosk&idle=60");
    h.viewport = kViewports[2];
    h.frames();
    REQUIRE(h.activate("button", "Nhập mã hồ sơ"));
    h.app->state().lookup.code = kCode;
    h.app->state().lookup.secret = kSecret;
    h.app->apply(intent::SubmitLookup{});
    showDossier(h);
    CHECK_FALSE(h.find("switch", kSwitch));
    input::noteActivity(host::nowMs() - 61'000); // idle: asked, then wiped after the countdown
    h.frames();
    input::noteActivity(host::nowMs() - 120'000);
    h.frames();
    CHECK(host::nativeRecord().wipes == 1);
    CHECK(host::nativeRecord().pushUnsubscribes == 1);
}
