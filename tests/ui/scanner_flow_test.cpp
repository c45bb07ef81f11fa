// The scan screen headless: the camera opens and closes with the screen, a receipt QR opens its
// dossier, anything else gets a friendly message, and a refused camera still leaves two ways on.
#include <catch2/catch.hpp>

#include "platform/scanner_events.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;

namespace {
void report(scanner::State state) {
    scanner::events().state(state, "");
}
void result(const std::string& text, scanner::Source source = scanner::Source::Camera) {
    const std::array<float, 8> corners{100, 100, 300, 100, 300, 300, 100, 300};
    scanner::events().result(text, source == scanner::Source::Camera ? &corners : nullptr, source);
}
} // namespace

TEST_CASE("The camera runs only while the scan screen is open", "[ui][scan]") {
    Harness h;
    h.frames();
    CHECK_FALSE(host::nativeRecord().scannerOpen);
    REQUIRE(h.activate("button", "Quét mã QR trên giấy hẹn"));
    CHECK(host::nativeRecord().scannerOpen);
    CHECK(host::nativeRecord().scannerTexture != 0);
    CHECK(h.find("status", "Đang mở camera…"));
    report(scanner::State::Running);
    scanner::events().caps(true, true, 1280, 720);
    h.frames();
    CHECK(h.find("img", "Hình ảnh từ camera"));
    CHECK(h.find("radio", "Đèn"));
    CHECK(h.find("button", "Đổi camera"));
    REQUIRE(h.activate("button", "‹ Quay lại"));
    CHECK_FALSE(host::nativeRecord().scannerOpen);
}

TEST_CASE("A receipt QR goes straight to the dossier", "[ui][scan]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Quét mã QR trên giấy hẹn"));
    report(scanner::State::Running);
    result("https://motcua.example.vn/d/000.00.12.H42-241124-0001#k=ABC234");
    h.frames();
    CHECK_FALSE(host::nativeRecord().scannerOpen);
    CHECK(host::nativeRecord().vibrations == 1);
    CHECK(h.app->state().screen == Screen::Dossier);
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.body.find("000.00.12.H42-241124-0001") !=
          std::string::npos);
}

TEST_CASE("A QR that is not a receipt gets a friendly message with what it contained",
          "[ui][scan]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Quét mã QR trên giấy hẹn"));
    report(scanner::State::Running);
    result("https://zalo.me/g/abc123");
    h.frames();
    CHECK(host::nativeRecord().scannerOpen); // keep scanning
    CHECK(h.find("status", "Mã QR này không phải giấy hẹn. Nội dung: https://zalo.me/g/abc123"));
}

TEST_CASE("A refused camera explains and offers a photo or typing", "[ui][scan]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Quét mã QR trên giấy hẹn"));
    report(scanner::State::Denied);
    h.frames();
    CHECK(h.find("status", "Không dùng được camera: bạn chưa cho phép ứng dụng dùng camera. Bạn có "
                           "thể cho phép trong cài đặt trình duyệt."));
    REQUIRE(h.activate("button", "Chọn ảnh giấy hẹn"));
    CHECK(host::nativeRecord().scannerPhotoPicks == 1);
    scanner::events().photoFailed();
    h.frames();
    CHECK(h.find("status",
                 "Không tìm thấy mã QR trong ảnh. Hãy chụp rõ, đủ sáng, hoặc nhập mã hồ sơ."));
    REQUIRE(h.activate("button", "Nhập mã hồ sơ"));
    CHECK(h.find("textbox", "Mã hồ sơ"));
}

TEST_CASE("A USB scanner's receipt opens the dossier from any screen", "[ui][scan]") {
    Harness h;
    h.frames();
    result("000.00.12.H42-241124-0001 ABC234", scanner::Source::KeyboardScanner);
    h.frames();
    CHECK(h.app->state().screen == Screen::Dossier);
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.body.find("ABC234") != std::string::npos);
}

TEST_CASE("Camera frames are decoded one at a time, and a citizen who gets no reading is helped on",
          "[ui][scan]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Quét mã QR trên giấy hẹn"));
    CHECK_FALSE(scanner::events().frameWanted()); // the camera is not running yet
    report(scanner::State::Running);
    h.frames();
    REQUIRE(scanner::events().frameWanted());
    CHECK_FALSE(scanner::events().frameWanted()); // one in flight
    scanner::events().frameDone(20, false);
    CHECK(scanner::events().frameWanted());
    scanner::events().frameDone(20, false);
    const char* steady = "Giữ yên điện thoại, để cả mã QR nằm trong khung, cách khoảng 15–20 cm. "
                         "Nếu tối, hãy bật đèn.";
    const char* otherWays = "Vẫn chưa đọc được mã? Hãy chụp ảnh giấy hẹn hoặc nhập mã hồ sơ bằng "
                            "các nút bên dưới.";
    CHECK_FALSE(h.find("status", steady));
    host::nativeRecord().clockOffsetMs += ScanPacer::kHoldSteadyAfterMs;
    h.frames();
    CHECK(h.find("status", steady));
    host::nativeRecord().clockOffsetMs += ScanPacer::kOtherWaysAfterMs;
    h.frames();
    CHECK_FALSE(h.find("status", steady));
    CHECK(h.find("status", otherWays));
    CHECK(h.find("button", "Chọn ảnh giấy hẹn"));
    // A foreign code read: the aim is fine, the tips go; its message shows once and stays.
    REQUIRE(scanner::events().frameWanted());
    scanner::events().frameDone(20, true);
    result("https://zalo.me/g/abc123");
    result("https://zalo.me/g/abc123");
    h.frames();
    CHECK_FALSE(h.find("status", otherWays));
    CHECK(h.find("status", "Mã QR này không phải giấy hẹn. Nội dung: https://zalo.me/g/abc123"));
}
