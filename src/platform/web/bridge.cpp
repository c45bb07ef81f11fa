// The one bridge between C++ and the page's JavaScript (web/shell.js via web/library_motcua.js):
// host services called from C++, and the entry points the page calls with input and frames.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

#include "core/scan_burst.h"
#include "platform/host.h"
#include "platform/push.h"
#include "platform/scanner.h"
#include "platform/scanner_events.h"

extern "C" {
// Implemented in web/library_motcua.js.
void mc_js_request_frame();
void mc_js_request_frame_after(int ms);
void mc_js_wake_after(int ms);
void mc_js_publish_a11y(const char* json);
void mc_js_sync_text_agent(int active, const char* text, int selStart, int selEnd,
                           const char* inputMode, float x, float y, float w, float h);
char* mc_js_start_url();
char* mc_js_cjk_font_url(int bold);
void mc_js_set_url(const char* url);
void mc_js_push_url(const char* url, float leavingScroll);
void mc_js_history_back();
int mc_js_history_index();
void mc_js_share(const char* title, const char* url);
void mc_js_set_lang(const char* code);
void mc_js_vibrate(int ms);
void mc_js_random(unsigned char* out, int n);
void mc_js_apply_update();
void mc_js_report_timing(const char* name, double ms);
void mc_js_open_url(const char* url);
void mc_js_prompt_install();
void mc_js_set_kiosk(int on);
void mc_js_wipe_storage();
double mc_js_wall_clock();
void mc_js_scanner_open(unsigned texture);
void mc_js_scanner_close();
void mc_js_scanner_torch(int on);
void mc_js_scanner_switch();
void mc_js_scanner_pick_photo();
void mc_js_copy_text(const char* text);
void mc_js_save_qr_image(const char* fileName, int size, const char* modules, const char* caption);
}

namespace motcua::host {

void requestFrame() {
    mc_js_request_frame();
}
void requestFrameAfter(int milliseconds) {
    mc_js_request_frame_after(milliseconds);
}
void wakeAfter(int milliseconds) {
    mc_js_wake_after(milliseconds);
}
void publishA11y(const std::string& json) {
    mc_js_publish_a11y(json.c_str());
}

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

namespace {
std::string fontUrl(bool bold) {
    char* raw = mc_js_cjk_font_url(bold ? 1 : 0);
    std::string url = raw ? raw : "";
    std::free(raw);
    return url;
}
} // namespace

std::string cjkFontUrl() {
    return fontUrl(false);
}

std::string cjkBoldFontUrl() {
    return fontUrl(true);
}

void setUrl(const std::string& pathAndFragment) {
    mc_js_set_url(pathAndFragment.c_str());
}
void pushUrl(const std::string& pathAndFragment, float leavingScroll) {
    mc_js_push_url(pathAndFragment.c_str(), leavingScroll);
}
void historyBack() {
    mc_js_history_back();
}
int historyIndex() {
    return mc_js_history_index();
}
void shareLink(const std::string& title, const std::string& url) {
    mc_js_share(title.c_str(), url.c_str());
}
void setDocumentLanguage(const char* code) {
    mc_js_set_lang(code);
}
void vibrate(int milliseconds) {
    mc_js_vibrate(milliseconds);
}
void applyUpdate() {
    mc_js_apply_update();
}
void reportTiming(const char* name, double milliseconds) {
    mc_js_report_timing(name, milliseconds);
}
void openUrl(const std::string& url) {
    mc_js_open_url(url.c_str());
}
void promptInstall() {
    mc_js_prompt_install();
}
std::string randomSeed() {
    unsigned char bytes[16];
    mc_js_random(bytes, 16);
    return std::string(reinterpret_cast<const char*>(bytes), 16);
}
void setKioskMode(bool on) {
    mc_js_set_kiosk(on ? 1 : 0);
}
void wipeDeviceStorage() {
    mc_js_wipe_storage();
}
double nowMs() {
    return emscripten_get_now();
}
namespace {
double g_lastActivityMs = 0;
} // namespace
void noteActivity(double timeMs) {
    g_lastActivityMs = timeMs;
}
double lastActivityMs() {
    return g_lastActivityMs;
}
double wallClockSeconds() {
    return mc_js_wall_clock();
}
void copyText(const std::string& text) {
    mc_js_copy_text(text.c_str());
}
void saveQrImage(const std::string& fileName, int size, const std::string& modules,
                 const std::string& caption) {
    mc_js_save_qr_image(fileName.c_str(), size, modules.c_str(), caption.c_str());
}

} // namespace motcua::host

namespace motcua::scanner {
void open(unsigned texture) {
    mc_js_scanner_open(texture);
}
void close() {
    mc_js_scanner_close();
}
void setTorch(bool on) {
    mc_js_scanner_torch(on ? 1 : 0);
}
void switchCamera() {
    mc_js_scanner_switch();
}
void pickPhoto() {
    mc_js_scanner_pick_photo();
}
} // namespace motcua::scanner

extern "C" {

namespace {
motcua::ScanBurstDetector g_burst;
std::string g_burstFlush;
} // namespace

// Every printable key and Enter, anywhere in the page: a USB barcode scanner types a burst.
// Returns bit 0: swallow the key; bits 1-7: characters to remove from the focused field.
// Characters to type after all are then read with mc_key_burst_flush().
EMSCRIPTEN_KEEPALIVE int mc_key_burst(const char* character, double timeMs) {
    motcua::host::noteActivity(emscripten_get_now());
    const motcua::BurstDecision d = g_burst.key(character ? character : "", timeMs);
    g_burstFlush = d.flush;
    if (d.burst)
        motcua::scanner::events().result(*d.burst, nullptr,
                                         motcua::scanner::Source::KeyboardScanner);
    if (d.burst) motcua::host::requestFrame();
    return (d.swallow ? 1 : 0) | (std::min(d.removeLeaked, 127) << 1);
}

EMSCRIPTEN_KEEPALIVE const char* mc_key_burst_flush() {
    return g_burstFlush.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* mc_key_burst_timeout(double timeMs) {
    g_burstFlush = g_burst.timeout(timeMs);
    return g_burstFlush.c_str();
}

// Scanner events from web/scanner.js. state: see scanner::State; detail: a short reason for logs.
EMSCRIPTEN_KEEPALIVE void mc_scan_state(int state, const char* detail) {
    motcua::scanner::events().state(static_cast<motcua::scanner::State>(state),
                                    detail ? detail : "");
    motcua::host::requestFrame();
}

EMSCRIPTEN_KEEPALIVE void mc_scan_caps(int torch, int switchable, int width, int height) {
    motcua::scanner::events().caps(torch != 0, switchable != 0, width, height);
    motcua::host::requestFrame();
}

// A decoded code: its text, and its four corners in video pixels (x0,y0 … x3,y3) or null.
EMSCRIPTEN_KEEPALIVE void mc_scan_result(const char* text, const float* corners, int source) {
    std::array<float, 8> pts{};
    const bool hasCorners = corners != nullptr;
    if (hasCorners)
        for (int i = 0; i < 8; ++i)
            pts[static_cast<size_t>(i)] = corners[i];
    motcua::scanner::events().result(text ? text : "", hasCorners ? &pts : nullptr,
                                     static_cast<motcua::scanner::Source>(source));
    motcua::host::requestFrame();
}

// A picked photo held no readable code.
EMSCRIPTEN_KEEPALIVE void mc_scan_photo_failed() {
    motcua::scanner::events().photoFailed();
    motcua::host::requestFrame();
}

// A live camera frame is ready: 1 if the app wants it decoded (it is then in flight until
// mc_scan_decoded), 0 to skip it (one already in flight, or the decoder is resting).
EMSCRIPTEN_KEEPALIVE int mc_scan_frame_wanted() {
    return motcua::scanner::events().frameWanted() ? 1 : 0;
}

// A frame handed out by mc_scan_frame_wanted is done: decodeMs in the worker, a code found or not.
EMSCRIPTEN_KEEPALIVE void mc_scan_decoded(double decodeMs, int found) {
    motcua::scanner::events().frameDone(decodeMs, found != 0);
}

// A new video frame was uploaded into the preview texture.
EMSCRIPTEN_KEEPALIVE void mc_scan_frame() {
    motcua::host::requestFrame();
}

} // extern "C"

// ---- Web Push (web/push.js): the notify switch's platform side -------------------------------
extern "C" {
int mc_js_push_support();
int mc_js_push_permission();
void mc_js_push_request_permission();
void mc_js_push_subscribe(const char* key);
void mc_js_push_current();
void mc_js_push_unsubscribe();
void mc_js_push_set_dossiers(const char* json);
}

namespace motcua::push {
Support support() {
    const int s = mc_js_push_support();
    return s == 2 ? Support::NeedsInstall : (s == 1 ? Support::Unsupported : Support::Supported);
}
Permission permission() {
    const int p = mc_js_push_permission();
    return p == 1 ? Permission::Granted : (p == 2 ? Permission::Denied : Permission::Default);
}
void requestPermission() {
    mc_js_push_request_permission();
}
void subscribe(const std::string& applicationServerKey) {
    mc_js_push_subscribe(applicationServerKey.c_str());
}
void current() {
    mc_js_push_current();
}
void unsubscribe() {
    mc_js_push_unsubscribe();
}
void setDossiers(const std::string& json) {
    mc_js_push_set_dossiers(json.c_str());
}
} // namespace motcua::push

extern "C" {

// The permission prompt was answered: 1 granted, 2 denied, 0 closed without an answer.
EMSCRIPTEN_KEEPALIVE void mc_push_permission(int permission) {
    motcua::push::events().permission(permission == 1   ? motcua::push::Permission::Granted
                                      : permission == 2 ? motcua::push::Permission::Denied
                                                        : motcua::push::Permission::Default);
    motcua::host::requestFrame();
}

// The browser subscribed: PushSubscription.toJSON() as text.
EMSCRIPTEN_KEEPALIVE void mc_push_subscribed(const char* json) {
    motcua::push::events().subscribed(json ? json : "");
    motcua::host::requestFrame();
}

// Subscribing failed: 1 permission refused, 2 unsupported, 3 anything else.
EMSCRIPTEN_KEEPALIVE void mc_push_failed(int reason) {
    motcua::push::events().failed(reason == 1   ? motcua::push::Failure::Denied
                                  : reason == 2 ? motcua::push::Failure::Unsupported
                                                : motcua::push::Failure::Error);
    motcua::host::requestFrame();
}

// The browser's current subscription endpoint, "" when it has none.
EMSCRIPTEN_KEEPALIVE void mc_push_current(const char* endpoint) {
    motcua::push::events().current(endpoint ? endpoint : "");
    motcua::host::requestFrame();
}

} // extern "C"
