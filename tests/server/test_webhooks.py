"""The signed event feed: a receiver registered by the back office gets every dossier event as
signed JSON, at least once and in order per dossier, retried after a failure; with the
deduplication docs/notifications.md describes it sees each event exactly once."""
import hashlib
import hmac
import json
import unittest

from push_peer import PeerCase
from test_support import ADMIN

SECRET = "receiver-secret-0123456789"


class WebhookTests(PeerCase):
    def register(self, path, events=("*",)):
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/webhooks",
                                           {"url": self.peer.url(path), "secret": SECRET, "events": list(events)})
        self.assertEqual(status, 201, obj)
        return obj

    @staticmethod
    def receive(posts):
        """What a receiver following docs/notifications.md keeps: signed events, each id once."""
        seen, kept = set(), []
        for _, headers, body in posts:
            expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(headers.get("x-motcua-signature", ""), expected):
                raise AssertionError("a delivery with a bad signature")
            int(headers["x-motcua-timestamp"])
            event = json.loads(body)
            if headers["x-motcua-event-id"] != event["id"]:
                raise AssertionError("the id header differs from the body's id")
            if event["id"] not in seen:
                seen.add(event["id"])
                kept.append(event)
        return kept

    def test_every_event_arrives_signed_in_order_once_after_dedupe_despite_a_500(self):
        self.register("/hook/all")
        self.peer.answer("/hook/all", 500, 200, 502)  # the first and third tries fail
        d = self.client.new_dossier()
        self.client.event(d["code"], type="status", status=4, officer_name="Trần Thị Bí Mật")
        self.client.event(d["code"], type="fee", name="Lệ phí", amount=50000)
        self.client.event(d["code"], type="status", status=9)
        posts = self.peer.wait_posts("/hook/all", 6)  # 4 events and 2 retries
        events = [e for e in self.receive(posts) if e["dossier"]["code"] == d["code"]]
        self.assertEqual([e["type"] for e in events], ["created", "status", "fee", "status"])
        self.assertEqual([e["dossier"]["version"] for e in events], sorted(e["dossier"]["version"] for e in events))
        self.assertEqual(events[-1]["dossier"]["status"], 9)
        self.assertEqual(events[2]["data"], {"name": "Lệ phí", "amount": 50000})
        ids = [h["x-motcua-event-id"] for _, h, _ in posts]
        self.assertEqual(len(ids), len(set(ids)) + 2, ids)  # two events were delivered again after a failure
        text = b"".join(b for _, _, b in posts).decode()
        self.assertNotIn("Nguyễn", text)  # the owner's name is not in the feed
        self.assertNotIn("Bí Mật", text)  # nor the officer's
        self.assertNotIn(d["secret"], text)

    def test_a_receiver_gets_only_the_events_it_asked_for(self):
        self.register("/hook/results", ["result"])
        d = self.client.new_dossier()
        self.client.event(d["code"], type="status", status=9)
        self.client.event(d["code"], type="result", name="Giấy khai sinh", collect_place="Quầy 3")
        [(_, _, body)] = self.peer.wait_posts("/hook/results", 1)
        event = json.loads(body)
        self.assertEqual((event["type"], event["dossier"]["code"], event["data"]["name"]),
                         ("result", d["code"], "Giấy khai sinh"))

    def test_registration_is_for_the_back_office_and_checked(self):
        good = {"url": self.peer.url("/hook/x"), "secret": SECRET, "events": ["status"]}
        status, obj, _ = self.client.json("POST", "/api/v1/admin/webhooks", good)
        self.assertEqual(status, 401, obj)
        for bad in (dict(good, url="http://gateway.example.vn/hook"), dict(good, url="https://192.168.1.10/hook"),
                    dict(good, secret="short"), dict(good, events=[]), dict(good, events=["rating"]),
                    dict(good, events="status"), dict(good, extra=1)):
            status, obj, _ = self.client.admin("POST", "/api/v1/admin/webhooks", bad)
            self.assertEqual(status, 422, (bad, obj))
        created = self.register("/hook/x", ["status"])
        status, obj, _ = self.client.admin("GET", "/api/v1/admin/webhooks")
        self.assertIn(created["id"], [w["id"] for w in obj["webhooks"]])
        self.assertNotIn(SECRET, json.dumps(obj))  # the secret is never shown again
        status, _, _ = self.client.request("DELETE", f"/api/v1/admin/webhooks/{created['id']}",
                                           headers={"Authorization": "Bearer " + "x" * 40})
        self.assertEqual(status, 401)
        status, _, _ = self.client.request("DELETE", f"/api/v1/admin/webhooks/{created['id']}",
                                           token=ADMIN)
        self.assertEqual(status, 204)
        status, obj, _ = self.client.admin("DELETE", f"/api/v1/admin/webhooks/{created['id']}")
        self.assertEqual(status, 404, obj)


if __name__ == "__main__":
    unittest.main()
