// Calendar arithmetic and ISO 8601 timestamps as the server sends them (+07:00).
#include <catch2/catch.hpp>

#include "core/civil_date.h"

using namespace motcua;

namespace {
int64_t utc(int y, int m, int d, int h, int mi, int s = 0) {
    return daysFromCivil({y, m, d}) * 86400 + h * 3600 + mi * 60 + s;
}
} // namespace

TEST_CASE("civil dates round-trip through day numbers", "[civil_date]") {
    CHECK(daysFromCivil({1970, 1, 1}) == 0);
    CHECK(daysFromCivil({2000, 3, 1}) - daysFromCivil({2000, 2, 28}) == 2); // leap year
    CHECK(daysFromCivil({2100, 3, 1}) - daysFromCivil({2100, 2, 28}) == 1); // not a leap year
    for (int64_t z = daysFromCivil({1999, 1, 1}); z <= daysFromCivil({2101, 12, 31}); z += 7)
        REQUIRE(daysFromCivil(civilFromDays(z)) == z);
    CHECK(civilFromDays(-1) == CivilDate{1969, 12, 31});
    CHECK(addDays({2024, 12, 31}, 1) == CivilDate{2025, 1, 1});
}

TEST_CASE("weekdays are right", "[civil_date]") {
    CHECK(weekday({2024, 11, 24}) == 0); // Sunday
    CHECK(weekday({2024, 11, 25}) == 1);
    CHECK(weekday({2025, 1, 29}) == 3); // Tết 2025 was a Wednesday
    CHECK(weekday({1969, 12, 31}) == 3);
}

TEST_CASE("date validity", "[civil_date]") {
    CHECK(isValidDate(2024, 2, 29));
    CHECK_FALSE(isValidDate(2023, 2, 29));
    CHECK_FALSE(isValidDate(2024, 4, 31));
    CHECK_FALSE(isValidDate(2024, 13, 1));
    CHECK_FALSE(isValidDate(2024, 0, 1));
    CHECK_FALSE(isValidDate(2024, 1, 0));
}

TEST_CASE("ISO timestamps with offsets become the same instant", "[civil_date]") {
    auto t = parseIsoTimestamp("2024-11-24T08:30:00+07:00");
    REQUIRE(t);
    CHECK(*t == utc(2024, 11, 24, 1, 30));
    CHECK(parseIsoTimestamp("2024-11-24T01:30:00Z") == t);
    CHECK(parseIsoTimestamp("2024-11-24T01:30:00.123Z") == t);
    CHECK(parseIsoTimestamp("2024-11-24T08:30:00+0700") == t);
    CHECK(parseIsoTimestamp("2024-11-24 08:30:00+07:00") == t);
    CHECK(parseIsoTimestamp("2024-11-24T08:30+07:00") == t);
    CHECK(parseIsoTimestamp("2024-11-23T20:30:00-05:00") == t);
    // No offset: the server's zone, Vietnam.
    CHECK(parseIsoTimestamp("2024-11-24T08:30:00") == t);
}

TEST_CASE("malformed timestamps are rejected", "[civil_date]") {
    for (const char* bad :
         {"", "2024-11-24", "2024-11-24T", "2024-13-01T00:00:00+07:00", "2023-02-29T00:00:00Z",
          "2024-11-24T24:00:00Z", "2024-11-24T08:60:00Z", "2024-11-24T08:30:00+07:00 ",
          "2024-11-24T08:30:00+07", "24-11-24T08:30:00Z", "2024/11/24T08:30:00Z", "null",
          "2024-11-24T08:30:00+25:00", "2024-11-24T08:30:00.Z", "２０２４-11-24T08:30:00Z"}) {
        INFO(bad);
        CHECK_FALSE(parseIsoTimestamp(bad));
    }
}

TEST_CASE("local date and time are Vietnam time", "[civil_date]") {
    int64_t lateEvening = utc(2024, 11, 24, 17, 30); // 00:30 on the 25th in Vietnam
    CHECK(localDateOf(lateEvening) == CivilDate{2024, 11, 25});
    CHECK(localMinuteOfDay(lateEvening) == 30);
    CHECK(localMidnightEpoch({2024, 11, 25}) == utc(2024, 11, 24, 17, 0));
    CHECK(localDateOf(-1) == CivilDate{1970, 1, 1}); // 06:59:59 local
}

TEST_CASE("plausible years are 2000 to 2100", "[civil_date]") {
    CHECK(isPlausibleEpoch(*parseIsoTimestamp("2000-01-01T00:00:00+07:00")));
    CHECK(isPlausibleEpoch(*parseIsoTimestamp("2100-12-31T23:59:59+07:00")));
    CHECK_FALSE(isPlausibleEpoch(*parseIsoTimestamp("1999-12-31T23:59:59+07:00")));
    CHECK_FALSE(isPlausibleEpoch(*parseIsoTimestamp("2101-01-01T00:00:00+07:00")));
}
