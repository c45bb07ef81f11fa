// Prints the app's working-day table for tests/core/workdays_crosscheck.py: for every start day
// 2024-01-01..2030-12-31 one line "start working? d1 .. d60", dN = the N-th working day after it.
#include <cstdio>

#include "core/civil_date.h"
#include "core/working_days.h"

using namespace motcua;

int main() {
    constexpr int kMaxLength = 60;
    for (CivilDate day{2024, 1, 1}; day <= CivilDate{2030, 12, 31}; day = addDays(day, 1)) {
        std::printf("%04d-%02d-%02d %d", day.y, day.m, day.d, isWorkingDay(day) ? 1 : 0);
        for (int n = 1; n <= kMaxLength; ++n) {
            const CivilDate due = addWorkingDays(day, n);
            std::printf(" %04d-%02d-%02d", due.y, due.m, due.d);
        }
        std::printf("\n");
    }
    return 0;
}
