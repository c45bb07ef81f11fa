// Host services for native headless runs (the UI smoke test): frames are driven by the caller,
// and what the app publishes is kept so tests can inspect it.
#include <chrono>
#include <random>

#include "platform/host.h"
#include "platform/native/host_native.h"

namespace motcua::host {

namespace {
NativeHostRecord g_record;
}

NativeHostRecord& nativeRecord() {
    return g_record;
}

void requestFrame() {
    ++g_record.frameRequests;
}
void requestFrameAfter(int milliseconds) {
    g_record.lastTimerMs = milliseconds;
}
void wakeAfter(int milliseconds) {
    g_record.lastWakeMs = milliseconds;
}
void publishA11y(const std::string& json) {
    g_record.a11yJson = json;
}
void syncTextAgent(bool active, const std::string& text, int, int, const char* inputMode, float,
                   float, float, float) {
    g_record.textAgentActive = active;
    g_record.textAgentText = text;
    g_record.textAgentMode = inputMode ? inputMode : "";
}
std::string startUrl() {
    return g_record.startUrl;
}
void setUrl(const std::string& pathAndFragment) {
    g_record.url = pathAndFragment;
}
void pushUrl(const std::string& pathAndFragment, float leavingScroll) {
    g_record.pushedUrls.push_back(pathAndFragment);
    g_record.leftScrolls.push_back(leavingScroll);
}
void historyBack() {
    ++g_record.historyBacks;
}
int historyIndex() {
    return g_record.historyIndex;
}
void shareLink(const std::string&, const std::string& url) {
    g_record.sharedUrl = url;
}
void setKioskMode(bool on) {
    g_record.kiosk = on;
}
void wipeDeviceStorage() {
    ++g_record.wipes;
}
std::string randomSeed() {
    static std::random_device device;
    std::string bytes(16, '\0');
    for (char& c : bytes)
        c = static_cast<char>(device() & 0xFF);
    return bytes;
}
void applyUpdate() {
    ++g_record.updatesApplied;
}
void promptInstall() {
    ++g_record.installPrompts;
}
void openUrl(const std::string& url) {
    g_record.openedUrl = url;
}
void reportTiming(const char* name, double milliseconds) {
    g_record.timings[name ? name : ""] = milliseconds;
}
void vibrate(int milliseconds) {
    g_record.vibrations += milliseconds > 0;
}
void setDocumentLanguage(const char* code) {
    g_record.language = code ? code : "";
}
std::string cjkFontUrl() {
    return g_record.cjkFontUrl;
}
std::string cjkBoldFontUrl() {
    return g_record.cjkBoldFontUrl;
}
double nowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count() +
           g_record.clockOffsetMs;
}
void noteActivity(double timeMs) {
    g_record.lastActivityMs = timeMs;
}
double lastActivityMs() {
    return g_record.lastActivityMs;
}
double wallClockSeconds() {
    if (g_record.fixedWallClock > 0) return g_record.fixedWallClock;
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

void copyText(const std::string& text) {
    g_record.copiedText = text;
}
void saveQrImage(const std::string& fileName, int size, const std::string& modules,
                 const std::string& caption) {
    g_record.savedQrFile = fileName;
    g_record.savedQrSize = size;
    g_record.savedQrModules = modules;
    g_record.savedQrCaption = caption;
}

} // namespace motcua::host
