#!/usr/bin/env python3
"""Packages the WebAssembly build into build/web/dist: content-hashed names, index.html that points
at them, and brotli/gzip siblings for serve.py to send when the browser accepts them."""
import argparse
import gzip
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import sys

import make_icons  # tools/make_icons.py, beside this script


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


def hashed_name(stem: str, ext: str, data: bytes) -> str:
    return f"{stem}.{digest(data)}.{ext}"


def compress(path: pathlib.Path) -> None:
    data = path.read_bytes()
    with open(str(path) + ".gz", "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as out:
        out.write(data)
    if shutil.which("brotli"):
        subprocess.run(["brotli", "-f", "-q", "11", "-o", str(path) + ".br", str(path)], check=True)


# Loaded when the QR scanner first opens: the service worker caches them on first use instead.
# So is the Korean/Chinese/Japanese font, fetched only when one of those languages is chosen.
RUNTIME_CACHED = ("zxing_", "scanner_worker.", "qr_decode.", "cjk.", "cjk_bold.")


def write_service_worker(web: pathlib.Path, dist: pathlib.Path) -> None:
    """web/sw.js -> dist/sw.js (stable name) with the app shell to precache and a build id that
    changes with any file of it, so each deployment is a new service worker for the browser."""
    precache, runtime, ids = ["/"], [], []
    for path in sorted(dist.iterdir()):
        name = path.name
        if name == "sw.js" or path.suffix in (".br", ".gz") or not path.is_file():
            continue
        ids.append(name + ":" + digest(path.read_bytes()))
        if name == "index.html":
            continue
        (runtime if name.startswith(RUNTIME_CACHED) else precache).append("/" + name)
    build_id = digest("\n".join(ids).encode())
    sw = (web / "sw.js").read_text(encoding="utf-8")
    for key, value in (("__PRECACHE__", json.dumps(precache)), ("__RUNTIME__", json.dumps(runtime)),
                       ("__BUILD_ID__", build_id)):
        if key not in sw:
            raise SystemExit(f"package_web: web/sw.js lacks {key}")
        sw = sw.replace(key, value)
    (dist / "sw.js").write_text(sw, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--web", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--cjk-font", help="the Korean/Chinese/Japanese font subset (build/generated)")
    parser.add_argument("--cjk-bold-font", help="its bold face, fetched after it")
    parser.add_argument("--node-modules", help="where zxing-wasm is installed (default: beside web/)")
    args = parser.parse_args()
    build, web, out = pathlib.Path(args.build), pathlib.Path(args.web), pathlib.Path(args.out)
    modules = pathlib.Path(args.node_modules) if args.node_modules else web.parent / "node_modules"

    wasm = (build / "app.wasm").read_bytes()
    js = (build / "app.js").read_bytes()
    css = (web / "style.css").read_bytes()
    names = {
        "__APP_WASM__": hashed_name("app", "wasm", wasm),
        "__APP_JS__": hashed_name("app", "js", js),
        "__STYLE_CSS__": hashed_name("style", "css", css),
    }
    # The QR scanner (web/scanner.js) and its decoder Worker with zxing-wasm's reader build, all
    # under hashed names; only the small scanner.js is on the first screen, the rest loads when
    # the scanner opens. zxing's reader imports "../share.js": point it at the hashed sibling.
    zxing = modules / "zxing-wasm" / "dist"
    if not (zxing / "reader" / "zxing_reader.wasm").exists():
        print(f"package_web: {zxing} missing; run `npm ci` in the repository", file=sys.stderr)
        return 1
    files = {}

    def add(key, stem, ext, data, text=True):
        if text:
            for k, v in names.items():
                data = data.replace(k, v)
            data = data.encode()
        names[key] = hashed_name(stem, ext, data)
        files[names[key]] = data

    add("__ZXING_SHARE_JS__", "zxing_share", "js", (zxing / "es" / "share.js").read_text(encoding="utf-8"))
    reader = (zxing / "es" / "reader" / "index.js").read_text(encoding="utf-8")
    if '"../share.js"' not in reader:
        print("package_web: zxing-wasm's reader no longer imports ../share.js", file=sys.stderr)
        return 1
    add("__ZXING_READER_JS__", "zxing_reader", "js", reader.replace('"../share.js"', '"./__ZXING_SHARE_JS__"'))
    add("__ZXING_WASM__", "zxing_reader", "wasm", (zxing / "reader" / "zxing_reader.wasm").read_bytes(), text=False)
    add("__QR_DECODE_JS__", "qr_decode", "js", (web / "qr_decode.js").read_text(encoding="utf-8"))
    add("__SCANNER_WORKER_JS__", "scanner_worker", "js", (web / "scanner_worker.js").read_text(encoding="utf-8"))
    add("__WASM_STRING_JS__", "wasm_string", "js", (web / "wasm_string.js").read_text(encoding="utf-8"))
    add("__SCANNER_JS__", "scanner", "js", (web / "scanner.js").read_text(encoding="utf-8"))
    add("__PWA_JS__", "pwa", "js", (web / "pwa.js").read_text(encoding="utf-8"))
    add("__PUSH_JS__", "push", "js", (web / "push.js").read_text(encoding="utf-8"))
    # Not in the wasm: the app fetches it (its name is written into shell.js) when a citizen picks
    # Korean, Chinese or Japanese. Without --cjk-font those languages stay in English.
    if args.cjk_font:
        cjk = pathlib.Path(args.cjk_font)
        add("__CJK_FONT__", "cjk", cjk.suffix.lstrip("."), cjk.read_bytes(), text=False)
    if args.cjk_font and args.cjk_bold_font:
        bold = pathlib.Path(args.cjk_bold_font)
        add("__CJK_BOLD_FONT__", "cjk_bold", bold.suffix.lstrip("."), bold.read_bytes(), text=False)
    cjk_url = "/" + names["__CJK_FONT__"] if "__CJK_FONT__" in names else ""
    cjk_bold_url = "/" + names["__CJK_BOLD_FONT__"] if "__CJK_BOLD_FONT__" in names else ""

    shell = (web / "shell.js").read_text(encoding="utf-8").replace("__CJK_FONT_URL__", cjk_url)
    shell = shell.replace("__CJK_BOLD_FONT_URL__", cjk_bold_url)
    for key, value in names.items():
        shell = shell.replace(key, value)
    names["__SHELL_JS__"] = hashed_name("shell", "js", shell.encode())
    index = (web / "index.html").read_text(encoding="utf-8")
    for key, value in names.items():
        index = index.replace(key, value)

    # A private folder per run: two builds packaging at once must not mix their files.
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix=out.name + ".tmp-", dir=out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it 0700; nginx's workers (www-data) must read dist (docs/deploy.md)
    (tmp / names["__APP_WASM__"]).write_bytes(wasm)
    (tmp / names["__APP_JS__"]).write_bytes(js)
    (tmp / names["__STYLE_CSS__"]).write_bytes(css)
    (tmp / names["__SHELL_JS__"]).write_text(shell, encoding="utf-8")
    (tmp / "index.html").write_text(index, encoding="utf-8")
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    for extra in sorted(web.glob("*.png")) + sorted(web.glob("*.svg")) + sorted(web.glob("*.webmanifest")):
        shutil.copy(extra, tmp / extra.name)
    # Installable and offline: icons drawn now, then the service worker with the precache list.
    make_icons.write_all(tmp)
    write_service_worker(web, tmp)
    for path in list(tmp.iterdir()):
        if path.suffix in (".js", ".wasm", ".css", ".html", ".svg", ".webmanifest", ".otf", ".ttf"):
            compress(path)
    # Swap in one step so serve.py never sees a half-written dist.
    if out.exists():
        old = out.with_name(f"{out.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old)
    else:
        tmp.rename(out)
    print(f"packaged {out}: " + ", ".join(sorted(n for n in names.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
