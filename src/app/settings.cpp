// Settings: the language and its strings and fonts, the text scale, saved on the device.
#include "app/settings.h"

#include <algorithm>
#include <string_view>

#include <nlohmann/json.hpp>

#include "generated/embedded_assets.h"
#include "platform/host.h"

namespace motcua {

namespace {
constexpr const char* kSettingsKey = "motcua.settings";

std::string_view stringsFor(Language language) {
    switch (language) {
    case Language::En:
        return assets::i18nEn();
    case Language::Ko:
        return assets::i18nKo();
    case Language::Zh:
        return assets::i18nZh();
    case Language::Ja:
        return assets::i18nJa();
    case Language::Vi:
        break;
    }
    return assets::i18nVi();
}
} // namespace

void Settings::load() {
    if (m_kiosk) return; // a kiosk's citizen always starts from the defaults
    m_storage.load(kSettingsKey, [this](std::optional<std::string> text) {
        if (!text) return;
        auto doc = nlohmann::json::parse(*text, nullptr, false);
        if (!doc.is_object()) return;
        const auto language = languageFromCode(doc.value("language", "vi"));
        if (language && *language != Language::Vi) setLanguage(*language);
        const auto scale = doc.find("text_scale");
        if (scale != doc.end() && scale->is_number()) setTextScale(scale->get<float>());
        host::requestFrame();
    });
}

void Settings::choose(Language language) {
    setLanguage(language);
    save();
}

void Settings::chooseTextScale(float scale) {
    setTextScale(scale);
    save();
}

void Settings::save() {
    if (m_kiosk) return; // a kiosk's next citizen starts from the defaults
    nlohmann::json doc = {{"language", languageCode(m_language)}, {"text_scale", m_textScale}};
    m_storage.save(kSettingsKey, doc.dump());
}

Language Settings::shownLanguage() const {
    return needsCjkFont(m_language) && !m_cjkFontReady ? Language::En : m_language;
}

void Settings::setLanguage(Language language) {
    m_language = language;
    if (needsCjkFont(language)) fetchCjkFont(); // or its bold face, if that failed before
    const Language shown = shownLanguage();
    // Every table is complete (tools/check_i18n.py); English stands in for a key one might lack.
    if (needsCjkFont(shown) && m_englishFallback.size() == 0)
        m_englishFallback.load(stringsFor(Language::En), Language::En);
    m_strings.setFallback(needsCjkFont(shown) ? &m_englishFallback : nullptr);
    const bool ok = m_strings.load(stringsFor(shown), shown);
    (void)ok;
    host::setDocumentLanguage(languageCode(shown));
    if (onShownLanguage) onShownLanguage();
}

void Settings::setTextScale(float scale) {
    m_textScale = std::clamp(scale, 1.0f, 2.0f);
    m_styleDirty = true;
}

bool Settings::takeStyleDirty() {
    const bool dirty = m_styleDirty;
    m_styleDirty = false;
    return dirty;
}

void Settings::networkOnline() {
    if (needsCjkFont(m_language)) setLanguage(m_language); // fetches the font if it failed
}

// The CJK font is not in the wasm: fetch it once, when a Korean, Chinese or Japanese choice
// first needs it, then merge it into the fonts and show that language's strings.
void Settings::fetchCjkFont() {
    if (m_cjkFontReady) fetchCjkBoldFont(); // if it failed before
    if (m_cjkFontRequest != 0 || m_cjkFontReady) return;
    const std::string url = host::cjkFontUrl();
    if (url.empty()) return; // no font packaged: those languages stay in English
    HttpRequest request;
    request.url = url;
    request.timeoutMs = 120000; // a few hundred kilobytes, perhaps over a slow line
    m_cjkFontRequest = m_http.send(std::move(request), [this](const HttpResponse& r) {
        m_cjkFontRequest = 0;
        if (r.status != 200 || r.body.empty())
            return; // tried again on the next choice or when online
        if (!m_fonts.addCjkFont(reinterpret_cast<const unsigned char*>(r.body.data()),
                                r.body.size()))
            return;
        m_cjkFontReady = true;
        fetchCjkBoldFont();
        if (!needsCjkFont(m_language)) return;
        setLanguage(m_language);
        if (onFontReady) onFontReady();
        host::requestFrame();
    });
}

// Headings and bold labels in CJK: until this arrives they use the regular CJK glyphs.
void Settings::fetchCjkBoldFont() {
    if (m_cjkBoldRequest != 0 || m_cjkBoldReady) return;
    const std::string url = host::cjkBoldFontUrl();
    if (url.empty()) return;
    HttpRequest request;
    request.url = url;
    request.timeoutMs = 120000;
    m_cjkBoldRequest = m_http.send(std::move(request), [this](const HttpResponse& r) {
        m_cjkBoldRequest = 0;
        if (r.status != 200 || r.body.empty()) return;
        if (!m_fonts.addCjkBoldFont(reinterpret_cast<const unsigned char*>(r.body.data()),
                                    r.body.size()))
            return;
        m_cjkBoldReady = true;
        host::requestFrame();
    });
}

} // namespace motcua
