// The official three-level satisfaction scale as large choices with a face icon and words.
#pragma once

#include <imgui.h>

#include "core/dossier.h"

namespace motcua::ui {

const char* ratingLevelWords(RatingLevel level);
// A full-width choice for one level: face + words; a11yName is what screen readers hear.
bool ratingChoice(RatingLevel level, bool selected, const char* a11yName, float height = 0);
void drawFace(ImDrawList* dl, float cx, float cy, float r, RatingLevel level, unsigned colour);

} // namespace motcua::ui
