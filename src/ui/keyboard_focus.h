// Keyboard focus drawn on the canvas: a ring around the item the accessibility mirror has focused
// (Tab, a screen reader's cursor, a switch device) and the scroll that brings it into view.
#pragma once

#include <cstdint>

#include <imgui.h>

namespace motcua::ui {

// Called for every mirrored item with its rectangle (skipped: inside a clipped-away child, so
// only the child's own rectangle is known); acts only on the focused one.
void followFocus(uint32_t id, ImVec2 min, ImVec2 max, bool skipped);

} // namespace motcua::ui
