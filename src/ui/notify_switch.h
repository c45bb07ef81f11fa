// The "notify me when this dossier changes" switch on the dossier screen, with what it is doing
// and, when it cannot, why and what to do (allow in the browser, add to the Home Screen, retry).
#pragma once

#include "app/app_state.h"

namespace motcua::ui {

// Draws nothing on a kiosk (a shared screen must not subscribe anyone).
void drawNotifySwitch(const AppState& state, Intents& out);

} // namespace motcua::ui
