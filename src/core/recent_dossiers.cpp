// Recent dossiers list: stored format {"v":1,"items":[{code, secret, status, updated_at,
// cache}]}. Reading is defensive because device storage can be truncated or edited.
#include "core/recent_dossiers.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/dossier_code.h"
#include "core/json_fields.h"
#include "core/stored_list.h"

namespace motcua {

using nlohmann::json;

RecentDossiers RecentDossiers::fromJson(std::string_view text) {
    RecentDossiers list;
    try {
        stored::readItems(text, kMaxStoredBytes, kMaxEntries, [&list](const json& item) {
            auto [code, secret] = stored::readDossierRef(item);
            if (!isValidCode(code) || list.find(code)) return false;
            RecentDossier e{.code = std::move(code), .secret = std::move(secret)};
            int64_t status = intField(item, "status");
            e.lastStatus = status >= 0 && status <= 1000 ? static_cast<int>(status) : 0;
            e.updatedAt = intField(item, "updated_at");
            e.cachedJson = stringField(item, "cache");
            list.m_entries.push_back(std::move(e));
            return true;
        });
    } catch (...) {
        list.m_entries.clear();
    }
    return list;
}

std::string RecentDossiers::toJson() const {
    json items = json::array();
    for (const RecentDossier& e : m_entries) {
        items.push_back({{"code", e.code},
                         {"secret", e.secret},
                         {"status", e.lastStatus},
                         {"updated_at", e.updatedAt},
                         {"cache", e.cachedJson}});
    }
    return stored::writeItems(std::move(items));
}

bool RecentDossiers::add(RecentDossier entry) {
    entry.code = normalizeCode(entry.code);
    if (!isValidCode(entry.code)) return false;
    entry.secret = isValidSecret(entry.secret) ? normalizeSecret(entry.secret) : std::string{};
    auto old = std::find_if(m_entries.begin(), m_entries.end(),
                            [&](const RecentDossier& e) { return e.code == entry.code; });
    if (old != m_entries.end()) {
        if (entry.secret.empty()) entry.secret = std::move(old->secret);
        if (entry.cachedJson.empty()) entry.cachedJson = std::move(old->cachedJson);
        m_entries.erase(old);
    }
    m_entries.insert(m_entries.begin(), std::move(entry));
    if (m_entries.size() > kMaxEntries) m_entries.resize(kMaxEntries);
    return true;
}

bool RecentDossiers::remove(std::string_view code) {
    std::string normalized = normalizeCode(code);
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&](const RecentDossier& e) { return e.code == normalized; });
    if (it == m_entries.end()) return false;
    m_entries.erase(it);
    return true;
}

void RecentDossiers::clear() {
    // Overwrite secrets before releasing them: kiosks wipe the session with this.
    for (RecentDossier& e : m_entries)
        std::fill(e.secret.begin(), e.secret.end(), '\0');
    m_entries.clear();
}

const RecentDossier* RecentDossiers::find(std::string_view code) const {
    std::string normalized = normalizeCode(code);
    for (const RecentDossier& e : m_entries)
        if (e.code == normalized) return &e;
    return nullptr;
}

} // namespace motcua
