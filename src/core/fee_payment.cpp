// The VietQR of each unpaid fee: the agency's account, the fee's amount and its reference as the
// transfer content, encoded once here so the screen and the saved image show the same code.
#include "core/fee_payment.h"

namespace motcua {

bool payableByTransfer(const Dossier& dossier, const Fee& fee) {
    return dossier.paymentAccount && !fee.paymentReference.empty() && fee.amount > 0;
}

std::vector<FeePayment> unpaidFeePayments(const Dossier& dossier) {
    std::vector<FeePayment> out;
    for (size_t i = 0; i < dossier.fees.size(); ++i) {
        const Fee& fee = dossier.fees[i];
        if (fee.paid || !payableByTransfer(dossier, fee)) continue;
        FeePayment p;
        p.feeIndex = i;
        p.transfer.bankBin = dossier.paymentAccount->bankBin;
        p.transfer.account = dossier.paymentAccount->accountNumber;
        p.transfer.amount = static_cast<std::uint64_t>(fee.amount);
        p.transfer.content = fee.paymentReference;
        auto encoded = encodeVietQr(p.transfer);
        if (encoded)
            p.payload = std::move(*encoded.value);
        else
            p.error = encoded.error;
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace motcua
