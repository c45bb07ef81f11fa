// The OutboxSender controller on its own, over the fake HTTP client: a rating saved on the device
// first, delivered with a fresh token, retried after a refusal that may pass, given up on one that
// cannot; a question sent and followed.
#include <catch2/catch.hpp>

#include "app/outbox_sender.h"
#include "dossier_fixture.h"
#include "platform/host.h"
#include "platform/native/fake_http_client.h"
#include "platform/native/host_native.h"
#include "platform/native/memory_storage.h"

using namespace motcua;
using namespace motcua::test::fixture;

namespace {

struct Fixture {
    FakeHttpClient http;
    MemoryStorage storage;
    AppState state;
    OutboxSender outbox{http, storage, state};
    std::vector<std::string> delivered;

    Fixture() {
        host::nativeRecord() = host::NativeHostRecord{};
        host::nativeRecord().fixedWallClock = 1'800'000'000;
        outbox.onDelivered = [this](const std::string& code) { delivered.push_back(code); };
        state.view.code = kCode;
        state.view.secret = kSecret;
        state.rating.dossierCode = kCode;
    }
    void rate() {
        outbox.setRatingLevel(RatingField::Overall, RatingLevel::VerySatisfied);
        outbox.setRatingLevel(RatingField::Ease, RatingLevel::Dissatisfied);
        outbox.setRatingVisits(Visits::One);
        outbox.submitRating();
    }
    std::optional<OutboxState> stateOfRating() {
        return state.outbox.stateOf(state.rating.outboxKey);
    }
};

} // namespace

TEST_CASE("OutboxSender: a rating is kept on the device, then delivered with a fresh token",
          "[outbox]") {
    Fixture f;
    f.rate();
    CHECK(f.state.screen == Screen::Dossier);
    REQUIRE_FALSE(f.state.rating.outboxKey.empty());
    CHECK(f.storage.values().at("motcua.outbox").find(f.state.rating.outboxKey) !=
          std::string::npos);
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().url == "/api/v1/dossiers/lookup");
    REQUIRE(f.http.respond(200, lookupReply(dossierJson(10, 3))));
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().url == "/api/v1/dossiers/" + kCode + "/rating");
    CHECK(f.http.last().headers.back().second == "Bearer tok");
    CHECK(f.http.last().body.find("very_satisfied") != std::string::npos);
    REQUIRE(f.http.respond(201, "{}"));
    CHECK(f.stateOfRating() == OutboxState::Sent);
    CHECK(f.delivered == std::vector<std::string>{kCode});
}

TEST_CASE("OutboxSender: an incomplete rating form says what is missing", "[outbox]") {
    Fixture f;
    f.outbox.submitRating();
    CHECK_FALSE(f.state.rating.problems.empty());
    CHECK(f.state.rating.outboxKey.empty());
    CHECK(f.http.live() == 0);
    // Answering the question takes its problem away at once.
    f.outbox.setRatingLevel(RatingField::Overall, RatingLevel::Satisfied);
    f.outbox.setRatingVisits(Visits::Zero);
    CHECK(f.state.rating.problems.empty());
}

TEST_CASE("OutboxSender: a busy server is asked again later with the same key", "[outbox]") {
    Fixture f;
    f.rate();
    REQUIRE(f.http.respond(200, lookupReply(dossierJson(10, 3))));
    const std::string body = f.http.last().body;
    REQUIRE(f.http.respond(429, ""));
    CHECK(f.stateOfRating() == OutboxState::Pending);
    CHECK(f.delivered.empty());
    f.outbox.tick();
    CHECK(f.http.live() == 0); // not before the backoff
    host::nativeRecord().fixedWallClock += 3600;
    f.outbox.tick();
    REQUIRE(f.http.respond(200, lookupReply(dossierJson(10, 3))));
    CHECK(f.http.last().body == body); // the same idempotency key: delivered once at most
    REQUIRE(f.http.respond(201, "{}"));
    CHECK(f.stateOfRating() == OutboxState::Sent);
}

TEST_CASE("OutboxSender: a rating the server refuses for good is not sent again", "[outbox]") {
    Fixture f;
    f.rate();
    REQUIRE(f.http.respond(200, lookupReply(dossierJson(10, 3))));
    REQUIRE(f.http.respond(409, R"({"errors":[{"code":"already_rated"}]})"));
    CHECK(f.stateOfRating() == OutboxState::Failed);
    CHECK(f.state.outbox.find(f.state.rating.outboxKey)->errorCode == "already_rated");
    host::nativeRecord().fixedWallClock += 3600;
    f.outbox.tick();
    CHECK(f.http.live() == 0);
}

TEST_CASE("OutboxSender: a question is sent, the draft let go, and its answer followed",
          "[outbox]") {
    Fixture f;
    f.outbox.sendRequest();
    CHECK_FALSE(f.state.request.problem.empty()); // nothing written yet
    CHECK(f.http.live() == 0);
    f.outbox.openRequestForm("Làm căn cước ở đâu?");
    CHECK(f.state.screen == Screen::RequestForm);
    f.outbox.setRequestCategory("complaint");
    f.outbox.setRequestCategory("spam"); // not a category: ignored
    CHECK(f.state.request.draft.category == "complaint");
    f.outbox.sendRequest();
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().url == "/api/v1/requests");
    REQUIRE(f.http.respond(
        201,
        R"({"id":7,"secret":"SECRET7","status":"open","created_at":"2026-11-25T08:00:00+07:00"})"));
    CHECK(f.state.request.draft.description.empty());
    REQUIRE(f.state.request.sent.size() == 1);
    CHECK(f.state.request.sent[0].category == "complaint");
    CHECK(f.state.screen == Screen::Requests);
    REQUIRE(f.http.live() == 1);
    CHECK(f.http.last().url.rfind("/api/v1/requests/7?", 0) == 0);
    CHECK(f.http.last().headers.back().second == "Bearer SECRET7");
    REQUIRE(f.http.respond(503, ""));
    CHECK(f.state.request.follow == Io::Failed);
    f.outbox.followRequest(7); // the citizen asks again
    REQUIRE(f.http.respond(
        200,
        R"({"id":7,"status":"answered","status_name":"Đã trả lời","description":"x","notes":[]})"));
    CHECK(f.state.request.follow == Io::Done);
    REQUIRE(f.state.request.status);
}
