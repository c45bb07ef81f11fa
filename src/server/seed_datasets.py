"""Demo look-up datasets (exam results, land prices, camera-recorded traffic violations, power and
water cuts) and a demo collection account per agency. Deterministic for a given seeding day."""
import datetime as dt

from . import datasets as ds
from .workdays import VN_TZ


def _labels(vi, en, ko=None, zh=None, ja=None):
    out = {"vi": vi, "en": en}
    out.update({k: t for k, t in (("ko", ko), ("zh", zh), ("ja", ja)) if t})
    return out


def _f(name, kind, vi, en, ko=None, zh=None, ja=None, compact=False):
    f = {"name": name, "type": kind, "labels": _labels(vi, en, ko, zh, ja)}
    if compact:
        f["compact"] = True
    return f


EXAMS = {
    "id": "exam-results", "access": "keyed", "second_factor": "date_of_birth",
    "names": _labels("Kết quả thi tốt nghiệp THPT", "High school graduation exam results",
                     "고등학교 졸업 시험 결과", "高中毕业考试成绩", "高校卒業試験の結果"),
    "descriptions": _labels("Nhập số báo danh và ngày sinh của thí sinh.",
                            "Enter the candidate number and the candidate's date of birth."),
    "fields": [_f("candidate_number", "text", "Số báo danh", "Candidate number", "수험 번호", "准考证号",
                  "受験番号", compact=True),
               _f("date_of_birth", "date", "Ngày sinh", "Date of birth", "생년월일", "出生日期", "生年月日"),
               _f("full_name", "text", "Họ và tên", "Full name", "성명", "姓名", "氏名"),
               _f("math", "number", "Toán", "Mathematics", "수학", "数学", "数学"),
               _f("literature", "number", "Ngữ văn", "Literature", "국어", "语文", "国語"),
               _f("foreign_language", "number", "Ngoại ngữ", "Foreign language", "외국어", "外语", "外国語"),
               _f("result", "text", "Kết quả", "Result", "결과", "结果", "結果")],
    "keys": ["candidate_number"],
    "shown": ["full_name", "math", "literature", "foreign_language", "result"],
}
EXAM_ROWS = [
    ("51000123", "2007-03-15", "Nguyễn Thị Lan", 8.4, 7.75, 9.2, "Đỗ tốt nghiệp"),
    ("51000124", "2007-11-02", "Trần Văn Minh", 6.2, 6.5, 5.8, "Đỗ tốt nghiệp"),
    ("51000125", "2007-07-21", "Lê Hoàng Nam", 4.0, 5.25, 3.6, "Chưa đỗ"),
    ("51000126", "2006-12-30", "Phạm Ngọc Ánh", 9.6, 8.5, 9.8, "Đỗ tốt nghiệp"),
]

LAND = {
    "id": "land-prices", "access": "public",
    "names": _labels("Bảng giá đất", "Land price table", "토지 가격표", "土地价格表", "土地価格表"),
    "descriptions": _labels("Giá đất ở theo đường, đoạn và vị trí (đồng/m²).",
                            "Residential land prices by street, section and position (dong per m²)."),
    "fields": [_f("district", "text", "Quận/huyện/thành phố", "District", "구/군", "区县", "区・郡"),
               _f("street", "text", "Tên đường", "Street", "도로명", "街道", "通り"),
               _f("section", "text", "Đoạn đường", "Section", "구간", "路段", "区間"),
               *[_f(f"position_{n}", "number", f"Vị trí {n} (đồng/m²)", f"Position {n} (dong/m²)",
                    f"위치 {n} (동/m²)", f"位置 {n}（越南盾/平方米）", f"位置 {n}（ドン/m²）") for n in (1, 2, 3, 4)]],
    "keys": ["district", "street", "section"],
    "shown": ["street", "section", "position_1", "position_2", "position_3", "position_4"],
}
LAND_ROWS = [
    ("Thành phố Quảng Ngãi", "Hùng Vương", "Từ Quang Trung đến Lê Trung Đình", 42000000, 16800000, 10500000, 6300000),
    ("Thành phố Quảng Ngãi", "Hùng Vương", "Từ Lê Trung Đình đến Phan Bội Châu", 36000000, 14400000, 9000000, 5400000),
    ("Thành phố Quảng Ngãi", "Quang Trung", "Từ cầu Trà Khúc đến Hùng Vương", 38000000, 15200000, 9500000, 5700000),
    ("Thành phố Quảng Ngãi", "Phạm Văn Đồng", "Toàn tuyến", 30000000, 12000000, 7500000, 4500000),
    ("Huyện Sơn Tịnh", "Quốc lộ 24B", "Từ ngã ba Sơn Tịnh đến cầu Sông Giang", 9000000, 3600000, 2250000, 1350000),
]

VIOLATIONS = {
    "id": "traffic-violations", "access": "public",
    "names": _labels("Phạt nguội giao thông", "Traffic violations recorded by camera",
                     "카메라 단속 교통 위반", "摄像头记录的交通违法", "カメラによる交通違反"),
    "descriptions": _labels("Nhập biển số xe (ví dụ 76A-123.45).", "Enter the licence plate (e.g. 76A-123.45)."),
    "fields": [_f("plate", "text", "Biển số xe", "Licence plate", "차량 번호", "车牌号", "ナンバー", compact=True),
               _f("date", "date", "Ngày vi phạm", "Date", "위반 날짜", "违法日期", "違反日"),
               _f("place", "text", "Địa điểm", "Place", "장소", "地点", "場所"),
               _f("violation", "text", "Lỗi vi phạm", "Violation", "위반 내용", "违法行为", "違反内容"),
               _f("status", "text", "Trạng thái", "Status", "상태", "状态", "状態"),
               _f("unit", "text", "Đơn vị phát hiện", "Recorded by", "단속 기관", "查处单位", "取締機関")],
    "keys": ["plate"],
    "shown": ["date", "place", "violation", "status", "unit"],
}
VIOLATION_ROWS = [  # (plate, days before the seeding day, place, violation, status)
    ("76A-123.45", 12, "Ngã tư Hùng Vương - Quang Trung", "Không chấp hành hiệu lệnh của đèn tín hiệu giao thông",
     "Chưa xử phạt"),
    ("76A-123.45", 40, "Quốc lộ 1, km 1045", "Chạy quá tốc độ quy định từ 10 đến 20 km/h", "Đã xử phạt"),
    ("76C-678.90", 5, "Đường Phạm Văn Đồng", "Dừng, đỗ xe không đúng nơi quy định", "Chưa xử phạt"),
]

CUTS = {
    "id": "service-cuts", "access": "public",
    "names": _labels("Lịch cắt điện, cắt nước", "Power and water cut schedule", "정전·단수 일정", "停电停水安排",
                     "停電・断水の予定"),
    "fields": [_f("ward", "text", "Phường/xã", "Ward or commune", "동/읍", "街道/乡", "区・村"),
               _f("service", "text", "Dịch vụ", "Service", "서비스", "服务", "サービス"),
               _f("date", "date", "Ngày", "Date", "날짜", "日期", "日付"),
               _f("from", "text", "Từ", "From", "시작", "开始", "開始"),
               _f("to", "text", "Đến", "To", "종료", "结束", "終了"),
               _f("area", "text", "Khu vực", "Area", "지역", "区域", "地域"),
               _f("reason", "text", "Lý do", "Reason", "사유", "原因", "理由")],
    "keys": ["ward"],
    "shown": ["service", "date", "from", "to", "area", "reason"],
}
CUT_ROWS = [  # (ward, service, days after the seeding day, from, to, area, reason)
    ("Phường Trần Phú", "Điện", 2, "07:30", "11:30", "Tổ 3, tổ 4 đường Hùng Vương", "Bảo dưỡng đường dây"),
    ("Phường Trần Phú", "Nước", 5, "08:00", "16:00", "Khu dân cư Bàu Giang", "Thay đường ống"),
    ("Phường Nghĩa Chánh", "Điện", 3, "13:00", "17:00", "Đường Trần Hưng Đạo", "Lắp đặt thiết bị"),
]

# BINs are the banks' real NAPAS BINs; account numbers and names are demo values.
ACCOUNTS = {
    "000.00.12.H42": ("970436", "Vietcombank", "1012345678", "UBND PHUONG TRAN PHU"),
    "000.00.01.H42": ("970415", "VietinBank", "114000123456", "UBND THANH PHO QUANG NGAI"),
    "000.20.31.H42": ("970418", "BIDV", "56010000123456", "VAN PHONG DANG KY DAT DAI TINH"),
    "000.00.09.H42": ("970405", "Agribank", "4200201123456", "SO KE HOACH VA DAU TU"),
    "000.00.15.H42": ("970436", "Vietcombank", "1023456789", "SO XAY DUNG"),
}


def _rows(today):
    exams = [dict(zip(("candidate_number", "date_of_birth", "full_name", "math", "literature", "foreign_language",
                       "result"), r)) for r in EXAM_ROWS]
    land = [dict(zip(("district", "street", "section", "position_1", "position_2", "position_3", "position_4"), r))
            for r in LAND_ROWS]
    violations = [{"plate": p, "date": (today - dt.timedelta(days=d)).isoformat(), "place": place, "violation": what,
                   "status": status, "unit": "Phòng Cảnh sát giao thông Công an tỉnh"}
                  for p, d, place, what, status in VIOLATION_ROWS]
    cuts = [{"ward": w, "service": s, "date": (today + dt.timedelta(days=d)).isoformat(), "from": a, "to": b,
             "area": area, "reason": why} for w, s, d, a, b, area, why in CUT_ROWS]
    return [(EXAMS, exams), (LAND, land), (VIOLATIONS, violations), (CUTS, cuts)]


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
