// What the dossier screen tells the citizen, derived from fixtures at a chosen "now".
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/timeline.h"
#include "fixture.h"

using namespace motcua;
using motcua::test::fixtureDossier;

namespace {

int64_t at(const char* iso) {
    return *parseIsoTimestamp(iso);
}

} // namespace

TEST_CASE("a processing dossier: current step and working days left", "[timeline]") {
    Dossier d = fixtureDossier("processing.json"); // due Friday 29/11 17:00
    Timeline t = deriveTimeline(d, at("2024-11-26T10:00:00+07:00"));
    CHECK(t.currentStep == 1);
    REQUIRE(t.steps.size() == 2);
    CHECK_FALSE(t.steps[0].open);
    CHECK_FALSE(t.steps[0].late);
    CHECK(t.steps[0].durationSeconds == 20 * 60);
    CHECK(t.steps[1].open);
    CHECK_FALSE(t.steps[1].late);
    CHECK(t.dueState == DueState::OnTrack);
    CHECK(t.workingDays == 3); // Wed, Thu, Fri
    CHECK_FALSE(t.apology);
    CHECK_FALSE(t.needsAction);
    CHECK(t.unpaidTotal == 0);
    CHECK_FALSE(t.resultReady);
}

TEST_CASE("an open step past its deadline is late", "[timeline]") {
    Dossier d = fixtureDossier("processing.json"); // step 2 deadline Thu 28/11 17:00
    Timeline t = deriveTimeline(d, at("2024-11-29T09:00:00+07:00"));
    CHECK(t.steps[1].late);
    CHECK(t.steps[1].overdueWorkingDays == 1);
    CHECK(t.dueState == DueState::DueToday);
    CHECK(t.workingDays == 0);
}

TEST_CASE("past the due date the dossier is overdue by working days", "[timeline]") {
    Dossier d = fixtureDossier("processing.json");
    Timeline evening = deriveTimeline(d, at("2024-11-29T17:30:00+07:00"));
    CHECK(evening.dueState == DueState::Overdue);
    CHECK(evening.workingDays == 0);
    Timeline tuesday = deriveTimeline(d, at("2024-12-03T09:00:00+07:00"));
    CHECK(tuesday.dueState == DueState::Overdue);
    CHECK(tuesday.workingDays == -2); // Monday and Tuesday
}

TEST_CASE("an open supplement needs action", "[timeline]") {
    Dossier d = fixtureDossier("supplement_open.json");
    Timeline t = deriveTimeline(d, at("2024-11-26T10:00:00+07:00"));
    REQUIRE(t.openSupplements.size() == 1);
    CHECK(d.supplements[static_cast<size_t>(t.openSupplements[0])].content ==
          "Bản sao CCCD của người đi đăng ký");
    CHECK(t.needsAction);
}

TEST_CASE("unpaid fees are totalled", "[timeline]") {
    Dossier d = fixtureDossier("fees_due.json");
    Timeline t = deriveTimeline(d, at("2024-11-26T10:00:00+07:00"));
    CHECK(t.unpaidCount == 2);
    CHECK(t.unpaidTotal == 58000);
    CHECK(formatDong(t.unpaidTotal) == "58.000 ₫");
    CHECK(t.needsAction);
}

TEST_CASE("a ready result finished on time", "[timeline]") {
    Dossier d = fixtureDossier("result_ready.json");
    Timeline t = deriveTimeline(d, at("2024-12-10T10:00:00+07:00"));
    CHECK(t.resultReady);
    CHECK(t.dueState == DueState::FinishedOnTime);
    CHECK(t.currentStep == 2); // all handled: the last step
    CHECK_FALSE(t.needsAction);
    CHECK(formatDateTime(d.results[0].collectFrom->epoch) == "08:00 28/11/2024");
}

TEST_CASE("a returned dossier finished late counts the late working days", "[timeline]") {
    Dossier d = fixtureDossier("returned_rated.json");
    d.completedAt.reset();
    d.returnedAt = DateTime{"2024-12-03T09:00:00+07:00", at("2024-12-03T09:00:00+07:00")};
    Timeline t = deriveTimeline(d, at("2024-12-10T10:00:00+07:00"));
    CHECK(t.dueState == DueState::FinishedLate);
    CHECK(t.workingDays == 2);
    CHECK_FALSE(t.resultReady);
}

TEST_CASE("a late dossier with an apology shows old and new dates", "[timeline]") {
    Dossier d = fixtureDossier("late_apology.json");
    Timeline t = deriveTimeline(d, at("2024-11-25T10:00:00+07:00"));
    REQUIRE(t.apology);
    REQUIRE(t.apology->previousDueAt);
    REQUIRE(t.apology->newDueAt);
    CHECK(formatDate(t.apology->previousDueAt->epoch) == "22/11/2024");
    CHECK(formatDate(t.apology->newDueAt->epoch) == "26/11/2024");
    CHECK(t.apology->reason == "Cần xác minh thêm thông tin");
    CHECK(t.steps[1].late); // deadline 20/11
    CHECK(t.steps[1].overdueWorkingDays == 3);
    CHECK(t.dueState == DueState::OnTrack);
    CHECK(t.workingDays == 1);
}

TEST_CASE("refused or withdrawn dossiers have no due countdown", "[timeline]") {
    Dossier d = fixtureDossier("refused.json");
    Timeline t = deriveTimeline(d, at("2024-12-10T10:00:00+07:00"));
    CHECK(t.dueState == DueState::NotApplicable);
    CHECK_FALSE(t.needsAction);
}

TEST_CASE("a dossier with no steps has no current step", "[timeline]") {
    Dossier d = fixtureDossier("processing.json");
    d.steps.clear();
    Timeline t = deriveTimeline(d, at("2024-11-26T10:00:00+07:00"));
    CHECK(t.currentStep == -1);
    CHECK(t.steps.empty());
}

TEST_CASE("money and dates are formatted the Vietnamese way", "[timeline]") {
    CHECK(formatDong(0) == "0 ₫");
    CHECK(formatDong(999) == "999 ₫");
    CHECK(formatDong(50000) == "50.000 ₫");
    CHECK(formatDong(1200000) == "1.200.000 ₫");
    CHECK(formatDong(-1500) == "-1.500 ₫");
    CHECK(formatDong(INT64_MIN) == "-9.223.372.036.854.775.808 ₫");
    CHECK(formatDate(at("2024-11-29T17:00:00+07:00")) == "29/11/2024");
    CHECK(formatDate(at("2024-11-29T23:30:00Z")) == "30/11/2024"); // already the 30th in Vietnam
    CHECK(formatDateTime(at("2024-11-29T17:05:00+07:00")) == "17:05 29/11/2024");
    CHECK(formatDate(CivilDate{2025, 1, 2}) == "02/01/2025");
}
