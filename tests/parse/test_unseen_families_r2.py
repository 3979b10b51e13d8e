"""Phrasing families of a third set of unseen reports (dev3), each with sentences of our own
(invented, with invented numbers; not copied from any text): a text with no year of its own
counting its figures to a cut-off date, a season named as a comparison base that is no period
of the sentences after it, and an estimate cue leading a list."""

NO_HEADER: list[str] = []


# --- a text naming no year of its own, counting to a cut-off date -----------------------------

def test_a_cut_off_date_gives_an_untitled_text_its_year(extract):
    get = extract(["2. Chăn nuôi",
                   "Đàn bò có 3.150 con, tăng 2,4% so với cùng kỳ.",
                   "Đến thời điểm 20/5/2023, diện tích lúa xuống giống là 812 ha."], header=NO_HEADER)
    assert get("3.150").period == "2023"
    assert get("2,4").period == "2023"
    assert get("812").period == "2023"


def test_a_cut_off_date_after_tinh_den_in_the_clause(extract):
    get = extract(["Tính đến thời điểm 05/9/2021, số thuê bao internet đạt 14.200 thuê bao."], header=NO_HEADER)
    assert get("14.200").period == "2021"


def test_a_document_date_is_no_cut_off(extract):
    # (a decision's date names no time of the figures)
    get = extract(["1. Lâm nghiệp", "", "Công tác trồng rừng được quan tâm.", "",
                   "Thực hiện Quyết định ngày 12/3/2019, xã trồng mới 45 ha rừng, tăng 8% so với cùng kỳ."],
                  header=NO_HEADER)
    assert get("45").period is None


# --- a season named only as a comparison base -------------------------------------------------

def test_the_base_season_is_not_the_period_of_the_details(extract):
    get = extract(["Vụ Hè thu năm 2024, toàn huyện xuống giống 5.400 ha, tăng 3,2% so với vụ Hè thu năm 2023. "
                   "Trong đó, diện tích lúa là 4.900 ha, tăng 1,1%; đậu các loại 210 ha."], header=NO_HEADER)
    assert get("4.900").period == "2024"
    assert get("210").period == "2024"


def test_a_season_named_as_the_time_still_covers_the_sentences_after(extract):
    get = extract(["Vụ Đông xuân 2022 - 2023 gieo cấy được 7.300 ha. Diện tích thu hoạch đạt 6.950 ha."],
                  header=NO_HEADER)
    assert get("6.950").period == "2022-2023"


# --- an estimate word leading a list ------------------------------------------------------------

def test_an_estimate_word_heading_the_sentence_reaches_each_level(extract):
    get = extract(["Ước 6 tháng diện tích chè thu hoạch là 640 ha, năng suất bình quân 92 tạ/ha, "
                   "sản lượng 5.900 tấn."])
    assert get("640").qualifier == "estimate"
    assert get("92").qualifier == "estimate"
    assert get("5.900").qualifier == "estimate"


def test_an_estimate_in_the_lead_before_a_colon_reaches_the_list(extract):
    get = extract(["Sản lượng một số cây trồng chính ước tính như sau: khoai lang 2.300 tấn, "
                   "tăng 3,5%; sắn 11.800 tấn; lạc 410 tấn."])
    assert get("2.300").qualifier == "estimate"
    assert get("11.800").qualifier == "estimate"
    assert get("410").qualifier == "estimate"
    assert get("2.300").measure == "actual"


def test_the_details_of_an_estimated_total_are_estimated(extract):
    get = extract(["Tổng vốn huy động ước đạt 8.400 tỷ đồng, tăng 5% so với cùng kỳ. "
                   "Trong đó: tiền gửi dân cư 6.100 tỷ đồng; tiền gửi tổ chức kinh tế 2.300 tỷ đồng."])
    assert get("6.100").qualifier == "estimate"
    assert get("2.300").qualifier == "estimate"


def test_a_comma_after_the_estimates_time_does_not_end_it(extract):
    get = extract(["Ngành dịch vụ phát triển khá, ước hết năm 2024, khu vực dịch vụ đạt 1.870 tỷ đồng.",
                   "Ước 6 tháng, thu ngân sách đạt 64 tỷ đồng, toàn xã có 9 hợp tác xã."])
    assert get("1.870").qualifier == "estimate"
    assert get("64").qualifier == "estimate"


def test_a_new_subject_after_the_estimate_still_ends_it(extract):
    get = extract(["Thu ngân sách ước đạt 64 tỷ đồng, toàn xã có 9 hợp tác xã."])
    assert get("9").qualifier == "exact"


def test_the_change_said_of_an_estimated_level_keeps_its_own_qualifier(extract):
    # (the contract's samples read a change after an estimated level as stated, not estimated)
    get = extract(["Ước tính đàn lợn có 41.000 con, tăng 2,6% so với cùng kỳ."])
    assert get("41.000").qualifier == "estimate"
    assert get("2,6").qualifier == "exact"


def test_no_estimate_reaches_a_sentence_without_one(extract):
    get = extract(["Tổng vốn huy động đạt 8.400 tỷ đồng. Trong đó: tiền gửi dân cư 6.100 tỷ đồng.",
                   "Năng suất lúa bình quân như sau: vụ chiêm 58 tạ/ha; vụ mùa 52 tạ/ha."])
    assert get("6.100").qualifier == "exact"
    assert get("58").qualifier == "exact"


def test_a_long_clause_before_a_colon_is_no_lead(extract):
    get = extract(["Giá trị sản xuất nông nghiệp ước đạt 1.250 tỷ đồng, tăng 4% so với cùng kỳ, trong đó trồng "
                   "trọt chiếm tỷ trọng lớn nhất của toàn ngành nhờ diện tích và năng suất lúa đều tăng khá: "
                   "diện tích lúa 9.800 ha."])
    assert get("9.800").qualifier == "exact"


# --- the plan's year written after 'so kế hoạch' without 'năm' ---------------------------------

def test_a_plan_year_after_the_reference_is_no_target_value(extract):
    get = extract(["Doanh thu du lịch 730 tỷ đồng, đạt 91,5% so kế hoạch 2023, tăng 6,2% so cùng kỳ 2022."])
    assert get("91,5").measure == "attainment_pct"
    assert get("91,5").compared_to == "target"
    assert get("6,2").measure == "change_pct"


def test_a_plan_value_after_the_reference_is_still_a_target(extract):
    get = extract(["Tốc độ tăng trưởng đạt 7,1% (kế hoạch 7,5%)."])
    assert get("7,5").measure == "target"


# --- a percentage change restated in the level's own unit ---------------------------------------

def test_a_change_restated_in_hectares_is_a_change_of_the_area_not_of_the_share(extract):
    get = extract(["Diện tích mía thu hoạch 2.640 ha, chiếm 37,5% diện tích cây công nghiệp, "
                   "tăng 4,6% (+116 ha) so với cùng kỳ."])
    assert get("4,6").measure == "change_pct"
    assert get("116").measure == "change_abs"


def test_a_change_of_a_share_without_restatement_stays_in_points(extract):
    get = extract(["Tỷ lệ che phủ rừng đạt 46,2%, tăng 0,4% so với cùng kỳ."])
    assert get("0,4").measure == "change_abs"


def test_a_share_of_a_named_base_after_a_change_is_a_level(extract):
    get = extract(["Diện tích đậu thu hoạch được 1.980 ha, giảm 5,5% (-115 ha), đạt 98% diện tích gieo trồng."])
    assert get("98").measure == "actual"


def test_a_share_of_the_level_a_cut_left_is_still_a_change(extract):
    get = extract(["Toàn huyện giảm 14 biên chế so với năm 2021, đạt 9%."])
    assert get("9").measure == "change_pct"


# --- a sentence headed by the plan itself -------------------------------------------------------

def test_a_sentence_headed_by_the_plan_states_targets(extract):
    get = extract(["Kế hoạch vốn đầu tư phát triển năm 2023 được giao là 412 tỷ đồng, trong đó vốn ngân sách "
                   "tỉnh 250 tỷ đồng, vốn ngân sách huyện 162 tỷ đồng."])
    assert get("412").measure == "target"
    assert get("250").measure == "target"
    assert get("162").measure == "target"


def test_the_details_of_a_plan_headed_sentence_are_targets(extract):
    get = extract(["Dự toán chi ngân sách năm 2023 là 530 tỷ đồng. Trong đó, chi thường xuyên là 410 tỷ đồng."])
    assert get("530").measure == "target"
    assert get("410").measure == "target"


def test_results_after_a_plan_head_are_actual(extract):
    get = extract(["Kế hoạch vốn năm 2023 là 90 tỷ đồng, đã giải ngân 61 tỷ đồng, đạt 67,8%.",
                   "Kế hoạch số 15-KH/UBND triển khai tại 12 xã."])
    assert get("90").measure == "target"
    assert get("61").measure == "actual"
    assert get("12").measure == "actual"


# --- a range written with its unit at each end ------------------------------------------------

def test_a_from_to_range_with_percent_at_each_end(extract):
    get = extract(["Các chỉ số giá tiêu dùng đều tăng từ 3,1% đến 4,6% so với cùng kỳ."])
    f = get("3,1")
    assert f.value_high == 4.6
    assert f.qualifier == "range"
    assert f.measure == "change_pct"
    assert get("4,6") is None


def test_two_percentages_joined_by_den_without_tu_are_no_range(extract):
    get = extract(["Tỷ lệ che phủ rừng tăng 41,2% đến 2023 nhờ trồng mới."])
    assert get("41,2").value_high is None


# --- a web page's stamp line and visitor widget -------------------------------------------------

def test_the_counters_on_a_page_stamp_line_are_no_facts(extract):
    get = extract(["Huyện đạt kết quả khả quan", "09:41, Thứ Ba, 14-3-2023 4127 3", "",
                   "Năm 2022, toàn huyện có 86 hợp tác xã."], header=NO_HEADER)
    assert get("4127") is None
    assert get("3", 1) is None
    assert get("86").value == 86


def test_a_visitor_widget_is_no_fact(extract):
    get = extract(["Thống kê truy cập", "Hôm nay: 318", "Tất cả: 58,204", "",
                   "Tất cả 14 xã đã đạt chuẩn nông thôn mới."], header=NO_HEADER)
    assert get("318") is None
    assert get("58,204") is None
    assert get("14").value == 14


# --- a poverty standard's span is no period -------------------------------------------------

def test_the_span_of_a_poverty_standard_is_not_the_period(extract):
    get = extract(["Năm 2023, hộ nghèo theo tiêu chí giai đoạn 2022-2025 còn 3,4%."])
    assert get("3,4").period == "2023"
    assert get("3,4").indicator_code == "POVERTY_RATE"


def test_a_count_of_poor_households_by_the_standard_is_no_rate(extract):
    get = extract(["Năm 2023, toàn xã còn 57 hộ nghèo theo chuẩn mới."])
    assert get("57").indicator_code != "POVERTY_RATE"


def test_a_span_after_giai_doan_still_names_the_period(extract):
    get = extract(["Giai đoạn 2021-2025, huyện có 6 xã đạt chuẩn nông thôn mới nâng cao."], header=NO_HEADER)
    assert get("6").period == "2021-2025"


# --- catalogue aliases --------------------------------------------------------------------------

def test_mobilised_development_investment_is_total_investment(extract):
    get = extract(["Tổng huy động vốn đầu tư phát triển đạt 2.740 tỷ đồng, tăng 7,3% so với cùng kỳ."])
    assert get("2.740").indicator_code == "INVESTMENT_TOTAL"


# --- goals reported as reached ---------------------------------------------------------------

def test_goals_reported_as_reached_open_results(extract):
    get = extract(["Năm 2023, xã đã hoàn thành các mục tiêu đề ra, trong đó thu nhập bình quân đạt 58 triệu đồng/người/năm."])
    assert get("58").measure == "actual"


def test_a_goal_set_still_opens_targets(extract):
    get = extract(["Năm 2023, xã đặt mục tiêu thu nhập bình quân đạt 62 triệu đồng/người/năm."])
    assert get("62").measure == "target"


# --- a counted noun after a scale word -------------------------------------------------------

def test_millions_of_flower_stems_are_a_count(extract):
    get = extract(["Sản lượng hoa cắt cành đạt 41,5 triệu cành, tăng 6% so với cùng kỳ."])
    assert get("41,5").unit == "COUNT_M"


# --- a per-unit written with spaces at its slash ----------------------------------------------

def test_a_yield_with_a_space_after_the_slash(extract):
    get = extract(["Năng suất lúa bình quân đạt 57,3 tạ/ ha, tăng 1,2 tạ/ha."])
    assert get("57,3").unit == "QUINTAL_PER_HA"


def test_an_income_with_spaces_around_the_slashes(extract):
    get = extract(["Thu nhập bình quân đầu người đạt 49 triệu đồng / người / năm."])
    assert get("49").unit == "VND_M_PER_PERSON_YEAR"


def test_a_slash_between_two_quantities_is_no_per_unit(extract):
    get = extract(["Toàn huyện trồng 30 ha / 12 xã tham gia."])
    assert get("30").unit == "HA"


# --- the level a reduction leaves -------------------------------------------------------------

def test_the_rate_a_reduction_leaves_is_the_rate_itself(extract):
    get = extract(["Năm 2024, phấn đấu giảm tỷ lệ hộ nghèo đa chiều còn 1,8%; giảm tỷ lệ hộ nghèo 0,6%."])
    assert get("1,8").indicator_code == "POVERTY_RATE"
    assert get("0,6").indicator_code == "POVERTY_RATE_REDUCTION"


# --- a generic head completed by a crop other than the indicator's ----------------------------

def test_the_yield_of_another_crop_is_no_rice_yield(extract):
    get = extract(["Cây đậu tương gieo trồng được 310 ha; năng suất bình quân đạt 18,5 tạ/ha."])
    assert get("18,5").indicator_code is None


def test_the_nearest_crop_of_the_paragraph_completes_the_head(extract):
    get = extract(["Lúa mùa thu hoạch được 4.200 ha, sản lượng ước đạt 21.000 tấn. "
                   "Cây lạc thu hoạch được 150 ha; sản lượng thu hoạch được 300 tấn."])
    assert get("21.000").indicator_code == "RICE_OUTPUT"
    assert get("300").indicator_code is None


def test_the_rice_yield_is_still_the_rice_yield(extract):
    get = extract(["Cây lúa: diện tích gieo cấy 2.450 ha, năng suất bình quân đạt 56,2 tạ/ha."])
    assert get("56,2").indicator_code == "RICE_YIELD"


# --- a comparison base outside the contract's list --------------------------------------------

def test_a_change_against_a_dated_level_has_no_listed_base(extract):
    get = extract(["Dư nợ cho vay đạt 9.400 tỷ đồng, so với 31/12/2022 tăng 610 tỷ đồng, tăng 6,9%. "
                   "Trong đó: dư nợ ngắn hạn 5.100 tỷ đồng, tăng 220 tỷ đồng."])
    assert get("610").compared_to is None
    assert get("6,9").compared_to is None
    assert get("220").compared_to is None


def test_a_change_with_no_base_named_still_defaults_to_the_same_period(extract):
    get = extract(["Dư nợ cho vay đạt 9.400 tỷ đồng, tăng 6,9%."])
    assert get("6,9").compared_to == "same_period"


def test_a_yearly_rate_with_a_space_after_the_slash(extract):
    get = extract(["Tốc độ tăng trưởng kinh tế bình quân đạt 8,7%/ năm."])
    assert get("8,7").unit == "PCT_PER_YEAR"


# --- the base named in the lead of a list ------------------------------------------------------

def test_the_base_in_the_lead_of_a_list_wins_over_the_sentence_before(extract):
    get = extract(["Diện tích cây lâu năm đạt 9.000 ha, tăng 1,5% so với năm 2021. Sản lượng một số cây ăn quả "
                   "so với cùng kỳ năm trước như sau: cam 2,4 nghìn tấn, tăng 3,1%; bưởi 800 tấn, tăng 2,2%."])
    assert get("3,1").compared_to == "same_period"
    assert get("2,2").compared_to == "same_period"


def test_a_change_without_a_lead_keeps_the_headline_base(extract):
    get = extract(["Tổng giá trị sản xuất tăng 8,1% so với năm 2021. Trong đó, dịch vụ tăng 9,4%."])
    assert get("9,4").compared_to == "year:2021"


def test_a_part_of_a_sentence_headed_by_the_plan_is_a_target(extract):
    get = extract(["Toàn huyện có 31 công trình đầu tư công, kế hoạch vốn 212 tỷ đồng, đã giải ngân 150 tỷ đồng."])
    assert get("31").measure == "actual"
    assert get("212").measure == "target"
    assert get("150").measure == "actual"
