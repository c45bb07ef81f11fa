// The outbox: persistence, dedupe by key, backoff, Retry-After, restart, exactly-once.
#include <catch2/catch.hpp>

#include <string>

#include "core/outbox.h"

using namespace motcua;

namespace {
const std::string kCode = "000.00.12.H42-241125-0001";
const std::string kBody = R"({"idempotency_key":"k1","overall":"satisfied","visits":"0"})";

OutboxItem rating(std::string key, int64_t createdAt = 1000) {
    OutboxItem item;
    item.key = std::move(key);
    item.kind = OutboxKind::Rating;
    item.dossierCode = kCode;
    item.secret = "MV785W";
    item.body = kBody;
    item.createdAt = createdAt;
    return item;
}
} // namespace

TEST_CASE("a new item is pending and due at once", "[outbox]") {
    Outbox box;
    REQUIRE(box.add(rating("k1")));
    CHECK(box.pendingCount() == 1);
    CHECK(box.stateOf("k1") == OutboxState::Pending);
    auto due = box.nextDue(0);
    REQUIRE(due);
    CHECK(due->key == "k1");
    CHECK(due->body == kBody);
    CHECK(due->secret == "MV785W");
    CHECK_FALSE(box.stateOf("other"));
}

TEST_CASE("adding the same key twice queues it once", "[outbox]") {
    Outbox box;
    CHECK(box.add(rating("k1")));
    OutboxItem again = rating("k1");
    again.body = R"({"overall":"dissatisfied"})";
    CHECK_FALSE(box.add(again)); // a double tap, or the same submit replayed
    CHECK(box.items().size() == 1);
    CHECK(box.find("k1")->body == kBody);
    // Even once delivered, the key is not queued again.
    box.markSending("k1");
    box.onDelivered("k1");
    CHECK_FALSE(box.add(rating("k1")));
    CHECK(box.stateOf("k1") == OutboxState::Sent);
}

TEST_CASE("invalid items are refused", "[outbox]") {
    Outbox box;
    CHECK_FALSE(box.add(rating("")));
    CHECK_FALSE(box.add(rating(std::string(129, 'k'))));
    CHECK_FALSE(box.add(rating("has space")));
    OutboxItem noCode = rating("k2");
    noCode.dossierCode = "not a code";
    CHECK_FALSE(box.add(noCode));
    OutboxItem badBody = rating("k3");
    badBody.body = "[1,2]";
    CHECK_FALSE(box.add(badBody));
    OutboxItem request = rating("k4"); // questions may have no dossier
    request.kind = OutboxKind::Request;
    request.dossierCode.clear();
    request.secret.clear();
    CHECK(box.add(request));
    OutboxItem lower = rating("k5");
    lower.dossierCode = " 000.00.12.h42-241125-0002 ";
    lower.secret = "mv7 85w";
    REQUIRE(box.add(lower));
    CHECK(box.find("k5")->dossierCode == "000.00.12.H42-241125-0002");
    CHECK(box.find("k5")->secret == "MV785W");
}

TEST_CASE("one request at a time, oldest due first", "[outbox]") {
    Outbox box;
    box.add(rating("a"));
    box.add(rating("b"));
    CHECK(box.nextDue(0)->key == "a");
    REQUIRE(box.markSending("a"));
    CHECK_FALSE(box.markSending("a")); // already in flight
    CHECK_FALSE(box.nextDue(0));       // "b" waits for "a"
    CHECK(box.pendingCount() == 2);    // Sending still counts as "will be sent"
    box.onRetryableFailure("a", 10'000);
    CHECK(box.nextDue(10'000)->key == "b"); // "a" is backing off
}

TEST_CASE("backoff doubles from 2 s and is capped at 5 minutes", "[outbox]") {
    const std::string key = "backoff-key";
    int64_t expectedBase[] = {2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000};
    for (int attempt = 1; attempt <= 8; ++attempt) {
        int64_t delay = Outbox::backoffDelayMs(key, attempt);
        int64_t base = expectedBase[attempt - 1];
        CHECK(delay >= base);
        CHECK(delay < base + base / 4);
    }
    for (int attempt = 9; attempt <= 60; ++attempt) {
        int64_t delay = Outbox::backoffDelayMs(key, attempt);
        CHECK(delay <= Outbox::kMaxDelayMs);
        CHECK(delay > Outbox::kMaxDelayMs * 3 / 4);
    }
    // Deterministic for a key, different between keys (devices do not retry in lockstep).
    CHECK(Outbox::backoffDelayMs(key, 3) == Outbox::backoffDelayMs(key, 3));
    bool differs = false;
    for (int i = 0; i < 10 && !differs; ++i)
        differs =
            Outbox::backoffDelayMs("key-" + std::to_string(i), 3) != Outbox::backoffDelayMs(key, 3);
    CHECK(differs);
}

TEST_CASE("retryable failures follow the backoff sequence", "[outbox]") {
    Outbox box;
    box.add(rating("k1"));
    int64_t now = 1'000'000;
    for (int attempt = 1; attempt <= 12; ++attempt) {
        auto due = box.nextDue(now);
        REQUIRE(due);
        REQUIRE(box.markSending("k1"));
        CHECK(box.find("k1")->attempts == attempt);
        REQUIRE(box.onRetryableFailure("k1", now));
        int64_t expected = now + Outbox::backoffDelayMs("k1", attempt);
        CHECK(box.find("k1")->nextAttemptAt == expected);
        CHECK(box.nextWakeAt() == expected);
        CHECK_FALSE(box.nextDue(expected - 1)); // not a millisecond early
        now = expected;
    }
    CHECK(box.find("k1")->nextAttemptAt - now <= Outbox::kMaxDelayMs);
}

TEST_CASE("Retry-After is honoured when longer than the backoff", "[outbox]") {
    Outbox box;
    box.add(rating("k1"));
    box.markSending("k1");
    box.onRetryableFailure("k1", 0, 42); // 429 Retry-After: 42
    CHECK(box.find("k1")->nextAttemptAt == 42'000);
    CHECK_FALSE(box.nextDue(41'999));
    CHECK(box.nextDue(42'000));
    // Shorter than the backoff: the backoff wins.
    box.markSending("k1");
    box.markSending("k1");
    box.onRetryableFailure("k1", 0, 1);
    CHECK(box.find("k1")->nextAttemptAt == Outbox::backoffDelayMs("k1", 2));
    // Absurd values are capped at an hour.
    box.markSending("k1");
    box.onRetryableFailure("k1", 0, 86400 * 30);
    CHECK(box.find("k1")->nextAttemptAt == Outbox::kMaxRetryAfterMs);
}

TEST_CASE("the network coming back makes waiting items due", "[outbox]") {
    Outbox box;
    box.add(rating("k1"));
    box.markSending("k1");
    box.onRetryableFailure("k1", 0, 600);
    CHECK_FALSE(box.nextDue(5000));
    box.onNetworkRestored(5000);
    CHECK(box.nextDue(5000)->key == "k1");
}

TEST_CASE("delivered items never come back (exactly once)", "[outbox]") {
    Outbox box;
    box.add(rating("k1"));
    box.add(rating("k2"));
    box.markSending("k1");
    REQUIRE(box.onDelivered("k1"));
    CHECK(box.stateOf("k1") == OutboxState::Sent);
    CHECK(box.find("k1")->secret.empty()); // not needed any more
    CHECK(box.pendingCount() == 1);
    // Late or duplicate callbacks cannot revive it.
    CHECK_FALSE(box.onRetryableFailure("k1", 0));
    CHECK_FALSE(box.onPermanentFailure("k1", "already_rated"));
    CHECK_FALSE(box.markSending("k1"));
    CHECK_FALSE(box.onDelivered("k1"));
    for (int64_t now : {0, 1'000'000, 10'000'000}) {
        auto due = box.nextDue(now);
        if (due) CHECK(due->key != "k1");
    }
    box.markSending("k2");
    box.onDelivered("k2");
    CHECK_FALSE(box.nextDue(INT64_MAX));
    CHECK(box.pendingCount() == 0);
    // ... and not after a restart either.
    Outbox reloaded = Outbox::fromJson(box.toJson());
    CHECK_FALSE(reloaded.nextDue(INT64_MAX));
    CHECK(reloaded.stateOf("k1") == OutboxState::Sent);
    reloaded.removeSent();
    CHECK(reloaded.items().empty());
}

TEST_CASE("permanent failures keep the body for the citizen", "[outbox]") {
    Outbox box;
    box.add(rating("k1"));
    box.markSending("k1");
    REQUIRE(box.onPermanentFailure("k1", "already_rated"));
    CHECK(box.stateOf("k1") == OutboxState::Failed);
    CHECK(box.find("k1")->errorCode == "already_rated");
    CHECK(box.find("k1")->body == kBody);
    CHECK(box.pendingCount() == 0);
    CHECK_FALSE(box.nextDue(INT64_MAX));
    CHECK_FALSE(box.markSending("k1"));
    Outbox reloaded = Outbox::fromJson(box.toJson());
    CHECK(reloaded.find("k1")->errorCode == "already_rated");
    CHECK(reloaded.remove("k1"));
    CHECK_FALSE(reloaded.remove("k1"));
}

TEST_CASE("persist and reload keeps every field", "[outbox]") {
    Outbox box;
    box.add(rating("k1", 111));
    OutboxItem request = rating("k2", 222);
    request.kind = OutboxKind::Request;
    request.body = R"({"category":"question","description":"Cần giấy tờ gì?"})";
    box.add(request);
    box.markSending("k1");
    box.onRetryableFailure("k1", 5000, 30);

    Outbox reloaded = Outbox::fromJson(box.toJson());
    REQUIRE(reloaded.items().size() == 2);
    const OutboxItem& a = reloaded.items()[0];
    CHECK(a.key == "k1");
    CHECK(a.kind == OutboxKind::Rating);
    CHECK(a.dossierCode == kCode);
    CHECK(a.secret == "MV785W");
    CHECK(a.body == kBody);
    CHECK(a.createdAt == 111);
    CHECK(a.attempts == 1);
    CHECK(a.nextAttemptAt == 35'000);
    CHECK(a.state == OutboxState::Pending);
    const OutboxItem& b = reloaded.items()[1];
    CHECK(b.kind == OutboxKind::Request);
    CHECK(b.body == request.body);
    CHECK(reloaded.toJson() == box.toJson());
}

TEST_CASE("an item in flight when the tab closed is sent again after restart", "[outbox]") {
    Outbox box;
    box.add(rating("k1"));
    box.add(rating("k2"));
    box.markSending("k1");
    std::string stored = box.toJson(); // saved while the request was in flight

    Outbox reloaded = Outbox::fromJson(stored);
    CHECK(reloaded.stateOf("k1") == OutboxState::Pending);
    CHECK(reloaded.find("k1")->attempts == 1);
    auto due = reloaded.nextDue(0);
    REQUIRE(due);
    CHECK(due->key == "k1"); // not blocked by a request that no longer exists
    CHECK(reloaded.pendingCount() == 2);
}

TEST_CASE("corrupt storage gives an empty or partial outbox", "[outbox]") {
    for (const char* text : {"", "not json", "{\"v\":1,\"items\":[", "[]", "null", "{\"items\":{}}",
                             "{\"v\":1,\"items\":\"x\"}"}) {
        CHECK(Outbox::fromJson(text).items().empty());
    }
    Outbox box;
    box.add(rating("good"));
    std::string stored = box.toJson();
    std::string mixed = R"({"v":1,"items":[
        1, "x", null,
        {"key":"nokind","code":"000.00.12.H42-241125-0001","body":"{}","state":"pending"},
        {"key":"future","kind":"payment","code":"000.00.12.H42-241125-0001","body":"{}","state":"pending"},
        {"key":"badstate","kind":"rating","code":"000.00.12.H42-241125-0001","body":"{}","state":"lost"},
        {"key":"badbody","kind":"rating","code":"000.00.12.H42-241125-0001","body":"{oops","state":"pending"},
        {"key":"badcode","kind":"rating","code":"nope","body":"{}","state":"pending"},
        {"key":"ok","kind":"rating","code":"000.00.12.H42-241125-0001","body":"{}","state":"pending",
         "attempts":-4,"next_at":"soon","secret":"not a secret"},
        {"key":"ok","kind":"rating","code":"000.00.12.H42-241125-0001","body":"{}","state":"sent"}]})";
    Outbox partial = Outbox::fromJson(mixed);
    REQUIRE(partial.items().size() == 1);
    const OutboxItem& ok = partial.items()[0];
    CHECK(ok.key == "ok");
    CHECK(ok.state == OutboxState::Pending); // the first of the duplicate keys wins
    CHECK(ok.attempts == 0);
    CHECK(ok.nextAttemptAt == 0);
    CHECK(ok.secret.empty());
    // Truncated storage (quota hit mid-write) loses the list, never crashes.
    CHECK(Outbox::fromJson(stored.substr(0, stored.size() / 2)).items().empty());
    CHECK(Outbox::fromJson(std::string(Outbox::kMaxStoredBytes + 1, ' ')).items().empty());
}

TEST_CASE("a full outbox drops delivered items, never undelivered ones", "[outbox]") {
    Outbox box;
    for (size_t i = 0; i < Outbox::kMaxItems; ++i)
        REQUIRE(box.add(rating("k" + std::to_string(i))));
    CHECK_FALSE(box.add(rating("extra")));
    box.markSending("k0");
    box.onDelivered("k0");
    CHECK(box.add(rating("extra")));
    CHECK_FALSE(box.find("k0"));
    CHECK(box.items().size() == Outbox::kMaxItems);
}

TEST_CASE("clear wipes everything (kiosk session end)", "[outbox]") {
    Outbox box;
    box.add(rating("k1"));
    box.clear();
    CHECK(box.items().empty());
    CHECK(box.pendingCount() == 0);
    CHECK(Outbox::fromJson(box.toJson()).items().empty());
}

TEST_CASE("HTTP results are classified for the controller", "[outbox]") {
    CHECK(classifyHttpResult(201) == DeliveryOutcome::Delivered);
    CHECK(classifyHttpResult(200) == DeliveryOutcome::Delivered); // same key replayed
    CHECK(classifyHttpResult(401) == DeliveryOutcome::Relookup);
    for (int status : {0, -1, 408, 429, 500, 502, 503, 504, 302})
        CHECK(classifyHttpResult(status) == DeliveryOutcome::Retryable);
    for (int status : {400, 403, 404, 409, 413, 422})
        CHECK(classifyHttpResult(status) == DeliveryOutcome::Permanent);
}

TEST_CASE("idempotency keys come from the supplied randomness", "[outbox]") {
    std::string random16 = "\x01\x23\x45\x67\x89\xab\xcd\xef\x01\x23\x45\x67\x89\xab\xcd\xef";
    CHECK(makeIdempotencyKey(random16) == "01234567-89ab-4def-8123-456789abcdef");
    std::string a = makeIdempotencyKey("seed-a");
    CHECK(a == makeIdempotencyKey("seed-a"));
    CHECK(a != makeIdempotencyKey("seed-b"));
    CHECK(a.size() == 36);
    CHECK(a[14] == '4');
    CHECK(isValidIdempotencyKey(a));
    CHECK_FALSE(isValidIdempotencyKey(""));
    CHECK_FALSE(isValidIdempotencyKey("a b"));
    CHECK_FALSE(isValidIdempotencyKey(std::string(129, 'a')));
}
