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
    std::string group;   // items sharing a group sit in one list (role list)
    bool urgent = false; // a status that is an error: announced assertively
    bool region = false; // the group is a named landmark (its name in groupLabel), not a list
    std::string groupLabel;
};

// What the mirror keeps between frames (in the UI context).
struct Mirror {
    std::vector<Item> items; // this frame's
    std::string lastJson;    // what was last published
    // Activations wait in order (a screen reader or a test may press several before a frame runs).
    struct Pending {
        uint32_t id;
        int age;
    };
    std::vector<Pending> pending;
    uint32_t focused = 0;
    bool focusMoved = false;
    bool reducedMotion = false;
    int backAge = -1; // frames a back request has waited; -1 none
    bool followUp = false;
};

void beginFrame();
void add(Item item);
// The item just added is an error message (announced assertively, not politely).
void markLastUrgent();
// The item just added sits in a named region (a landmark a screen reader can jump to or skip).
void markLastRegion(const std::string& label);
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

// Keyboard focus in the mirror (Tab, a screen reader's cursor, a switch device): the item with
// this id gets a focus ring and is scrolled into view; 0 when focus is outside the mirror.
void setFocus(uint32_t id, bool reducedMotion);
uint32_t focusedId();
bool reducedMotion();
// Focus moved to an item that has not been scrolled into view yet. Once it has been shown the page
// is left alone (the citizen may scroll away with focus left where it was).
bool focusPending();
void focusShown();

// Escape: go back where the screen's back button would. The back button claims it.
void requestBack();
bool takeBack();

} // namespace motcua::a11y
