// Paying a fee by VietQR on the dossier screen, headless: the card and its code, the copy and save
// buttons, "paid" once the agency confirmed, large text on every screen size, and the scanner
// telling a payment code from a receipt.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "core/qr_code.h"
#include "core/vietqr.h"
#include "dossier_fixture.h"
#include "platform/scanner_events.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;
using namespace motcua::test::fixture;

namespace {

const std::string kReference = "MC0000012H422411240001P1";

std::string payableDossier(bool paid) {
    nlohmann::json d = nlohmann::json::parse(dossierJson(4, 1));
    d["fees"] = nlohmann::json::array({{{"name", "Lệ phí đăng ký"},
                                        {"amount", 50000},
                                        {"paid", paid},
                                        {"payment_reference", kReference}}});
    d["payment_account"] = {{"bank_bin", "970436"},
                            {"bank_name", "Vietcombank"},
                            {"account_number", "1012345678"},
                            {"account_name", "UBND PHUONG TRAN PHU"}};
    return d.dump();
}

void openDossier(Harness& h, bool paid) {
    h.frames();
    REQUIRE(h.http.respond(200, lookupReply(payableDossier(paid))));
    h.frames();
}

const a11y::Item* findQr(const Harness&) {
    for (const auto& item : a11y::items())
        if (item.role == "img" && item.name.rfind("Mã VietQR chuyển khoản", 0) == 0) return &item;
    return nullptr;
}

std::string expectedPayload() {
    auto payload = encodeVietQr({"970436", "1012345678", 50000, kReference});
    REQUIRE(payload);
    return *payload.value;
}

} // namespace

TEST_CASE("An unpaid fee shows its VietQR with the details to transfer by hand", "[ui][vietqr]") {
    Harness h(nullptr, "/d/" + kCode + "#k=" + kSecret);
    openDossier(h, false);
    CHECK(h.find("heading", "Thanh toán bằng VietQR"));
    const a11y::Item* qr = findQr(h);
    REQUIRE(qr);
    CHECK(qr->name == "Mã VietQR chuyển khoản 50.000 ₫, Vietcombank 1012345678");
    CHECK(qr->w >= 220);
    CHECK(qr->w == qr->h);
    CHECK(h.find("text", "Ngân hàng: Vietcombank"));
    CHECK(h.find("text", "Số tài khoản: 1012345678"));
    CHECK(h.find("text", "Chủ tài khoản: UBND PHUONG TRAN PHU"));
    CHECK(h.find("text", "Số tiền: 50.000 ₫"));
    CHECK(h.find("text", "Nội dung chuyển khoản (ghi đúng như sau): " + kReference));
    CHECK_FALSE(h.find("status", "Đã thanh toán"));

    REQUIRE(h.activate("button", "Sao chép nội dung chuyển khoản"));
    CHECK(host::nativeRecord().copiedText == kReference);
    CHECK(h.find("status", "Đã sao chép."));
    REQUIRE(h.activate("button", "Sao chép số tiền"));
    CHECK(host::nativeRecord().copiedText == "50000"); // digits only, as banking apps take it
    REQUIRE(h.activate("button", "Sao chép số tài khoản"));
    CHECK(host::nativeRecord().copiedText == "1012345678");

    REQUIRE(h.activate("button", "Lưu ảnh QR"));
    const QrCode code = encodeQr(expectedPayload(), QrEcc::M);
    CHECK(host::nativeRecord().savedQrFile == "vietqr-" + kReference + ".png");
    CHECK(host::nativeRecord().savedQrSize == code.size());
    CHECK(host::nativeRecord().savedQrModules == qrModuleString(code));
}

TEST_CASE("A fee the agency confirmed shows paid instead of a code", "[ui][vietqr]") {
    Harness h(nullptr, "/d/" + kCode + "#k=" + kSecret);
    openDossier(h, true);
    CHECK(h.find("status", "Đã thanh toán"));
    CHECK_FALSE(h.find("heading", "Thanh toán bằng VietQR"));
    CHECK_FALSE(findQr(h));
}

TEST_CASE("The VietQR card keeps touch targets and fits at 200 % text", "[ui][vietqr]") {
    for (const Viewport& viewport : kViewports) {
        INFO(viewport.name);
        Harness h(nullptr, "/d/" + kCode + "#k=" + kSecret);
        // As tall as the whole page: items scrolled out of view are not measured by the mirror.
        h.viewport = {viewport.name, viewport.width, 8000, viewport.dpr};
        h.app->apply(intent::SetTextScale{2.0f});
        openDossier(h, false);
        const a11y::Item* qr = findQr(h);
        REQUIRE(qr);
        CHECK(qr->w >= 220);
        CHECK(qr->x >= 0);
        CHECK(qr->x + qr->w <= viewport.width);
        int copyButtons = 0;
        for (const auto& item : a11y::items()) {
            if (item.role != "button") continue;
            INFO(item.name);
            CHECK(item.h >= 44);
            CHECK(item.x >= 0);
            CHECK(item.x + item.w <= viewport.width + 0.5f);
            copyButtons += item.name.rfind("Sao chép", 0) == 0;
        }
        CHECK(copyButtons == 3);
    }
}

TEST_CASE("A scanned VietQR is a payment code, never an error", "[ui][vietqr][scan]") {
    Harness h;
    h.app->apply(intent::Navigate{Screen::Scan});
    h.frames();
    scanner::events().result(expectedPayload(), nullptr, scanner::Source::Photo);
    h.frames();
    CHECK(h.app->state().screen == Screen::Scan);
    CHECK(h.find("status", "Đây là mã QR thanh toán (VietQR), không phải giấy hẹn. Ứng dụng không "
                           "chuyển tiền; hãy dùng ứng dụng ngân hàng để thanh toán."));
    CHECK(h.find("text", "Số tiền: 50.000 ₫"));
    CHECK(h.find("text", "Số tài khoản: 1012345678"));
    for (const auto& item : a11y::items())
        CHECK_FALSE(item.urgent);
    // A damaged payment code is still named for what it is.
    std::string damaged = expectedPayload();
    damaged.back() = damaged.back() == '0' ? '1' : '0';
    scanner::events().result(damaged, nullptr, scanner::Source::Photo);
    h.frames();
    CHECK(h.find("text", "Mã bị hỏng (sai mã kiểm tra)."));
    CHECK_FALSE(h.find("text", "Số tiền: 50.000 ₫"));
}
