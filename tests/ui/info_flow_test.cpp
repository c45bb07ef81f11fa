// Procedures, the ask box, questions and complaints, local information and alerts, headless.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../core/fixture.h"
#include "ui/text_agent.h"
#include "ui_harness.h"

using namespace motcua;
using motcua::test::fixture;
using namespace motcua::test;

namespace {
// Opens the procedures screen and answers the catalogue and FAQ requests.
void openCatalogue(Harness& h) {
    REQUIRE(h.activate("button", "Thủ tục, hỏi đáp"));
    REQUIRE(h.http.pending().size() == 2);
    h.http.respond(200, fixture("procedures.json"));
    h.http.respond(200, fixture("faqs.json"));
    h.frames();
}
} // namespace

TEST_CASE("Search without diacritics finds the procedure and opens its page", "[ui][info]") {
    Harness h;
    h.frames();
    openCatalogue(h);
    REQUIRE(h.type("Tìm thủ tục", "dang ky khai sinh"));
    const auto& items = a11y::items();
    const auto first = std::find_if(items.begin(), items.end(), [](const a11y::Item& i) {
        return i.role == "button" && i.name.rfind("Đăng ký", 0) == 0;
    });
    REQUIRE(first != items.end());
    CHECK(first->name == "Đăng ký khai sinh");
    REQUIRE(h.activate("button", "Đăng ký khai sinh"));
    CHECK(h.find("heading", "Đăng ký khai sinh"));
    CHECK(h.find("heading", "Giấy tờ cần nộp"));
}

TEST_CASE("The ask box answers from the catalogue, or offers to send the question", "[ui][info]") {
    Harness h;
    h.frames();
    openCatalogue(h);
    REQUIRE(h.type("Hỏi nhanh", "tôi muốn đăng ký khai sinh cho con cần giấy tờ gì"));
    REQUIRE(h.activate("button", "Hỏi"));
    CHECK(h.find("heading", "Giấy tờ cần nộp"));
    REQUIRE(h.type("Hỏi nhanh", "thời tiết hôm nay thế nào"));
    REQUIRE(h.activate("button", "Hỏi"));
    CHECK(h.find("status",
                 "Chưa tìm được câu trả lời phù hợp. Bạn có thể gửi câu hỏi tới Trung tâm."));
    REQUIRE(h.activate("button", "Gửi câu hỏi tới Trung tâm"));
    CHECK(h.find("textbox", "Nội dung")->value == "thời tiết hôm nay thế nào");
}

TEST_CASE("A question goes through the outbox, survives being offline and is followed",
          "[ui][info]") {
    Harness h;
    h.frames();
    h.app->apply(intent::OpenRequestForm{"Làm căn cước ở đâu?"});
    h.frames();
    REQUIRE(h.activate("button", "Gửi"));
    REQUIRE(h.http.pending().size() == 1);
    const auto first = nlohmann::json::parse(h.http.pending().front().request.body);
    CHECK(first["description"] == "Làm căn cước ở đâu?");
    const std::string key = first["idempotency_key"];
    h.http.respond(0, ""); // offline: it waits in the outbox, the draft stays
    h.frames();
    CHECK(h.find("status", "Đã lưu, sẽ gửi khi có mạng. Bản nháp được giữ cho tới khi gửi xong."));
    CHECK(h.storage.values().at("motcua.request_draft").find("căn cước") != std::string::npos);
    CHECK(h.storage.values().at("motcua.outbox").find(key) != std::string::npos);
    // Back online: the same item, with the same key, goes again by itself.
    h.app->networkOnline();
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    CHECK(nlohmann::json::parse(h.http.pending().front().request.body)["idempotency_key"] == key);
    h.http.respond(
        201,
        R"({"id":7,"secret":"SECRET7","status":"open","created_at":"2026-11-25T08:00:00+07:00"})");
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url.rfind("/api/v1/requests/7", 0) == 0);
    h.http.respond(
        200,
        R"({"id":7,"status":"answered","status_name":"Đã trả lời","description":"Làm căn cước ở đâu?","notes":[{"unit":"Công an phường","note":"Tại trụ sở công an phường.","created_at":"2026-11-25T09:00:00+07:00"}]})");
    h.frames();
    CHECK(h.find("status", "Đã trả lời"));
    CHECK(h.find("text", "Công an phường: Tại trụ sở công an phường."));
    CHECK(h.storage.values().at("motcua.requests").find("SECRET7") != std::string::npos);
    CHECK(h.app->state().request.draft.description.empty());
    CHECK(h.app->state().outbox.stateOf(key) == OutboxState::Sent);
}

TEST_CASE("Places show phones that call and addresses that open the map", "[ui][info]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Thông tin địa phương"));
    h.http.respond(
        200,
        R"({"items":[{"id":5,"kind":"specialty","name":"Tỏi Lý Sơn","description":"Tỏi cô đơn.","address":"1 Hùng Vương","phone":"0905 123 456","shop":"Chợ"}],"total":1})");
    h.frames();
    CHECK(h.find("heading", "Tỏi Lý Sơn"));
    REQUIRE(h.activate("link", "Gọi 0905 123 456"));
    CHECK(host::nativeRecord().openedUrl == "tel:0905123456");
    REQUIRE(h.activate("link", "Bản đồ: 1 Hùng Vương"));
    CHECK(host::nativeRecord().openedUrl.find("query=1%20H") != std::string::npos);
}

TEST_CASE("An active alert shows as a banner on every screen", "[ui][info]") {
    Harness h;
    h.frames();
    // The app asks for alerts shortly after start (the first screen goes first).
    CHECK(h.http.pending().empty());
    host::nativeRecord().clockOffsetMs += 2500;
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url.rfind("/api/v1/alerts", 0) == 0);
    h.http.respond(
        200,
        R"({"items":[{"id":1,"severity":"warning","title":"Cảnh báo mưa lớn","body":"Hạn chế đi lại.","area":"TP. Quảng Ngãi","starts_at":"2026-11-24T06:00:00+07:00","ends_at":"2026-11-28T18:00:00+07:00"}]})");
    h.frames();
    const std::string banner = "Cảnh báo: Cảnh báo mưa lớn — TP. Quảng Ngãi";
    CHECK(h.find("button", banner));
    REQUIRE(h.activate("button", banner));
    CHECK(h.find("text", "Hạn chế đi lại."));
    REQUIRE(h.activate("button", "‹ Quay lại"));
    REQUIRE(h.activate("button", "Nhập mã hồ sơ"));
    CHECK(h.find("button", banner));
}

TEST_CASE("A complaint sent anonymously carries no contact, and the choice is kept in the draft",
          "[ui][info]") {
    Harness h;
    h.frames();
    h.app->apply(intent::OpenRequestForm{"Cán bộ hẹn sai ngày trả kết quả"});
    h.frames();
    REQUIRE(h.find("textbox", "Số điện thoại hoặc email (không bắt buộc)"));
    REQUIRE(h.activate("radio", "Phản ánh"));
    CHECK(h.find("radio", "Phản ánh")->checked == 1);
    CHECK(h.find("radio", "Hỏi đáp")->checked == 0);
    REQUIRE(h.activate("radio", "Gửi ẩn danh"));
    CHECK(h.find("radio", "Gửi ẩn danh")->checked == 1);
    CHECK_FALSE(h.find("textbox", "Số điện thoại hoặc email (không bắt buộc)"));
    CHECK(h.storage.values().at("motcua.request_draft").find("complaint") != std::string::npos);
    REQUIRE(h.activate("button", "Gửi"));
    REQUIRE(h.http.pending().size() == 1);
    const auto body = nlohmann::json::parse(h.http.pending().front().request.body);
    CHECK(body["category"] == "complaint");
    CHECK(body["anonymous"] == true);
    CHECK_FALSE(body.contains("contact"));
}

TEST_CASE("A catalogue larger than one page is fetched page by page before searching",
          "[ui][info]") {
    Harness h;
    h.frames();
    const auto all = nlohmann::json::parse(fixture("procedures.json"));
    const auto& items = all["items"];
    REQUIRE(items.size() >= 2);
    const size_t half = items.size() / 2;
    auto page = [&](size_t from, size_t to) {
        nlohmann::json p = {{"items", nlohmann::json::array()}, {"total", items.size()}};
        for (size_t i = from; i < to; ++i)
            p["items"].push_back(items[i]);
        return p.dump();
    };
    REQUIRE(h.activate("button", "Thủ tục, hỏi đáp"));
    REQUIRE(h.http.pending().size() == 2);
    CHECK(h.http.pending().front().request.url.find("page=1&") != std::string::npos);
    h.http.respond(200, page(0, half));
    h.frames();
    REQUIRE(h.http.pending().size() == 2); // the FAQs, and the second page
    CHECK(h.http.pending().back().request.url.find("page=2&") != std::string::npos);
    // Answer the second page (the FAQs stay pending: they only add to the ask box).
    auto second = std::move(h.http.pending().back());
    h.http.pending().pop_back();
    HttpResponse reply;
    reply.status = 200;
    reply.body = page(half, items.size());
    second.done(reply);
    h.frames();
    CHECK(h.app->state().catalog.procedures.size() == items.size());
    CHECK(h.app->state().catalog.load == Io::Done);
    REQUIRE(h.type("Tìm thủ tục", items.back()["name"].get<std::string>()));
    CHECK(h.find("button", items.back()["name"].get<std::string>()));
}

TEST_CASE("Alerts come again in the language chosen, once it can be drawn", "[ui][info]") {
    Harness h;
    h.frames();
    host::nativeRecord().clockOffsetMs += 2500;
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url == "/api/v1/alerts?lang=vi");
    h.http.respond(200, R"({"items":[]})");
    h.frames();
    // English: asked again at once.
    h.app->apply(intent::SetLanguage{Language::En});
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url == "/api/v1/alerts?lang=en");
    h.http.respond(200, R"({"items":[]})");
    h.frames();
    // Japanese: the font first (English meanwhile, nothing asked), then the alerts in Japanese.
    h.app->apply(intent::SetLanguage{Language::Ja});
    h.frames();
    REQUIRE(h.http.pending().size() == 1);
    CHECK(h.http.pending().front().request.url == host::nativeRecord().cjkFontUrl);
    std::ifstream in(MOTCUA_CJK_FONT, std::ios::binary);
    h.http.respond(200, std::string(std::istreambuf_iterator<char>(in), {}));
    h.frames();
    bool askedInJapanese = false;
    for (const auto& p : h.http.pending())
        askedInJapanese |= p.request.url == "/api/v1/alerts?lang=ja";
    CHECK(askedInJapanese);
}
