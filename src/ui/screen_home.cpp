// The home screen: the app's name, the ways to find a dossier, language and text size.
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/status.h"
#include "ui/screens.h"
#include "ui/status_badge.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {
void drawBrand() {
    // A simple emblem: a door in a rounded square, drawn so no image needs to load.
    const float size = ImGui::GetFontSize() * 3.0f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), color::kPrimary, size * 0.22f);
    const float dw = size * 0.36f, dh = size * 0.56f;
    const ImVec2 d0(p.x + (size - dw) * 0.5f, p.y + size - dh - size * 0.16f);
    dl->AddRectFilled(d0, ImVec2(d0.x + dw, d0.y + dh), IM_COL32(255, 255, 255, 255), 3.0f);
    dl->AddCircleFilled(ImVec2(d0.x + dw * 0.75f, d0.y + dh * 0.55f), size * 0.035f,
                        color::kPrimary);
    ImGui::Dummy(ImVec2(size, size));
}
void drawRecentsCard(const AppState& state, Intents& out) {
    beginCard("##recents");
    heading(tr("home.recent"), 2);
    const char* removeLabel = tr("home.remove");
    const float removeW = std::max(64.0f, ImGui::CalcTextSize(removeLabel).x + 32);
    for (const RecentDossier& r : state.recents.entries()) {
        ImGui::PushID(r.code.c_str());
        const std::string words = r.lastStatus ? tr(statusInfo(r.lastStatus).i18nKey) : "";
        const std::string label = r.code + (words.empty() ? "" : "\n" + words);
        const float openW =
            ImGui::GetContentRegionAvail().x - removeW - ImGui::GetStyle().ItemSpacing.x;
        const std::string openName = r.code + (words.empty() ? "" : " — " + words);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (button(label.c_str(), ButtonKind::Secondary, openW, openName.c_str()))
            out.push_back(intent::OpenRecent{r.code});
        if (r.lastStatus) {
            const float rad = ImGui::GetFontSize() * 0.35f;
            drawStatusIcon(ImGui::GetWindowDrawList(),
                           ImVec2(p.x + rad + 10, p.y + ImGui::GetItemRectSize().y * 0.5f), rad,
                           r.lastStatus);
        }
        ImGui::SameLine();
        const std::string removeName = std::string(removeLabel) + " " + r.code;
        if (button(removeLabel, ButtonKind::Danger, removeW, removeName.c_str()))
            out.push_back(intent::RemoveRecent{r.code});
        ImGui::PopID();
    }
    if (state.recents.size() > 1 && button(tr("home.remove_all"), ButtonKind::Quiet))
        out.push_back(intent::ClearRecents{});
    endCard();
}

} // namespace

void drawSettingsCard(const AppState& state, Intents& out) {
    beginCard("##settings");
    heading(tr("settings.language"), 2);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (choice("Tiếng Việt", state.language == Language::Vi, half))
        out.push_back(intent::SetLanguage{Language::Vi});
    ImGui::SameLine();
    if (choice("English", state.language == Language::En, half))
        out.push_back(intent::SetLanguage{Language::En});
    // For tourists, each in its own script (these few glyphs are embedded; the rest of the
    // Korean, Chinese or Japanese font is fetched when one is chosen).
    const float third =
        (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3.0f;
    static const struct {
        const char* label;
        Language lang;
    } kTourist[] = {{"한국어", Language::Ko}, {"中文", Language::Zh}, {"日本語", Language::Ja}};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine();
        if (choice(kTourist[i].label, state.language == kTourist[i].lang, third))
            out.push_back(intent::SetLanguage{kTourist[i].lang});
    }
    spacing(0.5f);
    heading(tr("settings.text_size"), 2);
    static const float kScales[] = {1.0f, 1.25f, 1.5f, 2.0f};
    static const char* kLabels[] = {"100%", "125%", "150%", "200%"};
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Four choices in a row when they fit, two rows of two on narrow screens with large text.
    const bool oneRow =
        ImGui::CalcTextSize("100%").x * 4 + gap * 3 + 8 * ImGui::GetFontSize() < avail * 1.6f;
    const int perRow = oneRow ? 4 : 2;
    const float w = (avail - gap * (perRow - 1)) / perRow;
    for (int i = 0; i < 4; ++i) {
        if (i % perRow != 0) ImGui::SameLine();
        const bool selected =
            state.textScale > kScales[i] - 0.01f && state.textScale < kScales[i] + 0.01f;
        if (choice(kLabels[i], selected, w)) out.push_back(intent::SetTextScale{kScales[i]});
    }
    endCard();
}

namespace {

// How much of the welcome goes above the ways to find a dossier. Those buttons are why a citizen
// opens the app, so they must be on screen without scrolling at any size and text scale (a
// phone turned sideways, 200 % text on a small phone): the first layout that keeps them there.
enum class HomeLayout {
    Full,    // emblem, name, tagline, then a card with its title, help and the buttons
    Compact, // name, then the card: title, buttons (in a row when they fit), help below
    Bare,    // name, the buttons at full width, help below
};

struct FindButton {
    const char* label;
    ButtonKind kind;
    Intent intent;
};

std::vector<FindButton> findButtons(const AppState& state) {
    std::vector<FindButton> b = {
        {tr("home.scan"), ButtonKind::Primary, intent::Navigate{Screen::Scan}},
        {tr("home.enter_code"), ButtonKind::Secondary, intent::Navigate{Screen::Lookup}},
    };
    // At the centre a citizen may rate the service: find the dossier, then rate it.
    if (state.kiosk)
        b.push_back({tr("kiosk.rate"), ButtonKind::Secondary, intent::Navigate{Screen::Lookup}});
    return b;
}

struct Arrangement {
    bool row = false;
    float height = 0;
};

// The buttons in a column `width` wide, or side by side when that is shorter and no label needs
// more than two lines.
Arrangement arrange(const std::vector<FindButton>& buttons, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    Arrangement column;
    for (const FindButton& b : buttons)
        column.height += buttonHeight(b.label, width) + style.ItemSpacing.y;
    column.height -= style.ItemSpacing.y;
    const float n = static_cast<float>(buttons.size());
    const float each = (width - style.ItemSpacing.x * (n - 1)) / n;
    const float twoLines =
        std::max(touchHeight(), 2 * ImGui::GetTextLineHeight() + 2 * style.FramePadding.y);
    Arrangement row{true, 0};
    for (const FindButton& b : buttons)
        row.height = std::max(row.height, buttonHeight(b.label, each));
    return row.height <= twoLines && row.height < column.height ? row : column;
}

HomeLayout chooseLayout(const AppState& state, const std::vector<FindButton>& buttons) {
    const float sp = ImGui::GetStyle().ItemSpacing.y;
    const float width = ImGui::GetContentRegionAvail().x;
    const float inCard = width - 2 * pageMargin();
    // From here to the bottom of the screen, less a little room below the last button.
    const float room = ImGui::GetIO().DisplaySize.y - ImGui::GetCursorPosY() - sp * 0.5f;
    const float name = headingHeight(tr("app.name"), 1) + sp;
    float column = 0;
    for (const FindButton& b : buttons)
        column += buttonHeight(b.label, inCard) + sp;
    const float full = ImGui::GetFontSize() * 3.0f + sp * 2.5f + name +
                       wrappedTextHeight(state.kiosk ? tr("kiosk.welcome") : tr("home.tagline")) +
                       sp * 3 + pageMargin() + headingHeight(tr("home.find_title"), 2, inCard) +
                       sp + wrappedTextHeight(tr("home.find_help"), inCard) + sp * 2.5f + column -
                       sp;
    if (full <= room) return HomeLayout::Full;
    const float compact = name + pageMargin() + headingHeight(tr("home.find_title"), 2, inCard) +
                          sp + arrange(buttons, inCard).height;
    return compact <= room ? HomeLayout::Compact : HomeLayout::Bare;
}

void drawFindButtons(const std::vector<FindButton>& buttons, Intents& out, bool mayUseRow) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool row = mayUseRow && arrange(buttons, width).row;
    const float n = static_cast<float>(buttons.size());
    const float each = row ? (width - style.ItemSpacing.x * (n - 1)) / n : -1.0f;
    // Side by side, all as tall as the tallest (a wrapped label) so the row reads as one.
    float h = 0;
    if (row)
        for (const FindButton& b : buttons)
            h = std::max(h, buttonHeight(b.label, each));
    for (size_t i = 0; i < buttons.size(); ++i) {
        if (row && i > 0) ImGui::SameLine();
        if (button(buttons[i].label, buttons[i].kind, each, nullptr, h))
            out.push_back(buttons[i].intent);
    }
}

} // namespace

void drawHomeScreen(Context& ctx, const AppState& state, Intents& out) {
    beginPage(ctx, "##home");
    drawAlertsBanner(ctx, state, out);
    if (!state.notice.empty()) {
        const std::string message = std::string(tr("scan.not_receipt")) + " " + state.notice;
        statusText(message.c_str(), color::kWarning);
    }
    if (state.updateReady) {
        beginCard("##update");
        statusText(tr("pwa.update_ready"), color::kPrimary);
        if (button(tr("pwa.reload"))) out.push_back(intent::ApplyUpdate{});
        endCard();
    }
    const std::vector<FindButton> buttons = findButtons(state);
    const HomeLayout layout = chooseLayout(state, buttons);
    if (layout == HomeLayout::Full) {
        drawBrand();
        spacing(0.5f);
    }
    heading(tr("app.name"), 1);
    switch (layout) {
    case HomeLayout::Full:
        paragraph(state.kiosk ? tr("kiosk.welcome") : tr("home.tagline"), true);
        spacing();
        beginCard("##find");
        heading(tr("home.find_title"), 2);
        paragraph(tr("home.find_help"), true);
        spacing(0.5f);
        drawFindButtons(buttons, out, false);
        endCard();
        break;
    case HomeLayout::Compact:
        beginCard("##find");
        heading(tr("home.find_title"), 2);
        drawFindButtons(buttons, out, true);
        paragraph(tr("home.find_help"), true);
        endCard();
        break;
    case HomeLayout::Bare:
        drawFindButtons(buttons, out, true);
        paragraph(tr("home.find_help"), true);
        break;
    }
    spacing();
    if (!state.recents.empty()) {
        drawRecentsCard(state, out);
        spacing();
    }
    beginCard("##more");
    if (button(tr("home.procedures"), ButtonKind::Secondary))
        out.push_back(intent::OpenProcedures{});
    if (button(tr("home.places"), ButtonKind::Secondary)) out.push_back(intent::OpenPlaces{""});
    if (button(tr("home.datasets"), ButtonKind::Secondary))
        out.push_back(intent::Navigate{Screen::Datasets});
    if (!state.request.sent.empty() && button(tr("home.requests"), ButtonKind::Secondary))
        out.push_back(intent::Navigate{Screen::Requests});
    if (button(tr("home.stats"), ButtonKind::Secondary)) out.push_back(intent::OpenStats{});
    endCard();
    if (state.installHint != 0 && !state.kiosk) {
        beginCard("##install");
        heading(tr("pwa.install_title"), 2);
        paragraph(tr(state.installHint == 2 ? "pwa.install_ios" : "pwa.install_help"), true);
        if (state.installHint == 1 && button(tr("pwa.install"))) out.push_back(intent::Install{});
        if (button(tr("pwa.not_now"), ButtonKind::Quiet)) out.push_back(intent::DismissInstall{});
        endCard();
    }
    spacing();
    drawSettingsCard(state, out);
    endPage(ctx);
}

} // namespace motcua::ui
