"""The place and the catalogue code of facts the extractor already finds, for phrasings met in
news and reports it had never seen. Sentences are our own (invented, with invented numbers;
not copied from any text): a sector written with a hyphen glued to its words, herds counted
as 'số …', a place's part of the sentence's count after 'trong đó', a name whose last
syllable is written in lower case, a city written 'TP.', and the country as a place."""

PROVINCE_HEADER = ["ỦY BAN NHÂN DÂN TỈNH TRÀ VINH", "BÁO CÁO", "tình hình kinh tế - xã hội năm 2023", ""]


# --- sectors written with a hyphen glued to the words ('nông-lâm nghiệp') --------------------

def test_a_glued_hyphen_names_the_same_sector_as_a_spaced_one(extract):
    get = extract(["Giá trị sản xuất năm 2023 đạt 9.120 tỷ đồng; trong đó ngành nông-lâm nghiệp, thủy sản "
                   "đạt 3.004 tỷ đồng, ngành công nghiệp-xây dựng đạt 2.716 tỷ đồng, ngành thương mại-dịch vụ "
                   "đạt 3.400 tỷ đồng."])
    assert get("3.004").indicator_code == "PV_AGRI"
    assert get("2.716").indicator_code == "PV_INDUSTRY_CONSTRUCTION"
    assert get("3.400").indicator_code == "PV_SERVICES"


def test_a_sector_named_with_nganh_and_spaced_words(extract):
    get = extract(["Ngành công nghiệp và xây dựng đạt 1.275 tỷ đồng, tăng 8,2% so với năm 2022."])
    assert get("1.275").indicator_code == "PV_INDUSTRY_CONSTRUCTION"


def test_a_glued_hyphen_before_a_number_is_no_sector(extract):
    get = extract(["Số ca mắc Covid-19 trong năm là 14 ca."])
    assert get("14").indicator_code is None


# --- herds counted as 'số …' --------------------------------------------------------------------

def test_a_herd_counted_as_so_names_the_herd(extract):
    get = extract(["Tổng số bò toàn huyện có 6.480 con; số lợn 52.100 con; tổng số gia cầm 288.000 con."])
    assert get("6.480").indicator_code == "HERD_CATTLE"
    assert get("52.100").indicator_code == "HERD_PIGS"
    assert get("288.000").indicator_code == "HERD_POULTRY"


def test_buffalo_and_cattle_together_are_cattle(extract):
    get = extract(["Tổng số trâu bò đạt 7.350 con."])
    assert get("7.350").indicator_code == "HERD_CATTLE"


# --- a place's part of the sentence's count after 'trong đó' -----------------------------------

def test_districts_parts_after_trong_do_carry_the_count_indicator(extract):
    get = extract(["Đến cuối năm, toàn tỉnh có 71 xã đạt chuẩn nông thôn mới; trong đó huyện Cầu Kè có 9 xã, "
                   "huyện Càng Long có 11 xã."], header=PROVINCE_HEADER)
    assert get("71").indicator_code == "NTM_COMMUNES"
    assert get("9").indicator_code == "NTM_COMMUNES"
    assert get("9").locality == "Cầu Kè"
    assert get("11").indicator_code == "NTM_COMMUNES"
    assert get("11").locality == "Càng Long"


def test_a_part_that_names_its_own_thing_is_not_carried(extract):
    get = extract(["Toàn tỉnh có 71 xã đạt chuẩn nông thôn mới; trong đó huyện Cầu Kè có 3 xã đạt chuẩn "
                   "nông thôn mới kiểu mẫu."], header=PROVINCE_HEADER)
    assert get("3").indicator_code == "NTM_MODEL_COMMUNES"


def test_a_place_without_trong_do_is_not_given_the_earlier_count(extract):
    get = extract(["Toàn tỉnh có 71 xã đạt chuẩn nông thôn mới. Huyện Cầu Kè có 9 xã."], header=PROVINCE_HEADER)
    assert get("9").indicator_code is None


# --- names written partly in lower case -----------------------------------------------------------

def test_a_commune_whose_last_syllable_is_lower_case(extract):
    get = extract(["Tại xã Hiếu tử, diện tích lúa đạt 2.140 ha."])
    assert get("2.140").locality == "Hiếu Tử"
    assert get("2.140").locality_level == "commune"


def test_a_lower_case_word_after_a_whole_name_is_not_taken(extract):
    get = extract(["Xã Tân Hòa đạt 19 tiêu chí nông thôn mới."])
    assert get("19").locality == "Tân Hòa"


# --- a city written 'TP.' -----------------------------------------------------------------------

def test_the_point_of_tp_ends_no_sentence(extract):
    get = extract(["Năm 2023, TP. Trà Vinh có 1.830 hộ kinh doanh mới; huyện Cầu Ngang 640 hộ."],
                  header=PROVINCE_HEADER)
    assert get("1.830").locality == "Trà Vinh"
    assert get("1.830").locality_level == "district"
    assert get("640").locality == "Cầu Ngang"


# --- the country ------------------------------------------------------------------------------

def test_the_country_as_the_subject_is_the_place(extract):
    get = extract(["Đến tháng 10, cả nước có 5.904/8.190 xã đạt chuẩn nông thôn mới, trong đó có 951 xã đạt "
                   "chuẩn nông thôn mới nâng cao."], header=PROVINCE_HEADER)
    assert get("5.904").locality == "Việt Nam"
    assert get("951").locality == "Việt Nam"


def test_the_country_figure_quoted_beside_a_comparison(extract):
    get = extract(["Năm 2023, GRDP của tỉnh tăng 7,4%, cao hơn bình quân chung cả nước (5,1%); "
                   "thu ngân sách đạt 4.120 tỷ đồng."], header=PROVINCE_HEADER)
    assert get("7,4").locality == "Trà Vinh"
    assert get("5,1").locality == "Việt Nam"
    assert get("4.120").locality == "Trà Vinh"


def test_a_rank_in_the_country_is_no_country_fact(extract):
    get = extract(["Tỉnh xếp thứ 9 cả nước về chỉ số cải cách hành chính, đạt 88,2 điểm."], header=PROVINCE_HEADER)
    assert get("88,2").locality == "Trà Vinh"


def test_the_own_place_after_the_country_in_another_clause(extract):
    get = extract(["Cả nước có 5.904 xã đạt chuẩn nông thôn mới; toàn tỉnh có 71 xã."], header=PROVINCE_HEADER)
    assert get("5.904").locality == "Việt Nam"
    assert get("71").locality == "Trà Vinh"


def test_town_and_city_abbreviations_without_or_with_a_point(extract):
    header = ["ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "BÁO CÁO", "tình hình kinh tế - xã hội năm 2023", ""]
    get = extract(["Năm 2023, TX. Buôn Hồ có 920 ha cà phê; TP Buôn Ma Thuột có 310 ha rau; "
                   "Tp. Buôn Ma Thuột thu 150 tỷ đồng."], header=header)
    assert get("920").locality == "Buôn Hồ"
    assert get("310").locality == "Buôn Ma Thuột"
    assert get("150").locality == "Buôn Ma Thuột"


# --- two units of one name told apart by their type ---------------------------------------------

def test_a_town_and_a_district_of_one_name(extract):
    get = extract(["Năm 2023, thị xã Duyên Hải có 920 ha tôm nuôi; huyện Duyên Hải có 410 ha; TX. Duyên Hải thu "
                   "ngân sách 95 tỷ đồng."], header=PROVINCE_HEADER)
    assert get("920").locality == "Duyên Hải"
    assert get("920").locality_level == "district"
    assert get("410").locality == "Duyên Hải"
    assert get("95").locality == "Duyên Hải"


def test_the_report_of_a_town_sharing_its_name_with_a_district(extract):
    get = extract(["Thu ngân sách trên địa bàn đạt 210 tỷ đồng."],
                  header=["ỦY BAN NHÂN DÂN THỊ XÃ CAI LẬY", "BÁO CÁO", "tình hình kinh tế - xã hội năm 2023", ""])
    assert get("210").locality == "Cai Lậy"
