"""Demo look-up datasets (exam results, land prices, camera-recorded traffic violations, power and
water cuts: data in assets/demo/datasets.json) and a demo collection account per agency.
Deterministic for a given seeding day."""
import datetime as dt

from . import datasets as ds
from .domain import ASSETS_DIR, load
from .workdays import VN_TZ

DATASETS = load("datasets", ASSETS_DIR / "demo")["datasets"]


# BINs are the banks' real NAPAS BINs; account numbers and names are demo values.
ACCOUNTS = {
    "000.00.12.H42": ("970436", "Vietcombank", "1012345678", "UBND PHUONG TRAN PHU"),
    "000.00.01.H42": ("970415", "VietinBank", "114000123456", "UBND THANH PHO QUANG NGAI"),
    "000.20.31.H42": ("970418", "BIDV", "56010000123456", "VAN PHONG DANG KY DAT DAI TINH"),
    "000.00.09.H42": ("970405", "Agribank", "4200201123456", "SO KE HOACH VA DAU TU"),
    "000.00.15.H42": ("970436", "Vietcombank", "1023456789", "SO XAY DUNG"),
}


def _rows(today):
    """Each dataset's definition and its rows, relative dates made absolute."""
    def value(v):
        return (today + dt.timedelta(days=v["days_after_seeding"])).isoformat() if isinstance(v, dict) else v
    return [(d["definition"], [{k: value(v) for k, v in row.items()} for row in d["rows"]]) for d in DATASETS]


def seed(store, today):
    """The demo datasets that are missing, with their rows, and the demo accounts of agencies that
    have none (a database seeded before these existed gets them on its next start)."""
    now = dt.datetime.combine(today, dt.time(8, 0), VN_TZ)
    for body, rows in _rows(today):
        definition = ds.definition_from(body)
        if store.create_dataset(definition, now):
            store.replace_dataset_rows(definition["id"], ds.check_rows(definition, rows), now)
    known = {a["code"] for a in store.list_agencies()}
    for code, (bank_bin, bank, number, name) in ACCOUNTS.items():
        if code in known and store.collection_account(code) is None:
            store.set_collection_account(code, {"bank_bin": bank_bin, "bank_name": bank, "account_number": number,
                                                "account_name": name}, now)
