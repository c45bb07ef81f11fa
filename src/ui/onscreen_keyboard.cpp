// On-screen keyboard: rows of touch-sized keys; Vietnamese marks come from core/vn_compose.
#include "ui/onscreen_keyboard.h"

#include <algorithm>
#include <cctype>

#include "core/vn_compose.h"
#include "ui/context.h"
#include "ui/gui_internals.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {
KeyboardState& keyboard() {
    return context().keyboard;
}
} // namespace

bool kioskKeyboard() {
    return keyboard().kiosk;
}
KeyboardTarget& keyboardTarget() {
    return keyboard().target;
}
void clearKeyboardTarget() {
    keyboard().target = KeyboardTarget{};
    keyboard().capsOverride = false;
}

namespace {

void type(const std::string& text) {
    std::string& v = *keyboard().target.value;
    if (v.size() + text.size() <= keyboard().target.maxLength) v += text;
}

// One row of equal keys filling the width; returns the label pressed or an empty string.
std::string keyRow(const char* const* keys, int count, float width) {
    const float gap = ImGui::GetStyle().ItemSpacing.x * 0.5f;
    const float w = (width - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    std::string pressed;
    for (int i = 0; i < count; ++i) {
        if (i) ImGui::SameLine(0, gap);
        if (button(keys[i], ButtonKind::Secondary, w)) pressed = keys[i];
    }
    return pressed;
}

} // namespace

bool drawOnscreenKeyboard() {
    if (!keyboard().kiosk || !keyboard().target.value) return false;
    const ImGuiIO& io = ImGui::GetIO();
    const float keyH = touchHeight();
    const float spacing = ImGui::GetStyle().ItemSpacing.y * 0.5f;
    const float pad = pageMargin();
    const float height = 7 * keyH + 6 * spacing + 2 * pad;
    ImGui::SetNextWindowPos(ImVec2(0, io.DisplaySize.y - height));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(ImGui::GetStyle().ItemSpacing.x, spacing));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::kKeyboard);
    ImGui::Begin("##keyboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    const bool caps = keyboard().capsOverride ? keyboard().caps : keyboard().target.uppercase;
    // An active ImGui field keeps its own copy of the text: end editing so it shows ours.
    const std::string before = *keyboard().target.value;
    const float width = ImGui::GetContentRegionAvail().x;

    static const char* kDigits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
    static const char* kRow1[] = {"Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"};
    static const char* kRow2[] = {"A", "S", "D", "F", "G", "H", "J", "K", "L", "-"};
    static const char* kRow3[] = {"Z", "X", "C", "V", "B", "N", "M", ".", ",", "/"};
    for (const auto* row : {kDigits, kRow1, kRow2, kRow3}) {
        std::string key = keyRow(row, 10, width);
        if (!key.empty()) {
            if (!caps && key.size() == 1)
                key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
            type(key);
        }
    }
    // Vietnamese: letter marks, then tones on the last word.
    const char* marks[] = {"â ê ô", "ă", "ơ ư", "đ", tr("keyboard.caps")};
    const std::string mark = keyRow(marks, 5, width);
    std::string& v = *keyboard().target.value;
    if (mark == "â ê ô")
        v = applyMark(v, LetterMark::Circumflex);
    else if (mark == "ă")
        v = applyMark(v, LetterMark::Breve);
    else if (mark == "ơ ư")
        v = applyMark(v, LetterMark::Horn);
    else if (mark == "đ")
        v = applyMark(v, LetterMark::Stroke);
    else if (!mark.empty()) {
        keyboard().capsOverride = true;
        keyboard().caps = !caps;
    }
    const char* tones[] = {tr("keyboard.acute"), tr("keyboard.grave"), tr("keyboard.hook"),
                           tr("keyboard.tilde"), tr("keyboard.dot")};
    const std::string tone = keyRow(tones, 5, width);
    for (int i = 0; i < 5; ++i)
        if (tone == tones[i]) v = applyTone(v, static_cast<Tone>(i + 1));
    const char* last[] = {tr("keyboard.backspace"), tr("keyboard.space"), tr("keyboard.done")};
    const std::string action = keyRow(last, 3, width);
    if (action == last[0])
        v = dropLastCharacter(v);
    else if (action == last[1])
        type(" ");
    else if (action == last[2])
        clearKeyboardTarget();
    const bool changed = !keyboard().target.value || *keyboard().target.value != before;
    if (keyboard().target.value && changed && internals::activeItem() == keyboard().target.id)
        internals::clearActiveItem();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    return changed;
}

} // namespace motcua::ui
