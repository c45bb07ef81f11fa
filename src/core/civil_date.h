// Calendar dates and ISO 8601 timestamps. All dossier dates are shown in Vietnam time (+07:00,
// no DST), so a fixed offset is enough and we avoid depending on the device's time zone data.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace motcua {

constexpr int64_t kVietnamOffsetSeconds = 7 * 3600;
constexpr int kMinPlausibleYear = 2000;
constexpr int kMaxPlausibleYear = 2100;

struct CivilDate {
    int y = 1970;
    int m = 1;
    int d = 1;
    auto operator<=>(const CivilDate&) const = default;
};

bool isLeapYear(int y);
int daysInMonth(int y, int m); // 0 for an invalid month
bool isValidDate(int y, int m, int d);
inline bool isValidDate(CivilDate c) {
    return isValidDate(c.y, c.m, c.d);
}

// Days since 1970-01-01 (proleptic Gregorian), and back.
int64_t daysFromCivil(CivilDate c);
CivilDate civilFromDays(int64_t days);
CivilDate addDays(CivilDate c, int64_t days);
// 0 = Sunday ... 6 = Saturday.
int weekday(CivilDate c);

// "2024-11-24T08:30:00+07:00" (also Z, ±HHMM, fractional seconds, ' ' for 'T'; no offset means
// +07:00) → UTC epoch seconds. Rejects anything else, including impossible dates.
std::optional<int64_t> parseIsoTimestamp(std::string_view text);
// True when the timestamp's Vietnam-local year lies in [kMinPlausibleYear, kMaxPlausibleYear].
bool isPlausibleEpoch(int64_t epoch);

// Vietnam-local calendar date and minute of day for an epoch.
CivilDate localDateOf(int64_t epoch);
int localMinuteOfDay(int64_t epoch);
// Epoch of Vietnam-local midnight starting the given date.
int64_t localMidnightEpoch(CivilDate c);

} // namespace motcua
