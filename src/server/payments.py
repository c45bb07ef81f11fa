"""Paying a dossier's fees by bank transfer (VietQR): the short reference each fee carries as its
transfer content, and the agency's collection account as the dossier payload shows it."""
import re

from . import validate as v
from .util import ApiError

MAX_REFERENCE = 25  # what banks keep of a transfer's content, and what a VietQR's tag 62/08 holds
BANK_BIN = re.compile(r"[0-9]{6}\Z")
ACCOUNT_NUMBER = re.compile(r"[0-9A-Za-z]{1,19}\Z")


def payment_reference(dossier_code, fee_number, dossier_id):
    """'MC' + the dossier code's letters and digits + 'P' + the fee's number (1, 2, …), e.g.
    MC0000012H422411240001P1: ASCII only, so every bank keeps it as typed. A code too long for 25
    characters falls back to the dossier's row number (digits only, so never equal to a code's form)."""
    compact = "".join(ch for ch in dossier_code.upper() if ch.isascii() and ch.isalnum())
    ref = f"MC{compact}P{fee_number}"
    if len(ref) > MAX_REFERENCE:
        ref = f"MC{dossier_id}P{fee_number}"
    return ref


def account_public(row):
    """The collection account as the app needs it to draw the QR and show the transfer, or None."""
    if row is None:
        return None
    return {"bank_bin": row["bank_bin"], "bank_name": row["bank_name"],
            "account_number": row["account_number"], "account_name": row["account_name"]}


def _bin(field, value):
    if not isinstance(value, str) or not BANK_BIN.match(value.strip()):
        raise v.invalid(field, "must be the bank's six-digit NAPAS BIN")
    return value.strip()


def _account_number(field, value):
    if not isinstance(value, str) or not ACCOUNT_NUMBER.match(value.strip()):
        raise v.invalid(field, "must be 1 to 19 letters or digits")
    return value.strip()


def account_fields(body):
    """A collection account from a back-office request body (raises ApiError)."""
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", "the body must be a JSON object")
    return v.fields(body, {"bank_bin": _bin, "account_number": _account_number, "account_name": v.text(100)},
                    {"bank_name": v.text(100, nullable=True)})
