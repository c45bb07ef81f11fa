// Keyboard focus drawn on the canvas: ring and scroll-into-view for the mirror's focused item.
#include "ui/keyboard_focus.h"

#include <algorithm>

#include "ui/a11y.h"
#include "ui/gui_internals.h"
#include "ui/theme.h"

namespace motcua::ui {
namespace {

// Two tones, so the ring shows against a primary button (white inside) and against the page or a
// card (dark blue outside) alike: each tone has well over 3:1 against what it touches.
void drawRing(ImVec2 min, ImVec2 max) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float r = ImGui::GetStyle().FrameRounding;
    dl->AddRect(ImVec2(min.x - 1.5f, min.y - 1.5f), ImVec2(max.x + 1.5f, max.y + 1.5f),
                IM_COL32_WHITE, r + 1.5f, 0, 3.0f);
    dl->AddRect(ImVec2(min.x - 4.5f, min.y - 4.5f), ImVec2(max.x + 4.5f, max.y + 4.5f),
                color::kFocusRing, r + 4.5f, 0, 3.0f);
}

// Moves the page a step towards showing [min, max]; true once it is shown.
bool scrollTowards(ImVec2 min, ImVec2 max) {
    const internals::ScrollView view = internals::pageScrollView();
    const float height = view.max.y - view.min.y;
    const float margin = std::min(pageMargin(), height * 0.1f);
    float target = view.scroll;
    const bool tallerThanView = max.y - min.y > height - 2 * margin;
    if (min.y < view.min.y + margin || tallerThanView)
        target -= view.min.y + margin - min.y;
    else if (max.y > view.max.y - margin)
        target += max.y - (view.max.y - margin);
    target = std::clamp(target, 0.0f, view.scrollMax);
    const float distance = target - view.scroll;
    if (std::abs(distance) < 1.0f) return true;
    // The same feel as a flick on the touch screen: most of the way each frame, then settle.
    // People who asked for reduced motion get the jump.
    const float step =
        a11y::reducedMotion() || std::abs(distance) < 4.0f ? distance : distance * 0.35f;
    internals::setPageScroll(view.scroll + step);
    a11y::requestFollowUpFrame();
    return false;
}

} // namespace

void followFocus(uint32_t id, ImVec2 min, ImVec2 max, bool skipped) {
    if (id == 0 || id != a11y::focusedId()) return;
    if (skipped) {
        min = ImGui::GetWindowPos();
        max = ImVec2(min.x + ImGui::GetWindowSize().x, min.y + ImGui::GetWindowSize().y);
    }
    if (a11y::focusPending() && scrollTowards(min, max) && !skipped) a11y::focusShown();
    if (!skipped) drawRing(min, max);
}

} // namespace motcua::ui
