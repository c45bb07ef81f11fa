// Days off and make-up days are looked up in the embedded calendar (sorted day numbers).
#include "core/working_days.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "core/domain_facts.h"

namespace motcua {

namespace {

bool contains(const std::vector<int64_t>& sorted, int64_t z) {
    return std::binary_search(sorted.begin(), sorted.end(), z);
}

bool isHolidayNumber(int64_t z) {
    const CalendarFacts& calendar = domainFacts().calendar;
    const CivilDate c = civilFromDays(z);
    if (c.y >= calendar.firstYear && c.y <= calendar.lastYear) return contains(calendar.daysOff, z);
    for (const auto& [month, day] : calendar.daysOffOutsideYears)
        if (c.m == month && c.d == day) return true;
    return false;
}

bool isWorkingDayNumber(int64_t z) {
    if (contains(domainFacts().calendar.makeUpWorkingDays, z)) return true;
    int wd = weekday(civilFromDays(z));
    if (wd == 0 || wd == 6) return false;
    return !isHolidayNumber(z);
}

// Counts working days in (from, to] for from <= to; loops are bounded by the date range the
// parsers allow (years 2000–2100), and clamped here anyway.
int countWorkingDays(int64_t from, int64_t to) {
    constexpr int64_t kMaxSpan = 400 * 366;
    if (to - from > kMaxSpan) to = from + kMaxSpan;
    int count = 0;
    for (int64_t z = from + 1; z <= to; ++z)
        if (isWorkingDayNumber(z)) ++count;
    return count;
}

} // namespace

bool isWeekend(CivilDate c) {
    int wd = weekday(c);
    return wd == 0 || wd == 6;
}

bool isPublicHoliday(CivilDate c) {
    return isHolidayNumber(daysFromCivil(c));
}

bool isWorkingDay(CivilDate c) {
    return isWorkingDayNumber(daysFromCivil(c));
}

CivilDate addWorkingDays(CivilDate start, int n) {
    constexpr int kMaxSteps = 100000;
    n = std::clamp(n, -kMaxSteps, kMaxSteps);
    int64_t z = daysFromCivil(start);
    int step = n > 0 ? 1 : -1;
    for (int left = std::abs(n); left > 0;) {
        z += step;
        if (isWorkingDayNumber(z)) --left;
    }
    return civilFromDays(z);
}

int workingDaysBetween(CivilDate a, CivilDate b) {
    int64_t za = daysFromCivil(a);
    int64_t zb = daysFromCivil(b);
    if (zb >= za) return countWorkingDays(za, zb);
    return -countWorkingDays(zb, za);
}

} // namespace motcua
