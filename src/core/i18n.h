// UI strings by key for the app's languages, loaded from the JSON files in assets/i18n/.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua {

enum class Language { Vi, En };

const char* languageCode(Language lang);

class Strings {
  public:
    // Loads a flat {"key": "text"} JSON object; returns false (and keeps what it had) on bad input.
    bool load(std::string_view jsonText);
    // The text for a key, or the key itself so a missing string is visible rather than blank.
    const char* get(const char* key) const;
    bool has(const std::string& key) const { return m_map.count(key) != 0; }
    size_t size() const { return m_map.size(); }

  private:
    std::unordered_map<std::string, std::string> m_map;
};

} // namespace motcua
