// Pointer input for ImGui from any platform: mouse, pen and touch, with touch drag-to-scroll and
// inertia. Touch taps are delivered as a press and release at the tap position when the finger
// lifts, so a drag that scrolls never clicks what it started on.
#pragma once

namespace motcua::input {

enum class Source { Mouse, Touch, Pen };

void pointerDown(Source source, float x, float y, int button, double timeMs);
void pointerMove(Source source, float x, float y, double timeMs);
void pointerUp(Source source, float x, float y, int button, double timeMs);
void pointerCancel(Source source);
void wheel(float dx, float dy);
// Advances inertia scrolling; call once per frame after ImGui::NewFrame(). Returns true while
// the scroll is still moving (so the platform keeps asking for frames).
bool update(double timeMs);
// The last time a person did anything (pointer, keys, text, screen reader); for kiosk idle reset.
void noteActivity(double timeMs);
double lastActivityMs();

} // namespace motcua::input
