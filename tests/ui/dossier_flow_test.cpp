// The dossier flows headless with a scripted network: deep links, typed codes, every demo
// dossier's timeline, live updates, bad replies, offline and the recent list.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "dossier_fixture.h"
#include "ui/tr.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;
using namespace motcua::test::fixture;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string link() {
    return "/d/" + kCode + "#k=" + kSecret;
}

int countRole(const std::string& role) {
    int n = 0;
    for (const auto& item : a11y::items())
        n += item.role == role;
    return n;
}

} // namespace

TEST_CASE("A receipt link opens the dossier's timeline straight away", "[ui][dossier]") {
    Harness h(nullptr, link());
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    const auto& req = h.http.pending().front().request;
    CHECK(req.method == "POST");
    CHECK(req.url.rfind("/api/v1/dossiers/lookup", 0) == 0);
    CHECK(req.body.find(kSecret) != std::string::npos);
    CHECK(h.find("status", "Đang tải hồ sơ…"));
    REQUIRE(h.http.respond(200, lookupReply(dossierJson(4, 1, 3))));
    h.frames();
    CHECK(h.find("heading", "Đăng ký khai sinh"));
    CHECK(h.find("status", "Đang xử lý"));
    CHECK(countRole("listitem") == 3);
    // Live updates start: the app now waits on the changes endpoint with its token.
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url.find("/changes?since=1") != std::string::npos);
}

TEST_CASE("Every demo dossier renders its timeline at phone and kiosk size", "[ui][dossier]") {
    const auto index =
        nlohmann::json::parse(readFile(std::string(MOTCUA_DEMO_DIR) + "/index.json"));
    const auto& list = index.contains("dossiers") ? index["dossiers"] : index["items"];
    REQUIRE(list.size() >= 60);
    std::set<int> statuses;
    for (const auto& entry : list) {
        const std::string body =
            readFile(std::string(MOTCUA_DEMO_DIR) + "/" + entry["file"].get<std::string>());
        const auto doc = nlohmann::json::parse(body);
        statuses.insert(doc["status"].get<int>());
        for (const Viewport& vp : {kViewports[0], kViewports[2]}) {
            INFO(entry["code"] << " at " << vp.name);
            Harness h(nullptr, "/d/" + entry["code"].get<std::string>() +
                                   "#k=" + entry["secret"].get<std::string>());
            h.viewport = vp;
            h.frames(1);
            REQUIRE(h.http.respond(200, lookupReply(body)));
            REQUIRE_NOTHROW(h.frames());
            CHECK(h.find("heading", doc["procedure"]["name"].get<std::string>()));
            const char* words = ui::tr(statusInfo(doc["status"].get<int>()).i18nKey);
            CHECK(h.find("status", words));
            CHECK(countRole("listitem") == static_cast<int>(doc["steps"].size()));
        }
    }
    CHECK(statuses.size() == 10);
}

TEST_CASE("A wrong code and secret pair gets one calm message on the form", "[ui][dossier]") {
    Harness h;
    h.app->apply(intent::Navigate{Screen::Lookup});
    h.app->state().lookup.code = " 000.00.12.h42-241124-0001 ";
    h.app->state().lookup.secret = "abc 234";
    h.app->apply(intent::SubmitLookup{});
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    // Tolerant of spaces and lower case: the request carries the normalised pair.
    CHECK(h.http.pending().front().request.body.find(kCode) != std::string::npos);
    CHECK(h.http.pending().front().request.body.find(kSecret) != std::string::npos);
    h.http.respond(404, R"({"errors":[{"code":"not_found","description":"x"}]})");
    h.frames();
    CHECK(h.app->state().screen == Screen::Lookup);
    CHECK(h.find(
        "status",
        "Không tìm thấy hồ sơ với mã hồ sơ và mã bí mật này. Vui lòng kiểm tra lại giấy hẹn."));
}

TEST_CASE("A malformed code is caught before any request", "[ui][dossier]") {
    Harness h;
    h.app->apply(intent::Navigate{Screen::Lookup});
    h.app->state().lookup.code = "hello";
    h.app->state().lookup.secret = "ABC234";
    h.app->apply(intent::SubmitLookup{});
    h.frames();
    CHECK(h.http.pending().empty());
    CHECK(h.find("status", "Vui lòng kiểm tra lại mã hồ sơ."));
}

TEST_CASE("A live update changes the status and says what changed", "[ui][dossier]") {
    Harness h(nullptr, link());
    h.frames(1);
    h.http.respond(200, lookupReply(dossierJson(4, 1)));
    h.frames();
    REQUIRE(
        h.http.respond(200, R"({"changed":true,"version":2,"dossier":)" + dossierJson(9, 2) + "}"));
    h.frames();
    CHECK(h.find("status", "Đã có kết quả"));
    CHECK(h.find("status", "Vừa cập nhật: Đã có kết quả"));
    CHECK(h.http.pending().front().request.url.find("since=2") != std::string::npos);
}

TEST_CASE("A bad reply never replaces the last good state", "[ui][dossier]") {
    Harness h(nullptr, link());
    h.frames(1);
    h.http.respond(200, lookupReply(dossierJson(4, 1)));
    h.frames();
    SECTION("truncated JSON") {
        h.http.respond(200, R"({"changed":true,"version":2,"dossier":{"code")");
    }
    SECTION("wrong types") {
        h.http.respond(200, R"({"changed":true,"version":"two","dossier":[]})");
    }
    SECTION("a server error") {
        h.http.respond(500, "<html>oops</html>");
    }
    h.frames();
    CHECK(h.find("heading", "Đăng ký khai sinh"));
    CHECK(h.find("status", "Đang xử lý"));
    CHECK(countRole("listitem") == 2);
    // The device copy still holds the good dossier.
    const auto kept = RecentDossiers::fromJson(h.storage.values().at("motcua.recent"));
    REQUIRE(kept.find(kCode) != nullptr);
    const auto cached = parseDossierFromCache(kept.find(kCode)->cachedJson);
    REQUIRE(cached.ok());
    CHECK(cached.value->version == 1);
    CHECK(cached.value->status == 4);
}

TEST_CASE("Offline, the saved copy is shown and it recovers by itself", "[ui][dossier]") {
    MemoryStorage kept;
    {
        Harness h(nullptr, link());
        h.frames(1);
        h.http.respond(200, lookupReply(dossierJson(4, 1)));
        h.frames();
        kept = h.storage;
    }
    Harness h(&kept, link());
    h.frames();
    // Before any reply the saved copy is already on screen.
    CHECK(h.find("heading", "Đăng ký khai sinh"));
    h.http.respond(0, "");
    h.frames();
    CHECK(h.find("status", "Đang ngoại tuyến: hiển thị thông tin đã lưu."));
    CHECK(h.find("heading", "Đăng ký khai sinh"));
    // The network returns: the app tries again without being asked.
    h.app->networkOnline();
    h.frames();
    REQUIRE(h.http.respond(200, lookupReply(dossierJson(5, 2))));
    h.frames();
    CHECK(h.find("status", "Yêu cầu bổ sung giấy tờ"));
    CHECK_FALSE(h.find("status", "Đang ngoại tuyến: hiển thị thông tin đã lưu."));
}

TEST_CASE("An expired token is renewed with the saved secret", "[ui][dossier]") {
    Harness h(nullptr, link());
    h.frames(1);
    h.http.respond(200, lookupReply(dossierJson(4, 1)));
    h.frames();
    h.http.respond(401, R"({"errors":[{"code":"unauthorized","description":"x"}]})");
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url.rfind("/api/v1/dossiers/lookup", 0) == 0);
}

TEST_CASE("Recent dossiers are listed on the home screen and can be removed", "[ui][dossier]") {
    Harness h(nullptr, link());
    h.frames(1);
    h.http.respond(200, lookupReply(dossierJson(4, 1)));
    h.frames();
    REQUIRE(h.activate("button", "‹ Quay lại"));
    CHECK(h.find("button", kCode + " — Đang xử lý"));
    REQUIRE(h.activate("button", "Xoá " + kCode));
    CHECK_FALSE(h.find("button", kCode + " — Đang xử lý"));
    CHECK(h.storage.values().at("motcua.recent").find(kCode) == std::string::npos);
}

namespace {
std::string ratedDossier(int status, bool eligible) {
    auto d = nlohmann::json::parse(dossierJson(status, 3));
    d["rating_eligible"] = eligible;
    return d.dump();
}

void fillRating(Harness& h) {
    REQUIRE(h.activate("button", "Đánh giá"));
    REQUIRE(h.activate("radio", "Mức độ hài lòng chung: Rất hài lòng"));
    REQUIRE(h.activate("radio", "Thái độ của cán bộ: Hài lòng"));
    REQUIRE(h.activate("radio", "1 lần"));
    REQUIRE(h.activate("button", "Gửi đánh giá"));
}
} // namespace

TEST_CASE("A finished dossier is rated through the outbox, exactly once", "[ui][rating]") {
    Harness h(nullptr, link());
    h.frames(1);
    h.http.respond(200, lookupReply(ratedDossier(9, true)));
    h.frames();
    h.http.pending().clear(); // drop the live-update poll: this test answers the outbox
    fillRating(h);
    CHECK(h.app->state().screen == Screen::Dossier);
    // The outbox first gets a fresh token, then posts the rating with its idempotency key.
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url == "/api/v1/dossiers/lookup");
    h.http.respond(200, lookupReply(ratedDossier(9, true)));
    REQUIRE(h.http.pending().size() == 1);
    const auto post = h.http.pending().front().request;
    CHECK(post.url == "/api/v1/dossiers/" + kCode + "/rating");
    const auto body = nlohmann::json::parse(post.body);
    CHECK(body["overall"] == "very_satisfied");
    CHECK(body["criteria"]["attitude"] == "satisfied");
    CHECK(body["visits"] == "1");
    CHECK(body["idempotency_key"].get<std::string>().size() >= 16);
    h.http.respond(201, R"({"rating":{}})");
    h.frames();
    CHECK(h.app->state().outbox.stateOf(body["idempotency_key"].get<std::string>()) ==
          OutboxState::Sent);
}

TEST_CASE("A rating made offline is kept, survives a restart and is sent later", "[ui][rating]") {
    MemoryStorage kept;
    std::string key;
    {
        Harness h(nullptr, link());
        h.frames(1);
        h.http.respond(200, lookupReply(ratedDossier(10, true)));
        h.frames();
        h.http.pending().clear();
        fillRating(h);
        h.http.respond(0, ""); // offline
        h.frames();
        CHECK(h.find("status", "Đã lưu đánh giá, sẽ gửi khi có mạng."));
        key = h.app->state().outbox.items().front().key;
        kept = h.storage;
    }
    Harness h(&kept, "/");
    h.frames();
    h.app->networkOnline();
    h.frames();
    REQUIRE(!h.http.pending().empty());
    h.http.respond(200, lookupReply(ratedDossier(10, true)));
    REQUIRE(!h.http.pending().empty());
    CHECK(nlohmann::json::parse(h.http.pending().front().request.body)["idempotency_key"] == key);
    h.http.respond(200, R"({"rating":{}})"); // the server already had it: still delivered once
    h.frames();
    CHECK(h.app->state().outbox.stateOf(key) == OutboxState::Sent);
}

TEST_CASE("A dossier still processing offers no rating", "[ui][rating]") {
    Harness h(nullptr, link());
    h.frames(1);
    h.http.respond(200, lookupReply(ratedDossier(4, false)));
    h.frames();
    CHECK_FALSE(h.find("button", "Đánh giá"));
}

TEST_CASE("Missing answers are pointed out and nothing typed is lost", "[ui][rating]") {
    Harness h(nullptr, link());
    h.frames(1);
    h.http.respond(200, lookupReply(ratedDossier(9, true)));
    h.frames();
    REQUIRE(h.activate("button", "Đánh giá"));
    h.app->state().rating.form.comment = "Cán bộ nhiệt tình";
    REQUIRE(h.activate("button", "Gửi đánh giá"));
    CHECK(h.find("status", "Vui lòng chọn mức hài lòng chung."));
    CHECK(h.app->state().screen == Screen::Rate);
    CHECK(h.app->state().rating.form.comment == "Cán bộ nhiệt tình");
    CHECK(h.app->state().outbox.items().empty());
}

TEST_CASE("Public figures show each agency's rates as bars and words", "[ui][stats]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Số liệu công khai"));
    REQUIRE(h.http.pending().size() == 1);
    h.http.respond(
        200,
        R"({"items":[{"agency":{"code":"a","name":"UBND phường Trần Phú"},"received":10,"finished":4,"on_time_rate":75.0,"ratings":2,"satisfaction_rate":100.0}]})");
    h.frames();
    CHECK(h.find("heading", "UBND phường Trần Phú"));
    CHECK(h.find("text", "Hài lòng: 100%"));
    CHECK(h.find("text", "Đúng hạn: 75%"));
}
