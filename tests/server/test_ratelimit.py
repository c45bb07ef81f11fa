"""Failed lookups are rate-limited per client address (own server: the limit is per process)."""
import unittest

from test_support import ServerCase


class RateLimitTests(ServerCase):
    def test_eleventh_failed_lookup_gets_429(self):
        d = self.client.new_dossier()
        for i in range(10):
            status, obj, _ = self.client.json("POST", "/api/v1/dossiers/lookup",
                                              {"code": f"000.00.12.H42-200101-{i:04d}", "secret": "ABCDEF"})
            self.assertError(status, obj, 404, "not_found")
        status, obj, headers = self.client.json("POST", "/api/v1/dossiers/lookup",
                                                {"code": "000.00.12.H42-200101-0099", "secret": "ABCDEF"})
        self.assertError(status, obj, 429, "too_many_attempts")
        retry = int(headers["Retry-After"])
        self.assertTrue(1 <= retry <= 60, retry)
        # while blocked, even the right secret is refused: probing gains nothing
        status, obj, _ = self.client.json("POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": d["secret"]})
        self.assertError(status, obj, 429, "too_many_attempts")
        # request status lookups share the budget
        status, obj, _ = self.client.json("GET", "/api/v1/requests/1", token="WRONGWRONG")
        self.assertError(status, obj, 429, "too_many_attempts")
        # other endpoints still answer
        status, _, _ = self.client.json("GET", "/api/v1/health")
        self.assertEqual(status, 200)


if __name__ == "__main__":
    unittest.main()
