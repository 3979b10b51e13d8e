"""Headings, section periods and measures, footnotes, Word line breaks, document info."""

from baocao.parse.extract import parse_lines
from baocao.parse.structure import build_outline, match_heading


def test_heading_styles():
    assert match_heading("PHẦN A: KẾT QUẢ")[0] == "upper_letter"
    assert match_heading("Phần I")[0] == "part"
    assert match_heading("II- NHỮNG HẠN CHẾ")[0] == "roman"
    assert match_heading("VI- PHƯƠNG HƯỚNG")[0] == "roman"
    assert match_heading("B. CÁC CHỈ TIÊU")[0] == "upper_letter"
    assert match_heading("1.1. Chỉ tiêu kinh tế")[0] == "arabic2"
    assert match_heading("(1). Tỷ lệ")[0] == "paren"
    assert match_heading("a)- Thành phần gồm")[0] == "lower_letter"
    assert match_heading("2025 và những nhiệm kỳ tiếp theo") is None
    assert match_heading("13.603,4 tỷ đồng") is None


REPORT = [
    "PHẦN A: KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2022",
    "I- KẾT QUẢ ĐẠT ĐƯỢC",
    "1. Lĩnh vực kinh tế",
    "- Thu nhập bình quân đầu người 74,5 triệu đồng.",
    "B. CÁC CHỈ TIÊU, NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NĂM 2023",
    "I- Các chỉ tiêu chủ yếu",
    "1.1. Chỉ tiêu kinh tế",
    "- Thu nhập bình quân đầu người đạt 82 triệu đồng.",
    "- Tỷ lệ hộ nghèo giảm 0,2% trên địa bàn huyện Tiểu Cần.",
]


def test_sections_switch_period_and_measure():
    doc = parse_lines(REPORT)
    by = {f.value: f for f in doc.facts}
    assert (by[74.5].measure, by[74.5].period) == ("actual", "2022")
    assert (by[82].measure, by[82].period) == ("target", "2023")
    assert by[82].section.startswith("B. CÁC CHỈ TIÊU") and "1.1. Chỉ tiêu kinh tế" in by[82].section
    assert by[74.5].indicator_code == "INCOME_PER_CAPITA"
    assert doc.info.locality == "Tiểu Cần" and doc.info.locality_code == "846"


def test_term_report_parts():
    lines = [
        "BÁO CÁO CHÍNH TRỊ",
        "TRÌNH ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN CẦU KÈ LẦN THỨ XII, NHIỆM KỲ 2020 - 2025",
        "Phần I",
        "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI",
        "ĐẢNG BỘ HUYỆN LẦN THỨ XI, NHIỆM KỲ 2015 - 2020",
        "1. Kinh tế",
        "Tổng giá trị sản xuất là 13.603,4 tỷ đồng.",
        "Phần II",
        "PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2020 - 2025",
        "- Thu nhập bình quân đầu người đến năm 2025 đạt 80 triệu đồng/người/năm.",
        "- Tỷ lệ lao động qua đào tạo đạt 65%.",
    ]
    doc = parse_lines(lines)
    by = {f.value: f for f in doc.facts}
    assert doc.info.kind == "bao_cao_chinh_tri"
    assert (by[13603.4].measure, by[13603.4].period) == ("actual", "2015-2020")
    assert (by[80].measure, by[80].period, by[80].unit) == ("target", "2025", "VND_M_PER_PERSON_YEAR")
    assert (by[65].measure, by[65].period) == ("target", "2020-2025")
    assert doc.info.locality == "Cầu Kè"


def test_word_line_break_continues_the_sentence_but_anchor_stays():
    lines = [
        "BÁO CÁO",
        "kết quả năm 2021 huyện Tân Hồng",
        "Nông nghiệp tiếp tục phát triển ổn định",
        "; xây dựng 02 cánh đồng lớn, với diện tích từ 220 ha trở lên.",
    ]
    doc = parse_lines(lines)
    f = [x for x in doc.facts if x.value == 220][0]
    assert (f.line, f.col) == (4, lines[3].index("220"))
    assert f.qualifier == "at_least"
    assert "Nông nghiệp tiếp tục" in f.sentence


def test_footnotes_take_the_context_of_their_mark():
    lines = [
        "PHẦN A: KẾT QUẢ NĂM 2022 CỦA HUYỆN TIỂU CẦN",
        "1. Nông nghiệp",
        "Sản xuất lúa đạt khá",
        ", chăn nuôi ổn định.",
        "B. CÁC CHỈ TIÊU NĂM 2023",
        "Phấn đấu sản xuất ổn định",
        ".",
        "",
        "\ufffd Sản lượng lúa 167.483 tấn.",
        "\ufffd Sản lượng lúa 170.000 tấn.",
    ]
    doc = parse_lines(lines)
    by = {f.value: f for f in doc.facts}
    assert (by[167483].period, by[167483].measure, by[167483].indicator_code) == ("2022", "actual", "RICE_OUTPUT")
    assert (by[170000].period, by[170000].measure) == ("2023", "target")
    assert by[167483].line == 9


def test_superscript_footnotes_mid_document_do_not_swallow_the_rest():
    lines = [
        "KẾ HOẠCH",
        "học tập Nghị quyết năm 2020 của Tỉnh ủy Trà Vinh",
        "1. Nội dung⁽¹⁾.",
        "",
        "¹. Gồm 04 nội dung trọng tâm.",
        "",
        "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2019",
        "- Tổng thu ngân sách 13.694 tỷ đồng, đạt 144,4% dự toán.",
    ]
    doc = parse_lines(lines)
    f = [x for x in doc.facts if x.value == 13694][0]
    assert (f.measure, f.period) == ("actual", "2019")
    assert f.section.startswith("A. KẾT QUẢ")


def test_document_info_from_title():
    lines = ["BÁO CÁO", "", "kết quả thực hiện Chương trình hành động", "", "của Ban Chấp hành Đảng bộ Huyện năm 2021",
             "-----", "Toàn huyện Tân Hồng có 13 hợp tác xã."]
    doc = parse_lines(lines)
    assert doc.info.kind == "bao_cao_ket_qua"
    assert doc.info.period == "2021"
    assert doc.info.locality == "Tân Hồng" and doc.info.locality_level == "district"


def test_untitled_programme_is_a_plan():
    lines = ["Năm 2024, là năm tập trung thực hiện các chỉ tiêu của huyện.", "I. MỤC TIÊU, NHIỆM VỤ VÀ CÁC CHỈ TIÊU",
             "(1). Thu nội địa trên địa bàn đạt 114,01 tỷ đồng.",
             "Các cơ quan tổ chức thực hiện Chương trình này; xây dựng thị trấn Cây Dương đạt chuẩn văn minh đô thị.",
             "Quản lý biên chế tỉnh Hậu Giang."]
    doc = parse_lines(lines)
    assert doc.info.kind == "chuong_trinh"
    f = doc.facts[0]
    assert (f.measure, f.period, f.indicator_code) == ("target", "2024", "BUDGET_REVENUE_LOCAL")
    assert doc.info.locality == "Phụng Hiệp"


def test_outline_marks_paragraph_joins():
    out = build_outline(["Năm 2021", ", việc triển khai gặp khó khăn.", "Kết quả tốt."])
    assert out.paragraphs[0].text.startswith("Năm 2021 , việc")
    assert out.footnote_marks == [(0, len("Năm 2021"))]


def test_half_year_report_with_inline_superscript_marks():
    lines = [
        "BÁO CÁO", "sơ kết 6 tháng đầu năm 2023 của Huyện ủy Trà Cú", "-----",
        "A. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2023",
        "Vụ Đông Xuân xuống giống 12.500 ha lúa⁽¹⁾, diện tích màu 2.300 ha.",
        "Các xã Long Hiệp, Ngãi Xuyên và Tập Sơn có 1.200 hộ nuôi tôm; riêng xã Long Hiệp 520 hộ.",
        "B. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023",
        "- Xuống giống vụ Hè Thu 11.800 ha.",
        "¹. Trong đó, lúa chất lượng cao 8.000 ha (chiếm 64%).",
    ]
    doc = parse_lines(lines)
    by = {f.value: f for f in doc.facts}
    assert 6 not in by  # '6 tháng' is a time label
    assert by[12500].indicator_code == "RICE_AREA" and by[2300].indicator_code == "CROPS_AREA"
    assert by[1200].locality == "Long Hiệp, Ngãi Xuyên, Tập Sơn" and by[520].locality == "Long Hiệp"
    assert (by[11800].measure, by[8000].measure) == ("target", "actual")
    assert by[8000].section.endswith("chú thích 1")


def test_cutoff_date_gives_the_year_but_a_document_date_does_not(extract):
    header = ["BÁO CÁO CHÍNH TRỊ", "TRÌNH ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN TRÀ CÚ LẦN THỨ XII, NHIỆM KỲ 2020 - 2025", "",
              "Phần I", "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN LẦN THỨ XI, NHIỆM KỲ 2015 - 2020", ""]
    get = extract(["- Tính đến ngày 31/12/2019, toàn huyện có 45 trường đạt chuẩn quốc gia.",
                   "- Thực hiện Chỉ thị số 49-CT/TW ngày 21/2/2005 của Ban Bí thư, có 500 hộ gia đình văn hóa."], header=header)
    assert get("45").period == "2019"
    assert get("500").period == "2015-2020"


def test_term_report_results_without_years_in_heading_are_the_previous_term():
    lines = ["BÁO CÁO CHÍNH TRỊ", "TRÌNH ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN CẦU KÈ LẦN THỨ XII, NHIỆM KỲ 2020 - 2025",
             "Phần thứ nhất", "ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XI",
             "- Tổng giá trị sản xuất là 13.603,4 tỷ đồng.",
             "Phần thứ hai", "PHƯƠNG HƯỚNG, NHIỆM VỤ",
             "- Thu nhập bình quân đầu người đạt 80 triệu đồng."]
    by = {f.value: f for f in parse_lines(lines).facts}
    assert by[13603.4].period == "2015-2020"
    assert (by[80].period, by[80].measure) == ("2020-2025", "target")


def test_footnote_takes_year_and_place_of_its_mark():
    lines = ["BÁO CÁO", "kết quả năm 2023 của Huyện ủy Tân Hồng", "-----",
             "1. Kinh tế", "Thu ngân sách xã Tân Hộ Cơ năm 2022", " tăng khá.", "",
             "\ufffd Thu ngân sách đạt 12,5 tỷ đồng."]
    f = [x for x in parse_lines(lines).facts if x.value == 12.5][0]
    assert (f.period, f.locality) == ("2022", "Tân Hộ Cơ")


def test_numbered_target_items_do_not_open_sections_with_their_comparison_year():
    lines = ["NGHỊ QUYẾT", "về nhiệm vụ năm 2024 của Huyện ủy Tam Bình", "-----",
             "II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024",
             "3. Tổng vốn đầu tư toàn xã hội 2.800 tỷ đồng, tăng 8% so với năm 2023.",
             "4. Thu ngân sách nhà nước trên địa bàn đạt 95 tỷ đồng trở lên.",
             "7. Đạt 9,5 bác sĩ và 30 giường bệnh trên 1 vạn dân."]
    by = {f.value: f for f in parse_lines(lines).facts}
    assert (by[2800].period, by[8].period, by[95].period) == ("2024", "2024", "2024")
    assert by[8].compared_to == "year:2023"
    assert (by[9.5].unit, by[9.5].indicator_code) == ("PER_10K_POP", "DOCTORS_PER_10K")
    assert (by[30].unit, by[30].indicator_code) == ("PER_10K_POP", "BEDS_PER_10K")
    assert 1 not in by


def test_year_in_brackets_after_the_number(extract):
    get = extract(["- Thu ngân sách đạt 120 tỷ đồng (năm 2019), 150 tỷ đồng (năm 2020)."])
    assert (get("120").period, get("150").period) == ("2019", "2020")


def test_slash_numbering():
    assert match_heading("1/ Về kinh tế")[0] == "arabic1"
    assert match_heading("a/ Nông nghiệp")[0] == "lower_letter"
    assert match_heading("1/2 thời gian") is None


def test_letter_dash_headings():
    assert match_heading("A- KẾT QUẢ THỰC HIỆN NĂM 2023")[0] == "upper_letter"
    assert match_heading("B - NHIỆM VỤ NĂM 2024")[0] == "upper_letter"
