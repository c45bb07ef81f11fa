// What the native host recorded (for tests): the last accessibility JSON, URL, shared link, etc.
#pragma once

#include <string>

namespace motcua::host {

struct NativeHostRecord {
    int frameRequests = 0;
    int lastTimerMs = 0;
    std::string a11yJson;
    bool textAgentActive = false;
    std::string textAgentText;
    std::string textAgentMode;
    std::string startUrl = "/";
    std::string url;
    std::string sharedUrl;
    std::string language;
    double fixedWallClock = 0; // seconds since 1970; 0 = the real clock
    bool scannerOpen = false;
    unsigned scannerTexture = 0;
    bool scannerTorch = false;
    int scannerSwitches = 0;
    int scannerPhotoPicks = 0;
    int vibrations = 0;
    bool kiosk = false;
    int wipes = 0;
};

NativeHostRecord& nativeRecord();

} // namespace motcua::host
