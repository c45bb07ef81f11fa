// The app's look: a calm light theme, its colours, and sizes that keep touch targets >= 44 CSS px.
#pragma once

#include <imgui.h>

namespace motcua::ui {

namespace color {
constexpr ImU32 rgb(unsigned hex) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 255);
}
// A line per role, as 0xRRGGBB.
// Surfaces and text.
constexpr ImU32 kBackground = rgb(0xF6F7F9), kCard = rgb(0xFFFFFF), kBorder = rgb(0xD6DBE2);
constexpr ImU32 kText = rgb(0x1C2129), kTextMuted = rgb(0x58606C);
// The primary blue, pressed darker; its soft tint behind selected and highlighted items.
constexpr ImU32 kPrimary = rgb(0x0B57A4), kPrimaryHover = rgb(0x094A8C),
                kPrimaryActive = rgb(0x063A70);
constexpr ImU32 kPrimarySoft = rgb(0xE4EFFB);
// Signals (with icons and words, never colour alone).
constexpr ImU32 kDanger = rgb(0xB42318), kDangerSoft = rgb(0xFDECEA);
constexpr ImU32 kWarning = rgb(0x925400), kSuccess = rgb(0x16783C);
constexpr ImU32 kKeyboard = rgb(0xE4E8EE);   // the on-screen keyboard's tray
constexpr ImU32 kFocusRing = kPrimaryActive; // dark enough on white and beside the blue buttons
} // namespace color

// Applies the theme for a text scale (1.0 = 100%, up to 2.0).
void applyTheme(float textScale);
// Height of a primary touch target at the current font size, never below 48 CSS px.
float touchHeight();
// Page margin and the width of the content column (centred on wide screens such as kiosks).
float pageMargin();
float contentWidth();

} // namespace motcua::ui
