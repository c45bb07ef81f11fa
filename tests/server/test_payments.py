"""Paying fees by VietQR: each agency's collection account (back office) and each fee's payment
reference, both in the dossier payload the app draws the QR from."""
import re
import unittest

from test_support import ADMIN, ServerCase

REFERENCE = re.compile(r"MC[0-9A-Z]+P[0-9]+\Z")
SEEDED_WARD_ACCOUNT = {"bank_bin": "970436", "bank_name": "Vietcombank", "account_number": "1012345678",
                       "account_name": "UBND PHUONG TRAN PHU"}
WARD = "000.00.12.H42"


def compact(code):
    return "".join(ch for ch in code if ch.isalnum())


class PaymentTests(ServerCase):
    def dossier_with_fees(self):
        d = self.client.new_dossier()  # procedure 1.004873: the ward's
        self.client.event(d["code"], type="fee", name="Lệ phí", amount=15000)
        self.client.event(d["code"], type="fee", name="Phí sao y", amount=4000, paid=True)
        token, dossier = self.client.lookup(d["code"], d["secret"])
        return d, token, dossier

    def test_each_fee_has_a_short_ascii_reference_and_the_agency_account(self):
        d, _, dossier = self.dossier_with_fees()
        fees = dossier["fees"]
        self.assertEqual([(f["name"], f["amount"], f["paid"]) for f in fees],
                         [("Lệ phí", 15000, False), ("Phí sao y", 4000, True)])  # the fields as before
        refs = [f["payment_reference"] for f in fees]
        self.assertEqual(refs, ["MC" + compact(d["code"]) + "P1", "MC" + compact(d["code"]) + "P2"])
        for ref in refs:
            self.assertTrue(ref.isascii() and len(ref) <= 25 and REFERENCE.match(ref), ref)
        self.assertEqual(dossier["payment_account"], SEEDED_WARD_ACCOUNT)

    def test_paying_keeps_the_reference(self):
        d, token, before = self.dossier_with_fees()
        self.client.event(d["code"], type="fee", name="Lệ phí", amount=15000, paid=True)
        status, after, _ = self.client.json("GET", f"/api/v1/dossiers/{d['code']}", token=token)
        self.assertEqual(status, 200, after)
        self.assertTrue(after["fees"][0]["paid"])
        self.assertEqual(after["fees"][0]["payment_reference"], before["fees"][0]["payment_reference"])

    def test_references_differ_between_dossiers_and_fees(self):
        refs = set()
        for _ in range(3):
            _, _, dossier = self.dossier_with_fees()
            refs.update(f["payment_reference"] for f in dossier["fees"])
        self.assertEqual(len(refs), 6)

    def test_setting_an_account_reaches_open_dossiers(self):
        d, token, before = self.dossier_with_fees()
        account = {"bank_bin": "970418", "account_number": "56010000999999", "account_name": "UBND PHUONG TRAN PHU",
                   "bank_name": "BIDV"}
        status, obj, _ = self.client.admin("PUT", f"/api/v1/admin/agencies/{WARD}/collection-account", account)
        self.assertEqual(status, 200, obj)
        self.assertEqual(obj, dict(account, agency=WARD))
        # a new version, so the app's long poll brings the account without a reload
        status, obj, _ = self.client.json(
            "GET", f"/api/v1/dossiers/{d['code']}/changes?since={before['version']}&timeout=0", token=token)
        self.assertEqual(status, 200, obj)
        self.assertTrue(obj["changed"])
        self.assertEqual(obj["dossier"]["payment_account"], account)
        status, obj, _ = self.client.admin("GET", f"/api/v1/admin/agencies/{WARD}/collection-account")
        self.assertEqual(status, 200, obj)
        self.assertEqual(obj["account_number"], "56010000999999")
        # put the seeded account back for the other tests
        status, obj, _ = self.client.admin("PUT", f"/api/v1/admin/agencies/{WARD}/collection-account",
                                           SEEDED_WARD_ACCOUNT)
        self.assertEqual(status, 200, obj)

    def test_account_without_bank_name(self):
        code = "000.00.15.H42"
        account = {"bank_bin": "970436", "account_number": "1023456789", "account_name": "SO XAY DUNG"}
        status, obj, _ = self.client.admin("PUT", f"/api/v1/admin/agencies/{code}/collection-account", account)
        self.assertEqual(status, 200, obj)
        self.assertIsNone(obj["bank_name"])

    def test_bad_accounts_are_refused(self):
        path = f"/api/v1/admin/agencies/{WARD}/collection-account"
        good = {"bank_bin": "970436", "account_number": "1012345678", "account_name": "UBND PHUONG TRAN PHU"}
        for change, code in (({"bank_bin": "97043"}, "invalid_field"), ({"bank_bin": "97043A"}, "invalid_field"),
                             ({"bank_bin": 970436}, "invalid_field"),
                             ({"account_number": "1012-345678"}, "invalid_field"),
                             ({"account_number": "1" * 20}, "invalid_field"), ({"account_name": ""}, "invalid_field"),
                             ({"account_name": None}, "missing_field"), ({"extra": 1}, "unknown_field")):
            status, obj, _ = self.client.admin("PUT", path, dict(good, **change))
            self.assertError(status, obj, 422, code)
        status, obj, _ = self.client.admin("PUT", path, [good])
        self.assertError(status, obj, 400, "invalid_body")
        status, obj, _ = self.client.json("PUT", path, good)
        self.assertError(status, obj, 401, "unauthorized")
        status, obj, _ = self.client.admin("PUT", "/api/v1/admin/agencies/000.99.99.H42/collection-account", good)
        self.assertError(status, obj, 404, "not_found")
        status, obj, _ = self.client.json("GET", path)
        self.assertError(status, obj, 401, "unauthorized")
        status, _, data = self.client.request("PUT", path, b"{", {"Content-Type": "application/json"}, token=ADMIN)
        self.assertEqual(status, 400, data)
        # the stored account is unchanged by all of the above
        status, obj, _ = self.client.admin("GET", path)
        self.assertEqual(obj["account_number"], "1012345678")


if __name__ == "__main__":
    unittest.main()
