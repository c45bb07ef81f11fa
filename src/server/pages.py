"""The app's addresses over HTTP: each screen's route answers the app's index.html (an unknown page
the app too, with a 404), and the procedure and place routes carry their page in the HTML itself:
title, description, Open Graph and hreflang tags, and the text inside <article id="page-text">,
which the app replaces when it starts. Also /robots.txt and /sitemap.xml."""
import html
import re

from aiohttp import web

from . import page_text, routes, sitemap
from .api_public import catalogue
from .limits import is_trusted
from .util import weighted_values

OG_LOCALES = {"vi": "vi_VN", "en": "en_US", "ko": "ko_KR", "zh": "zh_CN", "ja": "ja_JP"}
RENDERED = ("procedure", "places", "place")
TITLE = re.compile(r"<title>.*?</title>", re.S | re.I)
DESCRIPTION = re.compile(r"<meta\s+name=[\"']?description[\"']?[^>]*>", re.I)
HTML_LANG = re.compile(r"(<html\b[^>]*?\blang=)([\"']?)[A-Za-z-]*\2", re.I)
PLACEHOLDER = re.compile(r"<!--\s*page-text\b.*?-->", re.S)


def accept_language(header):
    """The first of the app's languages the Accept-Language header prefers (by q), or None."""
    best, best_q = None, 0.0
    for tag, q in weighted_values(header):
        primary = tag.split("-")[0]
        if primary in routes.LANGUAGES and q > best_q:
            best, best_q = primary, q
    return best


def inject(index, page, lang, head):
    """index.html with the page's title, description, <html lang>, extra head tags and text."""
    e = html.escape
    title = f"<title>{e(page.title)} · Một Cửa</title>"
    description = f'<meta name="description" content="{e(page.description)}">'
    out, found = TITLE.subn(lambda m: title, index, count=1)
    if not found:
        out = title + out
    out, found = DESCRIPTION.subn(lambda m: description, out, count=1)
    tags = ("" if found else description) + head
    at = out.find("</head>")
    at = at if at >= 0 else out.find("</title>") + len("</title>")
    out = out[:at] + tags + out[at:]
    out = HTML_LANG.sub(lambda m: f'{m.group(1)}"{lang}"', out, count=1)
    article = f'<article id="page-text" lang="{lang}">\n{page.body}\n</article>'
    out, found = PLACEHOLDER.subn(lambda m: article, out, count=1)
    if not found:
        for marker in ("</main>", "</body>", "<script"):
            at = out.find(marker)
            if at >= 0:
                return out[:at] + article + out[at:]
        out += article
    return out


class Pages:
    def __init__(self, app, static, security_headers):
        self.app, self.static, self.headers = app, static, security_headers

    def base_url(self, request):
        """--public-url, else the scheme (a trusted proxy's X-Forwarded-Proto) and Host asked for."""
        if self.app.public_url:
            return self.app.public_url.rstrip("/")
        scheme = "http"
        proto = request.headers.get("X-Forwarded-Proto")
        if proto in ("http", "https") and self.app.trusted_proxies:
            peer = request.transport.get_extra_info("peername") if request.transport else None
            if peer and is_trusted(peer[0], self.app.trusted_proxies):
                scheme = proto
        return scheme + "://" + (request.headers.get("Host") or "localhost")

    async def respond(self, request, raw_path, qs):
        """The answer for a page route, robots.txt or sitemap.xml; None for other paths."""
        if raw_path == "/robots.txt":
            return self._text(sitemap.robots(self.base_url(request)), "text/plain; charset=utf-8")
        if raw_path == "/sitemap.xml":
            body = sitemap.sitemap(self.base_url(request), await catalogue(self.app),
                                   await self.app.store.list_places(None))
            return self._text(body, "application/xml; charset=utf-8")
        route = routes.parse(raw_path, qs)
        if route.screen == "not_found":
            return None
        if route.screen in RENDERED:
            return await self._rendered(request, route)
        return self.app_page(request, 200)

    def app_page(self, request, status):
        """index.html as it is: served as a file (precompressed, revalidated) for 200, else with
        `status` and never cached."""
        if status == 200:
            return self.static.respond(request, "/index.html", self.headers)
        return self._html(status, self.static.index(), {"Cache-Control": "no-store"})

    def _html(self, status, body, extra):
        headers = dict(self.headers)
        headers["Content-Type"] = "text/html; charset=utf-8"
        headers.update(extra)
        return web.Response(status=status, body=body, headers=headers)

    def not_found_page(self, request, raw_path):
        """The app with a 404 for what looks like a page (no file extension, not under /api or
        /assets); None for missing files, which keep their JSON error."""
        segments = [s for s in raw_path.split("/") if s]
        if raw_path.endswith("/") and segments and segments[0] == "assets":
            return None
        if segments and (segments[0] in ("api", "assets") or "." in segments[-1]):
            return None
        return self.app_page(request, 404)

    async def _rendered(self, request, route):
        lang = route.lang or accept_language(request.headers.get("Accept-Language")) or "vi"
        page = await self._page(route, lang)
        if page is None:  # a well-formed address of something that does not exist
            return self.app_page(request, 404)
        index = self.static.index().decode("utf-8", "replace")
        base = self.base_url(request)
        here = route._replace(lang=None)
        url = base + routes.format_route(route._replace(lang=lang))
        e = html.escape
        head = [f'<link rel="canonical" href="{e(url)}">',
                f'<meta property="og:title" content="{e(page.title)}">',
                f'<meta property="og:description" content="{e(page.description)}">',
                f'<meta property="og:url" content="{e(url)}">',
                '<meta property="og:type" content="website">',
                '<meta property="og:site_name" content="Một Cửa">',
                f'<meta property="og:locale" content="{OG_LOCALES[lang]}">']
        head += [f'<meta property="og:locale:alternate" content="{OG_LOCALES[other]}">'
                 for other in routes.LANGUAGES if other != lang]
        head += [f'<link rel="alternate" hreflang="{other}" href="{e(base + routes.format_route(here._replace(lang=other)))}">'
                 for other in routes.LANGUAGES]
        head.append(f'<link rel="alternate" hreflang="x-default" href="{e(base + routes.format_route(here))}">')
        body = inject(index, page, lang, "\n".join(head) + "\n").encode("utf-8")
        return self._html(200, body, {"Cache-Control": "no-cache", "Content-Language": lang,
                                      "Vary": "Accept-Language"})

    async def _page(self, route, lang):
        link = lambda p: routes.url("place", kind=p["kind"], id=p["id"], lang=route.lang)  # noqa: E731
        if route.screen == "procedure":
            for p in await catalogue(self.app):
                if p["code"].upper() == route.procedure:
                    return page_text.procedure_page(p, lang)
            return None
        rows = await self.app.store.list_places(route.kind)
        if route.screen == "places":
            return page_text.places_page(route.kind, rows, lang, link)
        for p in rows:
            if p["id"] == route.id:
                return page_text.place_page(p, lang)
        return None

    def _text(self, body, ctype):
        headers = dict(self.headers)
        headers.update({"Content-Type": ctype, "Cache-Control": "public, max-age=3600"})
        return web.Response(status=200, body=body.encode("utf-8"), headers=headers)
