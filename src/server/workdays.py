"""Working days in Viet Nam: Monday-Friday minus public holidays, plus make-up Saturdays.

The calendar (days off and make-up working days of each year it lists, and the fixed days known
for other years) is assets/domain/calendar.json, which the app embeds too.
"""
import datetime as _dt

from . import domain

VN_TZ = _dt.timezone(_dt.timedelta(hours=7), "+07:00")
OFFICE_OPEN = _dt.time(7, 30)
OFFICE_CLOSE = _dt.time(17, 0)

_d = _dt.date.fromisoformat
_CALENDAR = domain.load("calendar")
FIRST_YEAR = _CALENDAR["first_year"]
LAST_YEAR = _CALENDAR["last_year"]
HOLIDAYS = frozenset(_d(s) for y in _CALENDAR["years"].values() for s in y["days_off"])
_EXTRA = frozenset(_d(s) for y in _CALENDAR["years"].values() for s in y["make_up_working_days"])
# (month, day) pairs
_FIXED_OUTSIDE = frozenset(tuple(int(p) for p in s.split("-")) for s in _CALENDAR["outside_years"]["days_off"])


def is_workday(day):
    if isinstance(day, _dt.datetime):
        day = day.date()
    if day in _EXTRA:
        return True
    if day.weekday() >= 5:
        return False
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return day not in HOLIDAYS
    return (day.month, day.day) not in _FIXED_OUTSIDE


def next_workday(day):
    """The first working day on or after `day`."""
    while not is_workday(day):
        day += _dt.timedelta(days=1)
    return day


def add_workdays(day, n):
    """The n-th working day after `day` (n=0: `day` itself if working, else the next)."""
    day = next_workday(day)
    while n > 0:
        day += _dt.timedelta(days=1)
        if is_workday(day):
            n -= 1
    return day


def sub_workdays(day, n):
    """The n-th working day before `day` (n=0: `day` itself if working, else the previous)."""
    while not is_workday(day):
        day -= _dt.timedelta(days=1)
    while n > 0:
        day -= _dt.timedelta(days=1)
        if is_workday(day):
            n -= 1
    return day


def due_at(received_at, days):
    """Due moment for a dossier received at `received_at` with `days` working days:
    the end of office hours of the `days`-th working day after the day of receipt
    (a receipt after closing time, or on a day off, counts from the next working day)."""
    local = received_at.astimezone(VN_TZ)
    start = local.date()
    if not is_workday(start) or local.time() >= OFFICE_CLOSE:
        start = next_workday(start + _dt.timedelta(days=1))
    end = add_workdays(start, days)
    return _dt.datetime.combine(end, OFFICE_CLOSE, VN_TZ)


def workdays_between(a, b):
    """Number of working days in (a, b] (dates)."""
    if b <= a:
        return 0
    n, day = 0, a
    while day < b:
        day += _dt.timedelta(days=1)
        if is_workday(day):
            n += 1
    return n
