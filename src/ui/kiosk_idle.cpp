// The kiosk's "are you still there?" question, over whatever screen is open while it counts down.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/gui_internals.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

void drawKioskIdle(const AppState& state, Intents& out) {
    if (!state.kioskIdle.asking) return;
    // A modal so nothing behind it can be pressed by accident while it counts down: a dimmed
    // window over the page takes every touch, and the question sits above it, undimmed.
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 120));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##idle_dim", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    internals::bringCurrentWindowToFront();
    if (ImGui::IsWindowHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left))
        out.push_back(intent::StillThere{});
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    const float w = std::min(io.DisplaySize.x - 2 * pageMargin(), 640.0f * state.textScale);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), 0,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(pageMargin() * 1.5f, pageMargin() * 1.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kCard);
    ImGui::Begin("##idle", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    internals::bringCurrentWindowToFront();
    heading(tr("kiosk.still_there"), 1);
    char text[256];
    std::snprintf(text, sizeof text, tr("kiosk.countdown"), state.kioskIdle.secondsLeft);
    statusText(text);
    if (button(tr("kiosk.continue"))) out.push_back(intent::StillThere{});
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

} // namespace motcua::ui
