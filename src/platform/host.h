// What the app asks of the page or window it runs in: frames, the text agent, the accessibility
// mirror, sharing. Implemented by bridge.cpp on the web and host_native.cpp for headless tests.
#pragma once

#include <string>

namespace motcua::host {

// Ask for a frame soon (input arrived, a reply came, an animation runs).
void requestFrame();
// Ask for a frame after a delay (timers such as retries or a countdown).
void requestFrameAfter(int milliseconds);
// Wake the app after a delay without drawing (background work such as polling alerts); the
// platform then calls App::wake().
void wakeAfter(int milliseconds);
// Publish the accessibility items of the last frame (JSON array, see a11y.h).
void publishA11y(const std::string& json);
// Show the text agent for the active field (text, selection in UTF-8 bytes, keyboard hint),
// or hide it when active is false.
void syncTextAgent(bool active, const std::string& text, int selStart, int selEnd,
                   const char* inputMode, float x, float y, float w, float h);
// The page's path and fragment at start (deep links such as /d/<code>#k=<secret>).
std::string startUrl();
// Replace the address bar's path without reloading (history.replaceState).
void setUrl(const std::string& pathAndFragment);
// A new history entry with this address (history.pushState); the entry left keeps where its page
// was scrolled, given back when the browser returns to it (App::historyMoved).
void pushUrl(const std::string& pathAndFragment, float leavingScroll);
// The browser's Back, as if pressed (the app's own back button keeps history in step).
void historyBack();
// The browser's history index of the entry the page opened on (0 for a first visit).
int historyIndex();
// Share a link with the Web Share API, or copy it; returns immediately.
void shareLink(const std::string& title, const std::string& url);
// Kiosk mode for the page: no pinch-zoom, no selection, no pull-to-refresh.
void setKioskMode(bool on);
// Wipes everything the page keeps (localStorage, sessionStorage, IndexedDB, cached API replies).
void wipeDeviceStorage();
// 16 random bytes from the platform's secure generator (for idempotency keys).
std::string randomSeed();
// Installable app: reload into the new version the service worker has ready; show the
// browser's install prompt (Android) when one was offered.
void applyUpdate();
void promptInstall();
// Opens a tel: link (the phone calls) or a map link (the device's map app).
void openUrl(const std::string& url);
// Records how long an operation took (milliseconds), for the benchmarks in bench/.
void reportTiming(const char* name, double milliseconds);
// A short vibration where the device supports it (a code was read).
void vibrate(int milliseconds);
// Tell the page which language the app speaks (html lang attribute).
void setDocumentLanguage(const char* code);
// Where the Korean/Chinese/Japanese font is served (a content-hashed name learned from the page),
// or "" when there is none; the app fetches it only when one of those languages is chosen.
std::string cjkFontUrl();
// Its bold face (same characters), fetched after it; "" when none is packaged.
std::string cjkBoldFontUrl();
// Milliseconds since an arbitrary epoch, and wall clock seconds since 1970.
double nowMs();
double wallClockSeconds();
// When a person last did anything (pointer, keys, text, screen reader), in nowMs() time: the
// kiosk's idle clock. Input notes it; the kiosk reads it and starts it again for a new citizen.
void noteActivity(double timeMs);
double lastActivityMs();
// Puts text on the clipboard (for the payer to paste into a banking app); returns immediately.
void copyText(const std::string& text);
// Saves a QR symbol (size modules per side, '1' dark row after row) as a PNG with a caption line
// under it: the share sheet with the file on phones, a download elsewhere.
void saveQrImage(const std::string& fileName, int size, const std::string& modules,
                 const std::string& caption);

} // namespace motcua::host
