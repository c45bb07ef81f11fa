// The app's fonts: the embedded Noto Sans faces, and the Korean, Chinese and Japanese faces merged
// in when they are fetched.
#pragma once

#include <cstddef>

#include <imgui.h>

namespace motcua::ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
};
Fonts& fonts();
// Loads the embedded Vietnamese subset of Noto Sans into the atlas (once per context).
void loadFonts();
// Merges the Korean/Chinese/Japanese font (OpenType bytes, fetched when one of those languages is
// chosen) into the regular and bold fonts; false if the atlas cannot read it. Call between frames.
bool mergeCjkFont(const unsigned char* data, std::size_t size);
// The CJK bold face: the bold font is built again from Noto Sans Bold and it (the regular CJK
// glyphs stood in until now). Call between frames. False (nothing changed) for a broken file.
bool useCjkBoldFont(const unsigned char* data, std::size_t size);

} // namespace motcua::ui
