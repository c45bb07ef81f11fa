// The calls into Dear ImGui's internal API, each with the reason the public API cannot do it.
#include "ui/gui_internals.h"

#include <imgui_internal.h>

namespace motcua::ui::internals {

void clearActiveItem() {
    // The public API can only make an item active (SetKeyboardFocusHere), not let go of one.
    ImGui::ClearActiveID();
}

bool inputQueued() {
    // ImGui applies one press or release per frame; the public IO does not show what is waiting.
    return ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
}

void bringCurrentWindowToFront() {
    // SetNextWindowFocus would also take keyboard focus from the page; this only changes the order.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
}

ImGuiID activeItem() {
    // The public API tells whether the last item is active, not which item is.
    return ImGui::GetActiveID();
}

bool currentWindowSkipsItems() {
    // The public API has no way to ask whether a window's items are being skipped.
    return ImGui::GetCurrentWindow()->SkipItems;
}

void currentClipRect(ImVec2& min, ImVec2& max) {
    // The public API gives the draw list's clip rectangle only while drawing into it.
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    min = clip.Min;
    max = clip.Max;
}

bool lastItemDisabled() {
    // The public API has no getter for the last item's flags.
    return (ImGui::GetItemFlags() & ImGuiItemFlags_Disabled) != 0;
}

ImGuiID hashText(const char* text, ImGuiID seed) {
    // ImGui::GetID hashes with the ID stack; a text's id must not depend on where it is pushed.
    return ImHashStr(text ? text : "", 0, seed);
}

ScrollView pageScrollView() {
    // The public scroll getters and setters act on the current window, not on its root page.
    const ImGuiWindow* page = ImGui::GetCurrentWindow()->RootWindow;
    return {page->InnerRect.Min, page->InnerRect.Max, page->Scroll.y, page->ScrollMax.y};
}

void setPageScroll(float y) {
    ImGui::SetScrollY(ImGui::GetCurrentWindow()->RootWindow, y);
}

ImGuiID scrollableWindowAt(ImVec2 point) {
    // Input arrives between frames: the public API only knows the window hovered last frame.
    ImGuiWindow* hovered = nullptr;
    ImGuiWindow* underMoving = nullptr;
    ImGui::FindHoveredWindowEx(point, false, &hovered, &underMoving);
    for (ImGuiWindow* w = hovered; w; w = w->ParentWindow) {
        if (w->ScrollMax.y > 0.0f) return w->ID;
    }
    return hovered ? hovered->ID : 0;
}

void scrollWindowBy(ImGuiID id, float dy) {
    // Between frames there is no current window for the public SetScrollY to act on.
    ImGuiWindow* w = ImGui::FindWindowByID(id);
    if (!w) return;
    ImGui::SetScrollY(w, ImClamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y));
}

void discardFontBakes(ImFont* font) {
    // ImGui 1.92 keeps no public way to rebake a font whose sources changed.
    ImFontAtlasFontDiscardBakes(ImGui::GetIO().Fonts, font, 0);
}

} // namespace motcua::ui::internals
