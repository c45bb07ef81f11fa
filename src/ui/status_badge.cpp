// Status icons are drawn with ImDrawList primitives so no icon font or image has to load.
#include "ui/status_badge.h"

#include <algorithm>

#include "core/status.h"
#include "ui/widgets.h"

namespace motcua::ui {

ImU32 statusColour(int status) {
    const Rgba c = statusInfo(status).colour;
    return IM_COL32(c.r, c.g, c.b, 255);
}

void drawStatusIcon(ImDrawList* dl, ImVec2 c, float r, int status) {
    const ImU32 col = statusColour(status);
    const ImU32 white = IM_COL32_WHITE;
    const float t = std::max(2.0f, r * 0.18f);
    switch (statusInfo(status).family) {
    case StatusFamily::Processing: // a clock
        dl->AddCircleFilled(c, r, col);
        dl->AddLine(c, ImVec2(c.x, c.y - r * 0.55f), white, t);
        dl->AddLine(c, ImVec2(c.x + r * 0.45f, c.y), white, t);
        break;
    case StatusFamily::NeedsAction: // a warning triangle with "!"
        dl->AddTriangleFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r * 0.8f),
                              ImVec2(c.x - r, c.y + r * 0.8f), col);
        dl->AddLine(ImVec2(c.x, c.y - r * 0.4f), ImVec2(c.x, c.y + r * 0.25f), white, t);
        dl->AddCircleFilled(ImVec2(c.x, c.y + r * 0.52f), t * 0.6f, white);
        break;
    case StatusFamily::Done: // a check mark
        dl->AddCircleFilled(c, r, col);
        dl->AddLine(ImVec2(c.x - r * 0.45f, c.y), ImVec2(c.x - r * 0.1f, c.y + r * 0.38f), white,
                    t);
        dl->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.38f),
                    ImVec2(c.x + r * 0.5f, c.y - r * 0.35f), white, t);
        break;
    case StatusFamily::Refused: // a cross
        dl->AddCircleFilled(c, r, col);
        dl->AddLine(ImVec2(c.x - r * 0.4f, c.y - r * 0.4f), ImVec2(c.x + r * 0.4f, c.y + r * 0.4f),
                    white, t);
        dl->AddLine(ImVec2(c.x + r * 0.4f, c.y - r * 0.4f), ImVec2(c.x - r * 0.4f, c.y + r * 0.4f),
                    white, t);
        break;
    case StatusFamily::Withdrawn: // a minus
        dl->AddCircleFilled(c, r, col);
        dl->AddLine(ImVec2(c.x - r * 0.5f, c.y), ImVec2(c.x + r * 0.5f, c.y), white, t);
        break;
    default: // a question mark
        dl->AddCircleFilled(c, r, col);
        dl->AddText(nullptr, r * 1.4f, ImVec2(c.x - r * 0.35f, c.y - r * 0.75f), white, "?");
        break;
    }
}

void statusBadge(int status, const char* words) {
    const ImU32 col = statusColour(status);
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = ImGui::GetFontSize() * 0.7f;
    const float textX = p.x + 28 + 2 * r;
    // The same size as level-2 headings: one glyph bake fewer to rasterise on a slow phone.
    ImGui::PushFont(fonts().bold, ImGui::GetStyle().FontSizeBase * 1.22f);
    const ImVec2 size = ImGui::CalcTextSize(words, nullptr, false, p.x + w - textX - 12);
    const float h = std::max({56.0f, ImGui::GetFontSize() * 2.4f, size.y + 20});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 tint = ImGui::ColorConvertU32ToFloat4(col);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h),
                      ImGui::ColorConvertFloat4ToU32(ImVec4(tint.x, tint.y, tint.z, 0.10f)), 12.0f);
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), col, 12.0f, 0, 2.0f);
    drawStatusIcon(dl, ImVec2(p.x + 14 + r, p.y + h * 0.5f), r, status);
    dl->AddText(nullptr, 0.0f, ImVec2(textX, p.y + (h - size.y) * 0.5f), col, words, nullptr,
                p.x + w - textX - 12);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(w, h));
    mirrorLastItem("status", words);
}

} // namespace motcua::ui
