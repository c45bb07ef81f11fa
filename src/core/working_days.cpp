// Holiday table for 2000–2100 built once; lunar dates come from published calendars
// (Tết = first day of the lunar year; Hùng Kings = 10th day of the 3rd lunar month).
#include "core/working_days.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace motcua {

namespace {

struct LunarYear {
    int year;
    CivilDate tet;
    CivilDate hungKings;
};

constexpr LunarYear kLunarYears[] = {
    {2024, {2024, 2, 10}, {2024, 4, 18}}, {2025, {2025, 1, 29}, {2025, 4, 7}},
    {2026, {2026, 2, 17}, {2026, 4, 26}}, {2027, {2027, 2, 6}, {2027, 4, 16}},
    {2028, {2028, 1, 26}, {2028, 4, 4}},  {2029, {2029, 2, 13}, {2029, 4, 23}},
    {2030, {2030, 2, 3}, {2030, 4, 12}},
};

// The National Day holiday is 2/9 plus one adjacent day the government picks each year; known
// years first, otherwise the day that bridges to a weekend.
CivilDate nationalDayCompanion(int year) {
    if (year == 2024) return {2024, 9, 3};
    if (year == 2025) return {2025, 9, 1};
    int wd = weekday(CivilDate{year, 9, 2});
    if (wd == 1 || wd == 4) return {year, 9, 3}; // Monday → Tuesday; Thursday → Friday
    return {year, 9, 1};
}

constexpr int kTableFirstYear = 2000;
constexpr int kTableLastYear = 2100;

std::vector<int64_t> buildHolidays() {
    std::vector<int64_t> days;
    auto isWeekendDay = [](int64_t z) {
        int wd = weekday(civilFromDays(z));
        return wd == 0 || wd == 6;
    };
    for (int y = kTableFirstYear; y <= kTableLastYear; ++y) {
        std::vector<int64_t> year;
        year.push_back(daysFromCivil({y, 1, 1}));
        year.push_back(daysFromCivil({y, 4, 30}));
        year.push_back(daysFromCivil({y, 5, 1}));
        year.push_back(daysFromCivil({y, 9, 2}));
        year.push_back(daysFromCivil(nationalDayCompanion(y)));
        for (const LunarYear& l : kLunarYears) {
            if (l.year != y) continue;
            // Five days around the new year (two before, two after), as the Labour Code's five
            // Tết days are usually placed.
            int64_t tet = daysFromCivil(l.tet);
            for (int64_t z = tet - 2; z <= tet + 2; ++z)
                year.push_back(z);
            year.push_back(daysFromCivil(l.hungKings));
        }
        std::sort(year.begin(), year.end());
        year.erase(std::unique(year.begin(), year.end()), year.end());
        // A holiday on a weekend is compensated by the next working day.
        std::vector<int64_t> compensation;
        for (int64_t z : year) {
            if (!isWeekendDay(z)) continue;
            int64_t next = z + 1;
            while (isWeekendDay(next) || std::binary_search(year.begin(), year.end(), next) ||
                   std::find(compensation.begin(), compensation.end(), next) != compensation.end())
                ++next;
            compensation.push_back(next);
        }
        days.insert(days.end(), year.begin(), year.end());
        days.insert(days.end(), compensation.begin(), compensation.end());
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

const std::vector<int64_t>& holidays() {
    static const std::vector<int64_t> kHolidays = buildHolidays();
    return kHolidays;
}

bool isWorkingDayNumber(int64_t z) {
    int wd = weekday(civilFromDays(z));
    if (wd == 0 || wd == 6) return false;
    const auto& h = holidays();
    return !std::binary_search(h.begin(), h.end(), z);
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
    const auto& h = holidays();
    return std::binary_search(h.begin(), h.end(), daysFromCivil(c));
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
