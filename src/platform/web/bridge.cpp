// The one bridge between C++ and the page's JavaScript (web/shell.js via web/library_motcua.js):
// host services called from C++, and the entry points the page calls with input and frames.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

#include "app/input.h"
#include "platform/host.h"
#include "ui/a11y.h"
#include "ui/text_agent.h"

extern "C" {
// Implemented in web/library_motcua.js.
void mc_js_request_frame();
void mc_js_request_frame_after(int ms);
void mc_js_publish_a11y(const char* json);
void mc_js_sync_text_agent(int active, const char* text, int selStart, int selEnd,
                           const char* inputMode, float x, float y, float w, float h);
char* mc_js_start_url();
void mc_js_set_url(const char* url);
void mc_js_share(const char* title, const char* url);
void mc_js_set_lang(const char* code);
double mc_js_wall_clock();
}

namespace motcua::host {

void requestFrame() { mc_js_request_frame(); }
void requestFrameAfter(int milliseconds) { mc_js_request_frame_after(milliseconds); }
void publishA11y(const std::string& json) { mc_js_publish_a11y(json.c_str()); }

void syncTextAgent(bool active, const std::string& text, int selStart, int selEnd,
                   const char* inputMode, float x, float y, float w, float h) {
    static bool s_lastActive = false;
    static std::string s_lastText;
    static int s_lastStart = -1, s_lastEnd = -1;
    static float s_lastY = -1;
    // Only tell the page about changes: this runs every frame.
    if (active == s_lastActive && (!active || (text == s_lastText && selStart == s_lastStart &&
                                               selEnd == s_lastEnd && y == s_lastY)))
        return;
    s_lastActive = active;
    s_lastText = text;
    s_lastStart = selStart;
    s_lastEnd = selEnd;
    s_lastY = y;
    mc_js_sync_text_agent(active ? 1 : 0, text.c_str(), selStart, selEnd, inputMode, x, y, w, h);
}

std::string startUrl() {
    char* raw = mc_js_start_url();
    std::string url = raw ? raw : "";
    std::free(raw);
    return url;
}

void setUrl(const std::string& pathAndFragment) { mc_js_set_url(pathAndFragment.c_str()); }
void shareLink(const std::string& title, const std::string& url) {
    mc_js_share(title.c_str(), url.c_str());
}
void setDocumentLanguage(const char* code) { mc_js_set_lang(code); }
double nowMs() { return emscripten_get_now(); }
double wallClockSeconds() { return mc_js_wall_clock(); }

} // namespace motcua::host

using motcua::input::Source;

extern "C" {

EMSCRIPTEN_KEEPALIVE void mc_pointer(int kind, int source, float x, float y, int button,
                                     double timeMs) {
    const Source src = source == 1 ? Source::Touch : (source == 2 ? Source::Pen : Source::Mouse);
    switch (kind) {
    case 0: motcua::input::pointerDown(src, x, y, button, timeMs); break;
    case 1: motcua::input::pointerMove(src, x, y, timeMs); break;
    case 2: motcua::input::pointerUp(src, x, y, button, timeMs); break;
    default: motcua::input::pointerCancel(src); break;
    }
}

EMSCRIPTEN_KEEPALIVE void mc_wheel(float dx, float dy) { motcua::input::wheel(dx, dy); }

// Keys the text agent does not handle itself: 1 Enter, 2 Tab, 3 Escape.
EMSCRIPTEN_KEEPALIVE void mc_key(int key) {
    auto& agent = motcua::ui::textAgent();
    if (key == 1) agent.enterRequested = true;
    if (key == 3) agent.blurRequested = true;
}

EMSCRIPTEN_KEEPALIVE void mc_text_input(const char* utf8, int selStart, int selEnd) {
    auto& agent = motcua::ui::textAgent();
    agent.incoming = std::string(utf8 ? utf8 : "");
    agent.incomingSelStart = selStart;
    agent.incomingSelEnd = selEnd;
}

EMSCRIPTEN_KEEPALIVE void mc_text_blur() { motcua::ui::textAgent().blurRequested = true; }

EMSCRIPTEN_KEEPALIVE void mc_a11y_activate(uint32_t id) { motcua::a11y::requestActivation(id); }

} // extern "C"
