// Pointer input: mouse and pen go to ImGui as they come; touch becomes taps and scrolling.
#include "ui/touch_input.h"

#include <cfloat>
#include <cmath>

#include <imgui.h>

#include "platform/host.h"
#include "ui/context.h"
#include "ui/gui_internals.h"

namespace motcua::input {
namespace {

constexpr float kDragThreshold = 10.0f; // CSS px a finger may wobble during a tap
constexpr double kFriction = 0.0035;    // inertia decay per ms

TouchState& touch() {
    return ui::context().touch;
}

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

void scrollBy(float dy) {
    ui::internals::scrollWindowBy(touch().target, dy);
}

} // namespace

void noteActivity(double timeMs) {
    host::noteActivity(timeMs);
}

void pointerDown(Source source, float x, float y, int button, double timeMs) {
    host::noteActivity(timeMs);
    ImGuiIO& io = ImGui::GetIO();
    if (source != Source::Touch) {
        io.AddMouseSourceEvent(toImGui(source));
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(button, true);
        return;
    }
    touch() = TouchState{};
    touch().down = true;
    touch().startX = x;
    touch().startY = y;
    touch().lastY = y;
    touch().lastTime = timeMs;
    touch().target = ui::internals::scrollableWindowAt(ImVec2(x, y));
}

void pointerMove(Source source, float x, float y, double timeMs) {
    if (source != Source::Mouse || ImGui::GetIO().MouseDown[0]) host::noteActivity(timeMs);
    ImGuiIO& io = ImGui::GetIO();
    if (source != Source::Touch) {
        io.AddMouseSourceEvent(toImGui(source));
        io.AddMousePosEvent(x, y);
        return;
    }
    if (!touch().down) return;
    if (!touch().dragging && (std::fabs(y - touch().startY) > kDragThreshold ||
                              std::fabs(x - touch().startX) > kDragThreshold)) {
        touch().dragging = true;
    }
    if (touch().dragging) {
        const float dy = y - touch().lastY;
        const double dt = timeMs - touch().lastTime;
        scrollBy(dy);
        if (dt > 0) touch().velocity = 0.7f * static_cast<float>(dy / dt) + 0.3f * touch().velocity;
    }
    touch().lastY = y;
    touch().lastTime = timeMs;
}

void pointerUp(Source source, float x, float y, int button, double timeMs) {
    host::noteActivity(timeMs);
    ImGuiIO& io = ImGui::GetIO();
    if (source != Source::Touch) {
        io.AddMouseSourceEvent(toImGui(source));
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(button, false);
        return;
    }
    if (!touch().down) return;
    touch().down = false;
    if (touch().dragging) {
        // A finger resting before lifting means no fling.
        if (timeMs - touch().lastTime > 80) touch().velocity = 0;
        touch().coasting = std::fabs(touch().velocity) > 0.05f;
        touch().coastTime = timeMs;
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
        touch().down = false;
        touch().dragging = false;
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
    if (!touch().coasting) return false;
    const double dt = std::fmin(timeMs - touch().coastTime, 50.0);
    touch().coastTime = timeMs;
    if (dt <= 0) return true;
    scrollBy(static_cast<float>(touch().velocity * dt));
    touch().velocity *= static_cast<float>(std::exp(-kFriction * dt));
    if (std::fabs(touch().velocity) < 0.02f) touch().coasting = false;
    return touch().coasting;
}

} // namespace motcua::input
