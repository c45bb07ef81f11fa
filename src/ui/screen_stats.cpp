// Public figures: satisfaction and on-time rates per agency as simple bars, numbers in words too.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

// A labelled bar 0–100 %; the text says the number so colour and length are never alone.
void rateBar(const char* label, double rate, ImU32 colour) {
    char text[160];
    if (rate < 0)
        std::snprintf(text, sizeof text, "%s: %s", label, tr("stats.no_data"));
    else
        std::snprintf(text, sizeof text, "%s: %.0f%%", label, rate);
    wrappedText(text);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::max(12.0f, ImGui::GetFontSize() * 0.7f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(230, 234, 240, 255), h * 0.5f);
    if (rate > 0)
        dl->AddRectFilled(p, ImVec2(p.x + w * static_cast<float>(rate / 100.0), p.y + h), colour,
                          h * 0.5f);
    ImGui::Dummy(ImVec2(w, h));
    mirrorLastItem("text", text);
}

} // namespace

void drawStatsScreen(Context& ctx, const AppState& state, Intents& out) {
    const StatsView& s = state.stats;
    beginPage(ctx, "##stats");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Home});
    heading(tr("stats.title"), 1);
    paragraph(tr("stats.help"), true);
    if (s.load == Io::Loading) statusText(tr("stats.loading"));
    if (!s.message.empty()) statusText(tr(s.message.c_str()), color::kDanger);
    for (size_t i = 0; i < s.items.size(); ++i) {
        const AgencyFigures& f = s.items[i];
        ImGui::PushID(static_cast<int>(i));
        beginCard("##agency");
        const std::string& name =
            contentLanguage(state.language) == Language::En && !f.agency.en.empty() ? f.agency.en
                                                                                    : f.agency.name;
        heading(name.c_str(), 2);
        char counts[200];
        std::snprintf(counts, sizeof counts, tr("stats.counts"), f.received, f.finished, f.ratings);
        paragraph(counts, true);
        rateBar(tr("stats.satisfaction"), f.satisfactionRate, color::kSuccess);
        rateBar(tr("stats.on_time"), f.onTimeRate, color::kPrimary);
        endCard();
        ImGui::PopID();
    }
    endPage(ctx);
}

} // namespace motcua::ui
