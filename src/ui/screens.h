// One Draw function per screen (imgui_demo style): each reads the state and emits intents.
#pragma once

#include "app/app_state.h"
#include "ui/context.h"

namespace motcua::ui {

void drawHomeScreen(Context& ctx, const AppState& state, Intents& out);
void drawLookupScreen(Context& ctx, AppState& state, Intents& out);
void drawDossierScreen(Context& ctx, const AppState& state, Intents& out);
void drawRatingScreen(Context& ctx, AppState& state, Intents& out);
void drawStatsScreen(Context& ctx, const AppState& state, Intents& out);
void drawCounterScreen(Context& ctx, const AppState& state, Intents& out);
void drawProceduresScreen(Context& ctx, AppState& state, Intents& out);
void drawProcedureScreen(Context& ctx, const AppState& state, Intents& out);
void drawRequestScreen(Context& ctx, AppState& state, Intents& out);
void drawRequestsScreen(Context& ctx, const AppState& state, Intents& out);
void drawPlacesScreen(Context& ctx, const AppState& state, Intents& out);
// Active alerts as one line at the top of every screen's page (under beginPage); it opens the
// alerts screen. Until the alerts are known, and for the rest of a page that showed it, the line
// keeps its place with quiet words: one arriving later would push down what a finger aims at.
void drawAlertsBanner(Context& ctx, const AppState& state, Intents& out);
void drawAlertsScreen(Context& ctx, const AppState& state, Intents& out);
// Other look-ups: the list of datasets, and one dataset's form with its answer.
void drawDatasetsScreen(Context& ctx, const AppState& state, Intents& out);
void drawDatasetScreen(Context& ctx, AppState& state, Intents& out);
void drawScanScreen(Context& ctx, const AppState& state, Intents& out);
// An address no screen has: says so and leads home.
void drawNotFoundScreen(Context& ctx, const AppState& state, Intents& out);
// The kiosk's "are you still there?" over any screen, while it counts down.
void drawKioskIdle(const AppState& state, Intents& out);
// Settings shared by several screens: language and text size.
void drawSettingsCard(const AppState& state, Intents& out);

} // namespace motcua::ui
