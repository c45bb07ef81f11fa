"""The text of the pages the server renders as HTML (a procedure, a kind of place, a place): title,
description and plain semantic HTML, in the page's language, every text HTML-escaped. Labels come
from the app's own strings (assets/i18n), so the page and the app say the same."""
import html
import json
import pathlib

from .api_public import place_item, procedure_item

I18N_DIR = pathlib.Path(__file__).resolve().parents[2] / "assets" / "i18n"
# Kinds the app's strings do not name (the app lists them under other headings).
KIND_TITLES = {"service_centre": {"vi": "Trung tâm hành chính công", "en": "Public service centres"}}
DESCRIPTION_MAX = 160  # what link previews and search results show
_strings = {}


def strings(lang):
    """The app's strings for `lang`, English where it lacks a key."""
    if lang not in _strings:
        with open(I18N_DIR / f"{lang}.json", encoding="utf-8") as f:
            table = json.load(f)
        if lang != "en":
            table = dict(strings("en"), **table)
        _strings[lang] = table
    return _strings[lang]


def label(lang, key, *args):
    """A string with printf-style arguments; English when a translation's placeholders do not fit."""
    text = strings(lang).get(key, key)
    if not args:
        return text
    try:
        return text % args
    except (TypeError, ValueError):
        return strings("en").get(key, key) % args


def kind_title(kind, lang):
    titles = KIND_TITLES.get(kind)
    if titles:
        return titles.get(lang) or titles["en"]
    return label(lang, "places.kind." + kind)


def short(text):
    text = " ".join((text or "").split())
    return text if len(text) <= DESCRIPTION_MAX else text[:DESCRIPTION_MAX - 1].rstrip() + "…"


def money(amount):
    return f"{amount:,}".replace(",", ".") + " ₫"


class Page:
    """What a rendered page says: title, description, and the body's HTML (already escaped)."""

    def __init__(self, title, description, body):
        self.title, self.description, self.body = title, description, body


def procedure_page(p, lang):
    """A procedure of the catalogue (a store row); its content exists in vi and en only."""
    e = html.escape
    item = procedure_item(p, "en" if lang != "vi" else "vi")
    days = item["processing_days"]
    parts = [f"<h1>{e(item['name'])}</h1>", f"<p>{e(item['field'])}</p>"]
    if days:
        parts.append(f"<p>{e(label(lang, 'procedure.days', days))}</p>")
    parts.append(f"<p>{e(label(lang, 'procedure.where', item['agency']['name']))}</p>")
    parts.append(f"<h2>{e(label(lang, 'procedure.documents'))}</h2>")
    if item["documents"]:
        rows = [label(lang, "procedure.document_line", d.get("name", ""), d.get("originals", 0),
                      d.get("copies", 0)).lstrip("• ") for d in item["documents"]]
        parts.append("<ul>" + "".join(f"<li>{e(r)}</li>" for r in rows) + "</ul>")
    else:
        parts.append(f"<p>{e(label(lang, 'procedure.no_documents'))}</p>")
    parts.append(f"<h2>{e(label(lang, 'dossier.fees_title'))}</h2>")
    if item["fees"]:
        parts.append("<ul>" + "".join(f"<li>{e(f.get('name', ''))}: {e(money(f.get('amount', 0)))}</li>"
                                      for f in item["fees"]) + "</ul>")
    else:
        parts.append(f"<p>{e(label(lang, 'procedure.free'))}</p>")
    parts.append(f"<p>{e(label(lang, 'procedure.online_yes' if item['online'] else 'procedure.online_no'))}</p>")
    if item["legal_basis"]:
        parts.append(f"<p>{e(label(lang, 'procedure.legal', item['legal_basis']))}</p>")
    description = f"{item['name']}. {label(lang, 'procedure.where', item['agency']['name'])}"
    if days:
        description += ". " + label(lang, "procedure.days", days)
    return Page(item["name"], short(description), "\n".join(parts))


def _place_facts(item, lang):
    """(label, text) of a place's facts, in the order a visitor needs them."""
    facts = []
    for key, label_key in (("hours", "places.hours"), ("shop", "places.shop"), ("route", "places.route"),
                           ("timetable", "places.timetable"), ("area", "places.area")):
        if item.get(key):
            facts.append((label(lang, label_key), item[key]))
    if item.get("from") and item.get("to"):
        facts.append((label(lang, "places.when"), f"{item['from']} – {item['to']}"))
    return facts


def _place_html(item, lang, heading, link=None):
    e = html.escape
    name = f'<a href="{e(link)}">{e(item["name"])}</a>' if link else e(item["name"])
    parts = [f"<{heading}>{name}</{heading}>"]
    if item.get("description"):
        parts.append(f"<p>{e(item['description'])}</p>")
    if item.get("address"):
        parts.append(f"<address>{e(item['address'])}</address>")
    if item.get("phone"):
        tel = "".join(c for c in item["phone"] if c.isdigit() or c == "+")
        parts.append(f'<p><a href="tel:{e(tel)}">{e(item["phone"])}</a></p>')
    facts = _place_facts(item, lang)
    if facts:
        parts.append("<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts) + "</dl>")
    return "\n".join(parts)


def place_page(p, lang):
    item = place_item(p, lang)
    return Page(item["name"], short(item["description"] or item["address"] or item["name"]),
                _place_html(item, lang, "h1"))


def places_page(kind, rows, lang, link_for):
    """A kind's list: each place with its text and a link to its own page (link_for(row))."""
    title = kind_title(kind, lang)
    items = [place_item(p, lang) for p in rows]
    body = [f"<h1>{html.escape(title)}</h1>"]
    body += ["<section>" + _place_html(item, lang, "h2", link_for(p)) + "</section>" for item, p in zip(items, rows)]
    description = short(title + ": " + ", ".join(i["name"] for i in items)) if items else title
    return Page(title, description, "\n".join(body))
