"""The server's VAPID key pair (RFC 8292): from MOTCUA_VAPID_PRIVATE_KEY, else made once and kept
(a file in the data dir on SQLite; in the shared database on PostgreSQL, so every instance
signs with the key the browsers subscribed with). Signed JWTs are cached per push service."""
import os
import time

from . import push_crypto
from .util import write_private_file

KEY_FILE = "vapid_private_key"
JWT_LIFETIME = 12 * 3600 - 60  # RFC 8292 allows 24 h; push services ask for at most 12 h
JWT_REUSE = 3600  # a JWT is reused for an hour, then signed afresh


class Vapid:
    def __init__(self, private_key, subject):
        self.key = private_key
        self.subject = subject
        self.public_key = push_crypto.b64url(push_crypto.public_bytes(private_key))
        self._jwts = {}  # audience -> (made at, header value)

    def authorization(self, audience, now=None):
        now = time.time() if now is None else now
        hit = self._jwts.get(audience)
        if hit is None or now - hit[0] > JWT_REUSE:
            jwt = push_crypto.vapid_jwt(self.key, audience, now + JWT_LIFETIME, self.subject)
            hit = (now, f"vapid t={jwt}, k={self.public_key}")
            if len(self._jwts) > 1000:
                self._jwts.clear()
            self._jwts[audience] = hit
        return hit[1]


def _scalar(text, where):
    try:
        raw = push_crypto.unb64url(text.strip())
        if len(raw) != 32:
            raise ValueError
        return push_crypto.private_from_scalar(raw)
    except ValueError:
        raise ValueError(f"{where} must be a P-256 private key: 32 bytes in base64url") from None


def load(store, data_dir):
    """The Vapid signer of this server (ValueError for a malformed key)."""
    subject = os.environ.get("MOTCUA_VAPID_SUBJECT") or "mailto:motcua@localhost.invalid"
    env = os.environ.get("MOTCUA_VAPID_PRIVATE_KEY")
    if env:
        return Vapid(_scalar(env, "MOTCUA_VAPID_PRIVATE_KEY"), subject)
    fresh = push_crypto.b64url(_new_scalar())
    if store.dialect == "postgresql":
        return Vapid(_scalar(store.get_or_create_meta("vapid_private_key", fresh), "the stored VAPID key"), subject)
    path = os.path.join(data_dir, KEY_FILE)
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            return Vapid(_scalar(f.read(), path), subject)
    except FileNotFoundError:
        pass
    write_private_file(path, fresh)
    return Vapid(_scalar(fresh, path), subject)


def _new_scalar():
    from cryptography.hazmat.primitives.asymmetric import ec
    return ec.generate_private_key(ec.SECP256R1()).private_numbers().private_value.to_bytes(32, "big")
