"""Closed to abuse: secret guessing limited per client (IPv6 per /64) and per dossier
code, X-Forwarded-For believed only from a trusted proxy, lookups and live tokens bounded,
owners' names never published whole, demo secrets unguessable."""
import ipaddress
import os
import sqlite3
import subprocess
import sys
import tempfile
import shutil
import unittest

from test_support import ADMIN, SERVE, Client, ServerCase

from server.limits import client_address, client_key, parse_networks  # noqa: E402

WRONG = "ZZZZZZ"


def wrong_secret(d):
    return WRONG if d["secret"] != WRONG else "YYYYYY"


class ClientAddressTests(unittest.TestCase):
    def test_ipv6_counts_per_64_and_ipv4_per_address(self):
        key = lambda text: client_key(ipaddress.ip_address(text))  # noqa: E731
        self.assertEqual(key("2001:db8:1:2:aaaa::1"), key("2001:db8:1:2:ffff:1:2:3"))
        self.assertNotEqual(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"))
        self.assertNotEqual(key("192.0.2.1"), key("192.0.2.2"))
        self.assertEqual(client_address("::ffff:192.0.2.7", None, []), ipaddress.ip_address("192.0.2.7"))

    def test_forwarded_for_is_believed_only_from_trusted_proxies(self):
        trusted = parse_networks("127.0.0.1, 10.0.0.0/8")
        ip = ipaddress.ip_address
        self.assertEqual(client_address("192.0.2.9", "203.0.113.5", trusted), ip("192.0.2.9"))
        self.assertEqual(client_address("127.0.0.1", "203.0.113.5", trusted), ip("203.0.113.5"))
        # a client's own X-Forwarded-For entry is left of what the proxy appended: not believed
        self.assertEqual(client_address("127.0.0.1", "1.1.1.1, 203.0.113.5", trusted), ip("203.0.113.5"))
        self.assertEqual(client_address("127.0.0.1", "203.0.113.5, 10.1.2.3", trusted), ip("203.0.113.5"))
        self.assertEqual(client_address("127.0.0.1", "garbage", trusted), ip("127.0.0.1"))
        self.assertEqual(client_address("127.0.0.1", None, trusted), ip("127.0.0.1"))
        with self.assertRaises(ValueError):
            parse_networks("127.0.0.1, not-an-address")


class GuessingTests(ServerCase):
    def test_a_code_is_locked_after_ten_failures_from_many_addresses(self):
        d = self.client.new_dossier()
        other = self.client.new_dossier()
        for i in range(10):  # ten guessers, one guess each: no per-address limit is reached
            status, obj, _ = Client(self.server.port, f"127.10.0.{i + 1}").json(
                "POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": wrong_secret(d)})
            self.assertError(status, obj, 404, "not_found")
        fresh = Client(self.server.port, "127.10.1.1")
        status, obj, headers = fresh.json("POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": d["secret"]})
        self.assertError(status, obj, 429, "locked")
        self.assertTrue(60 < int(headers["Retry-After"]) <= 3600, headers["Retry-After"])
        # another dossier is not affected
        status, obj, _ = fresh.json("POST", "/api/v1/dossiers/lookup",
                                    {"code": other["code"], "secret": other["secret"]})
        self.assertEqual(status, 200, obj)

    def test_request_status_ids_are_locked_too(self):
        status, created, _ = self.client.json("POST", "/api/v1/requests",
                                              {"category": "question", "description": "Giờ làm việc?"})
        self.assertEqual(status, 201, created)
        for i in range(10):
            status, obj, _ = Client(self.server.port, f"127.11.0.{i + 1}").json(
                "GET", f"/api/v1/requests/{created['id']}", token="WRONGWRONG")
            self.assertError(status, obj, 404, "not_found")
        status, obj, _ = Client(self.server.port, "127.11.1.1").json(
            "GET", f"/api/v1/requests/{created['id']}", token=created["secret"])
        self.assertError(status, obj, 429, "locked")

    def test_secret_in_the_query_string_is_not_accepted(self):
        status, created, _ = self.client.json("POST", "/api/v1/requests",
                                              {"category": "question", "description": "Lệ phí bao nhiêu?"})
        c = Client(self.server.port, "127.12.0.1")
        status, obj, _ = c.json("GET", f"/api/v1/requests/{created['id']}?secret={created['secret']}")
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = c.json("GET", f"/api/v1/requests/{created['id']}", token=created["secret"])
        self.assertEqual(status, 200, obj)

    def test_forwarded_for_from_an_untrusted_peer_does_not_evade_the_limit(self):
        c = Client(self.server.port, "127.13.0.1")
        for i in range(10):
            status, _, _ = c.json("POST", "/api/v1/dossiers/lookup",
                                  {"code": f"000.00.12.H42-200101-{i:04d}", "secret": "ABCDEF"},
                                  headers={"X-Forwarded-For": f"203.0.113.{i}"})
            self.assertEqual(status, 404)
        status, obj, _ = c.json("POST", "/api/v1/dossiers/lookup",
                                {"code": "000.00.12.H42-200101-0099", "secret": "ABCDEF"},
                                headers={"X-Forwarded-For": "203.0.113.200"})
        self.assertError(status, obj, 429, "too_many_attempts")


class TrustedProxyTests(ServerCase):
    server_args = ("--trusted-proxy", "127.0.0.1")

    def lookup_from(self, forwarded, i):
        return self.client.json("POST", "/api/v1/dossiers/lookup",
                                {"code": f"000.00.12.H42-200102-{i:04d}", "secret": "ABCDEF"},
                                headers={"X-Forwarded-For": forwarded})

    def test_clients_behind_the_proxy_are_told_apart_and_ipv6_counts_per_64(self):
        for i in range(10):  # ten addresses of one /64: one subscriber
            status, _, _ = self.lookup_from(f"2001:db8:aa:1::{i + 1:x}", i)
            self.assertEqual(status, 404)
        status, obj, _ = self.lookup_from("2001:db8:aa:1:ffff::9", 10)
        self.assertError(status, obj, 429, "too_many_attempts")
        # another /64 and another IPv4 client behind the same proxy still get answers
        status, obj, _ = self.lookup_from("2001:db8:aa:2::1", 11)
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.lookup_from("198.51.100.7", 12)
        self.assertError(status, obj, 404, "not_found")


class LookupBoundsTests(ServerCase):
    def test_only_the_newest_ten_tokens_of_a_dossier_stay_alive(self):
        d = self.client.new_dossier()
        tokens = [self.client.lookup(d["code"], d["secret"])[0] for _ in range(11)]
        status, obj, _ = self.client.json("GET", f"/api/v1/dossiers/{d['code']}", token=tokens[0])
        self.assertError(status, obj, 401, "unauthorized")
        for t in tokens[1:]:
            status, obj, _ = self.client.json("GET", f"/api/v1/dossiers/{d['code']}", token=t)
            self.assertEqual(status, 200, obj)
        # a token opens only its own dossier
        other = self.client.new_dossier()
        status, obj, _ = self.client.json("GET", f"/api/v1/dossiers/{other['code']}", token=tokens[-1])
        self.assertError(status, obj, 401, "unauthorized")

    def test_successful_lookups_are_limited_per_client(self):
        d = self.client.new_dossier()
        c = Client(self.server.port, "127.14.0.1")
        for _ in range(60):
            status, obj, _ = c.json("POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": d["secret"]})
            self.assertEqual(status, 200, obj)
        status, obj, headers = c.json("POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": d["secret"]})
        self.assertError(status, obj, 429, "too_many_requests")
        self.assertIn("Retry-After", headers)
        status, obj, _ = Client(self.server.port, "127.14.0.2").json(
            "POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": d["secret"]})
        self.assertEqual(status, 200, obj)

    def test_a_one_word_owner_name_is_published_as_an_initial(self):
        status, d, _ = self.client.admin("POST", "/api/v1/admin/dossiers",
                                         {"procedure_code": "1.004873", "owner_name": "Phượng"})
        self.assertEqual(status, 201, d)
        _, payload = self.client.lookup(d["code"], d["secret"])
        self.assertEqual(payload["owner"], "P.")
        self.assertNotIn("Phượng", str(payload))


class SeedSecretTests(unittest.TestCase):
    def test_two_instances_seed_different_secrets(self):
        tmp = tempfile.mkdtemp(prefix="motcua-seed-")
        try:
            secrets = []
            for name in ("a", "b"):
                data = os.path.join(tmp, name)
                r = subprocess.run([sys.executable, SERVE, "--seed", "--data-dir", data, "--seed-date", "2025-03-03"],
                                   capture_output=True, text=True, timeout=120,
                                   env=dict(os.environ, MOTCUA_ADMIN_TOKEN=ADMIN))
                self.assertEqual(r.returncode, 0, r.stderr)
                conn = sqlite3.connect(os.path.join(data, "motcua.sqlite3"))
                secrets.append([row[0] for row in conn.execute("SELECT secret FROM dossiers ORDER BY id")])
                codes = [row[0] for row in conn.execute("SELECT code FROM dossiers ORDER BY id")]
                conn.close()
            self.assertEqual(len(secrets[0]), 64)
            # the same demo dossiers (codes follow the seed day) ...
            self.assertEqual(len(codes), 64)
            # ... but no secret in common: an instance that seeded itself has no guessable dossiers
            self.assertFalse(set(secrets[0]) & set(secrets[1]))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
