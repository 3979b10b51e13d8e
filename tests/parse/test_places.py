"""Places resolved against the gazetteer; clause places beat the document's."""

from baocao.parse.places import find_mentions, gazetteer, resolve_document_place


def test_gazetteer_index():
    g = gazetteer()
    assert any(p.code == "846" for p in g.by_name["tiểu cần"])


def test_mentions_take_longest_known_name():
    ms = find_mentions("khắc phục sạt lở đê ấp Trẹm, xã Tân Hòa với tổng kinh phí")
    assert [(m.name, m.level) for m in ms] == [("Tân Hòa", "commune")]
    ms = find_mentions("xã Tân Thành B với 40 thành viên")
    assert ms[0].name == "Tân Thành B"


def test_document_place_from_a_town_and_its_province():
    p = resolve_document_place("xây dựng thị trấn Cây Dương đạt chuẩn. Quản lý biên chế tỉnh Hậu Giang.")
    assert (p.name, p.level, p.code) == ("Phụng Hiệp", "district", "934")


def test_document_place_province_when_many_districts():
    text = ("toàn tỉnh có 5 huyện. Tỉnh ủy chỉ đạo toàn tỉnh. tỉnh Trà Vinh, huyện Càng Long, huyện Cầu Kè, huyện Tiểu Cần, "
            "thị xã Duyên Hải; toàn tỉnh đạt; Tỉnh ủy; của tỉnh; toàn tỉnh")
    p = resolve_document_place(text)
    assert (p.name, p.level) == ("Trà Vinh", "province")


def test_clause_place_wins(extract):
    header = ["BÁO CÁO", "kết quả năm 2021 của Huyện ủy Tân Hồng", "-----"]
    get = extract([
        "Thu ngân sách đạt 90 tỷ đồng (trong đó: xã Bình Phú 731,086 triệu đồng, xã Tân Hộ Cơ 516 triệu đồng).",
        "Lập biên bản 03 trường hợp khai thác đất trái phép (xã Tân Hộ Cơ, Tân Công Chí), tạm giữ 11 phương tiện.",
        "Dự kiến cuối năm xã Bình Phú đạt 19 tiêu chí; các xã: Thông Bình, Tân Phước, Tân Thành A đạt 17 tiêu chí.",
        "Duy trì 04 xã đạt chuẩn (Tân Thành B, Tân Công Chí, An Phước và Tân Hộ Cơ).",
        "Tân Hộ Cơ đạt nông thôn mới và Bình Phú đạt 19 tiêu chí (chỉ tiêu có thêm 01 xã đạt nông thôn mới).",
    ], header)
    assert get("90").locality == "Tân Hồng"
    assert get("731,086").locality == "Bình Phú"
    assert get("516").locality == "Tân Hộ Cơ"
    assert get("03").locality == "Tân Hộ Cơ, Tân Công Chí"
    assert get("11").locality == "Tân Hồng"
    assert get("19").locality == "Bình Phú"
    assert get("17").locality == "Thông Bình, Tân Phước, Tân Thành A"
    assert get("04").locality == "Tân Hồng"
    assert get("01").locality == "Tân Hồng"


def test_header_place_line_and_party_committee_name():
    from baocao.parse.extract import parse_lines

    doc = parse_lines(["HUYỆN ỦY CHÂU THÀNH", "Châu Thành, ngày 15 tháng 12 năm 2023", "BÁO CÁO", "kết quả năm 2023",
                       "-----", "Xã Hòa Lợi đạt 17/19 tiêu chí."])
    assert (doc.info.locality, doc.info.locality_code) == ("Châu Thành", "847")
    assert doc.info.date == "2023-12-15"
    f = [x for x in doc.facts if x.value == 17][0]
    assert f.locality == "Hòa Lợi" and f.locality_level == "commune"


def test_header_settles_the_level():
    text = "Tỉnh ủy chỉ đạo; toàn tỉnh; của tỉnh; Tỉnh ủy; tỉnh Trà Vinh; huyện Càng Long."
    assert resolve_document_place(text, header="HUYỆN ỦY CÀNG LONG").level == "district"
    assert resolve_document_place("tỉnh Trà Vinh có 9 huyện; huyện Càng Long", header="TỈNH ỦY TRÀ VINH").level == "province"


def test_place_after_a_locative_word(extract):
    header = ["BÁO CÁO", "kết quả năm 2022 của Huyện ủy Tiểu Cần", "-----"]
    get = extract(["- Hỗ trợ 50 hộ nghèo ở xã Tân Hòa xây nhà; trên địa bàn huyện có 120 hộ nghèo."], header)
    assert get("50").locality == "Tân Hòa"
    assert get("120").locality == "Tiểu Cần"


def test_a_city_written_tp_glued_to_its_name():
    ms = find_mentions("Chủ tịch UBND TP.Cần Thơ cho biết; thành phố Hội An có 9 phường")
    assert [(m.name, m.candidates[0].level) for m in ms] == [("Cần Thơ", "province"), ("Hội An", "district")]


def test_a_name_spelled_without_its_tone_marks():
    ms = find_mentions("huyện Đak Song có 27 chỉ tiêu đạt; tỉnh Đăk Nông")
    assert [m.candidates[0].name for m in ms] == ["Đắk Song", "Đắk Nông"]


def test_a_province_named_bare_is_the_document_place():
    text = ("Năm 2022, Bến Tre triển khai nhiệm vụ trong bối cảnh khó khăn. Kinh tế của tỉnh tăng 6%. "
            "Bến Tre có 12 sản phẩm OCOP mới; toàn tỉnh có 80 xã đạt chuẩn.")
    p = resolve_document_place(text)
    assert (p.name, p.level) == ("Bến Tre", "province")


def test_a_district_merged_before_the_gazetteer_snapshot_is_known():
    p = resolve_document_place("Kỳ họp HĐND huyện Nông Sơn đánh giá kết quả năm 2020 của huyện.")
    assert (p.name, p.level) == ("Nông Sơn", "district")


def test_a_list_of_local_figures_is_about_the_province():
    text = ("Diện tích lúa Hè Thu của tỉnh Quảng Bình đạt 23.000 ha. Diện tích lúa của các địa phương: thành phố Đồng Hới "
            "747 ha; thị xã Ba Đồn 2.176 ha; huyện Minh Hóa 600 ha; huyện Tuyên Hóa 900 ha.")
    p = resolve_document_place(text)
    assert (p.name, p.level) == ("Quảng Bình", "province")
