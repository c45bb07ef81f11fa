#!/usr/bin/env python3
"""Working days must count alike on the phone and on the server: runs the app's table
(workdays_table, built by CMake) and computes the same table with src/server/workdays.py, which
needs only the standard library (any python3 will do). Usage: workdays_crosscheck.py TABLE_TOOL"""
import datetime as dt
import hashlib
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "src"))
from server import workdays  # noqa: E402

FIRST, LAST, MAX_LENGTH = dt.date(2024, 1, 1), dt.date(2030, 12, 31), 60


def nth_working_day_after(day, n):
    # The server's add_workdays counts from `day` when it is a working day, else from the next
    # one (a dossier received on a day off is received on the next working day).
    return workdays.add_workdays(day, n if workdays.is_workday(day) else n - 1)


def server_table():
    lines, day = [], FIRST
    while day <= LAST:
        due = [nth_working_day_after(day, n).isoformat() for n in range(1, MAX_LENGTH + 1)]
        lines.append(" ".join([day.isoformat(), "1" if workdays.is_workday(day) else "0"] + due))
        day += dt.timedelta(days=1)
    return lines


def main():
    app = subprocess.run([sys.argv[1]], check=True, capture_output=True, text=True).stdout.splitlines()
    server = server_table()
    differ = [(a, s) for a, s in zip(app, server) if a != s]
    if len(app) != len(server) or differ:
        print(f"app {len(app)} lines, server {len(server)} lines, {len(differ)} differ; first ones:")
        for a, s in differ[:5]:
            app_cols, server_cols = a.split(), s.split()
            col = next(i for i, (x, y) in enumerate(zip(app_cols, server_cols)) if x != y)
            what = "working day?" if col == 1 else f"{col - 1} working days after"
            print(f"  {app_cols[0]} {what}: app {app_cols[col]}, server {server_cols[col]}")
        return 1
    digest = hashlib.sha256("\n".join(app).encode()).hexdigest()[:16]
    print(f"{len(app)} start days x {MAX_LENGTH} lengths agree (sha256 {digest})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
