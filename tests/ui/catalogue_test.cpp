// The Catalogue controller on its own, over the fake HTTP client: the whole catalogue fetched
// page by page and searched on the device, a failure said and mended by opening again, figures.
#include <catch2/catch.hpp>

#include "app/catalogue.h"
#include "platform/native/fake_http_client.h"

using namespace motcua;

namespace {

std::string procedure(int id, const std::string& name, const std::string& field) {
    return R"({"id":)" + std::to_string(id) + R"(,"code":"1.00)" + std::to_string(id) +
           R"(","name":")" + name + R"(","field":")" + field +
           R"(","agency":{"code":"A1","name":"UBND"},"level":"full"})";
}

struct Fixture {
    FakeHttpClient http;
    AppState state;
    Catalogue catalogue{http, state};

    // Answers the oldest request whose URL starts with `prefix`.
    bool answer(const std::string& prefix, int status, const std::string& body) {
        auto& q = http.pending();
        for (auto it = q.begin(); it != q.end(); ++it) {
            if (it->cancelled || it->request.url.rfind(prefix, 0) != 0) continue;
            auto done = it->done;
            q.erase(it);
            HttpResponse r;
            r.status = status;
            r.body = body;
            done(r);
            return true;
        }
        return false;
    }
};

} // namespace

TEST_CASE("Catalogue: the whole catalogue arrives page by page and is searched on the device",
          "[catalogue]") {
    Fixture f;
    f.catalogue.open();
    CHECK(f.state.screen == Screen::Procedures);
    CHECK(f.state.catalog.load == Io::Loading);
    REQUIRE(f.answer("/api/v1/faqs", 200, R"({"items":[]})"));
    REQUIRE(f.answer("/api/v1/procedures?page_size=500&page=1", 200,
                     R"({"items":[)" + procedure(1, "Đăng ký khai sinh", "Hộ tịch") +
                         R"(],"total":2})"));
    CHECK(f.state.catalog.load == Io::Loading); // one more page to come
    REQUIRE(
        f.answer("/api/v1/procedures?page_size=500&page=2", 200,
                 R"({"items":[)" + procedure(2, "Cấp căn cước", "Công an") + R"(],"total":2})"));
    CHECK(f.state.catalog.load == Io::Done);
    REQUIRE(f.state.catalog.procedures.size() == 2);
    f.catalogue.tick();
    CHECK(f.state.catalog.hits.size() == 2); // nothing typed: browse all
    f.catalogue.setField("Công an");
    f.catalogue.tick();
    REQUIRE(f.state.catalog.hits.size() == 1);
    CHECK(f.state.catalog.procedures[f.state.catalog.hits[0].index].name.name == "Cấp căn cước");
    f.catalogue.setField("");
    f.state.catalog.query = "khai sinh";
    f.catalogue.tick();
    REQUIRE_FALSE(f.state.catalog.hits.empty());
    CHECK(f.state.catalog.hits[0].index == 0);
    f.catalogue.openProcedure(1);
    CHECK(f.state.screen == Screen::Procedure);
    CHECK(f.state.catalog.open == 1);
    // Opened again: what is on the device is used, nothing is fetched.
    f.catalogue.open();
    CHECK(f.http.pending().empty());
}

TEST_CASE("Catalogue: a failed fetch is said and opening again asks again", "[catalogue]") {
    Fixture f;
    f.catalogue.open();
    REQUIRE(f.answer("/api/v1/procedures", 503, ""));
    CHECK(f.state.catalog.load == Io::Failed);
    CHECK(f.state.catalog.message == "error.server");
    f.catalogue.open();
    REQUIRE(f.answer("/api/v1/procedures", 200,
                     R"({"items":[)" + procedure(1, "Đăng ký khai sinh", "Hộ tịch") +
                         R"(],"total":1})"));
    CHECK(f.state.catalog.load == Io::Done);
    CHECK(f.state.catalog.message.empty());
}

TEST_CASE("Catalogue: public figures, and what a failure says", "[catalogue]") {
    Fixture f;
    f.catalogue.openStats();
    CHECK(f.state.screen == Screen::Stats);
    REQUIRE(f.answer("/api/v1/stats", 429, ""));
    CHECK(f.state.stats.load == Io::Failed);
    CHECK(f.state.stats.message == "error.rate_limited");
    f.catalogue.openStats();
    REQUIRE(f.answer("/api/v1/stats", 0, ""));
    CHECK(f.state.stats.message == "error.offline");
}
