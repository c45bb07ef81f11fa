"""Where the server may send notifications: push endpoints and webhook receivers are URLs from
outside, so a request to them must never reach the server's own network (SSRF). Only https to
public addresses, checked when the URL is given and again on every connection (a name may
resolve elsewhere later); MOTCUA_PUSH_ALLOW=host:port,... lets tests use plain http on loopback."""
import ipaddress
import os
import socket
import urllib.parse

MAX_URL = 2048
LOCAL_SUFFIXES = (".local", ".localhost", ".internal", ".lan", ".home.arpa", ".test", ".invalid")


def allowed_hosts(text=None):
    text = os.environ.get("MOTCUA_PUSH_ALLOW", "") if text is None else text
    return frozenset(item.strip().lower() for item in text.split(",") if item.strip())


def _public(address):
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(url, allow):
    """(scheme, host, port) of an acceptable URL; ValueError saying why not."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL or not url.isascii():
        raise ValueError(f"must be an https URL of at most {MAX_URL} characters")
    if any(ch <= " " for ch in url):
        raise ValueError("must not contain spaces or control characters")
    try:
        parts = urllib.parse.urlsplit(url)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        raise ValueError("is not a valid URL") from None
    if parts.username is not None or parts.password is not None or parts.fragment:
        raise ValueError("must not carry credentials or a fragment")
    scheme = parts.scheme.lower()
    port = port or (443 if scheme == "https" else 80)
    if not host:
        raise ValueError("has no host")
    if f"{host}:{port}" in allow and scheme in ("http", "https"):
        return scheme, host, port
    if scheme != "https":
        raise ValueError("must use https")
    try:
        public = _public(host)
    except ValueError:  # a name, not an address
        public = None
    if public is False:
        raise ValueError("must name a public address")
    # a name: not one that only means something on this network
    if public is None and ("." not in host or host.endswith(LOCAL_SUFFIXES)):
        raise ValueError("must name a public host")
    return scheme, host, port


def origin(url):
    """scheme://host[:port] of a URL, as the VAPID `aud` claim wants it."""
    parts = urllib.parse.urlsplit(url)
    scheme, host = parts.scheme.lower(), parts.hostname.lower()
    default = 443 if scheme == "https" else 80
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}" + (f":{parts.port}" if parts.port and parts.port != default else "")


def make_resolver(allow):
    """An aiohttp resolver that refuses names resolving to non-public addresses."""
    from aiohttp.resolver import DefaultResolver

    class SafeResolver(DefaultResolver):
        async def resolve(self, host, port=0, family=socket.AF_INET):
            hosts = await super().resolve(host, port, family)
            if f"{host.lower()}:{port}" in allow:
                return hosts
            if not hosts or not all(_public(h["host"]) for h in hosts):
                raise OSError(f"{host} resolves to an address that is not public")
            return hosts

    return SafeResolver()
