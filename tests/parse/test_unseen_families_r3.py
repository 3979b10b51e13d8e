"""Phrasing families of a fourth set of unseen reports (dev4), each with sentences of our own
(invented, with invented numbers; not copied from any text): look-alike letters for 'Đ'/'đ',
place names written with their tone marks placed the old way, and a text introducing one
district among its neighbours."""

from pathlib import Path

from baocao.parse import parse_file
from baocao.parse.read import read_lines

NO_HEADER: list[str] = []


# --- look-alike letters: the Icelandic eth for the Vietnamese d with stroke ---------------------

def test_eth_letters_are_read_as_d_with_stroke(tmp_path: Path) -> None:
    path = tmp_path / "eth.txt"
    path.write_text("Ðến nay, toàn huyện ðã có 41 hợp tác xã.\n", encoding="utf-8")
    lines = read_lines(path)
    assert lines == ["Đến nay, toàn huyện đã có 41 hợp tác xã."]
    assert lines[0].index("41") == "Ðến nay, toàn huyện ðã có 41 hợp tác xã.".index("41")  # columns kept


def test_a_place_written_with_eth_is_found(tmp_path: Path) -> None:
    path = tmp_path / "eth-place.txt"
    path.write_text("Năm 2022, huyện Ðức Huệ (Long An) thu ngân sách ðạt 215 tỷ ðồng.\n", encoding="utf-8")
    facts = parse_file(path).facts
    assert [(f.value, f.locality, f.unit) for f in facts] == [(215.0, "Đức Huệ", "VND_BN")]


# --- a place spelled with old-style tone marks ---------------------------------------------------

def test_a_place_written_only_old_style_keeps_the_texts_spelling(extract):
    get = extract(["Thạnh Hoá: năm 2023 thu ngân sách đạt 96 tỷ đồng",
                   "Năm 2023, huyện Thạnh Hoá (Long An) có 18 hợp tác xã, tăng 2 hợp tác xã so với năm trước."],
                  header=NO_HEADER)
    assert get("18").locality == "Thạnh Hoá"
    assert get("96").locality == "Thạnh Hoá"


def test_a_place_also_written_as_the_gazetteer_does_keeps_the_gazetteers(extract):
    get = extract(["Huyện Thạnh Hoá tổng kết năm 2023",
                   "Năm 2023, huyện Thạnh Hóa (Long An) có 18 hợp tác xã, huyện Thạnh Hoá có 7 chợ."],
                  header=NO_HEADER)
    assert get("18").locality == "Thạnh Hóa"
    assert get("7").locality == "Thạnh Hóa"


def test_a_named_place_of_a_clause_keeps_the_texts_spelling(extract):
    get = extract(["Năm 2023, giá trị sản xuất toàn tỉnh đạt 9.300 tỷ đồng; riêng huyện Lệ Thuỷ đạt 1.150 tỷ đồng."],
                  header=["UBND TỈNH QUẢNG BÌNH", "BÁO CÁO", "tình hình kinh tế - xã hội năm 2023", ""])
    assert get("1.150").locality == "Lệ Thuỷ"
    assert get("9.300").locality == "Quảng Bình"


def test_a_name_without_the_tone_mark_is_no_spelling_of_it(extract):
    # ('Hoa' is another word, not 'Hòa' spelled otherwise)
    get = extract(["Năm 2023, huyện Thạnh Hóa có 18 hợp tác xã; hoa Thanh Hoa trồng 6 ha."], header=NO_HEADER)
    assert get("18").locality == "Thạnh Hóa"


# --- a text introducing one district ------------------------------------------------------------

def test_a_district_founded_and_bounded_by_its_neighbours(extract):
    get = extract(["1. Vị trí địa lý",
                   "Huyện Tuyên Hóa được tái lập năm 1990, nằm ở phía Tây Bắc tỉnh Quảng Bình. Phía Bắc giáp huyện "
                   "Minh Hóa; phía Nam giáp huyện Bố Trạch; phía Đông giáp thị xã Ba Đồn và huyện Quảng Trạch. "
                   "Huyện có 19 xã, 1 thị trấn.",
                   "2. Kinh tế",
                   "Năm 2021, tổng giá trị sản xuất đạt 3.640 tỷ đồng, tăng 6,2% so với năm 2020."], header=NO_HEADER)
    assert get("3.640").locality == "Tuyên Hóa"
    assert get("3.640").locality_level == "district"
    assert get("19").locality == "Tuyên Hóa"


def test_a_district_said_to_be_one_of_its_province(extract):
    get = extract(["Mộc Hóa là một huyện biên giới thuộc tỉnh Long An, giáp huyện Tân Thạnh, thị xã Kiến Tường "
                   "và huyện Vĩnh Hưng. Năm 2022, toàn huyện thu hoạch 41.200 tấn lúa; huyện Tân Thạnh có 5 chợ."],
                  header=NO_HEADER)
    assert get("41.200").locality == "Mộc Hóa"


def test_a_provincial_report_naming_a_founded_town_stays_provincial(extract):
    get = extract(["Năm 2023, thị xã Kiến Tường được thành lập thêm 2 phường. Toàn tỉnh có 920 hợp tác xã; "
                   "huyện Đức Hòa 140 hợp tác xã, huyện Bến Lức 85 hợp tác xã."],
                  header=["ỦY BAN NHÂN DÂN TỈNH LONG AN", "BÁO CÁO", "tình hình kinh tế - xã hội năm 2023", ""])
    assert get("920").locality == "Long An"


# --- a council's term is its title, not the time of a text ---------------------------------------

def test_a_councils_term_does_not_stop_the_year_after_the_base(extract):
    get = extract(["HĐND xã (khóa XII, nhiệm kỳ 2021 - 2026) họp kỳ thứ 5. Sáu tháng đầu năm, thu ngân sách "
                   "ước đạt 14 tỷ đồng, tăng 6,5% so với cùng kỳ năm 2022."], header=NO_HEADER)
    assert get("14").period == "2023"
    assert get("6,5").period == "2023"


def test_a_term_the_text_is_about_still_stops_it(extract):
    # (in a term's text the bases reach back to the term's start: no year is implied)
    get = extract(["Nhiệm kỳ 2015 - 2020, thu ngân sách bình quân tăng 11% so với năm 2015; "
                   "năm cuối nhiệm kỳ thu 62 tỷ đồng."], header=NO_HEADER)
    assert get("62").period != "2016"


# --- a crop season opening a sentence, and lists announced by their lead --------------------------

def test_a_season_opening_a_sentence_covers_its_details(extract):
    get = extract(["Kết thúc vụ Hè thu 2021 - 2022, toàn huyện xuống giống 6.300 ha, tăng 2,1% so cùng kỳ; "
                   "trong đó, lúa 5.800 ha, tăng 1,2%."])
    assert get("6.300").period == "2021-2022"
    assert get("5.800").period == "2021-2022"
    assert get("1,2").period == "2021-2022"


def test_a_one_year_span_compares_with_the_same_season_not_a_term(extract):
    get = extract(["Trong vụ Đông xuân 2022 - 2023, toàn xã gieo cấy 720 ha, tăng 3,4%."])
    assert get("3,4").compared_to == "same_period"
    assert get("3,4").period == "2022-2023"


def test_a_long_lead_announcing_its_list_gives_the_list_its_season(extract):
    get = extract(["Kết quả xuống giống vụ Thu đông năm 2022 - 2023 tính đến giữa tháng trên toàn tỉnh như sau: "
                   "bắp 1.420 ha, đạt 61% kế hoạch; đậu nành 96 ha, đạt 40% kế hoạch."])
    assert get("1.420").period == "2022-2023"
    assert get("96").period == "2022-2023"
    assert get("40").period == "2022-2023"


def test_a_bracket_giving_the_levels_of_a_year_is_that_years(extract):
    get = extract(["Cơ cấu kinh tế năm 2023: nông nghiệp 24,0%; công nghiệp 38,2%; dịch vụ 37,8% "
                   "(cơ cấu tương ứng của cùng kỳ năm 2022 là: 26,1%; 36,5%; 37,4%)."])
    assert get("36,5").period == "2022"
    assert get("37,4").period == "2022"
    assert get("38,2").period == "2023"


# --- the growth of GRDP and of its sectors ------------------------------------------------------

PROVINCE_HEADER = ["ỦY BAN NHÂN DÂN TỈNH LONG AN", "BÁO CÁO", "tình hình kinh tế - xã hội quý I năm 2023", ""]


def test_the_growth_of_grdp_in_a_quarter_is_the_growth_rate(extract):
    get = extract(["Tổng sản phẩm trong tỉnh (GRDP) quý I năm 2023 tăng 5,4% so với cùng kỳ năm 2022."],
                  header=PROVINCE_HEADER)
    assert get("5,4").measure == "actual"
    assert get("5,4").indicator_code == "GRDP_GROWTH"


def test_sectors_named_by_their_roman_numbers_grow_in_percent(extract):
    get = extract(["GRDP quý I năm 2023 tăng 5,4% so với cùng kỳ. Trong đó: khu vực I (nông, lâm nghiệp và "
                   "thủy sản) tăng 2,15%, đóng góp 0,52 điểm phần trăm; khu vực II (công nghiệp và xây dựng) tăng "
                   "9,8%, đóng góp 3,1 điểm phần trăm; khu vực III (dịch vụ) tăng 4,05%."], header=PROVINCE_HEADER)
    for lit in ("2,15", "9,8", "4,05"):
        assert get(lit).measure == "change_pct", lit
        assert get(lit).indicator_code is None, lit  # a sector's growth inside GRDP names no indicator


def test_a_share_of_a_roman_numbered_sector_still_changes_in_points(extract):
    get = extract(["Cơ cấu kinh tế: khu vực I chiếm 27,3% (giảm 1,6%), khu vực II chiếm 35,2% (tăng 1,1%)."],
                  header=PROVINCE_HEADER)
    assert get("1,6").measure == "change_abs"
    assert get("1,1").measure == "change_abs"


# --- a range written with the percent sign on both ends ----------------------------------------

def test_a_range_with_a_percent_sign_on_each_end(extract):
    get = extract(["Năm 2024 phấn đấu tỷ trọng dịch vụ chiếm từ 31,2% - 31,8%; nông nghiệp chiếm dưới 12,4% – 12,9%."])
    assert get("31,2").value_high == 31.8
    assert get("31,2").qualifier == "range"
    assert get("31,8") is None
    assert get("12,4").value_high == 12.9
    assert get("12,9") is None


def test_two_percentages_joined_by_a_dash_with_words_are_no_range(extract):
    get = extract(["Tỷ lệ hộ nghèo 4,1% - tỷ lệ hộ cận nghèo 6,3%."])
    assert get("4,1").value_high is None
    assert get("6,3") is not None


# --- a sentence headed by the plan's total, after its year -------------------------------------

def test_the_plans_total_after_the_opening_year_is_a_target(extract):
    get = extract(["Trong năm 2023, tổng kế hoạch vốn đầu tư công của huyện là 410 tỷ đồng, đã giải ngân 300 tỷ đồng."])
    assert get("410").measure == "target"
    assert get("300").measure == "actual"


def test_a_plan_named_by_its_number_heads_nothing(extract):
    get = extract(["Năm 2023, kế hoạch số 12 được triển khai tại 5 xã."])
    assert get("5").measure == "actual"


# --- a sector's revenue is not its production value --------------------------------------------

def test_the_revenue_of_trade_and_services_names_no_production_value(extract):
    get = extract(["Năm 2023, tổng doanh thu thương mại, dịch vụ đạt 12.400 tỷ đồng, tăng 9% so với năm 2022; "
                   "giá trị sản xuất thương mại, dịch vụ đạt 3.150 tỷ đồng."])
    assert get("12.400").indicator_code is None
    assert get("9").indicator_code is None
    assert get("3.150").indicator_code == "PV_SERVICES"


# --- numbers that count nothing: deep section numbers, ages of a group, doses, phases ------------

def test_a_four_level_section_number_is_a_heading(extract):
    get = extract(["3.2.1.4. Điều kiện kinh tế", "Năm 2023, toàn huyện có 64 hợp tác xã."])
    assert [f.value for f in get.facts] == [64.0]


def test_the_ages_that_name_a_group_of_people_are_no_quantities(extract):
    get = extract(["Có 90.500 người từ 18 tuổi trở lên được tiêm vắc xin, đạt 97,2%; trẻ từ 12-17 tuổi là 21.300 người."])
    assert get("18") is None
    assert get("12") is None
    assert get("17") is None
    assert get("90.500").value == 90500.0
    assert get("21.300").value == 21300.0


def test_children_of_an_age_without_a_bound_are_a_group_too(extract):
    get = extract(["Duy trì phổ cập giáo dục mầm non cho trẻ 5 tuổi; 100% xã đạt chuẩn."])
    assert get("5") is None
    assert get("100").value == 100.0


def test_an_average_age_is_still_a_quantity(extract):
    get = extract(["Tuổi bình quân của cán bộ là 41,5 tuổi, giảm 1,2 tuổi so với nhiệm kỳ trước."])
    assert get("41,5").unit == "AGE_YEARS"
    assert get("1,2").measure == "change_abs"


def test_a_dose_number_and_an_electric_phase_count_nothing(extract):
    get = extract(["Tiêm mũi 3 cho 4.100 người; đã tiêm 12.000 mũi. Lưới điện 3 pha được kéo đến 14 xã."])
    assert get("3") is None
    assert get("3", 1) is None
    assert get("4.100").value == 4100.0
    assert get("12.000").unit_text == "mũi"
    assert get("14").value == 14.0
