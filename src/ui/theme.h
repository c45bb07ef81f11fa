// The app's look: a calm light theme, its colours, and sizes that keep touch targets >= 44 CSS px.
#pragma once

#include <imgui.h>

namespace motcua::ui {

namespace color {
constexpr ImU32 kBackground = IM_COL32(246, 247, 249, 255);
constexpr ImU32 kCard = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kBorder = IM_COL32(214, 219, 226, 255);
constexpr ImU32 kText = IM_COL32(28, 33, 41, 255);
constexpr ImU32 kTextMuted = IM_COL32(88, 96, 108, 255);
constexpr ImU32 kPrimary = IM_COL32(11, 87, 164, 255);
constexpr ImU32 kPrimaryHover = IM_COL32(9, 74, 140, 255);
constexpr ImU32 kPrimaryActive = IM_COL32(6, 58, 112, 255);
constexpr ImU32 kPrimarySoft = IM_COL32(228, 239, 251, 255);
constexpr ImU32 kDanger = IM_COL32(180, 35, 24, 255);
constexpr ImU32 kWarning = IM_COL32(146, 84, 0, 255);
constexpr ImU32 kSuccess = IM_COL32(22, 120, 60, 255);
constexpr ImU32 kDangerSoft = IM_COL32(253, 236, 234, 255);
constexpr ImU32 kKeyboard = IM_COL32(228, 232, 238, 255); // the on-screen keyboard's tray
constexpr ImU32 kFocusRing = IM_COL32(6, 58, 112, 255);
} // namespace color

// Applies the theme for a text scale (1.0 = 100%, up to 2.0).
void applyTheme(float textScale);
// Height of a primary touch target at the current font size, never below 48 CSS px.
float touchHeight();
// Page margin and the width of the content column (centred on wide screens such as kiosks).
float pageMargin();
float contentWidth();

} // namespace motcua::ui
