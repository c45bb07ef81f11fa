// Face icons drawn with ImDrawList: a smile, a slight smile, a frown.
#include "ui/rating_widgets.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/a11y.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {
constexpr float kPi = 3.14159265f;
} // namespace

const char* ratingLevelWords(RatingLevel level) {
    const std::string key = std::string("rating.") + ratingLevelKey(level);
    return tr(key.c_str());
}

void drawFace(ImDrawList* dl, float cx, float cy, float r, RatingLevel level, unsigned colour) {
    const float t = std::max(2.0f, r * 0.12f);
    dl->AddCircle(ImVec2(cx, cy), r, colour, 0, t);
    dl->AddCircleFilled(ImVec2(cx - r * 0.35f, cy - r * 0.25f), r * 0.1f, colour);
    dl->AddCircleFilled(ImVec2(cx + r * 0.35f, cy - r * 0.25f), r * 0.1f, colour);
    const float mouthY = cy + r * 0.35f;
    switch (level) {
    case RatingLevel::VerySatisfied:
        dl->PathArcTo(ImVec2(cx, cy + r * 0.05f), r * 0.5f, 0.15f * kPi, 0.85f * kPi);
        dl->PathStroke(colour, 0, t);
        break;
    case RatingLevel::Satisfied:
        dl->PathArcTo(ImVec2(cx, cy - r * 0.2f), r * 0.6f, 0.3f * kPi, 0.7f * kPi);
        dl->PathStroke(colour, 0, t);
        break;
    case RatingLevel::Dissatisfied:
        dl->PathArcTo(ImVec2(cx, mouthY + r * 0.3f), r * 0.45f, 1.2f * kPi, 1.8f * kPi);
        dl->PathStroke(colour, 0, t);
        break;
    }
}

bool ratingChoice(RatingLevel level, bool selected, const char* a11yName, float height) {
    const char* words = ratingLevelWords(level);
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = height > 0 ? height : std::max(56.0f, ImGui::GetFontSize() * 2.6f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(static_cast<int>(level));
    const ImGuiID id = ImGui::GetID("##level");
    bool pressed = ImGui::InvisibleButton("##level", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const ImU32 accent = level == RatingLevel::Dissatisfied ? color::kDanger
                         : level == RatingLevel::Satisfied  ? color::kPrimary
                                                            : color::kSuccess;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bg = selected ? accent : (hovered ? color::kPrimarySoft : color::kCard);
    const ImU32 fg = selected ? IM_COL32_WHITE : accent;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), bg, 12.0f);
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), accent, 12.0f, 0, selected ? 3.0f : 1.5f);
    const float r = std::min(h * 0.32f, ImGui::GetFontSize() * 0.9f);
    drawFace(dl, p.x + 16 + r, p.y + h * 0.5f, r, level, fg);
    const ImVec2 ts = ImGui::CalcTextSize(words);
    dl->AddText(ImVec2(p.x + 32 + 2 * r, p.y + (h - ts.y) * 0.5f), fg, words);
    mirrorLastItem("radio", a11yName, nullptr, selected ? 1 : 0, 0, nullptr, id);
    if (a11y::takeActivation(id)) pressed = true;
    return pressed;
}

} // namespace motcua::ui
