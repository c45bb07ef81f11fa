// Every text/background pair the theme draws meets WCAG 2.2 AA contrast (4.5:1; 3:1 for the focus
// ring and icons), computed from the theme's own colours and the status colours.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "core/status.h"
#include "ui/status_badge.h"
#include "ui/theme.h"

using namespace motcua;
using namespace motcua::ui;

namespace {

double channel(unsigned v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 c) {
    return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) +
           0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Named {
    const char* name;
    ImU32 colour;
};

} // namespace

TEST_CASE("the contrast formula matches WCAG's reference values") {
    CHECK(contrast(IM_COL32_BLACK, IM_COL32_WHITE) == 21.0);
    CHECK(std::abs(contrast(IM_COL32(118, 118, 118, 255), IM_COL32_WHITE) - 4.54) < 0.01);
}

TEST_CASE("every text colour is readable on every surface it is drawn on") {
    const Named texts[] = {{"text", color::kText},       {"muted", color::kTextMuted},
                           {"primary", color::kPrimary}, {"danger", color::kDanger},
                           {"warning", color::kWarning}, {"success", color::kSuccess}};
    const Named surfaces[] = {{"page", color::kBackground},
                              {"card", color::kCard},
                              {"pressed", color::kPrimarySoft},
                              {"keyboard", color::kKeyboard}};
    for (const Named& t : texts)
        for (const Named& s : surfaces) {
            INFO(t.name << " on " << s.name << ": " << contrast(t.colour, s.colour));
            CHECK(contrast(t.colour, s.colour) >= 4.5);
        }
    INFO("danger button pressed");
    CHECK(contrast(color::kDanger, color::kDangerSoft) >= 4.5);
}

TEST_CASE("white text is readable on every filled colour") {
    const Named fills[] = {{"primary", color::kPrimary},      {"hover", color::kPrimaryHover},
                           {"active", color::kPrimaryActive}, {"danger", color::kDanger},
                           {"warning", color::kWarning},      {"success", color::kSuccess}};
    for (const Named& f : fills) {
        INFO("white on " << f.name << ": " << contrast(IM_COL32_WHITE, f.colour));
        CHECK(contrast(IM_COL32_WHITE, f.colour) >= 4.5);
    }
    for (int status = 1; status <= 10; ++status) {
        INFO("status " << status << " icon: " << contrast(IM_COL32_WHITE, statusColour(status)));
        // The icon's white mark on its colour, and the colour on the page, are graphics: 3:1.
        CHECK(contrast(IM_COL32_WHITE, statusColour(status)) >= 3.0);
        CHECK(contrast(statusColour(status), color::kBackground) >= 3.0);
        // The status words: the colour on a 10% tint of itself over the page (status_badge.cpp).
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(statusColour(status));
        const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(color::kBackground);
        const ImU32 tint = ImGui::ColorConvertFloat4ToU32(ImVec4(
            bg.x * 0.9f + c.x * 0.1f, bg.y * 0.9f + c.y * 0.1f, bg.z * 0.9f + c.z * 0.1f, 1));
        INFO("status " << status << " words: " << contrast(statusColour(status), tint));
        CHECK(contrast(statusColour(status), tint) >= 4.5);
    }
}

TEST_CASE("the focus ring stands out against what it touches") {
    // Inside white, outside dark blue: each tone must reach 3:1 against its neighbour.
    for (ImU32 neighbour :
         {color::kBackground, color::kCard, color::kPrimarySoft, color::kKeyboard})
        CHECK(contrast(color::kFocusRing, neighbour) >= 3.0);
    for (ImU32 filled : {color::kPrimary, color::kPrimaryHover, color::kDanger, color::kSuccess})
        CHECK(contrast(IM_COL32_WHITE, filled) >= 3.0);
}
