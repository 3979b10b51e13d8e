"""A report written as one long line reads like the same report with a line per sentence:
long paragraphs are read in pieces of whole sentences (structure.split_long), so no rule
scans the whole line and every anchor still points at its number."""

from __future__ import annotations

from baocao.parse import parse_lines
from baocao.parse.numbers import find_numbers
from baocao.parse.structure import PIECE, Paragraph, Segment, split_long

SENTENCES = [
    "Tổng giá trị sản xuất ước đạt 13.603,4 tỷ đồng, đạt 102,92% so Nghị quyết.",
    "Thu nhập bình quân đầu người đạt 55,3 triệu đồng, tăng 3,1 triệu đồng so với năm 2021.",
    "Tổng đàn gia súc 97.160 con, đạt 104,75% kế hoạch (tăng 0,7% so cùng kỳ).",
    "Toàn huyện có 12 xã đạt chuẩn nông thôn mới; tỷ lệ hộ nghèo còn 1,2%.",
]


def test_pieces_cut_at_sentence_ends_and_keep_their_anchors() -> None:
    text = " ".join(SENTENCES * 60)
    para = Paragraph(text, [Segment(0, 7, 3, len(text))], 7)
    pieces = split_long(para)
    assert len(pieces) > 1 and "".join(p.text for p in pieces) == text
    assert all(len(p.text) <= PIECE for p in pieces)
    assert all(p.text.rstrip().endswith(".") for p in pieces[:-1])
    offset = 0
    for piece in pieces:
        assert piece.locate(0) == (7, 3 + offset)
        offset += len(piece.text)


def test_a_sentence_longer_than_a_piece_is_cut_at_a_clause_or_comma() -> None:
    text = "; ".join(f"xã thứ {i} có {i * 10} hộ" for i in range(400))
    pieces = split_long(Paragraph(text, [Segment(0, 1, 0, len(text))], 1))
    assert len(pieces) > 1 and all(len(p.text) <= PIECE for p in pieces)
    assert all(p.text.rstrip().endswith(";") for p in pieces[:-1])


def test_one_long_line_gives_the_facts_of_the_same_text_split_into_lines() -> None:
    body = SENTENCES * 100
    one = parse_lines(["BÁO CÁO", " ".join(body)]).facts
    many = parse_lines(["BÁO CÁO", *body]).facts
    assert len(one) == len(many)
    assert [(f.value, f.unit, f.measure) for f in one] == [(f.value, f.unit, f.measure) for f in many]
    line = " ".join(body)
    for fact in one:  # each anchor points at the digits of its own value
        token = next(t for t in find_numbers(line[fact.col:fact.col + 20]) if t.start == 0)
        assert token.value == fact.value, (fact.col, line[fact.col:fact.col + 20])


def test_a_short_paragraph_is_left_whole() -> None:
    text = SENTENCES[0]
    assert split_long(Paragraph(text, [Segment(0, 1, 0, len(text))], 1)) == [
        Paragraph(text, [Segment(0, 1, 0, len(text))], 1)
    ]
