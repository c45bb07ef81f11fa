// VietQR: CRC, TLV, the encoder against payloads published by others, the parser's errors, and
// the scanner telling a payment code from a receipt.
#include <catch2/catch.hpp>

#include <string>

#include "core/receipt_payload.h"
#include "core/vietqr.h"

using namespace motcua;

namespace {

// Published examples, their CRCs checked independently: the README of subiz/vietqr (Go), a
// sample order in a Vietnamese shop's API docs, a payOS payment link (URL-decoded), and a card
// transfer (QRIBFTTC) from a PHP project's CRC test.
const std::string kSubiz = "00020101021238570010A00000072701270006970415011300110019324180208QRIB"
                           "FTTA530370454061200005802VN62170813ung ho lu lut6304C15C";
const std::string kShop = "00020101021238540010A00000072701240006970436011010234567890208QRIBFTTA"
                          "5303704540719430005802VN62120808TT0000696304A8E5";
const std::string kPayos = "00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIB"
                           "FTTA5303704540470005802VN62120808TL89 1006304E346";
const std::string kCard =
    "00020101021238600010A00000072701300006970403011697040311012345670208QRIB"
    "FTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203";

std::string withCrc(std::string body) {
    body += "6304";
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::uint16_t crc = crc16CcittFalse(body);
    for (int shift = 12; shift >= 0; shift -= 4)
        body += kHex[(crc >> shift) & 0xF];
    return body;
}

} // namespace

TEST_CASE("CRC-16/CCITT-FALSE known vectors", "[vietqr]") {
    CHECK(crc16CcittFalse("123456789") == 0x29B1);
    CHECK(crc16CcittFalse("") == 0xFFFF);
    CHECK(crc16CcittFalse("A") == 0xB915);
}

TEST_CASE("TLV fields encode and split back", "[vietqr]") {
    CHECK(encodeTlv("58", "VN") == "5802VN");
    CHECK(encodeTlv("62", "") == "6200");
    CHECK(encodeTlv("5", "VN").empty());
    CHECK(encodeTlv("54", std::string(100, '1')).empty());
    auto fields = parseTlv("000201010212" + encodeTlv("99", std::string(99, 'x')));
    REQUIRE(fields);
    REQUIRE(fields.value->size() == 3);
    CHECK((*fields.value)[1] == TlvField{"01", "12"});
    CHECK((*fields.value)[2].value.size() == 99);
    CHECK(parseTlv("0002010").error == VietQrError::BadLength);
    CHECK(parseTlv("000501").error == VietQrError::BadLength);
    CHECK(parseTlv("0A0201").error == VietQrError::BadLength);
}

TEST_CASE("the encoder builds the published payloads byte for byte", "[vietqr]") {
    auto subiz = encodeVietQr({"970415", "0011001932418", 120000, "ung ho lu lut"});
    REQUIRE(subiz);
    CHECK(*subiz.value == kSubiz);
    auto shop = encodeVietQr({"970436", "1023456789", 1943000, "TT000069"});
    REQUIRE(shop);
    CHECK(*shop.value == kShop);
    auto payos = encodeVietQr({"970422", "VQRQADAIJ5512", 7000, "TL89 100"});
    REQUIRE(payos);
    CHECK(*payos.value == kPayos);
}

TEST_CASE("the parser reads the published payloads", "[vietqr]") {
    auto subiz = parseVietQr(kSubiz);
    REQUIRE(subiz);
    CHECK(subiz.value->bankBin == "970415");
    CHECK(subiz.value->account == "0011001932418");
    CHECK(subiz.value->amount == 120000u);
    CHECK(subiz.value->content == "ung ho lu lut");
    CHECK(subiz.value->service == "QRIBFTTA");

    auto card = parseVietQr(kCard);
    REQUIRE(card);
    CHECK(card.value->service == "QRIBFTTC");
    CHECK(card.value->account == "9704031101234567");
    CHECK(card.value->amount == 180000u);
    CHECK(card.value->content == "thanh toan don hang");

    // A scanner's CR LF, and a lower-case CRC, are still the same code.
    auto scanned = parseVietQr(" " + kShop + "\r\n");
    REQUIRE(scanned);
    CHECK(scanned.value->amount == 1943000u);
    std::string lower = kPayos;
    lower.replace(lower.size() - 4, 4, "e346");
    CHECK(parseVietQr(lower).ok());
}

TEST_CASE("a static QR has no amount and initiation 11", "[vietqr]") {
    auto encoded = encodeVietQr({"970422", "0123456789", std::nullopt, ""});
    REQUIRE(encoded);
    CHECK(encoded.value->substr(0, 12) == "000201010211");
    CHECK(encoded.value->find("5802VN6304") != std::string::npos); // no 54, no 62
    auto parsed = parseVietQr(*encoded.value);
    REQUIRE(parsed);
    CHECK_FALSE(parsed.value->amount.has_value());
    CHECK(parsed.value->content.empty());
}

TEST_CASE("round trips keep every field", "[vietqr]") {
    for (const VietQrTransfer& t :
         {VietQrTransfer{"970405", "4210205123456", 15000, "MC0000012H422411240001F1"},
          VietQrTransfer{"970436", "1", 1, "x"},
          VietQrTransfer{"970418", "ABCDEFGHIJ123456789", 9999999999999ull,
                         "~!@#$%^&*()_+{}|:<>?-=[]"},
          VietQrTransfer{"970403", "9704031101234567", 180000, "", "QRIBFTTC"}}) {
        auto encoded = encodeVietQr(t);
        REQUIRE(encoded);
        auto parsed = parseVietQr(*encoded.value);
        REQUIRE(parsed);
        CHECK(*parsed.value == t);
    }
}

TEST_CASE("the encoder refuses what a bank could not read", "[vietqr]") {
    CHECK(encodeVietQr({"97040", "123", 1, ""}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"97040A", "123", 1, ""}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"970405", "", 1, ""}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"970405", "12345678901234567890", 1, ""}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"970405", "123-456", 1, ""}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"970405", "123", 0, ""}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"970405", "123", 10000000000000ull, ""}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"970405", "123", 1, std::string(26, 'a')}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"970405", "123", 1, "Lệ phí"}).error == VietQrError::BadField);
    CHECK(encodeVietQr({"970405", "123", 1, "a\nb"}).error == VietQrError::BadField);
}

TEST_CASE("the parser names what is wrong", "[vietqr]") {
    CHECK(parseVietQr("").error == VietQrError::Empty);
    CHECK(parseVietQr(" \r\n").error == VietQrError::Empty);
    CHECK(parseVietQr(std::string(600, '0')).error == VietQrError::TooLarge);
    CHECK(parseVietQr("000.00.12.H42-241124-0001").error == VietQrError::NotEmv);
    CHECK(parseVietQr("https://zalo.me/g/abc").error == VietQrError::NotEmv);

    std::string damaged = kSubiz;
    damaged[60] = damaged[60] == '1' ? '2' : '1'; // one digit of the account changed
    CHECK(parseVietQr(damaged).error == VietQrError::BadCrc);
    CHECK(parseVietQr(kSubiz.substr(0, kSubiz.size() - 8)).error == VietQrError::BadCrc);
    CHECK(parseVietQr(kSubiz.substr(0, kSubiz.size() - 2)).error == VietQrError::BadLength);
    CHECK(parseVietQr(kSubiz + "00").error == VietQrError::BadLength);

    // A valid EMVCo code of another scheme (a card network's merchant QR without tag 38).
    CHECK(parseVietQr(withCrc("00020101021126120008ABCDEFGH5303704540410005802VN")).error ==
          VietQrError::NotVietQr);
    CHECK(parseVietQr(withCrc("000201010212381400100000000000530370454041000"
                              "5802VN"))
              .error == VietQrError::NotVietQr);

    std::string bin5 = "0010A000000727" +
                       encodeTlv("01", encodeTlv("00", "97040") + encodeTlv("01", "123")) +
                       "0208QRIBFTTA";
    CHECK(parseVietQr(withCrc("000201010212" + encodeTlv("38", bin5) + "53037045802VN")).error ==
          VietQrError::BadField);
    std::string good = "0010A000000727" +
                       encodeTlv("01", encodeTlv("00", "970405") + encodeTlv("01", "123")) +
                       "0208QRIBFTTA";
    std::string head = "000201010212" + encodeTlv("38", good);
    CHECK(parseVietQr(withCrc(head + "5303840"
                                     "5802VN"))
              .error == VietQrError::BadField);
    CHECK(parseVietQr(withCrc(head + "5303704"
                                     "5802US"))
              .error == VietQrError::BadField);
    CHECK(parseVietQr(withCrc(head + "5303704"
                                     "54041.50"
                                     "5802VN"))
              .error == VietQrError::BadField);
    CHECK(parseVietQr(withCrc(head + "5303704"
                                     "54010"
                                     "5802VN"))
              .error == VietQrError::BadField);
    auto decimal = parseVietQr(withCrc(head + "5303704"
                                              "540815000.00"
                                              "5802VN"));
    REQUIRE(decimal);
    CHECK(decimal.value->amount == 15000u);
    CHECK(std::string(vietQrErrorKey(VietQrError::BadCrc)) == "vietqr.error.bad_crc");
}

TEST_CASE("the scanner tells a payment code from a receipt", "[vietqr][receipt_payload]") {
    auto payment = classifyScan(kSubiz);
    CHECK(payment.kind == ScanKind::Payment);
    REQUIRE(payment.payment.has_value());
    CHECK(payment.payment->amount == 120000u);
    CHECK(payment.payment->account == "0011001932418");
    CHECK(payment.receipt.kind == PayloadKind::NotReceipt);

    // Damaged, it is still a payment code, never an error or a receipt.
    std::string damaged = kSubiz;
    damaged.back() = damaged.back() == 'C' ? 'D' : 'C';
    auto bad = classifyScan(damaged);
    CHECK(bad.kind == ScanKind::Payment);
    CHECK_FALSE(bad.payment.has_value());
    CHECK(bad.paymentError == VietQrError::BadCrc);
    CHECK_FALSE(bad.receipt.raw.empty());

    auto receipt = classifyScan("https://x.vn/d/000.00.12.H42-241124-0001#k=K7P2QX");
    CHECK(receipt.kind == ScanKind::Receipt);
    CHECK(receipt.receipt.code == "000.00.12.H42-241124-0001");
    CHECK_FALSE(receipt.payment.has_value());

    CHECK(classifyScan("WIFI:S:Cafe;T:WPA;P:12345678;;").kind == ScanKind::Other);
    CHECK(classifyScan("  ").kind == ScanKind::Empty);
}
