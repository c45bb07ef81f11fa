// A fee's VietQR: built only for unpaid fees with a reference when the agency has an account,
// and carrying exactly the bank, account, amount and reference the payer must send.
#include <catch2/catch.hpp>

#include "core/fee_payment.h"
#include "fixture.h"

using namespace motcua;
using motcua::test::fixtureDossier;

TEST_CASE("each unpaid fee with a reference gets its VietQR", "[vietqr][dossier]") {
    Dossier d = fixtureDossier("fees_due.json");
    const auto payments = unpaidFeePayments(d);
    REQUIRE(payments.size() == 2); // the third fee is paid
    CHECK(payments[0].feeIndex == 0);
    CHECK(payments[1].feeIndex == 1);
    const auto parsed = parseVietQr(payments[1].payload);
    REQUIRE(parsed);
    CHECK(parsed.value->bankBin == "970436");
    CHECK(parsed.value->account == "1012345678");
    CHECK(parsed.value->amount == 8000U);
    CHECK(parsed.value->content == "MC0000012H422411250002P2");
    CHECK(*parsed.value == payments[1].transfer);
}

TEST_CASE("no VietQR without an account, a reference or an amount", "[vietqr][dossier]") {
    Dossier d = fixtureDossier("fees_due.json");
    d.fees[1].paymentReference.clear();
    d.fees[0].amount = 0;
    CHECK(unpaidFeePayments(d).empty());
    CHECK_FALSE(payableByTransfer(d, d.fees[1]));
    Dossier noAccount = fixtureDossier("fees_due.json");
    noAccount.paymentAccount.reset();
    CHECK(unpaidFeePayments(noAccount).empty());
}

TEST_CASE("an account a bank would refuse gives an error, not a wrong code", "[vietqr][dossier]") {
    Dossier d = fixtureDossier("fees_due.json");
    d.paymentAccount->bankBin = "97043";
    const auto payments = unpaidFeePayments(d);
    REQUIRE(payments.size() == 2);
    CHECK(payments[0].payload.empty());
    CHECK(payments[0].error == VietQrError::BadField);
}
