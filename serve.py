#!/usr/bin/env python3
"""Một Cửa: serve the built web app and the status API (aiohttp, Debian's python3-aiohttp).

    python3 serve.py                  # build if needed, seed the demo database, serve on 127.0.0.1:8000
    python3 serve.py --help           # all options
"""
import importlib.util
import os
import sys

REPO = os.path.dirname(os.path.abspath(__file__))
DEBIAN_PYTHON = "/usr/bin/python3"


def _debian_python_if_needed():
    """Debian's packages (aiohttp) live in /usr/bin/python3: when the python3 on PATH is another
    interpreter without them, run again under Debian's and say so."""
    if importlib.util.find_spec("aiohttp") is not None or not os.path.exists(DEBIAN_PYTHON):
        return
    if os.path.realpath(sys.executable) == os.path.realpath(DEBIAN_PYTHON) or os.environ.get("MOTCUA_REEXEC"):
        return
    print(f"serve.py: {sys.executable} has no aiohttp; running under {DEBIAN_PYTHON}", file=sys.stderr, flush=True)
    os.environ["MOTCUA_REEXEC"] = "1"
    os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])


if __name__ == "__main__":
    _debian_python_if_needed()
    sys.path.insert(0, os.path.join(REPO, "src"))
    from server.cli import main  # noqa: E402

    sys.exit(main(sys.argv[1:], REPO))
