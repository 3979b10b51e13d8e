"""Indicator phrases and catalogue codes (aliases are data in catalog/indicator_aliases.csv)."""

import pytest

from baocao.parse.indicators import aliases, clean_phrase, match_code


def test_aliases_loaded_from_catalogue_and_extra_file():
    codes = {a.code for a in aliases()}
    assert {"PV_TOTAL", "RICE_OUTPUT", "POVERTY_RATE_REDUCTION"} <= codes


@pytest.mark.parametrize(
    "phrase,unit,code",
    [
        ("tổng giá trị sản xuất", "VND_BN", "PV_TOTAL"),
        ("tỷ lệ hộ nghèo", "PCT", "POVERTY_RATE"),
        ("tỷ lệ hộ cận nghèo", "PCT", "NEAR_POOR_RATE"),
        ("tỷ lệ hộ nghèo giảm", "PCT", "POVERTY_RATE_REDUCTION"),
        ("tỷ lệ hộ nghèo", "VND_BN", None),  # unit class must agree
        ("xã đạt chuẩn nông thôn mới nâng cao", "COUNT", "NTM_ADVANCED_COMMUNES"),
        ("xã đạt chuẩn nông thôn mới", "COUNT", "NTM_COMMUNES"),
        ("sản lượng lúa", "TON", "RICE_OUTPUT"),
        ("sản lượng", "TON", None),
        ("thu nhập bình quân đầu người", "VND_M", "INCOME_PER_CAPITA"),
        ("diện tích thả nuôi", "HA", "AQUACULTURE_AREA"),
        ("giường bệnh/vạn dân", "PER_10K_POP", "BEDS_PER_10K"),
    ],
)
def test_match_code(phrase, unit, code):
    assert match_code([phrase], unit) == code


def test_word_set_tier_allows_other_order():
    assert match_code(["có 753 lượt hộ thả nuôi con giống thủy sản trên diện tích"], "HA") == "AQUACULTURE_AREA"


def test_clean_phrase_strips_cue_words():
    assert clean_phrase("- Toàn huyện hiện có") == ""
    assert clean_phrase("tổng giá trị sản xuất đạt") == "tổng giá trị sản xuất"


def test_generic_head_takes_the_topic_noun(extract):
    get = extract(["- Tổng diện tích lúa xuống giống 31.261 ha. Thu hoạch 31.261 ha, năng suất bình quân 5,36 tấn/ha, "
                   "sản lượng 167.483,37 tấn đạt 86,53% kế hoạch."])
    assert get("31.261").indicator_code == "RICE_AREA"
    assert get("5,36").indicator_code == "RICE_YIELD"
    assert get("167.483,37").indicator_code == "RICE_OUTPUT"
    assert get("86,53").indicator_code == "RICE_OUTPUT"


def test_generic_head_with_its_own_noun(extract):
    get = extract(["- Thủy sản: thu hoạch 144,25 ha, sản lượng 6.934,71 tấn cá thương phẩm."])
    assert get("6.934,71").indicator_code is None


def test_counted_noun_names_the_indicator(extract):
    get = extract(["- Kết nạp 120 đảng viên; thành lập mới 02 hợp tác xã, nâng toàn huyện có 17 hợp tác xã."])
    assert get("120").indicator_code == "PARTY_MEMBERS_NEW"
    assert get("02").indicator_code == "COOPERATIVES_NEW"
    assert get("17").indicator_code == "COOPERATIVES_TOTAL"


def test_per_10k_written_out(extract):
    get = extract(["Số bác sĩ trên 10.000 dân là 05 bác sĩ; số giường bệnh là 180 giường."])
    f = get("05")
    assert (f.unit, f.indicator_code) == ("PER_10K_POP", "DOCTORS_PER_10K")
    assert get("180").unit == "COUNT"


@pytest.mark.parametrize(
    "sentence,literal,code",
    [
        ("- Tỷ lệ dân số tham gia BHYT 96,65%.", "96,65", "HEALTH_INSURANCE_COVERAGE"),
        ("- Tốc độ tăng trưởng kinh tế (GRDP) tăng 11% trở lên.", "11", "GRDP_GROWTH"),
        ("- Tốc độ tăng trưởng GRDP, ước đạt 14,85%.", "14,85", "GRDP_GROWTH"),
        ("- Tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ đạt 33 - 35%.", "33", "TRAINED_LABOR_CERTIFIED_RATE"),
        ("- Số xã được công nhận đạt chuẩn NTM tăng thêm 12 - 14 xã.", "12", "NTM_COMMUNES"),
        ("Toàn tỉnh còn 9.214 hộ nghèo (3,22%), 19.474 hộ cận nghèo (6,8%).", "3,22", "POVERTY_RATE"),
        ("Toàn tỉnh còn 9.214 hộ nghèo (3,22%), 19.474 hộ cận nghèo (6,8%).", "6,8", "NEAR_POOR_RATE"),
        ("- Xây dựng 100% cơ quan, đơn vị và 11/11 xã đạt chuẩn an toàn về an ninh trật tự.", "100", "SECURITY_SAFE_UNITS_RATE"),
        ("- Có 13 hợp tác xã, với tổng số 1.200 thành viên.", "13", "COOPERATIVES_TOTAL"),
        ("- Có 01 hợp tác xã được thành lập từ hội quán.", "01", None),
        ("- Khai giảng 12 lớp nghề cho lao động nông thôn.", "12", None),
        ("- Có 18 sản phẩm tham gia OCOP.", "18", None),
        ("- Có 100% tổ chức cơ sở đảng hoàn thành nhiệm vụ, có 90% hoàn thành tốt nhiệm vụ.", "100", None),
    ],
)
def test_codes_in_context(extract, sentence, literal, code):
    assert extract([sentence])(literal).indicator_code == code


@pytest.mark.parametrize(
    "sentence,literal,code",
    [
        ("- Có 10/10 xã đạt chuẩn NTM nâng cao (03 xã đạt NTM kiểu mẫu).", "03", "NTM_MODEL_COMMUNES"),
        ("- Tỷ lệ hộ được sử dụng nước sạch khu vực thành thị đạt 95,62%.", "95,62", "CLEAN_WATER_RATE_URBAN"),
        ("- Tỷ lệ lao động qua đào tạo từ 03 tháng trở lên có bằng cấp, chứng chỉ đạt 40,5%.", "40,5", "TRAINED_LABOR_CERTIFIED_RATE"),
        ("- Tốc độ tăng trưởng bình quân 13,5%, trong đó: nông, lâm, thủy sản tăng 6,4%.", "6,4", None),
        ("- Xây dựng trường đạt chuẩn quốc gia (mức độ 1): 01 trường.", "01", "NATIONAL_STANDARD_SCHOOLS"),
    ],
)
def test_codes_specific_beats_general(extract, sentence, literal, code):
    assert extract([sentence])(literal).indicator_code == code


def test_short_rate_completed_from_its_sentence(extract):
    get = extract(["- Thực hiện đề án bảo hiểm y tế toàn dân đạt kết quả, tỷ lệ bao phủ đạt 96% so với dân số."])
    assert get("96").indicator_code == "HEALTH_INSURANCE_COVERAGE"


def test_attainment_after_a_share_refers_to_the_level(extract):
    get = extract(["- Xây dựng hoàn thành 10/44 trường đạt chuẩn quốc gia, đạt 22,7% so tổng số trường (đạt 113,5% so Nghị quyết)."])
    assert get("22,7").measure == "actual"
    a = get("113,5")
    assert (a.measure, a.compared_to, a.indicator_code) == ("attainment_pct", "target", "NATIONAL_STANDARD_SCHOOLS")


def test_subject_does_not_reach_into_the_previous_numbers_words(extract):
    get = extract(["- Phấn đấu 20% xã đạt chuẩn NTM nâng cao, không còn xã đạt dưới 14 tiêu chí."])
    assert get("14").indicator_code is None


def test_a_counted_list_shares_its_verb_until_a_new_verb(extract):
    get = extract(["- Năm 2023, phát triển mới 15 doanh nghiệp và 3 hợp tác xã, giải thể 2 hợp tác xã."])
    assert get("15").indicator_code == "ENTERPRISES_NEW"
    assert get("3").indicator_code == "COOPERATIVES_NEW"
    assert get("2").indicator_code is None


def test_a_change_in_a_bracket_comments_on_the_level_counting_the_same_noun(extract):
    get = extract(["- Tai nạn giao thông xảy ra 12 vụ (làm bị thương 5 người; so cùng kỳ tăng 3 vụ, giảm 2 người chết)."])
    assert (get("3").measure, get("3").indicator_code) == ("change_abs", "TRAFFIC_ACCIDENTS")
    assert get("2").indicator_code != "TRAFFIC_ACCIDENTS"


def test_a_total_output_head_is_completed_by_the_topic(extract):
    get = extract(["- Cây lúa: diện tích gieo trồng 8.000 ha, tổng sản lượng đạt 52.000 tấn."])
    assert get("52.000").indicator_code == "RICE_OUTPUT"
