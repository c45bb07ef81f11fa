// The scan screen: the live camera preview with a viewfinder, the found code's corners, and
// always two ways on (a photo of the receipt, or typing the code) when the camera cannot help.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "core/timeline.h"
#include "platform/host.h"
#include "platform/viewfinder.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

const char* problemKey(scanner::State state) {
    switch (state) {
    case scanner::State::Denied:
        return "scan.denied";
    case scanner::State::NoCamera:
        return "scan.no_camera";
    case scanner::State::Insecure:
        return "scan.insecure";
    case scanner::State::Failed:
        return "scan.failed";
    default:
        return nullptr;
    }
}

// The preview with a darkened surround, corner brackets, and the found code outlined.
void drawPreview(const ScanView& s) {
    const float w = ImGui::GetContentRegionAvail().x;
    const float aspect = (s.videoWidth > 0 && s.videoHeight > 0)
                             ? static_cast<float>(s.videoHeight) / static_cast<float>(s.videoWidth)
                             : 0.75f;
    const float h = std::min(w * aspect, ImGui::GetIO().DisplaySize.y * 0.55f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::Image(ImTextureRef(static_cast<ImTextureID>(s.texture)), ImVec2(w, h));
    mirrorLastItem("img", tr("scan.preview"));

    // The overlay (veil, brackets, the code's outline fading over 1.5 s) comes from the
    // platform: GLSL shaders on the web (shaders/viewfinder.*), ImDrawList elsewhere.
    const float side = std::min(w, h) * 0.7f;
    viewfinder::Overlay o;
    o.previewMin = p;
    o.previewMax = ImVec2(p.x + w, p.y + h);
    o.boxMin = ImVec2(p.x + (w - side) * 0.5f, p.y + (h - side) * 0.5f);
    o.boxMax = ImVec2(o.boxMin.x + side, o.boxMin.y + side);
    const double age = host::nowMs() - s.cornersAtMs;
    if (s.cornersAtMs > 0 && age < 1500 && s.videoWidth > 0 && s.videoHeight > 0) {
        const float sx = w / static_cast<float>(s.videoWidth);
        const float sy = h / static_cast<float>(s.videoHeight);
        for (int i = 0; i < 4; ++i)
            o.corners[static_cast<size_t>(i)] =
                ImVec2(p.x + s.corners[static_cast<size_t>(2 * i)] * sx,
                       p.y + s.corners[static_cast<size_t>(2 * i + 1)] * sy);
        o.highlight = static_cast<float>(1.0 - age / 1500.0);
        o.colour = s.cornersOk ? IM_COL32(40, 200, 90, 255) : IM_COL32(250, 170, 20, 255);
        host::requestFrame(); // the outline fades: keep drawing until it is gone
    }
    viewfinder::draw(dl, o);
}

// A payment code is not a receipt: say so calmly, with what it asks to pay.
void drawPaymentCode(const ScanView& s) {
    beginCard("##paymentcode");
    statusText(tr("scan.payment_code"), color::kPrimary);
    if (s.payment) {
        const VietQrTransfer& t = *s.payment;
        const std::string amount = t.amount ? formatDong(static_cast<int64_t>(*t.amount))
                                            : std::string(tr("scan.payment_no_amount"));
        const std::string lines[] = {
            std::string(tr("vietqr.amount")) + ": " + amount,
            std::string(tr("scan.payment_bank")) + ": " + t.bankBin,
            std::string(tr("vietqr.account")) + ": " + t.account,
            std::string(tr("vietqr.content")) + ": " + (t.content.empty() ? "—" : t.content),
        };
        for (const std::string& line : lines) {
            paragraph(line.c_str());
        }
    } else {
        paragraph(tr(vietQrErrorKey(s.paymentError)), true);
    }
    endCard();
}

} // namespace

void drawScanScreen(Context& ctx, const AppState& state, Intents& out) {
    const ScanView& s = state.scan;
    beginPage(ctx, "##scan");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Home});
    heading(tr("scan.title"), 1);

    if (const char* problem = problemKey(s.state)) {
        beginCard("##scanproblem");
        statusText(tr(problem), color::kDanger);
        paragraph(tr("scan.ways_on"), true);
        endCard();
    } else {
        if (s.state == scanner::State::Starting) statusText(tr("scan.starting"));
        drawPreview(s);
        if (s.state == scanner::State::Running) {
            paragraph(tr("scan.aim"), true);
            switch (s.pacer.hint(host::nowMs())) {
            case ScanHint::HoldSteady:
                statusText(tr("scan.hint_steady"));
                break;
            case ScanHint::TryOtherWays:
                statusText(tr("scan.hint_other_ways"), color::kWarning);
                break;
            case ScanHint::None:
                break;
            }
        }
        if (s.canTorch || s.canSwitch) {
            const float half =
                (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
            const float wTorch = s.canSwitch ? half : ImGui::GetContentRegionAvail().x;
            if (s.canTorch && choice(tr("scan.torch"), s.torchOn, wTorch))
                out.push_back(intent::ScanTorch{});
            if (s.canTorch && s.canSwitch) ImGui::SameLine();
            if (s.canSwitch &&
                button(tr("scan.switch"), ButtonKind::Secondary, s.canTorch ? half : -1.0f))
                out.push_back(intent::ScanSwitchCamera{});
        }
    }
    if (s.paymentCode) {
        drawPaymentCode(s);
    } else if (!s.notReceipt.empty()) {
        std::string message = std::string(tr("scan.not_receipt")) + " " + s.notReceipt;
        statusText(message.c_str(), color::kWarning);
    }
    if (s.photoFailed) statusText(tr("scan.photo_failed"), color::kDanger);

    spacing(0.5f);
    if (button(tr("scan.pick_photo"), ButtonKind::Secondary))
        out.push_back(intent::ScanPickPhoto{});
    if (button(tr("home.enter_code"), ButtonKind::Secondary))
        out.push_back(intent::Navigate{Screen::Lookup});
    paragraph(tr("scan.camera_app_help"), true);
    endPage(ctx);
}

} // namespace motcua::ui
