// Pointer input: mouse and pen go to ImGui as they come; touch becomes taps and scrolling.
#include "app/input.h"

#include <cfloat>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

namespace motcua::input {
namespace {

constexpr float kDragThreshold = 10.0f; // CSS px a finger may wobble during a tap
constexpr double kFriction = 0.0035;    // inertia decay per ms

struct TouchState {
    bool down = false;
    bool dragging = false;
    float startX = 0, startY = 0;
    float lastY = 0;
    double lastTime = 0;
    float velocity = 0; // px per ms, positive when the finger moves down
    ImGuiID target = 0; // the window being scrolled
    bool coasting = false;
    double coastTime = 0;
};
TouchState g_touch;
double g_lastActivityMs = 0;

ImGuiMouseSource toImGui(Source s) {
    switch (s) {
    case Source::Touch:
        return ImGuiMouseSource_TouchScreen;
    case Source::Pen:
        return ImGuiMouseSource_Pen;
    default:
        return ImGuiMouseSource_Mouse;
    }
}

// The innermost window under the finger that can scroll vertically.
ImGuiWindow* scrollableWindowAt(float x, float y) {
    ImGuiWindow* hovered = nullptr;
    ImGuiWindow* underMoving = nullptr;
    ImGui::FindHoveredWindowEx(ImVec2(x, y), false, &hovered, &underMoving);
    for (ImGuiWindow* w = hovered; w; w = w->ParentWindow) {
        if (w->ScrollMax.y > 0.0f) return w;
    }
    return hovered;
}

void scrollBy(float dy) {
    ImGuiWindow* w = ImGui::FindWindowByID(g_touch.target);
    if (!w) return;
    const float y = ImClamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y);
    ImGui::SetScrollY(w, y);
}

} // namespace

void noteActivity(double timeMs) {
    g_lastActivityMs = timeMs;
}
double lastActivityMs() {
    return g_lastActivityMs;
}

void pointerDown(Source source, float x, float y, int button, double timeMs) {
    g_lastActivityMs = timeMs;
    ImGuiIO& io = ImGui::GetIO();
    if (source != Source::Touch) {
        io.AddMouseSourceEvent(toImGui(source));
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(button, true);
        return;
    }
    g_touch = TouchState{};
    g_touch.down = true;
    g_touch.startX = x;
    g_touch.startY = y;
    g_touch.lastY = y;
    g_touch.lastTime = timeMs;
    ImGuiWindow* w = scrollableWindowAt(x, y);
    g_touch.target = w ? w->ID : 0;
}

void pointerMove(Source source, float x, float y, double timeMs) {
    if (source != Source::Mouse || ImGui::GetIO().MouseDown[0]) g_lastActivityMs = timeMs;
    ImGuiIO& io = ImGui::GetIO();
    if (source != Source::Touch) {
        io.AddMouseSourceEvent(toImGui(source));
        io.AddMousePosEvent(x, y);
        return;
    }
    if (!g_touch.down) return;
    if (!g_touch.dragging && (std::fabs(y - g_touch.startY) > kDragThreshold ||
                              std::fabs(x - g_touch.startX) > kDragThreshold)) {
        g_touch.dragging = true;
    }
    if (g_touch.dragging) {
        const float dy = y - g_touch.lastY;
        const double dt = timeMs - g_touch.lastTime;
        scrollBy(dy);
        if (dt > 0) g_touch.velocity = 0.7f * static_cast<float>(dy / dt) + 0.3f * g_touch.velocity;
    }
    g_touch.lastY = y;
    g_touch.lastTime = timeMs;
}

void pointerUp(Source source, float x, float y, int button, double timeMs) {
    g_lastActivityMs = timeMs;
    ImGuiIO& io = ImGui::GetIO();
    if (source != Source::Touch) {
        io.AddMouseSourceEvent(toImGui(source));
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(button, false);
        return;
    }
    if (!g_touch.down) return;
    g_touch.down = false;
    if (g_touch.dragging) {
        // A finger resting before lifting means no fling.
        if (timeMs - g_touch.lastTime > 80) g_touch.velocity = 0;
        g_touch.coasting = std::fabs(g_touch.velocity) > 0.05f;
        g_touch.coastTime = timeMs;
        return;
    }
    // A tap: press and release where the finger was, then move the pointer away so nothing stays
    // hovered (a finger has no hover). ImGui trickles these over the next frames.
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, true);
    io.AddMouseButtonEvent(0, false);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

void pointerCancel(Source source) {
    if (source == Source::Touch) {
        g_touch.down = false;
        g_touch.dragging = false;
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseButtonEvent(0, false);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

void wheel(float dx, float dy) {
    ImGui::GetIO().AddMouseWheelEvent(dx, dy);
}

bool update(double timeMs) {
    if (!g_touch.coasting) return false;
    const double dt = std::fmin(timeMs - g_touch.coastTime, 50.0);
    g_touch.coastTime = timeMs;
    if (dt <= 0) return true;
    scrollBy(static_cast<float>(g_touch.velocity * dt));
    g_touch.velocity *= static_cast<float>(std::exp(-kFriction * dt));
    if (std::fabs(g_touch.velocity) < 0.02f) g_touch.coasting = false;
    return g_touch.coasting;
}

} // namespace motcua::input
