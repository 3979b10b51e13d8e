"""The file reader: every encoding and format gives the same NFC lines; every bad file a reason."""

from __future__ import annotations

import importlib.util
import io
import os
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from baocao.parse.read import (
    FOOTNOTE_MARK,
    SUPPORTED_SUFFIXES,
    UnreadableDocument,
    decode_text,
    normalise,
    read_lines,
)

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "data" / "samples").glob("*.txt"))
FIXTURES = REPO / "tests" / "fixtures"
FIXTURE_SAMPLE = REPO / "data" / "samples" / "004_ee7c119a26ba9ad1.txt"


def _load_builders():
    """tests/parse/read_builders.py by path: works whether or not tests/ is a package."""
    spec = importlib.util.spec_from_file_location(
        "read_builders", Path(__file__).with_name("read_builders.py")
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("read_builders", module)
    spec.loader.exec_module(module)
    return module


rb = _load_builders()

PARAGRAPH = (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2023\n"
    "Tổng giá trị sản xuất đạt 13.603,4 tỷ đồng, tăng 13,38% so với năm 2022.\n"
    "Thu nhập bình quân đầu người 59,35 triệu đồng/người/năm; tỷ lệ hộ nghèo giảm còn 0,79%.\n"
    "\n"
    "Diện tích lúa xuống giống 31.261 ha, năng suất bình quân 5,36 tấn/ha, sản lượng 167.483 tấn.\n"
    "Huyện đã xây dựng 44 công trình văn hóa, đường giao thông nông thôn và trạm y tế xã; "
    "đàn gia cầm 1.216.000 con, thủy sản 6.934,71 tấn.\n"
)
EXPECTED = PARAGRAPH.split("\n")[:-1]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ----------------------------------------------------------------------------- encodings

ENCODINGS = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8-bom": lambda s: s.encode("utf-8-sig"),
    "utf-8-nfd": lambda s: unicodedata.normalize("NFD", s).encode("utf-8"),
    "utf-16-le-bom": lambda s: s.encode("utf-16"),  # little-endian with BOM on this platform
    "utf-16-be-bom": lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
    "utf-16-le-no-bom": lambda s: s.encode("utf-16-le"),
    "utf-16-be-no-bom": lambda s: s.encode("utf-16-be"),
    "utf-32-bom": lambda s: s.encode("utf-32"),
    "cp1258": rb.encode_cp1258,
    "tcvn3": rb.encode_tcvn3,
    "utf-8-crlf": lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    "cp1258-crlf": lambda s: rb.encode_cp1258(s.replace("\n", "\r\n")),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_reads_to_the_same_nfc_lines(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, f"report-{encoding}.txt", ENCODINGS[encoding](PARAGRAPH))
    lines = read_lines(path)
    assert lines == EXPECTED
    assert all(unicodedata.is_normalized("NFC", line) for line in lines)


def test_legacy_encodings_are_detected_not_assumed() -> None:
    """The same bytes are never readable both ways: cp1258 and TCVN3 files differ and both decode right."""
    cp1258, tcvn3 = rb.encode_cp1258(PARAGRAPH), rb.encode_tcvn3(PARAGRAPH)
    assert cp1258 != tcvn3
    with pytest.raises(UnicodeDecodeError):
        cp1258.decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        tcvn3.decode("utf-8")
    assert decode_text(cp1258) == PARAGRAPH
    assert decode_text(tcvn3) == PARAGRAPH


@pytest.mark.parametrize("encode", [rb.encode_cp1258, rb.encode_tcvn3], ids=["cp1258", "tcvn3"])
def test_a_single_short_legacy_line_is_detected(encode) -> None:
    line = "Sản lượng lúa đạt 167.483 tấn, tăng 3,94% cùng kỳ."
    assert decode_text(encode(line)) == line


def test_tcvn3_table_round_trips_every_vietnamese_letter() -> None:
    letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
    spaced = " ".join(letters)
    text = f"{spaced}\n{spaced.upper()}\n"  # the capitals line comes back via the all-caps rule
    assert decode_text(rb.encode_tcvn3(text)) == text


def test_a_mostly_utf8_file_with_one_damaged_byte_is_kept(tmp_path: Path) -> None:
    data = PARAGRAPH.encode("utf-8").replace("tỷ".encode(), b"t\xff", 1)
    lines = read_lines(_write(tmp_path, "damaged.txt", data))
    assert len(lines) == len(EXPECTED)
    assert lines[1].startswith("Tổng giá trị sản xuất đạt 13.603,4 t\ufffd đồng")


def test_an_8bit_file_that_is_not_vietnamese_is_still_text(tmp_path: Path) -> None:
    text = "Revenue report 2022\nCafé sales rose 5% to 1,200 units.\nNo other accents here at all.\n"
    assert read_lines(_write(tmp_path, "en.txt", text.encode("cp1252"))) == text.split("\n")[:-1]


def test_a_text_file_with_a_stray_nul_is_read_with_columns_kept(tmp_path: Path) -> None:
    data = (PARAGRAPH * 3).encode("utf-8").replace(b"13.603,4", b"13.\x00603,4", 1)  # 1 NUL in 1.7 KB
    lines = read_lines(_write(tmp_path, "nul.txt", data))
    assert lines[1].startswith("Tổng giá trị sản xuất đạt 13.\ufffd603,4 tỷ đồng")


# ----------------------------------------------------------------------------- line anchoring


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("a\nb\n", ["a", "b"]),
        ("a\nb", ["a", "b"]),
        ("a\n\n", ["a", ""]),
        ("\n\na\n", ["", "", "a"]),
        ("a\r\nb\r\n", ["a", "b"]),
        ("a\rb\r", ["a", "b"]),
        ("  a  \t\n  b", ["  a  \t", "  b"]),
    ],
)
def test_txt_lines_are_the_files_lines(tmp_path: Path, content: str, expected: list[str]) -> None:
    assert read_lines(_write(tmp_path, "x.md", content.encode())) == expected


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_report_lines_match_the_file(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    lines = read_lines(sample)
    assert len(lines) == len(text.splitlines())
    # (NFC, and a look-alike 'Ð' read as 'Đ', one character for one)
    assert lines == [normalise(line) for line in text.splitlines()]


def test_the_biggest_sample_reads_line_for_line() -> None:
    # (speed: benchmarks/bench_extract.py)
    biggest = max(SAMPLES, key=lambda p: p.stat().st_size)
    assert len(read_lines(biggest)) == len(biggest.read_text(encoding="utf-8").splitlines())


# ----------------------------------------------------------------------------- docx


def _report_spec():
    return (
        rb.DocxSpec()
        .heading("BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2022", 1)
        .heading("1. Nông nghiệp", 2)
        .para(
            "Tổng diện tích lúa xuống giống 31.261 ha",
            rb.Footnote("Trong đó lúa chất lượng cao 23.982 ha."),
            ", đạt 93,34% kế hoạch; *sản lượng* 167.483,37 tấn.",
        )
        .table(
            [
                ["Chỉ tiêu", "Đơn vị", "Năm 2022"],
                ["Sản lượng lúa", "tấn", "167.483,37"],
                ["Đàn bò", "con", ""],
            ]
        )
        .para(
            "Thu ngân sách 678,399 tỷ đồng",
            rb.Footnote("Số liệu ước đến 31/12.\nChưa kể thu tiền sử dụng đất."),
            ".",
        )
        .para("")
        .para("Kết thúc báo cáo.")
    )


def test_docx_body_tables_and_footnotes_like_the_text_export(tmp_path: Path) -> None:
    path = rb.build_docx(_report_spec(), tmp_path / "report.docx")
    assert read_lines(path) == [
        "BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2022",
        "1. Nông nghiệp",
        "Tổng diện tích lúa xuống giống 31.261 ha",  # the line breaks where the mark stood
        ", đạt 93,34% kế hoạch; *sản lượng* 167.483,37 tấn.",
        "Chỉ tiêu | Đơn vị | Năm 2022",
        "Sản lượng lúa | tấn | 167.483,37",
        "Đàn bò | con | ",
        "Thu ngân sách 678,399 tỷ đồng",
        ".",
        "",
        "Kết thúc báo cáo.",
        "",
        f"{FOOTNOTE_MARK} Trong đó lúa chất lượng cao 23.982 ha.",
        f"{FOOTNOTE_MARK} Số liệu ước đến 31/12. Chưa kể thu tiền sử dụng đất.",
    ]


def test_docx_footnotes_follow_mark_order_and_table_rows_stay_whole(tmp_path: Path) -> None:
    """A mark in a table cell does not split the row; notes come in the order of their marks."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    path = rb.build_docx(
        rb.DocxSpec()
        .para("Đầu tư 108,126 tỷ đồng", rb.Footnote("Chú thích một."))
        .table([["Chỉ tiêu", "Giá trị"], ["Vốn đầu tư", "10.220"]]),
        tmp_path / "t.docx",
    )
    document = Document(str(path))
    cell = document.tables[0].cell(1, 1).paragraphs[0]
    run = cell.add_run()
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "1")  # the same note referenced again from the table
    run._r.append(ref)
    document.save(str(path))
    assert read_lines(path) == [
        "Đầu tư 108,126 tỷ đồng",
        "",
        "Chỉ tiêu | Giá trị",
        "Vốn đầu tư | 10.220",
        "",
        f"{FOOTNOTE_MARK} Chú thích một.",
    ]


def test_docx_skips_deleted_and_hidden_text_and_field_codes(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (
        f"<w:p {w}><w:r><w:t>Thu </w:t></w:r>"
        "<w:del><w:r><w:delText>999 </w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>713,275 </w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>tỷ</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:tab/><w:t>đồng</w:t><w:br/><w:t>dòng mới</w:t></w:r></w:p>"
    )
    from docx import Document
    from lxml import etree

    document = Document()
    document.element.body.insert(0, etree.fromstring(body))
    document.save(str(tmp_path / "r.docx"))
    assert read_lines(tmp_path / "r.docx") == ["Thu 713,275 tỷ\tđồng", "dòng mới"]


def test_docx_text_boxes_content_controls_and_endnotes(tmp_path: Path) -> None:
    """A text box (Word writes it twice: drawing + VML fallback) comes once, after its paragraph;
    content controls are read through; endnotes follow the footnotes."""
    from docx import Document
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>Hộp chữ: 12 ha</w:t></w:r></w:p></w:txbxContent>"
    blocks = [
        f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        '<w:r><w:t>Đoạn văn</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t> tiếp.</w:t></w:r></w:p>',
        f"<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>Trong điều khiển nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    ]
    spec = rb.DocxSpec().para("Có chú thích", rb.Footnote("Chú thích cuối trang."))
    path = rb.build_docx(spec, tmp_path / "x.docx")
    document = Document(str(path))
    body = document.element.body
    for i, xml in enumerate(blocks):
        body.insert(i, etree.fromstring(xml))
    endnotes = (
        f'<w:endnotes {ns}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Chú thích cuối văn bản.</w:t>'
        "</w:r></w:p></w:endnote></w:endnotes>"
    )
    part = Part(
        PackURI("/word/endnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        endnotes.encode(),
        document.part.package,
    )
    document.part.relate_to(
        part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
    )
    document.save(str(path))
    assert read_lines(path) == [
        "Đoạn văn",
        " tiếp.",
        "Hộp chữ: 12 ha",
        "Trong điều khiển nội dung",
        "Có chú thích",
        "",  # the break at the mark ends the body with an empty line: no extra separator
        f"{FOOTNOTE_MARK} Chú thích cuối trang.",
        f"{FOOTNOTE_MARK} Chú thích cuối văn bản.",
    ]


def test_docx_list_numbers_are_written_out_like_the_text_export(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for text, style in [
        ("Mục tiêu", "List Number"),
        ("Nhiệm vụ", "List Number"),
        ("Giải pháp", "List Bullet"),
        ("Chi tiết", "List Number 2"),
        ("Kết luận", "List Number"),
    ]:
        document.add_paragraph(text, style=style)
    document.save(str(tmp_path / "list.docx"))
    assert read_lines(tmp_path / "list.docx") == [
        "1. Mục tiêu",
        "2. Nhiệm vụ",
        "• Giải pháp",
        "1. Chi tiết",
        "3. Kết luận",
    ]


def test_docm_that_python_docx_refuses_is_read_from_the_zip(tmp_path: Path) -> None:
    """A macro-enabled document renamed .docx: python-docx rejects the content type, the parts are still there."""
    src = zipfile.ZipFile(rb.build_docx(_report_spec(), tmp_path / "a.docx"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"ms-word.document.macroEnabled.main+xml")
            zf.writestr(info, data)
    path = _write(tmp_path, "macro.docx", out.getvalue())
    assert read_lines(path) == read_lines(tmp_path / "a.docx")


def test_docx_of_a_sample_report_reads_every_line(tmp_path: Path) -> None:
    lines = [line.rstrip("\r") for line in FIXTURE_SAMPLE.read_text(encoding="utf-8").split("\n")]
    path = rb.build_docx(rb.DocxSpec(blocks=[("p", [line]) for line in lines]), tmp_path / "big.docx")
    assert len(read_lines(path)) == len(lines)


# ----------------------------------------------------------------------------- pdf

FONT = rb.unicode_font()
needs_font = pytest.mark.skipif(FONT is None, reason="no Vietnamese TTF (apt-get install fonts-dejavu-core)")


@needs_font
def test_pdf_text_layer_lines_with_table_and_note(tmp_path: Path) -> None:
    long = (
        "Tổng diện tích lúa xuống giống 31.261 ha, đạt 93,34% kế hoạch (giảm 8,6% so cùng kỳ); thu hoạch "
        "31.261 ha, năng suất bình quân 5,36 tấn/ha, sản lượng 167.483,37 tấn, đạt 86,53% kế hoạch."
    )
    path = rb.build_pdf(
        [
            "BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2022",
            long,
            [["Chỉ tiêu", "Đơn vị", "Năm 2022"], ["Sản lượng lúa", "tấn", "167.483,37"]],
            "(1) Số liệu ước đến 31/12/2022.",
        ],
        tmp_path / "report.pdf",
        FONT,
    )
    lines = read_lines(path)
    assert lines == [
        "BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2022",
        long,  # wrapped on the page, one line again
        "Chỉ tiêu | Đơn vị | Năm 2022",
        "Sản lượng lúa | tấn | 167.483,37",
        "(1) Số liệu ước đến 31/12/2022.",
    ]  # and the page number "1" in the footer is gone


@needs_font
def test_pdf_footnotes_read_like_the_text_export(tmp_path: Path) -> None:
    """Raised note numbers break the body line; the small-print notes at the page foot come after
    the body as '\ufffd text'; a superscript that has no note (m²) is left alone."""
    long = (
        "Thu ngân sách 678,399 tỷ đồng, đạt 147% dự toán; trong đó thu nội địa tăng mạnh so với cùng kỳ năm "
        "trước, chi ngân sách địa phương 544,118 tỷ đồng"
    )
    path = rb.build_pdf_with_footnotes(
        [
            [
                "Tổng diện tích lúa 31.261 ha",
                rb.Footnote("Trong đó lúa chất lượng cao 12.000 ha."),
                ", đạt 93,34%.",
            ],
            ["Xây dựng 1.200 m", rb.Sup("2"), " nhà văn hóa."],
            [long, rb.Footnote("Số liệu ước đến 31/12."), "."],
        ],
        tmp_path / "notes.pdf",
        FONT,
    )
    assert read_lines(path) == [
        "Tổng diện tích lúa 31.261 ha",
        ", đạt 93,34%.",
        "Xây dựng 1.200 m2 nhà văn hóa.",
        long,
        ".",
        "",
        f"{FOOTNOTE_MARK} Trong đó lúa chất lượng cao 12.000 ha.",
        f"{FOOTNOTE_MARK} Số liệu ước đến 31/12.",
    ]


@needs_font
def test_pdf_with_an_empty_user_password_is_read(tmp_path: Path) -> None:
    path = rb.build_pdf(["Thu ngân sách 713,275 tỷ đồng."], tmp_path / "p.pdf", FONT, encrypt_password="")
    assert read_lines(path) == ["Thu ngân sách 713,275 tỷ đồng."]


# ----------------------------------------------------------------------------- bad files


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200)


def _docx_bytes(tmp_path: Path) -> bytes:
    return rb.build_docx(_report_spec(), tmp_path / "ok.docx").read_bytes()


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\x00" * (40 * 1024 * 1024))  # 40 MB in ~40 KB
    return buf.getvalue()


def _scanned_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250, style="F")  # an "image" of a page: no text at all
    return bytes(pdf.output())


def _encrypted_pdf(tmp_path: Path) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Secret report 2022")
    pdf.set_encryption(owner_password="owner", user_password="user")
    return bytes(pdf.output())


BAD_FILES = {
    # name: (file name, bytes maker, expected reason fragment)
    "unsupported-extension": ("report.wpd", lambda t: b"text", "unsupported file type .wpd"),
    "no-extension": ("README", lambda t: b"text", "unsupported file type (none)"),
    "empty": ("empty.txt", lambda t: b"", "empty file"),
    "whitespace-only": ("blank.txt", lambda t: b"  \r\n\t\n \n", "only whitespace"),
    "whitespace-only-utf16": ("blank16.txt", lambda t: " \n \n".encode("utf-16"), "only whitespace"),
    "bom-only": ("bom.md", lambda t: b"\xef\xbb\xbf", "only whitespace"),
    "binary-with-nuls": ("junk.txt", lambda t: os.urandom(4096), "not text"),
    "png-as-txt": ("image.txt", lambda t: _png(), "not text: the file is a PNG image"),
    "pdf-as-txt": ("report.txt", lambda t: _scanned_pdf(), "not text: the file is a PDF document"),
    "docx-as-md": ("report.md", _docx_bytes, "not text: the file is a zip archive"),
    "rtf-as-txt": (
        "report.txt",
        lambda t: b"{\\rtf1\\ansi B\\'e1o c\\'e1o}",
        "not text: the file is an RTF document",
    ),
    "docx-as-pdf": ("report.pdf", _docx_bytes, "not a PDF: no %PDF- header (the file is a zip archive"),
    "control-chars": ("ctl.txt", lambda t: bytes(range(1, 9)) * 200, "not text: "),
    "high-bytes-junk": ("hi.txt", lambda t: bytes(range(0x80, 0x100)) * 40, "not text"),
    "png-as-docx": (
        "report.docx",
        lambda t: _png(),
        "not a Word document: not a zip file (the file is a PNG image)",
    ),
    "truncated-docx": (
        "trunc.docx",
        lambda t: _docx_bytes(t)[:3000],
        "not a Word document: truncated or damaged zip",
    ),
    "xlsx-as-docx": (
        "book.docx",
        lambda t: _xlsx_like(),
        "not a Word document: its main part is application/vnd.openxmlformats-officedocument.spreadsheetml",
    ),
    "zip-not-docx": ("other.docx", lambda t: _zip_with({"a.txt": b"hello"}), "not a Word document"),
    "ole2-doc-as-docx": ("old.docx", lambda t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "could not convert"),
    "zip-bomb-docx": ("bomb.docx", lambda t: _zip_bomb(), "zip bomb suspected"),
    "empty-docx": (
        "empty.docx",
        lambda t: rb.build_docx(rb.DocxSpec().para(""), t / "e.docx").read_bytes(),
        "only whitespace",
    ),
    "encrypted-pdf": ("secret.pdf", _encrypted_pdf, "encrypted PDF"),
    "scanned-pdf": ("scan.pdf", lambda t: _scanned_pdf(), "no text layer"),
    "not-a-pdf": ("fake.pdf", lambda t: b"<html>not a pdf</html>", "not a PDF"),
    "truncated-pdf": ("cut.pdf", lambda t: _scanned_pdf()[:60], "PDF"),
}


def _xlsx_like() -> bytes:
    ct = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    return _zip_with(
        {
            "[Content_Types].xml": ct.encode(),
            "_rels/.rels": rels.encode(),
            "xl/workbook.xml": workbook.encode(),
        }
    )


def _zip_with(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_files_raise_unreadable_with_a_reason(tmp_path: Path, case: str) -> None:
    name, make, reason = BAD_FILES[case]
    path = _write(tmp_path, name, make(tmp_path))
    with pytest.raises(UnreadableDocument) as info:
        read_lines(path)
    assert reason in info.value.reason
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{name}: ")


def test_a_file_beyond_max_bytes_is_refused_with_size_and_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "huge.txt", PARAGRAPH.encode() * 100)
    with pytest.raises(UnreadableDocument) as info:
        read_lines(path, max_bytes=10_000)
    assert "file too large" in info.value.reason
    assert "exceeds the limit of 9.8 KB" in info.value.reason
    assert f"{path.stat().st_size} > 10000 bytes" in info.value.reason
    assert read_lines(path)  # within the 50 MB default


def test_docx_declaring_too_much_uncompressed_data_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.docx", _docx_bytes(tmp_path))
    with pytest.raises(UnreadableDocument, match="zip bomb suspected: declares"):
        read_lines(path, max_unpacked_bytes=10_000)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="file not found"):
        read_lines(tmp_path / "nope.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(UnreadableDocument, match="not a file"):
        read_lines(tmp_path / "dir.txt")


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".docx", ".pdf", ".xlsx", ".xls", ".doc", ".rtf", ".odt"}


# ----------------------------------------------------------------------------- committed fixtures


def _export_body_and_notes(lines: list[str]) -> tuple[list[str], list[str]]:
    first = next(i for i, line in enumerate(lines) if line.startswith(FOOTNOTE_MARK))
    body = lines[:first]
    while body and not body[-1].strip():
        body.pop()
    return body, [line for line in lines[first:] if line.startswith(FOOTNOTE_MARK)]


def test_docx_fixture_reads_like_its_text_export() -> None:
    export = read_lines(FIXTURE_SAMPLE)
    lines = read_lines(FIXTURES / f"{FIXTURE_SAMPLE.stem}.docx")
    body, notes = _export_body_and_notes(export)
    assert lines[: len(body)] == body
    got_notes = [line for line in lines[len(body) :] if line]
    assert len(got_notes) == len(notes)
    for got, want in zip(got_notes, notes, strict=True):
        assert got.startswith(want.rstrip())  # a note of several paragraphs is one line in the docx reading


def test_pdf_fixture_reads_back_to_the_export_paragraphs() -> None:
    """Laid out like Word prints it (wrapped lines, raised note numbers, notes at each page foot,
    page numbers), the PDF reads back to the text export's paragraphs and notes."""
    export = read_lines(FIXTURE_SAMPLE)
    body, notes = _export_body_and_notes(export)
    paragraphs = {line.strip() for line in body if line.strip()}
    lines = read_lines(FIXTURES / f"{FIXTURE_SAMPLE.stem}.pdf")
    got_body = [line for line in lines if line and not line.startswith(FOOTNOTE_MARK)]
    got_notes = [line for line in lines if line.startswith(FOOTNOTE_MARK)]
    assert sum(line in paragraphs for line in got_body) >= 0.85 * len(got_body)
    assert len(got_notes) == len(notes)
    for got, want in zip(got_notes, notes, strict=True):  # a note of several paragraphs is one line
        assert " ".join(got.split()).startswith(" ".join(want.split()))
    assert not any(line.isdigit() for line in lines)  # page numbers dropped
