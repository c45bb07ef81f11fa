// The scanner's viewfinder overlay over the camera preview. The web draws it with the GLSL
// shaders in shaders/ (viewfinder_gl.cpp); elsewhere it is drawn with ImDrawList
// (viewfinder_drawlist.cpp), which the headless tests use.
#pragma once

#include <array>

#include <imgui.h>

namespace motcua::viewfinder {

struct Overlay {
    ImVec2 previewMin, previewMax;   // the preview rectangle (CSS px)
    ImVec2 boxMin, boxMax;           // the aiming square
    std::array<ImVec2, 4> corners{}; // the found code's corners
    float highlight = 0;             // 0..1
    ImU32 colour = IM_COL32(40, 200, 90, 255);
};

void draw(ImDrawList* drawList, const Overlay& overlay);

} // namespace motcua::viewfinder
