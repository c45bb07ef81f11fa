// Loading and looking up UI strings.
#include "core/i18n.h"

#include <nlohmann/json.hpp>

#include "core/domain_facts.h"
#include "core/status.h"

namespace motcua {

const char* languageCode(Language lang) {
    switch (lang) {
    case Language::En:
        return "en";
    case Language::Ko:
        return "ko";
    case Language::Zh:
        return "zh";
    case Language::Ja:
        return "ja";
    case Language::Vi:
        break;
    }
    return "vi";
}

std::optional<Language> languageFromCode(std::string_view code) {
    for (Language lang : {Language::Vi, Language::En, Language::Ko, Language::Zh, Language::Ja})
        if (code == languageCode(lang)) return lang;
    return std::nullopt;
}

bool Strings::load(std::string_view jsonText) {
    auto doc = nlohmann::json::parse(jsonText.begin(), jsonText.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return false;
    std::unordered_map<std::string, std::string> map;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (!it.value().is_string()) return false; // a broken file: keep the strings we have
        map.emplace(it.key(), it.value().get<std::string>());
    }
    m_map = std::move(map);
    return true;
}

bool Strings::load(std::string_view jsonText, Language lang) {
    if (!load(jsonText)) return false;
    for (const StatusFact& s : domainFacts().statuses)
        m_map[statusInfo(s.code).i18nKey] = s.words[static_cast<size_t>(lang)];
    return true;
}

const char* Strings::get(const char* key) const {
    auto it = m_map.find(key);
    if (it != m_map.end()) return it->second.c_str();
    return m_fallback ? m_fallback->get(key) : key;
}

} // namespace motcua
