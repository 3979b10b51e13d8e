"""General rules learned from the dev part of the real-world corpus (eval/corpus), as
sentence tests in our own words: other offices' ways of writing the same things."""

REPORT_2022 = ["BÁO CÁO", "tình hình kinh tế - xã hội năm 2022 của Ủy ban nhân dân huyện Krông Pắc", "-----", ""]


def test_a_topic_heading_naming_indicators_keeps_the_results_mode(extract):
    header = REPORT_2022 + ["I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2022", "1. Các chỉ tiêu kinh tế", ""]
    get = extract(["Thu nhập bình quân đầu người đạt 52 triệu đồng, tăng 4 triệu đồng so với năm 2021."], header)
    assert get("52").measure == "actual"


def test_a_price_base_year_is_not_the_period(extract):
    get = extract(["Giá trị sản xuất (theo giá so sánh năm 2010) đạt 3.150 tỷ đồng, tăng 9,2% so với năm 2021."],
                  REPORT_2022)
    f = get("3.150")
    assert (f.period, f.measure) == ("2022", "actual")


def test_a_sentence_opening_with_a_plan_word_makes_its_list_targets(extract):
    get = extract(["Năm 2023, huyện phấn đấu tổng sản phẩm tăng 7,5%; thu ngân sách 420 tỷ đồng; "
                   "trồng mới 300 ha rừng; tỷ lệ che phủ rừng 51%."], REPORT_2022)
    assert get("7,5").measure == "target"
    assert get("420").measure == "target"
    assert get("300").measure == "target"
    assert get("51").measure == "target"


def test_a_plan_list_ends_where_the_sentence_returns_to_results(extract):
    get = extract(["Huyện đề ra mục tiêu trồng 200 ha rừng, đến nay đã đạt 150 ha."], REPORT_2022)
    assert get("200").measure == "target"
    assert get("150").measure == "actual"


def test_an_untitled_page_naming_itself_a_plan_resolution_states_targets(extract):
    header = ["Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh Bình Định", ""]
    get = extract(["Các chỉ tiêu chủ yếu:", "- Thu nhập bình quân đầu người đạt 75 triệu đồng."], header)
    assert get("75").measure == "target"


def test_an_untitled_text_takes_the_year_it_names_most(extract):
    header = ["Kinh tế huyện tiếp tục phát triển", ""]
    get = extract(["Năm 2021, huyện đã hoàn thành các nhiệm vụ, so với năm 2020 có nhiều tiến bộ.",
                   "Trong năm 2021, thu ngân sách đạt 320 tỷ đồng; định hướng đến năm 2030 trở thành thị xã."], header)
    assert get("320").period == "2021"


def test_a_crop_season_named_in_the_lead_covers_its_list(extract):
    get = extract(["- Sản xuất vụ Đông xuân 2023-2024: toàn huyện đã gieo trồng 12.400 ha, đạt 95% kế hoạch; "
                   "trong đó lúa 9.800 ha, ngô 1.200 ha."], REPORT_2022)
    assert get("12.400").period == "2023-2024"
    assert get("9.800").period == "2023-2024"
    assert get("1.200").period == "2023-2024"


def test_a_running_total_in_a_months_report_belongs_to_the_year():
    from baocao.parse.periods import month_to_year

    text = "Giá trị sản xuất ước đạt 56 tỷ đồng; lũy kế 10 tháng đạt 2.600 tỷ đồng"
    assert month_to_year("2022-10", text, 0, text.index("56")) == "2022-10"
    assert month_to_year("2022-10", text, text.index("lũy"), text.index("2.600")) == "2022"


def test_a_province_with_a_dash_in_its_name(extract):
    from baocao.parse.places import find_mentions

    assert [m.name for m in find_mentions("kinh tế tỉnh Bà Rịa - Vũng Tàu tăng trưởng")] == ["Bà Rịa - Vũng Tàu"]


def test_a_place_written_without_tone_marks_is_named_officially():
    from baocao.parse.places import find_mentions

    assert [m.name for m in find_mentions("UBND huyện Lăk họp")] == ["Lắk"]


def test_the_same_season_last_year_is_the_same_period(extract):
    get = extract(["Diện tích gieo trồng vụ Hè Thu 35.200 ha, tăng 0,4% so với vụ Hè Thu năm trước."], REPORT_2022)
    f = get("0,4")
    assert (f.measure, f.compared_to) == ("change_pct", "same_period")


def test_a_signed_amount_in_brackets_restates_the_change(extract):
    get = extract(["- Rau các loại gieo trồng 3.700 ha, tăng 6,5% (+230 ha) so cùng kỳ; "
                   "đậu các loại 310 ha, giảm 1,8% (-6 ha) so cùng kỳ."], REPORT_2022)
    up, down = get("230"), get("6")
    assert (up.measure, up.compared_to, up.unit) == ("change_abs", "same_period", "HA")
    assert (down.measure, down.compared_to, down.value) == ("change_abs", "same_period", 6.0)


def test_units_other_offices_write(extract):
    get = extract(["Diện tích cây ngắn ngày đạt gần 13.000 héc ta; trồng mới 230,5 ha rừng; "
                   "thu ngân sách 22,9 nghìn tỷ đồng; khu vực dịch vụ đóng góp 4,26 điểm phần trăm."], REPORT_2022)
    assert (get("13.000").unit, get("230,5").unit) == ("HA", "HA")
    assert get("22,9").unit == "VND_TN"
    assert get("4,26").unit == "PCT"


def test_an_estimate_is_the_level_not_the_comments_on_it(extract):
    get = extract(["Giá trị sản xuất ước đạt 2.700 tỷ đồng, đạt 100,3% kế hoạch, tăng 7,5% so với năm 2021."], REPORT_2022)
    assert get("2.700").qualifier == "estimate"
    assert get("100,3").qualifier == "exact"
    assert get("7,5").qualifier == "exact"
    get = extract(["Thu ngân sách đạt 300 tỷ đồng, ước tăng 5% so với năm 2021."], REPORT_2022)
    assert get("5").qualifier == "estimate"


def test_sector_shares_and_sector_values_written_in_many_ways(extract):
    get = extract([
        "Cơ cấu kinh tế năm 2022: khu vực nông, lâm nghiệp và thủy sản chiếm 26,2%; khu vực công nghiệp và "
        "xây dựng chiếm 33,5%; khu vực dịch vụ chiếm 34,6%.",
        "Tổng giá trị sản xuất đạt 2.000 tỷ đồng, tăng 11,5% so với năm 2021. Trong đó: khu vực nông, lâm, thủy "
        "tăng 16,4%; khu vực dịch vụ tăng 15,4%.",
        "Tổng sản phẩm trên địa bàn (GRDP) tăng 7,9%. Trong đó, khu vực dịch vụ tăng 7,7%.",
    ], REPORT_2022)
    assert get("26,2").indicator_code == "SHARE_AGRI"
    assert get("33,5").indicator_code == "SHARE_INDUSTRY_CONSTRUCTION"
    assert get("34,6").indicator_code == "SHARE_SERVICES"
    assert get("16,4").indicator_code == "PV_AGRI"
    assert get("15,4").indicator_code == "PV_SERVICES"
    assert get("7,7").indicator_code is None  # value added inside GRDP: no catalogue indicator


def test_the_unit_implies_what_a_crop_is_measured_by(extract):
    get = extract(["- Lúa mùa gieo trồng được 7.748 ha, giảm 0,09% so cùng kỳ."], REPORT_2022)
    assert get("7.748").indicator_code == "RICE_AREA"


def test_a_from_to_over_a_term_runs_from_its_first_year_to_its_last(extract):
    header = ["BÁO CÁO CHÍNH TRỊ", "TRÌNH ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN LẦN THỨ XII, NHIỆM KỲ 2020 - 2025", "",
              "Phần I", "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2015 - 2020", ""]
    get = extract(["Tỷ trọng nông nghiệp giảm từ 52,1% xuống còn 41,3%; tỷ trọng dịch vụ tăng từ 30,2% lên 40,5%."], header)
    assert (get("52,1").period, get("41,3").period) == ("2015", "2020")
    assert (get("30,2").period, get("40,5").period) == ("2015", "2020")


def test_a_change_naming_no_base_is_against_the_same_time_before(extract):
    get = extract(["Doanh thu du lịch đạt 350 tỷ đồng, tăng 30,4%; lượt khách 1.020.000 lượt, tăng 30,1%."], REPORT_2022)
    assert (get("30,4").measure, get("30,4").compared_to) == ("change_pct", "same_period")
    assert get("30,1").compared_to == "same_period"


def test_a_signed_number_states_a_change(extract):
    get = extract(["- Khoai lang gieo trồng được 110 ha (-419 ha);", "Kim ngạch xuất khẩu +11,27%", "- 90% trở lên xã đạt chuẩn."],
                  REPORT_2022)
    assert get("419").measure == "change_abs"
    assert (get("11,27").measure, get("11,27").compared_to) == ("change_pct", "same_period")
    assert get("90").measure == "actual"  # a bullet's dash is no sign


def test_a_change_restated_as_an_amount(extract):
    get = extract(["Diện tích gieo trồng 245,3 ha, tăng 25,85% so với cùng kỳ, tương đương tăng (50,40 ha)."], REPORT_2022)
    f = get("50,40")
    assert (f.measure, f.compared_to, f.unit) == ("change_abs", "same_period", "HA")


def test_grdp_rising_with_no_level_stated_is_the_growth_rate(extract):
    get = extract(["Tổng sản phẩm trên địa bàn (GRDP) tăng 5,75% so với năm 2021.",
                   "GRDP theo giá so sánh ước đạt 53.180 tỷ đồng, tăng 9,07% so với năm 2021."], REPORT_2022)
    assert get("5,75").measure == "actual"
    assert get("9,07").measure == "change_pct"


def test_a_clause_with_its_own_level_is_not_a_sector_growth_rate(extract):
    get = extract(["Tốc độ tăng trưởng kinh tế đạt 7,1%; kim ngạch xuất khẩu ước đạt 5,7 tỷ USD, tăng 25,1%."], REPORT_2022)
    assert get("25,1").measure == "change_pct"


def test_a_programme_named_mục_tiêu_is_no_plan(extract):
    get = extract(["Năm 2022, huyện đã thực hiện 18/19 chỉ tiêu; vốn các chương trình mục tiêu được sử dụng đúng quy định; "
                   "tỷ lệ hộ sử dụng điện đạt 98,7%."], REPORT_2022)
    assert get("98,7").measure == "actual"


def test_in_the_month_of_a_months_report_is_that_month(extract):
    header = ["Tình hình kinh tế - xã hội tháng 10 năm 2022 của huyện", ""]
    get = extract(["Trong tháng, khởi công xây dựng mới 03 công trình; lũy kế 10 tháng thu ngân sách đạt 1.777 tỷ đồng.",
                   "Ước đến cuối tháng 10/2022, gieo trồng được 16.500 ha."], header)
    assert get("03").period == "2022-10"
    assert get("1.777").period == "2022"
    assert get("16.500").period == "2022"  # a cut-off: the year to date


def test_months_of_a_year_name_that_year(extract):
    get = extract(["Tốc độ tăng trưởng 6 tháng đầu năm 2024 đạt 7%, thấp hơn 6 tháng 2023 (6 tháng 2023 tăng 8,2%)."],
                  REPORT_2022)
    assert get("8,2").period == "2023"


def test_the_level_of_the_year_before(extract):
    get = extract(["Khu vực dịch vụ tăng 7,7%, thấp hơn mức tăng 9,0% của cùng kỳ năm trước."], REPORT_2022)
    assert get("9,0").period == "2021"


def test_a_year_in_a_bracketed_lead_covers_its_list(extract):
    get = extract(["Cơ cấu kinh tế: nông nghiệp 20,1%; công nghiệp 41,3% (cơ cấu tương ứng năm 2021 là: 20,8%; 41,9%)."],
                  REPORT_2022)
    assert get("20,1").period == "2022"
    assert (get("20,8").period, get("41,9").period) == ("2021", "2021")


def test_a_plan_after_a_sentence_about_results(extract):
    get = extract(["Trên cơ sở kết quả đạt được, HĐND huyện đã thông qua các chỉ tiêu năm 2023, trọng tâm là: phấn đấu "
                   "tốc độ tăng giá trị sản xuất đạt 10,2%; thu nhập bình quân đầu người là 50,5 triệu đồng."], REPORT_2022)
    assert get("10,2").measure == "target"
    assert get("50,5").measure == "target"


def test_a_change_restated_in_percent(extract):
    get = extract(["GRDP ước đạt 91.966 tỷ đồng, tăng 9.125 tỷ đồng, tương đương tăng 11,01% so với năm 2021."], REPORT_2022)
    assert (get("9.125").measure, get("11,01").measure) == ("change_abs", "change_pct")
    assert get("11,01").compared_to == "year:2021"


def test_the_parts_of_a_change_take_the_headlines_base(extract):
    get = extract(["Tổng giá trị sản xuất tăng 11,5% so với năm 2015. Trong đó: khu vực nông, lâm, thủy tăng 16,4%; "
                   "khu vực dịch vụ tăng 15,4%."], REPORT_2022)
    assert get("16,4").compared_to == "year:2015"
    assert get("15,4").compared_to == "year:2015"


def test_a_comparison_with_the_country_has_no_base_of_time(extract):
    get = extract(["GRDP ước tăng 13,2%, gấp 2,95 lần bình quân chung cả nước."], REPORT_2022)
    assert get("2,95").compared_to is None


def test_the_same_season_of_a_named_year(extract):
    get = extract(["Diện tích lúa vụ mùa đạt 76.600 ha, giảm 777 ha so với vụ mùa năm 2020."], REPORT_2022)
    assert get("777").compared_to == "year:2020"


def test_the_time_named_nearest_the_number_wins(extract):
    get = extract(["Thu ngân sách ước thực hiện tháng 9 năm 2022 là 949 tỷ đồng, lũy kế 9 tháng năm 2022 là 13.650 tỷ đồng."],
                  REPORT_2022)
    assert get("949").period == "2022-09"
    assert get("13.650").period == "2022"


def test_a_bracket_stating_another_years_level_does_not_date_the_number_before(extract):
    get = extract(["Cơ cấu kinh tế năm 2023: khu vực dịch vụ chiếm 34,62% (năm 2022 chiếm 32,10%)."], REPORT_2022)
    assert get("34,62").period == "2023"
    assert get("32,10").period == "2022"


def test_a_provinces_growth_is_grdp_growth(extract):
    header = ["BÁO CÁO", "tình hình kinh tế - xã hội năm 2022 của Ủy ban nhân dân tỉnh Phú Yên", "-----", ""]
    get = extract(["Tốc độ tăng trưởng kinh tế của tỉnh ước tăng 7,46%; toàn tỉnh có 3 huyện đạt chuẩn."], header)
    assert get("7,46").indicator_code == "GRDP_GROWTH"
    get = extract(["Tốc độ tăng trưởng kinh tế ước đạt 11,2%."], REPORT_2022)  # a district's: gross output
    assert get("11,2").indicator_code == "PV_GROWTH"


def test_more_phrasings_of_contract_indicators(extract):
    get = extract(["- Tổng vốn đầu tư trên địa bàn đạt 43,5 nghìn tỷ đồng.",
                   "- Tỷ lệ dân cư đô thị được dùng nước sạch đạt 93,7%.",
                   "- Ngành CN - TTCN phát triển ổn định, giá trị ước đạt 16.287 tỷ đồng."], REPORT_2022)
    assert get("43,5").indicator_code == "INVESTMENT_TOTAL"
    assert get("93,7").indicator_code == "CLEAN_WATER_RATE_URBAN"
    assert get("16.287").indicator_code == "PV_INDUSTRY"


def test_crops_listed_after_a_planting_verb_are_planted_areas(extract):
    get = extract(["Toàn tỉnh đã gieo trồng được 41.900 ha, đạt 78% kế hoạch, trong đó lúa nước 31.500 ha; "
                   "đã thu hoạch 12.000 ha, trong đó lúa 9.000 ha."], REPORT_2022)
    assert get("31.500").indicator_code == "RICE_AREA"
    assert get("9.000").indicator_code != "RICE_AREA"  # harvested, not planted


# A table flattened into lines by a web page keeps its caption above the bare numbers:
# the caption says their unit, measure and base as a column header would.
PROVINCE_2021 = ["BÁO CÁO", "tình hình kinh tế - xã hội năm 2021 của Ủy ban nhân dân tỉnh Bình Định", "-----", ""]


def test_bare_numbers_under_a_percent_comparison_caption(extract):
    get = extract(["Chỉ số phát triển giá trị sản xuất năm 2021 so với cùng kỳ năm trước (%)", "",
                   "Nông nghiệp", "", "104,35", "", "Công nghiệp", "", "108,12", "",
                   "Tổng mức bán lẻ hàng hóa tăng 12,5% so với năm 2020, đạt 61.200 tỷ đồng."], PROVINCE_2021)
    f = get("104,35")
    assert (f.unit, f.measure, f.compared_to) == ("PCT", "attainment_pct", "same_period")
    assert get("108,12").unit == "PCT"
    # a prose sentence after the block reads by its own words
    assert (get("61.200").unit, get("61.200").measure) == ("VND_BN", "actual")


def test_signed_numbers_under_a_change_caption_are_changes_in_percent(extract):
    get = extract(["Một số chỉ tiêu chủ yếu tháng 6 năm 2021 (+ tăng/- giảm) so với cùng kỳ năm 2020 (%)",
                   "Kim ngạch xuất khẩu +9,40", "Kim ngạch nhập khẩu -4,15"], PROVINCE_2021)
    f = get("9,40")
    assert (f.unit, f.measure, f.compared_to, f.period) == ("PCT", "change_pct", "same_period", "2021-06")
    assert get("4,15").measure == "change_pct"


def test_a_growth_rate_under_its_caption_is_the_rate_itself(extract):
    get = extract(["Tốc độ tăng tổng sản phẩm so với cùng kỳ năm trước - %", "", "Tổng số", "", "6,15"],
                  PROVINCE_2021)
    f = get("6,15")
    assert (f.unit, f.measure, f.compared_to) == ("PCT", "actual", None)


def test_a_crop_topic_completes_a_generic_head_with_filler_words(extract):
    get = extract(["- Cây lúa: Diện tích thực hiện 23.100 ha, giảm 1,2% so với vụ trước."], PROVINCE_2021)
    assert get("23.100").indicator_code == "RICE_AREA"
    assert get("1,2").indicator_code == "RICE_AREA"


def test_a_year_after_the_reports_own_is_a_target(extract):
    get = extract(["Thu nhập bình quân đầu người năm 2022 đạt 52 triệu đồng; đến năm 2025 đạt 80 triệu đồng.",
                   "Giai đoạn 2026 - 2030, tốc độ tăng trưởng bình quân đạt 7 - 7,5%/năm.",
                   "Dự kiến năm 2023 thu ngân sách ước đạt 410 tỷ đồng."], REPORT_2022)
    assert (get("52").measure, get("52").period) == ("actual", "2022")
    assert (get("80").measure, get("80").period) == ("target", "2025")
    assert (get("7").measure, get("7").period) == ("target", "2026-2030")


TERM_REPORT = ["BÁO CÁO CHÍNH TRỊ", "của Ban Chấp hành Đảng bộ huyện Krông Pắc khóa XI trình Đại hội lần thứ XII",
               "nhiệm kỳ 2020 - 2025", "", "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2015 - 2020", ""]


def test_cadres_planned_in_a_term_report_belong_to_the_next_term(extract):
    get = extract(["Công tác quy hoạch: cấp huyện quy hoạch Ban Thường vụ 21 đồng chí (nữ 05 đồng chí); "
                   "chức danh chủ chốt 12 đồng chí. Nhiệm kỳ qua kết nạp 1.250 đảng viên mới."], TERM_REPORT)
    assert get("21").period == "2020-2025"
    assert get("05").period == "2020-2025"
    assert get("12").period == "2020-2025"  # the list of the planned bodies goes on
    assert get("1.250").period == "2015-2020"  # another sentence, another matter


PLAN_2024 = ["KẾ HOẠCH", "thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024 của huyện Krông Pắc", "-----", ""]


def test_a_plan_counting_its_own_parts_describes_itself(extract):
    get = extract(["Kế hoạch đề ra 09 chỉ tiêu chủ yếu và 05 nhóm giải pháp; phấn đấu trồng mới 250 ha cà phê."],
                  PLAN_2024)
    assert get("09").measure == "actual"
    assert get("05").measure == "actual"
    assert get("250").measure == "target"
