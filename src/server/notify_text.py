"""What a dossier event says: the push message a citizen's phone shows (in the language chosen at
subscription, status words from assets/domain) and the event a province's receiver gets. Neither
ever carries the owner's name or the receipt secret."""
import json

from .domain import STATUS_WORDS
from .util import iso

LANGS = ("vi", "en", "ko", "zh", "ja")

LINES = {
    "status": {"vi": "Trạng thái hồ sơ đã thay đổi.", "en": "Your dossier's status has changed.",
               "ko": "서류 상태가 변경되었습니다.", "zh": "您的案卷状态已更新。", "ja": "申請の状況が変わりました。"},
    "supplement": {"vi": "Cần bổ sung giấy tờ: mở ứng dụng để xem.", "en": "Documents are needed: open the app to see which.",
                   "ko": "서류 보완이 필요합니다. 앱에서 확인하세요.", "zh": "需要补充材料，请在应用中查看。",
                   "ja": "書類の補完が必要です。アプリで確認してください。"},
    "fee": {"vi": "Có khoản phí cần nộp.", "en": "A fee is due.", "ko": "납부할 수수료가 있습니다.",
            "zh": "有需缴纳的费用。", "ja": "納付が必要な手数料があります。"},
    "apology": {"vi": "Ngày hẹn trả kết quả đã đổi, kèm thư xin lỗi.",
                "en": "The date of your result has changed; the office apologises.",
                "ko": "결과 교부일이 변경되었습니다(사과문 발급).", "zh": "结果领取日期已变更，并附致歉函。",
                "ja": "結果交付日が変更されました（お詫び状あり）。"},
    "result": {"vi": "Kết quả đã sẵn sàng để nhận.", "en": "Your result is ready to collect.",
               "ko": "결과를 수령할 수 있습니다.", "zh": "结果已可领取。", "ja": "結果を受け取れます。"},
}
HIGH_URGENCY = {"supplement", "fee", "result"}

# what a receiver may learn of each event (never the officer's or the owner's name)
EVENT_DATA = {
    "created": ("channel", "received_at"),
    "status": ("status", "note", "action", "unit", "deadline"),
    "supplement": ("content", "deadline"),
    "supplement_fulfilled": ("id", "new_due_at"),
    "apology": ("reason", "new_due_at"),
    "fee": ("name", "amount", "paid"),
    "result": ("name", "collect_place", "collect_from"),
}
EVENT_TYPES = tuple(EVENT_DATA)


def push_kind(etype, data, status_before, status_after):
    """Which line an event's push says, or None when the event is not worth a push."""
    if etype in ("status", "supplement_fulfilled"):
        return "status" if status_after != status_before or etype == "status" else None
    if etype == "fee":
        return None if data.get("paid") else "fee"
    if etype == "result" and status_after == 9:
        return "result"
    return etype if etype in LINES else None


def push_message(kind, code, status, version, lang):
    """(JSON text, urgency) of one push; the link stays on the device, only the code travels."""
    lang = lang if lang in LANGS else "vi"
    name = STATUS_WORDS[status][lang]
    body = {"code": code, "status": status, "status_name": name, "version": version, "event": kind,
            "lang": lang, "title": f"{name} · {code}", "body": LINES[kind][lang], "url": f"/d/{code}"}
    urgency = "high" if kind in HIGH_URGENCY or status == 9 else "normal"
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")), urgency


def event_document(etype, data, d, now):
    """The JSON text a webhook receiver gets; `id` is unique per dossier event (code and version)."""
    fields = {k: (iso(data[k]) if hasattr(data[k], "isoformat") else data[k])
              for k in EVENT_DATA[etype] if k in data}
    doc = {"id": f"{d['code']}.{d['version']}", "type": etype, "occurred_at": iso(now),
           "dossier": {"code": d["code"], "version": d["version"], "status": d["status"],
                       "status_name": {"vi": STATUS_WORDS[d["status"]]["vi"], "en": STATUS_WORDS[d["status"]]["en"]},
                       "due_at": d["due_at"], "procedure_code": d["procedure_code"], "agency_code": d["agency_code"]},
           "data": fields}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
