// A headless Dear ImGui backend: no window, no GPU; textures are acknowledged so 1.92's dynamic
// font atlas works, and frames can be rendered in tests and benchmarks.
#pragma once

#include <imgui.h>

namespace motcua::test {

void nullBackendInit();
// Runs one frame: size in CSS px and scale, then calls draw() between NewFrame and Render.
template <class F> void nullBackendFrame(float width, float height, float scale, F&& draw);
void nullBackendAfterRender();

template <class F> void nullBackendFrame(float width, float height, float scale, F&& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.DisplayFramebufferScale = ImVec2(scale, scale);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    nullBackendAfterRender();
}

} // namespace motcua::test
