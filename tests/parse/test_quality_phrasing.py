"""More phrasing families of report language, each with sentences of our own (invented, not
copied from any report): cut-off months written without 'tháng', reductions made by
reorganising, a change restated as a share, and the share of a caseload dealt with."""


# --- a cut-off month without the word 'tháng' -------------------------------------------------

def test_a_cut_off_month_written_without_thang(extract):
    get = extract(["Tính đến 9 năm 2023 toàn huyện có 12.400/13.100 hộ đạt danh hiệu gia đình văn hóa."])
    assert get("12.400").period == "2023-09"
    assert get("13.100").period == "2023-09"


def test_a_cut_off_month_with_a_slash(extract):
    get = extract(["Đến 6/2023, toàn huyện có 15 xã đạt chuẩn nông thôn mới."])
    assert get("15").period == "2023-06"


def test_a_cut_off_date_is_still_counted_by_its_year(extract):
    get = extract(["Đến 30/6/2023, toàn huyện có 15 xã đạt chuẩn nông thôn mới."])
    assert get("15").period == "2023"


# --- a reduction made by reorganising counts the units cut --------------------------------------

def test_units_cut_by_reorganising_are_a_count(extract):
    get = extract(["Sau khi sắp xếp lại bộ máy, huyện giảm 12 phòng, ban; giảm 5 đơn vị sự nghiệp công lập."])
    assert get("12").measure == "actual"
    assert get("12").compared_to is None
    assert get("5").measure == "actual"


def test_a_running_total_of_posts_cut_by_streamlining(extract):
    get = extract(["Thực hiện tinh giản biên chế 20/300 người, đạt 6,7% so với biên chế được giao; "
                   "nâng tổng số đã giảm 214 biên chế."])
    assert get("214").measure == "actual"


def test_a_reduction_from_a_stated_level_stays_a_change(extract):
    get = extract(["Sau khi sáp nhập, toàn xã còn 12 ấp, giảm 3 ấp."])
    assert get("3").measure == "change_abs"


def test_a_reduction_without_reorganising_stays_a_change(extract):
    get = extract(["Tai nạn giao thông xảy ra 14 vụ, giảm 6 vụ."])
    assert get("6").measure == "change_abs"


# --- 'đạt X%' right after a change of a count is that change as a share -----------------------

def test_a_share_after_a_reduction_is_the_relative_change(extract):
    get = extract(["Năm 2020 giao 120 biên chế, năm 2023 giao 108, giảm 12 biên chế so năm 2020, đạt 10%."])
    assert get("10").measure == "change_pct"
    assert get("10").compared_to == "year:2020"


def test_a_share_after_a_count_is_still_attainment(extract):
    get = extract(["Xây dựng 12 km đường giao thông nông thôn, đạt 96%."])
    assert get("96").measure == "attainment_pct"


# --- the share of a caseload dealt with is a rate, not attainment of a plan --------------------

def test_the_share_of_money_recovered_is_a_rate(extract):
    get = extract(["Thi hành án dân sự giải quyết xong 12,5 tỷ đồng, đạt 48,2%."])
    assert get("48,2").measure == "actual"
    assert get("48,2").compared_to is None


def test_as_many_done_as_due_is_a_full_rate(extract):
    get = extract(["Có 530 người phải kê khai tài sản, đã có 530 người kê khai, đạt 100%."])
    assert get("100").measure == "actual"


def test_a_share_above_a_hundred_after_handling_is_attainment(extract):
    get = extract(["Đã giải quyết xong 240 hồ sơ, đạt 120% kế hoạch."])
    assert get("120").measure == "attainment_pct"


# --- a whole that restates a count given before is that count again ---------------------------

def test_a_whole_restating_the_headline_count_keeps_its_indicator(extract):
    get = extract(["Phạm pháp hình sự 40 vụ, điều tra làm rõ 38/40 vụ, đạt 95%."])
    assert get("40", 1).indicator_code == "CRIMINAL_CASES"
    assert get("38").indicator_code is None


def test_a_whole_equal_to_its_own_part_is_not_the_parts_indicator(extract):
    get = extract(["Đến nay toàn huyện có 12/12 xã đạt chuẩn nông thôn mới."])
    assert get("12").indicator_code == "NTM_COMMUNES"
    assert get("12", 1).indicator_code is None


# --- only the poverty rate's own reduction is the catalogue's reduction ------------------------

def test_reductions_of_the_near_poor_and_of_a_group_are_changes_in_points(extract):
    get = extract(["Tỷ lệ hộ nghèo giảm 1,8%, tỷ lệ hộ cận nghèo giảm 1,2%; "
                   "tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm 3%."])
    assert get("1,8").measure == "actual"
    assert get("1,8").indicator_code == "POVERTY_RATE_REDUCTION"
    assert get("1,2").measure == "change_abs"
    assert get("3").measure == "change_abs"


def test_a_reduction_after_the_poverty_level_is_the_catalogue_reduction(extract):
    get = extract(["Tỷ lệ hộ nghèo toàn huyện còn 3,5%, giảm 1,2%."])
    assert get("1,2").measure == "actual"
    assert get("1,2").indicator_code == "POVERTY_RATE_REDUCTION"


# --- a sector's growth after a level's change is a change, not a growth rate -------------------

def test_a_contribution_to_growth_names_no_growth_rate(extract):
    get = extract(["Tổng sản phẩm trên địa bàn năm 2023 ước đạt 41.200 tỷ đồng, tăng 7,8% so với năm trước. "
                   "Trong đó, khu vực nông, lâm nghiệp và thủy sản tăng 2,9%, đóng góp 0,6 điểm phần trăm vào mức "
                   "tăng trưởng chung; khu vực công nghiệp và xây dựng tăng 11,2%, đóng góp 4,1 điểm phần trăm; "
                   "khu vực dịch vụ tăng 6,3%."])
    assert get("2,9").measure == "change_pct"
    assert get("11,2").measure == "change_pct"
    assert get("6,3").measure == "change_pct"


def test_a_growth_named_as_a_manner_opens_no_parts(extract):
    get = extract(["Kinh tế tiếp tục giữ tốc độ phát triển khá: giá trị sản xuất ước tăng 8,1%; "
                   "chỉ số sản xuất công nghiệp ước tăng 12,4%."])
    assert get("12,4").measure == "change_pct"


def test_parts_of_a_growth_rate_are_growth_rates(extract):
    get = extract(["Tốc độ tăng trưởng giá trị sản xuất bình quân đạt 9,2%/năm, trong đó: nông nghiệp tăng 3,1%; "
                   "dịch vụ tăng 12,6%."])
    assert get("3,1").measure == "actual"
    assert get("12,6").measure == "actual"


# --- a month's report whose title stands below a portal's furniture -----------------------------

PORTAL_HEADER = ["Đường 3 tháng 2, phường 5 | Điện thoại: 0270 3822 111", "", "CỔNG THÔNG TIN ĐIỆN TỬ", "", "Trang chủ",
                 "Giới thiệu", "Tin tức", "Văn bản", "Liên hệ", "",
                 "Tình hình kinh tế - xã hội tỉnh Vĩnh Long tháng 5 năm 2023", ""]


def test_the_month_of_a_title_below_the_portal_menus(extract):
    get = extract(["Cây lúa: ước trong tháng thu hoạch 12.300 ha; lũy kế 5 tháng thu hoạch 61.000 ha."],
                  header=PORTAL_HEADER)
    assert get("12.300").period == "2023-05"
    assert get("61.000").period == "2023"


# --- a crop season named earlier in the paragraph ------------------------------------------------

def test_a_season_named_in_the_paragraphs_first_sentence_covers_the_next(extract):
    get = extract(["Rau màu vụ Đông Xuân 2022 - 2023 gieo trồng được 840 ha. Diện tích thu hoạch 520 ha, "
                   "sản lượng 9.100 tấn."])
    assert get("840").period == "2022-2023"
    assert get("520").period == "2022-2023"
    assert get("9.100").period == "2022-2023"


def test_a_year_named_after_the_season_ends_its_reach(extract):
    get = extract(["Lúa vụ Đông Xuân 2022 - 2023 gieo trồng được 8.400 ha. Năm 2023, đàn heo có 21.000 con. "
                   "Đàn bò có 3.100 con."])
    assert get("3.100").period == "2023"


# --- a running total under a bullet's topic is named by the level before it --------------------

def test_a_running_total_is_named_by_the_level_not_by_the_topic(extract):
    get = extract(["a. Thu ngân sách nhà nước: Tổng thu ngân sách nhà nước trên địa bàn tỉnh ước thực hiện tháng 9 "
                   "năm 2023 là 3.100 tỷ đồng; lũy kế 9 tháng là 31.500 tỷ đồng, đạt 88,2% so với dự toán và tăng "
                   "12,4% so với cùng kỳ."])
    assert get("31.500").indicator_code == "BUDGET_REVENUE_TOTAL"
    assert get("88,2").indicator_code == "BUDGET_REVENUE_TOTAL"
    assert get("12,4").indicator_code == "BUDGET_REVENUE_TOTAL"
    assert get("12,4").measure == "change_pct"


def test_a_change_after_another_things_change_in_percent_is_relative(extract):
    get = extract(["Giá cà phê tăng trên 30% so cùng kỳ, làm số thu từ cà phê đạt 110% so dự toán và tăng 25,5% "
                   "so cùng kỳ."])
    assert get("25,5").measure == "change_pct"


def test_a_change_of_a_rate_after_its_attainment_is_in_points(extract):
    get = extract(["Tỷ lệ dân số tham gia bảo hiểm y tế đạt 92,5%, tăng 1,5% so cùng kỳ."])
    assert get("1,5").measure == "change_abs"


# --- a yearly average after the year's rate; exceeding a 'mục tiêu' ----------------------------

def test_a_yearly_average_in_percent_per_year_continues_the_rate_before(extract):
    get = extract(["Tốc độ tăng trưởng GRDP ước năm 2023 đạt 7,1%; bình quân giai đoạn 2021-2023 đạt 6,4%/năm "
                   "(mục tiêu 2021-2025 đạt 7-7,5%)."])
    assert get("6,4").indicator_code == "GRDP_GROWTH"
    assert get("7").indicator_code == "GRDP_GROWTH"
    assert get("7").measure == "target"


def test_exceeding_a_goal_of_the_resolution_is_a_change_against_the_target(extract):
    get = extract(["Tổng sản phẩm trên địa bàn tỉnh (GRDP) ước tăng 7,2% so với năm 2022 (vượt mục tiêu Nghị quyết 0,2%)."])
    assert get("0,2").measure == "change_abs"
    assert get("0,2").compared_to == "target"


# --- attainment against a base named before the verb, and a second attainment -------------------

def test_a_base_named_before_the_attainment_verb(extract):
    get = extract(["Giá trị sản xuất công nghiệp ước đạt 1.200 tỷ đồng, so với cùng kỳ đạt 108,5%."])
    assert get("108,5").measure == "attainment_pct"
    assert get("108,5").compared_to == "same_period"


def test_a_last_seasons_base_with_words_between(extract):
    get = extract(["Vụ Đông xuân 2022-2023 gieo trồng được 40.100 ha, đạt 98,2% so với kế hoạch, so với diện tích "
                   "vụ Đông xuân năm trước đạt 101,3%."])
    assert get("101,3").measure == "attainment_pct"
    assert get("101,3").compared_to == "same_period"


def test_a_second_attainment_takes_the_other_base(extract):
    get = extract(["Vụ Đông xuân gieo trồng được 40.100 ha, đạt 98,2% so với kế hoạch, so với vụ Đông xuân năm trước "
                   "đạt 101,3%, trong đó lúa 30.200 ha, đạt 99,1% so với KH và đạt 102,5%; ngô 1.900 ha, "
                   "đạt 88% so với KH, đạt 91%."])
    assert get("102,5").measure == "attainment_pct"
    assert get("102,5").compared_to == "same_period"
    assert get("91").measure == "attainment_pct"
    assert get("91").compared_to == "same_period"


def test_reaching_a_rate_is_a_share_not_attainment(extract):
    get = extract(["Có 10 xã được công nhận đạt chuẩn nông thôn mới, đạt tỷ lệ 62,5%."])
    assert get("62,5").measure == "actual"


# --- a year after 'so với tháng cùng kỳ' is a base, not the period -----------------------------

def test_a_year_in_a_same_month_comparison_is_no_period(extract):
    get = extract(["Thu về dầu thô ước thực hiện tháng 9 năm 2023 là 2.100 tỷ đồng, tăng 12,7% so với tháng cùng kỳ "
                   "năm 2022 trên cơ sở sản lượng ước đạt 410,2 ngàn tấn."])
    assert get("410,2").period == "2023-09"


# --- an amount reached so far for next year's event; the make-up of a body of cadres --------------

def test_an_amount_raised_so_far_for_next_years_event_is_reached(extract):
    get = extract(["Phát động quỹ khuyến học năm 2024 tại các xã, hiện được trên 2 tỷ đồng."])
    assert get("2").measure == "actual"


def test_a_count_by_a_later_year_is_still_a_target(extract):
    get = extract(["Đến năm 2025 có 12 xã đạt chuẩn nông thôn mới nâng cao."])
    assert get("12").measure == "target"


def test_the_qualification_make_up_of_cadres_changes_in_points(extract):
    get = extract(["Ban chấp hành khóa mới có 35 đồng chí; về trình độ lý luận chính trị, cao cấp tăng 8,5%; "
                   "về trình độ chuyên môn, đại học trở lên tăng 12% so nhiệm kỳ trước."])
    assert get("8,5").measure == "change_abs"
    assert get("12").measure == "change_abs"
    assert get("12").compared_to == "previous_term"


def test_a_count_of_graduates_changes_relatively(extract):
    get = extract(["Số học sinh tốt nghiệp trung học phổ thông năm 2023 là 3.400 em, tăng 5,2% so với năm trước."])
    assert get("5,2").measure == "change_pct"


# --- what a change or a part after a share is of --------------------------------------------------

def test_a_count_change_after_a_share_is_of_the_headline_count(extract):
    get = extract(["Phạm pháp hình sự 52 vụ, điều tra làm rõ 50/52 vụ (đạt 96,2%, so cùng kỳ giảm 12 vụ), "
                   "trong đó án nghiêm trọng 5 vụ."])
    assert get("12").indicator_code == "CRIMINAL_CASES"


def test_a_part_after_trong_do_is_of_what_the_level_before_counted(extract):
    get = extract(["Có 98% tổ chức đảng được xếp loại hoàn thành nhiệm vụ; trong đó: có từ 75% trở lên được xếp loại "
                   "hoàn thành tốt nhiệm vụ (có 15% được xếp loại hoàn thành xuất sắc nhiệm vụ)."])
    assert get("75").indicator_code == "PARTY_ORGS_GOOD_RATE"
    assert get("15").indicator_code is None


def test_a_group_within_a_level_is_not_the_level(extract):
    get = extract(["Phấn đấu giảm tỷ lệ hộ nghèo 0,5% (trong đó vùng đồng bào dân tộc giảm 0,8%)."])
    assert get("0,8").indicator_code is None


# --- numbers that state no quantity ---------------------------------------------------------------

def test_a_street_named_by_a_date_is_no_quantity(extract):
    get = extract(["Trụ sở: Số 12 đường 30/4, phường 3."])
    assert get("30") is None and get("4") is None


def test_a_day_and_month_joined_by_a_dash(extract):
    get = extract(["Chiều 25-9, đại hội đã thông qua nghị quyết."])
    assert get("25") is None and get("9") is None


def test_dates_after_this_morning_and_a_census_moment(extract):
    get = extract(["HĐND khai mạc sáng nay 8/12 với 45 đại biểu.", "Tổ chức điều tra tại thời điểm 01/7/ 2023 trên 12 xã."])
    assert get("8") is None and get("12") is None
    assert get("45").value == 45
    assert get("01") is None


def test_weekdays_and_captions_are_labels(extract):
    get = extract(["Cập nhật: Thứ 5, 09/08/2018 | 06:52", "Hình 1. Diện tích gieo trồng các loại cây.",
                   "Khánh thành cầu mới - ảnh 2"])
    assert get("5") is None and get("1") is None and get("2") is None


def test_named_breakthroughs_and_a_headings_plan_parts_are_no_quantities(extract):
    get = extract(["Tỉnh tập trung 3 khâu đột phá chiến lược.", "3.2. Thực hiện 03 nhiệm vụ trọng tâm",
                   "Đề ra 07 chỉ tiêu gắn với 07 nhiệm vụ, giải pháp chủ yếu."])
    assert get("3") is None
    assert get("03") is None
    assert get("07").measure == "actual"  # in a sentence, a plan's parts are still counted


# --- ranges with a bound word; a text issued by the province's own council ------------------------

def test_a_range_whose_upper_end_has_its_own_bound_word(extract):
    get = extract(["Có 5 xã có tỷ lệ hộ nghèo chiếm từ 55 đến trên 65%."])
    assert get("55").value_high == 65
    assert get("55").unit == "PCT"
    assert get("65") is None


PROVINCE_RESOLUTION = ["Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2024",
                       "Ngày 8/12/2023, HĐND tỉnh ban hành Nghị quyết số 20/NQ-HĐND về kế hoạch phát triển kinh tế - xã hội năm 2024.",
                       ""]


def test_a_resolution_of_the_provincial_council_is_about_the_province(extract):
    get = extract(["- Tốc độ tăng trưởng kinh tế (GRDP) phấn đấu từ 7% trở lên.",
                   "- Có thêm 6 xã đạt chuẩn nông thôn mới; huyện Cẩm Khê đạt chuẩn nông thôn mới."],
                  header=PROVINCE_RESOLUTION)
    assert get("7").locality == "Phú Thọ"
    assert get("6").locality == "Phú Thọ"


def test_a_district_report_quoting_the_provincial_council_stays_the_districts(extract):
    get = extract(["Thực hiện Nghị quyết của HĐND tỉnh ban hành năm 2023, huyện có thêm 2 xã đạt chuẩn nông thôn mới."])
    assert get("2").locality == "Tiểu Cần"


# --- a bracketed 'respectively' list; a reduction of the poor written after the number --------------

def test_a_respectively_list_maps_onto_the_levels_before_it(extract):
    get = extract(["Về cơ cấu kinh tế: khu vực nông, lâm nghiệp và thủy sản chiếm 21,4%; khu vực công nghiệp và xây dựng "
                   "40,1%; khu vực dịch vụ 35,2%; thuế sản phẩm 3,3% (cơ cấu tương ứng năm 2022 là: 22,6%; 39,5%; "
                   "34,6%; 3,3%)."])
    assert get("22,6").indicator_code == "SHARE_AGRI"
    assert get("39,5").indicator_code == "SHARE_INDUSTRY_CONSTRUCTION"
    assert get("34,6").indicator_code == "SHARE_SERVICES"
    assert get("22,6").period == "2022"


def test_a_single_bracketed_level_is_not_a_respectively_list(extract):
    get = extract(["Tỷ lệ hộ nghèo 3,1% (năm 2022 là 4,2%)."])
    assert get("4,2").indicator_code == "POVERTY_RATE"


def test_a_reduction_in_percent_of_the_poor_written_after_the_number(extract):
    get = extract(["Ba năm qua, bình quân mỗi năm huyện giảm 6,2% hộ nghèo, đạt 124% mục tiêu Nghị quyết đề ra."])
    assert get("6,2").measure == "actual"
    assert get("6,2").indicator_code == "POVERTY_RATE_REDUCTION"
    assert get("124").indicator_code == "POVERTY_RATE_REDUCTION"
