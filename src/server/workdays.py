"""Working days in Viet Nam: Monday-Friday minus public holidays.

Holidays are a table per year (2024-2030).  2024-2026 follow the days off the
Government announced for civil servants (including swapped days); 2027-2030
apply the Labour Code 2019 (art. 112) to the lunar dates below: Tet = the last
day of the lunar year plus the first four days of the new year, Hung Kings
day (10/3 lunar), 30/4, 1/5, 2/9 plus one adjacent day, 1/1; a holiday falling
on a weekend is compensated on the next working day.  Re-check each year
against the Government's announcement and extend the table.
"""
import datetime as _dt

VN_TZ = _dt.timezone(_dt.timedelta(hours=7), "+07:00")
OFFICE_OPEN = _dt.time(7, 30)
OFFICE_CLOSE = _dt.time(17, 0)

# Lunar new year (Tet, 1/1 lunar) and Hung Kings commemoration (10/3 lunar).
LUNAR = {
    2024: ("2024-02-10", "2024-04-18"),
    2025: ("2025-01-29", "2025-04-07"),
    2026: ("2026-02-17", "2026-04-26"),
    2027: ("2027-02-06", "2027-04-16"),
    2028: ("2028-01-26", "2028-04-04"),
    2029: ("2029-02-13", "2029-04-23"),
    2030: ("2030-02-03", "2030-04-12"),
}

# Days off announced by the Government (weekdays only matter).
ANNOUNCED = {
    2024: ["2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13",
           "2024-02-14", "2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01",
           "2024-09-02", "2024-09-03"],
    2025: ["2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30",
           "2025-01-31", "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02",
           "2025-09-01", "2025-09-02"],
    2026: ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18",
           "2026-02-19", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01",
           "2026-09-01", "2026-09-02"],
}
# Saturdays worked in exchange for a bridge day.
EXTRA_WORKDAYS = {"2024-05-04", "2025-04-26"}

_d = _dt.date.fromisoformat


def _statutory(year):
    tet, hung = (_d(s) for s in LUNAR[year])
    days = [_d(f"{year}-01-01"), hung, _d(f"{year}-04-30"), _d(f"{year}-05-01"),
            _d(f"{year}-09-02")]
    sep2 = _d(f"{year}-09-02")
    # the adjacent day: Monday 1/9 when 2/9 is a Tuesday, else 3/9
    days.append(sep2 - _dt.timedelta(days=1) if sep2.weekday() == 1 else sep2 + _dt.timedelta(days=1))
    days += [tet + _dt.timedelta(days=k) for k in range(-1, 4)]
    out = set()
    for day in sorted(days):
        while day.weekday() >= 5 or day in out:
            day += _dt.timedelta(days=1)
        out.add(day)
    return out


def _build():
    table = {}
    for year in LUNAR:
        table[year] = {_d(s) for s in ANNOUNCED[year]} if year in ANNOUNCED else _statutory(year)
    return table


HOLIDAYS_BY_YEAR = _build()
HOLIDAYS = frozenset(d for s in HOLIDAYS_BY_YEAR.values() for d in s)
_EXTRA = frozenset(_d(s) for s in EXTRA_WORKDAYS)


def is_workday(day):
    if isinstance(day, _dt.datetime):
        day = day.date()
    if day in _EXTRA:
        return True
    return day.weekday() < 5 and day not in HOLIDAYS


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
