"""Phrasing families of a fourth set of unseen reports (dev4), each with sentences of our own
(invented, with invented numbers; not copied from any text): look-alike letters for 'Đ'/'đ',
place names written with their tone marks placed the old way, and a text introducing one
district among its neighbours."""

from pathlib import Path

from baocao.parse import parse_file
from baocao.parse.read import read_lines

NO_HEADER: list[str] = []


# --- look-alike letters: the Icelandic eth for the Vietnamese d with stroke ---------------------

def test_eth_letters_are_read_as_d_with_stroke(tmp_path: Path) -> None:
    path = tmp_path / "eth.txt"
    path.write_text("Ðến nay, toàn huyện ðã có 41 hợp tác xã.\n", encoding="utf-8")
    lines = read_lines(path)
    assert lines == ["Đến nay, toàn huyện đã có 41 hợp tác xã."]
    assert lines[0].index("41") == "Ðến nay, toàn huyện ðã có 41 hợp tác xã.".index("41")  # columns kept


def test_a_place_written_with_eth_is_found(tmp_path: Path) -> None:
    path = tmp_path / "eth-place.txt"
    path.write_text("Năm 2022, huyện Ðức Huệ (Long An) thu ngân sách ðạt 215 tỷ ðồng.\n", encoding="utf-8")
    facts = parse_file(path).facts
    assert [(f.value, f.locality, f.unit) for f in facts] == [(215.0, "Đức Huệ", "VND_BN")]


# --- a place spelled with old-style tone marks ---------------------------------------------------

def test_a_place_written_only_old_style_keeps_the_texts_spelling(extract):
    get = extract(["Thạnh Hoá: năm 2023 thu ngân sách đạt 96 tỷ đồng",
                   "Năm 2023, huyện Thạnh Hoá (Long An) có 18 hợp tác xã, tăng 2 hợp tác xã so với năm trước."],
                  header=NO_HEADER)
    assert get("18").locality == "Thạnh Hoá"
    assert get("96").locality == "Thạnh Hoá"


def test_a_place_also_written_as_the_gazetteer_does_keeps_the_gazetteers(extract):
    get = extract(["Huyện Thạnh Hoá tổng kết năm 2023",
                   "Năm 2023, huyện Thạnh Hóa (Long An) có 18 hợp tác xã, huyện Thạnh Hoá có 7 chợ."],
                  header=NO_HEADER)
    assert get("18").locality == "Thạnh Hóa"
    assert get("7").locality == "Thạnh Hóa"


def test_a_named_place_of_a_clause_keeps_the_texts_spelling(extract):
    get = extract(["Năm 2023, giá trị sản xuất toàn tỉnh đạt 9.300 tỷ đồng; riêng huyện Lệ Thuỷ đạt 1.150 tỷ đồng."],
                  header=["UBND TỈNH QUẢNG BÌNH", "BÁO CÁO", "tình hình kinh tế - xã hội năm 2023", ""])
    assert get("1.150").locality == "Lệ Thuỷ"
    assert get("9.300").locality == "Quảng Bình"


def test_a_name_without_the_tone_mark_is_no_spelling_of_it(extract):
    # ('Hoa' is another word, not 'Hòa' spelled otherwise)
    get = extract(["Năm 2023, huyện Thạnh Hóa có 18 hợp tác xã; hoa Thanh Hoa trồng 6 ha."], header=NO_HEADER)
    assert get("18").locality == "Thạnh Hóa"


# --- a text introducing one district ------------------------------------------------------------

def test_a_district_founded_and_bounded_by_its_neighbours(extract):
    get = extract(["1. Vị trí địa lý",
                   "Huyện Tuyên Hóa được tái lập năm 1990, nằm ở phía Tây Bắc tỉnh Quảng Bình. Phía Bắc giáp huyện "
                   "Minh Hóa; phía Nam giáp huyện Bố Trạch; phía Đông giáp thị xã Ba Đồn và huyện Quảng Trạch. "
                   "Huyện có 19 xã, 1 thị trấn.",
                   "2. Kinh tế",
                   "Năm 2021, tổng giá trị sản xuất đạt 3.640 tỷ đồng, tăng 6,2% so với năm 2020."], header=NO_HEADER)
    assert get("3.640").locality == "Tuyên Hóa"
    assert get("3.640").locality_level == "district"
    assert get("19").locality == "Tuyên Hóa"


def test_a_district_said_to_be_one_of_its_province(extract):
    get = extract(["Mộc Hóa là một huyện biên giới thuộc tỉnh Long An, giáp huyện Tân Thạnh, thị xã Kiến Tường "
                   "và huyện Vĩnh Hưng. Năm 2022, toàn huyện thu hoạch 41.200 tấn lúa; huyện Tân Thạnh có 5 chợ."],
                  header=NO_HEADER)
    assert get("41.200").locality == "Mộc Hóa"


def test_a_provincial_report_naming_a_founded_town_stays_provincial(extract):
    get = extract(["Năm 2023, thị xã Kiến Tường được thành lập thêm 2 phường. Toàn tỉnh có 920 hợp tác xã; "
                   "huyện Đức Hòa 140 hợp tác xã, huyện Bến Lức 85 hợp tác xã."],
                  header=["ỦY BAN NHÂN DÂN TỈNH LONG AN", "BÁO CÁO", "tình hình kinh tế - xã hội năm 2023", ""])
    assert get("920").locality == "Long An"
