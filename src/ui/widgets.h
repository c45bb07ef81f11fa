// The app's widgets: ImGui items with touch-sized targets that also register themselves in the
// accessibility mirror (role + name), so a screen reader or a browser test can find and press them.
#pragma once

#include <string>

#include <vector>

#include <imgui.h>

#include "ui/fonts.h"

namespace motcua::ui {

struct Context;

enum class ButtonKind { Primary, Secondary, Quiet, Danger };

// Starts the full-screen page window with a centred content column, scrolled as the context's
// page state asks (the top for a new screen; a history entry's scroll once the page is tall
// enough); endPage records where it was scrolled.
void beginPage(Context& ctx, const char* id);
void endPage(Context& ctx);

// Text wrapped to the content width like ImGui::TextWrapped, with Chinese and Japanese broken
// between characters and kinsoku kept (core/line_break.h); one item for the layout.
void wrappedText(const char* text);
void heading(const char* text, int level = 1);
void paragraph(const char* text, bool muted = false);
// A text that changes with the app's state (role=status: screen readers announce it).
void statusText(const char* text, ImU32 color = 0);
void spacing(float multiple = 1.0f);
void separator();

// A touch-sized button; a11yName, when given, is the name screen readers hear (for example
// "Remove 000.00.12.H42-241124-0001" where the button only shows "Remove"). minHeight makes
// buttons side by side as tall as the one whose label wraps.
bool button(const char* label, ButtonKind kind = ButtonKind::Primary, float width = -1.0f,
            const char* a11yName = nullptr, float minHeight = 0.0f);
// A selectable option in a group (language, text size): role radio with checked state.
bool choice(const char* label, bool selected, float width);
bool link(const char* label);
// The "‹ Back" button at the top of a page.
bool backButton();

struct TextFieldOptions {
    const char* hint = "";
    const char* inputMode = "text"; // text, numeric, url, search, upper (capitals): the keyboard
    bool uppercase = false;
    size_t maxLength = 200;
};
// A labelled text field; returns true when the user pressed Enter/Go in it.
bool textField(const char* label, std::string& value, const TextFieldOptions& options = {});

// The height each of these would take at the current font in a column `width` wide (the
// content width when negative), so a screen can choose its layout before drawing it.
float wrappedTextHeight(const char* text, float width = -1.0f);
float headingHeight(const char* text, int level, float width = -1.0f);
float buttonHeight(const char* label, float width = -1.0f);

// A white rounded card around a group of items.
void beginCard(const char* id);
void endCard();

// Registers the last ImGui item in the mirror.
void mirrorLastItem(const char* role, const char* name, const char* value = nullptr,
                    int checked = -1, int level = 0, const char* group = nullptr, ImGuiID id = 0);

} // namespace motcua::ui
