"""Measure, compared_to and qualifier from the cue words of a clause (own sentences in report style)."""

import pytest


def test_level_attainment_and_change(extract):
    get = extract(["- Tổng đàn gia súc 97.160 con, đạt 104,75% kế hoạch (tăng 0,7% so cùng kỳ)."])
    f = get("97.160")
    assert (f.measure, f.unit, f.value) == ("actual", "COUNT", 97160)
    a = get("104,75")
    assert (a.measure, a.compared_to, a.indicator_code) == ("attainment_pct", "target", "HERD_LIVESTOCK")
    c = get("0,7")
    assert (c.measure, c.compared_to) == ("change_pct", "same_period")


def test_bare_dat_percent_after_a_level_is_attainment(extract):
    get = extract(["- Tổng giá trị sản xuất (giá so sánh 2010) đạt 9.120,5 tỷ đồng, đạt 101,2% (tăng 11,5% so cùng kỳ)."])
    assert get("9.120,5").indicator_code == "PV_TOTAL"
    assert (get("101,2").measure, get("101,2").compared_to) == ("attainment_pct", "target")
    assert get("2010") is None


def test_bracketed_target(extract):
    get = extract(["Tỷ lệ người dân tham gia bảo hiểm y tế đạt 92% (chỉ tiêu 91%); tốc độ tăng trưởng 10,5% (NQ11%)."])
    assert (get("92").measure, get("92").compared_to) == ("actual", None)
    t = get("91")
    assert (t.measure, t.indicator_code) == ("target", "HEALTH_INSURANCE_COVERAGE")
    assert get("11").measure == "target" and get("11").indicator_code == "PV_GROWTH"


def test_attainment_of_an_earlier_year(extract):
    get = extract(["- Doanh thu dịch vụ đạt 512 tỷ đồng, bằng 108,44% so với năm 2022."])
    f = get("108,44")
    assert (f.measure, f.compared_to) == ("attainment_pct", "year:2022")
    assert get("2022") is None


def test_change_times_and_year_reference(extract):
    get = extract(["- Tổng vốn đầu tư toàn xã hội 10.220 tỷ đồng, tăng 1,8 lần so năm 2015."])
    f = get("1,8")
    assert (f.measure, f.unit, f.compared_to) == ("change_times", "TIMES", "year:2015")


def test_change_abs_of_a_count(extract):
    get = extract(["- Tai nạn giao thông xảy ra 12 vụ, giảm 67 vụ so cùng kỳ."])
    f = get("67")
    assert (f.measure, f.unit, f.compared_to) == ("change_abs", "COUNT", "same_period")


def test_change_of_a_rate_is_in_points(extract):
    get = extract(["- Khu vực I chiếm 31,74% (giảm 2,28%); tỷ lệ hộ sử dụng điện 99,2%, tăng 0,5% so năm 2022."])
    assert get("2,28").measure == "change_abs"
    assert (get("0,5").measure, get("0,5").compared_to) == ("change_abs", "year:2022")


def test_exceeding_a_target(extract):
    get = extract(["- Kết nạp 130 đảng viên, vượt 30% so nghị quyết; diện tích lúa gieo trồng 224.348 ha (vượt 1.748 ha so kế hoạch)."])
    assert (get("30").measure, get("30").compared_to) == ("change_pct", "target")
    assert (get("1.748").measure, get("1.748").compared_to, get("1.748").unit) == ("change_abs", "target", "HA")


def test_average_growth_is_a_quantity_of_its_own(extract):
    get = extract(["Tốc độ tăng trưởng bình quân 13,38%/năm; thu ngân sách tăng bình quân hàng năm 15%."])
    assert get("13,38").measure == "actual" and get("13,38").unit == "PCT_PER_YEAR"
    assert get("15").measure == "actual"


def test_growth_rate_written_with_tang(extract):
    get = extract(["- Tốc độ tăng trưởng tăng 14,2% (NQ 12%)."])
    assert (get("14,2").measure, get("14,2").indicator_code) == ("actual", "PV_GROWTH")


def test_poverty_reduction_is_its_own_indicator(extract):
    get = extract(["Tỷ lệ hộ nghèo giảm 1,2% (chỉ tiêu là giảm 1%)."])
    f = get("1,2")
    assert (f.measure, f.indicator_code) == ("actual", "POVERTY_RATE_REDUCTION")
    assert get("1").measure == "target"


def test_level_from_to(extract):
    get = extract(["Tỷ trọng nông nghiệp giảm từ 55,32% xuống còn 40,04%."])
    assert get("55,32").measure == "actual" and get("40,04").measure == "actual"
    assert get("40,04").indicator_code == "SHARE_AGRI"


@pytest.mark.parametrize(
    "sentence,literal,qualifier",
    [
        ("Thiệt hại ước khoảng 1,2 tỷ đồng.", "1,2", "approx"),
        ("Doanh thu ước đạt 30,5 tỷ đồng.", "30,5", "estimate"),
        ("Dự kiến cuối năm đưa 44 lao động đi làm việc ở nước ngoài.", "44", "estimate"),
        ("Có trên 900 lượt khách đến tham quan.", "900", "more_than"),
        ("Có hơn 900 lượt khách đến tham quan.", "900", "more_than"),
        ("Tỷ lệ hộ nghèo giảm từ 1,8% trở lên.", "1,8", "at_least"),
        ("Trung học cơ sở đạt 98,5% trở lên.", "98,5", "at_least"),
        ("Mỗi chi bộ thực hiện ít nhất 02 cuộc kiểm tra.", "02", "at_least"),
        ("Tỷ lệ hộ nghèo dưới 1,5%.", "1,5", "less_than"),
        ("Chi phí tối đa 50 triệu đồng.", "50", "at_most"),
        ("Đạt khoảng 78,65%.", "78,65", "approx"),
        ("Tổng thiệt hại ước tính trên 2,1 tỷ đồng.", "2,1", "more_than"),
        ("Doanh thu ước đạt 30,5 tỷ đồng, lợi nhuận 939,52 triệu đồng.", "939,52", "exact"),
    ],
)
def test_qualifiers(extract, sentence, literal, qualifier):
    assert extract([sentence])(literal).qualifier == qualifier


def test_pairs_actual_target(extract):
    get = extract(["- Phát triển mới 41/40 doanh nghiệp, đạt 102,5% so nghị quyết."])
    a, t = get("41"), get("40")
    assert (a.measure, t.measure) == ("actual", "target")
    assert a.indicator_code == t.indicator_code == "ENTERPRISES_NEW"


def test_pairs_part_whole(extract):
    get = extract(["- Toàn huyện có 22/45 trường đạt chuẩn quốc gia."])
    part, whole = get("22"), get("45")
    assert (part.measure, whole.measure) == ("actual", "actual")
    assert part.indicator_code == "NATIONAL_STANDARD_SCHOOLS"
    assert whole.indicator.startswith("tổng số") and whole.indicator_code is None


def test_pair_with_units_on_both_sides(extract):
    get = extract(["- Diện tích xuống giống hoa màu 3.244 ha/3.200 ha, đạt 101% kế hoạch."])
    assert (get("3.244").measure, get("3.200").measure) == ("actual", "target")
    assert get("3.200").unit == "HA"


def test_pair_money_is_actual_target(extract):
    get = extract(["- Tổng thu ngân sách 678,399/461,594 tỷ đồng, đạt 147% dự toán."])
    assert (get("678,399").measure, get("461,594").measure) == ("actual", "target")
    assert get("147").compared_to == "target"


def test_pair_previous_year(extract):
    get = extract(["Phạm pháp hình sự xảy ra 39/29 vụ (tăng 10 vụ so với năm 2022)."])
    prev = get("29")
    assert (prev.measure, prev.period) == ("actual", "2022")
    assert (get("10").measure, get("10").compared_to) == ("change_abs", "year:2022")


def test_pair_with_different_nouns_are_two_facts(extract):
    get = extract(["Toàn huyện có 09 hội quán/09 xã, thị trấn, với 519 thành viên."])
    assert get("09").unit_text == "hội quán"
    assert get("09", 1).unit_text == "xã, thị trấn"


def test_share_after_part_whole_pair_is_actual(extract):
    get = extract(["- Toàn huyện 29.611/29.643 hộ sử dụng điện, đạt 99,89% so với tổng số hộ, vượt 0,07% chỉ tiêu."])
    s = get("99,89")
    assert (s.measure, s.indicator_code) == ("actual", "ELECTRICITY_ACCESS_RATE")
    c = get("0,07")
    assert (c.measure, c.compared_to, c.indicator_code) == ("change_abs", "target", "ELECTRICITY_ACCESS_RATE")


def test_plan_intro_about_the_past_year_is_actual(extract):
    header = ["CHƯƠNG TRÌNH CÔNG TÁC NĂM 2023", "-----"]
    get = extract(["Năm 2022, tổng diện tích lúa xuống giống 9.481/9.440 ha, đạt 100,4%; đàn heo 820 ngàn con.",
                   "I. CHỈ TIÊU NĂM 2023", "- Đàn heo 850 ngàn con."], header)
    assert (get("9.481").measure, get("9.481").period) == ("actual", "2022")
    assert get("9.440").measure == "target"
    assert (get("100,4").measure, get("100,4").compared_to) == ("attainment_pct", "target")
    f = get("820")
    assert (f.measure, f.period, f.unit, f.indicator_code) == ("actual", "2022", "COUNT_K", "HERD_PIGS")
    assert (get("850").measure, get("850").period) == ("target", "2023")


def test_month_period(extract):
    get = extract(["Trong tháng 10/2023, trên địa bàn xảy ra 2 vụ cháy, thiệt hại khoảng 150 triệu đồng."])
    assert get("2").period == "2023-10"
    assert (get("150").unit, get("150").qualifier) == ("VND_M", "approx")


def test_english_decimal_slip_and_glued_units(extract):
    get = extract(["- Tăng trưởng 10.43% (KH 10%); thu ngân sách đạt 65,9%KH; đàn gia cầm 1.031.200con."])
    assert get("10.43").value == 10.43 and get("10.43").measure == "actual"
    assert get("10").measure == "target"
    assert (get("65,9").measure, get("65,9").compared_to) == ("attainment_pct", "target")
    assert (get("1.031.200").value, get("1.031.200").unit) == (1031200, "COUNT")


def test_range_with_unit_after(extract):
    get = extract(["- Thu nhập bình quân đầu người /KH 55-56 triệu đồng; giá trị sản xuất nông nghiệp 2709 tỷ đồng."])
    f = get("55")
    assert (f.value, f.value_high, f.unit, f.qualifier) == (55, 56, "VND_M", "range")
    assert get("56") is None
    assert (get("2709").value, get("2709").unit) == (2709, "VND_BN")


def test_levels_from_to_and_average_reduction(extract):
    get = extract(["Tỷ lệ hộ nghèo giảm từ 9,29% năm 2015 xuống còn 1,59%, bình quân hàng năm giảm 1,5%, đạt 102,67% so Nghị quyết."])
    a, b, c = get("9,29"), get("1,59"), get("1,5")
    assert (a.measure, a.period, a.indicator_code) == ("actual", "2015", "POVERTY_RATE")
    assert (b.measure, b.indicator_code) == ("actual", "POVERTY_RATE")
    assert (c.measure, c.indicator_code) == ("actual", "POVERTY_RATE_REDUCTION")
    assert get("102,67").measure == "attainment_pct"


def test_bracketed_average_reduction_of_the_named_rate(extract):
    get = extract(["Tỷ lệ hộ nghèo giảm từ 8,5% xuống còn 2,1% (bình quân giảm 1,28%/năm)."])
    f = get("1,28")
    assert (f.measure, f.unit, f.indicator_code) == ("actual", "PCT_PER_YEAR", "POVERTY_RATE_REDUCTION")


def test_reference_opening_the_clause(extract):
    get = extract(["- Giá trị sản xuất nông, lâm, thủy sản đạt 6.820 tỷ đồng, so với cùng kỳ tăng 4,5%.",
                   "- Tai nạn giao thông xảy ra 9 vụ; so với cùng kỳ giảm 2 vụ, giảm 1 người chết."])
    assert get("6.820").indicator_code == "PV_AGRI"
    assert (get("4,5").measure, get("4,5").compared_to) == ("change_pct", "same_period")
    assert (get("2").measure, get("2").compared_to) == ("change_abs", "same_period")
    assert (get("1").measure, get("1").compared_to) == ("change_abs", "same_period")


def test_share_of_a_counted_group(extract):
    get = extract(["- Hộ cận nghèo còn 1.240 hộ, chiếm 3,8%."])
    assert (get("3,8").measure, get("3,8").indicator_code) == ("actual", "NEAR_POOR_RATE")


def test_bracketed_part_is_not_the_level_commented_on(extract):
    get = extract(["- Diện tích xuống giống hoa màu 3.244 ha (trong đó có 289,5 ha trồng cỏ), đạt 101% kế hoạch."])
    assert get("101").indicator_code == "CROPS_AREA"


def test_pair_previous_same_period(extract):
    get = extract(["Phạm pháp hình sự xảy ra 18/23 vụ (giảm 5 vụ so cùng kỳ)."])
    assert (get("23").measure, get("23").period) == ("actual", "2022")


def test_change_of_a_level_next_to_a_share_is_relative(extract):
    get = extract(["- Tổng thu ngân sách 713 tỷ đồng, tăng 12% so cùng kỳ."])
    assert get("12").measure == "change_pct"


def test_share_recognised_by_arithmetic(extract):
    get = extract(["- Tòa án hai cấp thụ lý 8.844 vụ; đã giải quyết, xét xử 7.485 vụ, đạt 84,63%."])
    assert get("84,63").measure == "actual"


def test_small_count_of_years_before_a_span_is_a_label(extract):
    get = extract(["- Xây dựng bảng giá đất 05 năm 2020 - 2024; hội nghị diễn ra trong 02 ngày."])
    assert get("05") is None and get("02") is None


def test_changes_listed_with_va_share_a_later_reference(extract):
    get = extract(["- Kiểm tra 104 tổ chức đảng, tăng 76 tổ chức đảng và 109 đảng viên so nhiệm kỳ trước."])
    assert (get("76").measure, get("76").compared_to) == ("change_abs", "previous_term")
    assert (get("109").measure, get("109").compared_to) == ("change_abs", "previous_term")


def test_exceeding_the_plan_by(extract):
    get = extract(["- Tổng thu ngân sách 250 tỷ đồng, vượt kế hoạch 5%."])
    assert (get("5").measure, get("5").compared_to) == ("change_pct", "target")


def test_higher_than_a_reference_named_with_its_year(extract):
    get = extract(["- Tỷ lệ tốt nghiệp THPT đạt 96,8% (cao hơn tỉ lệ chung năm 2019 của cả nước 2%)."])
    assert (get("2").measure, get("2").unit) == ("change_abs", "PCT")


def test_plan_describing_the_present_is_actual(extract):
    header = ["CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024", "-----"]
    get = extract(["- Toàn huyện hiện có 17 hợp tác xã; phấn đấu thành lập mới 3 hợp tác xã."], header)
    assert get("17").measure == "actual" and get("3").measure == "target"


def test_growth_rate_with_a_reference_is_still_the_growth_rate(extract):
    header = ["KẾ HOẠCH năm 2020", "-----"]
    get = extract(["B. CÁC CHỈ TIÊU NĂM 2020",
                   "- Tốc độ tăng trưởng kinh tế (GRDP) tăng 11% trở lên so với năm 2019.",
                   "- Tốc độ tăng trưởng đạt 8%, thu ngân sách tăng 10% so cùng kỳ."], header)
    f = get("11")
    assert (f.measure, f.qualifier, f.indicator_code) == ("target", "at_least", "GRDP_GROWTH")
    c = get("10")
    assert (c.measure, c.compared_to, c.indicator_code) == ("change_pct", "same_period", "BUDGET_REVENUE_LOCAL")


def test_a_later_reference_of_another_number_is_not_borrowed(extract):
    get = extract(["- Giá trị sản xuất ước đạt 6.820 tỷ đồng, so với cùng kỳ tăng 4,5%, đạt 100,8% so với kế hoạch.",
                   "- Doanh thu 500 tỷ đồng, tăng 8%, đạt 102% so với kế hoạch."])
    assert get("4,5").compared_to == "same_period"
    # not the plan of the 102% after it; a change naming no base is against last year's level
    assert get("8").compared_to == "same_period"
