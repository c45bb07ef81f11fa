// Recognising receipts from QR codes, barcode scanners and pastes.
#include <catch2/catch.hpp>

#include <string>

#include "core/receipt_payload.h"

using namespace motcua;

static const std::string kCode = "000.00.12.H42-241124-0001";

TEST_CASE("blank input is empty", "[receipt_payload]") {
    CHECK(parseReceiptPayload("").kind == PayloadKind::Empty);
    CHECK(parseReceiptPayload(" \n\t ").kind == PayloadKind::Empty);
    CHECK(parseReceiptPayload("\xEF\xBB\xBF").kind == PayloadKind::Empty);
}

TEST_CASE("bare codes, with or without the secret", "[receipt_payload]") {
    auto p = parseReceiptPayload(kCode);
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);
    CHECK(p.secret.empty());

    p = parseReceiptPayload(" 000.00.12.h42-241124-0001\r\n"); // scanner adds CR LF
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);

    for (const char* text :
         {"000.00.12.H42-241124-0001 K7P2QX", "000.00.12.H42-241124-0001#K7P2QX",
          "000.00.12.H42-241124-0001|k7p2qx", "000.00.12.H42-241124-0001#k=K7P2QX"}) {
        INFO(text);
        p = parseReceiptPayload(text);
        CHECK(p.kind == PayloadKind::Receipt);
        CHECK(p.code == kCode);
        CHECK(p.secret == "K7P2QX");
    }
}

TEST_CASE("our own link form", "[receipt_payload]") {
    for (const char* text : {"https://motcua.example.vn/d/000.00.12.H42-241124-0001#k=K7P2QX",
                             "HTTPS://other.host:8443/app/d/000.00.12.H42-241124-0001/#k=k7p2qx",
                             "/d/000.00.12.H42-241124-0001#k=K7P2QX",
                             "https://x.vn/d/000.00.12.H42-241124-0001?utm=qr#k=K7P2QX&lang=en"}) {
        INFO(text);
        auto p = parseReceiptPayload(text);
        CHECK(p.kind == PayloadKind::Receipt);
        CHECK(p.code == kCode);
        CHECK(p.secret == "K7P2QX");
    }
    auto noSecret = parseReceiptPayload("https://motcua.example.vn/d/000.00.12.H42-241124-0001");
    CHECK(noSecret.kind == PayloadKind::Receipt);
    CHECK(noSecret.secret.empty());
    auto badSecret = parseReceiptPayload("/d/000.00.12.H42-241124-0001#k=XX");
    CHECK(badSecret.kind == PayloadKind::Receipt);
    CHECK(badSecret.secret.empty());
}

TEST_CASE("legacy lookup links", "[receipt_payload]") {
    auto p = parseReceiptPayload(
        "https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.12.H42-241124-0001");
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);

    p = parseReceiptPayload(
        "http://tracuu.example.vn/hoso.aspx?lang=vi&MHS=000.00.12.h42-241124-0001");
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);

    p = parseReceiptPayload("https://x.vn/tc?Ma=000.00.12.H42%2D241124%2D0001&secret=K7P2QX");
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);
    CHECK(p.secret == "K7P2QX");

    p = parseReceiptPayload("https://x.vn/tc?mhs=000.00.12.H42-241124-0001&k=K7P2QX");
    CHECK(p.secret == "K7P2QX");

    // A lookup link with a broken code is not a receipt we can use.
    p = parseReceiptPayload("https://x.vn/tc?ma=000.00.12.H42-241324-0001");
    CHECK(p.kind == PayloadKind::NotReceipt);
}

TEST_CASE("receipt text with the code inside", "[receipt_payload]") {
    auto p = parseReceiptPayload("Mã hồ sơ: 000.00.12.H42-241124-0001");
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);
    CHECK(p.secret.empty());

    p = parseReceiptPayload("GIẤY TIẾP NHẬN HỒ SƠ\nMã hồ sơ: 000.00.12.H42–241124–0001.\n"
                            "Mã bí mật: K7P2QX\nNgày hẹn trả: 29/11/2024");
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);
    CHECK(p.secret == "K7P2QX");

    p = parseReceiptPayload("Hồ sơ 000.00.12.H42-241124-0001 của tôi đến đâu rồi?");
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);

    p = parseReceiptPayload("Ngày hẹn trả 29/11/2024, số điện thoại 0912345678");
    CHECK(p.kind == PayloadKind::NotReceipt);
}

TEST_CASE("anything else is not a receipt and keeps the text", "[receipt_payload]") {
    for (const char* text :
         {"https://www.google.com/search?q=mot+cua", "https://zalo.me/g/abcdef123",
          "00020101021238570010A000000727012700069704220113012345678901230208QRIBFTTA5303704540"
          "4500005802VN6304ABCD",
          "Xin chào, hôm nay trời đẹp", "WIFI:S:Cafe;T:WPA;P:12345678;;", "12345",
          "https://x.vn/d/not-a-code#k=K7P2QX", "000.00.12.H42-241124"}) {
        INFO(text);
        auto p = parseReceiptPayload(text);
        CHECK(p.kind == PayloadKind::NotReceipt);
        CHECK(p.code.empty());
        CHECK_FALSE(p.raw.empty());
    }
    auto p = parseReceiptPayload("https://zalo.me/g/abcdef123");
    CHECK(p.raw == "https://zalo.me/g/abcdef123");
}

TEST_CASE("raw text is safe to display", "[receipt_payload]") {
    auto p = parseReceiptPayload("abc\x01\x1b[31mdef");
    CHECK(p.kind == PayloadKind::NotReceipt);
    CHECK(p.raw.find('\x1b') == std::string::npos);
    std::string longText(10000, 'x');
    p = parseReceiptPayload(longText);
    CHECK(p.kind == PayloadKind::NotReceipt);
    CHECK(p.raw.size() < 1000);
    std::string vietnamese;
    for (int i = 0; i < 400; ++i)
        vietnamese += "ệ"; // 3 bytes each: the cap must not split one
    p = parseReceiptPayload(vietnamese);
    CHECK(p.raw.substr(0, 510) == vietnamese.substr(0, 510));
}

TEST_CASE("links we build parse back", "[receipt_payload]") {
    CHECK(dossierLink(kCode, "K7P2QX") == "/d/000.00.12.H42-241124-0001#k=K7P2QX");
    CHECK(dossierLink(kCode, "") == "/d/000.00.12.H42-241124-0001");
    auto p = parseReceiptPayload(dossierLink(kCode, "K7P2QX"));
    CHECK(p.kind == PayloadKind::Receipt);
    CHECK(p.code == kCode);
    CHECK(p.secret == "K7P2QX");
    CHECK(dossierLink("a b", "") == "/d/a%20b");
}
