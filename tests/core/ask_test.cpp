// The ask box: questions in plain words → procedure and facets, FAQ, or "send to the centre".
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/ask_matcher.h"
#include "fixture.h"

using namespace motcua;
using motcua::test::fixture;

namespace {

struct Data {
    std::vector<ProcedureInfo> catalog;
    std::vector<Faq> faqs;
};

const Data& data() {
    static const Data d = [] {
        Data out;
        auto p = parseProcedureList(fixture("procedures.json"));
        REQUIRE(p.ok());
        out.catalog = p.value->items;
        auto f = parseFaqList(fixture("faqs.json"));
        REQUIRE(f.ok());
        out.faqs = *f.value;
        return out;
    }();
    return d;
}

const AskMatcher& matcher() {
    static const AskMatcher m(data().catalog, data().faqs);
    return m;
}

std::string procedureCode(const AskAnswer& a) {
    return a.procedure ? data().catalog[*a.procedure].code : std::string();
}

} // namespace

TEST_CASE("question words are removed and facets recognised", "[ask]") {
    CHECK(questionTerms("Tôi muốn đăng ký khai sinh cho con cần giấy tờ gì?") ==
          std::vector<std::string>{"dang", "ky", "khai", "sinh"});
    CHECK(questionFacets("cần giấy tờ gì") == static_cast<uint8_t>(AskFacet::Documents));
    CHECK(questionFacets("làm mất bao lâu") == static_cast<uint8_t>(AskFacet::Time));
    CHECK(questionFacets("lệ phí bao nhiêu tiền") == static_cast<uint8_t>(AskFacet::Fee));
    CHECK(questionFacets("nộp ở đâu") == static_cast<uint8_t>(AskFacet::Place));
    CHECK(questionFacets("nộp trực tuyến được không") == static_cast<uint8_t>(AskFacet::Online));
    CHECK(questionFacets("bao nhiêu ngày thì có, hết bao nhiêu tiền") ==
          (static_cast<uint8_t>(AskFacet::Time) | static_cast<uint8_t>(AskFacet::Fee)));
    CHECK(questionFacets("How long does it take and how much?") ==
          (static_cast<uint8_t>(AskFacet::Time) | static_cast<uint8_t>(AskFacet::Fee)));
    CHECK(questionFacets("đăng ký kết hôn") == 0);
    // "đăng" folds like "đang" (now): it must stay a content word.
    CHECK(questionTerms("đang cần gia hạn giấy phép") ==
          std::vector<std::string>{"dang", "gia", "han", "giay", "phep"});
}

TEST_CASE("birth registration documents question", "[ask]") {
    AskAnswer a =
        matcher().answer("tôi muốn đăng ký khai sinh cho con cần giấy tờ gì", Language::Vi);
    REQUIRE(a.good());
    CHECK(procedureCode(a) == "1.001193");
    CHECK(a.asks(AskFacet::Documents));
    CHECK_FALSE(a.asks(AskFacet::Fee));
    CHECK(a.confidence >= AskMatcher::kMinConfidence);
}

TEST_CASE("procedure facts questions without diacritics", "[ask]") {
    AskAnswer a = matcher().answer("dang ky ket hon mat bao lau", Language::Vi);
    REQUIRE(a.good());
    CHECK(procedureCode(a) == "1.000894");
    CHECK(a.asks(AskFacet::Time));

    a = matcher().answer("xin giấy phép xây dựng nhà ở nộp ở đâu, lệ phí bao nhiêu?", Language::Vi);
    REQUIRE(a.good());
    CHECK(procedureCode(a) == "1.009972");
    CHECK(a.asks(AskFacet::Place));
    CHECK(a.asks(AskFacet::Fee));

    a = matcher().answer("cấp đổi giấy phép lái xe có làm trực tuyến được không", Language::Vi);
    REQUIRE(a.good());
    CHECK(procedureCode(a) == "1.002804");
    CHECK(a.asks(AskFacet::Online));
}

TEST_CASE("English questions", "[ask]") {
    AskAnswer a = matcher().answer("How long does marriage registration take?", Language::En);
    REQUIRE(a.good());
    CHECK(procedureCode(a) == "1.000894");
    CHECK(a.asks(AskFacet::Time));
}

TEST_CASE("FAQ answers questions the catalogue cannot", "[ask]") {
    AskAnswer a = matcher().answer("hồ sơ của tôi bị trễ hẹn thì phải làm gì", Language::Vi);
    REQUIRE(a.good());
    CHECK(a.kind == AskAnswer::Kind::Faq);
    REQUIRE(a.faq);
    CHECK(data().faqs[*a.faq].question == "Hồ sơ bị trễ hẹn thì tôi phải làm gì?");

    a = matcher().answer("làm sổ đỏ bao lâu", Language::Vi);
    REQUIRE(a.good());
    CHECK(procedureCode(a) == "1.004227"); // via the FAQ's procedure or the synonyms: either way
}

TEST_CASE("questions far from the catalogue offer to ask the centre", "[ask]") {
    for (const char* q : {"thời tiết hôm nay thế nào", "giá vàng hôm nay bao nhiêu", "?!", "",
                          "tôi muốn hỏi", "what is the weather like"}) {
        INFO(q);
        AskAnswer a = matcher().answer(q, Language::Vi);
        CHECK_FALSE(a.good());
        CHECK(a.kind == AskAnswer::Kind::NoMatch);
        CHECK(a.confidence < AskMatcher::kMinConfidence);
    }
}

TEST_CASE("the one-shot helper and an empty catalogue", "[ask]") {
    AskAnswer a = answerQuestion("đăng ký khai tử cần gì", data().catalog, {}, Language::Vi);
    REQUIRE(a.good());
    CHECK(procedureCode(a) == "1.000656");
    CHECK_FALSE(answerQuestion("đăng ký khai tử", {}, {}, Language::Vi).good());
}

TEST_CASE("FAQ list parsing", "[ask]") {
    auto r = parseFaqList(
        R"({"items":[{"id":1,"question":"Q","answer":"A","keywords":["k",2],"procedure_code":null},
        {"id":2,"question":"no answer"}, "x"],"total":3})");
    REQUIRE(r.ok());
    REQUIRE(r.value->size() == 1);
    CHECK((*r.value)[0].keywords == std::vector<std::string>{"k"});
    CHECK((*r.value)[0].procedureCode.empty());
    CHECK(parseFaqList("{").code == ParseError::Malformed);
    CHECK(parseFaqList(R"({"items":1})").code == ParseError::WrongType);
    CHECK(data().faqs.size() == 13);
}
