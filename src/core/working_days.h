// Working-day arithmetic for legal deadlines: Monday–Friday minus Vietnamese public holidays
// (fixed solar holidays, Tết and Hùng Kings day from a table, weekend compensation days).
#pragma once

#include "core/civil_date.h"

namespace motcua {

// Years for which the lunar holidays (Tết, Hùng Kings) are in the table. Outside this range only
// the solar holidays are known, so counts may be off by the lunar days.
constexpr int kFirstLunarTableYear = 2024;
constexpr int kLastLunarTableYear = 2030;

bool isWeekend(CivilDate c);
bool isPublicHoliday(CivilDate c);
bool isWorkingDay(CivilDate c);

// The n-th working day after `start` (n > 0) or before it (n < 0); n == 0 returns `start`.
CivilDate addWorkingDays(CivilDate start, int n);

// Working days in (a, b] when b > a, and minus the working days in (b, a] when b < a: so
// "today → due date" is positive while there is time left and negative once overdue.
int workingDaysBetween(CivilDate a, CivilDate b);

} // namespace motcua
