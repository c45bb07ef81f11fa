"""The app's addresses over HTTP, read without JavaScript: procedure and place pages carry their
title, Open Graph tags and text; every screen's route answers the app, unknown ones the app with a
404; sitemap.xml, robots.txt, and the printable place posters with their QR links."""
import base64
import html.parser
import os
import shutil
import subprocess
import sys
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from test_support import REPO, SERVE, ServerCase

from server import page_text, routes  # noqa: E402  (test_support puts src/ on the path)

LANGS = ("vi", "en", "ko", "zh", "ja")


class Page(html.parser.HTMLParser):
    """What a crawler or a link preview reads: title, meta tags, links, and the page text."""

    def __init__(self, text):
        super().__init__()
        self.title, self.meta, self.alternates, self.scripts = "", {}, {}, []
        self.html_lang, self.headings, self.items, self.text = None, [], [], []
        self.source, self._stack, self._in_article = text, [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._stack.append(tag)
        if tag == "html":
            self.html_lang = a.get("lang")
        elif tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a.get("name")] = a.get("content")
        elif tag == "link" and a.get("rel") == "alternate":
            self.alternates[a.get("hreflang")] = a.get("href")
        elif tag == "script":
            self.scripts.append(a)
        elif tag == "article" and a.get("id") == "page-text":
            self._in_article = True

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()
        if tag == "article":
            self._in_article = False

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._stack.pop()

    def handle_data(self, data):
        tag = self._stack[-1] if self._stack else ""
        if tag == "title":
            self.title += data
        if not self._in_article or not data.strip():
            return
        self.text.append(data.strip())
        if tag in ("h1", "h2") or (tag == "a" and len(self._stack) > 1 and self._stack[-2] == "h2"):
            self.headings.append(data.strip())
        elif tag in ("li", "dd", "address"):
            self.items.append(data.strip())


class PagesTests(ServerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The real template (with its page-text placeholder) as the built app's index.html.
        with open(os.path.join(REPO, "web", "index.html"), "rb") as f:
            cls.template = f.read()
        with open(os.path.join(cls.app_dir, "index.html"), "wb") as f:
            f.write(cls.template)
        status, obj, _ = cls.client.json("GET", "/api/v1/procedures?page_size=500")
        assert status == 200, obj
        cls.procedures = obj["items"]
        status, obj, _ = cls.client.json("GET", "/api/v1/places")
        assert status == 200, obj
        cls.places = obj["items"]

    def page(self, path, status=200, **headers):
        got, h, body = self.client.request("GET", path, headers=headers)
        self.assertEqual(got, status, path)
        self.assertTrue(h["Content-Type"].startswith("text/html"), path)
        self.assertIn("script-src 'self'", h["Content-Security-Policy"])
        return Page(body.decode("utf-8")), h

    def assertCard(self, page, title, lang, path):
        """A preview card and the alternates in every language."""
        self.assertIn(title, page.title)
        self.assertEqual(page.meta["og:title"], title)
        self.assertTrue(page.meta["og:description"])
        self.assertEqual(page.meta["description"], page.meta["og:description"])
        self.assertEqual(page.meta["og:type"], "website")
        self.assertEqual(page.meta["og:locale"][:2], lang)
        url = urllib.parse.urlsplit(page.meta["og:url"])
        self.assertEqual((url.scheme, url.path), ("http", path))
        self.assertEqual(page.html_lang, lang)
        self.assertEqual(set(page.alternates), set(LANGS) | {"x-default"})
        for code in LANGS:
            self.assertTrue(page.alternates[code].endswith(path + "?lang=" + code), page.alternates[code])
        # the app still starts: the template's module script, and no inline script (CSP)
        self.assertTrue(page.scripts and all(s.get("src") for s in page.scripts))

    def test_procedure_page_has_its_card_and_text(self):
        p = next(x for x in self.procedures if x["documents"] and x["fees"])
        path = "/procedures/" + p["code"]
        page, headers = self.page(path)
        self.assertCard(page, p["names"]["vi"], "vi", path)
        self.assertEqual(page.headings[0], p["names"]["vi"])
        self.assertIn("Giấy tờ cần nộp", page.headings)
        for d in p["documents"]:
            self.assertTrue(any(i.startswith(d["name"]) for i in page.items), d)
        for f in p["fees"]:
            amount = f"{f['amount']:,}".replace(",", ".") + " ₫"
            self.assertIn(f"{f['name']}: {amount}", page.items)
        self.assertEqual(headers["Content-Language"], "vi")

    def test_english_from_the_address_or_the_browser(self):
        p = self.procedures[0]
        path = "/procedures/" + p["code"]
        page, _ = self.page(path + "?lang=en")
        self.assertCard(page, p["names"]["en"], "en", path)
        self.assertIn("Documents to bring", page.headings)
        page, headers = self.page(path, **{"Accept-Language": "en-GB,en;q=0.9,vi;q=0.5"})
        self.assertEqual(page.headings[0], p["names"]["en"])
        self.assertIn("Accept-Language", headers["Vary"])
        page, _ = self.page(path + "?lang=vi", **{"Accept-Language": "en"})  # the address wins
        self.assertEqual(page.headings[0], p["names"]["vi"])
        # lower case, as someone may type it
        page, _ = self.page(path.lower() + "?lang=en")
        self.assertEqual(page.headings[0], p["names"]["en"])

    def test_place_page_has_its_card_address_and_hours(self):
        for place in self.places:
            if not (place["address"] and place["hours"]):
                continue
            path = f"/places/{place['kind']}/{place['id']}"
            page, _ = self.page(path)
            self.assertCard(page, place["names"]["vi"], "vi", path)
            self.assertEqual(page.headings[0], place["names"]["vi"])
            self.assertIn(place["address"], page.items)
            self.assertIn(place["hours"], page.items)
        specialty = next(p for p in self.places if p["kind"] == "specialty" and "ko" in p["names"])
        path = f"/places/specialty/{specialty['id']}"
        page, _ = self.page(path + "?lang=ko")
        self.assertCard(page, specialty["names"]["ko"], "ko", path)

    def test_kind_page_lists_every_place_of_the_kind_with_links(self):
        page, _ = self.page("/places/sight?lang=en")
        sights = [p for p in self.places if p["kind"] == "sight"]
        self.assertEqual(page.headings[0], "Sights")
        self.assertEqual(page.headings[1:], [p["names"]["en"] for p in sights])
        self.assertEqual(page.meta["og:title"], "Sights")
        for p in ("sight", "specialty", "bus", "power_cut", "health", "service_centre"):
            self.page("/places/" + p)

    def test_every_screen_answers_the_app(self):
        code = self.client.new_dossier()["code"]
        for path in ("/", "/?lang=ja", "/d/" + code, "/d/" + code + "/rate", "/scan", "/lookup", "/procedures",
                     "/ask?q=khai+sinh", "/requests", "/requests/new", "/requests/12", "/stats", "/stats/", "/procedures?lang=en"):
            status, headers, body = self.client.request("GET", path)
            self.assertEqual((status, body), (200, self.template), path)
            self.assertEqual(headers["Cache-Control"], "no-cache")

    def test_unknown_routes_are_the_app_with_404(self):
        for path in ("/nope", "/procedures/1.004873/more", "/procedures/NO.SUCH", "/places/castle",
                     "/places/sight/999999", "/places/health/1", "/d/not-a-code", "/d/", "/requests/0",
                     "/requests/" + "9" * 5000,
                     "/Stats", "/a/b/c"):
            status, headers, body = self.client.request("GET", path)
            self.assertEqual(status, 404, path)
            self.assertEqual(body, self.template, path)
            self.assertTrue(headers["Content-Type"].startswith("text/html"), path)
        # missing files keep their JSON error
        status, obj, _ = self.client.json("GET", "/nope.js")
        self.assertError(status, obj, 404, "not_found")

    def test_head_and_revalidation(self):
        status, headers, body = self.client.request("HEAD", "/places/sight")
        self.assertEqual((status, body), (200, b""))
        self.assertTrue(headers["Content-Type"].startswith("text/html"))
        # a 404 page is never answered "not modified" with the app's ETag
        _, headers, _ = self.client.request("GET", "/")
        status, headers, body = self.client.request("GET", "/nope", headers={"If-None-Match": headers["ETag"]})
        self.assertEqual((status, body), (404, self.template))
        self.assertNotIn("ETag", headers)

    def test_sitemap_lists_every_procedure_and_place(self):
        status, headers, body = self.client.request("GET", "/sitemap.xml")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("application/xml"))
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
        root = ET.fromstring(body)
        urls = {}
        for u in root.findall("s:url", ns):
            loc = urllib.parse.urlsplit(u.find("s:loc", ns).text)
            urls[loc.path] = {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)}
        expected = {"/procedures/" + p["code"] for p in self.procedures}
        expected |= {f"/places/{p['kind']}/{p['id']}" for p in self.places}
        expected |= {"/places/" + p["kind"] for p in self.places}
        self.assertEqual(expected - set(urls), set())
        self.assertGreaterEqual(len(self.procedures), 10)
        for path, alternates in urls.items():
            self.assertEqual(set(alternates), set(LANGS) | {"x-default"}, path)
            self.assertTrue(alternates["en"].endswith(path + "?lang=en") or alternates["en"].endswith("?lang=en"))
            self.assertFalse(path.startswith(("/d/", "/requests")), path)

    def test_robots_keeps_dossiers_and_requests_out(self):
        status, headers, body = self.client.request("GET", "/robots.txt")
        self.assertEqual(status, 200)
        lines = body.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Disallow: /d/", lines)
        self.assertIn("Disallow: /requests/", lines)
        sitemap = [line for line in lines if line.startswith("Sitemap: ")]
        self.assertEqual(len(sitemap), 1)
        self.assertTrue(sitemap[0].endswith("/sitemap.xml"))

    def test_text_is_escaped(self):
        row = {"code": "X.1", "name_vi": "<script>alert(1)</script>", "name_en": "a & b", "field_vi": "\"f\"",
               "field_en": "f", "agency_code": "A", "agency_name_vi": "<b>", "agency_name_en": "B",
               "processing_days": 2, "fees": [{"name": "<i>", "amount": 1000}],
               "documents": [{"name": "</article>", "originals": 1, "copies": 0}], "legal_basis": "", "online": False}
        page = page_text.procedure_page(row, "vi")
        for raw in ("<script>", "<b>", "<i>", "</article>"):
            self.assertNotIn(raw, page.body)
        self.assertIn("&lt;script&gt;", page.body)

    @unittest.skipUnless(shutil.which("qrencode"), "qrencode not installed")
    def test_posters_for_every_place_link_to_its_page(self):
        out = os.path.join(self.tmp, "posters")
        db = ["--database", self.server.database] if self.server.database else []
        r = subprocess.run([sys.executable, SERVE, "--data-dir", self.data_dir, *db, "--print-posters", out,
                            "--poster-lang", "en", "--public-url", "https://motcua.example/"],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(os.listdir(out)), len(self.places))
        for place in self.places:
            with open(os.path.join(out, f"{place['kind']}-{place['id']}.html"), encoding="utf-8") as f:
                poster = Page(f.read())
            url = f"https://motcua.example/places/{place['kind']}/{place['id']}?lang=en"
            qr = subprocess.run(["qrencode", "-t", "SVG", "-m", "1", "-l", "M", "-o", "-", url],
                                capture_output=True, check=True).stdout
            self.assertIn("data:image/svg+xml;base64," + base64.b64encode(qr).decode(), poster.source)
            parts = urllib.parse.urlsplit(url)
            self.assertEqual(routes.parse(parts.path, parts.query), routes.Route("place", kind=place["kind"], id=place["id"],
                                                                 lang="en"))
            self.assertEqual(poster.title, place["names"]["en"])
            self.assertEqual(poster.html_lang, "en")


if __name__ == "__main__":
    unittest.main()
