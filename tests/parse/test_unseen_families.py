"""Phrasing families met in news and reports the extractor had never seen, each with
sentences of our own (invented, with invented numbers; not copied from any text): a year
only implied by a comparison or by the page's date, a district named bare in a headline, a
commune's own text, the plan written after a slash, a council that assigned the plan, a
list quoted from a resolution, and page numbers that are no quantity."""

import pytest

NO_HEADER: list[str] = []
PROVINCE_HEADER = ["ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "BÁO CÁO", "tình hình kinh tế - xã hội năm 2022", ""]


# --- a text naming no year of its own --------------------------------------------------------

def test_the_year_after_the_base_of_a_same_period_comparison(extract):
    get = extract(["Trong 6 tháng đầu năm, tổng vốn đầu tư trên địa bàn huyện đạt 812 tỷ đồng, "
                   "tăng 9% so với cùng kỳ năm 2020."], header=NO_HEADER)
    assert get("812").period == "2021"
    assert get("9").period == "2021"


def test_the_year_after_the_base_of_a_plain_year_comparison(extract):
    get = extract(["Sản lượng lương thực ước đạt 41.250 tấn, tăng 2.100 tấn so với năm 2018."], header=NO_HEADER)
    assert get("41.250").period == "2019"


def test_a_base_at_the_end_of_a_year_is_no_period_of_the_text(extract):
    get = extract(["Dư nợ cho vay đạt 540 tỷ đồng, tăng 4,1% so với cuối năm 2022; "
                   "huy động vốn 61 tỷ đồng."], header=NO_HEADER)
    assert get("540").period == "2023"
    assert get("61").period == "2023"


def test_the_page_date_line_gives_the_year(extract):
    get = extract([" date 2022-07 Sáu tháng đầu năm, thu ngân sách trên địa bàn đạt 47 tỷ đồng, đạt 52% dự toán."],
                  header=NO_HEADER)
    assert get("47").period == "2022"
    assert get("52").period == "2022"


def test_a_page_stamp_with_a_full_date_gives_the_year(extract):
    get = extract(["Thu ngân sách 9 tháng đạt 30 tỷ đồng", "", "PV 08:15, 19/09/2021", "",
                   "Chín tháng đầu năm, tổng thu ngân sách đạt 30 tỷ đồng, đạt 71% kế hoạch."], header=NO_HEADER)
    assert get("71").period == "2021"


def test_a_named_year_still_wins_over_the_page_date(extract):
    get = extract([" date 2024-01 Năm 2023, giá trị sản xuất toàn huyện đạt 6.420 tỷ đồng."], header=NO_HEADER)
    assert get("6.420").period == "2023"


def test_the_page_date_parts_are_no_facts(extract):
    get = extract([" date 2023-11-27 Kỳ họp cuối năm của HĐND xã thông qua 14 chỉ tiêu."], header=NO_HEADER)
    assert get("27") is None
    assert get("11") is None


def test_an_implied_year_does_not_turn_later_years_into_targets_by_itself(extract):
    # (the page's date is a weak guess: a year named after it is not thereby a plan)
    get = extract([" date 2021-02 Toàn tỉnh có 310 hợp tác xã, tăng 25 hợp tác xã so với cùng kỳ."], header=NO_HEADER)
    assert get("310").measure == "actual"


# --- a district named bare in a headline -----------------------------------------------------

def test_a_district_heading_a_news_title_with_a_colon(extract):
    get = extract(["Yên Thế: thu ngân sách vượt dự toán năm 2023", "",
                   "Năm 2023, tổng thu ngân sách trên địa bàn huyện đạt 215 tỷ đồng, đạt 118% dự toán."],
                  header=NO_HEADER)
    assert get("215").locality == "Yên Thế"
    assert get("215").locality_level == "district"


def test_a_district_heading_a_news_title_as_its_subject(extract):
    get = extract(["Krông Búk giải quyết việc làm cho 1.850 lao động", "",
                   "Năm 2022, toàn huyện giải quyết việc làm cho 1.850 lao động, đạt 103% kế hoạch."],
                  header=NO_HEADER)
    assert get("1.850", 1).locality == "Krông Búk"


def test_a_byline_in_capitals_is_no_headline_place(extract):
    get = extract(["Thu ngân sách 9 tháng đạt 30 tỷ đồng", "", "HOÀNG MAI 08:15, 19/09/2021", "",
                   "Chín tháng đầu năm 2021, tổng thu ngân sách của huyện Yên Thế đạt 30 tỷ đồng."], header=NO_HEADER)
    assert get("30", 1).locality == "Yên Thế"


# --- a commune's own text ----------------------------------------------------------------------

def test_a_commune_council_meeting_is_about_the_commune(extract):
    get = extract(["Kỳ họp thường lệ của HĐND xã Tân Tiến đã đánh giá năm 2023. Nhờ sự hỗ trợ của Tỉnh ủy, "
                   "UBND tỉnh và nhiều sở của tỉnh, kinh tế của xã khởi sắc.",
                   "Năm 2023, tổng giá trị sản xuất toàn xã tăng 8,2%; tỷ lệ hộ nghèo còn 1,4%."], header=NO_HEADER)
    assert get("8,2").locality == "Tân Tiến"
    assert get("8,2").locality_level == "commune"
    assert get("1,4").locality == "Tân Tiến"


def test_a_district_report_naming_one_commune_stays_with_the_district(extract):
    get = extract(["Năm 2023, UBND huyện Yên Thế chỉ đạo các xã; xã Tân Tiến đạt chuẩn nông thôn mới. "
                   "Toàn huyện có 12 xã đạt chuẩn."], header=NO_HEADER)
    assert get("12").locality == "Yên Thế"


def test_the_end_of_a_spaced_span_of_years_is_no_count(extract):
    get = extract(["HĐND xã khóa XXI, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ 7."], header=NO_HEADER)
    assert get("2026") is None


# --- the plan written after a slash ----------------------------------------------------------

@pytest.mark.parametrize("sentence, literal, high", [
    ("Thu nhập bình quân một người dân ước 61,2 triệu đồng/KH 60-62 triệu đồng.", "60", 62.0),
    ("Ngành xây dựng tăng 9,4%/KH tăng 8-9%.", "8", 9.0),
    ("Đàn dê có 12.040 con/KH 12.500 con.", "12.500", None),
])
def test_the_figure_after_a_slash_plan_is_a_target(extract, sentence, literal, high):
    get = extract(["Năm 2023, " + sentence[0].lower() + sentence[1:]])
    f = get(literal)
    assert f.measure == "target"
    assert f.compared_to is None
    assert f.value_high == high


def test_the_result_before_a_slash_plan_stays_a_result(extract):
    get = extract(["Năm 2023, năng suất lúa bình quân đạt 58,1 tạ/ha/KH 57 tạ/ha."])
    assert get("58,1").measure == "actual"
    assert get("57").measure == "target"


# --- the council or committee that assigned the plan -------------------------------------------

@pytest.mark.parametrize("sentence, literal", [
    ("Năm 2023, thu phí và lệ phí được 42 tỷ đồng, đạt 61% so với HĐND huyện giao.", "61"),
    ("Năm 2023, tiền thuê đất thu được 9 tỷ đồng, bằng 88% so với UBND tỉnh giao.", "88"),
])
def test_a_share_of_what_a_council_assigned_is_attainment_of_the_plan(extract, sentence, literal):
    f = extract([sentence])(literal)
    assert f.measure == "attainment_pct"
    assert f.compared_to == "target"


# --- a list quoted from a resolution -----------------------------------------------------------

def test_a_list_quoted_from_the_resolution_is_targets(extract):
    get = extract(["Những con số chính cho năm 2025, theo Nghị quyết của HĐND huyện: thu nhập bình quân đầu người "
                   "trên 70 triệu đồng; tỷ lệ che phủ rừng 45%; giá trị sản xuất tăng từ 8% trở lên."], header=NO_HEADER)
    assert get("8").measure == "target"
    assert get("70").measure == "target"
    assert get("45").measure == "target"


def test_results_said_to_follow_the_resolution_stay_results(extract):
    get = extract(["Năm 2023, thực hiện theo Nghị quyết, toàn huyện đã trồng mới 320 ha rừng."], header=NO_HEADER)
    assert get("320").measure == "actual"


# --- a growth rate reached against last year ---------------------------------------------------

@pytest.mark.parametrize("sentence, literal", [
    ("Năm 2023, tăng trưởng kinh tế (GRDP) đạt 7,4% so với cùng kỳ.", "7,4"),
    ("Năm 2023, tốc độ tăng trưởng giá trị sản xuất đạt 10,2% so với năm 2022.", "10,2"),
])
def test_a_growth_rate_reached_against_last_year_is_the_rate_itself(extract, sentence, literal):
    f = extract([sentence])(literal)
    assert f.measure == "actual"
    assert f.compared_to is None


def test_an_index_against_last_year_stays_attainment(extract):
    get = extract(["Năm 2023, giá trị sản xuất đạt 140 tỷ đồng, tăng trưởng đạt 104% so với cùng kỳ."])
    assert get("104").measure == "attainment_pct"


def test_a_level_reached_against_last_year_stays_attainment(extract):
    get = extract(["Năm 2023, thu ngân sách trên địa bàn đạt 88% so với cùng kỳ."])
    assert get("88").measure == "attainment_pct"
    assert get("88").compared_to == "same_period"


# --- a district merged away before the gazetteer's snapshot ------------------------------------

def test_a_district_merged_into_another_is_still_a_place(extract):
    get = extract(["Năm 2022, UBND huyện Đạ Tẻh cho biết tổng thu ngân sách đạt 41 tỷ đồng."], header=NO_HEADER)
    assert get("41").locality == "Đạ Tẻh"
    assert get("41").locality_level == "district"


# --- a district named in an earlier clause of the sentence --------------------------------------

def test_a_district_named_earlier_in_the_sentence_reaches_its_later_clauses(extract):
    get = extract(["Năm 2022, doanh thu thương mại của huyện Krông Búk đạt 1.240 tỷ đồng, tăng 6%; "
                   "riêng các hộ kinh doanh đạt 310 tỷ đồng, chiếm 25%."],
                  header=PROVINCE_HEADER)
    assert get("1.240").locality == "Krông Búk"
    assert get("310").locality == "Krông Búk"
    assert get("25").locality == "Krông Búk"


def test_the_whole_province_named_after_a_district_takes_it_back(extract):
    get = extract(["Năm 2022, huyện Krông Búk có 12 xã đạt chuẩn nông thôn mới; toàn tỉnh có 98 xã đạt chuẩn."],
                  header=PROVINCE_HEADER)
    assert get("98").locality == "Đắk Lắk"


# --- a news lead's day without 'ngày' ----------------------------------------------------------

@pytest.mark.parametrize("lead", ["Hôm qua 17.8", "Sáng 17.8", "Chiều 17.8"])
def test_a_days_date_in_a_news_lead_is_no_fact(extract, lead):
    get = extract([lead + ", HĐND huyện tổ chức kỳ họp; năm 2022 thu ngân sách đạt 50 tỷ đồng."], header=NO_HEADER)
    assert get("17.8") is None
    assert get("50") is not None


# --- a number of targets set, then the list -----------------------------------------------------

def test_a_list_after_a_number_of_targets_set_is_targets(extract):
    get = extract(["Nhiệm kỳ 2025-2030, Đảng bộ xã đề ra 14 chỉ tiêu chủ yếu: tỷ lệ hộ nghèo giảm bình quân 1,5%/năm; "
                   "tỷ lệ tham gia bảo hiểm y tế đạt 98%."], header=NO_HEADER)
    assert get("14").measure == "actual"
    assert get("98").measure == "target"
    assert get("98").period == "2025-2030"


# --- a term or a span opening a sentence, and the sentence of details after it ------------------

def test_a_term_opening_the_sentence_is_its_period(extract):
    get = extract(["Nhiệm kỳ 2020-2025, toàn xã kết nạp 58 đảng viên mới."], header=NO_HEADER)
    assert get("58").period == "2020-2025"


def test_the_details_after_a_sentence_keep_its_opening_time(extract):
    get = extract(["Nhiệm kỳ 2020-2025, kinh tế của xã phát triển khá. Cụ thể, thu nhập bình quân đầu người "
                   "lên 48 triệu đồng; tỷ lệ hộ nghèo còn 2,2%."], header=NO_HEADER)
    assert get("48").period == "2020-2025"
    assert get("2,2").period == "2020-2025"


def test_details_after_a_sentence_without_a_time_take_the_documents(extract):
    get = extract(["Kinh tế huyện tiếp tục phát triển. Cụ thể, thu ngân sách đạt 210 tỷ đồng."])
    assert get("210").period == "2023"


# --- a term's text does not take its year from a comparison ---------------------------------------

def test_a_terms_text_takes_no_year_from_its_comparisons(extract):
    get = extract(["Nhiệm kỳ 2025-2030 đề ra mục tiêu thu nhập bình quân đầu người tăng 30% so với năm 2025.",
                   "Thu ngân sách bình quân tăng 9%."], header=NO_HEADER)
    assert get("9").period != "2026"


# --- fewer poor households than a named year ------------------------------------------------------

def test_fewer_poor_households_than_a_named_year_is_a_change(extract):
    get = extract(["Năm 2023, toàn huyện còn 940 hộ nghèo, chiếm 1,9% tổng số hộ, giảm 115 hộ so với năm 2022."])
    assert get("115").measure == "change_abs"
    assert get("115").compared_to == "year:2022"


def test_a_poverty_rate_reduction_stays_the_catalogues_indicator(extract):
    get = extract(["Năm 2023, tỷ lệ hộ nghèo giảm 1,1% so với năm 2022."])
    assert get("1,1").indicator_code == "POVERTY_RATE_REDUCTION"
