// The outbox: deliveries the citizen asked for (ratings now, questions and complaints
// later) kept on the device until the server confirms them, across restarts. Pure logic: the
// controller does the HTTP and the storage, and tells the outbox what happened.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua {

enum class OutboxKind { Rating, Request };
const char* outboxKindKey(OutboxKind kind); // "rating", "request" (the stored form)

// Pending: waiting (maybe backing off) to be sent. Sending: a request is in flight.
// Sent: the server confirmed (201, or 200 for a replayed key). Failed: the server refused it
// for good (errorCode says why); the body is kept so nothing the citizen typed is lost.
enum class OutboxState { Pending, Sending, Sent, Failed };

struct OutboxItem {
    std::string key; // idempotency key, unique in the outbox
    OutboxKind kind = OutboxKind::Rating;
    std::string dossierCode;   // normalised; may be empty for a request without a dossier
    std::string secret;        // receipt secret: a new lookup token may be needed at send time
    std::string body;          // the JSON body, sent verbatim (see ratingRequestJson)
    int64_t createdAt = 0;     // epoch ms
    int attempts = 0;          // requests started (markSending calls)
    int64_t nextAttemptAt = 0; // epoch ms; 0 = at once
    OutboxState state = OutboxState::Pending;
    std::string errorCode; // Failed: the server's error code ("already_rated", ...)
};

// How the controller sorts an HTTP answer to a delivery (see classifyHttpResult).
enum class DeliveryOutcome {
    Delivered, // 200 (same key replayed) or 201
    Relookup,  // 401: the lookup token expired; look the dossier up again with the secret, retry
    Retryable, // 429, 5xx, 408, network errors, timeouts: back off and retry
    Permanent, // 400/404/409/413/422 and other 4xx: the server will never accept this body
};

// The rule, in one place so the controller and the tests agree:
//   201, 200                → Delivered  (200 = the server already had this idempotency key)
//   401                     → Relookup   (then onRetryableFailure: counts as an attempt)
//   0 (no answer), 408, 425, 429, 5xx → Retryable (429/503 may carry Retry-After)
//   409 already_rated / not_eligible / stale, 400, 404, 413, 422, other 4xx → Permanent with
//   the server's error code. A 409 can never mean "this very rating arrived": the same key
//   is answered 200, so already_rated is another rating (from another device or the counter).
DeliveryOutcome classifyHttpResult(int httpStatus);

class Outbox {
  public:
    static constexpr size_t kMaxItems = 50;
    static constexpr size_t kMaxStoredBytes = 2 * 1024 * 1024;
    static constexpr size_t kMaxKeyLength = 128;          // the server's limit on idempotency_key
    static constexpr int64_t kBaseDelayMs = 2000;         // first retry after 2 s
    static constexpr int64_t kMaxDelayMs = 5 * 60 * 1000; // backoff cap
    static constexpr int64_t kMaxRetryAfterMs =
        60 * 60 * 1000; // a bogus Retry-After can't park an item for days

    // Corrupt, foreign or oversized text gives an empty outbox (bad items are skipped).
    // Items stored as Sending go back to Pending, due at once: the tab closed mid-request,
    // and resending is safe because the server dedupes by idempotency key.
    static Outbox fromJson(std::string_view text);
    std::string toJson() const;

    // Queues a new item (state Pending, attempts 0). Adding a key already present changes
    // nothing and returns false, so a double tap or a replayed add never queues twice. Also
    // false for an empty or over-long key, a body that is not a JSON object, or a full outbox
    // (Sent items are dropped first to make room; undelivered ones never are).
    bool add(OutboxItem item);

    // The item to send now: Pending and due, earliest due first (then oldest). None while
    // another item is Sending: one request at a time keeps order and spares weak networks.
    std::optional<OutboxItem> nextDue(int64_t nowMs) const;
    // Earliest nextAttemptAt among Pending items (for the controller's timer); none if idle.
    std::optional<int64_t> nextWakeAt() const;

    bool markSending(const std::string& key); // Pending → Sending, attempts + 1
    bool onDelivered(const std::string& key); // Pending/Sending → Sent (never back)
    // Sending/Pending → Pending, due after the backoff for its attempts, or after Retry-After
    // when that is longer (retryAfterSeconds ≤ 0: none given).
    bool onRetryableFailure(const std::string& key, int64_t nowMs, int64_t retryAfterSeconds = 0);
    bool onPermanentFailure(const std::string& key, std::string errorCode); // → Failed
    // The network came back (browser "online" event): every Pending item is due now.
    void onNetworkRestored(int64_t nowMs);

    // Backoff before the next try after `attempts` tries: 2 s, 4 s, 8 s, ... capped at 5 min,
    // plus up to 25% jitter derived from the key, so devices that went offline together do
    // not retry in lockstep while tests stay deterministic.
    static int64_t backoffDelayMs(std::string_view key, int attempts);

    size_t pendingCount() const; // Pending + Sending: "saved, will be sent"
    std::optional<OutboxState> stateOf(std::string_view key) const;
    const OutboxItem* find(std::string_view key) const;
    const std::vector<OutboxItem>& items() const { return m_items; }

    bool remove(std::string_view key); // e.g. the citizen discards a Failed item
    void removeSent();                 // after the screen showed "sent"
    void clear();                      // kiosk wipe: secrets and bodies overwritten first

  private:
    OutboxItem* findMutable(std::string_view key);

    std::vector<OutboxItem> m_items; // in the order they were added
};

// An idempotency key (UUID v4 text) from random bytes the controller supplies (JS
// crypto.getRandomValues). With 16 or more bytes the first 16 are used as they are; shorter
// seeds are stretched deterministically (tests). The core itself never draws randomness.
std::string makeIdempotencyKey(std::string_view seed);
bool isValidIdempotencyKey(std::string_view key); // 1–128 printable ASCII characters

} // namespace motcua
