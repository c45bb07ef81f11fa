// The bridge between ImGui text fields and the platform's text agent (a hidden textarea on the
// web). While a field is active the agent's text is the truth: IME, Telex and autocorrect edit
// it, and the field takes the whole text and selection from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <imgui.h>

namespace motcua::ui {

struct TextAgent {
    // Written by the field every frame while it is active (what the platform must show).
    uint32_t activeId = 0;
    bool seen = false; // a field claimed the agent this frame
    std::string text;
    int selStart = 0, selEnd = 0; // UTF-16 offsets, as the DOM counts them
    const char* inputMode = "text";
    ImVec2 min, max;
    bool submitted = false; // Enter pressed in the agent
    // Written by the platform when the user edited the agent.
    std::optional<std::string> incoming;
    int incomingSelStart = 0, incomingSelEnd = 0;
    bool blurRequested = false; // the agent lost focus (keyboard closed): deactivate the field
    bool enterRequested = false;
};

TextAgent& textAgent();

// UTF-8 byte offset <-> UTF-16 code unit offset within a UTF-8 string.
int utf8ToUtf16Offset(const std::string& text, int byteOffset);
int utf16ToUtf8Offset(const std::string& text, int utf16Offset);

} // namespace motcua::ui
