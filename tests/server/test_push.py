"""Web Push from the server (RFC 8030/8291/8292): the RFC's worked example byte for byte, and a
push service inside the test that receives, checks and decrypts what a back-office event sends."""
import base64
import json
import os
import shutil
import tempfile
import time
import unittest

import pg_cluster
from push_peer import Peer, PeerCase
from test_support import Client, Server, make_app_dir

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
    from server import push_crypto
    NO_CRYPTO = None
except ImportError as e:  # python3 on PATH without python3-cryptography
    NO_CRYPTO = f"cryptography is not importable by {os.sys.executable}: {e}"

FAST = PeerCase.ENV


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Device:
    """A browser's subscription: its own P-256 key pair and auth secret, made by the test."""

    def __init__(self, peer, path, lang=None):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.endpoint = peer.url(path)
        self.path = path
        self.lang = lang

    def subscription(self):
        body = {"endpoint": self.endpoint, "expirationTime": None,
                "keys": {"p256dh": b64(push_crypto.public_bytes(self.key)), "auth": b64(self.auth)}}
        if self.lang:
            body["lang"] = self.lang
        return body

    def open(self, body):
        return json.loads(push_crypto.decrypt(body, self.key, self.auth))


@unittest.skipIf(NO_CRYPTO, NO_CRYPTO or "")
class Rfc8291ExampleTests(unittest.TestCase):
    def test_the_worked_example_of_appendix_a_is_reproduced_byte_for_byte(self):
        server_key = push_crypto.private_from_scalar(unb64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"))
        ua_key = push_crypto.private_from_scalar(unb64("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94"))
        self.assertEqual(b64(push_crypto.public_bytes(ua_key)),
                         "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4")
        body = push_crypto.encrypt(b"When I grow up, I want to be a watermelon", push_crypto.public_bytes(ua_key),
                                   unb64("BTBZMqHH6r4Tts7J_aSIgg"), salt=unb64("DGv6ra1nlYgDCS1FRnbzlw"),
                                   server_key=server_key)
        self.assertEqual(b64(body),
                         "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmY"
                         "WAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSg"
                         "Sxsj_Qulcy4a-fN")
        self.assertEqual(push_crypto.decrypt(body, ua_key, unb64("BTBZMqHH6r4Tts7J_aSIgg")),
                         b"When I grow up, I want to be a watermelon")


@unittest.skipIf(NO_CRYPTO, NO_CRYPTO or "")
class PushDeliveryTests(PeerCase):
    def restart(self):
        self.server.stop()
        type(self).server = Server(self.data_dir, self.app_dir, env=self.env).start()
        type(self).client = Client(self.server.port)

    def dossier(self):
        d = self.client.new_dossier()
        token, _ = self.client.lookup(d["code"], d["secret"])
        return d, token

    def subscribe(self, code, token, device, expect=201):
        status, obj, _ = self.client.json("POST", f"/api/v1/dossiers/{code}/subscriptions", device.subscription(),
                                          token=token)
        self.assertEqual(status, expect, obj)
        return obj

    def subscribed(self, code, token, device):
        path = f"/api/v1/dossiers/{code}/subscriptions?endpoint=" + device.endpoint.replace(":", "%3A")
        status, obj, _ = self.client.json("GET", path, token=token)
        self.assertEqual(status, 200, obj)
        return obj["subscribed"]

    def check_vapid(self, headers, public_key):
        scheme, _, params = headers["authorization"].partition(" ")
        self.assertEqual(scheme, "vapid")
        fields = dict(p.strip().split("=", 1) for p in params.split(","))
        self.assertEqual(fields["k"], public_key)
        head, claims, sig = fields["t"].split(".")
        self.assertEqual(json.loads(unb64(head)), {"typ": "JWT", "alg": "ES256"})
        raw = unb64(sig)
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(public_key))
        try:
            key.verify(encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")),
                       f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            self.fail("the VAPID JWT's signature does not verify with the server's public key")
        claims = json.loads(unb64(claims))
        self.assertEqual(claims["aud"], f"http://127.0.0.1:{self.peer.port}")
        self.assertGreater(claims["exp"], time.time())
        self.assertLessEqual(claims["exp"], time.time() + 12 * 3600)
        self.assertTrue(claims["sub"].startswith(("mailto:", "https:")), claims)

    def public_key(self):
        status, obj, _ = self.client.json("GET", "/api/v1/push/key")
        self.assertEqual(status, 200, obj)
        raw = unb64(obj["public_key"])
        self.assertEqual((len(raw), raw[0]), (65, 4))
        return obj["public_key"]

    def test_a_status_event_reaches_the_device_signed_encrypted_and_in_its_language(self):
        d, token = self.dossier()
        vi, en = Device(self.peer, "/push/status-vi"), Device(self.peer, "/push/status-en", "en")
        self.subscribe(d["code"], token, vi)
        self.subscribe(d["code"], token, vi, expect=200)  # the same again: no second subscription
        self.subscribe(d["code"], token, en)
        self.client.event(d["code"], type="status", status=4, note="Đang thẩm định")
        key = self.public_key()
        for device, word in ((vi, "Đang xử lý"), (en, "Processing")):
            [(_, headers, body)] = self.peer.wait_posts(device.path, 1)
            self.assertEqual(headers["content-encoding"], "aes128gcm")
            self.assertGreater(int(headers["ttl"]), 0)
            self.assertIn(headers["urgency"], ("very-low", "low", "normal", "high"))
            self.check_vapid(headers, key)
            message = device.open(body)
            self.assertEqual((message["code"], message["status"], message["status_name"]), (d["code"], 4, word))
            self.assertTrue(message["body"])
            self.assertNotIn("Nguyễn", json.dumps(message, ensure_ascii=False))  # never the owner's name
            self.assertNotIn(d["secret"], json.dumps(message))
        self.assertEqual(len(self.peer.posts(vi.path)), 1)

    def test_supplement_fee_apology_and_result_each_notify(self):
        d, token = self.dossier()
        device = Device(self.peer, "/push/kinds", "en")
        self.subscribe(d["code"], token, device)
        self.client.event(d["code"], type="supplement", content="Bản sao sổ hộ khẩu")
        self.client.event(d["code"], type="fee", name="Lệ phí", amount=50000)
        self.client.event(d["code"], type="apology", reason="Chờ xác minh", new_due_at="2099-01-05")
        self.client.event(d["code"], type="status", status=9)
        posts = self.peer.wait_posts(device.path, 4)
        events = [device.open(body)["event"] for _, _, body in posts]
        self.assertEqual(events, ["supplement", "fee", "apology", "status"])  # in order per dossier
        self.assertEqual(device.open(posts[-1][2])["status_name"], "Result ready")

    def test_a_410_ends_the_subscription(self):
        d, token = self.dossier()
        device = Device(self.peer, "/push/gone")
        self.peer.answer(device.path, 410)
        self.subscribe(d["code"], token, device)
        self.assertTrue(self.subscribed(d["code"], token, device))
        self.client.event(d["code"], type="status", status=4)
        self.peer.wait_posts(device.path, 1)
        deadline = time.monotonic() + 20  # the drop is written right after the answer: bounded polling
        while self.subscribed(d["code"], token, device) and time.monotonic() < deadline:
            pass
        self.assertFalse(self.subscribed(d["code"], token, device))
        self.subscribe(d["code"], token, device, expect=201)  # a fresh subscription again

    def test_a_500_is_retried_until_accepted(self):
        d, token = self.dossier()
        device = Device(self.peer, "/push/flaky", "en")
        self.peer.answer(device.path, 500, 503, 429)
        self.subscribe(d["code"], token, device)
        self.client.event(d["code"], type="status", status=4)
        posts = self.peer.wait_posts(device.path, 4)
        self.assertEqual({device.open(b)["status"] for _, _, b in posts}, {4})
        self.assertTrue(self.subscribed(d["code"], token, device))

    def test_a_restart_in_between_loses_nothing(self):
        d, token = self.dossier()
        key = self.public_key()
        device = Device(self.peer, "/push/restart", "en")
        self.peer.answer(device.path, *[503] * 1000)
        self.subscribe(d["code"], token, device)
        self.client.event(d["code"], type="status", status=4)
        self.peer.wait_posts(device.path, 1)
        self.restart()
        n = len(self.peer.posts(device.path))
        self.peer.answer(device.path)  # the push service is back
        self.assertEqual(self.public_key(), key)  # the same key pair: subscriptions stay valid
        posts = self.peer.wait_posts(device.path, n + 1)
        self.assertEqual(device.open(posts[-1][2])["status"], 4)
        self.check_vapid(posts[-1][1], key)

    def test_subscriptions_are_checked_and_limited(self):
        d, token = self.dossier()
        url = f"/api/v1/dossiers/{d['code']}/subscriptions"
        good = Device(self.peer, "/push/limit-0").subscription()
        bad = [
            dict(good, endpoint="http://push.example.com/x"),  # not https
            dict(good, endpoint="https://10.1.2.3/x"),  # not a public address
            dict(good, endpoint="https://localhost/x"),
            dict(good, endpoint="https://[::1]:8443/x"),
            dict(good, endpoint="https://169.254.169.254/latest"),
            dict(good, endpoint=f"http://127.0.0.1:{self.peer.port + 1}/x"),  # not the allowed port
            dict(good, endpoint=12),
            dict(good, keys={"p256dh": good["keys"]["p256dh"][:-4], "auth": good["keys"]["auth"]}),
            dict(good, keys={"p256dh": b64(b"\x04" + b"\x01" * 64), "auth": good["keys"]["auth"]}),  # off the curve
            dict(good, keys={"p256dh": good["keys"]["p256dh"], "auth": "!!"}),
            dict(good, keys="x"),
            dict(good, lang="fr"),
        ]
        for body in bad:
            status, obj, _ = self.client.json("POST", url, body, token=token)
            self.assertEqual(status, 422, (body, obj))
            self.assertIn(obj["errors"][0]["code"], ("invalid_field", "missing_field"), obj)
        for raw in (b"[]", b"{", b"null"):
            status, obj, _ = self.client.json("POST", url, raw, token=token, headers={"Content-Type": "application/json"})
            self.assertIn(status, (400, 422), obj)
        status, obj, _ = self.client.json("POST", url, good)
        self.assertEqual(status, 401, obj)
        status, obj, _ = self.client.json("POST", "/api/v1/dossiers/000.00.12.H42-991231-9999/subscriptions", good,
                                          token=token)
        self.assertEqual(status, 401, obj)  # a token opens its own dossier only
        for i in range(5):
            self.subscribe(d["code"], token, Device(self.peer, f"/push/limit-{i}"))
        status, obj, _ = self.client.json("POST", url, Device(self.peer, "/push/limit-5").subscription(), token=token)
        self.assertEqual((status, obj["errors"][0]["code"]), (409, "too_many_subscriptions"), obj)
        # turning one off makes room; turning it off twice is harmless (a kiosk wipe may repeat it)
        for _ in range(2):
            status, _, _ = self.client.request("DELETE", url, {"endpoint": good["endpoint"]}, token=token)
            self.assertEqual(status, 204)
        status, obj, _ = self.client.json("DELETE", url, {"nope": 1}, token=token)
        self.assertEqual(status, 422, obj)
        self.subscribe(d["code"], token, Device(self.peer, "/push/limit-5"))


@unittest.skipIf(NO_CRYPTO or pg_cluster.unavailable(), f"needs cryptography and PostgreSQL: "
                 f"{NO_CRYPTO or pg_cluster.unavailable()}")
class TwoSendersTests(unittest.TestCase):
    """Two instances on one PostgreSQL database: each notification leaves exactly once."""

    def test_two_instances_never_send_the_same_row(self):
        peer = Peer()
        tmp = tempfile.mkdtemp(prefix="motcua-push2-")
        try:
            app = make_app_dir(tmp + "/app")
            url = pg_cluster.cluster().new_database()
            env = dict(FAST, MOTCUA_PUSH_ALLOW=f"127.0.0.1:{peer.port}")
            a = Server(tmp + "/a", app, ["--database", url], env=env).start()
            b = Server(tmp + "/b", app, ["--database", url], env=env).start()
            try:
                ca, cb = Client(a.port), Client(b.port)
                self.assertEqual(ca.json("GET", "/api/v1/push/key")[1], cb.json("GET", "/api/v1/push/key")[1])
                devices = []
                for i in range(4):
                    d = ca.new_dossier()
                    token, _ = ca.lookup(d["code"], d["secret"])
                    for j in range(5):
                        device = Device(peer, f"/two/{i}/{j}")
                        status, obj, _ = cb.json("POST", f"/api/v1/dossiers/{d['code']}/subscriptions",
                                                 device.subscription(), token=token)
                        self.assertEqual(status, 201, obj)
                        devices.append(device)
                    for k, status in enumerate((4, 5, 4, 9)):
                        (ca if k % 2 else cb).event(d["code"], type="status", status=status)
                for device in devices:
                    posts = peer.wait_posts(device.path, 4)
                    self.assertEqual([device.open(p[2])["status"] for p in posts], [4, 5, 4, 9])
                # and nothing twice (a duplicate would have been sent with the others)
                self.assertEqual(len(peer.received), 4 * 5 * 4)
            finally:
                a.stop()
                b.stop()
        finally:
            peer.close()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
