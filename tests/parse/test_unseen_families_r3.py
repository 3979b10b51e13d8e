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
