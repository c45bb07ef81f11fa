"""Một Cửa back end: static app server and status API (Python standard library only)."""
