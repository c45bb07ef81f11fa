// The kiosk's on-screen keyboard, drawn in ImGui: letters, digits, code punctuation, and
// Vietnamese tone and letter-mark keys. It types into the field the citizen last tapped.
#pragma once

#include <string>

#include <imgui.h>

namespace motcua::ui {

struct KeyboardTarget {
    ImGuiID id = 0;
    std::string* value = nullptr;
    size_t maxLength = 0;
    bool uppercase = false;
};

// What the keyboard keeps between frames (in the UI context).
struct KeyboardState {
    bool kiosk = false; // fields take their text from this keyboard, not the device's
    KeyboardTarget target;
    bool capsOverride = false; // the citizen pressed Shift: caps as they chose, not as the field
    bool caps = true;
};

// Kiosk mode (set by the Shell from the state each frame): fields take their text from this
// keyboard, not the device's.
bool kioskKeyboard();
KeyboardTarget& keyboardTarget();
void clearKeyboardTarget();

// Draws the keyboard docked at the bottom of the screen while a field is targeted; returns true
// when a key changed the text (the page drew the old text this frame: draw another).
bool drawOnscreenKeyboard();

} // namespace motcua::ui
