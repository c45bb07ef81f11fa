"""Store methods for collection accounts (mixed into store.Store; same transactions and caches)."""
from .util import iso


class PaymentStore:
    def set_collection_account(self, agency_code, account, now):
        """Create or replace the agency's account; False when there is no such agency. Every dossier
        of the agency gets a new version, so cached payloads and open long polls show the account."""
        with self._tx() as c:
            if c.execute("SELECT 1 FROM agencies WHERE code=?", (agency_code,)).fetchone() is None:
                return False
            c.execute("INSERT INTO collection_accounts(agency_code,bank_bin,bank_name,account_number,account_name,"
                      "updated_at) VALUES(?,?,?,?,?,?) ON CONFLICT(agency_code) DO UPDATE SET"
                      " bank_bin=excluded.bank_bin, bank_name=excluded.bank_name,"
                      " account_number=excluded.account_number, account_name=excluded.account_name,"
                      " updated_at=excluded.updated_at",
                      (agency_code, account["bank_bin"], account["bank_name"], account["account_number"],
                       account["account_name"], iso(now)))
            rows = c.execute("UPDATE dossiers SET version=version+1, updated_at=? WHERE agency_code=?"
                             " RETURNING code, version", (iso(now), agency_code)).fetchall()
            self._changed([(r["code"], r["version"]) for r in rows])
        return True

    def collection_account(self, agency_code):
        return self._one("SELECT * FROM collection_accounts WHERE agency_code=?", (agency_code,))

    @staticmethod
    def _account_on(c, agency_code):
        """The account read on an open connection (the dossier bundle's own read)."""
        r = c.execute("SELECT * FROM collection_accounts WHERE agency_code=?", (agency_code,)).fetchone()
        return dict(r) if r is not None else None
