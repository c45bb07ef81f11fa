#!/usr/bin/env python3
"""The app draws a fee's VietQR from the dossier payload: the server's account and the fee's payment
reference. Seeds a demo database with src/server (standard library only), sends every unpaid fee
to vietqr_tool (the core's encoder and parser, built by CMake) and checks the payload both with the
core's parser and with an independent reading here (TLV, CRC-16/CCITT-FALSE).
Usage: vietqr_crosscheck.py VIETQR_TOOL"""
import datetime as dt
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "src"))
from server import api_dossiers, seed  # noqa: E402
from server.store import Store  # noqa: E402


def crc16(data):
    crc = 0xFFFF
    for byte in data.encode("ascii"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def tlv(data):
    out, at = {}, 0
    while at < len(data):
        tag, length = data[at:at + 2], int(data[at + 2:at + 4])
        out.setdefault(tag, data[at + 4:at + 4 + length])
        at += 4 + length
    assert at == len(data), data
    return out


def read_independently(payload):
    assert payload.endswith("%04X" % crc16(payload[:-4])) and payload[-8:-4] == "6304", payload
    root = tlv(payload)
    merchant = tlv(root["38"])
    beneficiary = tlv(merchant["01"])
    assert (root["00"], root["01"], root["53"], root["58"]) == ("01", "12", "704", "VN"), root
    assert (merchant["00"], merchant["02"]) == ("A000000727", "QRIBFTTA"), merchant
    return beneficiary["00"], beneficiary["01"], root["54"], tlv(root["62"])["08"]


def main():
    fees = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(pathlib.Path(tmp) / "db.sqlite"))
        seed.seed(store, dt.date(2024, 11, 25), demo_secrets=True)
        for d in store.list_dossiers_brief():
            payload = api_dossiers.build_payload(store.dossier_bundle(d["code"]), "vi")
            account = payload["payment_account"]
            for fee in payload["fees"]:
                if not fee["paid"]:
                    fees.append((account["bank_bin"], account["account_number"], str(fee["amount"]),
                                 fee["payment_reference"]))
        store.close()
    if not fees:
        print("no unpaid fee in the seed")
        return 1
    lines = "".join("\t".join(f) + "\n" for f in fees)
    out = subprocess.run([sys.argv[1]], input=lines, check=True, capture_output=True, text=True).stdout
    bad = 0
    for fee, line in zip(fees, out.splitlines(), strict=True):
        payload, *parsed = line.split("\t")
        if tuple(parsed) != fee or read_independently(payload) != fee:
            print("mismatch:", fee, line)
            bad += 1
    print(f"{len(fees)} unpaid fees, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
