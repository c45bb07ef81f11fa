// UI strings by key for the app's languages, loaded from the JSON files in assets/i18n/ (and the
// status words from assets/domain/statuses.json).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua {

// Vietnamese and English for everything; Korean, Chinese and Japanese for tourists: their
// string files may omit keys (English is shown instead) and their glyphs come from a CJK font that
// is fetched only when one of them is chosen.
enum class Language { Vi, En, Ko, Zh, Ja };

const char* languageCode(Language lang);
std::optional<Language> languageFromCode(std::string_view code);
// Whether the language's text needs the separately loaded CJK font.
inline bool needsCjkFont(Language lang) {
    return lang == Language::Ko || lang == Language::Zh || lang == Language::Ja;
}
// Catalogue content (procedure names, agencies, search) exists only in Vietnamese and English: the
// tourists' languages read the English one.
inline Language contentLanguage(Language lang) {
    return lang == Language::Vi ? Language::Vi : Language::En;
}

class Strings {
  public:
    // Loads a flat {"key": "text"} JSON object; returns false (and keeps what it had) on bad input.
    bool load(std::string_view jsonText);
    // The same, plus the status words ("status.4") of `lang` from assets/domain/statuses.json:
    // they are domain facts the server names statuses with, so the string files do not hold them.
    bool load(std::string_view jsonText, Language lang);
    // Strings used for keys this table lacks (English under Korean, Chinese and Japanese); the
    // fallback is not owned and must outlive this table. nullptr: no fallback.
    void setFallback(const Strings* fallback) { m_fallback = fallback; }
    // The text for a key, the fallback's text, or the key itself so a missing string is visible
    // rather than blank.
    const char* get(const char* key) const;
    bool has(const std::string& key) const { return m_map.count(key) != 0; }
    size_t size() const { return m_map.size(); }

  private:
    std::unordered_map<std::string, std::string> m_map;
    const Strings* m_fallback = nullptr;
};

} // namespace motcua
