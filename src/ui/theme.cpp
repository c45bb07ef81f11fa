// Theme colours and spacing, scaled with the text size so targets grow with the text.
#include "ui/theme.h"

#include <algorithm>

namespace motcua::ui {

void applyTheme(float textScale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.FontScaleMain = textScale;
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FrameRounding = 10;
    style.FrameBorderSize = 1;
    style.FramePadding = ImVec2(14, 12);
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.ChildRounding = 14;
    style.ChildBorderSize = 1;
    style.ScrollbarSize = 6;
    style.ScrollbarRounding = 3;
    style.GrabRounding = 6;
    style.TouchExtraPadding = ImVec2(2, 2);
    // Sizes above were chosen at 100%; grow spacing (not fonts: FontScaleMain does those) with
    // text.
    style.ScaleAllSizes(std::clamp(0.5f + textScale * 0.5f, 1.0f, 1.5f));
    style.FontScaleMain = textScale;

    ImVec4* c = style.Colors;
    auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    c[ImGuiCol_WindowBg] = v(color::kBackground);
    c[ImGuiCol_ChildBg] = v(color::kCard);
    c[ImGuiCol_PopupBg] = v(color::kCard);
    c[ImGuiCol_Border] = v(color::kBorder);
    c[ImGuiCol_Text] = v(color::kText);
    c[ImGuiCol_TextDisabled] = v(color::kTextMuted);
    c[ImGuiCol_FrameBg] = v(IM_COL32(255, 255, 255, 255));
    c[ImGuiCol_FrameBgHovered] = v(IM_COL32(250, 251, 253, 255));
    c[ImGuiCol_FrameBgActive] = v(IM_COL32(255, 255, 255, 255));
    c[ImGuiCol_Button] = v(color::kPrimary);
    c[ImGuiCol_ButtonHovered] = v(color::kPrimaryHover);
    c[ImGuiCol_ButtonActive] = v(color::kPrimaryActive);
    c[ImGuiCol_CheckMark] = v(color::kPrimary);
    c[ImGuiCol_Header] = v(color::kPrimarySoft);
    c[ImGuiCol_HeaderHovered] = v(color::kPrimarySoft);
    c[ImGuiCol_HeaderActive] = v(color::kPrimarySoft);
    c[ImGuiCol_Separator] = v(color::kBorder);
    c[ImGuiCol_ScrollbarBg] = v(IM_COL32(0, 0, 0, 0));
    c[ImGuiCol_NavCursor] = v(color::kPrimary);
    c[ImGuiCol_TextSelectedBg] = v(IM_COL32(11, 87, 164, 70));
}

float touchHeight() {
    return std::max(48.0f, ImGui::GetFontSize() * 2.4f);
}

float pageMargin() {
    return std::max(16.0f, ImGui::GetFontSize());
}

float contentWidth() {
    const float avail = ImGui::GetIO().DisplaySize.x - 2 * pageMargin();
    return std::min(avail, 720.0f * std::max(1.0f, ImGui::GetStyle().FontScaleMain * 0.8f));
}

} // namespace motcua::ui
