// The notify switch: a track and knob beside its label, the whole row one touch target, mirrored
// as role "switch" with its checked state; below it the state in words.
#include "ui/notify_switch.h"

#include <algorithm>

#include <imgui.h>

#include "ui/a11y.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

using Phase = PushView::Phase;
using Problem = PushView::Problem;

// The switch row; returns true when it was tapped or activated from the mirror.
bool switchRow(const char* label, bool checked, bool busy) {
    const float fs = ImGui::GetFontSize();
    const float trackW = fs * 2.5f, trackH = fs * 1.4f, gap = fs * 0.75f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float textH = wrappedTextHeight(label, std::max(1.0f, w - trackW - gap));
    const float h = std::max(touchHeight(), textH + fs * 0.8f);

    // The label first, beside the track; then the hit target over the whole row.
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + (h - textH) * 0.5f));
    ImGui::Indent(trackW + gap);
    wrappedText(label);
    ImGui::Unindent(trackW + gap);
    ImGui::SetCursorScreenPos(start);
    const ImGuiID id = ImGui::GetID("##notify-switch");
    bool pressed = ImGui::InvisibleButton("##notify-switch", ImVec2(w, h));
    const bool held = ImGui::IsItemActive();
    mirrorLastItem("switch", label, nullptr, checked ? 1 : 0, 0, nullptr, id);
    if (a11y::takeActivation(id)) pressed = true;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 t0(start.x, start.y + (h - trackH) * 0.5f);
    const ImVec2 t1(t0.x + trackW, t0.y + trackH);
    // Off is a dark grey, not the border grey: the track must stand out from the card (3:1).
    ImU32 fill = checked ? (held ? color::kPrimaryActive : color::kPrimary) : color::kTextMuted;
    if (busy && checked) fill = color::kPrimaryHover;
    dl->AddRectFilled(t0, t1, fill, trackH * 0.5f);
    const float r = trackH * 0.5f - 3.0f;
    const float cx = checked ? t1.x - trackH * 0.5f : t0.x + trackH * 0.5f;
    dl->AddCircleFilled(ImVec2(cx, t0.y + trackH * 0.5f), r, color::kCard);
    return pressed;
}

const char* problemKey(Problem problem) {
    switch (problem) {
    case Problem::Denied:
        return "notify.denied";
    case Problem::Dismissed:
        return "notify.dismissed";
    case Problem::Unsupported:
        return "notify.unsupported";
    case Problem::NeedsInstall:
        return "notify.needs_install";
    case Problem::Offline:
        return "notify.offline";
    case Problem::TooMany:
        return "notify.too_many";
    case Problem::Failed:
        return "notify.failed";
    case Problem::None:
        break;
    }
    return "";
}

} // namespace

void drawNotifySwitch(const AppState& state, Intents& out) {
    if (state.kiosk) return;
    const PushView& p = state.push;
    const bool checked =
        p.phase == Phase::On || p.phase == Phase::Checking || p.phase == Phase::TurningOff;
    const bool busy = p.phase == Phase::Asking || p.phase == Phase::TurningOff;
    beginCard("##notify");
    if (switchRow(tr("notify.switch"), checked, busy) && !busy)
        out.push_back(intent::NotifyChanges{!checked});
    if (p.phase == Phase::Asking)
        statusText(tr("notify.asking"));
    else if (p.phase == Phase::TurningOff)
        statusText(tr("notify.turning_off"));
    else if (p.problem != Problem::None) {
        const bool retry = p.problem == Problem::Offline || p.problem == Problem::Failed;
        statusText(tr(problemKey(p.problem)), retry ? color::kDanger : color::kWarning);
        if (retry && button(tr("notify.retry"), ButtonKind::Secondary))
            out.push_back(intent::NotifyChanges{p.retryOn});
    } else if (p.phase == Phase::On) {
        statusText(tr("notify.on"), color::kSuccess);
    } else if (p.phase == Phase::Off) {
        paragraph(tr("notify.help"), true);
    }
    endCard();
}

} // namespace motcua::ui
