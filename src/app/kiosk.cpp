// Kiosk sessions: the mode from the start URL and the idle countdown before a wipe.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/input.h"
#include "app/kiosk.h"
#include "platform/host.h"
#include "ui/onscreen_keyboard.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua {

namespace {
// A query parameter's value in a path like "/?mode=kiosk&idle=60" (empty when absent).
std::string queryValue(const std::string& url, const std::string& name) {
    const auto q = url.find('?');
    if (q == std::string::npos) return {};
    size_t pos = q + 1;
    while (pos < url.size()) {
        const size_t end = url.find_first_of("&#", pos);
        const std::string pair =
            url.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) == name) return eq == std::string::npos ? "" : pair.substr(eq + 1);
        if (end == std::string::npos || url[end] == '#') break;
        pos = end + 1;
    }
    return {};
}
} // namespace

bool Kiosk::configure(const std::string& startUrl) {
    const std::string mode = queryValue(startUrl, "mode");
    if (mode != "kiosk") return false;
    m_state.kiosk = true;
    const int idle = std::atoi(queryValue(startUrl, "idle").c_str());
    if (idle > 0) m_idleSeconds = std::max(idle, 5);
    // The question waits at least 20 s: someone reading a long page must have time to answer.
    const int countdown = std::atoi(queryValue(startUrl, "countdown").c_str());
    if (countdown > 0) m_countdownSeconds = std::max(countdown, kMinCountdownSeconds);
    ui::setKioskKeyboard(true);
    host::setKioskMode(true);
    input::noteActivity(host::nowMs());
    return true;
}

bool Kiosk::hasCitizenData() const {
    return m_state.screen != Screen::Home || !m_state.recents.empty() ||
           !m_state.lookup.code.empty() || !m_state.lookup.secret.empty() ||
           m_state.language != Language::Vi || !m_state.view.code.empty();
}

void Kiosk::restart() {
    host::setUrl("/?mode=kiosk");
    ui::requestScrollTop();
    input::noteActivity(host::nowMs());
}

bool Kiosk::drawIdle() {
    if (!m_state.kiosk) return false;
    const double idleMs = host::nowMs() - input::lastActivityMs();
    const double limitMs = m_idleSeconds * 1000.0;
    if (!hasCitizenData()) return false;
    if (idleMs < limitMs) {
        host::requestFrameAfter(static_cast<int>(limitMs - idleMs) + 50);
        return false;
    }
    const int left = m_countdownSeconds - static_cast<int>((idleMs - limitMs) / 1000.0);
    if (left <= 0) return true;
    host::requestFrameAfter(1000);
    // A modal so nothing behind it can be pressed by accident while it counts down.
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize,
                                                  IM_COL32(0, 0, 0, 120));
    const float w = std::min(io.DisplaySize.x - 2 * ui::pageMargin(), 640.0f * m_state.textScale);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), 0,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(ui::pageMargin() * 1.5f, ui::pageMargin() * 1.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::color::kCard);
    ImGui::Begin("##idle", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ui::heading(ui::tr("kiosk.still_there"), 1);
    char text[256];
    std::snprintf(text, sizeof text, ui::tr("kiosk.countdown"), left);
    ui::statusText(text);
    if (ui::button(ui::tr("kiosk.continue"))) input::noteActivity(host::nowMs());
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    return false;
}

} // namespace motcua
