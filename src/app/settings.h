// The citizen's settings: language (with the strings shown and the CJK fonts fetched on first
// need), text scale, and their copy on the device. Screens read AppState::language/textScale.
#pragma once

#include <functional>

#include "app/font_sink.h"
#include "core/i18n.h"
#include "platform/http_client.h"
#include "platform/storage.h"

namespace motcua {

class Settings {
  public:
    // `language` and `textScale` are the screens' copies (in AppState); `kiosk` keeps a shared
    // screen from remembering anything.
    Settings(HttpClient& http, Storage& storage, FontSink& fonts, Language& language,
             float& textScale, const bool& kiosk)
        : m_http(http), m_storage(storage), m_fonts(fonts), m_language(language),
          m_textScale(textScale), m_kiosk(kiosk) {}
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    // Reads the saved settings (not on a kiosk) and applies them when they arrive.
    void load();
    // Chosen by the citizen: applied and saved.
    void choose(Language language);
    void chooseTextScale(float scale);
    // Applied without saving (start, kiosk defaults, a font that arrived).
    void setLanguage(Language language);
    void setTextScale(float scale);
    // The language the strings are shown in: the chosen one, or English while a Korean, Chinese
    // or Japanese choice waits for its font (so no glyph is drawn as a box).
    Language shownLanguage() const;
    const Strings& strings() const { return m_strings; }
    // True once after the text scale changed: the theme must be built again.
    bool takeStyleDirty();
    void markStyleDirty() { m_styleDirty = true; }
    // Back online: a font that failed is fetched again.
    void networkOnline();

    // The language on show changed (strings, or a font arrived for it).
    std::function<void()> onShownLanguage;
    // A CJK font arrived and the screens now draw that language.
    std::function<void()> onFontReady;

  private:
    void save();
    void fetchCjkFont();
    void fetchCjkBoldFont();

    HttpClient& m_http;
    Storage& m_storage;
    FontSink& m_fonts;
    Language& m_language;
    float& m_textScale;
    const bool& m_kiosk;
    Strings m_strings;
    Strings m_englishFallback; // under Korean, Chinese and Japanese, for the keys they lack
    bool m_cjkFontReady = false;
    int m_cjkFontRequest = 0;
    bool m_cjkBoldReady = false;
    int m_cjkBoldRequest = 0;
    bool m_styleDirty = true;
};

} // namespace motcua
