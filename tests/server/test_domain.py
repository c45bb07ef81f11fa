"""The server's domain facts come from assets/domain (shared with the app): statuses and their
words, the code pattern, the secret, the calendar's announced and make-up days."""
import datetime as dt
import unittest

import test_support  # noqa: F401  (puts src/ on sys.path)

from server import api_dossiers, domain, util, workdays  # noqa: E402


class DomainTests(unittest.TestCase):
    def test_status_names_are_the_apps_words(self):
        self.assertEqual(api_dossiers.status_name(6, "en"), "Fees/taxes due")
        self.assertEqual(api_dossiers.status_name(6, "vi"), "Yêu cầu thực hiện nghĩa vụ tài chính")
        self.assertEqual(sorted(domain.STATUS_WORDS), list(range(1, 11)))
        self.assertEqual(domain.STATUS_RATING_ALLOWED, {9, 10})

    def test_code_pattern(self):
        for code in ("000.00.12.H42-241124-0001", "000.00.12.H42-241124-10000", "A1.H420-000229-123456"):
            self.assertTrue(domain.CODE_RE.match(code), code)
        for code in ("not-a-code", "A-240101-0001", "000.00.12.H42-241324-0001", "000.00.12.H42-241124-001",
                     "0000.0000.0000.0000.0000.H42-241124-000001"):
            self.assertFalse(domain.CODE_RE.match(code), code)

    def test_secrets(self):
        self.assertEqual(len(util.new_secret()), domain.SECRET_LENGTH)
        self.assertTrue(domain.SECRET_RE.match(util.new_secret()))
        self.assertFalse(domain.SECRET_RE.match("ABCDE0"))

    def test_calendar(self):
        self.assertFalse(workdays.is_workday(dt.date(2025, 5, 2)))   # announced bridge day
        self.assertTrue(workdays.is_workday(dt.date(2025, 4, 26)))   # its make-up Saturday
        self.assertFalse(workdays.is_workday(dt.date(2028, 1, 31)))  # Tết 2028, moved from Saturday
        self.assertTrue(workdays.is_workday(dt.date(2028, 1, 24)))
        self.assertFalse(workdays.is_workday(dt.date(2031, 1, 1)))   # outside the table: fixed days only
        self.assertTrue(workdays.is_workday(dt.date(2031, 1, 2)))


if __name__ == "__main__":
    unittest.main()
