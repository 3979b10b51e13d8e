"""Ways other offices write a figure whose own words name only when, or where, it was counted.

Own sentences (not copied from any report): the indicator comes from the level the sentence
named before it, or from the lead of a list of places.
"""


def test_a_running_total_takes_the_level_named_before_it(extract):
    get = extract(["Giá trị sản xuất công nghiệp - xây dựng trong tháng ước đạt 310,2 tỷ đồng; "
                   "lũy kế 10 tháng đạt 2.980,5 tỷ đồng, tăng 6,1% so với cùng kỳ."])
    assert get("310,2").indicator_code == "PV_INDUSTRY_CONSTRUCTION"
    assert get("2.980,5").indicator_code == "PV_INDUSTRY_CONSTRUCTION"
    assert get("6,1").indicator_code == "PV_INDUSTRY_CONSTRUCTION"


def test_last_years_share_in_brackets_is_the_same_share(extract):
    get = extract(["Cơ cấu kinh tế: khu vực nông, lâm nghiệp và thủy sản chiếm 40,2% (năm 2022 chiếm 42,0%); "
                   "khu vực dịch vụ chiếm 33,1% (năm 2022 chiếm 31,5%)."])
    assert get("42,0").indicator_code == "SHARE_AGRI"
    assert get("42,0").period == "2022"
    assert get("31,5").indicator_code == "SHARE_SERVICES"


def test_a_total_over_a_span_repeats_the_head_of_the_level_before(extract):
    get = extract(["Tổng vốn đầu tư toàn xã hội năm 2023 ước đạt 5.100 tỷ đồng, tổng vốn giai đoạn 2021-2023 là 13.800 tỷ đồng."])
    assert get("13.800").indicator_code == "INVESTMENT_TOTAL"
    assert get("13.800").period == "2021-2023"


def test_an_amount_restated_in_another_currency(extract):
    get = extract(["Thu nhập bình quân đầu người đạt 62 triệu đồng, tương đương 2.600 USD."])
    assert get("2.600").indicator_code == "INCOME_PER_CAPITA"


def test_a_count_after_another_count_keeps_its_own_noun(extract):
    get = extract(["Đến nay có 8/10 xã đạt chuẩn nông thôn mới năm 2023, 01 thị trấn văn minh đô thị."])
    assert get("01").indicator_code is None


def test_a_list_of_places_after_a_colon_is_named_by_its_lead(extract):
    get = extract(["Diện tích lúa vụ Hè Thu của các xã: xã Hiếu Tử 410,5 ha, tăng 2,0%; xã Tập Ngãi 380 ha."])
    assert get("410,5").indicator_code == "RICE_AREA"
    assert get("410,5").locality == "Hiếu Tử"
    assert get("2,0").indicator_code == "RICE_AREA"
    assert get("380").indicator_code == "RICE_AREA"
    assert get("380").locality == "Tập Ngãi"


def test_a_place_list_inside_a_bracket_is_not_named_by_the_sentence_lead(extract):
    get = extract(["Tổng thu ngân sách đạt 420 tỷ đồng; thu các chương trình 6,2 tỷ đồng (trong đó: xã Hiếu Tử 1,5 tỷ đồng, "
                   "xã Tập Ngãi 2,1 tỷ đồng)."])
    assert get("1,5").indicator_code is None


def test_a_product_per_person_is_the_per_head_indicator(extract):
    get = extract(["GRDP đạt 88,5 triệu đồng/người (tăng 7,2% so cùng kỳ); tổng sản phẩm GRDP bình quân ước 90 triệu đồng/người/năm."])
    assert get("88,5").indicator_code == "GRDP_PER_CAPITA"
    assert get("7,2").indicator_code == "GRDP_PER_CAPITA"
    assert get("90").indicator_code == "GRDP_PER_CAPITA"


def test_a_new_subject_after_a_comma_keeps_its_and(extract):
    get = extract(["Chỉ số sản xuất công nghiệp tăng 9,3%, doanh thu bán lẻ hàng hóa và dịch vụ tiêu dùng tăng 15,1% so cùng kỳ."])
    assert get("15,1").indicator_code == "RETAIL_SALES"


def test_rural_and_urban_clean_water_written_with_households(extract):
    get = extract(["Tỷ lệ hộ dân cư nông thôn được sử dụng nước sạch đạt 62%; tỷ lệ hộ dân được cung cấp nước sạch đạt 95%."])
    assert get("62").indicator_code == "CLEAN_WATER_RATE_RURAL"
    assert get("95").indicator_code == "CLEAN_WATER_RATE"


def test_sowing_by_broadcast_is_rice(extract):
    get = extract(["Đến cuối tháng, toàn huyện gieo sạ 12.400 ha, đạt 90% kế hoạch."])
    assert get("12.400").indicator_code == "RICE_AREA"


def test_grdp_growing_with_its_year_named_is_the_growth_rate(extract):
    get = extract(["Tổng sản phẩm trên địa bàn (GRDP) năm 2023 theo giá so sánh 2010 ước tăng 8,4%, cao hơn năm trước."])
    assert get("8,4").measure == "actual"
    assert get("8,4").indicator_code == "GRDP_GROWTH"


MONTH_HEADER = ["BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 10 NĂM 2022 CỦA HUYỆN TIỂU CẦN", ""]


def test_a_level_before_the_running_total_is_the_months(extract):
    get = extract(["Giá trị sản xuất công nghiệp - xây dựng ước đạt 310,2 tỷ đồng; lũy kế 10 tháng đạt 2.980,5 tỷ đồng, "
                   "tăng 6,1% so với cùng kỳ.", "Thu ngân sách nhà nước ước đạt 45 tỷ đồng."], header=MONTH_HEADER)
    assert get("310,2").period == "2022-10"
    assert get("2.980,5").period == "2022"
    assert get("6,1").period == "2022"
    assert get("45").period == "2022"  # no running total beside it: the report's default


def test_targets_continuing_a_sentence_about_next_years_plan(extract):
    get = extract(["Năm 2023, giá trị sản xuất tăng 7,1%.",
                   "Hội đồng nhân dân huyện đã thống nhất các chỉ tiêu năm 2024. Trong đó, phấn đấu tốc độ tăng giá trị "
                   "sản xuất đạt 8,2%; tổng vốn đầu tư toàn xã hội 2.100 tỷ đồng."])
    assert get("8,2").measure == "target"
    assert get("8,2").period == "2024"
    assert get("2.100").period == "2024"


def test_a_span_after_a_plan_word_is_the_targets_period(extract):
    get = extract(["Tốc độ tăng trưởng giá trị sản xuất bình quân giai đoạn 2021-2023 đạt 7,2%/năm (mục tiêu 2021-2025 đạt 8%)."])
    assert get("8").measure == "target"
    assert get("8").period == "2021-2025"
