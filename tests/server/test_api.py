"""Status API: every endpoint and its errors, against a real serve.py."""
import datetime as dt
import json
import re
import threading
import time
import unittest

from test_support import ADMIN, ServerCase

from server import workdays  # noqa: E402  (src/ is on sys.path via test_support)

PAYLOAD_KEYS = {"code", "version", "procedure", "agency", "owner", "channel", "received_at", "due_at",
                "original_due_at", "due_history", "status", "status_name", "status_note", "holder", "completed_at",
                "returned_at", "steps", "supplements", "fees", "payment_account", "results", "rating_eligible", "rating",
                "updated_at"}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")
CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$")


class CatalogueTests(ServerCase):
    def test_health(self):
        status, obj, headers = self.client.json("GET", "/api/v1/health")
        self.assertEqual(status, 200)
        self.assertEqual(obj["status"], "ok")
        self.assertTrue(ISO.match(obj["time"]))
        self.assertEqual(headers["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(headers["Cache-Control"], "no-store")

    def test_procedures_list(self):
        status, obj, _ = self.client.json("GET", "/api/v1/procedures?page_size=100")
        self.assertEqual(status, 200)
        self.assertEqual(obj["total"], 20)
        self.assertEqual(len(obj["items"]), 20)
        p = next(i for i in obj["items"] if i["code"] == "1.001193")
        self.assertEqual(p["name"], "Đăng ký khai sinh")
        self.assertEqual(p["names"], {"vi": "Đăng ký khai sinh", "en": "Birth registration"})
        for key in ("field", "agency", "processing_days", "fees", "documents", "legal_basis", "online"):
            self.assertIn(key, p)
        self.assertEqual(set(p["documents"][0]), {"name", "originals", "copies"})
        self.assertIsInstance(p["online"], bool)

    def test_procedures_paging_search_lang(self):
        _, obj, _ = self.client.json("GET", "/api/v1/procedures?page=2&page_size=5")
        self.assertEqual((obj["total"], len(obj["items"])), (20, 5))
        _, obj, _ = self.client.json("GET", "/api/v1/procedures?q=dang%20ky%20ket%20hon")
        self.assertEqual([i["code"] for i in obj["items"]], ["1.000894"])
        _, obj, _ = self.client.json("GET", "/api/v1/procedures?q=" + "khai sinh".replace(" ", "+") + "&lang=en")
        self.assertIn("Birth registration", [i["name"] for i in obj["items"]])
        _, obj, _ = self.client.json("GET", "/api/v1/procedures?q=construction")
        self.assertGreaterEqual(obj["total"], 2)
        _, obj, _ = self.client.json("GET", "/api/v1/procedures?q=zzzz")
        self.assertEqual(obj, {"items": [], "total": 0, "page": 1, "page_size": 20})

    def test_procedures_bad_params(self):
        for qs in ("page=0", "page=x", "page_size=1000", "lang=fr", "page_size=-1"):
            status, obj, _ = self.client.json("GET", "/api/v1/procedures?" + qs)
            self.assertError(status, obj, 400, "invalid_parameter")

    def test_procedure_detail(self):
        status, obj, _ = self.client.json("GET", "/api/v1/procedures/1.000894?lang=en")
        self.assertEqual((status, obj["name"]), (200, "Marriage registration"))
        status, obj, _ = self.client.json("GET", "/api/v1/procedures/9.999999")
        self.assertError(status, obj, 404, "not_found")

    def test_stats(self):
        status, obj, _ = self.client.json("GET", "/api/v1/stats")
        self.assertEqual(status, 200)
        self.assertGreaterEqual(obj["total"], 3)
        for s in obj["items"]:
            self.assertTrue(s["agency"]["code"].endswith(".H42"))
            for k in ("received", "finished", "on_time_rate", "satisfaction_rate"):
                self.assertIn(k, s)
            self.assertLessEqual(s["finished"], s["received"])
        self.assertEqual(sum(s["received"] for s in obj["items"]), 64)
        self.assertTrue(any(s["satisfaction_rate"] is not None for s in obj["items"]))

    def test_places(self):
        status, obj, _ = self.client.json("GET", "/api/v1/places")
        self.assertEqual(status, 200)
        self.assertEqual(obj["total"], len(obj["items"]))
        self.assertGreater(obj["total"], 5)
        _, obj, _ = self.client.json("GET", "/api/v1/places?kind=health&lang=en")
        self.assertTrue(obj["items"])
        self.assertTrue(all(p["kind"] == "health" for p in obj["items"]))
        self.assertIn("Quang Ngai General Hospital", [p["name"] for p in obj["items"]])
        status, obj, _ = self.client.json("GET", "/api/v1/places?kind=casino")
        self.assertError(status, obj, 400, "invalid_parameter")

    def test_alerts_publish_and_end(self):
        status, obj, _ = self.client.json("GET", "/api/v1/alerts")
        self.assertEqual(status, 200)
        before = obj["total"]
        self.assertEqual(before, 2)  # the seeded expired alert is not listed
        status, a, _ = self.client.admin("POST", "/api/v1/admin/alerts",
                                         {"severity": "danger", "title_vi": "Lũ quét", "title_en": "Flash flood",
                                          "body_vi": "Sơ tán", "body_en": "Evacuate", "area": "Huyện Ba Tơ"})
        self.assertEqual(status, 201, a)
        _, obj, _ = self.client.json("GET", "/api/v1/alerts?lang=en")
        self.assertEqual(obj["total"], before + 1)
        self.assertEqual(obj["items"][0]["title"], "Flash flood")  # danger first
        status, _, _ = self.client.admin("POST", f"/api/v1/admin/alerts/{a['id']}/end")
        self.assertEqual(status, 200)
        _, obj, _ = self.client.json("GET", "/api/v1/alerts")
        self.assertEqual(obj["total"], before)
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/alerts", {"title_vi": "x"})
        self.assertError(status, obj, 422, "missing_field")
        status, obj, _ = self.client.json("POST", "/api/v1/admin/alerts", {"title_vi": "x", "body_vi": "y"})
        self.assertError(status, obj, 401, "unauthorized")

    def test_unknown_api_path_and_method(self):
        status, obj, _ = self.client.json("GET", "/api/v1/nothing")
        self.assertError(status, obj, 404, "not_found")
        status, obj, headers = self.client.json("POST", "/api/v1/health", {})
        self.assertError(status, obj, 405, "method_not_allowed")
        self.assertIn("GET", headers["Allow"])
        status, obj, _ = self.client.json("DELETE", "/api/v1/health")
        self.assertError(status, obj, 405)


class DossierTests(ServerCase):
    def test_admin_create_code_format_and_working_day_due_date(self):
        # received on Friday 24/01/2025, 3 working days, across the lunar new year 2025 holiday
        d1 = self.client.new_dossier("1.004873", received_at="2025-01-24T09:00:00+07:00")
        d2 = self.client.new_dossier("1.004873", received_at="2025-01-24T10:00:00+07:00", channel="post")
        self.assertEqual(d1["code"], "000.00.12.H42-250124-0001")
        self.assertEqual(d2["code"], "000.00.12.H42-250124-0002")
        self.assertEqual(d1["due_at"], "2025-02-05T17:00:00+07:00")
        self.assertRegex(d1["secret"], r"^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$")
        expected = workdays.due_at(dt.datetime(2025, 1, 24, 9, tzinfo=workdays.VN_TZ), 3)
        self.assertEqual(d1["due_at"], expected.isoformat())
        # a weekend receipt counts from Monday
        d3 = self.client.new_dossier("1.001193", received_at="2025-03-08T10:00:00+07:00")
        self.assertEqual(d3["due_at"], "2025-03-11T17:00:00+07:00")
        d4 = self.client.new_dossier("1.001193")
        self.assertTrue(CODE.match(d4["code"]), d4)

    def test_admin_errors(self):
        status, obj, _ = self.client.json("POST", "/api/v1/admin/dossiers", {"procedure_code": "1.001193",
                                                                           "owner_name": "A"})
        self.assertError(status, obj, 401, "unauthorized")
        status, obj, _ = self.client.json("POST", "/api/v1/admin/dossiers", {}, token="wrong")
        self.assertError(status, obj, 401, "unauthorized")
        cases = [({"procedure_code": "9.9", "owner_name": "A"}, 422, "unknown_procedure"),
                 ({"procedure_code": "1.001193"}, 422, "missing_field"),
                 ({"procedure_code": "1.001193", "owner_name": "A", "extra": 1}, 422, "unknown_field"),
                 ({"procedure_code": "1.001193", "owner_name": 5}, 422, "invalid_field"),
                 ({"procedure_code": "1.001193", "owner_name": "A", "channel": "fax"}, 422, "invalid_field"),
                 ({"procedure_code": "1.001193", "owner_name": "A", "received_at": "yesterday"}, 422,
                  "invalid_field")]
        for body, st, code in cases:
            status, obj, _ = self.client.admin("POST", "/api/v1/admin/dossiers", body)
            self.assertError(status, obj, st, code)
        d = self.client.new_dossier()
        path = f"/api/v1/admin/dossiers/{d['code']}/events"
        for body, st, code in [({"type": "party"}, 422, "invalid_field"),
                               ({"type": "status", "status": 11}, 422, "invalid_field"),
                               ({"type": "status", "status": True}, 422, "invalid_field"),
                               ({"type": "status"}, 422, "missing_field"),
                               ({"type": "fee", "name": "x", "amount": -1}, 422, "invalid_field"),
                               ({"type": "apology", "reason": "x", "new_due_at": "2025-13-01"}, 422, "invalid_field"),
                               ({"type": "supplement_fulfilled", "id": 999999}, 404, "not_found")]:
            status, obj, _ = self.client.admin("POST", path, body)
            self.assertError(status, obj, st, code)
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/dossiers/000.00.12.H42-200101-9999/events",
                                           {"type": "status", "status": 4})
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/dossiers/bad/events", {"type": "status", "status": 4})
        self.assertError(status, obj, 400, "invalid_code")

    def test_lookup_and_payload_contract(self):
        d = self.client.new_dossier("1.004873")
        status, obj, _ = self.client.json("POST", "/api/v1/dossiers/lookup",
                                          {"code": "  " + d["code"].lower().replace("-", " - ", 1) + " ",
                                           "secret": " " + d["secret"][:3].lower() + " " + d["secret"][3:]})
        self.assertEqual(status, 200, obj)
        self.assertEqual(set(obj), {"token", "expires_in", "dossier"})
        self.assertGreater(obj["expires_in"], 60)
        p = obj["dossier"]
        self.assertEqual(set(p), PAYLOAD_KEYS)
        self.assertEqual(p["owner"], "Nguyễn V. A.")
        self.assertEqual(p["status"], 2)
        self.assertEqual(p["status_name"], "Đã tiếp nhận")
        self.assertEqual(p["procedure"]["names"]["en"], "Certificate of marital status")
        self.assertEqual(p["agency"]["code"], "000.00.12.H42")
        for key in ("received_at", "due_at", "original_due_at", "updated_at"):
            self.assertTrue(ISO.match(p[key]), (key, p[key]))
        self.assertEqual(set(p["steps"][0]), {"seq", "unit", "role", "action", "status", "started_at",
                                              "handled_at", "deadline"})
        self.assertNotIn(d["secret"], json.dumps(p))
        self.assertNotIn("Nguyễn Văn An", json.dumps(p, ensure_ascii=False))
        # the token reads the dossier; lang=en switches status_name
        status, p2, _ = self.client.json("GET", f"/api/v1/dossiers/{d['code']}?lang=en", token=obj["token"])
        self.assertEqual(status, 200)
        self.assertEqual(p2["status_name"], "Received")
        self.assertEqual(p2["procedure"]["name"], "Certificate of marital status")

    def test_lookup_uniform_404_and_bad_bodies(self):
        d = self.client.new_dossier()
        s1, wrong_secret, _ = self.client.json("POST", "/api/v1/dossiers/lookup",
                                               {"code": d["code"], "secret": "ZZZZZZ" if d["secret"] != "ZZZZZZ"
                                                else "YYYYYY"})
        s2, unknown_code, _ = self.client.json("POST", "/api/v1/dossiers/lookup",
                                               {"code": "000.00.12.H42-200101-0999", "secret": d["secret"]})
        self.assertEqual((s1, s2), (404, 404))
        self.assertEqual(wrong_secret, unknown_code)
        bad = [(b"{not json", 400, "malformed_json"), (b"", 400, "malformed_json"), (b"[1,2]", 400, "invalid_body"),
               (b'{"code":"x","secret":"\xff\xfe"}', 400, "invalid_utf8"), (b"NaN", 400, "malformed_json"),
               (json.dumps({"code": d["code"]}).encode(), 422, "missing_field"),
               (json.dumps({"code": d["code"], "secret": 123456}).encode(), 422, "invalid_field"),
               (json.dumps({"code": d["code"], "secret": d["secret"], "x": 1}).encode(), 422, "unknown_field"),
               (json.dumps({"code": "not-a-code", "secret": d["secret"]}).encode(), 400, "invalid_code"),
               (b"[" * 3000 + b"]" * 3000, 400, "malformed_json"),  # deeper than the parser recurses
               (b'{"a":' * 1200 + b"1" + b"}" * 1200, 400, "malformed_json"),
               (b'{"code":"a","code":"b","secret":"ABCDEF"}', 400, "duplicate_key"),
               (b'{"code":"a","secret":"\\ud800"}', 400, "invalid_unicode"),
               (b'{"\\udfff":"a","secret":"ABCDEF"}', 400, "invalid_unicode")]
        for body, st, code in bad:
            status, obj, _ = self.client.json("POST", "/api/v1/dossiers/lookup", body,
                                              headers={"Content-Type": "application/json"})
            self.assertError(status, obj, st, code)
        # JSON sent as a form or text: refused before it counts as a guess (any web page can send those)
        for ctype in ("text/plain", "application/x-www-form-urlencoded", None):
            headers = {"Content-Type": ctype} if ctype else {}
            status, obj, _ = self.client.json("POST", "/api/v1/dossiers/lookup",
                                              json.dumps({"code": d["code"], "secret": d["secret"]}), headers=headers)
            self.assertError(status, obj, 415, "unsupported_media_type")
        status, obj, _ = self.client.json("POST", "/api/v1/dossiers/lookup",
                                          json.dumps({"code": d["code"], "secret": d["secret"]}),
                                          headers={"Content-Type": "Application/JSON; charset=utf-8"})
        self.assertEqual(status, 200, obj)

    def test_oversized_body(self):
        status, obj, _ = self.client.json("POST", "/api/v1/requests",
                                          {"category": "question", "description": "x" * 70000})
        self.assertError(status, obj, 413, "body_too_large")
        raw = self.client.raw(b"POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                              b"Content-Type: application/json\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 400 "), raw[:40])
        self.assertIn(b'"malformed_json"', raw)
        chunk = b"%x\r\n%s\r\n" % (9000, b"x" * 9000)
        raw = self.client.raw(b"POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                              b"Content-Type: application/json\r\n\r\n" + chunk * 2 + b"0\r\n\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 413 "), raw[:40])
        raw = self.client.raw(b"POST /api/v1/requests HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 400 "), raw[:40])

    def test_token_rules(self):
        a = self.client.new_dossier()
        b = self.client.new_dossier()
        token_a, _ = self.client.lookup(a["code"], a["secret"])
        path_a, path_b = f"/api/v1/dossiers/{a['code']}", f"/api/v1/dossiers/{b['code']}"
        status, obj, headers = self.client.json("GET", path_a)
        self.assertError(status, obj, 401, "unauthorized")
        self.assertIn("Bearer", headers["WWW-Authenticate"])
        status, obj, _ = self.client.json("GET", path_a, token="nonsense-token")
        self.assertError(status, obj, 401)
        status, obj, _ = self.client.json("GET", path_a, headers={"Authorization": "Basic " + token_a})
        self.assertError(status, obj, 401)
        status, obj, _ = self.client.json("GET", path_b, token=token_a)
        self.assertError(status, obj, 401)
        for suffix in ("/changes?since=0&timeout=0", ):
            status, obj, _ = self.client.json("GET", path_b + suffix, token=token_a)
            self.assertError(status, obj, 401)
        status, obj, _ = self.client.json("POST", path_b + "/rating",
                                          {"idempotency_key": "k", "overall": "satisfied", "visits": "0"},
                                          token=token_a)
        self.assertError(status, obj, 401)
        status, obj, _ = self.client.json("GET", path_a, token=token_a)
        self.assertEqual(status, 200)
        status, obj, _ = self.client.json("GET", "/api/v1/dossiers/bad%20code!", token=token_a)
        self.assertError(status, obj, 400, "invalid_code")
        status, obj, _ = self.client.json("GET", path_a + "?lang=xx", token=token_a)
        self.assertError(status, obj, 400, "invalid_parameter")
        status, ko, _ = self.client.json("GET", path_a + "?lang=ko", token=token_a)  # English for tourists
        status_en, en, _ = self.client.json("GET", path_a + "?lang=en", token=token_a)
        self.assertEqual((status, ko["status_name"]), (200, en["status_name"]))

    def test_events_timeline_and_privacy(self):
        d = self.client.new_dossier("1.004873")
        code = d["code"]
        token, p = self.client.lookup(code, d["secret"])
        v0 = p["version"]
        self.client.event(code, type="status", status=4, note="Đang thẩm định", unit="Bộ phận Tư pháp",
                          officer_role="Công chức tư pháp", officer_name="Trần Thị Bí Mật")
        self.client.event(code, type="supplement", content="Bản sao CCCD", deadline="2030-01-10")
        _, p, _ = self.client.json("GET", f"/api/v1/dossiers/{code}", token=token)
        self.assertEqual(p["status"], 5)
        sid = p["supplements"][0]["id"]
        self.assertEqual(p["supplements"][0]["state"], "open")
        self.assertEqual(p["supplements"][0]["deadline"], "2030-01-10T17:00:00+07:00")
        self.client.event(code, type="supplement_fulfilled", id=sid, new_due_at="2030-01-20T17:00:00+07:00")
        self.client.event(code, type="apology", reason="Cần xác minh", new_due_at="2030-01-25")
        self.client.event(code, type="fee", name="Lệ phí", amount=15000, paid=False)
        self.client.event(code, type="fee", name="Lệ phí", amount=15000, paid=True)
        self.client.event(code, type="result", name="Giấy xác nhận", collect_place="Quầy 3",
                          collect_from="2030-01-24T08:00:00+07:00")
        status, obj, _ = self.client.admin("POST", f"/api/v1/admin/dossiers/{code}/events",
                                           {"type": "supplement_fulfilled", "id": sid})
        self.assertError(status, obj, 409, "supplement_not_open")
        _, p, _ = self.client.json("GET", f"/api/v1/dossiers/{code}", token=token)
        self.assertEqual(p["version"], v0 + 7)
        self.assertEqual(p["status"], 4)  # back to processing once the supplement arrived
        self.assertEqual(p["supplements"][0]["state"], "fulfilled")
        self.assertEqual(p["supplements"][0]["new_due_at"], "2030-01-20T17:00:00+07:00")
        self.assertEqual(p["due_at"], "2030-01-25T17:00:00+07:00")
        self.assertEqual(p["original_due_at"], d["due_at"])
        self.assertEqual([h["apology"] for h in p["due_history"]], [False, True])
        self.assertEqual(p["due_history"][1]["previous_due_at"], "2030-01-20T17:00:00+07:00")
        self.assertEqual(p["fees"], [{"name": "Lệ phí", "amount": 15000, "paid": True,
                                      "payment_reference": "MC" + code.replace(".", "").replace("-", "") + "P1"}])
        self.assertEqual(p["results"][0]["collect_place"], "Quầy 3")
        self.assertEqual([s["status"] for s in p["steps"]], [2, 4, 5, 4])
        self.assertEqual([s["handled_at"] is None for s in p["steps"]], [False, False, False, True])
        self.assertEqual(p["holder"], {"unit": p["steps"][-1]["unit"], "role": p["steps"][-1]["role"]})
        text = json.dumps(p, ensure_ascii=False)
        self.assertNotIn("Bí Mật", text)
        self.assertNotIn("officer_name", text)
        self.client.event(code, type="status", status=10, note="Đã trả")
        _, p, _ = self.client.json("GET", f"/api/v1/dossiers/{code}", token=token)
        self.assertIsNone(p["holder"])
        self.assertTrue(ISO.match(p["completed_at"]) and ISO.match(p["returned_at"]))
        self.assertTrue(p["rating_eligible"])


class ChangesTests(ServerCase):
    def test_changes_immediate_and_timeout(self):
        d = self.client.new_dossier()
        token, p = self.client.lookup(d["code"], d["secret"])
        path = f"/api/v1/dossiers/{d['code']}/changes"
        status, obj, _ = self.client.json("GET", f"{path}?since={p['version'] - 1}", token=token)
        self.assertEqual(status, 200)
        self.assertEqual((obj["changed"], obj["version"]), (True, p["version"]))
        self.assertEqual(obj["dossier"], p)
        t0 = time.monotonic()
        status, obj, _ = self.client.json("GET", f"{path}?since={p['version']}&timeout=1", token=token)
        elapsed = time.monotonic() - t0
        self.assertEqual(obj, {"changed": False, "version": p["version"]})
        self.assertGreaterEqual(elapsed, 0.9)
        self.assertLess(elapsed, 3)
        for qs in ("since=abc", "since=-1", "since=1&timeout=26", "since=1&timeout=nan"):
            status, obj, _ = self.client.json("GET", f"{path}?{qs}", token=token)
            self.assertError(status, obj, 400, "invalid_parameter")

    def test_long_poll_wakes_on_back_office_change(self):
        d = self.client.new_dossier()
        token, p = self.client.lookup(d["code"], d["secret"])
        results = {}

        def poll():
            t0 = time.monotonic()
            results["poll"] = self.client.json("GET", f"/api/v1/dossiers/{d['code']}/changes?since={p['version']}",
                                               token=token)
            results["t"] = time.monotonic() - t0

        threads = [threading.Thread(target=poll)]
        other = self.client.new_dossier()  # a change elsewhere must not answer this poll
        threads[0].start()
        time.sleep(0.3)
        self.client.event(other["code"], type="status", status=4)
        time.sleep(0.3)
        t_change = time.monotonic()
        self.client.event(d["code"], type="status", status=4, note="Đang xử lý")
        threads[0].join(10)
        woke_after = time.monotonic() - t_change
        status, obj, _ = results["poll"]
        self.assertEqual(status, 200)
        self.assertTrue(obj["changed"])
        self.assertEqual(obj["version"], p["version"] + 1)
        self.assertEqual(obj["dossier"]["status"], 4)
        self.assertLess(woke_after, 1.0)
        self.assertGreater(results["t"], 0.5)


class RatingTests(ServerCase):
    def rate(self, code, token, **body):
        return self.client.json("POST", f"/api/v1/dossiers/{code}/rating", body, token=token)

    def test_not_eligible(self):
        d = self.client.new_dossier()
        token, _ = self.client.lookup(d["code"], d["secret"])
        status, obj, _ = self.rate(d["code"], token, idempotency_key="k1", overall="satisfied", visits="0")
        self.assertError(status, obj, 409, "not_eligible")

    def test_rating_idempotency_and_conflict(self):
        code, _, token = self.ready_dossier()
        body = dict(idempotency_key="key-1", overall="very_satisfied", visits=1,
                    criteria={"attitude": "satisfied", "on_time": "very_satisfied", "ease": "dissatisfied"},
                    comment="Cảm ơn cán bộ 👍")
        status, first, _ = self.rate(code, token, **body)
        self.assertEqual(status, 201, first)
        self.assertEqual(first["rating"]["visits"], "1")
        self.assertEqual(first["rating"]["criteria"]["ease"], "dissatisfied")
        status, again, _ = self.rate(code, token, **body)
        self.assertEqual((status, again), (200, first))
        status, obj, _ = self.rate(code, token, **dict(body, idempotency_key="key-2"))
        self.assertError(status, obj, 409, "already_rated")
        _, p, _ = self.client.json("GET", f"/api/v1/dossiers/{code}", token=token)
        self.assertFalse(p["rating_eligible"])
        self.assertEqual(p["rating"], first["rating"])
        self.assertEqual(p["version"], first["version"])

    def test_rating_validation(self):
        code, _, token = self.ready_dossier()
        ok = dict(idempotency_key="v", overall="satisfied", visits="more")
        cases = [(dict(ok, overall="happy"), "invalid_field"), (dict(ok, overall="Satisfied"), "invalid_field"),
                 (dict(ok, visits=2), "invalid_field"), (dict(ok, visits="2"), "invalid_field"),
                 (dict(ok, visits=True), "invalid_field"),
                 (dict(ok, comment="x" * 1001), "invalid_field"), (dict(ok, criteria={"speed": "satisfied"}),
                                                                   "unknown_field"),
                 (dict(ok, criteria={"ease": "meh"}), "invalid_field"), (dict(ok, criteria=[]), "invalid_field"),
                 ({"overall": "satisfied", "visits": "0"}, "missing_field"),
                 (dict(ok, stars=5), "unknown_field"), (dict(ok, idempotency_key=""), "invalid_field")]
        for body, code_ in cases:
            status, obj, _ = self.rate(code, token, **body)
            self.assertError(status, obj, 422, code_)
        status, obj, _ = self.rate(code, token, **dict(ok, comment="y" * 1000))
        self.assertEqual(status, 201, obj)

    def test_twenty_concurrent_ratings_make_one(self):
        code, _, token = self.ready_dossier()
        barrier = threading.Barrier(20)
        statuses = []
        lock = threading.Lock()

        def worker(i):
            barrier.wait()
            status, obj, _ = self.rate(code, token, idempotency_key=f"thread-{i}", overall="satisfied", visits="0")
            with lock:
                statuses.append(status)

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(20)
        self.assertEqual(sorted(statuses), [201] + [409] * 19)
        _, p, _ = self.client.json("GET", f"/api/v1/dossiers/{code}", token=token)
        self.assertIsNotNone(p["rating"])


class RequestTests(ServerCase):
    def test_a_replayed_idempotency_key_creates_nothing_new(self):
        body = {"category": "question", "description": "Làm căn cước ở đâu?", "anonymous": True,
                "idempotency_key": "7c1f6c3e-5a51-4c2b-9d1e-2f0a8b7c6d5e"}
        status, first, _ = self.client.json("POST", "/api/v1/requests", body)
        self.assertEqual(status, 201, first)
        status, again, _ = self.client.json("POST", "/api/v1/requests", body)
        self.assertEqual(status, 200, again)
        self.assertEqual((again["id"], again["secret"]), (first["id"], first["secret"]))
        status, r, _ = self.client.json("GET", f"/api/v1/requests/{first['id']}", token=first["secret"])
        self.assertEqual(status, 200, r)
        other = dict(body, idempotency_key="another-key")
        status, third, _ = self.client.json("POST", "/api/v1/requests", other)
        self.assertEqual(status, 201, third)
        self.assertNotEqual(third["id"], first["id"])

    def test_request_lifecycle(self):
        status, obj, _ = self.client.json("POST", "/api/v1/requests",
                                          {"category": "complaint", "description": "Hồ sơ trễ hẹn",
                                           "dossier_code": "000.00.12.h42-241124-0001", "contact": "0905 000 000",
                                           "anonymous": False})
        self.assertEqual(status, 201, obj)
        rid, secret = obj["id"], obj["secret"]
        status, r, _ = self.client.json("GET", f"/api/v1/requests/{rid}", token=secret)
        self.assertEqual(status, 200, r)
        self.assertEqual((r["status"], r["notes"], r["dossier_code"]), ("open", [], "000.00.12.H42-241124-0001"))
        status, obj, _ = self.client.json("GET", f"/api/v1/requests/{rid}", token="WRONGSECRE")
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.client.json("GET", f"/api/v1/requests/{rid}")
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.client.admin("POST", f"/api/v1/admin/requests/{rid}/notes",
                                           {"note": "Đã chuyển phòng chuyên môn", "unit": "Văn phòng",
                                            "status": "in_progress"})
        self.assertEqual(status, 201, obj)
        self.client.admin("POST", f"/api/v1/admin/requests/{rid}/notes", {"note": "Hồ sơ đã có kết quả"})
        status, r, _ = self.client.json("GET", f"/api/v1/requests/{rid}?lang=en", token=secret)
        self.assertEqual(r["status"], "answered")
        self.assertEqual(r["status_name"], "Answered")
        self.assertEqual([n["note"] for n in r["notes"]], ["Đã chuyển phòng chuyên môn", "Hồ sơ đã có kết quả"])
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/requests/999999/notes", {"note": "x"})
        self.assertError(status, obj, 404, "not_found")

    def test_request_validation(self):
        cases = [({"category": "spam", "description": "x"}, 422, "invalid_field"),
                 ({"category": "question", "description": "x" * 4001}, 422, "invalid_field"),
                 ({"category": "question", "description": ""}, 422, "invalid_field"),
                 ({"category": "question"}, 422, "missing_field"),
                 ({"category": "question", "description": "x", "anonymous": "yes"}, 422, "invalid_field"),
                 ({"category": "question", "description": "x", "dossier_code": "abc"}, 422, "invalid_field"),
                 ({"category": "question", "description": "x", "lat": 1}, 422, "unknown_field")]
        for body, st, code in cases:
            status, obj, _ = self.client.json("POST", "/api/v1/requests", body)
            self.assertError(status, obj, st, code)
        status, obj, _ = self.client.json("POST", "/api/v1/requests",
                                          {"category": "question", "description": "x" * 4000, "anonymous": True,
                                           "contact": "secret phone"})
        self.assertEqual(status, 201)
        status, cats, _ = self.client.json("GET", "/api/v1/requests/categories")
        self.assertTrue({"question", "complaint"} <= {c["code"] for c in cats["items"]})


class RobustnessTests(ServerCase):
    def test_garbage_never_500(self):
        import random
        rng = random.Random(7)
        d = self.client.new_dossier()
        token, _ = self.client.lookup(d["code"], d["secret"])
        paths = ["/api/v1/dossiers/lookup", f"/api/v1/dossiers/{d['code']}/rating", "/api/v1/requests",
                 "/api/v1/admin/dossiers", f"/api/v1/admin/dossiers/{d['code']}/events", "/api/v1/admin/alerts",
                 "/api/v1/admin/requests/1/notes"]
        values = [None, True, 0, -1, 2**70, 1.5, "", "x" * 3000, [], {}, {"a": []}, "\u0000", "2025-02-30",
                  "very_satisfied", "status", 9]
        keys = ["code", "secret", "type", "status", "overall", "visits", "idempotency_key", "category",
                "description", "procedure_code", "owner_name", "new_due_at", "amount", "title_vi", "body_vi", "id"]
        for _ in range(300):
            body = {rng.choice(keys): rng.choice(values) for _ in range(rng.randint(0, 4))}
            path = rng.choice(paths)
            tok = ADMIN if "/admin/" in path else token
            status, obj, _ = self.client.json("POST", path, body, token=tok)
            self.assertLess(status, 500, (path, body, obj))
        for qs in ("?page=%ff", "?q=%00", "?lang=%", "?page_size=1e3", "?" + "&".join(f"a{i}=1" for i in range(80))):
            status, obj, _ = self.client.json("GET", "/api/v1/procedures" + qs)
            self.assertLess(status, 500, qs)
        self.assertNotIn("Traceback", self.server.output())

    def test_logs_hold_no_secrets(self):
        d = self.client.new_dossier()
        token, _ = self.client.lookup(d["code"], d["secret"])
        self.client.json("GET", f"/api/v1/dossiers/{d['code']}?token={token}", token=token)
        status, r, _ = self.client.json("POST", "/api/v1/requests", {"category": "question", "description": "x"})
        self.client.json("GET", f"/api/v1/requests/{r['id']}?secret={r['secret']}")
        log = self.server.output()
        self.assertIn("/api/v1/dossiers/lookup", log)
        for secret in (token, d["secret"], r["secret"], ADMIN):
            self.assertNotIn(secret, log)


if __name__ == "__main__":
    unittest.main()
