// The dossiers this device gets Web Push news for, kept on the device: per dossier the browser's
// subscription endpoint, and what the service worker needs to register a renewed subscription
// again (code, receipt secret, message language). Also the small push replies of the API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua {

struct PushDossier {
    std::string code;     // normalised
    std::string secret;   // the receipt secret: the worker looks the dossier up again with it
    std::string lang;     // vi, en, ko, zh, ja: the language of the messages
    std::string endpoint; // the subscription the server holds for this dossier
};

class PushRegistry {
  public:
    static constexpr size_t kMaxEntries = 50;
    static constexpr size_t kMaxStoredBytes = 256 * 1024;

    // Corrupt, foreign or oversized text gives an empty registry (or skips the bad entries).
    static PushRegistry fromJson(std::string_view text);
    std::string toJson() const;
    // The list the service worker keeps: [{"code","secret","lang","endpoint"}].
    std::string workerJson() const;

    // Adds or replaces the dossier's entry; false (nothing changed) for an invalid code or an
    // empty endpoint.
    bool add(PushDossier entry);
    bool remove(std::string_view code);
    const PushDossier* find(std::string_view code) const;
    // Whether any dossier still uses this endpoint (the browser's subscription is still needed).
    bool uses(std::string_view endpoint) const;
    const std::vector<PushDossier>& entries() const { return m_entries; }
    bool empty() const { return m_entries.empty(); }

  private:
    std::vector<PushDossier> m_entries;
};

// GET /api/v1/push/key: the server's public key (base64url).
Result<std::string> parsePushKey(std::string_view body);
// GET /api/v1/dossiers/{code}/subscriptions?endpoint=: whether the server still holds it.
Result<bool> parsePushSubscribed(std::string_view body);
// The body of POST /api/v1/dossiers/{code}/subscriptions from the browser's PushSubscription JSON:
// its endpoint and keys with the language of the messages; "" when the text is not a subscription.
// `endpoint` gets the subscription's endpoint.
std::string pushSubscribeBody(std::string_view subscriptionJson, std::string_view lang,
                              std::string& endpoint);

} // namespace motcua
