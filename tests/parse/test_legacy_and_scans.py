"""Word 97 .doc / .rtf through LibreOffice, and scanned PDFs through Tesseract: real
converters, real files made from a sample, bounded in time and pages."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from baocao.parse import UnreadableDocument, parse_file, read_document
from baocao.parse.read import convert, ocr

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SAMPLE_TXT = REPO / "data" / "samples" / "004_ee7c119a26ba9ad1.txt"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


tb = _load("table_builders")


def _share_found(expected: list, got: list) -> float:
    """Share of expected facts found again by (value, unit, measure), as multisets."""
    key = lambda f: (round(f.value, 3), f.unit, f.measure)  # noqa: E731
    want, have = Counter(map(key, expected)), Counter(map(key, got))
    return sum((want & have).values()) / sum(want.values())


def test_a_doc_made_by_libreoffice_reads_like_the_sample(tmp_path: Path) -> None:
    doc = tb.to_doc(FIXTURES / "004_ee7c119a26ba9ad1.docx", tmp_path)
    parsed = parse_file(doc)
    assert "converted from .doc by LibreOffice" in parsed.notes
    assert _share_found(parse_file(SAMPLE_TXT).facts, parsed.facts) >= 0.95


def test_an_rtf_and_a_doc_named_docx_are_converted(tmp_path: Path) -> None:
    tb.need_tool("soffice")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/.p", "--headless", "--convert-to", "rtf",
                    "--outdir", str(tmp_path), str(FIXTURES / "004_ee7c119a26ba9ad1.docx")],
                   check=True, capture_output=True, timeout=180)
    rtf = tmp_path / "004_ee7c119a26ba9ad1.rtf"
    assert _share_found(parse_file(SAMPLE_TXT).facts, parse_file(rtf).facts) >= 0.95
    doc = tb.to_doc(FIXTURES / "004_ee7c119a26ba9ad1.docx", tmp_path / "doc")
    renamed = tmp_path / "bao cao.docx"  # a Word 97 file saved under .docx
    renamed.write_bytes(doc.read_bytes())
    assert len(parse_file(renamed).facts) >= 150


def test_a_converter_past_its_deadline_is_killed_with_a_reason(tmp_path: Path) -> None:
    """LibreOffice hung on a file: the whole process group is killed at the deadline."""
    tb.need_tool("soffice")
    doc = tb.to_doc(FIXTURES / "004_ee7c119a26ba9ad1.docx", tmp_path)
    with pytest.raises(UnreadableDocument, match=r"did not finish converting the file within 1 s"):
        convert.to_docx(doc.read_bytes(), doc, ".doc", deadline_s=1)
    left = subprocess.run(["pgrep", "-f", "baocao-convert-"], capture_output=True, text=True).stdout.split()
    assert left == [], "a converter process outlived its deadline"


def test_without_converters_the_reason_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice, no antiword here
    with pytest.raises(UnreadableDocument, match="neither is installed.*libreoffice-writer-nogui"):
        read_document(doc)
    scan = tmp_path / "scan.pdf"
    tb.blank_scan(scan, pages=1)
    with pytest.raises(UnreadableDocument, match="OCR is not available.*tesseract-ocr-vie"):
        read_document(scan)


def test_a_scanned_report_is_read_by_ocr(tmp_path: Path) -> None:
    """Three pages of a sample printed to PDF, scanned at 200 dpi with a slight skew and noise."""
    tb.need_tool("tesseract", "pdftoppm")
    from pypdf import PdfReader, PdfWriter

    first = PdfWriter()
    for page in PdfReader(FIXTURES / "004_ee7c119a26ba9ad1.pdf").pages[:3]:
        first.add_page(page)
    text_layer = tmp_path / "first3.pdf"
    first.write(text_layer)
    scan = tb.scanned_pdf(text_layer, tmp_path / "scan.pdf", pages=3)
    expected = parse_file(text_layer).facts
    parsed = parse_file(scan)
    assert parsed.notes == ["OCR (vie) of 3 scanned page(s) of 3: pages 1-3"]
    assert _share_found(expected, parsed.facts) >= 0.85
    assert all(f.ocr and 0 < f.ocr_confidence <= 1 for f in parsed.facts)
    assert not any(f.ocr for f in expected)


def test_a_ten_thousand_page_scan_is_refused_before_any_ocr(tmp_path: Path) -> None:
    scan = tmp_path / "archive.pdf"
    tb.blank_scan(scan, pages=10_000)
    with pytest.raises(UnreadableDocument, match=r"10000 page\(s\): more than the OCR limit of \d+ pages"):
        read_document(scan)


@pytest.mark.parametrize("ocr_text,fixed", [
    ("sản lượng 1O2,5 tấn", "sản lượng 102,5 tấn"),
    ("thu 2.l00 triệu đồng", "thu 2.100 triệu đồng"),
    ("đạt 13,603,4 tỷ đồng", "đạt 13.603,4 tỷ đồng"),
    ("Ô tô, Lò gạch, lO xã", "Ô tô, Lò gạch, lO xã"),  # letters among letters stay letters
    ("năm 2023, 2024 và 2025", "năm 2023, 2024 và 2025"),
])
def test_ocr_number_repairs_only_where_one_reading_is_possible(ocr_text: str, fixed: str) -> None:
    assert ocr.fix_numbers(ocr_text) == fixed


def test_tesseract_tsv_becomes_paragraphs_with_confidence() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t96\tThu\n"
        "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t90\tngân\n"
        "5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t84\tsách\n"
        "5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t-1\t \n"
        "5\t1\t2\t1\t1\t2\t0\t0\t10\t10\t70\t713,3\n"
    )
    assert ocr.paragraphs(tsv) == [("Thu ngân sách", 0.9), ("713,3", 0.7)]


def test_ocr_limits_come_from_the_environment() -> None:
    code = "from baocao.parse.read import ocr; print(*ocr.limits()[:2])"
    env = {**os.environ, "BAOCAO_OCR_MAX_PAGES": "12", "BAOCAO_OCR_DPI": "200"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["12", "200"]
