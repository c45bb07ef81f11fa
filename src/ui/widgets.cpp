// Touch-sized widgets over Dear ImGui, each mirrored for accessibility.
#include "ui/widgets.h"

#include <algorithm>
#include <cstdint>

#include <imgui_stdlib.h>

#include "core/line_break.h"
#include "ui/a11y.h"
#include "ui/context.h"
#include "ui/gui_internals.h"
#include "ui/keyboard_focus.h"
#include "ui/onscreen_keyboard.h"
#include "ui/text_agent.h"
#include "ui/theme.h"
#include "ui/tr.h"

namespace motcua::ui {

void mirrorLastItem(const char* role, const char* name, const char* value, int checked, int level,
                    const char* group, ImGuiID id) {
    a11y::Item item;
    // A clipped-away child submits no items: ImGui's "last item" is then stale, so use the id the
    // widget would have had and an empty rectangle (the item exists, it is just off screen).
    const bool skipped = internals::currentWindowSkipsItems();
    ImVec2 clipMin, clipMax;
    internals::currentClipRect(clipMin, clipMax);
    item.id = id ? id : (skipped ? 0 : ImGui::GetItemID());
    // Texts and headings have no ImGui id: derive a stable one from what they say and where.
    if (item.id == 0)
        item.id = internals::hashText(name, internals::hashText(role, 0) +
                                                static_cast<ImGuiID>(a11y::items().size()));
    item.role = role;
    item.name = name ? name : "";
    if (value) item.value = value;
    item.checked = checked;
    item.level = level;
    if (group) item.group = group;
    const ImVec2 min = skipped ? clipMax : ImGui::GetItemRectMin();
    const ImVec2 max = skipped ? clipMax : ImGui::GetItemRectMax();
    // Clip to the visible page so the mirror never points at scrolled-away pixels.
    item.x = min.x;
    item.y = min.y;
    item.w = max.x - min.x;
    item.h = max.y - min.y;
    if (max.y < clipMin.y || min.y > clipMax.y) item.h = 0;
    item.disabled = !skipped && internals::lastItemDisabled();
    followFocus(item.id, min, max, skipped);
    a11y::add(std::move(item));
}

void beginPage(Context& ctx, const char* id) {
    const ImGuiIO& io = ImGui::GetIO();
    PageState& page = ctx.page;
    if (page.scrollTop) {
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
        page.scrollTop = false;
    } else if (page.scrollTo >= 0.0f) {
        ImGui::SetNextWindowScroll(ImVec2(0, page.scrollTo));
    }
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const float side = std::max(pageMargin(), (io.DisplaySize.x - contentWidth()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, pageMargin()));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    if (page.scrollTo >= 0.0f) {
        // The page's content may still be arriving (a list fetched again): keep asking for the
        // scroll until the page is tall enough for it, unless the citizen scrolls first.
        if (ImGui::GetScrollMaxY() >= page.scrollTo || io.MouseDown[0] || io.MouseWheel != 0.0f)
            page.scrollTo = -1.0f;
    }
}

void endPage(Context& ctx) {
    ImGui::Dummy(ImVec2(1, pageMargin()));
    ctx.page.scroll = ImGui::GetScrollY();
    ImGui::End();
}

void wrappedText(const char* text) {
    if (!hasCjkText(text)) {
        ImGui::TextWrapped("%s", text);
        return;
    }
    const float maxWidth = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const std::vector<LineSpan> lines = wrapLines(text, maxWidth, [text](size_t b, size_t e) {
        return ImGui::CalcTextSize(text + b, text + e).x;
    });
    // Lines as close as ImGui::TextWrapped sets them; the usual spacing after the whole group.
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
    for (const LineSpan& line : lines)
        ImGui::TextUnformatted(text + line.begin, text + line.end);
    ImGui::PopStyleVar();
    ImGui::EndGroup();
}

float wrappedTextHeight(const char* text, float width) {
    const float w = std::max(1.0f, width < 0 ? ImGui::GetContentRegionAvail().x : width);
    if (!hasCjkText(text)) return ImGui::CalcTextSize(text, nullptr, false, w).y;
    const size_t lines = wrapLines(text, w, [text](size_t b, size_t e) {
                             return ImGui::CalcTextSize(text + b, text + e).x;
                         }).size();
    return ImGui::GetTextLineHeight() * static_cast<float>(lines);
}

namespace {
float headingSize(int level) {
    const float scale = level <= 1 ? 1.55f : (level == 2 ? 1.22f : 1.05f);
    return ImGui::GetStyle().FontSizeBase * scale;
}
} // namespace

float headingHeight(const char* text, int level, float width) {
    ImGui::PushFont(fonts().bold, headingSize(level));
    const float h = wrappedTextHeight(text, width);
    ImGui::PopFont();
    return h;
}

void heading(const char* text, int level) {
    ImGui::PushFont(fonts().bold, headingSize(level));
    wrappedText(text);
    ImGui::PopFont();
    mirrorLastItem("heading", text, nullptr, -1, level);
}

void paragraph(const char* text, bool muted) {
    if (muted) ImGui::PushStyleColor(ImGuiCol_Text, color::kTextMuted);
    wrappedText(text);
    if (muted) ImGui::PopStyleColor();
    mirrorLastItem("text", text);
}

void statusText(const char* text, ImU32 col) {
    if (col) ImGui::PushStyleColor(ImGuiCol_Text, col);
    wrappedText(text);
    if (col) ImGui::PopStyleColor();
    mirrorLastItem("status", text);
    if (col == color::kDanger) a11y::markLastUrgent();
}

void spacing(float multiple) {
    ImGui::Dummy(ImVec2(1, ImGui::GetStyle().ItemSpacing.y * multiple));
}

void separator() {
    ImGui::Separator();
}

namespace {
void pushButtonColors(ButtonKind kind) {
    switch (kind) {
    case ButtonKind::Primary:
        ImGui::PushStyleColor(ImGuiCol_Button, color::kPrimary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kPrimaryHover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::kPrimaryActive);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        ImGui::PushStyleColor(ImGuiCol_Border, color::kPrimary);
        break;
    case ButtonKind::Secondary:
        ImGui::PushStyleColor(ImGuiCol_Button, color::kCard);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kPrimarySoft);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::kPrimarySoft);
        ImGui::PushStyleColor(ImGuiCol_Text, color::kPrimary);
        ImGui::PushStyleColor(ImGuiCol_Border, color::kPrimary);
        break;
    case ButtonKind::Quiet:
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kPrimarySoft);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::kPrimarySoft);
        ImGui::PushStyleColor(ImGuiCol_Text, color::kPrimary);
        ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(0, 0, 0, 0));
        break;
    case ButtonKind::Danger:
        ImGui::PushStyleColor(ImGuiCol_Button, color::kCard);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kDangerSoft);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::kDangerSoft);
        ImGui::PushStyleColor(ImGuiCol_Text, color::kDanger);
        ImGui::PushStyleColor(ImGuiCol_Border, color::kDanger);
        break;
    }
}
} // namespace

namespace {
std::vector<LineSpan> buttonLines(const char* label, float w) {
    const float innerW = w - 2 * ImGui::GetStyle().FramePadding.x;
    return wrapLines(label, innerW, [label](size_t b, size_t e) {
        return ImGui::CalcTextSize(label + b, label + e).x;
    });
}
} // namespace

float buttonHeight(const char* label, float width) {
    const float w = width < 0 ? ImGui::GetContentRegionAvail().x : width;
    const float padY = ImGui::GetStyle().FramePadding.y;
    if (ImGui::CalcTextSize(label).x <= w - 2 * ImGui::GetStyle().FramePadding.x)
        return std::max(touchHeight(), ImGui::CalcTextSize(label).y + 2 * padY);
    const float lines = static_cast<float>(buttonLines(label, w).size());
    return std::max(touchHeight(), ImGui::GetTextLineHeight() * lines + 2 * padY);
}

bool button(const char* label, ButtonKind kind, float width, const char* a11yName,
            float minHeight) {
    pushButtonColors(kind);
    const float w = width < 0 ? ImGui::GetContentRegionAvail().x : width;
    const bool wrap = ImGui::CalcTextSize(label).x > w - 2 * ImGui::GetStyle().FramePadding.x;
    const std::string hidden = std::string("##") + label;
    const ImGuiID id = ImGui::GetID(wrap ? hidden.c_str() : label);
    bool pressed;
    if (wrap) {
        // Long labels (large text, narrow phones) wrap inside a taller button instead of clipping.
        const std::vector<LineSpan> lines = buttonLines(label, w);
        const float lineH = ImGui::GetTextLineHeight();
        const float textH = lineH * static_cast<float>(lines.size());
        const float h = std::max(minHeight, buttonHeight(label, w));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        pressed = ImGui::Button(hidden.c_str(), ImVec2(w, h));
        // Each line centred, as a short label is.
        float y = pos.y + (h - textH) * 0.5f;
        for (const LineSpan& line : lines) {
            const float lineW = ImGui::CalcTextSize(label + line.begin, label + line.end).x;
            ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + (w - lineW) * 0.5f, y),
                                                ImGui::GetColorU32(ImGuiCol_Text),
                                                label + line.begin, label + line.end);
            y += lineH;
        }
    } else {
        pressed = ImGui::Button(label, ImVec2(w, std::max(minHeight, buttonHeight(label, w))));
    }
    ImGui::PopStyleColor(5);
    mirrorLastItem("button", a11yName ? a11yName : label, nullptr, -1, 0, nullptr, id);
    if (a11y::takeActivation(id)) pressed = true;
    return pressed;
}

bool backButton() {
    const char* label = tr("nav.back");
    const bool pressed = button(label, ButtonKind::Quiet, ImGui::CalcTextSize(label).x + 40);
    return a11y::takeBack() || pressed; // Escape goes where this button goes
}

bool choice(const char* label, bool selected, float width) {
    pushButtonColors(selected ? ButtonKind::Primary : ButtonKind::Secondary);
    const ImGuiID id = ImGui::GetID(label);
    bool pressed = ImGui::Button(label, ImVec2(width, touchHeight()));
    ImGui::PopStyleColor(5);
    mirrorLastItem("radio", label, nullptr, selected ? 1 : 0, 0, nullptr, id);
    if (a11y::takeActivation(id)) pressed = true;
    return pressed;
}

bool link(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Text, color::kPrimary);
    const ImVec2 size =
        ImGui::CalcTextSize(label, nullptr, false, ImGui::GetContentRegionAvail().x);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImGuiID id = ImGui::GetID(label);
    bool pressed =
        ImGui::InvisibleButton(label, ImVec2(std::max(size.x, 44.0f), std::max(size.y, 44.0f)));
    const float y = pos.y + (std::max(size.y, 44.0f) - size.y) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(nullptr, 0.0f, ImVec2(pos.x, y), color::kPrimary, label, nullptr,
                ImGui::GetContentRegionAvail().x);
    dl->AddLine(ImVec2(pos.x, y + size.y), ImVec2(pos.x + size.x, y + size.y), color::kPrimary);
    ImGui::PopStyleColor();
    mirrorLastItem("link", label, nullptr, -1, 0, nullptr, id);
    if (a11y::takeActivation(id)) pressed = true;
    return pressed;
}

namespace {
struct FieldCallbackData {
    const TextFieldOptions* options;
};

int fieldCallback(ImGuiInputTextCallbackData* data) {
    TextAgent& agent = textAgent();
    if (agent.incoming) {
        std::string text = *agent.incoming;
        agent.incoming.reset();
        if (text.size() > static_cast<const FieldCallbackData*>(data->UserData)->options->maxLength)
            text.resize(static_cast<const FieldCallbackData*>(data->UserData)->options->maxLength);
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, text.c_str());
        const int a = utf16ToUtf8Offset(text, agent.incomingSelStart);
        const int b = utf16ToUtf8Offset(text, agent.incomingSelEnd);
        data->SelectionStart = a;
        data->SelectionEnd = b;
        data->CursorPos = b;
    }
    const std::string current(data->Buf, data->BufTextLen);
    agent.text = current;
    const int s = std::min(data->SelectionStart, data->SelectionEnd);
    const int e = std::max(data->SelectionStart, data->SelectionEnd);
    agent.selStart = utf8ToUtf16Offset(current, s == e ? data->CursorPos : s);
    agent.selEnd = utf8ToUtf16Offset(current, s == e ? data->CursorPos : e);
    return 0;
}
} // namespace

bool textField(const char* label, std::string& value, const TextFieldOptions& options) {
    ImGui::PushID(label);
    wrappedText(label);
    const ImGuiID id = ImGui::GetID("##field");
    TextAgent& agent = textAgent();
    if (a11y::takeActivation(id)) {
        ImGui::SetKeyboardFocusHere();
        a11y::requestFollowUpFrame(); // the focus lands on the next frame: make sure there is one
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x,
                               std::max(ImGui::GetStyle().FramePadding.y,
                                        (touchHeight() - ImGui::GetFontSize()) * 0.5f)));
    FieldCallbackData cbData{&options};
    const bool wasActive = agent.activeId == id;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackAlways;
    if (options.uppercase) flags |= ImGuiInputTextFlags_CharsUppercase;
    // Kiosks type with the on-screen keyboard into the field last tapped: show which one.
    KeyboardTarget& target = keyboardTarget();
    const bool targeted = kioskKeyboard() && target.id == id;
    if (targeted) ImGui::PushStyleColor(ImGuiCol_Border, color::kPrimary);
    if (targeted) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3.0f);
    ImGui::InputTextWithHint("##field", options.hint, &value, flags, fieldCallback, &cbData);
    if (targeted) ImGui::PopStyleVar();
    if (targeted) ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    if (kioskKeyboard() && (ImGui::IsItemActivated() || (targeted && target.value != &value)))
        target = KeyboardTarget{id, &value, options.maxLength, options.uppercase};
    bool submitted = false;
    if (ImGui::IsItemActive()) {
        agent.activeId = id;
        agent.seen = true;
        // "none": a kiosk has its own keyboard; the agent still takes a USB scanner's keys.
        agent.inputMode = kioskKeyboard() ? "none" : options.inputMode;
        agent.min = ImGui::GetItemRectMin();
        agent.max = ImGui::GetItemRectMax();
        if (agent.enterRequested || ImGui::IsKeyPressed(ImGuiKey_Enter) ||
            ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) {
            agent.enterRequested = false;
            submitted = true;
        }
        if (agent.blurRequested) {
            agent.blurRequested = false;
            internals::clearActiveItem();
        }
    } else if (wasActive) {
        agent.activeId = 0;
    }
    mirrorLastItem("textbox", label, value.c_str(), -1, 0, nullptr, id);
    ImGui::PopID();
    return submitted;
}

void beginCard(const char* id) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pageMargin(), pageMargin()));
    ImGui::BeginChild(id, ImVec2(0, 0),
                      ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
}

void endCard() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

} // namespace motcua::ui
