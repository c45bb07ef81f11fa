"""Command line entry point (serve.py calls main())."""
import argparse
import asyncio
import datetime as dt
import errno
import html
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile

from . import posters, qr
from . import seed as seed_mod
from . import seed_datasets
from .api_dossiers import build_payload, status_name
from .app import App
from .limits import parse_networks
from .routes import LANGUAGES
from .store import Store
from .util import initials, json_bytes, now, write_private_file

DB_NAME = "motcua.sqlite3"


def parse_args(argv, repo):
    p = argparse.ArgumentParser(prog="serve.py", description="Một Cửa: app server and status API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--data-dir", default=os.path.join(repo, "data"))
    p.add_argument("--app-dir", default=os.path.join(repo, "build", "web", "dist"))
    p.add_argument("--no-build", action="store_true", help="do not run tools/setup.sh and tools/build.sh")
    p.add_argument("--seed", action="store_true", help="create and seed the database if needed, then exit")
    p.add_argument("--seed-date", help="seeding day YYYY-MM-DD (default: today in Viet Nam)")
    p.add_argument("--print-receipts", metavar="DIR", help="write SVG receipts of the demo dossiers, then exit")
    p.add_argument("--print-posters", metavar="DIR",
                   help="write a printable HTML poster per place, its QR linking to the place's page, then exit")
    p.add_argument("--poster-lang", choices=LANGUAGES, default="vi",
                   help="the language the posters and their QR links open in (default vi)")
    p.add_argument("--dump-demo", metavar="DIR", help="write the demo dossiers' payloads as JSON, then exit")
    p.add_argument("--public-url", default=None,
                   help="base URL in receipt and poster QR codes, page links and the sitemap (default: the Host)")
    p.add_argument("--quiet", action="store_true", help="no access log")
    p.add_argument("--trusted-proxy", default=os.environ.get("MOTCUA_TRUSTED_PROXIES", ""),
                   metavar="ADDR[,CIDR...]",
                   help="proxies whose X-Forwarded-For names the client (default: none; env MOTCUA_TRUSTED_PROXIES)")
    p.add_argument("--max-connections", type=int, default=None, metavar="N",
                   help="open connections at most (default: what the file limit allows)")
    p.add_argument("--database", default=os.environ.get("MOTCUA_DATABASE_URL") or None, metavar="URL",
                   help="a postgresql:// URL (env MOTCUA_DATABASE_URL); default: SQLite in the data dir")
    p.add_argument("--head-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="deadline for a whole request head from its first byte (default 10)")
    p.add_argument("--backup", metavar="FILE",
                   help="write a consistent copy of the database (SQLite online backup; the server may run), then exit")
    return p.parse_args(argv)


def open_store(data_dir, seed_date, demo_secrets=False, database=None):
    """SQLite in the data dir, or the PostgreSQL database a postgresql:// URL names."""
    os.makedirs(data_dir, exist_ok=True)
    store = Store(database or os.path.join(data_dir, DB_NAME))
    if store.get_meta("seeded_for") is None and store.dossier_count() == 0 and not store.list_agencies():
        day = dt.date.fromisoformat(seed_date) if seed_date else now().date()
        print(f"Creating the demo database in {data_dir} (seed day {day}) ...", flush=True)
        seed_mod.seed(store, day, demo_secrets=demo_secrets)
    elif store.faq_count() == 0 and store.list_agencies():
        # a database seeded before the FAQ table existed (schema 4) gets the frequent questions
        seed_mod.seed_faqs(store)
    if store.get_meta("seeded_for") is not None and not store.list_datasets():
        seed_datasets.seed(store, now().date())  # a demo database from before the datasets (schema 9)
    return store


MIN_ADMIN_TOKEN = 32


class ConfigError(Exception):
    pass


def admin_token(data_dir):
    """The back-office token: MOTCUA_ADMIN_TOKEN, else data_dir/admin_token, else a new one written
    atomically (a crash leaves no file, never an empty one). Under 32 characters: refuse to start."""
    env = os.environ.get("MOTCUA_ADMIN_TOKEN")
    if env is not None:
        token = env.strip()
        if len(token) < MIN_ADMIN_TOKEN:
            raise ConfigError(f"MOTCUA_ADMIN_TOKEN must be at least {MIN_ADMIN_TOKEN} characters "
                              f"(it has {len(token)}); make one with: python3 -c 'import secrets; "
                              "print(secrets.token_urlsafe(32))'")
        return token
    path = os.path.join(data_dir, "admin_token")
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            token = f.read().strip()
    except FileNotFoundError:
        token = None
    if token is not None:
        if len(token) < MIN_ADMIN_TOKEN:
            raise ConfigError(f"{path} holds a token under {MIN_ADMIN_TOKEN} characters; delete the file "
                              "and start again to get a new token.")
        return token
    token = secrets.token_urlsafe(32)
    write_private_file(path, token)
    print(f"Back-office admin token (saved in {path}, shown only this once): {token}", flush=True)
    return token


def backup(data_dir, target):
    """SQLite's online backup API: a consistent copy while the server keeps writing."""
    import sqlite3
    source = os.path.join(data_dir, DB_NAME)
    if not os.path.isfile(source):
        print(f"error: no database at {source}", file=sys.stderr)
        return 1
    tmp = target + ".tmp"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        with dst:
            src.backup(dst, pages=1024, sleep=0.005)
        dst.close()
    finally:
        src.close()
    os.replace(tmp, target)
    print(f"Backed up {source} to {target}")
    return 0


def ensure_build(repo, app_dir):
    if os.path.isfile(os.path.join(app_dir, "index.html")):
        return True
    print(f"The web app is not built ({app_dir}/index.html is missing): running tools/setup.sh and "
          "tools/build.sh web ...", flush=True)
    for script, args in (("setup.sh", []), ("build.sh", ["web"])):
        path = os.path.join(repo, "tools", script)
        if not os.path.isfile(path):
            print(f"error: {path} does not exist, so the app cannot be built. Build it another way or run "
                  "with --no-build to serve only the API.", file=sys.stderr)
            return False
        try:
            rc = subprocess.call(["bash", path] + args, cwd=repo)
        except OSError as e:
            print(f"error: cannot run {path}: {e}", file=sys.stderr)
            return False
        if rc != 0:
            print(f"error: tools/{script} {' '.join(args)} failed (exit code {rc}); see its output above.",
                  file=sys.stderr)
            return False
    if not os.path.isfile(os.path.join(app_dir, "index.html")):
        print(f"error: the build finished but {app_dir}/index.html is still missing.", file=sys.stderr)
        return False
    return True


def dump_demo(out_dir, seed_date):
    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="motcua-demo-")
    try:
        store = open_store(tmp, seed_date, demo_secrets=True)  # fixtures: the same secrets every run
        index = []
        for n, d in enumerate(store.list_dossiers_brief(), start=1):
            data = json_bytes(build_payload(store.dossier_bundle(d["code"]), "vi"))
            with open(os.path.join(out_dir, f"{n}.json"), "wb") as f:
                f.write(json.dumps(json.loads(data), ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
            index.append({"file": f"{n}.json", "code": d["code"], "secret": d["secret"], "status": d["status"]})
        with open(os.path.join(out_dir, "index.json"), "w", encoding="utf-8") as f:
            json.dump({"seed_date": store.get_meta("seeded_for"), "items": index}, f, ensure_ascii=False, indent=1)
            f.write("\n")
        store.close()
        print(f"Wrote {len(index)} demo dossiers to {out_dir}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _fmt(iso_text):
    t = dt.datetime.fromisoformat(iso_text)
    return t.strftime("%H:%M ngày %d/%m/%Y")


def print_receipts(store, out_dir, base_url):
    if not qr.available():
        return 1
    os.makedirs(out_dir, exist_ok=True)
    items = store.list_dossiers_brief()
    for d in items:
        url = f"{base_url.rstrip('/')}/d/{d['code']}#k={d['secret']}"
        qr_uri = qr.data_uri(url)
        e = html.escape
        lines = [
            ("bold", e(d["agency_name_vi"].upper())),
            ("", e("Bộ phận Tiếp nhận và Trả kết quả")),
            ("title", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
            ("", "Mã hồ sơ: <tspan font-weight='bold'>" + e(d["code"]) + "</tspan>"),
            ("", "Mã tra cứu: <tspan font-weight='bold' font-family='monospace'>" + e(d["secret"]) + "</tspan>"),
            ("", "Người nộp: " + e(initials(d["owner_name"]))),
            ("", "Thủ tục: " + e(d["procedure_name_vi"])),
            ("", "Tiếp nhận lúc: " + _fmt(d["received_at"])),
            ("", "Hẹn trả kết quả: <tspan font-weight='bold'>" + _fmt(d["due_at"]) + "</tspan>"),
            ("", "Trạng thái hiện tại: " + e(status_name(d["status"], "vi"))),
            ("small", "Quét mã QR hoặc nhập mã hồ sơ và mã tra cứu trong ứng dụng Một Cửa để theo dõi hồ sơ."),
        ]
        y, body = 40, []
        for style, text in lines:
            attrs = {"bold": "font-weight='bold' font-size='15'", "title": "font-weight='bold' font-size='17'",
                     "small": "font-size='11' fill='#444'"}.get(style, "font-size='14'")
            body.append(f"<text x='24' y='{y}' {attrs}>{text}</text>")
            y += 30 if style == "title" else 24
        svg = ("<?xml version='1.0' encoding='UTF-8'?>\n"
               f"<svg xmlns='http://www.w3.org/2000/svg' width='640' height='{y + 200}' "
               f"viewBox='0 0 640 {y + 200}' font-family='Noto Sans, DejaVu Sans, sans-serif'>"
               f"<rect width='100%' height='100%' fill='white'/>{''.join(body)}"
               f"<image x='24' y='{y}' width='180' height='180' href='{qr_uri}'/></svg>\n")
        with open(os.path.join(out_dir, d["code"] + ".svg"), "w", encoding="utf-8") as f:
            f.write(svg)
    print(f"Wrote {len(items)} receipts to {out_dir}")
    return 0


def main(argv, repo):
    args = parse_args(argv, repo)
    if args.dump_demo:
        return dump_demo(args.dump_demo, args.seed_date)
    if args.backup:
        return backup(args.data_dir, args.backup)
    try:
        trusted = parse_networks(args.trusted_proxy)
    except ValueError as e:
        print(f"error: --trusted-proxy: {e}", file=sys.stderr)
        return 2
    try:
        store = open_store(args.data_dir, args.seed_date, database=args.database)
    except OSError as e:
        print(f"error: cannot open the data directory {args.data_dir}: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # the database driver's own errors (a wrong URL, a server down)
        if not args.database:
            raise
        print(f"error: cannot open the database: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    if args.seed:
        print(f"Database ready: {store.path} ({store.dossier_count()} dossiers)")
        store.close()
        return 0
    if args.print_receipts:
        base = args.public_url or f"http://{args.host}:{args.port}"
        rc = print_receipts(store, args.print_receipts, base)
        store.close()
        return rc
    if args.print_posters:
        base = args.public_url or f"http://{args.host}:{args.port}"
        rc = posters.print_posters(store, args.print_posters, base, args.poster_lang)
        store.close()
        return rc
    try:
        token = admin_token(args.data_dir)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        store.close()
        return 2
    if not args.no_build:
        if not ensure_build(repo, args.app_dir):
            store.close()
            return 2
    elif not os.path.isfile(os.path.join(args.app_dir, "index.html")):
        print(f"warning: {args.app_dir}/index.html is missing (the app is not built); serving the API only.",
              file=sys.stderr, flush=True)
    try:
        from . import http_server
    except ImportError as e:
        print(f"error: {e}. serve.py needs Debian's python3-aiohttp (tools/setup.sh installs it) and runs "
              "under /usr/bin/python3.", file=sys.stderr)
        store.close()
        return 2
    try:
        app = App(store, args.app_dir, token, quiet=args.quiet, trusted_proxies=trusted,
                  data_dir=args.data_dir, public_url=args.public_url)
    except ValueError as e:  # a malformed MOTCUA_VAPID_PRIVATE_KEY
        print(f"error: {e}", file=sys.stderr)
        store.close()
        return 2
    host = f"[{args.host}]" if ":" in args.host else args.host

    def ready(port):
        print(f"Một Cửa is serving the app on http://{host}:{port}/ "
              f"(API: /api/v1/health; data: {args.data_dir}). Press Ctrl-C to stop.", flush=True)

    try:
        asyncio.run(http_server.serve(app, args.host, args.port, args.max_connections, ready, args.head_timeout))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            print(f"error: port {args.port} on {args.host} is already in use (another serve.py?). Stop it or "
                  f"choose another port with --port.", file=sys.stderr)
        else:
            print(f"error: cannot listen on {args.host}:{args.port}: {e.strerror or e}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print("Stopped.", flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:], os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
