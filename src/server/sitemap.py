"""robots.txt and sitemap.xml, generated from the route table and the data: every procedure, every
kind of place and every place, each with its address in every language; dossier and request
addresses are kept out of search engines."""
from xml.sax.saxutils import escape, quoteattr

from . import routes


def robots(base):
    lines = ["User-agent: *"] + [f"Disallow: {p}" for p in routes.PRIVATE_PREFIXES + ("/api/",)]
    return "\n".join(lines + ["", f"Sitemap: {base}/sitemap.xml", ""])


def public_routes(procedures, places):
    """The routes a search engine may list, in a stable order."""
    out = [routes.Route("home"), routes.Route("procedures")]
    out += [routes.Route("procedure", procedure=p["code"].upper()) for p in procedures]
    out += [routes.Route("places", kind=k) for k in routes.PLACE_KINDS]
    out += [routes.Route("place", kind=p["kind"], id=p["id"]) for p in places]
    return out


def sitemap(base, procedures, places):
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for route in public_routes(procedures, places):
        parts.append(f"<url><loc>{escape(base + routes.format_route(route))}</loc>")
        for lang in routes.LANGUAGES:
            href = quoteattr(base + routes.format_route(route._replace(lang=lang)))
            parts.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href={href}/>')
        parts.append(f'<xhtml:link rel="alternate" hreflang="x-default" '
                     f'href={quoteattr(base + routes.format_route(route))}/></url>')
    parts.append("</urlset>")
    return "\n".join(parts) + "\n"
