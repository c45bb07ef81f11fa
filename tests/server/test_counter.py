"""Counter terminals: the back office sets the dossier just handled at counter n,
the tablet polls it and rates it once."""
import json
import sqlite3
import threading
import time
import unittest

from test_support import ServerCase

from server import schema  # noqa: E402  (src/ is on sys.path via test_support)

RATING = {"overall": "very_satisfied"}


class CounterTests(ServerCase):
    def set_counter(self, n, code):
        return self.client.admin("POST", f"/api/v1/admin/counters/{n}/current", {"code": code})

    def counter(self, n, query=""):
        status, obj, _ = self.client.tablet_json("GET", f"/api/v1/counters/{n}{query}")
        self.assertEqual(status, 200, obj)
        return obj

    def rate(self, n, token, key, **extra):
        body = dict(RATING, counter_token=token, idempotency_key=key, **extra)
        return self.client.tablet_json("POST", f"/api/v1/counters/{n}/rating", body)

    def test_unset_counter_and_bad_numbers(self):
        self.assertEqual(self.counter(98), {"counter": 98, "version": 0, "dossier": None, "counter_token": None,
                                            "expires_in": None})
        for n in ("0", "100", "abc", "1.5", "-1", "007"):
            status, obj, _ = self.client.json("GET", f"/api/v1/counters/{n}", token=self.client.counter_device(98))
            self.assertError(status, obj, 404, "not_found")

    def test_only_the_counters_own_tablet_reads_and_rates(self):
        # Anyone could otherwise read which dossier was just handled and rate it before the citizen.
        d = self.client.new_dossier("1.001193")
        self.set_counter(20, d["code"])
        token = self.counter(20)["counter_token"]
        for secret in (None, "", "wrong-secret", self.client.counter_device(21)):
            status, obj, headers = self.client.json("GET", "/api/v1/counters/20", token=secret)
            self.assertError(status, obj, 401, "device_unauthorized")
            self.assertEqual(headers["WWW-Authenticate"], "Bearer")
            status, obj, _ = self.client.json("POST", "/api/v1/counters/20/rating",
                                              dict(RATING, counter_token=token, idempotency_key="x"), token=secret)
            self.assertError(status, obj, 401, "device_unauthorized")
        # a new credential replaces the old one: a lost tablet is shut out
        old = self.client.counter_device(20)
        status, issued, _ = self.client.admin("POST", "/api/v1/admin/counters/20/device")
        self.assertEqual(status, 201, issued)
        self.assertEqual(issued["setup_url"], f"/?mode=counter&counter=20#device={issued['device_secret']}")
        self.assertGreaterEqual(len(issued["device_secret"]), 40)
        status, obj, _ = self.client.json("GET", "/api/v1/counters/20", token=old)
        self.assertError(status, obj, 401, "device_unauthorized")
        status, obj, _ = self.client.json("GET", "/api/v1/counters/20", token=issued["device_secret"])
        self.assertEqual((status, obj["dossier"]["rating_eligible"]), (200, True))
        # only the back office issues credentials
        status, obj, _ = self.client.json("POST", "/api/v1/admin/counters/20/device", token=old)
        self.assertError(status, obj, 401, "unauthorized")
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/counters/100/device")
        self.assertError(status, obj, 404, "not_found")

    def test_admin_sets_counter_and_public_state_is_minimal(self):
        d = self.client.new_dossier("1.001193")  # status 2: just received at the counter
        status, obj, _ = self.set_counter(1, d["code"].lower())
        self.assertEqual(status, 200, obj)
        self.assertEqual((obj["counter"], obj["code"]), (1, d["code"]))
        state = self.counter(1, "?lang=en")
        self.assertEqual(set(state), {"counter", "version", "dossier", "counter_token", "expires_in"})
        self.assertEqual(state["version"], obj["version"])
        dossier = state["dossier"]
        self.assertEqual(set(dossier), {"code_masked", "procedure", "agency", "rating_eligible", "rated"})
        self.assertEqual(dossier["code_masked"], "…-" + d["code"].rsplit("-", 1)[1])
        self.assertEqual(dossier["procedure"]["name"], "Birth registration")
        self.assertEqual(dossier["procedure"]["names"]["vi"], "Đăng ký khai sinh")
        self.assertEqual(set(dossier["agency"]), {"name", "names"})
        self.assertEqual((dossier["rating_eligible"], dossier["rated"]), (True, False))
        text = json.dumps(state, ensure_ascii=False)
        for secret in (d["code"], d["secret"], "Nguyễn", "N. V. A", "Văn"):
            self.assertNotIn(secret, text)
        self.assertGreater(len(state["counter_token"]), 20)

    def test_admin_errors(self):
        d = self.client.new_dossier()
        status, obj, _ = self.client.json("POST", "/api/v1/admin/counters/2/current", {"code": d["code"]})
        self.assertError(status, obj, 401, "unauthorized")
        status, obj, _ = self.set_counter(2, "000.00.12.H42-200101-9999")
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.set_counter(2, "garbage")
        self.assertError(status, obj, 422, "invalid_field")
        status, obj, _ = self.set_counter(100, d["code"])
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/counters/2/current", {})
        self.assertError(status, obj, 422, "missing_field")
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/counters/2/current", {"code": d["code"], "x": 1})
        self.assertError(status, obj, 422, "unknown_field")
        # null clears the counter
        self.assertEqual(self.set_counter(2, d["code"])[0], 200)
        self.assertIsNotNone(self.counter(2)["dossier"])
        status, obj, _ = self.set_counter(2, None)
        self.assertEqual((status, obj["code"]), (200, None))
        self.assertEqual(self.counter(2)["dossier"], None)

    def test_rate_once_replay_and_conflict(self):
        d = self.client.new_dossier()  # status 2: counter ratings are allowed in any status
        self.set_counter(3, d["code"])
        state = self.counter(3)
        status, first, _ = self.rate(3, state["counter_token"], "tablet-3-a",
                                     criteria={"attitude": "very_satisfied"}, comment="Cán bộ nhiệt tình")
        self.assertEqual(status, 201, first)
        self.assertEqual(first["counter"], 3)
        self.assertEqual(first["rating"]["overall"], "very_satisfied")
        self.assertIsNone(first["rating"]["visits"])  # not asked at the counter
        self.assertEqual(first["rating"]["comment"], "Cán bộ nhiệt tình")
        status, again, _ = self.rate(3, state["counter_token"], "tablet-3-a")
        self.assertEqual((status, again), (200, first))
        status, obj, _ = self.rate(3, state["counter_token"], "tablet-3-b")
        self.assertError(status, obj, 409, "already_rated")
        after = self.counter(3)
        self.assertGreater(after["version"], state["version"])
        self.assertEqual((after["dossier"]["rated"], after["dossier"]["rating_eligible"]), (True, False))
        # the citizen's app sees the one rating and cannot add another
        token, payload = self.client.lookup(d["code"], d["secret"])
        self.assertEqual(payload["rating"], first["rating"])
        self.assertFalse(payload["rating_eligible"])

    def test_app_rating_blocks_counter_rating(self):
        code, _, token = self.ready_dossier()
        status, _, _ = self.client.json("POST", f"/api/v1/dossiers/{code}/rating",
                                        {"idempotency_key": "app-1", "overall": "satisfied", "visits": "0"},
                                        token=token)
        self.assertEqual(status, 201)
        self.set_counter(4, code)
        state = self.counter(4)
        self.assertTrue(state["dossier"]["rated"])
        status, obj, _ = self.rate(4, state["counter_token"], "tablet-4-a")
        self.assertError(status, obj, 409, "already_rated")

    def test_stale_token_after_counter_moves_on(self):
        a, b = self.client.new_dossier(), self.client.new_dossier()
        self.set_counter(5, a["code"])
        old = self.counter(5)["counter_token"]
        self.set_counter(5, b["code"])
        status, obj, _ = self.rate(5, old, "tablet-5-a")
        self.assertError(status, obj, 409, "stale")
        # nothing was stored for either dossier
        _, payload_a = self.client.lookup(a["code"], a["secret"])
        self.assertIsNone(payload_a["rating"])
        status, _, _ = self.rate(5, self.counter(5)["counter_token"], "tablet-5-b")
        self.assertEqual(status, 201)
        # a replay of a rating that did arrive is still 200 after the counter moved on
        token_b = self.counter(5)["counter_token"]
        self.set_counter(5, a["code"])
        status, obj, _ = self.rate(5, token_b, "tablet-5-b")
        self.assertEqual(status, 200, obj)

    def test_token_is_bound_to_its_counter_and_unforgeable(self):
        d = self.client.new_dossier()
        self.set_counter(6, d["code"])
        self.set_counter(7, d["code"])
        token6 = self.counter(6)["counter_token"]
        status, obj, _ = self.rate(7, token6, "tablet-7-a")
        self.assertError(status, obj, 401, "unauthorized")
        for bad in ("x", "", "A" * 300, token6[:-2] + ("AA" if token6[-2:] != "AA" else "BB"), "ü" * 30):
            status, obj, _ = self.rate(6, bad, "tablet-6-x")
            self.assertIn(status, (401, 422), obj)
        status, _, _ = self.rate(6, token6, "tablet-6-a")
        self.assertEqual(status, 201)

    def test_validation(self):
        d = self.client.new_dossier()
        self.set_counter(8, d["code"])
        token = self.counter(8)["counter_token"]
        cases = [({"idempotency_key": "k", "overall": "ok"}, "invalid_field"),
                 ({"idempotency_key": "k"}, "missing_field"),
                 ({"overall": "satisfied"}, "missing_field"),
                 ({"idempotency_key": "k", "overall": "satisfied", "visits": 5}, "invalid_field"),
                 ({"idempotency_key": "k", "overall": "satisfied", "comment": "x" * 1001}, "invalid_field"),
                 ({"idempotency_key": "k", "overall": "satisfied", "criteria": {"speed": "satisfied"}},
                  "unknown_field"),
                 ({"idempotency_key": "k", "overall": "satisfied", "owner": "x"}, "unknown_field")]
        for body, code in cases:
            status, obj, _ = self.client.tablet_json("POST", "/api/v1/counters/8/rating", dict(body, counter_token=token))
            self.assertError(status, obj, 422, code)
        status, obj, _ = self.client.tablet_json("POST", "/api/v1/counters/8/rating",
                                          {"counter_token": token, "idempotency_key": "k", "overall": "satisfied",
                                           "visits": "more", "comment": "x" * 1000})
        self.assertEqual((status, obj["rating"]["visits"]), (201, "more"))

    def test_long_poll_wakes_when_the_counter_changes(self):
        d = self.client.new_dossier()
        version = self.counter(9)["version"]
        status, obj, _ = self.client.tablet_json("GET", f"/api/v1/counters/9?since={version}&timeout=0.2")
        self.assertEqual((status, obj["version"]), (200, version))
        result = {}

        def poll():
            t0 = time.monotonic()
            result["obj"] = self.counter(9, f"?since={version}&timeout=20")
            result["elapsed"] = time.monotonic() - t0

        t = threading.Thread(target=poll)
        t.start()
        time.sleep(0.3)
        self.set_counter(9, d["code"])
        t.join(10)
        self.assertFalse(t.is_alive())
        self.assertLess(result["elapsed"], 5)
        self.assertGreater(result["obj"]["version"], version)
        self.assertIsNotNone(result["obj"]["dossier"])
        status, obj, _ = self.client.tablet_json("GET", "/api/v1/counters/9?since=x")
        self.assertError(status, obj, 400, "invalid_parameter")

    def test_stats_count_counter_ratings(self):
        d = self.client.new_dossier("1.001193")
        agency = d["agency_code"]

        def agency_stats():
            _, obj, _ = self.client.json("GET", "/api/v1/stats")
            return next(s for s in obj["items"] if s["agency"]["code"] == agency)

        before = agency_stats()
        self.set_counter(10, d["code"])
        status, _, _ = self.client.tablet_json("POST", "/api/v1/counters/10/rating",
                                        {"counter_token": self.counter(10)["counter_token"],
                                         "idempotency_key": "stats-1", "overall": "dissatisfied"})
        self.assertEqual(status, 201)
        after = agency_stats()
        self.assertEqual(after["ratings"], before["ratings"] + 1)
        satisfied = round(after["satisfaction_rate"] * after["ratings"] / 100)
        self.assertEqual(satisfied, round((before["satisfaction_rate"] or 0) * before["ratings"] / 100))

    def test_rating_attempts_are_rate_limited(self):
        d = self.client.new_dossier()
        self.set_counter(11, d["code"])
        token = self.counter(11)["counter_token"]
        for i in range(10):
            status, obj, _ = self.rate(11, token, f"tablet-11-{i}")
            self.assertIn(status, (201, 409), obj)
        status, obj, headers = self.rate(11, token, "tablet-11-x")
        self.assertError(status, obj, 429, "too_many_attempts")
        self.assertTrue(1 <= int(headers["Retry-After"]) <= 60)
        # other counters are not affected
        self.set_counter(12, d["code"])
        status, obj, _ = self.rate(12, self.counter(12)["counter_token"], "tablet-12-a")
        self.assertError(status, obj, 409, "already_rated")


class CounterRestartTests(ServerCase):
    def test_counter_and_token_survive_restart(self):
        d = self.client.new_dossier()
        self.client.admin("POST", "/api/v1/admin/counters/1/current", {"code": d["code"]})
        _, state, _ = self.client.tablet_json("GET", "/api/v1/counters/1")
        self.server.stop()
        type(self).server = self.server.__class__(self.data_dir, self.app_dir, port=self.server.port).start()
        _, again, _ = self.client.tablet_json("GET", "/api/v1/counters/1")
        self.assertEqual((again["version"], again["dossier"]), (state["version"], state["dossier"]))
        status, obj, _ = self.client.tablet_json("POST", "/api/v1/counters/1/rating",
                                          {"counter_token": state["counter_token"], "idempotency_key": "r-1",
                                           "overall": "satisfied"})
        self.assertEqual(status, 201, obj)


class MigrationTests(unittest.TestCase):
    def test_existing_ratings_survive_migration_3(self):
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute("PRAGMA foreign_keys=ON")
        for number, sql in enumerate(schema.MIGRATIONS[:2], start=1):
            for statement in sql.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("INSERT INTO agencies VALUES('A','a','a',NULL,NULL)")
        conn.execute("INSERT INTO procedures VALUES('P','p','p','f','f','A',1,'[]','[]','',0)")
        conn.execute("INSERT INTO dossiers(id,code,secret,procedure_code,agency_code,owner_name,channel,received_at,"
                     "original_due_at,due_at,status,updated_at) VALUES(7,'A-240101-0001','S','P','A','N','counter',"
                     "'t','t','t',10,'t')")
        conn.execute("INSERT INTO dossiers(id,code,secret,procedure_code,agency_code,owner_name,channel,received_at,"
                     "original_due_at,due_at,status,updated_at) VALUES(8,'A-240101-0002','S','P','A','N','counter',"
                     "'t','t','t',2,'t')")
        conn.execute("INSERT INTO ratings VALUES(3,7,'key','satisfied','satisfied',NULL,NULL,'1','ok','t')")
        self.assertEqual(schema.migrate(conn), len(schema.MIGRATIONS))
        row = conn.execute("SELECT id, dossier_id, idempotency_key, overall, attitude, visits, comment, channel,"
                           " counter FROM ratings").fetchall()
        self.assertEqual(row, [(3, 7, "key", "satisfied", "satisfied", "1", "ok", "app", None)])
        with self.assertRaises(sqlite3.IntegrityError):  # still one rating per dossier
            conn.execute("INSERT INTO ratings(dossier_id,idempotency_key,overall,created_at) VALUES(7,'k2','satisfied','t')")
        with self.assertRaises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO ratings(dossier_id,idempotency_key,overall,created_at,channel)"
                         " VALUES(8,'k3','satisfied','t','kiosk')")
        conn.execute("INSERT INTO ratings(dossier_id,idempotency_key,overall,created_at,channel,counter)"
                     " VALUES(8,'k4','satisfied','t','counter',3)")  # visits may be null now


if __name__ == "__main__":
    unittest.main()
