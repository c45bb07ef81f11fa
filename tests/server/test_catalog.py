"""Catalogue endpoints the app's search and ask box need: procedure filters and fields,
the whole catalogue in one page, frequent questions, places by kind in five languages, alerts."""
import os
import re
import sqlite3
import unittest
import urllib.parse

import pg_cluster
from test_support import ServerCase

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


class ProcedureFilterTests(ServerCase):
    def get(self, path):
        status, obj, _ = self.client.json("GET", path)
        self.assertEqual(status, 200, obj)
        return obj

    def test_whole_catalogue_in_one_page(self):
        obj = self.get("/api/v1/procedures?page_size=500")
        self.assertEqual((obj["total"], len(obj["items"]), obj["page_size"]), (20, 20, 500))
        for qs in ("page_size=501", "page_size=1000"):
            status, obj, _ = self.client.json("GET", "/api/v1/procedures?" + qs)
            self.assertError(status, obj, 400, "invalid_parameter")

    def test_filter_by_field_in_either_language_without_diacritics(self):
        vi = self.get("/api/v1/procedures?page_size=100&field=" + urllib.parse.quote("Đất đai"))
        self.assertEqual(vi["total"], 5)
        self.assertTrue(all(p["field"] == "Đất đai" for p in vi["items"]))
        en = self.get("/api/v1/procedures?page_size=100&field=land&lang=en")
        self.assertEqual([p["code"] for p in en["items"]], [p["code"] for p in vi["items"]])
        self.assertTrue(all(p["field"] == "Land" for p in en["items"]))
        self.assertEqual(self.get("/api/v1/procedures?field=dat+dai")["total"], 5)
        self.assertEqual(self.get("/api/v1/procedures?field=Nowhere")["total"], 0)

    def test_filter_by_agency_combined_with_search(self):
        obj = self.get("/api/v1/procedures?page_size=100&agency=000.00.12.H42")
        self.assertEqual(obj["total"], 7)
        self.assertTrue(all(p["agency"]["code"] == "000.00.12.H42" for p in obj["items"]))
        self.assertEqual(self.get("/api/v1/procedures?agency=+000.00.12.h42+")["total"], 7)  # normalised
        obj = self.get("/api/v1/procedures?agency=000.00.12.H42&q=khai+sinh")
        self.assertEqual({p["code"] for p in obj["items"]}, {"1.001193", "1.004884"})
        obj = self.get("/api/v1/procedures?agency=000.00.01.H42&field=" + urllib.parse.quote("Hoạt động xây dựng"))
        self.assertEqual({p["code"] for p in obj["items"]}, {"1.009972", "1.009976"})
        status, obj, _ = self.client.json("GET", "/api/v1/procedures?agency=" + "X" * 65)
        self.assertError(status, obj, 400, "invalid_parameter")

    def test_fields_with_counts(self):
        obj = self.get("/api/v1/procedures/fields")
        self.assertEqual(obj["total"], len(obj["items"]))
        self.assertEqual(sum(f["count"] for f in obj["items"]), 20)
        first = obj["items"][0]
        self.assertEqual(first, {"field": "Hộ tịch", "names": {"vi": "Hộ tịch", "en": "Civil status"}, "count": 6})
        counts = [f["count"] for f in obj["items"]]
        self.assertEqual(counts, sorted(counts, reverse=True))
        en = self.get("/api/v1/procedures/fields?lang=en")
        self.assertEqual(en["items"][0]["field"], "Civil status")
        status, obj, _ = self.client.json("GET", "/api/v1/procedures/fields?lang=fr")
        self.assertError(status, obj, 400, "invalid_parameter")
        # a procedure code still resolves next to the fields route
        self.assertEqual(self.get("/api/v1/procedures/1.001193")["code"], "1.001193")


class FaqTests(ServerCase):
    def test_faqs_in_both_languages(self):
        status, vi, _ = self.client.json("GET", "/api/v1/faqs")
        self.assertEqual(status, 200)
        self.assertGreaterEqual(vi["total"], 12)
        self.assertEqual(vi["total"], len(vi["items"]))
        for f in vi["items"]:
            self.assertEqual(set(f), {"id", "question", "answer", "keywords", "procedure_code"})
            self.assertTrue(f["question"] and f["answer"])
            self.assertIsInstance(f["keywords"], list)
            self.assertTrue(f["keywords"])
        birth = next(f for f in vi["items"] if f["procedure_code"] == "1.001193")
        self.assertIn("khai sinh", birth["question"])
        self.assertTrue(any(f["procedure_code"] is None for f in vi["items"]))
        _, en, _ = self.client.json("GET", "/api/v1/faqs?lang=en")
        self.assertEqual([f["id"] for f in en["items"]], [f["id"] for f in vi["items"]])
        birth_en = next(f for f in en["items"] if f["id"] == birth["id"])
        self.assertIn("birth", birth_en["question"])
        # every linked procedure exists
        _, procs, _ = self.client.json("GET", "/api/v1/procedures?page_size=500")
        codes = {p["code"] for p in procs["items"]}
        self.assertTrue(all(f["procedure_code"] in codes for f in vi["items"] if f["procedure_code"]))
        # Korean, Chinese and Japanese get the English questions rather than an error
        for lang in ("ko", "zh", "ja"):
            status, obj, _ = self.client.json("GET", "/api/v1/faqs?lang=" + lang)
            self.assertEqual(status, 200)
            self.assertEqual([f["question"] for f in obj["items"]], [f["question"] for f in en["items"]])
        status, obj, _ = self.client.json("GET", "/api/v1/faqs?lang=fr")
        self.assertError(status, obj, 400, "invalid_parameter")

    def test_database_seeded_before_faqs_gets_them(self):
        # simulate a schema-3 database that was seeded without FAQs: empty the table, restart
        self.server.stop()
        if self.server.database:
            name = urllib.parse.urlsplit(self.server.database).path.lstrip("/")
            pg_cluster.cluster().psql("DELETE FROM faqs", db=name)
        else:
            with sqlite3.connect(os.path.join(self.data_dir, "motcua.sqlite3")) as conn:
                conn.execute("DELETE FROM faqs")
        self.server.start()
        _, obj, _ = self.client.json("GET", "/api/v1/faqs")
        self.assertGreaterEqual(obj["total"], 12)


class PlaceTests(ServerCase):
    def places(self, qs):
        status, obj, _ = self.client.json("GET", "/api/v1/places?" + qs)
        self.assertEqual(status, 200, obj)
        self.assertEqual(obj["total"], len(obj["items"]))
        return obj["items"]

    def test_every_kind_is_seeded_with_its_facts(self):
        expected = {"sight": set(), "specialty": {"shop"}, "bus": {"route", "timetable"},
                    "power_cut": {"area", "from", "to"}, "health": set(), "service_centre": set()}
        common = {"id", "kind", "name", "names", "description", "address", "phone", "hours", "lat", "lon"}
        for kind, extra in expected.items():
            items = self.places("kind=" + kind)
            self.assertTrue(items, kind)
            for p in items:
                self.assertEqual(set(p), common | extra, p)
                self.assertTrue(p["names"]["vi"] and p["names"]["en"] and p["description"], p)
                for key in extra:
                    self.assertTrue(p[key], (kind, key, p))
        for p in self.places("kind=specialty") + self.places("kind=health"):
            self.assertTrue(p["address"] and p["phone"], p)
        for p in self.places("kind=power_cut"):
            self.assertTrue(ISO.match(p["from"]) and ISO.match(p["to"]), p)
            self.assertLess(p["from"], p["to"])

    def test_quang_nam_places(self):
        names = {p["names"]["vi"] for p in self.places("")}
        for name in ("Phố cổ Hội An", "Khu đền tháp Mỹ Sơn", "Cù Lao Chàm", "Cao lầu", "Mì Quảng", "Bánh mì Phượng"):
            self.assertIn(name, names)
        self.assertIn("Quang Ngai General Hospital", [p["name"] for p in self.places("kind=health&lang=en")])

    def test_korean_chinese_japanese_with_english_fallback(self):
        for lang, hoi_an in (("ko", "호이안 구시가지"), ("zh", "会安古镇"), ("ja", "ホイアン旧市街")):
            sights = self.places("kind=sight&lang=" + lang)
            p = next(p for p in sights if p["names"]["vi"] == "Phố cổ Hội An")
            self.assertEqual(p["name"], hoi_an)
            self.assertEqual(p["names"][lang], hoi_an)
            self.assertNotEqual(p["description"], p["names"]["en"])
            for s in sights + self.places("kind=specialty&lang=" + lang):
                self.assertIn(lang, s["names"], s)  # every sight and specialty is translated
            # kinds without these texts fall back to English
            bus = self.places("kind=bus&lang=" + lang)[0]
            self.assertEqual(bus["name"], bus["names"]["en"])
            self.assertNotIn(lang, bus["names"])
        self.assertEqual(self.places("kind=sight&lang=vi")[0]["name"], self.places("kind=sight")[0]["names"]["vi"])
        status, obj, _ = self.client.json("GET", "/api/v1/places?lang=fr")
        self.assertError(status, obj, 400, "invalid_parameter")


class TouristLanguageTests(ServerCase):
    def test_korean_chinese_japanese_fall_back_to_english_everywhere(self):
        # the app passes its language to every endpoint: places and alerts are translated, the
        # rest answers in English instead of refusing
        for path in ("/api/v1/procedures?page_size=5", "/api/v1/procedures/fields", "/api/v1/procedures/1.000894",
                     "/api/v1/faqs", "/api/v1/stats", "/api/v1/counters/1"):
            sep = "&" if "?" in path else "?"
            get = self.client.tablet_json if "counters" in path else self.client.json
            status, en, _ = get("GET", path + sep + "lang=en")
            for lang in ("ko", "zh", "ja"):
                status, obj, _ = get("GET", path + sep + "lang=" + lang)
                self.assertEqual(status, 200, (path, lang, obj))
                if "counters" not in path:
                    self.assertEqual(obj, en, (path, lang))


class AlertTests(ServerCase):
    def test_alert_fields_in_both_languages(self):
        _, vi, _ = self.client.json("GET", "/api/v1/alerts")
        _, en, _ = self.client.json("GET", "/api/v1/alerts?lang=en")
        self.assertEqual(vi["total"], 2)
        keys = {"id", "severity", "title", "titles", "body", "area", "starts_at", "ends_at"}
        for a_vi, a_en in zip(vi["items"], en["items"]):
            self.assertEqual(set(a_vi), keys)
            self.assertIn(a_vi["severity"], ("info", "warning", "danger"))
            self.assertTrue(ISO.match(a_vi["starts_at"]))
            self.assertTrue(a_vi["ends_at"] is None or ISO.match(a_vi["ends_at"]))
            self.assertEqual(a_vi["title"], a_vi["titles"]["vi"])
            self.assertEqual(a_en["title"], a_en["titles"]["en"])
            self.assertNotEqual(a_vi["body"], a_en["body"])
        rain = vi["items"][0]
        self.assertEqual((rain["severity"], rain["area"]), ("warning", "TP. Quảng Ngãi"))
        self.assertIsNotNone(rain["ends_at"])

    def test_alerts_in_the_tourists_languages(self):
        _, en, _ = self.client.json("GET", "/api/v1/alerts?lang=en")
        for lang, title in (("ko", "폭우 및 국지적 침수 경보"), ("zh", "暴雨及局部内涝预警"), ("ja", "大雨・局地的浸水警報")):
            status, obj, _ = self.client.json("GET", "/api/v1/alerts?lang=" + lang)
            self.assertEqual(status, 200, obj)
            self.assertEqual([a["id"] for a in obj["items"]], [a["id"] for a in en["items"]])
            rain = obj["items"][0]
            self.assertEqual(rain["title"], title)
            self.assertEqual(rain["titles"][lang], title)
            self.assertNotEqual(rain["body"], en["items"][0]["body"])
        # Published with Korean only: Chinese and Japanese read the English text.
        status, a, _ = self.client.admin("POST", "/api/v1/admin/alerts",
                                         {"severity": "danger", "title_vi": "Lũ quét", "title_en": "Flash flood",
                                          "body_vi": "Sơ tán ngay", "body_en": "Evacuate now",
                                          "title_ko": "돌발 홍수", "body_ko": "즉시 대피하세요"})
        self.assertEqual(status, 201, a)
        self.assertEqual(a["titles"]["ko"], "돌발 홍수")
        for lang, title, body in (("ko", "돌발 홍수", "즉시 대피하세요"), ("zh", "Flash flood", "Evacuate now"),
                                  ("ja", "Flash flood", "Evacuate now")):
            _, obj, _ = self.client.json("GET", "/api/v1/alerts?lang=" + lang)
            self.assertEqual((obj["items"][0]["title"], obj["items"][0]["body"]), (title, body))
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/alerts",
                                           {"title_vi": "x", "body_vi": "y", "title_ko": 5})
        self.assertError(status, obj, 422, "invalid_field")
        status, obj, _ = self.client.json("GET", "/api/v1/alerts?lang=fr")
        self.assertError(status, obj, 400, "invalid_parameter")


if __name__ == "__main__":
    unittest.main()
