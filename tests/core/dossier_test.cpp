// Parsing dossier payloads (docs/dossier_payload.md) and the responses that carry them.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/dossier.h"
#include "fixture.h"

using namespace motcua;
using motcua::test::fixture;
using motcua::test::fixtureDossier;

namespace {

bool hasWarning(const Dossier& d, const std::string& prefix) {
    for (const auto& w : d.warnings)
        if (w.rfind(prefix, 0) == 0) return true;
    return false;
}

} // namespace

TEST_CASE("the contract example parses completely", "[dossier]") {
    Dossier d = fixtureDossier("contract_example.json");
    CHECK(d.code == "000.00.12.H42-241124-0001");
    CHECK(d.version == 7);
    CHECK(d.status == 4);
    CHECK(d.statusKnown);
    CHECK(d.statusName == "Đang xử lý");
    CHECK(d.statusNote == "Đang thẩm định hồ sơ");
    CHECK(d.procedure.code == "1.001193");
    CHECK(d.procedure.name.name == "Đăng ký khai sinh");
    CHECK(d.procedure.name.en == "Birth registration");
    CHECK(d.agency.code == "000.00.12.H42");
    CHECK(d.agency.name.en == "Tran Phu Ward People's Committee");
    CHECK(d.owner == "Nguyễn V. A.");
    CHECK(d.channel == Channel::Counter);
    CHECK(d.receivedAt.text == "2024-11-24T08:30:00+07:00");
    CHECK(d.receivedAt.epoch == 1732411800);
    CHECK(d.dueAt.text == "2024-11-29T17:00:00+07:00");
    REQUIRE(d.originalDueAt);
    CHECK(d.originalDueAt->text == "2024-11-27T17:00:00+07:00");
    REQUIRE(d.dueHistory.size() == 1);
    CHECK(d.dueHistory[0].apology);
    CHECK(d.dueHistory[0].reason == "Cần xác minh thêm thông tin");
    REQUIRE(d.holder);
    CHECK(d.holder->unit == "Phòng Tư pháp");
    CHECK_FALSE(d.completedAt);
    CHECK_FALSE(d.returnedAt);
    REQUIRE(d.steps.size() == 2);
    CHECK(d.steps[0].handledAt);
    CHECK_FALSE(d.steps[1].handledAt);
    CHECK(d.steps[1].action == "Thẩm định hồ sơ");
    REQUIRE(d.supplements.size() == 1);
    CHECK(d.supplements[0].state == SupplementState::Open);
    CHECK(d.supplements[0].id == 3);
    CHECK_FALSE(d.supplements[0].newDueAt);
    REQUIRE(d.fees.size() == 1);
    CHECK(d.fees[0].amount == 50000);
    CHECK_FALSE(d.fees[0].paid);
    REQUIRE(d.results.size() == 1);
    CHECK(d.results[0].collectPlace == "Quầy số 3, Trung tâm Phục vụ hành chính công");
    CHECK_FALSE(d.ratingEligible);
    CHECK_FALSE(d.rating);
    CHECK(d.updatedAt);
    CHECK(d.warnings.empty());
}

TEST_CASE("every fixture of a real situation parses without warnings", "[dossier]") {
    for (const char* name :
         {"processing.json", "supplement_open.json", "fees_due.json", "result_ready.json",
          "returned_rated.json", "late_apology.json", "refused.json"}) {
        INFO(name);
        Dossier d = fixtureDossier(name);
        CHECK(d.statusKnown);
        CHECK(d.warnings.empty());
    }
}

TEST_CASE("a returned and rated dossier carries the rating", "[dossier]") {
    Dossier d = fixtureDossier("returned_rated.json");
    CHECK(d.status == 10);
    CHECK(d.ratingEligible);
    REQUIRE(d.rating);
    CHECK(d.rating->overall == RatingLevel::VerySatisfied);
    CHECK(d.rating->attitude == RatingLevel::VerySatisfied);
    CHECK(d.rating->onTime == RatingLevel::Satisfied);
    CHECK_FALSE(d.rating->ease);
    CHECK(d.rating->visits == Visits::One);
    CHECK(d.rating->comment == std::optional<std::string>("Cán bộ hướng dẫn tận tình"));
    CHECK(d.returnedAt);
    CHECK_FALSE(d.holder);
}

TEST_CASE("an unknown status is kept, flagged and does not fail", "[dossier]") {
    Dossier d = fixtureDossier("unknown_status.json");
    CHECK(d.status == 42);
    CHECK_FALSE(d.statusKnown);
    CHECK(d.statusName == "Trạng thái mới"); // the server's name is still there to show
    CHECK(hasWarning(d, "status"));
}

TEST_CASE("fees carry their payment reference and the dossier its collection account",
          "[dossier]") {
    Dossier d = fixtureDossier("fees_due.json");
    REQUIRE(d.fees.size() == 3);
    CHECK(d.fees[0].paymentReference == "MC0000012H422411250002P1");
    CHECK(d.fees[2].paymentReference == "MC0000012H422411250002P3");
    REQUIRE(d.paymentAccount);
    CHECK(d.paymentAccount->bankBin == "970436");
    CHECK(d.paymentAccount->bankName == "Vietcombank");
    CHECK(d.paymentAccount->accountNumber == "1012345678");
    CHECK(d.paymentAccount->accountName == "UBND PHUONG TRAN PHU");
    // Older payloads have neither: nothing to pay by transfer, no warning.
    Dossier old = fixtureDossier("contract_example.json");
    CHECK(old.fees[0].paymentReference.empty());
    CHECK_FALSE(old.paymentAccount);
    CHECK(old.warnings.empty());
}

TEST_CASE("wrong types in optional fields are tolerated with warnings", "[dossier]") {
    Dossier d = fixtureDossier("wrong_optional_types.json");
    REQUIRE(d.fees.size() == 1); // the non-object fee is skipped
    CHECK(d.fees[0].amount == 0);
    CHECK_FALSE(d.fees[0].paid);
    CHECK_FALSE(d.steps[1].deadline);
    CHECK_FALSE(d.holder);
    CHECK_FALSE(d.ratingEligible);
    CHECK(hasWarning(d, "fees[0].amount"));
    CHECK(hasWarning(d, "fees[1]"));
    CHECK(hasWarning(d, "steps[1].deadline"));
    CHECK(hasWarning(d, "holder"));
}

TEST_CASE("required fields are strict", "[dossier]") {
    struct Case {
        const char* file;
        ParseError expected;
        const char* field;
    };
    for (const Case& c : {Case{"missing_code.json", ParseError::MissingField, "code"},
                          Case{"missing_version.json", ParseError::MissingField, "version"},
                          Case{"missing_status.json", ParseError::MissingField, "status"},
                          Case{"missing_received_at.json", ParseError::MissingField, "received_at"},
                          Case{"missing_due_at.json", ParseError::MissingField, "due_at"},
                          Case{"null_due_at.json", ParseError::MissingField, "due_at"},
                          Case{"wrong_type_version.json", ParseError::WrongType, "version"},
                          Case{"wrong_type_status.json", ParseError::WrongType, "status"},
                          Case{"absurd_due_year.json", ParseError::BadValue, "due_at"},
                          Case{"absurd_received_year.json", ParseError::BadValue, "received_at"},
                          Case{"impossible_date.json", ParseError::BadValue, "due_at"}}) {
        INFO(c.file);
        auto r = parseDossier(fixture(c.file));
        CHECK_FALSE(r.ok());
        CHECK(r.code == c.expected);
        CHECK(r.error.find(c.field) != std::string::npos);
    }
}

TEST_CASE("broken text never throws", "[dossier]") {
    for (const char* name : {"truncated.json", "not_json.txt"}) {
        INFO(name);
        auto r = parseDossier(fixture(name));
        CHECK_FALSE(r.ok());
        CHECK(r.code == ParseError::Malformed);
    }
    for (std::string text : {"", "null", "[]", "42", "\"code\"", "{",
                             "{\"code\":", "{\"code\": \"x\"}", "\xff\xfe{}"}) {
        INFO(text);
        auto r = parseDossier(text);
        CHECK_FALSE(r.ok());
        CHECK(r.code != ParseError::None);
    }
    std::string deep(100000, '[');
    CHECK(parseDossier(deep).code == ParseError::Malformed);
    std::string deepInField = fixture("processing.json");
    deepInField.insert(1, "\"x\": " + std::string(200, '[') + std::string(200, ']') + ",");
    CHECK(parseDossier(deepInField).code == ParseError::Malformed);
}

TEST_CASE("huge input is refused before parsing", "[dossier]") {
    std::string text = fixture("processing.json");
    std::string huge =
        "{\"padding\": \"" + std::string(kMaxJsonBytes, 'x') + "\", " + text.substr(1);
    auto r = parseDossier(huge);
    CHECK_FALSE(r.ok());
    CHECK(r.code == ParseError::TooLarge);
}

TEST_CASE("a dossier with 100 steps keeps them in order", "[dossier]") {
    auto j = nlohmann::json::parse(fixture("processing.json"));
    auto step = j["steps"][0];
    j["steps"] = nlohmann::json::array();
    for (int i = 100; i >= 1; --i) { // sent in reverse: the parser orders by seq
        step["seq"] = i;
        step["action"] = "Bước " + std::to_string(i);
        j["steps"].push_back(step);
    }
    j["steps"][0]["handled_at"] = nullptr; // seq 100 is in progress
    auto r = parseDossierJson(j);
    REQUIRE(r.ok());
    REQUIRE(r.value->steps.size() == 100);
    CHECK(r.value->steps.front().seq == 1);
    CHECK(r.value->steps.back().seq == 100);
    CHECK(r.value->steps.back().action == "Bước 100");
    CHECK_FALSE(r.value->steps.back().handledAt);
}

TEST_CASE("lookup responses", "[dossier]") {
    auto r = parseLookupResponse(fixture("lookup_ok.json"));
    REQUIRE(r.ok());
    CHECK(r.value->token == "tok_8f2c1a");
    CHECK(r.value->expiresIn == 900);
    CHECK(r.value->dossier.code == "000.00.12.H42-241125-0002");

    auto noToken = parseLookupResponse(R"({"expires_in": 900, "dossier": {}})");
    CHECK(noToken.code == ParseError::MissingField);
    auto badDossier = parseLookupResponse(R"({"token": "t", "dossier": {"code": "x"}})");
    CHECK_FALSE(badDossier.ok());
    CHECK(badDossier.error.rfind("dossier.", 0) == 0);
    CHECK(parseLookupResponse(R"({"token": "t"})").code == ParseError::MissingField);
    CHECK(parseLookupResponse("[1]").code == ParseError::Malformed);
}

TEST_CASE("changes responses", "[dossier]") {
    auto changed = parseChangesResponse(fixture("changes_changed.json"));
    REQUIRE(changed.ok());
    CHECK(changed.value->changed);
    CHECK(changed.value->version == 8);
    REQUIRE(changed.value->dossier);
    CHECK(changed.value->dossier->version == 8);

    auto same = parseChangesResponse(fixture("changes_unchanged.json"));
    REQUIRE(same.ok());
    CHECK_FALSE(same.value->changed);
    CHECK(same.value->version == 7);
    CHECK_FALSE(same.value->dossier);

    CHECK(parseChangesResponse(R"({"changed": true, "version": 8})").code ==
          ParseError::MissingField);
    CHECK(parseChangesResponse(R"({"changed": "yes", "version": 8})").code ==
          ParseError::WrongType);
}

TEST_CASE("API error bodies", "[dossier]") {
    auto r = parseApiErrors(fixture("api_errors.json"));
    REQUIRE(r.ok());
    REQUIRE(r.value->size() == 2);
    CHECK((*r.value)[0].code == "not_found");
    CHECK((*r.value)[0].description == "Không tìm thấy hồ sơ hoặc mã bí mật không đúng");
    CHECK((*r.value)[1].code == "429");
    CHECK(parseApiErrors(R"({"error": "x"})").code == ParseError::MissingField);
    CHECK(parseApiErrors("<html>").code == ParseError::Malformed);
}

TEST_CASE("the cached copy parses back to the same dossier", "[dossier]") {
    Dossier d = fixtureDossier("returned_rated.json");
    std::string cached = serializeDossierForCache(d);
    REQUIRE_FALSE(cached.empty());
    auto back = parseDossierFromCache(cached);
    REQUIRE(back.ok());
    CHECK(back.value->code == d.code);
    CHECK(back.value->version == d.version);
    CHECK(back.value->steps.size() == d.steps.size());
    CHECK(back.value->rating->comment == d.rating->comment);
    CHECK(back.value->owner == "Nguyễn V. A.");
    CHECK_FALSE(parseDossierFromCache(cached.substr(0, cached.size() / 2)).ok());
}

TEST_CASE("rating level keys", "[dossier]") {
    for (auto level :
         {RatingLevel::VerySatisfied, RatingLevel::Satisfied, RatingLevel::Dissatisfied})
        CHECK(ratingLevelFromKey(ratingLevelKey(level)) == level);
    CHECK_FALSE(ratingLevelFromKey("happy"));
    CHECK(std::string(visitsKey(Visits::More)) == "more");
}
