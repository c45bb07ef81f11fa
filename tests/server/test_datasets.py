"""Look-up datasets: definitions and loads by the back office, public queries matched after
Vietnamese-aware normalisation, keyed datasets that need a second factor and never list their rows,
rate limits, and 4xx (never 500) for bad input."""
import itertools
import unicodedata
import unittest

from test_support import ADMIN, Client, ServerCase

_sources = itertools.count(2)


def definition(**change):
    d = {"id": "bus-passes", "access": "keyed", "second_factor": "phone_tail",
         "names": {"vi": "Vé tháng xe buýt", "en": "Monthly bus passes", "ko": "버스 정기권"},
         "fields": [{"name": "pass_number", "type": "number", "labels": {"vi": "Số vé", "en": "Pass number"}},
                    {"name": "phone_tail", "type": "text", "labels": {"vi": "4 số cuối điện thoại", "en": "Last 4 digits"}},
                    {"name": "holder", "type": "text", "labels": {"vi": "Người dùng", "en": "Holder"}},
                    {"name": "valid_until", "type": "date", "labels": {"vi": "Hiệu lực đến", "en": "Valid until"}}],
         "keys": ["pass_number"], "shown": ["holder", "valid_until"]}
    d.update(change)
    return d


class DatasetTests(ServerCase):
    def own_client(self):
        """A client with an address of its own: limits counted per client do not leak between tests."""
        return Client(self.server.port, source=f"127.0.0.{next(_sources)}")

    def query(self, slug, body, client=None, lang=None):
        path = f"/api/v1/datasets/{slug}/query" + (f"?lang={lang}" if lang else "")
        return (client or self.own_client()).json("POST", path, body)

    def rows(self, slug, body, content_type):
        return self.client.request("PUT", f"/api/v1/admin/datasets/{slug}/rows", body,
                                   {"Content-Type": content_type}, token=ADMIN)

    def found(self, slug, body, client=None):
        status, obj, _ = self.query(slug, body, client)
        self.assertEqual(status, 200, obj)
        return obj["items"]

    # ------------------------------------------------------------ definitions
    def test_the_seeded_datasets_are_listed_in_the_tourists_languages(self):
        status, obj, _ = self.client.json("GET", "/api/v1/datasets?lang=ko")
        self.assertEqual(status, 200, obj)
        by_id = {d["id"]: d for d in obj["items"]}
        self.assertLessEqual({"exam-results", "land-prices", "traffic-violations", "service-cuts"}, set(by_id))
        exams = by_id["exam-results"]
        self.assertEqual(exams["name"], "고등학교 졸업 시험 결과")
        self.assertEqual(exams["names"]["vi"], "Kết quả thi tốt nghiệp THPT")
        self.assertEqual(exams["access"], "keyed")
        self.assertEqual([(k["name"], k["type"]) for k in exams["keys"]], [("candidate_number", "text")])
        self.assertEqual((exams["second_factor"]["name"], exams["second_factor"]["type"]), ("date_of_birth", "date"))
        self.assertEqual(by_id["land-prices"]["access"], "public")
        self.assertEqual([k["name"] for k in by_id["land-prices"]["keys"]], ["district", "street", "section"])
        self.assertIsNone(by_id["land-prices"]["second_factor"])
        self.assertEqual(by_id["traffic-violations"]["keys"][0]["label"], "차량 번호")
        status, obj, _ = self.client.json("GET", "/api/v1/datasets?lang=en")
        self.assertIn("Land price table", [d["name"] for d in obj["items"]])
        status, obj, _ = self.client.json("GET", "/api/v1/datasets?lang=fr")
        self.assertError(status, obj, 400, "invalid_parameter")

    def test_define_load_and_query_a_new_dataset(self):
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/datasets", definition())
        self.assertEqual(status, 201, obj)
        self.assertEqual((obj["id"], obj["rows"], obj["access"]), ("bus-passes", 0, "keyed"))
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/datasets", definition())
        self.assertError(status, obj, 409, "already_exists")
        # ko given, zh not: English for Chinese
        status, obj, _ = self.client.json("GET", "/api/v1/datasets?lang=zh")
        self.assertIn("Monthly bus passes", [d["name"] for d in obj["items"]])

        csv = ("pass_number,phone_tail,holder,valid_until\r\n"
               "1001,6789,Nguyễn V. A.,31/12/2026\r\n"
               "1002,1234,\"Trần, T. B.\",2026-06-30\r\n").encode()
        status, _, data = self.rows("bus-passes", csv, "text/csv; charset=utf-8")
        self.assertEqual(status, 200, data)
        self.assertEqual(self.found("bus-passes", {"pass_number": "1002", "phone_tail": "1234"}),
                         [{"holder": "Trần, T. B.", "valid_until": "2026-06-30"}])
        self.assertEqual(self.found("bus-passes", {"pass_number": 1001, "phone_tail": "6789"}),
                         [{"holder": "Nguyễn V. A.", "valid_until": "2026-12-31"}])

        # JSON replaces the whole table
        status, obj, _ = self.client.admin("PUT", "/api/v1/admin/datasets/bus-passes/rows",
                                           {"rows": [{"pass_number": 2001, "phone_tail": "5555", "holder": "Lê C."}]})
        self.assertEqual(status, 200, obj)
        self.assertEqual(obj["rows"], 1)
        self.assertEqual(self.found("bus-passes", {"pass_number": 1001, "phone_tail": "6789"}), [])
        self.assertEqual(self.found("bus-passes", {"pass_number": "2001", "phone_tail": "5555"}),
                         [{"holder": "Lê C.", "valid_until": None}])

    def test_bad_definitions_are_refused(self):
        fields = definition()["fields"]
        for change, code in (({"id": "Bad Id"}, "invalid_field"), ({"keys": ["nope"]}, "invalid_field"),
                             ({"keys": []}, "invalid_field"), ({"shown": ["holder", "holder"]}, "invalid_field"),
                             ({"second_factor": "pass_number"}, "invalid_field"),
                             ({"second_factor": None}, "missing_field"),
                             ({"access": "public"}, "invalid_field"), ({"access": "secret"}, "invalid_field"),
                             ({"names": {"vi": "Chỉ tiếng Việt"}}, "missing_field"),
                             ({"names": {"vi": "a", "en": "b", "fr": "c"}}, "invalid_field"),
                             ({"fields": [dict(fields[0], type="money")] + fields[1:]}, "invalid_field"),
                             ({"fields": [dict(fields[0], compact=True)] + fields[1:]}, "invalid_field"),
                             ({"fields": fields + [fields[0]]}, "invalid_field"),
                             ({"fields": "pass_number"}, "invalid_field"), ({"fields": ["pass_number"]}, "invalid_field"),
                             ({"fields": [dict(fields[0], labels={"vi": 1, "en": "x"})]}, "invalid_field"),
                             ({"keys": "pass_number"}, "invalid_field"), ({"extra": 1}, "unknown_field")):
            status, obj, _ = self.client.admin("POST", "/api/v1/admin/datasets", dict(definition(id="other"), **change))
            self.assertError(status, obj, 422, code)
        status, obj, _ = self.client.json("POST", "/api/v1/admin/datasets", definition(id="other"))
        self.assertError(status, obj, 401, "unauthorized")
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/datasets", ["x"])
        self.assertError(status, obj, 400, "invalid_body")

    # ------------------------------------------------------------ loads
    def test_a_bad_load_keeps_the_old_rows(self):
        slug = "kept-rows"
        d = definition(id=slug, access="public")
        d.pop("second_factor")
        self.assertEqual(self.client.admin("POST", "/api/v1/admin/datasets", d)[0], 201)
        good = b"pass_number,holder,valid_until\n7,Old,2026-01-31\n"
        self.assertEqual(self.rows(slug, good, "text/csv")[0], 200)
        for body, kind, status_code in (
                (b"pass_number,holder,valid_until\n8,New,2026-01-31\n9,Bad,31/02/2026\n", "text/csv", 422),
                (b"pass_number,holder,valid_until\n8,New\n", "text/csv", 422),
                (b"pass_number,colour\n8,red\n", "text/csv", 422),
                (b"holder\nNo key\n", "text/csv", 422),
                (b"pass_number,holder\nabc,New\n", "text/csv", 422),
                (b"pass_number,holder\n8,\"unterminated\n", "text/csv", 422),
                (b"\xff\xfe", "text/csv", 400),
                (b"", "text/csv", 400),
                (b'{"rows": [{"pass_number": 8}, {"pass_number": "x"}]}', "application/json", 422),
                (b'{"rows": {"pass_number": 8}}', "application/json", 422),
                (b'{"rows": [', "application/json", 400),
                (b"pass_number\n8\n", "text/plain", 415)):
            status, _, data = self.rows(slug, body, kind)
            self.assertEqual(status, status_code, (body, data))
            self.assertIn(b'"errors"', data)
        self.assertEqual(self.found(slug, {"pass_number": 7}), [{"holder": "Old", "valid_until": "2026-01-31"}])
        self.assertEqual(self.found(slug, {"pass_number": 8}), [])
        status, _, data = self.rows("no-such-dataset", good, "text/csv")
        self.assertEqual(status, 404, data)
        status, _, data = self.client.request("PUT", f"/api/v1/admin/datasets/{slug}/rows", good,
                                              {"Content-Type": "text/csv"})
        self.assertEqual(status, 401, data)

    # ------------------------------------------------------------ keyed privacy
    def test_a_keyed_dataset_needs_the_second_factor_and_shows_only_its_fields(self):
        client = self.own_client()
        rows = self.found("exam-results", {"candidate_number": "51000123", "date_of_birth": "15/03/2007"}, client)
        self.assertEqual(rows, [{"full_name": "Nguyễn Thị Lan", "math": 8.4, "literature": 7.75,
                                 "foreign_language": 9.2, "result": "Đỗ tốt nghiệp"}])
        self.assertEqual(self.found("exam-results", {"candidate_number": "51000123", "date_of_birth": "2007-03-16"},
                                    client), [])
        self.assertEqual(self.found("exam-results", {"candidate_number": "51000124", "date_of_birth": "2007-03-15"},
                                    client), [])
        for body in ({"candidate_number": "51000123"}, {"date_of_birth": "2007-03-15"}, {},
                     {"candidate_number": "51000123", "date_of_birth": ""}):
            status, obj, _ = self.query("exam-results", body, client)
            self.assertError(status, obj, 422, "missing_field")
        # no route lists rows
        for method, path in (("GET", "/api/v1/datasets/exam-results"), ("GET", "/api/v1/datasets/exam-results/rows"),
                             ("GET", "/api/v1/datasets/exam-results/query")):
            status, obj, _ = client.json(method, path)
            self.assertIn(status, (404, 405), obj)
        status, obj, _ = client.json("GET", "/api/v1/datasets")
        self.assertNotIn("Nguyễn Thị Lan", str(obj))

    def test_wrong_second_factors_are_rate_limited(self):
        client = self.own_client()
        for day in range(1, 11):
            self.assertEqual(self.found("exam-results", {"candidate_number": "51000125",
                                                         "date_of_birth": f"2007-01-{day:02d}"}, client), [])
        status, obj, headers = self.query("exam-results", {"candidate_number": "51000125",
                                                           "date_of_birth": "2007-07-21"}, client)
        self.assertError(status, obj, 429, "too_many_attempts")
        self.assertTrue(1 <= int(headers["Retry-After"]) <= 60)
        # the same budget as failed dossier lookups
        status, obj, _ = client.json("POST", "/api/v1/dossiers/lookup",
                                     {"code": "000.00.12.H42-200101-0001", "secret": "ABCDEF"})
        self.assertError(status, obj, 429, "too_many_attempts")
        # public datasets still answer this client
        self.assertEqual(len(self.found("traffic-violations", {"plate": "76C-678.90"}, client)), 1)

    def test_a_record_guessed_at_from_many_addresses_is_locked(self):
        self.assertEqual(self.client.admin("POST", "/api/v1/admin/datasets", definition(id="locked-record"))[0], 201)
        status, _, data = self.rows("locked-record", b"pass_number,phone_tail,holder\n42,1234,Mai\n", "text/csv")
        self.assertEqual(status, 200, data)
        for tail in range(10):  # one wrong guess from each of ten addresses
            self.assertEqual(self.found("locked-record", {"pass_number": 42, "phone_tail": f"000{tail}"}), [])
        status, obj, _ = self.query("locked-record", {"pass_number": 42, "phone_tail": "1234"})
        self.assertError(status, obj, 429, "locked")
        # other records of the dataset still answer
        self.assertEqual(self.found("locked-record", {"pass_number": 43, "phone_tail": "1234"}), [])

    def test_public_look_ups_are_rate_limited_too(self):
        client = self.own_client()
        for _ in range(60):
            status, obj, _ = self.query("service-cuts", {"ward": "Phường Trần Phú"}, client)
            self.assertEqual(status, 200, obj)
        status, obj, headers = self.query("service-cuts", {"ward": "Phường Trần Phú"}, client)
        self.assertError(status, obj, 429, "too_many_requests")
        self.assertIn("Retry-After", headers)

    # ------------------------------------------------------------ normalisation
    def test_keys_match_without_case_diacritics_or_extra_spaces(self):
        client = self.own_client()
        exact = self.found("land-prices", {"district": "Thành phố Quảng Ngãi", "street": "Hùng Vương",
                                           "section": "Từ Quang Trung đến Lê Trung Đình"}, client)
        self.assertEqual(len(exact), 1)
        self.assertEqual(exact[0]["position_1"], 42000000)
        decomposed = unicodedata.normalize("NFD", "  THÀNH PHỐ   quảng ngãi ")
        self.assertEqual(self.found("land-prices", {"district": decomposed, "street": "hung vuong",
                                                    "section": "tu quang trung den le trung dinh"}, client), exact)
        # a public dataset may be asked by some of its keys
        self.assertEqual(len(self.found("land-prices", {"street": "HÙNG VƯƠNG"}, client)), 2)
        self.assertEqual(self.found("land-prices", {"street": "Hùng Vươn"}, client), [])
        plates = self.found("traffic-violations", {"plate": "76a 12345"}, client)
        self.assertEqual([p["status"] for p in plates], ["Chưa xử phạt", "Đã xử phạt"])
        self.assertEqual(self.found("traffic-violations", {"plate": "76A-123.45"}, client), plates)
        cuts = self.found("service-cuts", {"ward": "phuong tran phu"}, client)
        self.assertEqual(sorted(c["service"] for c in cuts), ["Nước", "Điện"])
        self.assertEqual(self.found("service-cuts", {"ward": "Phường Trần Phú 2"}, client), [])
        self.assertEqual(len(self.found("exam-results", {"candidate_number": " 510 00126",
                                                         "date_of_birth": "30.12.2006"}, client)), 1)

    # ------------------------------------------------------------ bad input
    def test_bad_queries_get_4xx(self):
        client = self.own_client()
        path = "/api/v1/datasets/land-prices/query"
        for body, headers, status_code in ((b"{", {"Content-Type": "application/json"}, 400),
                                           (b"[]", {"Content-Type": "application/json"}, 400),
                                           (b'"x"', {"Content-Type": "application/json"}, 400),
                                           (b'{"street": "x"}', {"Content-Type": "text/plain"}, 415),
                                           (b'{"street": {"a": 1}}', {"Content-Type": "application/json"}, 422),
                                           (b'{"street": ["x"]}', {"Content-Type": "application/json"}, 422),
                                           (b'{"street": true}', {"Content-Type": "application/json"}, 422),
                                           (b'{"position_1": 1}', {"Content-Type": "application/json"}, 422),
                                           (b'{"street": "' + b"x" * 600 + b'"}', {"Content-Type": "application/json"}, 422),
                                           (b'{"street": "a\\u0000b"}', {"Content-Type": "application/json"}, 422),
                                           (b"{}", {"Content-Type": "application/json"}, 422)):
            status, _, data = client.request("POST", path, body, headers)
            self.assertEqual(status, status_code, (body, data))
            self.assertIn(b'"errors"', data)
        status, obj, _ = self.query("exam-results", {"candidate_number": "1", "date_of_birth": "2007-02-30"}, client)
        self.assertError(status, obj, 422, "invalid_field")
        status, obj, _ = self.query("no-such-dataset", {"x": "1"}, client)
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.query("Not%20A%20Slug", {"x": "1"}, client)
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.query("land-prices", {"street": "x"}, client, lang="xx")
        self.assertError(status, obj, 400, "invalid_parameter")


if __name__ == "__main__":
    unittest.main()
