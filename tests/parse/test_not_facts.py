"""Numbers that are no quantity: headings, dates, document references, period labels, labels."""

import pytest


@pytest.mark.parametrize(
    "line,literal",
    [
        ("1. Lĩnh vực kinh tế", "1"),
        ("1.1. Chỉ tiêu kinh tế", "1.1"),
        ("(3). Nâng cao chất lượng hoạt động Hội đồng nhân dân.", "3"),
        ("2.1.Chăm lo phát triển văn hóa", "2.1"),
        ("Thực hiện Chỉ thị số 49-CT/TW, ngày 21/2/2005 của Ban Bí thư.", "49"),
        ("Thực hiện Chỉ thị số 49-CT/TW, ngày 21/2/2005 của Ban Bí thư.", "21"),
        ("Thực hiện Chỉ thị số 49-CT/TW, ngày 21/2/2005 của Ban Bí thư.", "2005"),
        ("Theo Quyết định 22/2013/QĐ-TTg của Thủ tướng.", "22"),
        ("Theo Quyết định 22/2013/QĐ-TTg của Thủ tướng.", "2013"),
        ("Nghị quyết số 16/NQ-HĐND ngày 06/7/2022 của HĐND huyện.", "16"),
        ("Thực hiện Quy định số 784 của Ban Thường vụ Tỉnh ủy.", "784"),
        ("Nghị quyết số 16 -NQ/TU ngày 14/7/2023 của Tỉnh ủy.", "16"),
        ("Giải ngân đến ngày 31/12/2022 đạt 99,7% kế hoạch.", "31"),
        ("Sinh hoạt lệ chi bộ tháng 02/2020.", "02"),
        ("Đại hội nhiệm kỳ 2020 - 2025 thành công.", "2020"),
        ("Đại hội nhiệm kỳ 2020 - 2025 thành công.", "2025"),
        ("Tổng giá trị sản xuất (giá so sánh 2010) đạt 8.846 tỷ đồng.", "2010"),
        ("Phòng, chống dịch Covid-19 hiệu quả.", "19"),
        ("Phòng, chống dịch Covid – 19 hiệu quả.", "19"),
        ("Dịch vụ công trực tuyến mức độ 3 được triển khai.", "3"),
        ("Thủ tục hành chính mức 3, 4 được tuyên truyền.", "4"),
        ("Tiêm vắc xin phòng Covid-19 đợt 59 đến nay được 288.204 mũi.", "59"),
        ("Nghị quyết Trung ương 4 khóa XII được quán triệt.", "4"),
        ("Ban Chỉ đạo 35 hoạt động hiệu quả.", "35"),
        ("Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng.", "5"),
        ("Số bác sĩ trên 10.000 dân là 05 bác sĩ.", "10.000"),
        ("Định kỳ hàng quý, 6 tháng tổ chức sơ kết.", "6"),
        ("Sản xuất theo hướng hiện đại (4.0), ứng dụng khoa học.", "4.0"),
        ("Có 02 sản phẩm được chứng nhận OCOP đạt từ 03 sao trở lên.", "03"),
        ("Mở cửa từ ngày 11/02/2021 - 14/02/2021 (nhằm ngày 30 đến mùng 03 Tết).", "03"),
        ("Triển khai dự án (giai đoạn 2) trên địa bàn huyện.", "2"),
        ("Thu Chương trình 105 là 6,035 tỷ đồng.", "105"),
        ("Tổng chi ngân sách 1 là 324,603 tỷ đồng.", "1"),
        ("Áp dụng ISO 9001:2015 tại các cơ quan.", "9001"),
        ("Đề án số 06 về dân cư được triển khai.", "06"),
        ("Giảm phát thải khí CO2 trong sản xuất.", "2"),
    ],
)
def test_not_a_fact(extract, line, literal):
    get = extract([line])
    assert get(literal) is None


def test_range_high_is_no_fact_and_low_carries_it(extract):
    get = extract(["- Xây dựng và ra mắt từ 15 - 30 tổ nhân dân tự quản kiểu mẫu."])
    f = get("15")
    assert f.value == 15 and f.value_high == 30 and f.qualifier == "range"
    assert get("30") is None


def test_year_range_label_is_not_a_range_fact(extract):
    get = extract(["- Năm học 2022 - 2023 có 20.346 học sinh."])
    assert get("2022") is None and get("2023") is None
    assert get("20.346").period == "2022-2023"


@pytest.mark.parametrize(
    "line,literal",
    [
        ("Nhiệm vụ như sau: 1. Tăng cường lãnh đạo; 2. Đẩy mạnh sản xuất.", "2"),
        ("Triển khai (1) và hoàn thành (2) đúng hạn.", "2"),
        ("Kéo giảm tai nạn giao thông cả 3 mặt.", "3"),
        ("Thực hiện Quyết định 217, 218 của Bộ Chính trị.", "218"),
    ],
)
def test_more_labels(extract, line, literal):
    assert extract([line])(literal) is None


def test_number_ending_a_sentence_is_still_a_fact(extract):
    assert extract(["Số xã đạt chuẩn là 12. Tổng số hộ là 500 hộ."])("12") is not None


def test_national_target_programme_is_a_name(extract):
    get = extract(["- Chương trình mục tiêu quốc gia xây dựng nông thôn mới đã huy động 500 tỷ đồng."])
    assert get("500").measure == "actual"


@pytest.mark.parametrize(
    "line,literal",
    [
        ("Tổ chức thành công kỳ họp thứ 8 HĐND huyện.", "8"),
        ("Hội thi lần 2 được tổ chức tốt.", "2"),
        ("Nghỉ lễ ngày 30/4 và 1/5 an toàn.", "1"),
        ("Thực hiện Nghị định 83/2020 của Chính phủ.", "83"),
        ("Phủ sóng 4G toàn huyện.", "4"),
        ("Báo cáo theo Mẫu số 01 kèm theo.", "01"),
        ("Kỷ niệm 93 năm Ngày thành lập Đảng.", "93"),
    ],
)
def test_ordinals_dates_codes(extract, line, literal):
    assert extract([line])(literal) is None


@pytest.mark.parametrize("line,literal", [("PAGE 12", "12"), ("- 3 -", "3"), ("15", "15"), ("Trang 2/10", "2")])
def test_page_numbers(extract, line, literal):
    assert extract([line])(literal) is None


def test_policy_slogan_with_noun_is_a_label(extract):
    assert extract(["Thực hiện tốt mô hình sinh đủ 02 con."])("02") is None


def test_numbers_closing_a_bracket_are_facts(extract):
    get = extract(["Đào tạo chuyên môn 52 đ/c (đại học 27, thạc sĩ 25); kỷ luật 104 đảng viên (khiển trách 59, khai trừ 10)."])
    assert get("25") is not None and get("10") is not None


def test_tong_so_is_not_a_label(extract):
    assert extract(["Tổng số 98 hợp đồng lao động, giảm 08 hợp đồng."])("98") is not None


def test_numbers_in_quoted_names(extract):
    get = extract(["- Phát động phong trào “5 không, 3 sạch” với 1.200 hộ tham gia; mô hình \"3 giảm, 3 tăng\" có 45 hộ."])
    assert get("5") is None and get("3") is None and get("3", 1) is None
    assert get("1.200") is not None and get("45") is not None


@pytest.mark.parametrize(
    "line,literal",
    [
        ("Xây dựng đường trục giữa cồn Tân Qui 1 - Tân Qui 2 hoàn thành.", "1"),
        ("Đã cắt giảm 1/2 thời gian giải quyết đối với 1.568 thủ tục.", "1"),
        ("Đã cắt giảm 1/2 thời gian giải quyết đối với 1.568 thủ tục.", "2"),
    ],
)
def test_names_and_fractions(extract, line, literal):
    assert extract([line])(literal) is None


def test_web_page_furniture_is_not_a_fact(extract):
    get = extract([
        "Cập nhật lúc 14:02:11 | 15/12/2022; Lượt xem: 4945",
        "Ngày 27.12, đoàn công tác làm việc tại huyện; bản in 30.06.2021",
        "Ảnh: anh-hoi-nghi-1705665505.jpg",
        "0 100 200 300 400",
        "Sáng 21/10, Chiều thứ tư - 02/10/2024, tỉnh xếp thứ 3/14 tỉnh trong vùng.",
        "Tổng đàn bò 1.200 con.",
    ])
    for literal in ("14", "02", "11", "4945", "27.12", "30.06.2021", "1705665505", "100", "300", "21", "02", "3", "14"):
        assert get(literal) is None, literal
    assert get("1.200").value == 1200


def test_more_page_furniture(extract):
    get = extract([
        "date 2021-12 (GLO) - Trong 2 ngày, HĐND huyện họp.",
        "Số 21 đường 30/4 - phường 1; Hotline: 0273 3872 582",
        "Do ảnh hưởng của bão số 7 và số 8, thu hoạch 1.500 ha.",
    ])
    for literal in ("12", "21", "0273", "3872", "582", "8"):
        assert get(literal) is None, literal
    assert get("1.500").value == 1500
