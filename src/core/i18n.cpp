// Loading and looking up UI strings.
#include "core/i18n.h"

#include <nlohmann/json.hpp>

namespace motcua {

const char* languageCode(Language lang) {
    return lang == Language::En ? "en" : "vi";
}

bool Strings::load(std::string_view jsonText) {
    auto doc = nlohmann::json::parse(jsonText.begin(), jsonText.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return false;
    std::unordered_map<std::string, std::string> map;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.value().is_string()) map.emplace(it.key(), it.value().get<std::string>());
    }
    m_map = std::move(map);
    return true;
}

const char* Strings::get(const char* key) const {
    auto it = m_map.find(key);
    return it == m_map.end() ? key : it->second.c_str();
}

} // namespace motcua
