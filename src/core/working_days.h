// Working-day arithmetic for legal deadlines: Monday–Friday minus Vietnamese public holidays, plus
// make-up Saturdays, from the calendar in assets/domain/calendar.json (the server uses it too).
#pragma once

#include "core/civil_date.h"

namespace motcua {

bool isWeekend(CivilDate c);
// A listed day off; outside the calendar's years only the fixed solar holidays are known, so
// counts there may be off by the lunar and moved days.
bool isPublicHoliday(CivilDate c);
bool isWorkingDay(CivilDate c);

// The n-th working day after `start` (n > 0) or before it (n < 0); n == 0 returns `start`.
CivilDate addWorkingDays(CivilDate start, int n);

// Working days in (a, b] when b > a, and minus the working days in (b, a] when b < a: so
// "today → due date" is positive while there is time left and negative once overdue.
int workingDaysBetween(CivilDate a, CivilDate b);

} // namespace motcua
