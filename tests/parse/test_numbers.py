"""Number literals the Vietnamese way, ranges and pairs."""

import pytest

from baocao.parse.numbers import find_numbers, is_range_joint, is_slash_joint, parse_value


@pytest.mark.parametrize(
    "literal,value",
    [
        ("13.603,4", 13603.4),
        ("1.216.000", 1216000),
        ("05", 5),
        ("0,79", 0.79),
        ("8.846", 8846),
        ("366,674", 366.674),
        ("10.43", 10.43),  # English decimal slip
        ("4.0", 4.0),
        ("2709", 2709),
        ("1,254", 1.254),
        ("1.924,5", 1924.5),
        ("0.5", 0.5),
    ],
)
def test_parse_value(literal, value):
    assert parse_value(literal) == pytest.approx(value)


def test_find_numbers_anchors_first_digit_and_drops_trailing_separator():
    toks = find_numbers("sản lượng 167.483,37 tấn. Còn 233 hộ,")
    assert [(t.literal, t.start) for t in toks] == [("167.483,37", 10), ("233", 30)]


def test_numbers_glued_inside_words_are_skipped_like_the_scorer():
    assert [t.literal for t in find_numbers("diện tích 11.977,5m2 và CO2 thải")] == ["11.977,5", "2"]
    assert [t.literal for t in find_numbers("khí CO2x")] == []


def test_glued_unit_keeps_number():
    assert [t.value for t in find_numbers("đàn gia cầm 1.031.200con")] == [1031200]


@pytest.mark.parametrize("text", ["8,7-10%", "12 - 14 người", "từ 1-1,5%", "11 -12%"])
def test_ranges(text):
    a, b = find_numbers(text)
    assert is_range_joint(text, a, b)


def test_descending_dash_is_no_range():
    text = "Covid 19 - 5"
    a, b = find_numbers(text)
    assert not is_range_joint(text, a, b)


def test_pair():
    text = "41/40 doanh nghiệp"
    a, b = find_numbers(text)
    assert is_slash_joint(text, a, b)
