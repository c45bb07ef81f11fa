// The few things the app needs from Dear ImGui's internal API (imgui_internal.h), in one place:
// each says in gui_internals.cpp why the public API cannot do it. Nothing else includes
// imgui_internal.
#pragma once

#include <imgui.h>

namespace motcua::ui::internals {

// No item stays active (a field loses focus): a new screen must not keep typing into the old one.
void clearActiveItem();
// Input events ImGui has queued but not yet processed (they trickle over the next frames).
bool inputQueued();
// Raises the window being drawn above every other (a modal question over the page).
void bringCurrentWindowToFront();
// The item that is active (a field being typed into), 0 when none.
ImGuiID activeItem();

// Items of the window being drawn, for the accessibility mirror.
// True when the window is clipped away and submits no items (the "last item" is then stale).
bool currentWindowSkipsItems();
// The visible part of the window being drawn.
void currentClipRect(ImVec2& min, ImVec2& max);
// True when the last item was drawn disabled.
bool lastItemDisabled();
// A stable id for a text without an ImGui id (headings, paragraphs), from what it says.
ImGuiID hashText(const char* text, ImGuiID seed);

// The page window the current window belongs to, as a scrolling view.
struct ScrollView {
    ImVec2 min, max; // the visible rectangle inside the page's padding
    float scroll = 0.0f;
    float scrollMax = 0.0f;
};
ScrollView pageScrollView();
void setPageScroll(float y);

// Touch scrolling: the innermost window under a point that can scroll vertically (0: none), and
// scrolling that window by dy pixels.
ImGuiID scrollableWindowAt(ImVec2 point);
void scrollWindowBy(ImGuiID window, float dy);

// Glyphs looked up before (and found missing) are cached per size: drop them after a font merge.
void discardFontBakes(ImFont* font);

} // namespace motcua::ui::internals
