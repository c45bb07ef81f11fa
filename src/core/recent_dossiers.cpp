// Recent dossiers list: stored format {"v":1,"items":[{code, secret, status, updated_at,
// cache}]}. Reading is defensive because device storage can be truncated or edited.
#include "core/recent_dossiers.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/dossier_code.h"
#include "core/json_guard.h"

namespace motcua {

using nlohmann::json;

namespace {

constexpr int kFormatVersion = 1;

std::string stringField(const json& item, const char* key) {
    auto it = item.find(key);
    return it != item.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

int64_t intField(const json& item, const char* key) {
    auto it = item.find(key);
    if (it == item.end() || !it->is_number_integer()) return 0;
    if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
        return 0;
    return it->get<int64_t>();
}

} // namespace

RecentDossiers RecentDossiers::fromJson(std::string_view text) {
    RecentDossiers list;
    try {
        json root;
        if (parseJsonText(text, kMaxStoredBytes, root) != ParseError::None) return list;
        if (!root.is_object()) return list;
        auto items = root.find("items");
        if (items == root.end() || !items->is_array()) return list;
        for (const json& item : *items) {
            if (list.m_entries.size() >= kMaxEntries) break;
            if (!item.is_object()) continue;
            RecentDossier e;
            e.code = normalizeCode(stringField(item, "code"));
            if (!isValidCode(e.code) || list.find(e.code)) continue;
            e.secret = stringField(item, "secret");
            if (!e.secret.empty() && !isValidSecret(e.secret)) e.secret.clear();
            int64_t status = intField(item, "status");
            e.lastStatus = status >= 0 && status <= 1000 ? static_cast<int>(status) : 0;
            e.updatedAt = intField(item, "updated_at");
            e.cachedJson = stringField(item, "cache");
            list.m_entries.push_back(std::move(e));
        }
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
    json root = {{"v", kFormatVersion}, {"items", std::move(items)}};
    return root.dump(-1, ' ', false, json::error_handler_t::replace);
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
