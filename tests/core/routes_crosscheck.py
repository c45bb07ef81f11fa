#!/usr/bin/env python3
"""The app and the server must read addresses alike: runs the app's route table (route_table,
built by CMake) and src/server/routes.py (standard library only) over the same URLs, and compares
the screen, its parameters and the canonical URL. Usage: routes_crosscheck.py TABLE_TOOL"""
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "src"))
from server import routes  # noqa: E402

CODE = "000.00.12.H42-241124-0001"
PATHS = [
    "/", "", "x", "/d/" + CODE, "/d/" + CODE.lower(), "/d/" + CODE + "/", "/d/" + CODE + "/rate",
    "/d/" + CODE + "/rate/x", "/d/" + CODE.replace(".", "%2E"), "/d/000.00.12.H42-240230-0001",
    "/d/000.00.12.H42-241324-0001", "/d/not-a-code", "/d/", "/d", "/scan", "/scan/", "/scan//", "/lookup",
    "/procedures", "/procedures/1.004873", "/procedures/1.004873/", "/procedures/abc-1_2.x",
    "/procedures/" + "1" * 32, "/procedures/" + "1" * 33, "/procedures/a%2Fb", "/procedures/h%E1%BB%99",
    "/procedures/%FF", "/ask", "/ask/x", "/lookups", "/lookups/", "/lookups/exam-results", "/lookups/Exam", "/lookups/a%2Db",
    "/lookups/" + "a" * 40, "/lookups/" + "a" * 41, "/lookups/x/y", "/requests", "/requests/new", "/requests/New", "/requests/new/x", "/requests/1", "/requests/0", "/requests/007",
    "/requests/-1", "/requests/+1", "/requests/9223372036854775807", "/requests/9223372036854775808",
    "/requests/1e3", "/requests/" + "0" * 5000 + "5", "/requests/" + "9" * 5000, "/places", "/places/sight", "/places/Sight", "/places/power_cut/12",
    "/places/power%5Fcut/12", "/places/castle/1", "/places/health/0", "/places/bus/3/x", "/stats",
    "/Stats", "//stats", "/index.html", "/not-found", "/%2F", "/a/b/c/d/e",
]
QUERIES = [
    "", "lang=en", "lang=vi", "lang=ko", "lang=zh", "lang=ja", "lang=fr", "lang=EN", "la%6Eg=ja",
    "lang=en&lang=vi", "lang", "q=khai+sinh&lang=en", "q=+khai%20sinh++", "q=Vie%CC%A3%CC%82t+Nam",
    "q=nguye%CC%82%CC%83n", "q=h%E1%BB%99+kh%E1%BA%A9u", "q=a%00b%0Ac%7F", "q=%FF%FE", "q=%E1%BB",
    "q=100%25+%26+a%2Bb%3Dc+%23", "q=" + "x" * 250, "q=" + "%E1%BB%99" * 230, "q=%ZZ", "q=first&q=second",
    "k=ABCDEF&secret=ABCDEF", "utm_source=zalo&lang=zh", "q=",
]


def server_line(url):
    r = routes.parse_url(url)
    return "\t".join([r.screen, r.code, r.procedure, r.kind, r.dataset, str(r.id), r.question, r.lang or "",
                      routes.format_route(r)])


def main():
    urls = []
    for path in PATHS:
        for query in QUERIES:
            urls.append(path + ("?" + query if query else ""))
    urls.append("/d/" + CODE + "#k=ABCDEF")
    app = subprocess.run([sys.argv[1]], input="\n".join(urls) + "\n", check=True, capture_output=True,
                         encoding="utf-8").stdout.split("\n")[:-1]
    differ = [(u, a, server_line(u)) for u, a in zip(urls, app) if a != server_line(u)]
    if len(app) != len(urls) or differ:
        print(f"{len(urls)} URLs, app answered {len(app)} lines, {len(differ)} differ; first ones:")
        for u, a, s in differ[:8]:
            print(f"  {u!r}\n    app:    {a!r}\n    server: {s!r}")
        return 1
    screens = {line.split("\t")[0] for line in app}
    print(f"{len(urls)} URLs read alike by the app and the server ({len(screens)} screens)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
