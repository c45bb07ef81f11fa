// The accessibility mirror: every frame the widgets register what they draw (role, name, state,
// rectangle); the platform turns the list into hidden DOM elements a screen reader can use, and
// activating one of those elements activates the ImGui item on the next frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::a11y {

struct Item {
    uint32_t id = 0;
    std::string role; // heading, button, link, textbox, status, listitem, text, checkbox, radio
    std::string name;
    std::string value;
    int level = 0; // heading level
    bool disabled = false;
    int checked = -1; // -1 not checkable, 0/1
    float x = 0, y = 0, w = 0, h = 0;
    std::string group; // items sharing a group sit in one list (role list)
};

void beginFrame();
void add(Item item);
// Serialises this frame's items; returns true when they differ from what was last published.
bool endFrame(std::string& json);
const std::vector<Item>& items();

// A request from the mirror (screen reader, keyboard, test) to activate item id.
void requestActivation(uint32_t id);
// True once for the item whose activation was requested.
bool takeActivation(uint32_t id);
// Activations still waiting: the app keeps drawing frames until they are handled.
bool hasPendingActivation();
// An activation whose effect shows only on the next frame (keyboard focus moves a frame later in
// ImGui) asks for that frame here; the app draws it even if nothing else changed.
void requestFollowUpFrame();
bool takeFollowUpFrame();

} // namespace motcua::a11y
