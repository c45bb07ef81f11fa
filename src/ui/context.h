// Everything the UI keeps between frames, in one object: the accessibility mirror, the page's
// scroll, the on-screen keyboard, the text agent, touch scrolling, the fonts and the strings. The
// Shell owns it and binds it for the widgets, as ImGui binds its own context; a new one starts
// clean.
#pragma once

#include <map>
#include <string>

#include "core/i18n.h"
#include "core/qr_code.h"
#include "core/route.h"
#include "ui/a11y.h"
#include "ui/fonts.h"
#include "ui/onscreen_keyboard.h"
#include "ui/text_agent.h"
#include "ui/touch_input.h"

namespace motcua::ui {

// The page window's scroll, and the app's requests carried out (by their serials).
struct PageState {
    unsigned scrollSerial = 0;
    unsigned leaveSerial = 0;
    bool scrollTop = false;
    float scrollTo = -1.0f;       // a page's scroll to give back (history), until its content is in
    float scroll = 0.0f;          // where the page drawn last was scrolled
    Screen screen = Screen::Home; // the page's screen: a new one starts a new page
    bool alertLine = false;       // the alerts line has taken its place on this page
};

struct Context {
    a11y::Mirror mirror;
    PageState page;
    KeyboardState keyboard;
    TextAgent textAgent;
    input::TouchState touch;
    Fonts fonts;
    const Strings* strings = nullptr;
    std::map<std::string, QrCode> qrSymbols; // encoded once: payloads rarely change
};

// The bound context (the Shell binds its own while it lives); widgets read and write it.
Context& context();
void bindContext(Context* context);
// Unbinds `context` if it is the bound one (it is going away).
void unbindContext(const Context* context);

} // namespace motcua::ui
