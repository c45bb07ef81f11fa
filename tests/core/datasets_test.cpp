// The look-up datasets as the app reads them: the server's own list and replies, foreign or broken
// replies, values shown as a citizen reads them, and the form checked before it is sent.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/dataset_query.h"
#include "core/datasets.h"
#include "fixture.h"

using namespace motcua;

namespace {
Dataset exams() {
    auto list = parseDatasetList(test::fixture("datasets.json"));
    REQUIRE(list.ok());
    REQUIRE(!list.value->empty());
    return list.value->front();
}
const Dataset& byId(const std::vector<Dataset>& list, const std::string& id) {
    for (const Dataset& d : list)
        if (d.id == id) return d;
    FAIL("no dataset " << id);
    return list.front();
}
} // namespace

TEST_CASE("Datasets: the server's list reads with names, key fields and their types",
          "[datasets]") {
    auto list = parseDatasetList(test::fixture("datasets.json"));
    REQUIRE(list.ok());
    REQUIRE(list.value->size() == 4);
    const Dataset& exam = byId(*list.value, "exam-results");
    CHECK(exam.keyed);
    CHECK(exam.name == "Kết quả thi tốt nghiệp THPT");
    CHECK(textIn(exam.names, Language::Ko) == "고등학교 졸업 시험 결과");
    REQUIRE(exam.keys.size() == 1);
    CHECK(exam.keys[0].name == "candidate_number");
    CHECK(exam.keys[0].compact);
    REQUIRE(exam.secondFactor);
    CHECK(exam.secondFactor->type == FieldType::Date);
    CHECK(textIn(exam.secondFactor->labels, Language::En) == "Date of birth");
    REQUIRE(exam.shown.size() == 5);
    CHECK(exam.shown[1].type == FieldType::Number);
    const Dataset& land = byId(*list.value, "land-prices");
    CHECK(!land.keyed);
    CHECK(!land.secondFactor); // null in the reply
    CHECK(land.keys.size() == 3);
    CHECK(formFields(exam).size() == 2);
}

TEST_CASE("Datasets: a text missing in a language falls back to English, then Vietnamese",
          "[datasets]") {
    const LocalTexts texts{{"vi", "Lịch cắt điện"}, {"en", "Power cuts"}};
    CHECK(textIn(texts, Language::Ja) == "Power cuts");
    CHECK(textIn(texts, Language::Vi) == "Lịch cắt điện");
    CHECK(textIn({{"vi", "Chỉ tiếng Việt"}}, Language::Zh) == "Chỉ tiếng Việt");
    CHECK(textIn({}, Language::En, "id") == "id");
}

TEST_CASE("Datasets: broken items are skipped, a broken reply is an error", "[datasets]") {
    auto list = parseDatasetList(
        R"({"items":[7,{"name":"no id"},{"id":"no-keys","keys":[]},{"id":"ok","keys":[{"name":"ward","type":"mystery","labels":"x"},{"type":"text"}],"shown":{"a":1},"rows":"many"}]})");
    REQUIRE(list.ok());
    REQUIRE(list.value->size() == 1);
    const Dataset& d = list.value->front();
    CHECK(d.id == "ok");
    CHECK(d.name == "ok"); // no name in any language: its id
    REQUIRE(d.keys.size() == 1);
    CHECK(d.keys[0].type == FieldType::Text);
    CHECK(d.keys[0].label == "ward");
    CHECK(d.shown.empty());
    CHECK(d.rows == 0);
    CHECK(parseDatasetList("[]").code == ParseError::Malformed);
    CHECK(parseDatasetList("{\"items\":").code == ParseError::Malformed);
    CHECK(parseDatasetList(std::string(3 * 1024 * 1024, ' ')).code == ParseError::TooLarge);
}

TEST_CASE("Datasets: a query's answer keeps every shown value, in the fields' order",
          "[datasets]") {
    auto answer = parseDatasetAnswer(test::fixture("dataset_exam_answer.json"));
    REQUIRE(answer.ok());
    const DatasetAnswer& a = *answer.value;
    CHECK(a.id == "exam-results");
    REQUIRE(a.fields.size() == 5);
    REQUIRE(a.rows.size() == 1);
    CHECK(a.rows[0][0].text == "Nguyễn Thị Lan");
    CHECK(formatCell(a.rows[0][2], a.fields[2].type, Language::Vi) == "7,75");
    CHECK(formatCell(a.rows[0][2], a.fields[2].type, Language::En) == "7.75");
    CHECK(!a.truncated);
    // No match: the same shape with no rows.
    auto none = parseDatasetAnswer(R"({"id":"x","fields":[{"name":"a"}],"items":[],"total":0})");
    REQUIRE(none.ok());
    CHECK(none.value->rows.empty());
    // Without fields nothing could be labelled.
    CHECK(parseDatasetAnswer(R"({"items":[{"a":1}]})").code == ParseError::MissingField);
    // A value of an unexpected type is absent, not a crash.
    auto odd = parseDatasetAnswer(
        R"({"fields":[{"name":"a"},{"name":"b"}],"items":[{"a":[1],"b":null},3]})");
    REQUIRE(odd.ok());
    REQUIRE(odd.value->rows.size() == 1);
    CHECK(!odd.value->rows[0][0].present);
    CHECK(formatCell(odd.value->rows[0][1], FieldType::Text, Language::Vi).empty());
}

TEST_CASE("Datasets: numbers grouped and dates written as Vietnamese people read them",
          "[datasets]") {
    const DatasetCell price{"42000000", true, true};
    CHECK(formatCell(price, FieldType::Number, Language::Vi) == "42.000.000");
    CHECK(formatCell(price, FieldType::Number, Language::En) == "42,000,000");
    CHECK(formatCell({"9.0", true, true}, FieldType::Number, Language::Vi) == "9");
    CHECK(formatCell({"-1234.5", true, true}, FieldType::Number, Language::En) == "-1,234.5");
    CHECK(formatCell({"2026-11-23", false, true}, FieldType::Date, Language::En) == "23/11/2026");
    CHECK(formatCell({"sắp tới", false, true}, FieldType::Date, Language::Vi) == "sắp tới");
}

TEST_CASE("Dataset form: dates typed the usual ways, impossible days refused", "[datasets]") {
    CHECK(normalizeDate("15/03/2007") == "2007-03-15");
    CHECK(normalizeDate(" 15-3-2007 ") == "2007-03-15");
    CHECK(normalizeDate("15.03.2007") == "2007-03-15");
    CHECK(normalizeDate("15032007") == "2007-03-15");
    CHECK(normalizeDate("2007-03-15") == "2007-03-15");
    CHECK(!normalizeDate("29/02/2007"));
    CHECK(!normalizeDate("15/03-2007"));
    CHECK(!normalizeDate("15/13/2007"));
    CHECK(!normalizeDate("15/03/07"));
    CHECK(!normalizeDate("hôm qua"));
    CHECK(!normalizeDate(""));
}

TEST_CASE("Dataset form: a keyed dataset needs every field, sent normalised", "[datasets]") {
    const Dataset exam = exams();
    DatasetQuery q = buildDatasetQuery(exam, {{"candidate_number", " 51000123 "}});
    REQUIRE(q.problems.size() == 1);
    CHECK(q.problems[0].field == "date_of_birth");
    CHECK(q.problems[0].messageKey == "datasets.error.required");
    CHECK(q.body.empty());
    q = buildDatasetQuery(exam,
                          {{"candidate_number", "51000123"}, {"date_of_birth", "31/02/2007"}});
    REQUIRE(q.problems.size() == 1);
    CHECK(q.problems[0].messageKey == "datasets.error.date");
    q = buildDatasetQuery(exam,
                          {{"candidate_number", "  51000123"}, {"date_of_birth", "15/3/2007"}});
    REQUIRE(q.problems.empty());
    CHECK(nlohmann::json::parse(q.body) ==
          nlohmann::json{{"candidate_number", "51000123"}, {"date_of_birth", "2007-03-15"}});
}

TEST_CASE("Dataset form: a public dataset is asked by some of its keys", "[datasets]") {
    auto list = parseDatasetList(test::fixture("datasets.json"));
    REQUIRE(list.ok());
    const Dataset& land = byId(*list.value, "land-prices");
    DatasetQuery q = buildDatasetQuery(land, {{"street", "Hùng   Vương"}, {"district", "  "}});
    REQUIRE(q.problems.empty());
    CHECK(nlohmann::json::parse(q.body) == nlohmann::json{{"street", "Hùng Vương"}});
    q = buildDatasetQuery(land, {});
    REQUIRE(q.problems.size() == 1);
    CHECK(q.problems[0].field == "district");
    CHECK(q.problems[0].messageKey == "datasets.error.one_key");
    Dataset numbered;
    numbered.id = "n";
    numbered.keys = {{.name = "year", .type = FieldType::Number}};
    q = buildDatasetQuery(numbered, {{"year", "2 024"}});
    CHECK(nlohmann::json::parse(q.body) == nlohmann::json{{"year", 2024}});
    q = buildDatasetQuery(numbered, {{"year", "8,5"}});
    CHECK(nlohmann::json::parse(q.body) == nlohmann::json{{"year", 8.5}});
    q = buildDatasetQuery(numbered, {{"year", "hai"}});
    REQUIRE(q.problems.size() == 1);
    CHECK(q.problems[0].messageKey == "datasets.error.number");
    q = buildDatasetQuery(numbered, {{"year", "\xff"}});
    REQUIRE(q.problems.size() == 1);
    CHECK(q.problems[0].messageKey == "datasets.error.invalid");
}
