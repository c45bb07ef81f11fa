// Other look-ups over the fake HTTP client: the list in the language on show, a form checked before
// it is sent, the answer, and each failure said apart (offline, too many tries, gone, refused) with
// what was typed and the last answer kept. Then the same through the screens, headless.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../core/fixture.h"
#include "app/lookups.h"
#include "platform/native/fake_http_client.h"
#include "ui/text_agent.h"
#include "ui_harness.h"

using namespace motcua;
using motcua::test::fixture;

namespace {

const char* kNoMatch =
    R"({"id":"exam-results","fields":[{"name":"full_name","type":"text","label":"Họ và tên"}],"items":[],"total":0,"truncated":false})";

struct Fixture {
    FakeHttpClient http;
    AppState state;
    Language shown = Language::Vi;
    Lookups lookups{http, state, [this] { return shown; }};

    // The list answered and the exam results open.
    void openExams() {
        lookups.ensureList();
        REQUIRE(http.respond(200, fixture("datasets.json")));
        lookups.openDataset("exam-results");
    }
    DatasetForm& form() { return state.datasets.forms["exam-results"]; }
    void fill(const std::string& number, const std::string& birth) {
        form().values["candidate_number"] = number;
        form().values["date_of_birth"] = birth;
    }
};

} // namespace

TEST_CASE("Lookups: the list is fetched once, in the language on show", "[lookups]") {
    Fixture f;
    f.shown = Language::En;
    f.lookups.ensureList();
    CHECK(f.state.datasets.load == Io::Loading);
    CHECK(f.http.last().url == "/api/v1/datasets?lang=en");
    f.lookups.ensureList(); // on its way: not asked twice
    CHECK(f.http.live() == 1);
    REQUIRE(f.http.respond(200, fixture("datasets.json")));
    CHECK(f.state.datasets.load == Io::Done);
    CHECK(f.state.datasets.items.size() == 4);
    f.lookups.ensureList();
    CHECK(f.http.live() == 0);
    // Another language on show: asked again, the list on screen meanwhile stays.
    f.shown = Language::Ko;
    f.lookups.tick();
    CHECK(f.http.last().url == "/api/v1/datasets?lang=ko");
    CHECK(f.state.datasets.items.size() == 4);
    REQUIRE(f.http.respond(503, ""));
    CHECK(f.state.datasets.items.size() == 4);
    CHECK(f.state.datasets.message.empty());
}

TEST_CASE("Lookups: a list that fails is said, and asked again when the network is back",
          "[lookups]") {
    Fixture f;
    f.state.screen = Screen::Datasets;
    f.lookups.ensureList();
    REQUIRE(f.http.respond(0, ""));
    CHECK(f.state.datasets.load == Io::Failed);
    CHECK(f.state.datasets.message == "error.offline");
    f.lookups.networkOnline();
    REQUIRE(f.http.respond(200, fixture("datasets.json")));
    CHECK(f.state.datasets.load == Io::Done);
    CHECK(f.state.datasets.message.empty());
}

TEST_CASE("Lookups: a keyed form with a field missing or a bad date sends nothing", "[lookups]") {
    Fixture f;
    f.openExams();
    CHECK(f.state.screen == Screen::Dataset);
    f.fill("51000123", "");
    f.lookups.submit();
    CHECK(f.http.live() == 0);
    CHECK(f.form().problems.at("date_of_birth") == "datasets.error.required");
    f.fill("51000123", "30/02/2007");
    f.lookups.submit();
    CHECK(f.http.live() == 0);
    CHECK(f.form().problems.at("date_of_birth") == "datasets.error.date");
    CHECK(f.form().values.at("date_of_birth") == "30/02/2007"); // left as typed, to correct
}

TEST_CASE("Lookups: the query is sent normalised and its answer shown", "[lookups]") {
    Fixture f;
    f.openExams();
    f.fill(" 51000123 ", "15032007");
    f.lookups.submit();
    REQUIRE(f.http.live() == 1);
    const HttpRequest& sent = f.http.last();
    CHECK(sent.method == "POST");
    CHECK(sent.url == "/api/v1/datasets/exam-results/query?lang=vi");
    CHECK(nlohmann::json::parse(sent.body) ==
          nlohmann::json{{"candidate_number", "51000123"}, {"date_of_birth", "2007-03-15"}});
    CHECK(f.form().state == Io::Loading);
    CHECK(f.form().values.at("date_of_birth") == "15/03/2007"); // read back the usual way
    f.lookups.submit(); // a second tap while it is on its way sends nothing more
    CHECK(f.http.live() == 1);
    REQUIRE(f.http.respond(200, fixture("dataset_exam_answer.json")));
    CHECK(f.form().state == Io::Done);
    REQUIRE(f.form().answer);
    REQUIRE(f.form().answer->rows.size() == 1);
    CHECK(f.form().answer->rows[0][0].text == "Nguyễn Thị Lan");
    // No match: an answer with no rows, not an error.
    f.lookups.submit();
    REQUIRE(f.http.respond(200, kNoMatch));
    CHECK(f.form().state == Io::Done);
    CHECK(f.form().message.empty());
    CHECK(f.form().answer->rows.empty());
}

TEST_CASE("Lookups: offline, too many tries, gone and refused are told apart; the form and the "
          "last answer stay",
          "[lookups]") {
    Fixture f;
    f.openExams();
    f.fill("51000123", "15/03/2007");
    f.lookups.submit();
    REQUIRE(f.http.respond(200, fixture("dataset_exam_answer.json")));
    const struct {
        int status;
        const char* body;
        const char* key;
    } cases[] = {
        {0, "", "datasets.error.offline"},
        {429, R"({"errors":[{"code":"too_many_attempts"}]})", "datasets.error.rate_limited"},
        {404, R"({"errors":[{"code":"not_found"}]})", "datasets.error.gone"},
        {422, R"({"errors":[{"code":"invalid_field"}]})", "datasets.error.rejected"},
        {503, "", "error.server"},
        {200, "{\"items\":", "error.malformed"},
    };
    for (const auto& c : cases) {
        INFO(c.status);
        f.lookups.submit();
        REQUIRE(f.http.respond(c.status, c.body));
        CHECK(f.form().state == Io::Failed);
        CHECK(f.form().message == c.key);
        CHECK(f.form().offline == (c.status == 0));
        CHECK(f.form().values.at("candidate_number") == "51000123");
        REQUIRE(f.form().answer);
        CHECK(f.form().answer->rows.size() == 1);
    }
}

TEST_CASE("Lookups on screen: from the home screen to an exam result", "[ui][lookups]") {
    test::Harness h;
    h.frames();
    REQUIRE(h.activate("button", "Tra cứu khác"));
    CHECK(h.app->state().screen == Screen::Datasets);
    CHECK(h.find("heading", "Tra cứu khác"));
    REQUIRE(h.http.respond(200, fixture("datasets.json")));
    h.frames();
    REQUIRE(h.activate("button", "Kết quả thi tốt nghiệp THPT"));
    CHECK(h.find("heading", "Kết quả thi tốt nghiệp THPT"));
    REQUIRE(h.type("Số báo danh", "51000123"));
    REQUIRE(h.activate("button", "Tra cứu"));
    CHECK(h.http.live() == 0);
    CHECK(h.find("status", "Vui lòng nhập ô này."));
    REQUIRE(h.type("Ngày sinh", "15/03/2007"));
    REQUIRE(h.activate("button", "Tra cứu"));
    REQUIRE(h.http.respond(200, fixture("dataset_exam_answer.json")));
    h.frames();
    CHECK(h.find("status", "Tìm thấy 1 kết quả"));
    CHECK(h.find("text", "Họ và tên: Nguyễn Thị Lan"));
    CHECK(h.find("text", "Ngữ văn: 7,75"));
    // In English the labels and numbers follow.
    h.app->apply(intent::SetLanguage{Language::En});
    h.frames();
    CHECK(h.find("text", "Literature: 7.75"));
    CHECK(h.find("heading", "High school graduation exam results"));
}

TEST_CASE("Lookups: an answer arriving after a kiosk session was wiped is dropped", "[lookups]") {
    Fixture f;
    f.openExams();
    f.fill("51000123", "15/03/2007");
    f.lookups.submit();
    f.lookups.reset();
    f.state = AppState{};
    REQUIRE(f.http.respond(200, fixture("dataset_exam_answer.json")));
    CHECK(f.state.datasets.forms.empty());
}

TEST_CASE("Lookups on screen: each field gets the keyboard it needs; a kiosk its own",
          "[ui][lookups]") {
    {
        test::Harness h;
        h.frames();
        h.app->apply(intent::Navigate{Screen::Datasets});
        REQUIRE(h.http.respond(200, fixture("datasets.json")));
        h.app->apply(intent::OpenDataset{"exam-results"});
        h.frames();
        REQUIRE(h.activate("textbox", "Ngày sinh"));
        CHECK(host::nativeRecord().textAgentMode == "numeric");
        REQUIRE(h.activate("textbox", "Số báo danh"));
        CHECK(host::nativeRecord().textAgentMode == "upper");
    }
    test::Harness h(nullptr, "/?mode=kiosk");
    h.viewport = test::kViewports[2];
    h.frames();
    REQUIRE(h.activate("button", "Tra cứu khác"));
    REQUIRE(h.http.respond(200, fixture("datasets.json")));
    h.frames();
    REQUIRE(h.activate("button", "Phạt nguội giao thông"));
    REQUIRE(h.activate("textbox", "Biển số xe"));
    CHECK(h.find("button", "Q")); // the on-screen keyboard, the device's stays closed
    CHECK(host::nativeRecord().textAgentMode == "none");
    for (const char* key : {"7", "6", "A"})
        REQUIRE(h.activate("button", key));
    CHECK(h.find("textbox", "Biển số xe")->value == "76A");
}
