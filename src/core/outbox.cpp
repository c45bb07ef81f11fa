// Outbox: stored as {"v":1,"items":[{key, kind, code, secret, body, created_at, attempts,
// next_at, state, error}]}. Reading is defensive: device storage can be truncated or edited.
#include "core/outbox.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/dossier_code.h"
#include "core/http_reply.h"
#include "core/json_fields.h"
#include "core/json_guard.h"
#include "core/stored_list.h"

namespace motcua {

using nlohmann::json;

namespace {

constexpr size_t kMaxBodyBytes = 64 * 1024; // the server's body limit
constexpr size_t kMaxErrorCodeLength = 64;

const char* stateKey(OutboxState state) {
    switch (state) {
    case OutboxState::Pending:
        return "pending";
    case OutboxState::Sending:
        return "sending";
    case OutboxState::Sent:
        return "sent";
    case OutboxState::Failed:
        return "failed";
    }
    return "pending";
}

std::optional<OutboxState> stateFromKey(std::string_view key) {
    if (key == "pending") return OutboxState::Pending;
    if (key == "sending") return OutboxState::Sending;
    if (key == "sent") return OutboxState::Sent;
    if (key == "failed") return OutboxState::Failed;
    return std::nullopt;
}

std::optional<OutboxKind> kindFromKey(std::string_view key) {
    if (key == "rating") return OutboxKind::Rating;
    if (key == "request") return OutboxKind::Request;
    return std::nullopt; // written by a newer app: skipped rather than sent blindly
}

bool isJsonObjectText(std::string_view text) {
    json value;
    return text.size() <= kMaxBodyBytes &&
           parseJsonText(text, kMaxBodyBytes, value) == ParseError::None && value.is_object();
}

// FNV-1a: a stable hash for the jitter, identical on every platform.
uint64_t fnv1a(std::string_view text, uint64_t salt) {
    uint64_t h = 1469598103934665603ull ^ salt;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void wipe(std::string& s) {
    std::fill(s.begin(), s.end(), '\0');
}

bool validItem(const OutboxItem& item) {
    if (!isValidIdempotencyKey(item.key)) return false;
    if (item.kind == OutboxKind::Rating && !isValidCode(item.dossierCode)) return false;
    if (!item.dossierCode.empty() && !isValidCode(item.dossierCode)) return false;
    return isJsonObjectText(item.body);
}

} // namespace

const char* outboxKindKey(OutboxKind kind) {
    return kind == OutboxKind::Request ? "request" : "rating";
}

DeliveryOutcome classifyHttpResult(int httpStatus) {
    if (httpStatus == 200 || httpStatus == 201) return DeliveryOutcome::Delivered;
    const ReplyClass reply = classifyReply(httpStatus);
    if (reply.kind == ReplyKind::Unauthorized) return DeliveryOutcome::Relookup;
    // Other 2xx are not answers this API gives to a delivery: a captive portal or proxy rewrote
    // the response, so the server may not have it yet. Retrying is safe (idempotency key).
    if (reply.retryable || reply.kind == ReplyKind::Ok) return DeliveryOutcome::Retryable;
    return DeliveryOutcome::Permanent;
}

Outbox Outbox::fromJson(std::string_view text) {
    Outbox box;
    try {
        stored::readItems(text, kMaxStoredBytes, kMaxItems, [&box](const json& raw) {
            auto kind = kindFromKey(stringField(raw, "kind"));
            auto state = stateFromKey(stringField(raw, "state"));
            if (!kind || !state) return false;
            OutboxItem item;
            item.key = stringField(raw, "key");
            item.kind = *kind;
            auto [code, secret] = stored::readDossierRef(raw);
            item.dossierCode = std::move(code);
            item.secret = std::move(secret);
            item.body = stringField(raw, "body");
            item.createdAt = intField(raw, "created_at");
            int64_t attempts = intField(raw, "attempts");
            item.attempts = attempts > 0 && attempts < 1000000 ? static_cast<int>(attempts) : 0;
            item.nextAttemptAt = std::max<int64_t>(0, intField(raw, "next_at"));
            item.state = *state;
            item.errorCode = stringField(raw, "error").substr(0, kMaxErrorCodeLength);
            if (!validItem(item) || box.find(item.key)) return false;
            if (item.state == OutboxState::Sending) {
                // The tab closed while the request was in flight: it may or may not have
                // arrived. Send again now; the server answers 200 if it had arrived.
                item.state = OutboxState::Pending;
                item.nextAttemptAt = 0;
            }
            box.m_items.push_back(std::move(item));
            return true;
        });
    } catch (...) {
        box.m_items.clear();
    }
    return box;
}

std::string Outbox::toJson() const {
    json items = json::array();
    for (const OutboxItem& item : m_items) {
        items.push_back({{"key", item.key},
                         {"kind", outboxKindKey(item.kind)},
                         {"code", item.dossierCode},
                         {"secret", item.secret},
                         {"body", item.body},
                         {"created_at", item.createdAt},
                         {"attempts", item.attempts},
                         {"next_at", item.nextAttemptAt},
                         {"state", stateKey(item.state)},
                         {"error", item.errorCode}});
    }
    return stored::writeItems(std::move(items));
}

bool Outbox::add(OutboxItem item) {
    item.dossierCode = normalizeCode(item.dossierCode);
    if (!item.secret.empty())
        item.secret = isValidSecret(item.secret) ? normalizeSecret(item.secret) : std::string{};
    if (!validItem(item) || find(item.key)) return false;
    if (m_items.size() >= kMaxItems) {
        auto sent = std::find_if(m_items.begin(), m_items.end(),
                                 [](const OutboxItem& i) { return i.state == OutboxState::Sent; });
        if (sent == m_items.end()) return false; // never drop something not yet delivered
        m_items.erase(sent);
    }
    item.state = OutboxState::Pending;
    item.attempts = 0;
    item.errorCode.clear();
    m_items.push_back(std::move(item));
    return true;
}

std::optional<OutboxItem> Outbox::nextDue(int64_t nowMs) const {
    const OutboxItem* best = nullptr;
    for (const OutboxItem& item : m_items) {
        if (item.state == OutboxState::Sending) return std::nullopt;
        if (item.state != OutboxState::Pending || item.nextAttemptAt > nowMs) continue;
        // Ties keep insertion order (older first) because only a strictly earlier time wins.
        if (!best || item.nextAttemptAt < best->nextAttemptAt) best = &item;
    }
    if (!best) return std::nullopt;
    return *best;
}

std::optional<int64_t> Outbox::nextWakeAt() const {
    std::optional<int64_t> wake;
    for (const OutboxItem& item : m_items)
        if (item.state == OutboxState::Pending && (!wake || item.nextAttemptAt < *wake))
            wake = item.nextAttemptAt;
    return wake;
}

bool Outbox::markSending(const std::string& key) {
    OutboxItem* item = findMutable(key);
    if (!item || item->state != OutboxState::Pending) return false;
    item->state = OutboxState::Sending;
    ++item->attempts;
    return true;
}

bool Outbox::onDelivered(const std::string& key) {
    OutboxItem* item = findMutable(key);
    if (!item || item->state == OutboxState::Sent || item->state == OutboxState::Failed)
        return false;
    item->state = OutboxState::Sent;
    item->errorCode.clear();
    wipe(item->secret); // no longer needed; the fewer secrets in storage the better
    item->secret.clear();
    return true;
}

bool Outbox::onRetryableFailure(const std::string& key, int64_t nowMs, int64_t retryAfterSeconds) {
    OutboxItem* item = findMutable(key);
    if (!item || (item->state != OutboxState::Sending && item->state != OutboxState::Pending))
        return false;
    int64_t delay = backoffDelayMs(item->key, item->attempts);
    if (retryAfterSeconds > 0)
        delay = std::max(delay, std::min(retryAfterSeconds, kMaxRetryAfterMs / 1000) * 1000);
    item->state = OutboxState::Pending;
    item->nextAttemptAt = nowMs + delay;
    return true;
}

bool Outbox::onPermanentFailure(const std::string& key, std::string errorCode) {
    OutboxItem* item = findMutable(key);
    if (!item || item->state == OutboxState::Sent || item->state == OutboxState::Failed)
        return false;
    item->state = OutboxState::Failed;
    item->errorCode = errorCode.substr(0, kMaxErrorCodeLength);
    return true;
}

void Outbox::onNetworkRestored(int64_t nowMs) {
    for (OutboxItem& item : m_items)
        if (item.state == OutboxState::Pending && item.nextAttemptAt > nowMs)
            item.nextAttemptAt = nowMs;
}

int64_t Outbox::backoffDelayMs(std::string_view key, int attempts) {
    int doublings = std::clamp(attempts, 1, 30) - 1;
    int64_t delay = std::min(kMaxDelayMs, kBaseDelayMs << std::min(doublings, 20));
    uint64_t h = fnv1a(key, static_cast<uint64_t>(attempts));
    int64_t jitter = delay * static_cast<int64_t>(h % 1000) / 4000; // [0, 25%)
    // Below the cap jitter lengthens the wait; at the cap it shortens it, so the cap holds.
    return delay == kMaxDelayMs ? delay - jitter : delay + jitter;
}

size_t Outbox::pendingCount() const {
    return static_cast<size_t>(
        std::count_if(m_items.begin(), m_items.end(), [](const OutboxItem& i) {
            return i.state == OutboxState::Pending || i.state == OutboxState::Sending;
        }));
}

std::optional<OutboxState> Outbox::stateOf(std::string_view key) const {
    const OutboxItem* item = find(key);
    if (!item) return std::nullopt;
    return item->state;
}

const OutboxItem* Outbox::find(std::string_view key) const {
    for (const OutboxItem& item : m_items)
        if (item.key == key) return &item;
    return nullptr;
}

OutboxItem* Outbox::findMutable(std::string_view key) {
    return const_cast<OutboxItem*>(find(key));
}

bool Outbox::remove(std::string_view key) {
    auto it = std::find_if(m_items.begin(), m_items.end(),
                           [&](const OutboxItem& i) { return i.key == key; });
    if (it == m_items.end()) return false;
    wipe(it->secret);
    m_items.erase(it);
    return true;
}

void Outbox::removeSent() {
    std::erase_if(m_items, [](const OutboxItem& i) { return i.state == OutboxState::Sent; });
}

void Outbox::clear() {
    // Kiosks wipe the session with this: comments can be personal, secrets open dossiers.
    for (OutboxItem& item : m_items) {
        wipe(item.secret);
        wipe(item.body);
    }
    m_items.clear();
}

std::string makeIdempotencyKey(std::string_view seed) {
    unsigned char bytes[16];
    if (seed.size() >= 16) {
        for (int i = 0; i < 16; ++i)
            bytes[i] = static_cast<unsigned char>(seed[i]);
    } else {
        uint64_t state = fnv1a(seed, 0x6d6f74637561ull); // "motcua"
        for (int i = 0; i < 16; i += 8) {
            uint64_t v = splitmix64(state);
            for (int k = 0; k < 8; ++k)
                bytes[i + k] = static_cast<unsigned char>(v >> (8 * k));
        }
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key;
    key.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) key.push_back('-');
        key.push_back(kHex[bytes[i] >> 4]);
        key.push_back(kHex[bytes[i] & 0x0F]);
    }
    return key;
}

bool isValidIdempotencyKey(std::string_view key) {
    if (key.empty() || key.size() > Outbox::kMaxKeyLength) return false;
    return std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

} // namespace motcua
