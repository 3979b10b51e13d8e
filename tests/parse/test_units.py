"""Unit words after a number (catalog/unit_words.csv, catalog/counted_nouns.txt)."""

import pytest

from baocao.parse.units import match_unit


@pytest.mark.parametrize(
    "text,code,written",
    [
        ("8.846 tỷ đồng", "VND_BN", "tỷ đồng"),
        ("939,52 triệu đồng", "VND_M", "triệu đồng"),
        ("186.000.000 đồng", "VND", "đồng"),
        ("49,5 triệu đồng/người", "VND_M_PER_PERSON", "triệu đồng/người"),
        ("80 triệu đồng/người/năm", "VND_M_PER_PERSON_YEAR", "triệu đồng/người/năm"),
        ("2,6 %", "PCT", "%"),
        ("65,9%KH", "PCT", "%"),
        ("6,4%o.", "PERMILLE", "%o"),
        ("11‰", "PERMILLE", "‰"),
        ("13,38%/năm", "PCT_PER_YEAR", "%/năm"),
        ("5,36 tấn/ha", "TON_PER_HA", "tấn/ha"),
        ("66,6 tạ/ha", "QUINTAL_PER_HA", "tạ/ha"),
        ("6,78 bác sĩ/vạn dân", "PER_10K_POP", "bác sĩ/vạn dân"),
        ("61.163m,", "M", "m"),
        ("137.617m3", "M3", "m3"),
        ("11.977,5m2", "M2", "m2"),
        ("31.261 ha,", "HA", "ha"),
        ("9.481/9.440ha", None, None),
        ("1,87 lần", "TIMES", "lần"),
        ("0,437 gram", "GRAM", "gram"),
        ("1,254 triệu tấn", "TON_M", "triệu tấn"),
        ("76,876/67,350 tỷ,", None, None),
        ("67,350 tỷ,", "VND_BN", "tỷ"),
    ],
)
def test_units(text, code, written):
    from baocao.parse.numbers import find_numbers

    tok = find_numbers(text)[0]
    u = match_unit(text, tok.end)
    if code is None:
        assert u is None
    else:
        assert u is not None and (u.code, u.text) == (code, written)


@pytest.mark.parametrize(
    "text,code,noun",
    [
        ("1.949 hộ", "COUNT", "hộ"),
        ("600 lượt hộ", "COUNT", "lượt hộ"),
        ("120 đảng viên", "COUNT", "đảng viên"),
        ("62 đồng chí", "COUNT", "đồng chí"),  # not 'đồng' (VND)
        ("820 ngàn con", "COUNT_K", "ngàn con"),
        ("2 triệu lượt khách", "COUNT_M", "triệu lượt khách"),
        ("1.031.200con", "COUNT", "con"),
        ("10/11 xã, thị trấn", None, None),
    ],
)
def test_counted_nouns(text, code, noun):
    from baocao.parse.numbers import find_numbers

    tok = find_numbers(text)[-1] if code is None else find_numbers(text)[0]
    u = match_unit(text, tok.end)
    if code is None:
        assert u is not None and u.text == "xã, thị trấn"
    else:
        assert u is not None and u.code == code and u.text == noun and u.noun


def test_word_units_need_a_word_boundary():
    from baocao.parse.numbers import find_numbers

    text = "có 5 hai"  # 'ha' is not the start of 'hai'
    tok = find_numbers(text)[0]
    assert match_unit(text, tok.end) is None


def test_ty_le_is_not_ty_dong():
    from baocao.parse.numbers import find_numbers

    text = "100 tỷ lệ"
    assert match_unit(text, find_numbers(text)[0].end) is None


def test_lan_counts_occasions_unless_a_multiple(extract):
    get = extract(["- Tổ chức 5 lần kiểm tra liên ngành; thu nhập tăng 1,8 lần so năm 2015."])
    assert get("5").unit == "COUNT"
    assert (get("1,8").unit, get("1,8").measure) == ("TIMES", "change_times")
