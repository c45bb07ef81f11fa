"""Deterministic demo data, relative to the seeding day.

`seed(store, today)` fills an empty database: agencies, 20 procedures, places,
alerts, requests and 64 dossiers covering every status (on-time, overdue, an
apology with a new date, supplements open and fulfilled, fees due and paid,
finished dossiers rated and not rated).  The same `today` gives the same data;
all demo history happens before `today`, so it never lies in the future.
"""
import datetime as dt
import random

from . import seed_datasets
from .seed_data import (AGENCIES, BIZ, BUILD, COLLECT_PLACE, DESK, FAMILY, FAQS, GIVEN, LAND, MIDDLE, OFFICERS,
                        PLACES, PROCEDURES, RETURN_DESK, UNITS)
from . import workdays as wd
from .util import SECRET_ALPHABET, SECRET_LENGTH, hash_token, new_secret
from .workdays import VN_TZ

SEED = 20241124

SCENARIOS = ["new_online", "received", "not_accepted", "processing", "overdue", "apology", "supplement_open",
             "supplement_done", "fees_due", "withdrawn", "stopped", "ready", "ready_rated", "returned_rated",
             "returned_late", "returned_unhappy"]


def _at(day, h, m=0):
    return dt.datetime.combine(day, dt.time(h, m), VN_TZ)


def seed(store, today, demo_secrets=False):
    """Fill an empty database with the demo data for `today` (a date), in one transaction.
    Secrets come from the system's CSPRNG, so an instance that seeded itself has no guessable
    dossiers; `demo_secrets` derives them from the fixed seed instead (fixtures for tests only)."""
    with store.transaction():
        _seed(store, today, demo_secrets)


def _seed(store, today, demo_secrets):
    rng = random.Random(SEED)
    secret_for = (lambda drawn, length: drawn) if demo_secrets else (lambda drawn, length: new_secret(length))
    for a in AGENCIES:
        store.add_agency(*a)
    for (code, vi, en, field, agency, days, fees, docs, law, online) in PROCEDURES:
        store.add_procedure(dict(code=code, name_vi=vi, name_en=en, field_vi=field[0], field_en=field[1],
                                 agency_code=agency, processing_days=days, fees=fees, documents=docs,
                                 legal_basis=law, online=online))
    for p in PLACES:
        store.add_place(_place(p, today))
    seed_faqs(store)
    seed_datasets.seed(store, today)  # before any dossier: accounts then need no new versions
    anchor_day = wd.sub_workdays(today - dt.timedelta(days=1), 0)
    anchor = _at(anchor_day, 16, 30)
    _seed_alerts(store, today)
    _seed_requests(store, anchor, secret_for)
    procs = {p[0]: p for p in PROCEDURES}
    long_procs = [p[0] for p in PROCEDURES if p[5] >= 3]
    all_procs = [p[0] for p in PROCEDURES]
    for i in range(len(SCENARIOS) * 4):
        scenario = SCENARIOS[i % len(SCENARIOS)]
        variant = i // len(SCENARIOS)
        pool = long_procs if scenario in ("processing", "supplement_open", "supplement_done", "fees_due",
                                          "new_online", "received") else all_procs
        if scenario == "new_online":
            pool = [c for c in long_procs if procs[c][9]]
        pcode = rng.choice(pool)
        _seed_dossier(store, rng, procs[pcode], scenario, variant, anchor, today, secret_for)
    store.set_meta("seeded_for", today.isoformat())


def _name(rng, variant):
    parts = [rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)]
    if variant == 3:
        parts.insert(2, rng.choice(["Hoàng", "Bảo", "Khánh", "Phương"]))
    return " ".join(parts)


def _seed_dossier(store, rng, proc, scenario, variant, anchor, today, secret_for):
    code, _, _, _, agency, days, fees, _, _, _ = proc
    (unit, role), (lead_unit, lead_role) = UNITS[agency]
    officer = rng.choice(OFFICERS)
    if scenario in ("new_online", "received"):
        back = 0
    elif scenario in ("processing", "supplement_open", "supplement_done", "fees_due"):
        back = rng.randint(1, max(1, days - 2))
    elif scenario in ("overdue", "apology"):
        back = days + rng.randint(2, 5)
    elif scenario in ("not_accepted", "withdrawn", "stopped"):
        back = rng.randint(1, 6)
    else:
        back = days + rng.randint(3, 12)
    rec_day = wd.sub_workdays(anchor.date(), back)
    received = _at(rec_day, rng.randint(7, 15), rng.choice([0, 10, 20, 30, 40, 50]))
    if received > anchor:
        received = anchor - dt.timedelta(hours=2)
    channel = "online" if scenario == "new_online" else rng.choice(["counter", "counter", "online", "post"])
    secret = secret_for("".join(rng.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH)), SECRET_LENGTH)
    d = store.create_dossier(code, _name(rng, variant), channel, received, received, secret,
                             1 if scenario == "new_online" else 2)
    dcode = d["code"]
    due = dt.datetime.fromisoformat(d["due_at"])
    last = [received]

    def when(day_offset, h, m=0):
        t = _at(wd.add_workdays(rec_day, day_offset), h, m)
        t = max(t, last[0] + dt.timedelta(minutes=7))
        t = min(t, anchor)
        if t <= last[0]:
            t = last[0] + dt.timedelta(minutes=1)
        last[0] = t
        return t

    def ev(t, etype, **data):
        store.add_event(dcode, etype, data, t)

    def status(t, s, note, u=unit, r=role, action=None, name=None):
        ev(t, "status", status=s, note=note, unit=u, officer_role=r, officer_name=name or officer, action=action)

    def process(note="Đang thẩm định hồ sơ"):
        status(when(0, received.hour + 1 if received.hour < 16 else 16), 4, note,
               action="Chuyển hồ sơ đến bộ phận chuyên môn, thẩm định hồ sơ")

    def pay_all(t, paid=True):
        for f in fees:
            ev(t, "fee", name=f["name"], amount=f["amount"], paid=paid)

    def finish(day_offset, returned_offset=None):
        status(when(max(0, day_offset - 1), 14), 4, "Trình lãnh đạo ký duyệt", lead_unit, lead_role,
               action="Ký duyệt kết quả", name="Lãnh đạo")
        t = when(day_offset, 9, 30)
        if fees:
            pay_all(t)
        status(t, 9, "Kết quả đã sẵn sàng, mời ông/bà đến nhận", *RETURN_DESK, action="Trả kết quả")
        ev(t, "result", name=_result_name(proc), collect_place=COLLECT_PLACE, collect_from=t.isoformat())
        if returned_offset is not None:
            status(when(returned_offset, 10), 10, "Công dân đã nhận kết quả", *RETURN_DESK,
                   action="Trả kết quả cho công dân")

    def rate(overall, visits, comment=None, criteria=None):
        crit = criteria or {"attitude": overall, "on_time": overall, "ease": "satisfied"}
        store.add_rating(dcode, f"seed-{dcode}", overall, crit, visits, comment, when(days + 30, 16))

    if scenario == "new_online" or scenario == "received":
        if scenario == "received" and variant == 1 and fees:
            pay_all(when(0, received.hour), paid=True)
    elif scenario == "not_accepted":
        status(when(0, received.hour, 40), 3, "Hồ sơ không đủ điều kiện tiếp nhận: thiếu giấy tờ chứng minh "
               "quyền sử dụng đất", *DESK, action="Từ chối tiếp nhận hồ sơ")
    elif scenario == "processing":
        process()
        if variant == 2:
            status(when(1, 10), 4, "Đang lấy ý kiến cơ quan liên quan", action="Xin ý kiến phối hợp")
    elif scenario == "overdue":
        process()
        if variant % 2:
            status(when(2, 10), 4, "Đang chờ kết quả xác minh", action="Xác minh thông tin")
    elif scenario == "apology":
        process("Đang xác minh thông tin")
        new_due = _at(wd.add_workdays(today, 2 + variant), 17)
        ev(when(days - 1 if days > 1 else 0, 15), "apology",
           reason="Cần xác minh thêm thông tin tại địa phương, cơ quan xin lỗi vì sự chậm trễ",
           new_due_at=new_due)
    elif scenario == "supplement_open":
        process()
        if variant == 1:
            ev(when(0, 15), "supplement", content="Bản sao giấy khai sinh", unit=unit, officer_role=role,
               deadline=_at(wd.add_workdays(rec_day, 2), 17))
            ev(when(1, 9), "supplement_fulfilled", id=_last_supplement_id(store, dcode), unit=DESK[0],
               officer_role=DESK[1])
        ev(when(1, 10), "supplement", content="Bản sao có chứng thực CCCD của người đề nghị; bản vẽ sơ đồ "
           "vị trí có chữ ký của chủ hộ liền kề", unit=unit, officer_role=role,
           deadline=_at(wd.add_workdays(today, 5), 17))
    elif scenario == "supplement_done":
        process()
        ev(when(0, 15), "supplement", content="Giấy ủy quyền có chứng thực", unit=unit, officer_role=role,
           deadline=_at(wd.add_workdays(rec_day, 3), 17))
        new_due = due + dt.timedelta(days=2) if variant % 2 else None
        if new_due is not None:
            new_due = _at(wd.add_workdays(due.date(), 2), 17)
        ev(when(1, 9), "supplement_fulfilled", id=_last_supplement_id(store, dcode), new_due_at=new_due,
           unit=DESK[0], officer_role=DESK[1])
    elif scenario == "fees_due":
        process()
        t = when(1, 9)
        first = True
        for f in fees or [{"name": "Phí thẩm định", "amount": 150000}]:
            ev(t, "fee", name=f["name"], amount=f["amount"] * (2 if variant == 3 else 1),
               paid=bool(variant == 2 and not first))
            first = False
        status(when(1, 9, 10), 6, "Vui lòng nộp lệ phí tại quầy số 5 hoặc thanh toán trực tuyến", *DESK,
               action="Thông báo nghĩa vụ tài chính")
    elif scenario == "withdrawn":
        process()
        status(when(1, 10), 7, "Công dân có đơn xin rút hồ sơ", *DESK, action="Tiếp nhận đơn rút hồ sơ")
    elif scenario == "stopped":
        process()
        status(when(1, 11), 8, "Dừng xử lý do đất đang có tranh chấp", lead_unit, lead_role,
               action="Quyết định dừng xử lý hồ sơ", name="Lãnh đạo")
    elif scenario == "ready":
        process()
        finish(max(0, days - 1))
    elif scenario == "ready_rated":
        process()
        finish(max(0, days - 1))
        rate("satisfied", "1", None if variant % 2 else "Cán bộ hướng dẫn tận tình.")
    elif scenario == "returned_rated":
        process()
        finish(max(0, days - 1), days + 1)
        rate("very_satisfied", "0", "Thủ tục nhanh gọn, cảm ơn cán bộ!" if variant != 1 else None,
             {"attitude": "very_satisfied", "on_time": "very_satisfied", "ease": "very_satisfied"})
    elif scenario == "returned_late":
        process()
        if variant == 0:
            ev(when(days - 1 if days > 1 else 0, 15), "apology", reason="Hồ sơ phải lấy ý kiến nhiều cơ quan",
               new_due_at=_at(wd.add_workdays(due.date(), 2), 17))
        finish(days + 1, days + 2)
    elif scenario == "returned_unhappy":
        process()
        ev(when(max(0, days - 1), 15), "apology", reason="Thiếu cán bộ thụ lý do nghỉ phép",
           new_due_at=_at(wd.add_workdays(due.date(), 1), 17))
        finish(days + 1, days + 2)
        rate("dissatisfied", "more", "Phải đi lại nhiều lần, trả kết quả trễ hẹn." + (
            " Mong cơ quan cải thiện việc hướng dẫn hồ sơ ngay từ lần đầu, vì người dân phải xin nghỉ làm "
            "để đến nộp bổ sung nhiều lần." * 3 if variant == 3 else ""),
            {"attitude": "satisfied", "on_time": "dissatisfied", "ease": "dissatisfied"})


def _result_name(proc):
    names = {"1.001193": "Giấy khai sinh (bản chính)", "1.000894": "Giấy chứng nhận kết hôn",
             "1.000656": "Trích lục khai tử", "1.004873": "Giấy xác nhận tình trạng hôn nhân"}
    if proc[0] in names:
        return names[proc[0]]
    if proc[3] is LAND:
        return "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"
    if proc[3] is BIZ:
        return "Giấy chứng nhận đăng ký doanh nghiệp"
    if proc[3] is BUILD:
        return "Giấy phép xây dựng" if proc[0] != "1.009984" else "Chứng chỉ hành nghề hoạt động xây dựng"
    return "Kết quả giải quyết thủ tục hành chính"


def _last_supplement_id(store, code):
    return store.dossier_bundle(code)["supplements"][-1]["id"]


def _seed_alerts(store, today):
    start = _at(today - dt.timedelta(days=1), 6)
    store.add_alert("warning", "Cảnh báo mưa lớn, ngập úng cục bộ", "Heavy rain and local flooding warning",
                    "Từ chiều nay đến hết ngày mai có mưa to ở vùng trũng ven sông Trà Khúc. Hạn chế đi lại "
                    "qua các tuyến đường ngập.", "Heavy rain is expected along the Tra Khuc river until the end "
                    "of tomorrow. Avoid flooded roads.", "TP. Quảng Ngãi", start, _at(today + dt.timedelta(days=3), 18),
                    start, {"ko": {"title": "폭우 및 국지적 침수 경보",
                                   "body": "내일 하루가 끝날 때까지 짜꾹강 유역에 폭우가 예상됩니다. 침수된 도로는 피하세요."},
                            "zh": {"title": "暴雨及局部内涝预警",
                                   "body": "预计茶曲江沿岸暴雨将持续到明天结束。请避开积水路段。"},
                            "ja": {"title": "大雨・局地的浸水警報",
                                   "body": "明日いっぱいチャークック川沿いで大雨が予想されます。冠水した道路は避けてください。"}})
    store.add_alert("info", "Trung tâm Phục vụ hành chính công làm việc sáng thứ Bảy",
                    "Service centre open on Saturday mornings",
                    "Tiếp nhận và trả kết quả hồ sơ vào sáng thứ Bảy từ 7:30 đến 11:30.",
                    "Dossiers are received and results returned on Saturday mornings, 7:30-11:30.",
                    None, start, None, start,
                    {"ko": {"title": "행정서비스센터 토요일 오전 근무",
                            "body": "토요일 오전 7:30-11:30에 서류 접수와 결과 교부를 합니다."},
                     "zh": {"title": "行政服务中心周六上午办公",
                            "body": "周六上午7:30-11:30受理办件并发放结果。"},
                     "ja": {"title": "行政サービスセンターは土曜日の午前も業務",
                            "body": "土曜日の午前7:30〜11:30に書類の受付と結果の交付を行います。"}})
    old = _at(today - dt.timedelta(days=30), 6)
    store.add_alert("danger", "Bão số 5 (đã kết thúc)", "Typhoon No. 5 (over)", "Cảnh báo đã hết hiệu lực.",
                    "This warning has ended.", "Toàn tỉnh", old, old + dt.timedelta(days=2), old)


def _seed_requests(store, anchor, secret_for):
    t = anchor - dt.timedelta(days=3)
    rid, _, _ = store.create_request(hash_token(secret_for("DEMOQ23456", 10)), "question",
                                     "Đăng ký khai sinh cho con cần mang những giấy tờ gì?", None, None, True, t)
    store.answer_request(rid, "Ông/bà mang tờ khai, giấy chứng sinh và CCCD của cha hoặc mẹ.",
                         "Bộ phận Tư pháp - Hộ tịch", "answered", t + dt.timedelta(hours=5))
    store.create_request(hash_token(secret_for("DEMOC23456", 10)), "complaint", "Hồ sơ của tôi đã quá hạn nhưng chưa có thông báo.",
                         None, "0905 000 111", False, t + dt.timedelta(days=1))


def seed_faqs(store):
    """Insert FAQS (also used by the migration that adds the table to existing databases)."""
    known = {p["code"] for p in store.list_procedures()}
    for (q_vi, q_en, a_vi, a_en, keywords, code) in FAQS:
        store.add_faq(q_vi, q_en, a_vi, a_en, keywords, code if code in known else None)


def _place(p, today):
    """The place as stored: a power cut's times made absolute."""
    p = dict(p)
    details = dict(p.get("details") or {})
    when = p.pop("when", None)
    if when:
        days, start, end = when
        if days is None:  # the coming Sunday
            days = (6 - today.weekday()) % 7 or 7
        day = today + dt.timedelta(days=days)
        details.setdefault("from", _at(day, start).isoformat())
        details.setdefault("to", _at(day, end).isoformat())
    p["details"] = details
    return p
