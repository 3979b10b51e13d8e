"""Phrasing families met in the dev corpus's errors (round r1), each with sentences of our own
(invented, with invented numbers; not copied from any text): a congress's news quoting the
targets of the term it opens, a chart flattened into lines with its title below, a table
flattened into lines under a growth caption, communes written by their initials, page
furniture and dates, indicators counted as met, periods of a month's report and of last
year's rate, 'ngày'/'tháng' before numbers that are no dates, contributions in points."""

NO_HEADER: list[str] = []


# --- a congress opening a term, reported in the news -------------------------------------------

CONGRESS = ["Sáng 12-10, đại hội đại biểu Đảng bộ tỉnh Bình Thuận lần thứ XIV, nhiệm kỳ 2025-2030, đã thông qua "
            "nghị quyết đại hội với mục tiêu tổng quát là phát triển nhanh và bền vững.", ""]


def test_a_span_opening_the_sentence_after_theo_do_covers_its_clauses(extract):
    get = extract(CONGRESS + ["Theo đó, giai đoạn 2025-2030 đưa tốc độ tăng trưởng kinh tế bình quân đạt 8,2%; "
                              "tổng vốn đầu tư toàn xã hội 5 năm đạt 310.000 tỷ đồng."], header=NO_HEADER)
    assert get("8,2").period == "2025-2030"
    assert get("310.000").period == "2025-2030"


def test_the_term_a_congress_opens_is_ahead_of_it(extract):
    get = extract(CONGRESS + ["Theo đó, giai đoạn 2025-2030 đưa tốc độ tăng trưởng kinh tế bình quân đạt 8,2%; "
                              "tổng vốn đầu tư toàn xã hội 5 năm đạt 310.000 tỷ đồng; đến năm 2030, tỷ lệ đô thị "
                              "hóa đạt 47%.",
                              "Giai đoạn 2030-2035, thu nhập bình quân đầu người đạt 190 triệu đồng/người/năm."],
                  header=NO_HEADER)
    assert get("8,2").measure == "target"
    assert get("310.000").measure == "target"
    assert get("47").measure == "target"
    assert get("47").period == "2030"
    assert get("190").measure == "target"


def test_a_resolution_of_a_congress_quoted_gives_no_year(extract):
    # (a text citing 'Nghị quyết Đại hội … nhiệm kỳ 2025-2030' is not the congress's own news)
    get = extract(["Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ IX, nhiệm kỳ 2025-2030, giai đoạn "
                   "2025-2030 toàn huyện đã xây mới 14 trường học."], header=NO_HEADER)
    assert get("14").measure == "actual"


def test_a_crop_season_starting_in_the_reports_year_is_no_plan(extract):
    header = ["BÁO CÁO", "tình hình kinh tế - xã hội tháng 11 năm 2024", ""]
    get = extract(["Màu vụ Đông Xuân 2024 - 2025 gieo trồng được 86,4 ha, thu hoạch 30,2 ha."], header=header)
    assert get("86,4").measure == "actual"
    assert get("30,2").measure == "actual"


def test_a_term_report_keeps_its_span_as_its_past(extract):
    header = ["BÁO CÁO CHÍNH TRỊ", "của Ban Chấp hành Đảng bộ huyện nhiệm kỳ 2020 - 2025", ""]
    get = extract(["Giai đoạn 2020-2025, tổng vốn đầu tư toàn xã hội đạt 9.150 tỷ đồng."], header=header)
    assert get("9.150").measure == "actual"


# --- a chart flattened into lines: bars, value axis, title below --------------------------------

CHART = ["Tổng thu ngân sách 118,6", "", "Vốn đầu tư toàn xã hội 109,3", "", "Số khách du lịch 131,25", "",
         "0 40 80 120 160", "", "Chỉ số phát triển một số chỉ tiêu chủ yếu", "6 tháng đầu năm 2024 so cùng kỳ năm trước",
         ""]


def test_a_charts_title_below_its_axis_governs_its_bars(extract):
    get = extract(["BÁO CÁO", "tình hình kinh tế - xã hội 6 tháng đầu năm 2024", ""] + CHART, header=NO_HEADER)
    for literal in ("118,6", "109,3", "131,25"):
        f = get(literal)
        assert (f.unit, f.measure, f.compared_to) == ("PCT", "attainment_pct", "same_period")


def test_a_charts_title_does_not_reach_the_text_after_it(extract):
    get = extract(CHART + ["Số lao động được giải quyết việc làm 412"], header=NO_HEADER)
    assert get("412").measure == "actual"


def test_a_row_of_counts_is_no_axis(extract):
    get = extract(["Số hộ thoát nghèo 35", "", "0 12 19 40", "", "Tốc độ phát triển so cùng kỳ năm trước"],
                  header=NO_HEADER)
    assert get("35").measure == "actual"


# --- a table flattened into lines under a growth caption: column heads, then row by row ---------

FLAT = ["Tốc độ tăng so với cùng kỳ năm trước - %", "", "9 tháng đầu năm 2022", "", "9 tháng đầu năm 2023", "",
        "Tổng số", "", "5,31", "", "6,02", "", "Khu vực công nghiệp và xây dựng", "", "8,75", "", "10,4", "",
        "Thuế sản phẩm trừ trợ cấp sản phẩm", "", "2,18", "", "4,9", ""]


def test_each_value_takes_the_period_of_its_column(extract):
    get = extract(FLAT, header=NO_HEADER)
    assert [get(x).period for x in ("5,31", "6,02", "8,75", "10,4", "2,18", "4,9")] == \
        ["2022", "2023", "2022", "2023", "2022", "2023"]


def test_the_total_row_is_the_growth_rate_its_parts_are_changes(extract):
    get = extract(FLAT, header=NO_HEADER)
    assert get("5,31").measure == "actual"
    assert get("6,02").measure == "actual"
    for literal in ("8,75", "10,4", "2,18", "4,9"):
        f = get(literal)
        assert (f.unit, f.measure, f.compared_to) == ("PCT", "change_pct", "same_period")


def test_rows_without_a_total_stay_growth_rates(extract):
    get = extract(["Tốc độ tăng trưởng so với cùng kỳ (%)", "", "Năm 2021", "", "Giá trị sản xuất nông nghiệp", "",
                   "3,8", "", "Giá trị sản xuất công nghiệp", "", "7,15", ""], header=NO_HEADER)
    assert get("3,8").measure == "actual"
    assert get("7,15").measure == "actual"
    assert get("7,15").period == "2021"


# --- a level broken down by commune in a bracket, the communes written by their initials --------

DISTRICT_HEADER = ["ỦY BAN NHÂN DÂN HUYỆN CẦU KÈ", "BÁO CÁO", "tình hình kinh tế - xã hội tháng 10 năm 2024", ""]


def test_communes_written_by_their_initials_in_a_bracket_list(extract):
    get = extract(["Cây lúa: diện tích xuống giống là 96,5 ha (NT 10,5 ha; APT 44 ha; CĐ 30 ha; TN 12 ha)."],
                  header=DISTRICT_HEADER)
    assert get("96,5").locality == "Cầu Kè"
    assert (get("10,5").locality, get("10,5").locality_level) == ("Ninh Thới", "commune")
    assert get("44").locality == "An Phú Tân"
    assert get("12").locality == "Tam Ngãi"


def test_each_commune_of_the_bracket_has_the_indicator_of_the_level(extract):
    get = extract(["Cây lúa: diện tích xuống giống là 96,5 ha (NT 10,5 ha; APT 44 ha; CĐ 30 ha; TN 12 ha)."],
                  header=DISTRICT_HEADER)
    whole = get("96,5")
    for literal in ("10,5", "44", "30"):
        assert (get(literal).indicator, get(literal).indicator_code) == (whole.indicator, whole.indicator_code)


def test_one_acronym_before_a_number_is_no_commune(extract):
    # (a single two-letter acronym may be anything: a list of three communes is needed)
    get = extract(["Thu ngân sách đạt 41 tỷ đồng (TN 6 tỷ đồng)."], header=DISTRICT_HEADER)
    assert get("6").locality == "Cầu Kè"


def test_communes_named_in_full_in_a_bracket_take_the_levels_indicator(extract):
    get = extract(["Diện tích gieo trồng lúa đạt 2.140 ha (xã Phong Thạnh 310 ha; xã Thông Hòa 275 ha)."],
                  header=DISTRICT_HEADER)
    assert get("310").locality == "Phong Thạnh"
    assert get("275").indicator_code == get("2.140").indicator_code


# --- page furniture and dates that are no quantity ---------------------------------------------

def test_a_day_listed_before_a_day_and_month_is_a_date(extract):
    get = extract(["Trong hai ngày (16 và 17-11), Hội đồng nhân dân xã tổ chức kỳ họp thứ 7."], header=NO_HEADER)
    assert get("16") is None
    assert get("17") is None
    assert get("11") is None


def test_a_pair_running_up_is_still_a_range(extract):
    get = extract(["Ngày hội thu hút 40-55 gian hàng tham gia."], header=NO_HEADER)
    assert get("40").value_high == 55


def test_a_pair_running_down_with_its_own_unit_is_no_date(extract):
    get = extract(["Ngày hội có 24-10 đội đăng ký, 36 đội tham gia."], header=NO_HEADER)
    assert get("36") is not None
    assert get("24") is not None


def test_a_document_number_with_a_space_before_its_slash(extract):
    get = extract(["Số:418 /BC-UBND Tân Hiệp, ngày 12 tháng 6 năm 2023"], header=NO_HEADER)
    assert get("418") is None


def test_a_time_zone_and_a_page_counter_are_furniture(extract):
    get = extract(["Cập nhật: 14:05 GMT+7", "Viewing page 2of 31"], header=NO_HEADER)
    assert get("7") is None
    assert get("31") is None


# --- the plan's indicators counted as met, in a results report ---------------------------------

def test_indicators_counted_as_exceeding_the_plan_are_actual_counts(extract):
    get = extract(["Năm 2023, có 5/17 chỉ tiêu đạt và 9/17 chỉ tiêu vượt kế hoạch."])
    for literal, occ in (("5", 0), ("9", 0), ("17", 0), ("17", 1)):
        assert get(literal, occ).measure == "actual"


def test_met_and_exceeded_before_a_count_of_indicators_is_no_excess(extract):
    get = extract(["Năm 2023, huyện thực hiện đạt và vượt 13/16 chỉ tiêu chủ yếu."])
    assert (get("13").measure, get("13").compared_to) == ("actual", None)


def test_criteria_gained_over_a_year_are_still_a_change(extract):
    get = extract(["Huyện đạt 121/180 tiêu chí (tăng 6 tiêu chí so với năm 2022)."])
    assert (get("6").measure, get("6").compared_to) == ("change_abs", "year:2022")


def test_a_planned_count_of_indicators_stays_a_target(extract):
    get = extract(["Năm 2024, phấn đấu có 12/14 chỉ tiêu vượt kế hoạch."])
    assert get("12").measure == "target"


# --- periods: a statistics report's month, last year's rate, a year opening a bracket ---------

def test_a_statistics_reports_title_after_the_portal_gives_its_month(extract):
    lines = ["Trang chủ", "", "Giới thiệu", "", "Tin tức", "", "Chi tiết tin", "",
             "Báo cáo thống kê tình hình kinh tế - xã hội tháng 4 năm 2023", "",
             "Sản lượng thu hoạch trong tháng được 182.400 trái, nâng lũy kế đạt 905.000 trái."]
    get = extract(lines, header=NO_HEADER)
    assert get("182.400").period == "2023-04"
    assert get("905.000").period == "2023"


def test_the_rate_a_growth_is_compared_with_is_last_years(extract):
    get = extract(["6 tháng đầu năm 2022, khu vực dịch vụ tăng 6,2%, thấp hơn mức tăng 9,4% so cùng kỳ."],
                  header=NO_HEADER)
    assert get("6,2").period == "2022"
    assert get("9,4").period == "2021"


def test_a_rate_compared_with_another_place_keeps_the_year(extract):
    get = extract(["Năm 2022, GRDP tăng 7,1%, cao hơn mức tăng 5,9% của cả nước."], header=NO_HEADER)
    assert get("5,9").period == "2022"


def test_a_year_opening_a_bracket_covers_its_clauses(extract):
    get = extract(["Năm 2023, khu vực công nghiệp đóng góp 2,1 điểm phần trăm (6 tháng năm 2022 khu vực công "
                   "nghiệp đóng góp 1,8 điểm; khu vực dịch vụ đóng góp 3,7 điểm)."], header=NO_HEADER)
    assert get("2,1").period == "2023"
    assert get("1,8").period == "2022"
    assert get("3,7").period == "2022"


# --- 'ngày' and 'tháng' before a number that is no day or month --------------------------------

def test_long_and_short_term_crops_are_no_dates(extract):
    get = extract(["Diện tích cây dài ngày đạt 3.870 ha, cây ngắn ngày 2.415 ha; cây công nghiệp dài ngày 9.300."])
    assert get("3.870").value == 3870
    assert get("2.415").unit == "HA"
    assert get("9.300") is not None


def test_an_area_after_the_end_of_the_month_is_no_month(extract):
    get = extract(["Diện tích thu hoạch đến cuối tháng 86,25 ha; đến cuối tháng 312 ha đã được làm đất."])
    assert get("86,25").unit == "HA"
    assert get("312").unit == "HA"


def test_real_days_and_months_stay_dates(extract):
    get = extract(["Ngày 14 tháng 3, đoàn kiểm tra 9 xã; tháng 10.2023 tổ chức hội nghị.", "Chi lương tháng 13 cho 62 người."])
    assert get("14") is None
    assert get("3") is None
    assert get("13") is None
    assert get("9").value == 9


# --- a contribution to growth in points ---------------------------------------------------------

def test_a_contribution_to_growth_in_points_is_in_percentage_points(extract):
    get = extract(["Khu vực dịch vụ tăng 6,4%, đóng góp 2,85 điểm vào mức tăng chung; toàn huyện có 14 điểm trường."])
    assert get("2,85").unit == "PCT"
    assert get("14").unit == "COUNT"
