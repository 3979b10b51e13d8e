"""Turn a report file into NFC-normalised text lines, and its tables into grids.

One reader per format, all ending in the same `SourceText`:
  text.py     .txt/.md: the file's own lines, encoding detected (never assumed)
  docx.py     .docx: paragraphs, tables (also as grids), footnotes as Word's text export has them
  pdf.py      .pdf: the text layer; pages without one go to ocr.py
  ocr.py      scanned pages: Tesseract (vie), bounded in pages, pixels and time
  sheets.py   .xlsx (openpyxl) and .xls (xlrd): every visible sheet as a table
  convert.py  .doc/.rtf/.odt: LibreOffice headless -> .docx (antiword for .doc text as fallback)

Line numbers matter: a fact's anchor is (line, col) in these lines, which for .txt/.md are
the lines of the file itself (line i of the list is line i+1 of the file: only decoded,
NFC-normalised, look-alike letters replaced (see `normalise`) and with the line ending removed; nothing is joined, stripped or dropped).

Every failure is an `UnreadableDocument` carrying a human reason (the pipeline quarantines
the file and shows the reason); nothing here returns an empty list.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

from baocao.parse.read import convert, ocr
from baocao.parse.read.common import (
    FOOTNOTE_MARK,
    MAX_BYTES,
    MAX_UNPACKED_BYTES,
    OLE2,
    UnreadableDocument,
    mb,
    sniff,
)
from baocao.parse.read.docx import read_docx
from baocao.parse.read.model import Cell, SourceText, Table
from baocao.parse.read.pdf import read_pdf
from baocao.parse.read.sheets import read_xls, read_xlsx
from baocao.parse.read.text import decode_text, read_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".xlsx", ".xls", ".doc", ".rtf", ".odt")
CONVERTED = (".doc", ".rtf", ".odt")


def read_document(
    path: Path | str, *, max_bytes: int = MAX_BYTES, max_unpacked_bytes: int = MAX_UNPACKED_BYTES
) -> SourceText:
    """Read a report of any supported format; raise UnreadableDocument with the reason.

    The size limit is checked before anything is read, so a huge upload costs nothing;
    `max_unpacked_bytes` bounds what a zip container may declare uncompressed (zip bombs).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(
            path,
            f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}",
        )
    data = _read_bytes(path, max_bytes)
    if suffix in (".txt", ".md"):
        src = read_text(data, path)
    elif suffix == ".docx" and data.startswith(OLE2):  # a .doc saved under .docx: convert it
        src = _converted(data, path, ".doc", max_unpacked_bytes)
    elif suffix == ".docx":
        src = read_docx(data, path, max_unpacked_bytes)
    elif suffix == ".pdf":
        src = read_pdf(data, path)
    elif suffix in (".xlsx", ".xls"):  # offices rename freely between the two
        src = read_xls(data, path) if data.startswith(OLE2) else read_xlsx(data, path, max_unpacked_bytes)
    else:
        src = _converted(data, path, suffix, max_unpacked_bytes)
    src.lines = [normalise(line) for line in src.lines]
    for table in src.tables:
        table.caption = [normalise(c) for c in table.caption]
        for row in table.rows:
            for cell in row:
                cell.text = normalise(cell.text)
    if not any(line.strip() for line in src.lines):
        raise UnreadableDocument(path, "no text: the file contains only whitespace")
    return src


# Letters some pages (and fonts) put in place of Vietnamese ones: Icelandic eth 'Ð'/'ð' for
# 'Đ'/'đ' (they look alike). One character for one, so columns stay put.
LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def normalise(line: str) -> str:
    """A line as the parser reads it: NFC, and look-alike letters replaced by the Vietnamese ones."""
    return unicodedata.normalize("NFC", line).translate(LOOKALIKES)


def formats() -> list[tuple[str, str | None]]:
    """Each format and what is missing on this machine to read it (None: ready)."""
    lo = convert.soffice() is not None
    doc = None if lo else ("LibreOffice not installed: read by antiword, tables as text" if shutil.which("antiword")
                           else "neither LibreOffice nor antiword installed")
    rtf = None if lo else "LibreOffice (libreoffice-writer-nogui) not installed"
    return [
        (".txt .md", None),
        (".docx (tables too)", None),
        (".pdf (text layer)", None),
        (".xlsx .xls (annex workbooks)", None),
        (".doc", doc),
        (".rtf .odt", rtf),
        ("scanned .pdf (OCR)", ocr.available()),
    ]


def read_lines(
    path: Path | str, *, max_bytes: int = MAX_BYTES, max_unpacked_bytes: int = MAX_UNPACKED_BYTES
) -> list[str]:
    """The report's text lines (see read_document)."""
    return read_document(path, max_bytes=max_bytes, max_unpacked_bytes=max_unpacked_bytes).lines


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if not path.is_file():
            raise UnreadableDocument(path, "not a file" if path.exists() else "file not found")
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableDocument(
                path,
                f"file too large: {mb(size)} exceeds the limit of {mb(max_bytes)} ({size} > {max_bytes} bytes)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot open: {exc.strerror or exc}") from exc
    if not data:
        raise UnreadableDocument(path, "empty file (0 bytes)")
    if len(data) > max_bytes:  # grew between stat and read
        raise UnreadableDocument(path, f"file too large: {mb(len(data))} exceeds the limit of {mb(max_bytes)}")
    return data


def _converted(data: bytes, path: Path, suffix: str, max_unpacked_bytes: int) -> SourceText:
    """A legacy file through LibreOffice to .docx (antiword's text for a .doc without it)."""
    if suffix == ".doc" and not data.startswith(OLE2):
        kind = sniff(data)
        if kind is None or "RTF" in kind:  # Word happily saves RTF or text under .doc
            suffix = ".rtf" if kind else ".txt"
            if suffix == ".txt":
                return read_text(data, path)
        elif "zip" in kind:
            return read_docx(data, path, max_unpacked_bytes)
        else:
            raise UnreadableDocument(path, f"not a Word document: the file is {kind}")
    if convert.soffice() is None and suffix == ".doc":
        return convert.doc_text(data, path)
    src = read_docx(convert.to_docx(data, path, suffix), path, max_unpacked_bytes)
    src.notes.append(f"converted from {suffix} by LibreOffice")
    return src


__all__ = [
    "FOOTNOTE_MARK",
    "SUPPORTED_SUFFIXES",
    "Cell",
    "SourceText",
    "Table",
    "UnreadableDocument",
    "decode_text",
    "formats",
    "normalise",
    "read_document",
    "read_lines",
    "sniff",
]
