// Paying a dossier's fees by transfer on the dossier screen: a VietQR card per unpaid fee, "paid"
// once the agency confirmed it (vietqr_card.cpp).
#pragma once

#include "app/app_state.h"

namespace motcua::ui {

// One card per fee payable by transfer (the dossier has a collection account and the fee a
// payment reference), in fee order; nothing when there is none.
void drawFeePayments(const DossierView& view, Intents& out);

} // namespace motcua::ui
