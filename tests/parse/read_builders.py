"""Make real report files for the reader's tests and fixtures: legacy encodings, a .docx with
real footnotes, a PDF with a Vietnamese text layer.

Used by tests/parse/test_read.py and scripts/make_sample_variants.py (loaded by file path, so
it works whether or not tests/ is a package).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

TONES = "\u0300\u0301\u0303\u0309\u0323"
FOOTNOTE_MARK = "\ufffd"


# ----------------------------------------------------------------------------- encodings


def encode_cp1258(text: str, errors: str = "strict") -> bytes:
    """Encode like Windows does for cp1258: precomposed where the code page has it, else base + tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out += base.encode("cp1258", errors) + tones.encode("cp1258", errors)
    return bytes(out)


def tcvn3_encoder() -> dict[str, int]:
    """Character -> TCVN3 byte, from the catalog table (VN3 letters only, as ABC fonts have them)."""
    import csv

    table = Path(__file__).resolve().parents[2] / "flows" / "baocao" / "catalog" / "tcvn3.csv"
    with open(table, encoding="utf-8", newline="") as f:
        return {
            chr(int(r["codepoint"][2:], 16)): int(r["byte"], 16)
            for r in csv.DictReader(f)
            if r["variant"] == "vn3"
        }


def encode_tcvn3(text: str, errors: str = "strict") -> bytes:
    """Encode as a TCVN3 (ABC) file: toned capitals have no code, so they get the lower-case
    code, exactly what text typed in the .VnTimeH capitals font looks like."""
    enc = tcvn3_encoder()
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in enc:
            out.append(enc[ch])
        elif ch.lower() in enc:
            out.append(enc[ch.lower()])
        else:
            out += ch.encode("cp1252", errors)
    return bytes(out)


# ----------------------------------------------------------------------------- docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


@dataclass
class Footnote:
    """A footnote mark inside a paragraph (the text is the footnote's own; '\n' separates its paragraphs)."""

    text: str


@dataclass
class DocxSpec:
    """A document as blocks: ('h1'|'h2'|'p', [str | Footnote, ...]) or ('table', [[cell, ...], ...])."""

    blocks: list[tuple[str, list]] = field(default_factory=list)

    def heading(self, text: str, level: int = 1) -> DocxSpec:
        self.blocks.append((f"h{level}", [text]))
        return self

    def para(self, *pieces: str | Footnote) -> DocxSpec:
        self.blocks.append(("p", list(pieces)))
        return self

    def table(self, rows: list[list[str]]) -> DocxSpec:
        self.blocks.append(("table", rows))
        return self


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_docx(spec: DocxSpec, path: Path) -> Path:
    """Write a .docx with python-docx, then add a real footnotes part (python-docx has no
    footnote API): the part, its relationship and content type, and w:footnoteReference runs."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    notes: list[str] = []
    for kind, content in spec.blocks:
        if kind.startswith("h"):
            document.add_heading(content[0], level=int(kind[1:]))
        elif kind == "p":
            p = document.add_paragraph()
            for piece in content:
                if isinstance(piece, Footnote):
                    notes.append(piece.text)
                    run = p.add_run()
                    rpr = OxmlElement("w:rPr")
                    style = OxmlElement("w:vertAlign")
                    style.set(qn("w:val"), "superscript")
                    rpr.append(style)
                    run._r.append(rpr)
                    ref = OxmlElement("w:footnoteReference")
                    ref.set(qn("w:id"), str(len(notes)))
                    run._r.append(ref)
                else:
                    p.add_run(piece)
        elif kind == "table":
            table = document.add_table(rows=len(content), cols=max(len(r) for r in content))
            for row, values in zip(table.rows, content, strict=False):
                for cell, value in zip(row.cells, values, strict=False):
                    cell.text = value
    if notes:
        xml = [
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">',
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
        ]
        for i, text in enumerate(notes, 1):
            first, *more = text.split("\n")  # a footnote of several paragraphs
            paras = [
                '<w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {_escape(first)}</w:t></w:r></w:p>'
            ]
            paras += [f'<w:p><w:r><w:t xml:space="preserve">{_escape(m)}</w:t></w:r></w:p>' for m in more]
            xml.append(f'<w:footnote w:id="{i}">{"".join(paras)}</w:footnote>')
        xml.append("</w:footnotes>")
        part = Part(
            PackURI("/word/footnotes.xml"), CT_FOOTNOTES, "".join(xml).encode("utf-8"), document.part.package
        )
        document.part.relate_to(part, RT_FOOTNOTES)
    document.save(str(path))
    return path


# ----------------------------------------------------------------------------- pdf

FONT_CANDIDATES = (
    # Debian/Ubuntu fonts-dejavu-core (on the project's machines)
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)


def unicode_font() -> Path | None:
    """A TTF that covers Vietnamese: system DejaVu, else one shipped inside an installed pip
    package (matplotlib's DejaVu, Prefect UI's Geist); None if there is none (tests skip)."""
    for p in FONT_CANDIDATES:
        if p.is_file():
            return p
    import importlib.util

    for package, rel in (
        ("matplotlib", "mpl-data/fonts/ttf/DejaVuSans.ttf"),
        ("prefect", "server/ui-v2/fonts/Geist-VariableFont_wght.ttf"),
    ):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            for base in spec.submodule_search_locations:
                p = Path(base) / rel
                if p.is_file():
                    return p
    return None


def build_pdf(
    lines: list[str | list[list[str]]], path: Path, font: Path, *, encrypt_password: str | None = None
) -> Path:
    """A PDF with a text layer: each str is a paragraph, each list of rows a table; pages numbered."""
    from fpdf import FPDF

    class Doc(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("U", size=9)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Doc(format="A4")
    pdf.add_font("U", fname=str(font))
    pdf.set_font("U", size=11)
    pdf.add_page()
    for item in lines:
        if isinstance(item, str):
            pdf.multi_cell(0, 6, item or " ", new_x="LMARGIN", new_y="NEXT")
        else:
            with pdf.table(text_align="LEFT", first_row_as_headings=False) as table:
                for row in item:
                    r = table.row()
                    for cell in row:
                        r.cell(cell)
    if encrypt_password is not None:
        pdf.set_encryption(owner_password="owner-" + encrypt_password, user_password=encrypt_password)
    pdf.output(str(path))
    return path


@dataclass
class Sup:
    """Superscript text that is not a footnote mark (the '2' of m²)."""

    text: str


def build_pdf_with_footnotes(paragraphs: list[list[str | Footnote | Sup]], path: Path, font: Path) -> Path:
    """A one-page PDF as Word prints footnotes: small raised numbers in the body, the notes in
    small print at the page foot, each starting with its raised number; a page number below."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("U", fname=str(font))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    notes: list[str] = []

    def sup(text: str, height: float) -> None:
        pdf.char_vpos = "SUP"
        pdf.write(height, text)
        pdf.char_vpos = "LINE"

    for paragraph in paragraphs:
        pdf.set_font("U", size=11)
        for piece in paragraph:
            if isinstance(piece, Footnote):
                notes.append(piece.text)
                sup(str(len(notes)), 6)
            elif isinstance(piece, Sup):
                sup(piece.text, 6)
            else:
                pdf.write(6, piece)
        pdf.ln(8)
    pdf.set_y(pdf.h - 20 - 5 * len(notes))
    pdf.set_font("U", size=9)
    for n, text in enumerate(notes, 1):
        sup(str(n), 5)
        pdf.write(5, f" {text}")
        pdf.ln(5)
    pdf.set_y(-12)
    pdf.set_font("U", size=9)
    pdf.cell(0, 6, "1", align="C")
    pdf.output(str(path))
    return path


def build_pdf_report(paragraphs: list[list[str | Footnote]], path: Path, font: Path) -> Path:
    """A multi-page PDF laid out like Word prints a report: paragraphs, raised note numbers,
    each page's notes in small print at its foot, a page number under them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("U", fname=str(font))
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 20, 20)
    bottom = pdf.h - 20
    page_notes: list[tuple[int, str, float]] = []
    count = 0

    def sup(text: str, height: float) -> None:
        pdf.char_vpos = "SUP"
        pdf.write(height, text)
        pdf.char_vpos = "LINE"

    def note_height(n: int, text: str) -> float:
        pdf.set_font("U", size=9)
        return pdf.multi_cell(0, 4.5, f"{n} {text}", dry_run=True, output="HEIGHT") + 1

    def finish_page() -> None:
        if page_notes:
            pdf.set_y(bottom - sum(h for _n, _t, h in page_notes))
            pdf.set_font("U", size=9)
            for n, text, _h in page_notes:
                sup(str(n), 4.5)
                pdf.write(4.5, f" {text}")
                pdf.ln(5.5)
        pdf.set_y(-14)
        pdf.set_font("U", size=9)
        pdf.cell(0, 6, str(pdf.page_no()), align="C")
        page_notes.clear()

    pdf.add_page()
    for paragraph in paragraphs:
        text = "".join(p for p in paragraph if isinstance(p, str))
        if not text.strip():
            continue
        notes_here = []
        for piece in paragraph:
            if isinstance(piece, Footnote):
                count += 1
                notes_here.append((count, piece.text.replace("\n", " "), note_height(count, piece.text)))
        pdf.set_font("U", size=11)
        height = pdf.multi_cell(0, 6, text, dry_run=True, output="HEIGHT") + 8
        used = sum(h for _n, _t, h in page_notes) + sum(h for _n, _t, h in notes_here)
        if pdf.get_y() + height + used > bottom and pdf.get_y() > 30:
            finish_page()
            pdf.add_page()
        pdf.set_font("U", size=11)
        marks = iter(notes_here)
        for piece in paragraph:
            if isinstance(piece, Footnote):
                sup(str(next(marks)[0]), 6)
            else:
                pdf.write(6, piece)
        pdf.ln(8)
        page_notes.extend(notes_here)
    finish_page()
    pdf.output(str(path))
    return path
