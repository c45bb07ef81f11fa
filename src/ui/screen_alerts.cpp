// Active alerts: one compact line at the top of every page (so they never push a screen's own
// actions out of sight) that opens the list, where each alert is shown in full.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/a11y.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

// 0 danger, 1 warning, 2 anything else (shown as info).
int rank(const Alert& a) {
    return a.severity == "danger" ? 0 : a.severity == "warning" ? 1 : 2;
}

const char* severityKey(const Alert& a) {
    static const char* kKeys[] = {"alert.danger", "alert.warning", "alert.info"};
    return kKeys[rank(a)];
}

ImU32 severityColour(const Alert& a) {
    static const ImU32 kColours[] = {color::kDanger, color::kWarning, color::kPrimary};
    return kColours[rank(a)];
}

// The most severe first; the server's order (newest first) within a severity.
std::vector<const Alert*> bySeverity(const std::vector<Alert>& items) {
    std::vector<const Alert*> out;
    for (const Alert& a : items)
        out.push_back(&a);
    std::stable_sort(out.begin(), out.end(),
                     [](const Alert* x, const Alert* y) { return rank(*x) < rank(*y); });
    return out;
}

// Drawn, not a glyph: "⚠" is in no font subset. Each severity has its own shape as well as its
// own colour, so the icon never relies on colour alone.
void drawAlertIcon(ImDrawList* dl, ImVec2 c, float r, const Alert& a) {
    const ImU32 col = severityColour(a);
    const ImU32 white = IM_COL32_WHITE;
    const float t = std::max(2.0f, r * 0.2f);
    switch (rank(a)) {
    case 0: // an octagon with "!"
        dl->AddNgonFilled(c, r * 1.05f, col, 8);
        dl->AddLine(ImVec2(c.x, c.y - r * 0.55f), ImVec2(c.x, c.y + r * 0.15f), white, t);
        dl->AddCircleFilled(ImVec2(c.x, c.y + r * 0.5f), t * 0.65f, white);
        break;
    case 1: // a triangle with "!"
        dl->AddTriangleFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r * 1.1f, c.y + r * 0.85f),
                              ImVec2(c.x - r * 1.1f, c.y + r * 0.85f), col);
        dl->AddLine(ImVec2(c.x, c.y - r * 0.35f), ImVec2(c.x, c.y + r * 0.3f), white, t);
        dl->AddCircleFilled(ImVec2(c.x, c.y + r * 0.6f), t * 0.6f, white);
        break;
    default: // a circle with "i"
        dl->AddCircleFilled(c, r, col);
        dl->AddCircleFilled(ImVec2(c.x, c.y - r * 0.45f), t * 0.65f, white);
        dl->AddLine(ImVec2(c.x, c.y - r * 0.15f), ImVec2(c.x, c.y + r * 0.55f), white, t);
        break;
    }
}

// "2026-11-24T06:00:00+07:00" as "2026-11-24 06:00" (the province's own time, as sent).
std::string when(const std::string& iso) {
    std::string s = iso.substr(0, 16);
    if (s.size() > 10 && s[10] == 'T') s[10] = ' ';
    return s;
}

std::string describe(const Alert& a) {
    return a.title + (a.area.empty() ? "" : " — " + a.area);
}

// The longest start of `text` (whole UTF-8 characters) that fits `width` with "…" after it.
std::string fitted(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const char* kEllipsis = "…";
    const float room = width - ImGui::CalcTextSize(kEllipsis).x;
    size_t end = 0;
    for (size_t next = 0; next < text.size();) {
        size_t step = 1;
        while (next + step < text.size() && (text[next + step] & 0xC0) == 0x80)
            ++step;
        if (ImGui::CalcTextSize(text.data(), text.data() + next + step).x > room) break;
        next += step;
        end = next;
    }
    // No dangling separator before the ellipsis.
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ','))
        --end;
    return text.substr(0, end) + kEllipsis;
}

// The line's place while there is no alert to show in it: loading, could not load, or none now.
void drawQuietAlertsLine(Context& ctx, const AppState& state) {
    const AlertsView& alerts = state.alerts;
    // The counter tablet asks for no alerts (LocalInfo does not poll there): nothing to wait for.
    if (state.screen == Screen::Counter) return;
    if (alerts.known && !ctx.page.alertLine) return;
    ctx.page.alertLine = true;
    const char* words = alerts.known    ? tr("alerts.none")
                        : alerts.failed ? tr("alerts.unavailable")
                                        : tr("alerts.checking");
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = touchHeight();
    ImGui::Dummy(ImVec2(w, h));
    mirrorLastItem("text", words);
    const float font = ImGui::GetFontSize();
    const std::string shown = fitted(words, w - ImGui::GetStyle().FramePadding.x * 2);
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(p.x + ImGui::GetStyle().FramePadding.x, p.y + (h - font) * 0.5f), color::kTextMuted,
        shown.c_str());
}

} // namespace

void drawAlertsBanner(Context& ctx, const AppState& state, Intents& out) {
    if (state.screen == Screen::Alerts) return;
    if (state.alerts.items.empty()) {
        drawQuietAlertsLine(ctx, state);
        return;
    }
    ctx.page.alertLine = true;
    const std::vector<const Alert*> sorted = bySeverity(state.alerts.items);
    const Alert& top = *sorted.front();
    const int more = static_cast<int>(sorted.size()) - 1;
    const ImU32 colour = severityColour(top);
    const std::string severity = std::string(tr(severityKey(top))) + ": ";
    char moreText[96] = "";
    if (more > 0) std::snprintf(moreText, sizeof moreText, tr("alerts.more"), more);
    // Words for everything the line shows in shapes and colour: severity, title, area, how many.
    const std::string name =
        severity + describe(top) + (more > 0 ? std::string(", ") + moreText : "");

    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = touchHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImGuiID id = ImGui::GetID("##alerts");
    bool pressed = ImGui::InvisibleButton("##alerts", ImVec2(w, h));
    const bool held = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
    mirrorLastItem("button", name.c_str(), nullptr, -1, 0, nullptr, id);
    a11y::markLastRegion(tr("alerts.title"));
    if (a11y::takeActivation(id)) pressed = true;
    if (pressed) out.push_back(intent::OpenAlerts{});

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = style.FrameRounding;
    const float bar = 6.0f;
    // A band of the severity colour down the left edge, the rest outlined in it.
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), colour, rounding);
    dl->AddRectFilled(ImVec2(p.x + bar, p.y + 2), ImVec2(p.x + w - 2, p.y + h - 2),
                      held || hovered ? color::kPrimarySoft : color::kCard,
                      std::max(0.0f, rounding - 2), ImDrawFlags_RoundCornersRight);

    // What the line holds, most needed first: the icon and the severity in words always, then
    // the chevron that says it opens, how many more there are, and as much of the title as fits.
    const float font = ImGui::GetFontSize();
    const float r = font * 0.5f;
    const char* chevron = "›";
    const float chevronW = ImGui::CalcTextSize(chevron).x;
    char count[16] = "";
    if (more > 0) std::snprintf(count, sizeof count, "+%d", more);
    const float countW = ImGui::CalcTextSize(count).x;
    const float pillW = countW + font * 0.8f;
    ImGui::PushFont(fonts().bold, 0.0f);
    const float severityW = ImGui::CalcTextSize(severity.c_str()).x;
    ImGui::PopFont();
    float pad = style.FramePadding.x, gap = style.ItemInnerSpacing.x;
    auto room = [&] { return w - bar - 2 * pad - 2 * r - gap; };
    // Large text on a narrow phone: tighter spacing before anything is left out.
    if (severityW + gap + chevronW > room()) pad = gap = font * 0.25f;
    const bool showChevron = severityW + gap + chevronW <= room();
    const bool showCount =
        more > 0 && showChevron && severityW + 2 * gap + chevronW + pillW <= room();

    const float midY = p.y + h * 0.5f;
    const float textY = midY - font * 0.5f;
    drawAlertIcon(dl, ImVec2(p.x + bar + pad + r, midY), r, top);
    float x = p.x + bar + pad + 2 * r + gap;
    float right = p.x + w - pad;
    if (showChevron) {
        right -= chevronW;
        dl->AddText(ImVec2(right, textY), color::kPrimary, chevron);
        right -= gap;
    }
    if (showCount) {
        right -= pillW;
        const float pillH = font * 1.3f;
        dl->AddRectFilled(ImVec2(right, midY - pillH * 0.5f),
                          ImVec2(right + pillW, midY + pillH * 0.5f), colour, pillH * 0.5f);
        dl->AddText(ImVec2(right + (pillW - countW) * 0.5f, textY), IM_COL32_WHITE, count);
        right -= gap;
    }
    const float titleRoom = right - x - severityW;
    const bool showTitle = titleRoom > font * 3;
    ImGui::PushFont(fonts().bold, 0.0f);
    // Without a title after it, the severity needs no colon.
    const std::string shown =
        fitted(showTitle ? severity : severity.substr(0, severity.size() - 2), right - x);
    dl->AddText(ImVec2(x, textY), colour, shown.c_str());
    ImGui::PopFont();
    if (showTitle)
        dl->AddText(ImVec2(x + severityW, textY), color::kText,
                    fitted(describe(top), titleRoom).c_str());
}

void drawAlertsScreen(Context& ctx, const AppState& state, Intents& out) {
    beginPage(ctx, "##alerts");
    if (backButton()) out.push_back(intent::CloseAlerts{});
    heading(tr("alerts.title"), 1);
    if (state.alerts.items.empty()) paragraph(tr("alerts.none"), true);
    for (const Alert* a : bySeverity(state.alerts.items)) {
        ImGui::PushID(static_cast<int>(a->id));
        const ImU32 colour = severityColour(*a);
        ImGui::PushStyleColor(ImGuiCol_Border, colour);
        ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
        beginCard("##alert");
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        // Severity as icon, colour and words, above the title.
        const char* words = tr(severityKey(*a));
        const float r = ImGui::GetFontSize() * 0.5f;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        drawAlertIcon(ImGui::GetWindowDrawList(),
                      ImVec2(p.x + r, p.y + ImGui::GetTextLineHeight() * 0.5f), r, *a);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 2 * r + ImGui::GetStyle().ItemInnerSpacing.x, p.y));
        ImGui::PushFont(fonts().bold, 0.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(words);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        mirrorLastItem("text", words);
        heading(a->title.c_str(), 2);
        if (!a->area.empty())
            paragraph((std::string(tr("places.area")) + ": " + a->area).c_str(), true);
        if (!a->startsAt.empty())
            paragraph((std::string(tr("places.when")) + ": " + when(a->startsAt) +
                       (a->endsAt.empty() ? "" : " – " + when(a->endsAt)))
                          .c_str(),
                      true);
        if (!a->body.empty()) paragraph(a->body.c_str());
        endCard();
        spacing(0.5f);
        ImGui::PopID();
    }
    endPage(ctx);
}

} // namespace motcua::ui
