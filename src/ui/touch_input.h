// Pointer input for ImGui from any platform: mouse, pen and touch, with touch drag-to-scroll and
// inertia. Touch taps are delivered as a press and release at the tap position when the finger
// lifts, so a drag that scrolls never clicks what it started on.
#pragma once

namespace motcua::input {

enum class Source { Mouse, Touch, Pen };

// A finger on the screen: a tap or a drag that scrolls, and the fling after it (in the UI context).
struct TouchState {
    bool down = false;
    bool dragging = false;
    float startX = 0, startY = 0;
    float lastY = 0;
    double lastTime = 0;
    float velocity = 0;  // px per ms, positive when the finger moves down
    unsigned target = 0; // the ImGui window being scrolled
    bool coasting = false;
    double coastTime = 0;
};

void pointerDown(Source source, float x, float y, int button, double timeMs);
void pointerMove(Source source, float x, float y, double timeMs);
void pointerUp(Source source, float x, float y, int button, double timeMs);
void pointerCancel(Source source);
void wheel(float dx, float dy);
// Advances inertia scrolling; call once per frame after ImGui::NewFrame(). Returns true while
// the scroll is still moving (so the platform keeps asking for frames).
bool update(double timeMs);
// A person did something (keys, text, screen reader): host::noteActivity, the kiosk's idle clock.
void noteActivity(double timeMs);

} // namespace motcua::input
