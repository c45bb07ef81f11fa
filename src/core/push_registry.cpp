// Web Push registry on the device: stored as {"v":1,"items":[{code, secret, lang, endpoint}]},
// read defensively because device storage can be truncated or edited.
#include "core/push_registry.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/dossier_code.h"
#include "core/json_fields.h"
#include "core/json_guard.h"
#include "core/stored_list.h"

namespace motcua {

using nlohmann::json;

namespace {
constexpr size_t kMaxEndpoint = 2048; // the server refuses longer ones
constexpr size_t kMaxReply = 16 * 1024;

bool knownLanguage(const std::string& lang) {
    return lang == "vi" || lang == "en" || lang == "ko" || lang == "zh" || lang == "ja";
}

json asJson(const std::vector<PushDossier>& entries) {
    json items = json::array();
    for (const PushDossier& e : entries)
        items.push_back(
            {{"code", e.code}, {"secret", e.secret}, {"lang", e.lang}, {"endpoint", e.endpoint}});
    return items;
}
} // namespace

PushRegistry PushRegistry::fromJson(std::string_view text) {
    PushRegistry registry;
    try {
        stored::readItems(text, kMaxStoredBytes, kMaxEntries, [&registry](const json& item) {
            auto [code, secret] = stored::readDossierRef(item);
            PushDossier e{.code = std::move(code), .secret = std::move(secret)};
            e.lang = stringField(item, "lang");
            e.endpoint = stringField(item, "endpoint");
            if (!knownLanguage(e.lang)) e.lang = "vi";
            if (registry.find(e.code)) return false;
            return registry.add(std::move(e));
        });
    } catch (...) {
        registry.m_entries.clear();
    }
    return registry;
}

std::string PushRegistry::toJson() const {
    return stored::writeItems(asJson(m_entries));
}

std::string PushRegistry::workerJson() const {
    return asJson(m_entries).dump(-1, ' ', false, json::error_handler_t::replace);
}

bool PushRegistry::add(PushDossier entry) {
    if (!isValidCode(entry.code) || entry.endpoint.empty() || entry.endpoint.size() > kMaxEndpoint)
        return false;
    remove(entry.code);
    if (m_entries.size() >= kMaxEntries) m_entries.erase(m_entries.begin());
    m_entries.push_back(std::move(entry));
    return true;
}

bool PushRegistry::remove(std::string_view code) {
    const auto before = m_entries.size();
    std::erase_if(m_entries, [code](const PushDossier& e) { return e.code == code; });
    return m_entries.size() != before;
}

const PushDossier* PushRegistry::find(std::string_view code) const {
    for (const PushDossier& e : m_entries)
        if (e.code == code) return &e;
    return nullptr;
}

bool PushRegistry::uses(std::string_view endpoint) const {
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [endpoint](const PushDossier& e) { return e.endpoint == endpoint; });
}

Result<std::string> parsePushKey(std::string_view body) {
    json root;
    if (const ParseError e = parseJsonText(body, kMaxReply, root); e != ParseError::None)
        return Result<std::string>::failure(e, "push key: not JSON");
    if (!root.is_object() || !root.contains("public_key"))
        return Result<std::string>::failure(ParseError::MissingField, "push key: public_key");
    std::string key = stringField(root, "public_key");
    // base64url of a 65-byte point: 87 characters, only the URL-safe alphabet.
    const bool alphabet = std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
    if (key.size() < 80 || key.size() > 100 || !alphabet)
        return Result<std::string>::failure(ParseError::BadValue, "push key: not base64url");
    return Result<std::string>::success(std::move(key));
}

Result<bool> parsePushSubscribed(std::string_view body) {
    json root;
    if (const ParseError e = parseJsonText(body, kMaxReply, root); e != ParseError::None)
        return Result<bool>::failure(e, "subscription state: not JSON");
    if (!root.is_object() || !root.contains("subscribed"))
        return Result<bool>::failure(ParseError::MissingField, "subscription state: subscribed");
    if (!root["subscribed"].is_boolean())
        return Result<bool>::failure(ParseError::WrongType, "subscription state: subscribed");
    return Result<bool>::success(root["subscribed"].get<bool>());
}

std::string pushSubscribeBody(std::string_view subscriptionJson, std::string_view lang,
                              std::string& endpoint) {
    endpoint.clear();
    json sub;
    if (parseJsonText(subscriptionJson, kMaxReply, sub) != ParseError::None || !sub.is_object())
        return "";
    const json* keys = objectField(sub, "keys");
    const std::string url = stringField(sub, "endpoint");
    if (!keys || url.empty() || url.size() > kMaxEndpoint) return "";
    const std::string p256dh = stringField(*keys, "p256dh"), auth = stringField(*keys, "auth");
    if (p256dh.empty() || auth.empty()) return "";
    endpoint = url;
    return json{{"endpoint", url},
                {"keys", {{"p256dh", p256dh}, {"auth", auth}}},
                {"lang", std::string(lang)}}
        .dump();
}

} // namespace motcua
