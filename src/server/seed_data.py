"""The demo province's data: agencies, procedures, frequent questions and the names the seeded
dossiers are given; its places are data in assets/demo/places.json. seed.py turns them into rows."""
from .domain import ASSETS_DIR, load

# Quảng Ngãi's places, then Quảng Nam's, in the order they are stored
PLACES = load("places", ASSETS_DIR / "demo")["places"]


AGENCIES = [
    ("000.00.12.H42", "UBND phường Trần Phú", "Tran Phu Ward People's Committee",
     "01 Hùng Vương, phường Trần Phú", "0255 3822 101"),
    ("000.00.01.H42", "UBND thành phố Quảng Ngãi", "Quang Ngai City People's Committee",
     "52 Hùng Vương, thành phố Quảng Ngãi", "0255 3822 512"),
    ("000.20.31.H42", "Văn phòng Đăng ký đất đai tỉnh", "Provincial Land Registration Office",
     "163 Hùng Vương, thành phố Quảng Ngãi", "0255 3712 345"),
    ("000.00.09.H42", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment",
     "96 Nguyễn Nghiêm, thành phố Quảng Ngãi", "0255 3822 868"),
    ("000.00.15.H42", "Sở Xây dựng", "Department of Construction",
     "143 Hùng Vương, thành phố Quảng Ngãi", "0255 3822 573"),
]

# the unit and officer role that handle each agency's dossiers, and its leader
UNITS = {
    "000.00.12.H42": (("Bộ phận Tư pháp - Hộ tịch", "Công chức tư pháp - hộ tịch"),
                      ("Lãnh đạo UBND phường", "Phó Chủ tịch UBND phường")),
    "000.00.01.H42": (("Phòng Quản lý đô thị", "Chuyên viên"), ("Lãnh đạo UBND thành phố", "Phó Chủ tịch UBND")),
    "000.20.31.H42": (("Phòng Đăng ký và Cấp Giấy chứng nhận", "Chuyên viên"), ("Ban Giám đốc", "Phó Giám đốc")),
    "000.00.09.H42": (("Phòng Đăng ký kinh doanh", "Chuyên viên"), ("Ban Giám đốc Sở", "Phó Giám đốc Sở")),
    "000.00.15.H42": (("Phòng Quản lý hoạt động xây dựng", "Chuyên viên"), ("Ban Giám đốc Sở", "Phó Giám đốc Sở")),
}

CIVIL = ("Hộ tịch", "Civil status")
CERT = ("Chứng thực", "Certification")
LAND = ("Đất đai", "Land")
BIZ = ("Thành lập và hoạt động doanh nghiệp", "Business registration")
HOUSEHOLD = ("Thành lập và hoạt động của hộ kinh doanh", "Household business")
BUILD = ("Hoạt động xây dựng", "Construction")
LAW_CIVIL = "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP"
LAW_LAND = "Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP"
LAW_BIZ = "Luật Doanh nghiệp 2020; Nghị định 01/2021/NĐ-CP"
LAW_BUILD = "Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 15/2021/NĐ-CP"


def _doc(name, originals=1, copies=0):
    return {"name": name, "originals": originals, "copies": copies}


def _fee(name, amount):
    return {"name": name, "amount": amount}


PROCEDURES = [
    ("1.001193", "Đăng ký khai sinh", "Birth registration", CIVIL, "000.00.12.H42", 1, [],
     [_doc("Tờ khai đăng ký khai sinh"), _doc("Giấy chứng sinh")], LAW_CIVIL, True),
    ("1.000894", "Đăng ký kết hôn", "Marriage registration", CIVIL, "000.00.12.H42", 1, [],
     [_doc("Tờ khai đăng ký kết hôn"), _doc("Giấy xác nhận tình trạng hôn nhân (nếu cư trú nơi khác)")],
     LAW_CIVIL, True),
    ("1.000656", "Đăng ký khai tử", "Death registration", CIVIL, "000.00.12.H42", 1, [],
     [_doc("Tờ khai đăng ký khai tử"), _doc("Giấy báo tử hoặc giấy tờ thay thế")], LAW_CIVIL, True),
    ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Certificate of marital status", CIVIL,
     "000.00.12.H42", 3, [_fee("Lệ phí", 15000)], [_doc("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân")],
     LAW_CIVIL, True),
    ("2.000635", "Cấp bản sao trích lục hộ tịch", "Copy of a civil status extract", CIVIL, "000.00.12.H42", 1,
     [_fee("Phí cấp bản sao (mỗi bản)", 8000)], [_doc("Tờ khai cấp bản sao trích lục hộ tịch")], LAW_CIVIL, True),
    ("2.000815", "Chứng thực bản sao từ bản chính", "Certified copy from the original", CERT, "000.00.12.H42",
     1, [_fee("Lệ phí chứng thực (mỗi trang)", 2000)], [_doc("Bản chính giấy tờ"), _doc("Bản sao cần chứng thực", 0, 1)],
     "Nghị định 23/2015/NĐ-CP", False),
    ("1.004884", "Đăng ký lại khai sinh", "Re-registration of a birth", CIVIL, "000.00.12.H42", 5, [],
     [_doc("Tờ khai đăng ký lại khai sinh"), _doc("Bản sao giấy tờ có thông tin khai sinh", 0, 1)],
     LAW_CIVIL, True),
    ("1.001612", "Đăng ký thành lập hộ kinh doanh", "Household business registration", HOUSEHOLD,
     "000.00.01.H42", 3, [_fee("Lệ phí đăng ký hộ kinh doanh", 100000)],
     [_doc("Giấy đề nghị đăng ký hộ kinh doanh"), _doc("Bản sao CCCD của chủ hộ", 0, 1)], LAW_BIZ, True),
    ("1.009972", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Construction permit for a private house",
     BUILD, "000.00.01.H42", 15, [_fee("Lệ phí cấp giấy phép xây dựng", 75000)],
     [_doc("Đơn đề nghị cấp giấy phép xây dựng"), _doc("Giấy tờ về quyền sử dụng đất", 0, 1),
      _doc("Bản vẽ thiết kế xây dựng", 2)], LAW_BUILD, True),
    ("1.009976", "Gia hạn giấy phép xây dựng", "Extension of a construction permit", BUILD, "000.00.01.H42", 5,
     [_fee("Lệ phí gia hạn", 15000)], [_doc("Đơn đề nghị gia hạn giấy phép xây dựng"), _doc("Giấy phép xây dựng")],
     LAW_BUILD, True),
    ("1.004227", "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
     "First registration and land-use right certificate", LAND, "000.20.31.H42", 20,
     [_fee("Lệ phí cấp Giấy chứng nhận", 100000), _fee("Phí thẩm định hồ sơ", 250000)],
     [_doc("Đơn đăng ký đất đai, tài sản gắn liền với đất"), _doc("Giấy tờ về quyền sử dụng đất", 0, 1),
      _doc("Sơ đồ thửa đất")], LAW_LAND, False),
    ("1.003010", "Đăng ký biến động quyền sử dụng đất do chuyển nhượng", "Registration of a land-use right transfer",
     LAND, "000.20.31.H42", 10, [_fee("Lệ phí đăng ký biến động", 50000)],
     [_doc("Đơn đăng ký biến động"), _doc("Hợp đồng chuyển nhượng có công chứng"), _doc("Giấy chứng nhận đã cấp")],
     LAW_LAND, False),
    ("1.002993", "Cấp đổi Giấy chứng nhận quyền sử dụng đất", "Renewal of a land-use right certificate", LAND,
     "000.20.31.H42", 7, [_fee("Lệ phí cấp đổi", 50000)],
     [_doc("Đơn đề nghị cấp đổi Giấy chứng nhận"), _doc("Giấy chứng nhận đã cấp")], LAW_LAND, True),
    ("1.001990", "Đăng ký thế chấp quyền sử dụng đất", "Mortgage registration of a land-use right", LAND,
     "000.20.31.H42", 3, [_fee("Phí đăng ký thế chấp", 80000)],
     [_doc("Phiếu yêu cầu đăng ký thế chấp"), _doc("Hợp đồng thế chấp", 1, 1), _doc("Giấy chứng nhận đã cấp")],
     "Nghị định 99/2022/NĐ-CP", True),
    ("2.000889", "Xóa đăng ký thế chấp quyền sử dụng đất", "Deregistration of a land-use right mortgage", LAND,
     "000.20.31.H42", 3, [_fee("Phí xóa đăng ký", 20000)],
     [_doc("Phiếu yêu cầu xóa đăng ký"), _doc("Giấy chứng nhận đã cấp")], "Nghị định 99/2022/NĐ-CP", True),
    ("2.001610", "Đăng ký thành lập doanh nghiệp tư nhân", "Registration of a private enterprise", BIZ,
     "000.00.09.H42", 3, [_fee("Lệ phí đăng ký doanh nghiệp", 50000), _fee("Phí công bố thông tin", 100000)],
     [_doc("Giấy đề nghị đăng ký doanh nghiệp"), _doc("Bản sao CCCD của chủ doanh nghiệp", 0, 1)], LAW_BIZ, True),
    ("2.001199", "Đăng ký thành lập công ty TNHH một thành viên", "Registration of a single-member LLC", BIZ,
     "000.00.09.H42", 3, [_fee("Lệ phí đăng ký doanh nghiệp", 50000), _fee("Phí công bố thông tin", 100000)],
     [_doc("Giấy đề nghị đăng ký doanh nghiệp"), _doc("Điều lệ công ty"),
      _doc("Bản sao giấy tờ pháp lý của chủ sở hữu", 0, 1)], LAW_BIZ, True),
    ("2.002045", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Change of business registration details", BIZ,
     "000.00.09.H42", 3, [_fee("Lệ phí thay đổi", 50000)],
     [_doc("Thông báo thay đổi nội dung đăng ký doanh nghiệp"), _doc("Nghị quyết, quyết định về việc thay đổi")],
     LAW_BIZ, True),
    ("1.009974", "Cấp giấy phép xây dựng công trình", "Construction permit for a building", BUILD,
     "000.00.15.H42", 20, [_fee("Lệ phí cấp giấy phép xây dựng", 150000)],
     [_doc("Đơn đề nghị cấp giấy phép xây dựng"), _doc("Quyết định phê duyệt dự án", 0, 1),
      _doc("Bản vẽ thiết kế", 2)], LAW_BUILD, False),
    ("1.009984", "Cấp chứng chỉ hành nghề hoạt động xây dựng", "Construction practice certificate", BUILD,
     "000.00.15.H42", 20, [_fee("Lệ phí cấp chứng chỉ", 300000)],
     [_doc("Đơn đề nghị cấp chứng chỉ hành nghề"), _doc("Văn bằng chuyên môn", 0, 1), _doc("Ảnh 4x6", 2)],
     LAW_BUILD, True),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Gia", "Thị Thu", "Văn Hoài"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Đạt", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Khánh", "Lan", "Linh", "Long",
         "Mai", "Nam", "Phúc", "Quân", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Ánh", "Ước", "Ơn"]
OFFICERS = ["Trần Thị Hoa", "Lê Văn Nam", "Nguyễn Thị Mai", "Phạm Quốc Dũng", "Võ Thanh Tâm"]
DESK = ("Bộ phận Một cửa", "Cán bộ tiếp nhận")
RETURN_DESK = ("Bộ phận Một cửa", "Cán bộ trả kết quả")
COLLECT_PLACE = "Quầy số 3, Trung tâm Phục vụ hành chính công"

# Frequent questions: the app's ask box answers from these and the catalogue.
# (question_vi, question_en, answer_vi, answer_en, keywords, procedure_code or None)
FAQS = [
    ("Đăng ký khai sinh cho con cần giấy tờ gì?", "What documents do I need to register my child's birth?",
     "Tờ khai đăng ký khai sinh, Giấy chứng sinh do bệnh viện cấp và CCCD của cha hoặc mẹ. Nếu cha mẹ đã "
     "đăng ký kết hôn, mang theo Giấy chứng nhận kết hôn.",
     "The birth registration form, the birth certificate issued by the hospital and the ID card of a parent. "
     "If the parents are married, bring the marriage certificate.",
     ["khai sinh", "giấy khai sinh", "con", "birth", "giấy chứng sinh"], "1.001193"),
    ("Làm giấy khai sinh mất bao lâu, có mất phí không?", "How long does a birth registration take, is there a fee?",
     "Được giải quyết ngay trong ngày nếu hồ sơ hợp lệ; đăng ký khai sinh đúng hạn được miễn lệ phí.",
     "It is done the same day when the dossier is complete; registering a birth on time is free of charge.",
     ["khai sinh", "lệ phí", "thời gian", "birth"], "1.001193"),
    ("Đăng ký kết hôn cần những gì, hai người có phải cùng có mặt không?",
     "What is needed to register a marriage, must both of us be present?",
     "Tờ khai đăng ký kết hôn, CCCD của hai bên và Giấy xác nhận tình trạng hôn nhân nếu cư trú nơi khác. "
     "Cả hai bên phải có mặt khi nhận Giấy chứng nhận kết hôn.",
     "The marriage registration form, both ID cards and a certificate of marital status if one of you lives "
     "elsewhere. Both must be present to receive the marriage certificate.",
     ["kết hôn", "cưới", "marriage", "wedding"], "1.000894"),
    ("Xin giấy xác nhận độc thân ở đâu?", "Where do I get a certificate of single status?",
     "Tại UBND xã, phường nơi thường trú, hoặc nộp trực tuyến trên Cổng dịch vụ công. Lệ phí 15.000 đồng, "
     "trả kết quả trong 3 ngày làm việc.",
     "At the commune or ward People's Committee where you live, or online on the public service portal. "
     "The fee is 15,000 dong; the result is ready within 3 working days.",
     ["độc thân", "tình trạng hôn nhân", "single status", "marital status"], "1.004873"),
    ("Chứng thực bản sao (photo công chứng) ở đâu, giá bao nhiêu?",
     "Where can I get certified copies, and how much does it cost?",
     "Tại Bộ phận Một cửa của UBND phường, xã hoặc văn phòng công chứng. Lệ phí 2.000 đồng một trang, từ "
     "trang thứ ba 1.000 đồng; mang theo bản chính để đối chiếu.",
     "At the one-stop desk of any ward or commune People's Committee, or at a notary office. 2,000 dong per page "
     "(1,000 dong from the third page); bring the original for comparison.",
     ["chứng thực", "công chứng", "photo công chứng", "sao y", "certified copy", "notarise"], "2.000815"),
    ("Xin giấy phép xây dựng nhà ở cần bản vẽ gì?", "Which drawings are needed for a house building permit?",
     "Hai bộ bản vẽ thiết kế: mặt bằng vị trí công trình trên lô đất, mặt bằng các tầng, mặt đứng, mặt cắt "
     "và móng, kèm bản sao giấy tờ về quyền sử dụng đất.",
     "Two sets of design drawings (site plan, floor plans, elevations, sections and foundations) and a copy of "
     "the land-use right papers.",
     ["giấy phép xây dựng", "xây nhà", "bản vẽ", "building permit", "house"], "1.009972"),
    ("Nhà dưới 7 tầng ở nông thôn có cần giấy phép xây dựng không?",
     "Does a small rural house need a building permit?",
     "Nhà ở riêng lẻ ở nông thôn không thuộc khu vực có quy hoạch đô thị, khu bảo tồn, di tích được miễn "
     "giấy phép xây dựng; hãy hỏi UBND xã để biết khu vực của mình.",
     "Private houses in rural areas outside urban planning, conservation or heritage zones are exempt; ask the "
     "commune People's Committee about your area.",
     ["miễn giấy phép", "nông thôn", "xây nhà", "exempt", "rural"], None),
    ("Làm sổ đỏ lần đầu mất bao lâu?", "How long does a first land-use right certificate take?",
     "Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (không tính thời gian xác minh, niêm yết "
     "công khai và thực hiện nghĩa vụ tài chính).",
     "At most 20 working days after a complete dossier is received, not counting verification, public posting "
     "and payment of land charges.",
     ["sổ đỏ", "sổ hồng", "giấy chứng nhận quyền sử dụng đất", "land title", "red book"], "1.004227"),
    ("Thành lập hộ kinh doanh cần vốn tối thiểu bao nhiêu?", "Is there a minimum capital for a household business?",
     "Không có vốn tối thiểu; chỉ cần kê khai vốn kinh doanh trong giấy đề nghị. Lệ phí đăng ký 100.000 đồng.",
     "There is no minimum; you declare the business capital in the application. The registration fee is "
     "100,000 dong.",
     ["hộ kinh doanh", "vốn", "buôn bán", "mở cửa hàng", "household business", "shop"], "1.001612"),
    ("Tra cứu tình trạng hồ sơ như thế nào?", "How do I check the status of my dossier?",
     "Nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận vào mục Tra cứu hồ sơ, hoặc quét mã QR trên giấy hẹn.",
     "Enter the dossier code and the lookup secret printed on your receipt under Dossier lookup, or scan the QR "
     "code on the appointment slip.",
     ["tra cứu", "tình trạng hồ sơ", "mã hồ sơ", "giấy hẹn", "status", "lookup", "track"], None),
    ("Trung tâm Phục vụ hành chính công làm việc giờ nào?", "What are the opening hours of the service centre?",
     "Thứ Hai đến Thứ Sáu 7:30-11:30 và 13:30-17:00; sáng thứ Bảy 7:30-11:30 tiếp nhận và trả kết quả.",
     "Monday to Friday 7:30-11:30 and 13:30-17:00; Saturday mornings 7:30-11:30 for receiving and returning "
     "dossiers.",
     ["giờ làm việc", "mở cửa", "thứ bảy", "opening hours", "saturday"], None),
    ("Hồ sơ bị trễ hẹn thì tôi phải làm gì?", "What can I do if my dossier is late?",
     "Cơ quan phải gửi thư xin lỗi và hẹn lại ngày trả kết quả. Nếu chưa nhận được, hãy gửi phản ánh trong ứng "
     "dụng kèm mã hồ sơ hoặc gọi đường dây nóng của Trung tâm.",
     "The agency must send an apology with a new date. If you have not received one, send a complaint in the app "
     "with your dossier code or call the centre's hotline.",
     ["trễ hẹn", "quá hạn", "chậm", "xin lỗi", "phản ánh", "late", "overdue", "complaint"], None),
    ("Có thể nộp hồ sơ trực tuyến không?", "Can I submit a dossier online?",
     "Có. Các thủ tục có biểu tượng trực tuyến nộp được trên Cổng dịch vụ công bằng tài khoản VNeID; kết quả "
     "có thể nhận qua bưu điện.",
     "Yes. Procedures marked online can be submitted on the public service portal with a VNeID account; results "
     "can be delivered by post.",
     ["trực tuyến", "online", "dịch vụ công", "vneid", "nộp qua mạng"], None),
]

