// The app's fonts: the embedded Noto Sans faces, and the CJK faces merged in when they arrive.
#include <cstring>

#include <imgui.h>

#include "generated/embedded_assets.h"
#include "ui/context.h"
#include "ui/fonts.h"
#include "ui/gui_internals.h"

namespace motcua::ui {

Fonts& fonts() {
    return context().fonts;
}

namespace {
// Adds a font source to `target` (ImGui 1.92.2 merges into the last font added whatever
// ImFontConfig::DstFont says, so the target is moved to the end for the call). The atlas copies
// the bytes (FontDataOwnedByAtlas = false makes it duplicate them), so `data` need not outlive it.
bool mergeFontInto(ImFont* target, const unsigned char* data, std::size_t size, const char* name) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImVector<ImFont*>& list = atlas->Fonts;
    if (!target || !list.contains(target)) return false;
    const int at = list.index_from_ptr(list.find(target));
    std::swap(list[at], list.back());
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.DstFont = target;
    cfg.FontDataOwnedByAtlas = false;
    std::strncpy(cfg.Name, name, sizeof(cfg.Name) - 1);
    const ImFont* added = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(data),
                                                      static_cast<int>(size), 18.0f, &cfg);
    std::swap(list[at], list.back());
    if (!added) return false;
    // Glyphs looked up before (and found missing) are cached per size: bake them again.
    internals::discardFontBakes(target);
    return true;
}
} // namespace

void loadFonts() {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    std::strncpy(cfg.Name, "Noto Sans", sizeof(cfg.Name) - 1);
    fonts().regular =
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(assets::k_font_regular),
                                       static_cast<int>(assets::k_font_regular_size), 18.0f, &cfg);
    std::strncpy(cfg.Name, "Noto Sans Bold", sizeof(cfg.Name) - 1);
    fonts().bold =
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(assets::k_font_bold),
                                       static_cast<int>(assets::k_font_bold_size), 18.0f, &cfg);
    // The language choice labels 한국어, 中文, 日本語: a few embedded CJK glyphs (about 3 KB).
    mergeFontInto(fonts().regular, assets::k_font_cjk_labels, assets::k_font_cjk_labels_size,
                  "CJK labels");
    ImGui::GetStyle().FontSizeBase = 18.0f;
}

namespace {
// An OpenType/TrueType file whose tables all lie inside it: anything else (an error page, a
// truncated download) is refused here, before ImGui's loader would assert on it.
bool looksLikeFont(const unsigned char* d, std::size_t size) {
    auto u16 = [d](std::size_t at) { return static_cast<uint32_t>(d[at] << 8 | d[at + 1]); };
    auto u32 = [d](std::size_t at) {
        return static_cast<uint32_t>(d[at]) << 24 | static_cast<uint32_t>(d[at + 1]) << 16 |
               static_cast<uint32_t>(d[at + 2]) << 8 | d[at + 3];
    };
    if (!d || size < 12) return false;
    const uint32_t tag = u32(0);
    if (tag != 0x00010000u && tag != 0x4F54544Fu /* OTTO */ && tag != 0x74727565u /* true */)
        return false;
    const std::size_t tables = u16(4);
    if (tables == 0 || 12 + tables * 16 > size) return false;
    for (std::size_t i = 0; i < tables; ++i) {
        const uint64_t offset = u32(12 + i * 16 + 8), length = u32(12 + i * 16 + 12);
        if (offset + length > size) return false;
    }
    return true;
}
} // namespace

bool mergeCjkFont(const unsigned char* data, std::size_t size) {
    if (!looksLikeFont(data, size)) return false;
    return mergeFontInto(fonts().regular, data, size, "Noto Sans CJK") &&
           mergeFontInto(fonts().bold, data, size, "Noto Sans CJK Bold");
}

bool useCjkBoldFont(const unsigned char* data, std::size_t size) {
    if (!looksLikeFont(data, size)) return false;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    std::strncpy(cfg.Name, "Noto Sans Bold", sizeof(cfg.Name) - 1);
    ImFont* bold =
        atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(assets::k_font_bold),
                                    static_cast<int>(assets::k_font_bold_size), 18.0f, &cfg);
    if (!bold) return false;
    if (!mergeFontInto(bold, data, size, "Noto Sans CJK Bold")) {
        atlas->RemoveFont(bold);
        return false;
    }
    ImFont* old = fonts().bold;
    fonts().bold = bold;
    atlas->RemoveFont(old);
    return true;
}

} // namespace motcua::ui
