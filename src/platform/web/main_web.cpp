// Web entry point and composition root: the app and its UI, a WebGL2 context on the page's canvas,
// Dear ImGui's OpenGL3 renderer, and the calls the page makes with input and frames (a frame only
// when something happened: render on demand).
#include <algorithm>
#include <memory>

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "platform/host.h"
#include "ui/a11y.h"
#include "ui/shell.h"
#include "ui/theme.h"
#include "ui/touch_input.h"

namespace motcua {
std::unique_ptr<HttpClient> makeWebHttpClient();
std::unique_ptr<Storage> makeWebStorage();
} // namespace motcua

namespace {
std::unique_ptr<motcua::HttpClient> g_http;
std::unique_ptr<motcua::Storage> g_storage;
std::unique_ptr<motcua::ui::Shell> g_shell;
double g_lastFrameMs = 0;
bool g_glReady = false; // no frame before WebGL and ImGui's renderer are up
} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE int mc_frame(double timeMs, float cssWidth, float cssHeight,
                                             float dpr) {
    if (!g_shell || !g_glReady) return 0;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(cssWidth, cssHeight);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    const double dt = g_lastFrameMs > 0 ? (timeMs - g_lastFrameMs) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0 / 1000.0, 0.5));
    g_lastFrameMs = timeMs;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    const bool scrolling = motcua::input::update(timeMs);
    const bool more = g_shell->frame();
    ImGui::Render();

    glViewport(0, 0, static_cast<int>(cssWidth * dpr + 0.5f),
               static_cast<int>(cssHeight * dpr + 0.5f));
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(motcua::ui::color::kBackground);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return (more || scrolling) ? 1 : 0;
}

extern "C" EMSCRIPTEN_KEEPALIVE void mc_network_online() {
    if (g_shell) g_shell->app().networkOnline();
}

// The browser moved in its history (Back, Forward): url is the entry's path, query and fragment.
extern "C" EMSCRIPTEN_KEEPALIVE void mc_history_moved(const char* url, int index, float scroll) {
    if (g_shell) g_shell->app().historyMoved(url ? url : "/", index, scroll);
    motcua::host::requestFrame();
}

// A background timer fired (host::wakeAfter): work without drawing.
extern "C" EMSCRIPTEN_KEEPALIVE void mc_wake() {
    if (g_shell) g_shell->app().wake();
}

// The service worker has a new version ready (web/pwa.js).
extern "C" EMSCRIPTEN_KEEPALIVE void mc_update_ready() {
    if (g_shell) g_shell->app().updateReady();
    motcua::host::requestFrame();
}

// The app can be installed: 1 the browser offers a prompt (Android), 2 iOS (Share → Add to Home
// Screen).
extern "C" EMSCRIPTEN_KEEPALIVE void mc_install_hint(int kind) {
    if (g_shell) g_shell->app().installHint(kind);
    motcua::host::requestFrame();
}

extern "C" EMSCRIPTEN_KEEPALIVE void mc_pointer(int kind, int source, float x, float y, int button,
                                                double timeMs) {
    if (!g_shell) return;
    const motcua::input::Source src = source == 1   ? motcua::input::Source::Touch
                                      : source == 2 ? motcua::input::Source::Pen
                                                    : motcua::input::Source::Mouse;
    switch (kind) {
    case 0:
        motcua::input::pointerDown(src, x, y, button, timeMs);
        break;
    case 1:
        motcua::input::pointerMove(src, x, y, timeMs);
        break;
    case 2:
        motcua::input::pointerUp(src, x, y, button, timeMs);
        break;
    default:
        motcua::input::pointerCancel(src);
        break;
    }
}

extern "C" EMSCRIPTEN_KEEPALIVE void mc_wheel(float dx, float dy) {
    if (!g_shell) return;
    motcua::host::noteActivity(emscripten_get_now());
    motcua::input::wheel(dx, dy);
}

// Keys the text agent does not handle itself: 1 Enter, 2 Tab, 3 Escape.
extern "C" EMSCRIPTEN_KEEPALIVE void mc_key(int key) {
    if (!g_shell) return;
    motcua::host::noteActivity(emscripten_get_now());
    auto& agent = g_shell->context().textAgent;
    if (key == 1) agent.enterRequested = true;
    if (key == 3) agent.blurRequested = true;
}

extern "C" EMSCRIPTEN_KEEPALIVE void mc_text_input(const char* utf8, int selStart, int selEnd) {
    if (!g_shell) return;
    motcua::host::noteActivity(emscripten_get_now());
    auto& agent = g_shell->context().textAgent;
    agent.incoming = std::string(utf8 ? utf8 : "");
    agent.incomingSelStart = selStart;
    agent.incomingSelEnd = selEnd;
}

extern "C" EMSCRIPTEN_KEEPALIVE void mc_text_blur() {
    if (!g_shell) return;
    g_shell->context().textAgent.blurRequested = true;
}

extern "C" EMSCRIPTEN_KEEPALIVE void mc_a11y_activate(uint32_t id) {
    if (!g_shell) return;
    motcua::host::noteActivity(emscripten_get_now());
    motcua::a11y::requestActivation(id);
}

// Focus moved within the mirror (id 0: out of it); reducedMotion from prefers-reduced-motion.
extern "C" EMSCRIPTEN_KEEPALIVE void mc_a11y_focus(uint32_t id, int reducedMotion) {
    if (!g_shell) return;
    motcua::host::noteActivity(emscripten_get_now());
    motcua::a11y::setFocus(id, reducedMotion != 0);
}

// Escape outside a text field: back where the screen's back button leads.
extern "C" EMSCRIPTEN_KEEPALIVE void mc_a11y_back() {
    if (!g_shell) return;
    motcua::host::noteActivity(emscripten_get_now());
    motcua::a11y::requestBack();
}

int main() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "motcua_web";

    // The app first: a receipt link's lookup is on the wire while WebGL and its shaders start
    // (tens of milliseconds on a phone), so the first frame can already show the timeline.
    g_http = motcua::makeWebHttpClient();
    g_storage = motcua::makeWebStorage();
    g_shell = std::make_unique<motcua::ui::Shell>(*g_http, *g_storage);
    g_shell->start(motcua::host::startUrl());

    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;
    attrs.premultipliedAlpha = false;
    attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context =
        emscripten_webgl_create_context("#canvas", &attrs);
    if (context <= 0) {
        // The app stays (its requests may still answer) but never draws.
        emscripten_run_script("window.motcuaShell && window.motcuaShell.fatal('webgl')");
        return 1;
    }
    emscripten_webgl_make_context_current(context);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    g_glReady = true;
    motcua::host::requestFrame();
    return 0;
}
