"""Every sample report parses quickly, without a paragraph failing, with the places and kinds expected."""

import random
from pathlib import Path

import pytest

from baocao.parse import parse_file
from baocao.parse.extract import parse_lines

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "data" / "samples").glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_sample_parses_clean(path):
    # (speed is measured by benchmarks/bench_extract.py, not asserted here)
    doc = parse_file(path)
    assert doc.warnings == []
    assert doc.facts and doc.info.locality and doc.info.period and doc.info.kind
    for f in doc.facts:
        assert f.sentence and f.unit and f.period and f.locality


def test_document_places_and_kinds():
    got = {p.name[:3]: (parse_file(p).info.locality, parse_file(p).info.kind) for p in SAMPLES}
    assert got["000"] == ("Cầu Kè", "bao_cao_chinh_tri")
    assert got["001"] == ("Phụng Hiệp", "chuong_trinh")
    assert got["003"] == ("Trà Vinh", "ke_hoach")
    assert got["004"] == ("Tân Hồng", "bao_cao_ket_qua")


def test_mangled_text_never_raises():
    rnd = random.Random(7)
    lines = [ln for p in SAMPLES for ln in p.read_text(encoding="utf-8").split("\n")]
    chars = list("0123456789.,/-%() ;:“”\"đạtăngiảmhộxãtỷ\ufffd¹⁽⁾")
    for _ in range(60):
        sample = [
            "".join(c if rnd.random() > 0.03 else rnd.choice(chars) for c in ln)
            for ln in rnd.sample(lines, 15)
        ]
        doc = parse_lines(sample)
        assert doc.warnings == []
