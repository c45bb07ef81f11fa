"""Several instances on one PostgreSQL database: nothing one instance keeps in memory
is needed by another. A token from A opens the dossier on B, a long poll held on A wakes for an
event written through B, a tablet credential issued through B works on A. Runs its own throw-away
cluster (Debian's initdb/pg_ctl as the postgres user), whichever backend the rest of the suite uses."""
import shutil
import tempfile
import threading
import unittest

import pg_cluster
from test_support import Client, Server, make_app_dir

SKIP = pg_cluster.unavailable()


@unittest.skipIf(SKIP, f"PostgreSQL tests skipped: {SKIP}")
class TwoInstancesTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="motcua-pg2-")
        app = make_app_dir(cls.tmp + "/app")
        url = pg_cluster.cluster().new_database()
        # A seeds the database; B finds it seeded. Each has its own data dir (admin token, logs).
        cls.a = Server(cls.tmp + "/a", app, ["--database", url]).start()
        cls.b = Server(cls.tmp + "/b", app, ["--database", url]).start()
        cls.ca, cls.cb = Client(cls.a.port), Client(cls.b.port)

    @classmethod
    def tearDownClass(cls):
        cls.a.stop()
        cls.b.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_a_token_from_one_instance_opens_the_dossier_on_another(self):
        d = self.ca.new_dossier()
        token, payload = self.ca.lookup(d["code"], d["secret"])
        status, obj, _ = self.cb.json("GET", f"/api/v1/dossiers/{d['code']}", token=token)
        self.assertEqual((status, obj["version"]), (200, payload["version"]), obj)

    def test_a_long_poll_on_one_instance_wakes_for_an_event_through_another(self):
        d = self.cb.new_dossier()
        token, payload = self.cb.lookup(d["code"], d["secret"])
        answers = []
        poll = threading.Thread(target=lambda: answers.append(self.ca.json(
            "GET", f"/api/v1/dossiers/{d['code']}/changes?since={payload['version']}&timeout=20", token=token,
            timeout=30)))
        poll.start()
        for _ in range(50):  # the poll was sent first: once A answers this, it holds the poll
            if self.ca.json("GET", "/api/v1/health")[0] == 200:
                break
        self.cb.event(d["code"], type="status", status=4, note="Đang thẩm định")
        poll.join(30)
        status, obj, _ = answers[0]
        self.assertEqual(status, 200, obj)
        self.assertTrue(obj["changed"], obj)  # woken by B's write, not by the 20 s timeout
        self.assertEqual(obj["dossier"]["status"], 4)

    def test_a_tablet_credential_issued_through_one_instance_works_on_another(self):
        status, issued, _ = self.cb.admin("POST", "/api/v1/admin/counters/7/device")
        self.assertEqual(status, 201, issued)
        for _ in range(100):  # the change feed brings it to A; bounded retries, each answered at once
            status, obj, _ = self.ca.json("GET", "/api/v1/counters/7", token=issued["device_secret"])
            if status == 200:
                break
        self.assertEqual(status, 200, obj)
        # and a replaced credential stops working on both
        status, again, _ = self.ca.admin("POST", "/api/v1/admin/counters/7/device")
        for client in (self.ca, self.cb):
            for _ in range(100):
                status, obj, _ = client.json("GET", "/api/v1/counters/7", token=issued["device_secret"])
                if status == 401:
                    break
            self.assertEqual(status, 401, obj)

    def test_guesses_count_the_same_on_every_instance(self):
        # Behind a load balancer, guesses spread over instances: they share one count.
        d = self.ca.new_dossier()
        wrong = "ZZZZZZ" if d["secret"] != "ZZZZZZ" else "YYYYYY"
        for i in range(10):
            client = Client((self.a if i % 2 else self.b).port, f"127.20.0.{i + 1}")
            status, obj, _ = client.json("POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": wrong})
            self.assertEqual(status, 404, obj)
        for server in (self.a, self.b):
            status, obj, _ = Client(server.port, "127.20.1.1").json(
                "POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": d["secret"]})
            self.assertEqual((status, obj["errors"][0]["code"]), (429, "locked"), obj)

    def test_one_request_for_one_idempotency_key_even_when_retried_through_both_at_once(self):
        answers = []
        body = {"category": "question", "description": "Giờ làm việc thứ Bảy?", "idempotency_key": "retry-both-1"}

        def send(client):
            answers.append(client.json("POST", "/api/v1/requests", body))

        threads = [threading.Thread(target=send, args=(c,)) for c in (self.ca, self.cb) * 4]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        self.assertEqual(sorted(a[0] for a in answers), [200] * 7 + [201], answers)
        self.assertEqual(len({a[1]["id"] for a in answers}), 1)
        self.assertEqual(len({a[1]["secret"] for a in answers}), 1)

    def test_writes_through_both_instances_number_dossiers_without_gaps_or_clashes(self):
        made = []

        def create(client):
            for _ in range(10):
                made.append(client.new_dossier()["code"])

        threads = [threading.Thread(target=create, args=(c,)) for c in (self.ca, self.cb, self.ca, self.cb)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(len(made), 40)
        self.assertEqual(len(set(made)), 40)


if __name__ == "__main__":
    unittest.main()
