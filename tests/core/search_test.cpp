// Catalogue search: folding, diacritics, typos, ranking order on the fixture catalogue, filters.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/procedure_catalog.h"
#include "core/procedure_search.h"
#include "core/vn_text.h"
#include "fixture.h"

using namespace motcua;
using motcua::test::fixture;

namespace {

const std::vector<ProcedureInfo>& catalog() {
    static const std::vector<ProcedureInfo> items = [] {
        auto r = parseProcedureList(fixture("procedures.json"));
        REQUIRE(r.ok());
        return r.value->items;
    }();
    return items;
}

const SearchIndex& index() {
    static const SearchIndex idx(catalog());
    return idx;
}

std::vector<std::string> codes(std::string_view query, Language lang = Language::Vi,
                               size_t limit = 5, const SearchFilter& filter = {}) {
    std::vector<std::string> out;
    for (const SearchHit& h : index().search(query, lang, limit, filter))
        out.push_back(catalog()[h.index].code);
    return out;
}

std::string first(std::string_view query, Language lang = Language::Vi) {
    auto c = codes(query, lang, 1);
    return c.empty() ? std::string() : c[0];
}

constexpr const char* kBirth = "1.001193";
constexpr const char* kMarriage = "1.000894";

} // namespace

TEST_CASE("folding strips Vietnamese marks in NFC and NFD, lower-cases, separates", "[search]") {
    CHECK(foldText("Đăng ký khai sinh") == "dang ky khai sinh");
    CHECK(foldText("ĐĂNG KÝ KẾT HÔN") == "dang ky ket hon");
    CHECK(foldText("Giấy phép xây dựng") == "giay phep xay dung");
    CHECK(foldText("ườ ỡ ặ ậ ệ ộ ợ ự ỵ ỹ ĩ ũ ơ ư ă â ê ô") ==
          "uo o a a e o o u y y i u o u a a e o");
    // Decomposed: "Đă" as D-stroke + a + breve + acute; "ườ" as u + horn + grave...
    CHECK(foldText("\xC4\x90"
                   "a\xCC\x86\xCC\x81"
                   "ng ky\xCC\x81") == "dang ky");
    CHECK(foldText("  Hồ sơ: (bản sao) -- CCCD/CMND!! ") == "ho so ban sao cccd cmnd");
    CHECK(foldText("1.001193") == "1 001193");
    CHECK(foldText("Phở\xC2\xA0"
                   "bò\xE2\x80\x94"
                   "Huế") == "pho bo hue");          // NBSP and em dash
    CHECK(foldText("hội an 会安") == "hoi an 会安"); // other scripts are kept
    CHECK(foldText("bad \xFF\xFE bytes \xE1\xBA") == "bad bytes");
    CHECK(foldText("").empty());
    CHECK(asciiLower("Birth Registration Đ") == "birth registration Đ");
    CHECK(tokenize("Tờ khai, giấy chứng sinh") ==
          std::vector<std::string>{"to", "khai", "giay", "chung", "sinh"});
}

TEST_CASE("edit distance counts adjacent transpositions as one", "[search]") {
    CHECK(boundedEditDistance("sinh", "snih", 2) == 1);
    CHECK(boundedEditDistance("sinh", "snh", 2) == 1);
    CHECK(boundedEditDistance("chung", "chung", 2) == 0);
    CHECK(boundedEditDistance("thanhlap", "thnahlp", 2) == 2);
    CHECK(boundedEditDistance("kethon", "abcdef", 2) == 3); // gives up at bound + 1
}

TEST_CASE("the fixture catalogue parses completely", "[search]") {
    auto r = parseProcedureList(fixture("procedures.json"));
    REQUIRE(r.ok());
    CHECK(r.value->items.size() == 25);
    CHECK(r.value->warnings.empty());
    const ProcedureInfo& p = r.value->items[0];
    CHECK(p.code == kBirth);
    CHECK(p.name.en == "Birth registration");
    CHECK(p.documents.size() == 2);
    CHECK(p.online);
    auto land = std::find_if(r.value->items.begin(), r.value->items.end(),
                             [](const ProcedureInfo& x) { return x.code == "1.004227"; });
    REQUIRE(land != r.value->items.end());
    CHECK(land->feeTotal() == 350000);
}

TEST_CASE("catalogue parsing is tolerant per item and strict on shape", "[search]") {
    auto r = parseProcedureList(
        R"({"items":[{"code":"1","name":"A","fees":[{"name":"x","amount":1.5e3}]},
        {"name":"no code"}, 7, {"code":"2","names":{"vi":"Tên","en":"Name"},"documents":["Tờ khai"],"online":"yes"}],
        "total":9})");
    REQUIRE(r.ok());
    REQUIRE(r.value->items.size() == 2);
    CHECK(r.value->items[0].feeTotal() == 1500);
    CHECK(r.value->items[1].name.name == "Tên");
    CHECK(r.value->items[1].documents[0].name == "Tờ khai");
    CHECK_FALSE(r.value->items[1].online);
    CHECK(r.value->warnings.size() == 2);
    CHECK(r.value->total == 9);
    CHECK(parseProcedureList("nope").code == ParseError::Malformed);
    CHECK(parseProcedureList("[]").code == ParseError::Malformed);
    CHECK(parseProcedureList(R"({"total":1})").code == ParseError::MissingField);
    CHECK(parseProcedureList(R"({"items":{}})").code == ParseError::WrongType);
}

TEST_CASE("search without diacritics finds the procedure first", "[search]") {
    CHECK(first("dang ky khai sinh") == kBirth);
    CHECK(first("Đăng ký khai sinh") == kBirth);
    CHECK(first("ĐĂNG KÝ KHAI SINH") == kBirth);
    auto hits = index().search("dang ky khai sinh", Language::Vi, 3);
    REQUIRE(!hits.empty());
    CHECK(hits[0].kind == MatchKind::ExactPhrase);
}

TEST_CASE("a shorter exact name ranks above longer names containing the words", "[search]") {
    auto c = codes("khai sinh");
    REQUIRE(c.size() >= 3);
    CHECK(c[0] == kBirth);
    // re-registration and the foreign-element variant follow, before anything that only has
    // "khai sinh" in a document.
    CHECK((c[1] == "1.004884" || c[1] == "1.001695"));
    CHECK((c[2] == "1.004884" || c[2] == "1.001695"));
}

TEST_CASE("marriage, construction permit, land certificate", "[search]") {
    CHECK(first("ket hon") == kMarriage);
    CHECK(first("đăng ký kết hôn") == kMarriage);
    const std::string permit = first("giay phep xay dung");
    CHECK((permit == "1.009972" || permit == "1.009974"));
    auto c = codes("giay phep xay dung", Language::Vi, 4);
    REQUIRE(c.size() == 4);
    CHECK(std::find(c.begin(), c.end(), "1.009976") != c.end()); // extension of a permit is close
    const std::string title = first("so do"); // everyday word for the land-use right certificate
    CHECK((title == "1.004227" || title == "1.002993"));
}

TEST_CASE("typos are tolerated", "[search]") {
    CHECK(first("dang ki khai snh") == kBirth);  // i/y variant and a dropped letter
    CHECK(first("dang ky khia sinh") == kBirth); // transposition
    CHECK(first("ket hno") == kMarriage);
    CHECK(first("chung thuc ban sao") == "2.000815");
    CHECK(first("chugn thcu ban sao") == "2.000815");
    auto hits = index().search("dang ki khai snh", Language::Vi, 1);
    REQUIRE(!hits.empty());
    CHECK(hits[0].kind == MatchKind::Typo);
}

TEST_CASE("search as you type: every prefix of the name finds it near the top", "[search]") {
    const std::string name = "dang ky khai sinh";
    for (size_t len = 6; len <= name.size(); ++len) {
        auto c = codes(name.substr(0, len), Language::Vi, 5);
        INFO(name.substr(0, len));
        CHECK(std::find(c.begin(), c.end(), kBirth) != c.end());
    }
    CHECK(first("dang ky khai s") == kBirth);
    CHECK(first("giay phep xay d").rfind("1.0099", 0) == 0);
}

TEST_CASE("English names are searched, and rank first in English", "[search]") {
    CHECK(first("birth", Language::En) == kBirth);
    CHECK(first("Birth registration", Language::En) == kBirth);
    CHECK(first("marriage", Language::En) == kMarriage);
    CHECK(first("construction permit", Language::En).rfind("1.0099", 0) == 0);
    CHECK(first("birth", Language::Vi) == kBirth); // still found from the Vietnamese screen
}

TEST_CASE("name matches rank above document-only matches, and codes are searchable", "[search]") {
    // "giấy chứng sinh" is a document of birth registration only; "chứng sinh" nowhere in names.
    CHECK(first("giay chung sinh") == kBirth);
    auto hits = index().search("to khai", Language::Vi, 30);
    REQUIRE(!hits.empty());
    CHECK(hits[0].kind != MatchKind::ExactPhrase);
    CHECK(first("1.000894") == kMarriage);
}

TEST_CASE("filters by field and agency, and browsing with an empty query", "[search]") {
    SearchFilter land{"Đất đai", ""};
    auto c = codes("", Language::Vi, 100, land);
    CHECK(c.size() == 5);
    c = codes("giay chung nhan", Language::Vi, 100, land);
    REQUIRE(!c.empty());
    for (const std::string& code : c) {
        auto it = std::find_if(catalog().begin(), catalog().end(),
                               [&](const ProcedureInfo& p) { return p.code == code; });
        CHECK(it->field == "Đất đai");
    }
    c = codes("khai sinh", Language::Vi, 100, {"", "000.00.01.H42"});
    REQUIRE(c.size() == 1);
    CHECK(c[0] == "1.001695");
    CHECK(codes("khai sinh", Language::Vi, 10, {"Không có", ""}).empty());
    auto fields = index().fields();
    REQUIRE(!fields.empty());
    CHECK(fields[0].key == "Hộ tịch");
    CHECK(fields[0].count == 8);
    auto agencies = index().agencies();
    CHECK(agencies.size() == 8);
}

TEST_CASE("nonsense, empty and oversized queries are harmless", "[search]") {
    CHECK(index().search("zzzz qqqq", Language::Vi, 10).empty());
    CHECK(index().search("   ", Language::Vi, 3).size() == 3); // browsing
    CHECK(index().search("khai sinh", Language::Vi, 0).empty());
    const std::string huge(100000, 'a');
    CHECK_NOTHROW(index().search(huge, Language::Vi, 10));
    CHECK_NOTHROW(index().search("\xFF\xFE\xE1", Language::Vi, 10));
    SearchIndex empty;
    CHECK(empty.search("khai sinh", Language::Vi, 10).empty());
}
