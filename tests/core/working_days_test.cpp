// Legal deadlines count working days: weekends, fixed holidays, Tết, Hùng Kings, compensation,
// announced bridge days and make-up Saturdays (assets/domain/calendar.json).
#include <catch2/catch.hpp>

#include "core/working_days.h"

using namespace motcua;

TEST_CASE("weekends are not working days", "[working_days]") {
    CHECK_FALSE(isWorkingDay({2024, 11, 23})); // Saturday
    CHECK_FALSE(isWorkingDay({2024, 11, 24})); // Sunday
    CHECK(isWorkingDay({2024, 11, 25}));
    CHECK(isWeekend({2024, 11, 23}));
    CHECK_FALSE(isPublicHoliday({2024, 11, 23}));
}

TEST_CASE("fixed public holidays", "[working_days]") {
    CHECK(isPublicHoliday({2025, 1, 1}));
    CHECK(isPublicHoliday({2025, 4, 30}));
    CHECK(isPublicHoliday({2025, 5, 1}));
    CHECK(isPublicHoliday({2025, 9, 2}));
    CHECK(isPublicHoliday({2025, 9, 1})); // the adjacent day chosen for 2025
    CHECK(isPublicHoliday({2024, 9, 3})); // ... and for 2024
    CHECK_FALSE(isPublicHoliday({2024, 9, 4}));
    CHECK(isPublicHoliday({2040, 9, 2})); // fixed holidays are known for any year
}

TEST_CASE("Tết days off as announced or by the Labour Code", "[working_days]") {
    for (int d = 27; d <= 31; ++d)
        CHECK_FALSE(isWorkingDay({2025, 1, d}));
    CHECK(isWorkingDay({2025, 1, 24}));
    CHECK(isWorkingDay({2025, 2, 3}));
    // Tết 2024 fell on a Saturday: the official break was 8–14 February.
    for (int d : {8, 9, 12, 13, 14})
        CHECK_FALSE(isWorkingDay({2024, 2, d}));
    CHECK(isWorkingDay({2024, 2, 7}));
    CHECK(isWorkingDay({2024, 2, 15}));
    // Tết 2026 is Tuesday 17 February: 16–20 off.
    for (int d = 16; d <= 20; ++d)
        CHECK_FALSE(isWorkingDay({2026, 2, d}));
    CHECK(isWorkingDay({2026, 2, 23}));
    // Tết 2028 is Wednesday 26 January: from the day before, five days, Saturday 29 moved to
    // Monday 31; Monday 24 is a working day.
    for (int d : {25, 26, 27, 28, 31})
        CHECK_FALSE(isWorkingDay({2028, 1, d}));
    CHECK(isWorkingDay({2028, 1, 24}));
    CHECK(isWorkingDay({2028, 2, 1}));
}

TEST_CASE("announced bridge days are off and their make-up Saturdays are worked",
          "[working_days]") {
    // 2025: Friday 2 May off, worked on Saturday 26 April; 2024: Monday 29 April for Saturday 4
    // May.
    CHECK_FALSE(isWorkingDay({2025, 5, 2}));
    CHECK(isWorkingDay({2025, 4, 26}));
    CHECK(isWeekend({2025, 4, 26}));
    CHECK_FALSE(isWorkingDay({2024, 4, 29}));
    CHECK(isWorkingDay({2024, 5, 4}));
    CHECK_FALSE(isWorkingDay({2025, 4, 27})); // the Sunday after stays off
}

TEST_CASE("Hùng Kings commemoration from the lunar table", "[working_days]") {
    CHECK(isPublicHoliday({2024, 4, 18}));
    CHECK(isPublicHoliday({2025, 4, 7}));
    // 2026 falls on Sunday 26 April; Monday 27 is the compensation day.
    CHECK(isPublicHoliday({2026, 4, 27}));
    CHECK(isPublicHoliday({2030, 4, 12}));
}

TEST_CASE("adding working days skips weekends and holidays", "[working_days]") {
    CHECK(addWorkingDays({2024, 11, 22}, 1) == CivilDate{2024, 11, 25}); // Friday → Monday
    CHECK(addWorkingDays({2024, 11, 25}, 4) == CivilDate{2024, 11, 29});
    CHECK(addWorkingDays({2024, 11, 25}, 5) == CivilDate{2024, 12, 2});
    CHECK(addWorkingDays({2025, 1, 24}, 1) == CivilDate{2025, 2, 3}); // over Tết
    CHECK(addWorkingDays({2024, 11, 25}, 0) == CivilDate{2024, 11, 25});
    CHECK(addWorkingDays({2024, 11, 25}, -1) == CivilDate{2024, 11, 22});
    CHECK(addWorkingDays({2025, 4, 29}, 1) == CivilDate{2025, 5, 5});  // over 30/4, 1/5 and 2/5
    CHECK(addWorkingDays({2025, 4, 25}, 1) == CivilDate{2025, 4, 26}); // a make-up Saturday
}

TEST_CASE("working days between dates are signed", "[working_days]") {
    CHECK(workingDaysBetween({2024, 11, 25}, {2024, 11, 25}) == 0);
    CHECK(workingDaysBetween({2024, 11, 25}, {2024, 11, 29}) == 4);
    CHECK(workingDaysBetween({2024, 11, 29}, {2024, 11, 25}) == -4);
    CHECK(workingDaysBetween({2024, 11, 22}, {2024, 11, 25}) == 1); // weekend in between
    CHECK(workingDaysBetween({2024, 11, 23}, {2024, 11, 24}) == 0); // only weekend
    CHECK(workingDaysBetween({2025, 1, 24}, {2025, 2, 3}) == 1);
    for (int n = -30; n <= 30; ++n) {
        CivilDate start{2024, 12, 2};
        REQUIRE(workingDaysBetween(start, addWorkingDays(start, n)) == n);
    }
}
