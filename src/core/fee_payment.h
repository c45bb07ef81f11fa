// Paying a dossier's fee by bank transfer: the VietQR each unpaid fee gets from the agency's
// collection account and the fee's payment reference (docs/dossier_payload.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/dossier.h"
#include "core/vietqr.h"

namespace motcua {

struct FeePayment {
    size_t feeIndex = 0;                   // into Dossier::fees
    VietQrTransfer transfer;               // what the payer's bank is asked to send
    std::string payload;                   // the VietQR text; empty when it cannot be built
    VietQrError error = VietQrError::None; // why not (an account or reference a bank refuses)
};

// A fee the citizen can pay by transfer: the dossier has a collection account and the fee a
// payment reference and an amount.
bool payableByTransfer(const Dossier& dossier, const Fee& fee);

// The transfer and VietQR for every fee payable by transfer and not yet paid, in fee order.
std::vector<FeePayment> unpaidFeePayments(const Dossier& dossier);

} // namespace motcua
