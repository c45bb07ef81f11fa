// Where the platform delivers scanner events; the App installs its handler (one at a time).
#pragma once

#include <array>
#include <functional>
#include <string>

#include "platform/scanner.h"

namespace motcua::scanner {

struct Events {
    std::function<void(State, const std::string&)> state = [](State, const std::string&) {};
    std::function<void(bool torch, bool switchable, int width, int height)> caps = [](bool, bool,
                                                                                      int, int) {};
    std::function<void(const std::string& text, const std::array<float, 8>* corners, Source)>
        result = [](const std::string&, const std::array<float, 8>*, Source) {};
    std::function<void()> photoFailed = [] {};
    // Live camera frames: whether to decode this one (if so it is in flight until frameDone).
    std::function<bool()> frameWanted = [] { return true; };
    std::function<void(double decodeMs, bool found)> frameDone = [](double, bool) {};
};

Events& events();

} // namespace motcua::scanner
