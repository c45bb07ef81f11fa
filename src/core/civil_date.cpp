// Date arithmetic (Howard Hinnant's days-from-civil algorithms) and a strict hand-written
// ISO 8601 reader: no locale, no std::regex, nothing that can throw on hostile input.
#include "core/civil_date.h"

namespace motcua {

namespace {

int64_t floorDiv(int64_t a, int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool readDigits(std::string_view s, size_t& pos, int count, int& out) {
    if (pos + count > s.size()) return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    pos += count;
    out = v;
    return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
    if (pos >= s.size() || s[pos] != c) return false;
    ++pos;
    return true;
}

} // namespace

bool isLeapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    if (m == 2 && isLeapYear(y)) return 29;
    return kDays[m - 1];
}

bool isValidDate(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

int64_t daysFromCivil(CivilDate c) {
    int64_t y = c.y - (c.m <= 2 ? 1 : 0);
    int64_t era = floorDiv(y, 400);
    int64_t yoe = y - era * 400;
    int64_t mp = (c.m + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + c.d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(int64_t z) {
    z += 719468;
    int64_t era = floorDiv(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

CivilDate addDays(CivilDate c, int64_t days) {
    return civilFromDays(daysFromCivil(c) + days);
}

int weekday(CivilDate c) {
    int64_t z = daysFromCivil(c);
    return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

std::optional<int64_t> parseIsoTimestamp(std::string_view s) {
    if (s.size() > 64) return std::nullopt;
    size_t pos = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!readDigits(s, pos, 4, y) || !expect(s, pos, '-') || !readDigits(s, pos, 2, mo) ||
        !expect(s, pos, '-') || !readDigits(s, pos, 2, d))
        return std::nullopt;
    if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::nullopt;
    ++pos;
    if (!readDigits(s, pos, 2, h) || !expect(s, pos, ':') || !readDigits(s, pos, 2, mi))
        return std::nullopt;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!readDigits(s, pos, 2, sec)) return std::nullopt;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            size_t start = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
                ++pos;
            if (pos == start || pos - start > 9) return std::nullopt;
        }
    }
    int64_t offset = kVietnamOffsetSeconds;
    if (pos < s.size()) {
        char c = s[pos];
        if (c == 'Z' || c == 'z') {
            offset = 0;
            ++pos;
        } else if (c == '+' || c == '-') {
            ++pos;
            int oh = 0, om = 0;
            if (!readDigits(s, pos, 2, oh)) return std::nullopt;
            if (pos < s.size() && s[pos] == ':') ++pos;
            if (!readDigits(s, pos, 2, om)) return std::nullopt;
            if (oh > 14 || om > 59) return std::nullopt;
            offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    if (pos != s.size()) return std::nullopt;
    // 60 seconds is tolerated for leap seconds; 24:00 is not.
    if (!isValidDate(y, mo, d) || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    int64_t days = daysFromCivil(CivilDate{y, mo, d});
    return days * 86400 + h * 3600 + mi * 60 + sec - offset;
}

bool isPlausibleEpoch(int64_t epoch) {
    int y = localDateOf(epoch).y;
    return y >= kMinPlausibleYear && y <= kMaxPlausibleYear;
}

CivilDate localDateOf(int64_t epoch) {
    return civilFromDays(floorDiv(epoch + kVietnamOffsetSeconds, 86400));
}

int localMinuteOfDay(int64_t epoch) {
    int64_t local = epoch + kVietnamOffsetSeconds;
    int64_t secOfDay = local - floorDiv(local, 86400) * 86400;
    return static_cast<int>(secOfDay / 60);
}

int64_t localMidnightEpoch(CivilDate c) {
    return daysFromCivil(c) * 86400 - kVietnamOffsetSeconds;
}

} // namespace motcua
