// What the native host recorded (for tests): the last accessibility JSON, URL, shared link, etc.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "platform/push.h"

namespace motcua::host {

struct NativeHostRecord {
    int frameRequests = 0;
    int lastTimerMs = 0;
    int lastWakeMs = 0;
    std::string a11yJson;
    bool textAgentActive = false;
    std::string textAgentText;
    std::string textAgentMode;
    std::string startUrl = "/";
    std::string url;                     // history.replaceState
    std::vector<std::string> pushedUrls; // history.pushState, in order
    std::vector<float> leftScrolls;      // the scroll recorded for the entry each push left
    int historyBacks = 0;
    int historyIndex = 0;
    std::string sharedUrl;
    std::string language;
    std::string cjkFontUrl = "/cjk.test.otf";
    std::string cjkBoldFontUrl = "/cjk_bold.test.otf";
    double fixedWallClock = 0; // seconds since 1970; 0 = the real clock
    double clockOffsetMs = 0;  // added to nowMs(): lets a test move time forward
    double lastActivityMs = 0; // host::noteActivity
    bool scannerOpen = false;
    unsigned scannerTexture = 0;
    bool scannerTorch = false;
    int scannerSwitches = 0;
    int scannerPhotoPicks = 0;
    int vibrations = 0;
    bool kiosk = false;
    int wipes = 0;
    int updatesApplied = 0;
    int installPrompts = 0;
    std::string openedUrl;
    // Web Push (platform/native/push_native.cpp): what the browser would answer, what was asked.
    push::Support pushSupport = push::Support::Supported;
    push::Permission pushPermission = push::Permission::Default;
    int pushPermissionPrompts = 0;
    int pushSubscribes = 0;
    std::string pushKey; // the key of the last subscribe
    int pushCurrentQueries = 0;
    int pushUnsubscribes = 0;
    std::string pushDossiers; // the last list given to the service worker
    std::map<std::string, double> timings;
    std::string copiedText;
    std::string savedQrFile;
    int savedQrSize = 0;
    std::string savedQrModules;
    std::string savedQrCaption;
};

NativeHostRecord& nativeRecord();

} // namespace motcua::host
