// What the native host recorded (for tests): the last accessibility JSON, URL, shared link, etc.
#pragma once

#include <map>
#include <string>

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
    std::string url;
    std::string sharedUrl;
    std::string language;
    std::string cjkFontUrl = "/cjk.test.otf";
    std::string cjkBoldFontUrl = "/cjk_bold.test.otf";
    double fixedWallClock = 0; // seconds since 1970; 0 = the real clock
    double clockOffsetMs = 0;  // added to nowMs(): lets a test move time forward
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
    std::map<std::string, double> timings;
    std::string copiedText;
    std::string savedQrFile;
    int savedQrSize = 0;
    std::string savedQrModules;
    std::string savedQrCaption;
};

NativeHostRecord& nativeRecord();

} // namespace motcua::host
