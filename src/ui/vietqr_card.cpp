// The fee payment cards of the dossier screen: each fee payable by transfer shows its VietQR (drawn
// from the core encoder), the details to type by hand with copy buttons, or "paid" once confirmed.
#include "ui/vietqr_card.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include <imgui.h>

#include "core/fee_payment.h"
#include "core/qr_code.h"
#include "core/timeline.h"
#include "ui/context.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

constexpr int kQuietZone = 4;      // light modules around the symbol, as readers need
constexpr float kMaxSide = 320.0f; // CSS px: scans easily from another phone, fits a 360 px phone

// The symbol for a payload, encoded once: the screen redraws on every input, payloads rarely
// change (a handful per dossier).
const QrCode& symbolFor(const std::string& payload) {
    std::map<std::string, QrCode>& cache = context().qrSymbols;
    auto it = cache.find(payload);
    if (it != cache.end()) return it->second;
    if (cache.size() > 16) cache.clear();
    return cache.emplace(payload, encodeQr(payload, QrEcc::M)).first->second;
}

// The symbol as black squares on white, centred, each module a whole number of device pixels so
// its edges stay sharp; one image in the mirror. The card is white too, so its padding may serve
// as part of the quiet zone: large text on a narrow phone leaves the code its size.
void drawSymbol(const QrCode& code, const char* a11yName) {
    const int modules = code.size() + 2 * kQuietZone;
    const float avail = ImGui::GetContentRegionAvail().x;
    // The card's padding inside its border (2 px, and a pixel to spare).
    const float padding = std::max(0.0f, ImGui::GetStyle().WindowPadding.x - 3.0f);
    const float dpr = std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x);
    const float target = std::min(avail + 2 * padding, kMaxSide);
    float cell = std::floor(target * dpr / static_cast<float>(modules)) / dpr;
    if (cell <= 0) cell = target / static_cast<float>(modules);
    const float side = cell * static_cast<float>(modules);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 origin(std::round((start.x + (avail - side) * 0.5f) * dpr) / dpr,
                        std::round(start.y * dpr) / dpr);
    // Clipped as the card clips vertically (scrolling), but across the card's whole padding.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
    ImGui::PushClipRect(ImVec2(start.x - padding, clipMin.y),
                        ImVec2(start.x + avail + padding, clipMax.y), false);
    dl->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    for (int y = 0; y < code.size(); ++y) {
        const float top = origin.y + static_cast<float>(y + kQuietZone) * cell;
        for (int x = 0; x < code.size();) {
            if (!code.module(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < code.size() && code.module(end, y))
                ++end;
            const float left = origin.x + static_cast<float>(x + kQuietZone) * cell;
            dl->AddRectFilled(ImVec2(left, top),
                              ImVec2(left + static_cast<float>(end - x) * cell, top + cell),
                              IM_COL32_BLACK);
            x = end;
        }
    }
    ImGui::PopClipRect();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(side, side));
    mirrorLastItem("img", a11yName);
}

// A label above its value, both mirrored as one text.
void labelledValue(const char* label, const std::string& value) {
    ImGui::PushStyleColor(ImGuiCol_Text, color::kTextMuted);
    wrappedText(label);
    ImGui::PopStyleColor();
    ImGui::PushFont(fonts().bold, 0.0f);
    wrappedText(value.c_str());
    ImGui::PopFont();
    mirrorLastItem("text", (std::string(label) + ": " + value).c_str());
}

// A detail the payer may have to type, with a copy button beside it (below it when the text is
// too large for both on one line).
void copyableDetail(const char* label, const std::string& shown, const std::string& copied,
                    const char* copyName, const std::string& what, const DossierView& view,
                    Intents& out) {
    ImGui::PushID(what.c_str()); // three rows share the table and button labels
    const char* copyLabel = tr("vietqr.copy");
    const float buttonW =
        ImGui::CalcTextSize(copyLabel).x + 2 * ImGui::GetStyle().FramePadding.x + 16;
    const float avail = ImGui::GetContentRegionAvail().x;
    bool pressed = false;
    if (avail - buttonW >= avail * 0.5f && ImGui::BeginTable("##detail", 2, ImGuiTableFlags_None)) {
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("copy", ImGuiTableColumnFlags_WidthFixed, buttonW);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        labelledValue(label, shown);
        ImGui::TableSetColumnIndex(1);
        pressed = button(copyLabel, ButtonKind::Secondary, -1.0f, copyName);
        ImGui::EndTable();
    } else {
        labelledValue(label, shown);
        pressed = button(copyLabel, ButtonKind::Secondary, -1.0f, copyName);
    }
    if (pressed) out.push_back(intent::CopyText{copied, what});
    if (view.copied == what) statusText(tr("vietqr.copied"), color::kSuccess);
    ImGui::PopID();
}

void drawUnpaid(const Dossier& d, const FeePayment& p, const DossierView& view, Intents& out) {
    const Fee& fee = d.fees[p.feeIndex];
    const PaymentAccount& account = *d.paymentAccount;
    const std::string amount = formatDong(fee.amount);
    const std::string key = std::to_string(p.feeIndex) + ":";
    ImGui::PushStyleColor(ImGuiCol_Border, color::kPrimary);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
    beginCard("##vietqr");
    heading(tr("vietqr.title"), 2);
    paragraph((fee.name + ": " + amount).c_str());
    if (!p.payload.empty()) {
        paragraph(tr("vietqr.scan_hint"), true);
        const std::string name = std::string(tr("vietqr.qr_name")) + " " + amount + ", " +
                                 account.bankName + " " + account.accountNumber;
        drawSymbol(symbolFor(p.payload), name.c_str());
        spacing(0.5f);
    } else {
        const std::string why =
            std::string(tr("vietqr.cannot_draw")) + " " + tr(vietQrErrorKey(p.error));
        statusText(why.c_str(), color::kWarning);
    }
    labelledValue(tr("vietqr.bank"), account.bankName);
    copyableDetail(tr("vietqr.account"), account.accountNumber, account.accountNumber,
                   tr("vietqr.copy_account"), key + "account", view, out);
    labelledValue(tr("vietqr.account_name"), account.accountName);
    copyableDetail(tr("vietqr.amount"), amount, std::to_string(fee.amount),
                   tr("vietqr.copy_amount"), key + "amount", view, out);
    copyableDetail(tr("vietqr.content"), fee.paymentReference, fee.paymentReference,
                   tr("vietqr.copy_content"), key + "content", view, out);
    if (!p.payload.empty() && button(tr("vietqr.save_image"), ButtonKind::Secondary)) {
        const QrCode& code = symbolFor(p.payload);
        out.push_back(intent::SaveQrImage{"vietqr-" + fee.paymentReference + ".png", code.size(),
                                          qrModuleString(code),
                                          amount + " - " + fee.paymentReference});
    }
    paragraph(tr("vietqr.confirm_note"), true);
    endCard();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void drawPaid(const Fee& fee) {
    beginCard("##vietqr_paid");
    paragraph((fee.name + ": " + formatDong(fee.amount)).c_str());
    statusText(tr("vietqr.paid"), color::kSuccess);
    endCard();
}

} // namespace

void drawFeePayments(const DossierView& view, Intents& out) {
    if (!view.dossier) return;
    const Dossier& d = *view.dossier;
    const std::vector<FeePayment> unpaid = unpaidFeePayments(d);
    auto next = unpaid.begin();
    for (size_t i = 0; i < d.fees.size(); ++i) {
        const Fee& fee = d.fees[i];
        if (!payableByTransfer(d, fee)) continue;
        ImGui::PushID(static_cast<int>(i));
        if (fee.paid) {
            drawPaid(fee);
        } else if (next != unpaid.end() && next->feeIndex == i) {
            drawUnpaid(d, *next, view, out);
            ++next;
        }
        ImGui::PopID();
    }
}

} // namespace motcua::ui
