// Web entry point: a WebGL2 context on the page's canvas, Dear ImGui's OpenGL3 renderer, and a
// frame function the page calls only when something happened (render on demand).
#include <algorithm>
#include <memory>

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app/app.h"
#include "app/input.h"
#include "platform/host.h"
#include "ui/theme.h"

namespace motcua {
std::unique_ptr<HttpClient> makeWebHttpClient();
std::unique_ptr<Storage> makeWebStorage();
} // namespace motcua

namespace {
std::unique_ptr<motcua::HttpClient> g_http;
std::unique_ptr<motcua::Storage> g_storage;
std::unique_ptr<motcua::App> g_app;
double g_lastFrameMs = 0;
bool g_glReady = false; // no frame before WebGL and ImGui's renderer are up
} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE int mc_frame(double timeMs, float cssWidth, float cssHeight,
                                             float dpr) {
    if (!g_app || !g_glReady) return 0;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(cssWidth, cssHeight);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    const double dt = g_lastFrameMs > 0 ? (timeMs - g_lastFrameMs) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0 / 1000.0, 0.5));
    g_lastFrameMs = timeMs;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    const bool scrolling = motcua::input::update(timeMs);
    const bool more = g_app->frame();
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
    if (g_app) g_app->networkOnline();
}

// The browser moved in its history (Back, Forward): url is the entry's path, query and fragment.
extern "C" EMSCRIPTEN_KEEPALIVE void mc_history_moved(const char* url, int index, float scroll) {
    if (g_app) g_app->historyMoved(url ? url : "/", index, scroll);
    motcua::host::requestFrame();
}

// A background timer fired (host::wakeAfter): work without drawing.
extern "C" EMSCRIPTEN_KEEPALIVE void mc_wake() {
    if (g_app) g_app->wake();
}

// The service worker has a new version ready (web/pwa.js).
extern "C" EMSCRIPTEN_KEEPALIVE void mc_update_ready() {
    if (g_app) g_app->updateReady();
    motcua::host::requestFrame();
}

// The app can be installed: 1 the browser offers a prompt (Android), 2 iOS (Share → Add to Home
// Screen).
extern "C" EMSCRIPTEN_KEEPALIVE void mc_install_hint(int kind) {
    if (g_app) g_app->installHint(kind);
    motcua::host::requestFrame();
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
    g_app = std::make_unique<motcua::App>(*g_http, *g_storage);
    g_app->start(motcua::host::startUrl());

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
