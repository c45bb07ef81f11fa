#!/usr/bin/env python3
"""Một Cửa: serve the built web app and the status API (standard library only).

    python3 serve.py                  # build if needed, seed the demo database, serve on 127.0.0.1:8000
    python3 serve.py --help           # all options
"""
import os
import sys

REPO = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(REPO, "src"))

from server.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], REPO))
