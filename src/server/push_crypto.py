"""Web Push message encryption (RFC 8291, aes128gcm content coding of RFC 8188) and the VAPID
JWT (RFC 8292), built from python3-cryptography's primitives only: ECDH P-256, HKDF-SHA-256,
AES-128-GCM and ECDSA P-256/SHA-256."""
import base64
import json
import os
import struct

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

RECORD_SIZE = 4096
# One record: the payload, the 0x02 delimiter and the 16-byte tag must fit in RECORD_SIZE.
MAX_PAYLOAD = RECORD_SIZE - 17


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text):
    """Bytes of base64url text with or without padding; ValueError for anything else."""
    if not isinstance(text, str) or not text.isascii():
        raise ValueError("not base64url")
    text = text.rstrip("=")
    if any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for ch in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_bytes(key):
    """The uncompressed point (65 bytes, 0x04 || X || Y) of a P-256 key."""
    pub = key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key
    return pub.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def load_public(raw):
    """A P-256 public key from its uncompressed point; ValueError if it is not one."""
    if len(raw) != 65 or raw[0] != 4:
        raise ValueError("not an uncompressed P-256 point")
    return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)


def private_from_scalar(raw):
    return ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())


def _hkdf(salt, ikm, info, length):
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def encrypt(payload, ua_public, auth_secret, salt=None, server_key=None):
    """The aes128gcm body for one push message (RFC 8291 section 3.4, one record).
    salt and server_key are fixed only to reproduce the RFC's example."""
    if len(payload) > MAX_PAYLOAD:
        raise ValueError("payload too large for one record")
    salt = os.urandom(16) if salt is None else salt
    server_key = ec.generate_private_key(ec.SECP256R1()) if server_key is None else server_key
    ua_key = load_public(ua_public)
    as_public = public_bytes(server_key)
    ecdh_secret = server_key.exchange(ec.ECDH(), ua_key)
    ikm = _hkdf(auth_secret, ecdh_secret, b"WebPush: info\x00" + ua_public + as_public, 32)
    cek = _hkdf(salt, ikm, b"Content-Encoding: aes128gcm\x00", 16)
    nonce = _hkdf(salt, ikm, b"Content-Encoding: nonce\x00", 12)
    header = salt + struct.pack("!IB", RECORD_SIZE, len(as_public)) + as_public
    return header + AESGCM(cek).encrypt(nonce, payload + b"\x02", None)


def decrypt(body, ua_private, auth_secret):
    """The receiving side (a browser's job; here for tests and tools): plaintext of one record."""
    salt, idlen = body[:16], body[20]  # bytes 16-19: the record size; 20: the key id length
    as_public = body[21:21 + idlen]
    ua_public = public_bytes(ua_private)
    ecdh_secret = ua_private.exchange(ec.ECDH(), load_public(as_public))
    ikm = _hkdf(auth_secret, ecdh_secret, b"WebPush: info\x00" + ua_public + as_public, 32)
    cek = _hkdf(salt, ikm, b"Content-Encoding: aes128gcm\x00", 16)
    nonce = _hkdf(salt, ikm, b"Content-Encoding: nonce\x00", 12)
    padded = AESGCM(cek).decrypt(nonce, body[21 + idlen:], None)
    return padded.rstrip(b"\x00")[:-1]


def vapid_jwt(private_key, audience, expires_at, subject):
    """An ES256 JWT for the push service at `audience` (its origin), RFC 8292 section 2."""
    header = b64url(json.dumps({"typ": "JWT", "alg": "ES256"}, separators=(",", ":")).encode())
    claims = b64url(json.dumps({"aud": audience, "exp": int(expires_at), "sub": subject},
                               separators=(",", ":")).encode())
    signing_input = f"{header}.{claims}".encode("ascii")
    r, s = decode_dss_signature(private_key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
    return f"{header}.{claims}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"
