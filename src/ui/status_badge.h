// Dossier status shown as icon + colour + words, never colour alone.
#pragma once

#include <imgui.h>

namespace motcua::ui {

// Draws the status icon of a status family at a centre point.
void drawStatusIcon(ImDrawList* dl, ImVec2 centre, float radius, int status);
ImU32 statusColour(int status);
// A full-width badge: icon, the status in words, in the status colour on a tinted background.
void statusBadge(int status, const char* words);

} // namespace motcua::ui
