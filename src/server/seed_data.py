"""The demo province's data: agencies, procedures, places (Quảng Ngãi and Quảng Nam), frequent
questions and the names the seeded dossiers are given. seed.py turns them into rows."""


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

PLACES = [
    dict(kind="service_centre", name_vi="Trung tâm Phục vụ hành chính công tỉnh",
         name_en="Provincial Public Administrative Service Centre", address="96 Nguyễn Nghiêm, TP. Quảng Ngãi",
         phone="0255 3822 200", hours="Thứ Hai - Thứ Sáu 7:30-11:30, 13:30-17:00", lat=15.1205, lon=108.7923,
         description_vi="Nộp và nhận kết quả hồ sơ của các sở, ngành.",
         description_en="Submit dossiers and collect results for provincial departments."),
    dict(kind="sight", name_vi="Đảo Lý Sơn", name_en="Ly Son Island", address="Huyện Lý Sơn",
         lat=15.3803, lon=109.1138, description_vi="Đảo núi lửa, cổng Tò Vò, chùa Hang.",
         description_en="Volcanic island with the To Vo arch and the Hang pagoda."),
    dict(kind="sight", name_vi="Bãi biển Mỹ Khê", name_en="My Khe Beach", address="Xã Tịnh Khê, TP. Quảng Ngãi",
         lat=15.1797, lon=108.8836, description_vi="Bãi biển cát trắng cách trung tâm 15 km.",
         description_en="White-sand beach 15 km from the city centre."),
    dict(kind="sight", name_vi="Khu chứng tích Sơn Mỹ", name_en="Son My Memorial", address="Xã Tịnh Khê",
         lat=15.1781, lon=108.8681, description_vi="Di tích lịch sử quốc gia đặc biệt.",
         description_en="Special national historic site."),
    dict(kind="specialty", name_vi="Tỏi Lý Sơn", name_en="Ly Son garlic", address="Chợ Quảng Ngãi, 1 Hùng Vương",
         phone="0905 123 456", description_vi="Tỏi cô đơn trồng trên cát núi lửa.",
         description_en="Single-clove garlic grown on volcanic sand."),
    dict(kind="specialty", name_vi="Cá bống sông Trà", name_en="Tra River goby", address="Quán Bống Trà, 12 Lê Lợi",
         phone="0255 3818 777", description_vi="Cá bống kho tiêu, đặc sản sông Trà Khúc.",
         description_en="Peppered braised goby from the Tra Khuc river."),
    dict(kind="specialty", name_vi="Đường phèn, kẹo gương", name_en="Rock sugar and sesame brittle",
         address="45 Quang Trung", phone="0255 3823 456", description_vi="Quà biếu truyền thống.",
         description_en="Traditional gifts."),
    dict(kind="bus", name_vi="Tuyến buýt 01: Bến xe Quảng Ngãi - Sa Kỳ", name_en="Bus 01: Quang Ngai station - Sa Ky port",
         hours="5:30-18:00, 20 phút/chuyến", description_vi="Nối cảng Sa Kỳ (tàu ra Lý Sơn).",
         description_en="Serves Sa Ky port (boats to Ly Son)."),
    dict(kind="bus", name_vi="Tuyến buýt 03: Quảng Ngãi - Mỹ Khê", name_en="Bus 03: Quang Ngai - My Khe",
         hours="6:00-18:30, 30 phút/chuyến", description_vi="Qua khu chứng tích Sơn Mỹ.",
         description_en="Passes the Son My memorial."),
    dict(kind="power_cut", name_vi="Cắt điện bảo trì: phường Trần Phú", name_en="Planned power cut: Tran Phu ward",
         hours="Chủ nhật 7:00-11:00", description_vi="Bảo trì đường dây 22 kV, khu vực đường Hùng Vương.",
         description_en="22 kV line maintenance around Hung Vuong street."),
    dict(kind="health", name_vi="Bệnh viện Đa khoa tỉnh Quảng Ngãi", name_en="Quang Ngai General Hospital",
         address="Đường Lê Hữu Trác, TP. Quảng Ngãi", phone="0255 3822 330", hours="Cấp cứu 24/7",
         lat=15.1334, lon=108.8160, description_vi="Cấp cứu, khám chữa bệnh đa khoa.",
         description_en="Emergency and general care."),
    dict(kind="health", name_vi="Trạm Y tế phường Trần Phú", name_en="Tran Phu Ward Health Station",
         address="05 Trần Phú", phone="0255 3821 115", hours="7:00-17:00",
         description_vi="Tiêm chủng, khám ban đầu.", description_en="Vaccination and primary care."),
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


# Places of Quảng Nam (Hội An, Mỹ Sơn, Cù Lao Chàm): sights and dishes visitors ask about, with
# Korean, Chinese and Japanese texts for the tourists who come most. "when" of a power cut is
# (days after the seeding day, from hour, to hour).
QUANG_NAM_PLACES = [
    dict(kind="sight", name_vi="Phố cổ Hội An", name_en="Hoi An Ancient Town", address="Phường Minh An, TP. Hội An",
         hours="Cả ngày; vé tham quan 120.000 đ", lat=15.8770, lon=108.3260,
         description_vi="Thương cảng cổ, Di sản văn hóa thế giới UNESCO: Chùa Cầu, hội quán, đèn lồng.",
         description_en="Old trading port and UNESCO World Heritage site: the Japanese Bridge, assembly halls, lanterns.",
         i18n={"ko": {"name": "호이안 구시가지", "description": "유네스코 세계문화유산 옛 무역항: 내원교(일본교), 회관, 등불."},
               "zh": {"name": "会安古镇", "description": "联合国教科文组织世界文化遗产古商港：来远桥（日本桥）、会馆、灯笼。"},
               "ja": {"name": "ホイアン旧市街", "description": "ユネスコ世界遺産の古い貿易港。来遠橋（日本橋）、会館、ランタン。"}}),
    dict(kind="sight", name_vi="Khu đền tháp Mỹ Sơn", name_en="My Son Sanctuary", address="Xã Duy Phú, huyện Duy Xuyên",
         hours="6:00-17:00; vé 150.000 đ", lat=15.7640, lon=108.1240,
         description_vi="Quần thể đền tháp Chăm Pa thế kỷ IV-XIII, Di sản văn hóa thế giới.",
         description_en="Cham Hindu temple complex from the 4th to 13th centuries, a World Heritage site.",
         i18n={"ko": {"name": "미선 유적지", "description": "4~13세기 참파 왕국의 힌두 사원 유적, 세계문화유산."},
               "zh": {"name": "美山圣地", "description": "四至十三世纪占婆印度教寺庙群，世界文化遗产。"},
               "ja": {"name": "ミーソン聖域", "description": "4〜13世紀のチャンパ王国のヒンドゥー教寺院遺跡（世界遺産）。"}}),
    dict(kind="sight", name_vi="Cù Lao Chàm", name_en="Cham Islands", address="Xã Tân Hiệp, TP. Hội An",
         hours="Tàu từ bến Cửa Đại 7:30-9:00; tạm dừng khi biển động", lat=15.9520, lon=108.5150,
         description_vi="Khu dự trữ sinh quyển thế giới: lặn ngắm san hô, hải sản.",
         description_en="UNESCO biosphere reserve: snorkelling over coral reefs and seafood.",
         i18n={"ko": {"name": "참섬 (꾸라오참)", "description": "유네스코 생물권 보전지역: 산호초 스노클링과 해산물."},
               "zh": {"name": "占婆岛", "description": "世界生物圈保护区：浮潜观赏珊瑚、品尝海鲜。"},
               "ja": {"name": "チャム島（クーラオチャム）", "description": "ユネスコ生物圏保護区。サンゴ礁のシュノーケリングと海の幸。"}}),
    dict(kind="specialty", name_vi="Cao lầu", name_en="Cao lau noodles", address="26 Thái Phiên, TP. Hội An",
         phone="0235 3861 510", hours="7:00-21:00",
         description_vi="Sợi mì vàng dai, thịt xá xíu, rau Trà Quế: món riêng của Hội An.",
         description_en="Chewy yellow noodles with char siu pork and Tra Que herbs, found only in Hoi An.",
         details={"shop": "Quán Cao lầu Thanh"},
         i18n={"ko": {"name": "까오러우", "description": "쫄깃한 노란 면, 차슈, 짜꿰 허브: 호이안에만 있는 국수."},
               "zh": {"name": "高楼面", "description": "筋道的黄面条配叉烧肉和茶桂香草，会安独有。"},
               "ja": {"name": "カオラウ", "description": "コシのある黄色い麺にチャーシューとチャークエ村の香草。ホイアンだけの味。"}}),
    dict(kind="specialty", name_vi="Mì Quảng", name_en="Quang noodles", address="1A Hải Phòng, TP. Hội An",
         phone="0235 3911 222", hours="6:00-14:00",
         description_vi="Sợi mì bản rộng, ít nước, tôm thịt, bánh tráng nướng và rau sống.",
         description_en="Wide rice noodles in a little broth with shrimp, pork, grilled rice crackers and herbs.",
         details={"shop": "Quán Mì Quảng Bà Mua"},
         i18n={"ko": {"name": "미꽝", "description": "넓은 쌀국수에 국물은 적게, 새우와 돼지고기, 구운 라이스페이퍼."},
               "zh": {"name": "广南面", "description": "宽米粉、少汤，配虾、猪肉、烤米饼和生菜。"},
               "ja": {"name": "ミークアン", "description": "スープ少なめの平たい米麺。エビと豚肉、焼いたライスクラッカーと香草。"}}),
    dict(kind="specialty", name_vi="Bánh mì Phượng", name_en="Banh mi Phuong", address="2B Phan Châu Trinh, TP. Hội An",
         phone="0905 743 773", hours="6:30-21:30",
         description_vi="Tiệm bánh mì nổi tiếng của Hội An, nhiều loại nhân, có pa-tê và xá xíu.",
         description_en="Hoi An's famous banh mi shop, many fillings including pâté and char siu.",
         details={"shop": "Tiệm Bánh mì Phượng"},
         i18n={"ko": {"name": "반미 프엉", "description": "호이안의 유명한 반미 가게, 파테와 차슈 등 다양한 속."},
               "zh": {"name": "凤姐越南法棍", "description": "会安著名的越南法棍店，馅料丰富，有肝酱和叉烧。"},
               "ja": {"name": "バインミー・フオン", "description": "ホイアンの有名なバインミー店。パテやチャーシューなど具が豊富。"}}),
    dict(kind="bus", name_vi="Tuyến buýt LK01: Hội An - Đà Nẵng", name_en="Bus LK01: Hoi An - Da Nang",
         hours="5:30-17:30", description_vi="Xe buýt vàng nối Hội An với trung tâm Đà Nẵng, khoảng 1 giờ.",
         description_en="The yellow bus between Hoi An and central Da Nang, about one hour.",
         details={"route": "Bến xe Hội An - Lạc Long Quân - Cầu Rồng - Bến xe trung tâm Đà Nẵng",
                  "timetable": "Mỗi 20 phút từ 5:30 đến 17:30; vé 30.000 đ"}),
    dict(kind="power_cut", name_vi="Cắt điện: phường Minh An, Hội An", name_en="Power cut: Minh An ward, Hoi An",
         description_vi="Thay cáp trung thế khu phố cổ.", description_en="Replacing medium-voltage cables in the old town.",
         details={"area": "Phường Minh An (khu phố cổ), TP. Hội An"}, when=(2, 7, 16)),
    dict(kind="health", name_vi="Trung tâm Y tế thành phố Hội An", name_en="Hoi An City Medical Centre",
         address="04 Trần Hưng Đạo, TP. Hội An", phone="0235 3861 364", hours="Cấp cứu 24/7",
         lat=15.8801, lon=108.3326, description_vi="Cấp cứu, khám bệnh, có phiên dịch tiếng Anh.",
         description_en="Emergency and outpatient care; English interpreting available."),
]

# Korean, Chinese and Japanese texts and kind-specific facts for the Quảng Ngãi places above.
PLACE_EXTRA = {
    "Đảo Lý Sơn": dict(i18n={"ko": {"name": "리선 섬", "description": "화산섬, 또보 아치와 항 사원."},
                             "zh": {"name": "李山岛", "description": "火山岛，有拱门石和石窟寺。"},
                             "ja": {"name": "リーソン島", "description": "火山島。トーヴォー門とハン寺。"}}),
    "Bãi biển Mỹ Khê": dict(i18n={"ko": {"name": "미케 해변", "description": "시내에서 15km 떨어진 백사장."},
                                  "zh": {"name": "美溪海滩", "description": "距市中心15公里的白沙滩。"},
                                  "ja": {"name": "ミーケービーチ", "description": "市内から15kmの白砂のビーチ。"}}),
    "Khu chứng tích Sơn Mỹ": dict(i18n={"ko": {"name": "선미 추모 유적지", "description": "국가 특별 역사 유적."},
                                        "zh": {"name": "山美纪念遗址", "description": "国家特别历史遗迹。"},
                                        "ja": {"name": "ソンミ記念館", "description": "国家特別史跡。"}}),
    "Tỏi Lý Sơn": dict(details={"shop": "Gian hàng đặc sản Lý Sơn, chợ Quảng Ngãi"},
                       i18n={"ko": {"name": "리선 마늘", "description": "화산 모래에서 자란 외톨이 마늘."},
                             "zh": {"name": "李山大蒜", "description": "火山沙地种植的独头蒜。"},
                             "ja": {"name": "リーソンのニンニク", "description": "火山砂で育つ一片ニンニク。"}}),
    "Cá bống sông Trà": dict(details={"shop": "Quán Bống Trà"},
                             i18n={"ko": {"name": "짜강 망둥어 조림", "description": "후추를 넣어 조린 짜쿡강 망둥어."},
                                   "zh": {"name": "茶江虾虎鱼", "description": "胡椒焖茶曲江虾虎鱼。"},
                                   "ja": {"name": "チャー川のハゼ煮", "description": "チャークック川のハゼの胡椒煮。"}}),
    "Đường phèn, kẹo gương": dict(details={"shop": "Cửa hàng đặc sản 45 Quang Trung"},
                                  i18n={"ko": {"name": "빙당과 참깨 과자", "description": "전통 선물."},
                                        "zh": {"name": "冰糖与芝麻糖片", "description": "传统伴手礼。"},
                                        "ja": {"name": "氷砂糖とゴマ煎餅", "description": "伝統的なお土産。"}}),
    "Tuyến buýt 01: Bến xe Quảng Ngãi - Sa Kỳ": dict(details={
        "route": "Bến xe Quảng Ngãi - Quang Trung - Tịnh Kỳ - Cảng Sa Kỳ", "timetable": "5:30-18:00, 20 phút/chuyến"}),
    "Tuyến buýt 03: Quảng Ngãi - Mỹ Khê": dict(details={
        "route": "Bến xe Quảng Ngãi - Khu chứng tích Sơn Mỹ - Bãi biển Mỹ Khê", "timetable": "6:00-18:30, 30 phút/chuyến"}),
    "Cắt điện bảo trì: phường Trần Phú": dict(details={"area": "Phường Trần Phú, đường Hùng Vương"}, when=(None, 7, 11)),
}
