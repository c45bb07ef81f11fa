// One Draw function per screen (imgui_demo style): each reads the state and emits intents.
#pragma once

#include "app/app_state.h"

namespace motcua::ui {

void drawHomeScreen(const AppState& state, Intents& out);
void drawLookupScreen(AppState& state, Intents& out);
void drawDossierScreen(const AppState& state, Intents& out);
void drawRatingScreen(AppState& state, Intents& out);
void drawStatsScreen(const AppState& state, Intents& out);
void drawCounterScreen(const AppState& state, Intents& out);
void drawProceduresScreen(AppState& state, Intents& out);
void drawProcedureScreen(const AppState& state, Intents& out);
void drawRequestScreen(AppState& state, Intents& out);
void drawRequestsScreen(const AppState& state, Intents& out);
void drawPlacesScreen(const AppState& state, Intents& out);
// Active alerts as one line at the top of every screen's page; it opens the alerts screen.
void drawAlertsBanner(const AppState& state, Intents& out);
void drawAlertsScreen(const AppState& state, Intents& out);
// Other look-ups: the list of datasets, and one dataset's form with its answer.
void drawDatasetsScreen(const AppState& state, Intents& out);
void drawDatasetScreen(AppState& state, Intents& out);
void drawScanScreen(const AppState& state, Intents& out);
// An address no screen has: says so and leads home.
void drawNotFoundScreen(const AppState& state, Intents& out);
// Settings shared by several screens: language and text size.
void drawSettingsCard(const AppState& state, Intents& out);

} // namespace motcua::ui
