""".pdf: the text layer, page by page; pages without one are OCR'd (read/ocr.py).

Visual lines are joined back into paragraphs and page numbers dropped, so a PDF reads like
the Word text export of the same report.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from baocao.parse.read import ocr
from baocao.parse.read.common import FOOTNOTE_MARK, NEWLINE, UnreadableDocument, sniff
from baocao.parse.read.model import SourceText
from baocao.parse.read.text import _BAD_CONTROL

_PAGE_NUMBER = re.compile(
    r"\s*(?:[-–—]\s*)?(?:(?:trang|page)\s+)?(\d{1,4})(?:\s*(?:/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?\s*",
    re.IGNORECASE,
)


def read_pdf(data: bytes, path: Path) -> SourceText:
    """Text-layer lines of a PDF; pypdf's repair warnings are silenced (the pipeline logs the reason)."""
    import logging

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return _pdf_lines_quiet(data, path)
    finally:
        logger.setLevel(level)


def _pdf_lines_quiet(data: bytes, path: Path) -> SourceText:
    head = data[:1024]
    if b"%PDF-" not in head:
        kind = sniff(data)
        raise UnreadableDocument(
            path, "not a PDF: no %PDF- header" + (f" (the file is {kind})" if kind else "")
        )
    try:
        from pypdf import PdfReader
        from pypdf.errors import FileNotDecryptedError, PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise UnreadableDocument(path, f"PDF support unavailable: {exc}") from exc
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs only restrict printing/copying
            except Exception as exc:
                raise UnreadableDocument(path, f"encrypted PDF: cannot decrypt ({exc})") from exc
            if not opened:
                raise UnreadableDocument(path, "encrypted PDF: a password is required to open it")
        pages = list(reader.pages)
    except UnreadableDocument:
        raise
    except FileNotDecryptedError as exc:
        raise UnreadableDocument(path, f"encrypted PDF: {exc}") from exc
    except (PdfReadError, Exception) as exc:
        raise UnreadableDocument(path, f"damaged PDF: {type(exc).__name__}: {exc}") from exc
    if not pages:
        raise UnreadableDocument(path, "damaged PDF: no pages")

    by_page: list[list[_PdfLine]] = []  # each page's text-layer lines; a scanned page's are OCR'd below
    scanned: list[int] = []  # 1-based numbers of the pages without a text layer
    for number, page in enumerate(pages, 1):
        lines = _drop_page_numbers(_page_lines(page, number, path), len(pages))
        if sum(c.isalnum() for line in lines for c in line.text) < 10 and _has_images(page):
            scanned.append(number)
            lines = []
        by_page.append(lines)
    readable = odd = 0
    for pl in (pl for lines in by_page for pl in lines):
        for c in pl.text:
            if c.isalnum():
                readable += 1
            elif _BAD_CONTROL.match(c) or "\ue000" <= c <= "\uf8ff" or c == "\ufffd":
                odd += 1
    notes: list[str] = []
    if scanned:
        sizes = {n: _size_in(pages[n - 1]) for n in scanned}
        got = ocr.ocr_pages(data, path, scanned, len(pages), sizes)
        notes.append(got.note)
        for number, found in got.pages.items():
            by_page[number - 1] = [_PdfLine(t, 0, 10**6, True, conf=c) for t, c in found]
            readable += sum(c.isalnum() for t, _ in found for c in t)
    page_lines = [pl for lines in by_page for pl in lines]
    if readable < 10:
        what = "OCR found no text in the page images" if scanned else "no page images to OCR either"
        raise UnreadableDocument(path, f"no text layer: {len(pages)} page(s) without extractable text; {what}")
    if odd > readable:
        raise UnreadableDocument(
            path, "no usable text layer: the fonts have no Unicode mapping (garbled text)"
        )
    lines, confs = _reflow(page_lines)
    return SourceText(lines, ocr={i: c for i, c in enumerate(confs) if c is not None}, notes=notes)


def _has_images(page) -> bool:
    """A page that draws an image (a scan) rather than nothing at all."""
    try:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        return any(xobjects[k].get("/Subtype") in ("/Image", "/Form") for k in xobjects)
    except Exception:  # noqa: BLE001 - odd resources: let OCR try
        return True


def _size_in(page) -> tuple[float, float]:
    try:
        box = page.mediabox
        return float(box.width) / 72, float(box.height) / 72
    except Exception:  # noqa: BLE001
        return 8.27, 11.69


@dataclass
class _PdfLine:
    text: str
    length: int  # the visual line's extent in characters (layout mode), indent included
    width: int  # the page's text width in characters
    indented: bool  # starts right of the page's left margin: a new paragraph (first-line indent)
    note: bool = False  # a footnote from the page foot: goes after the body
    broken: bool = False  # a footnote mark ended it: the paragraph goes on on a new line
    conf: float | None = None  # OCR confidence (0-1) of a line read from a page image

    def wraps_into(self, nxt: _PdfLine) -> bool:
        """This line ended only because the next word did not fit (justified: it is full)."""
        if self.broken:
            return False
        first_word = nxt.text.split(" ", 1)[0]
        return self.length >= 0.85 * self.width or self.length + 1 + len(first_word) >= 0.92 * self.width


_CELL_GAP = re.compile(r" {4,}")  # layout mode: a column gap
_SPACES = re.compile(r"  +")  # layout mode: justified text's wide word spacing
_ITEM_START = re.compile(
    r"(?:[-+•*–—·]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)/-]\s|\(?[a-zđ][.)]\s|[IVXLC]{1,5}[.\-–/]\s)"
)


def _page_lines(page, number: int, path: Path) -> list[_PdfLine]:
    """One page's non-blank text lines with where they start and end.

    Layout mode keeps table columns apart (they become ' | ', like docx rows) and tells the
    line's extent; pypdf's plain mode is the fallback when layout extraction fails. Footnote
    marks (small raised digits) break the line, and the notes at the page foot become
    '\ufffd text' lines, as in Word's text export.
    """
    try:
        text = page.extract_text(extraction_mode="layout") or ""
        layout = True
    except Exception:
        layout = False
        try:
            text = page.extract_text() or ""
        except Exception as exc:
            raise UnreadableDocument(
                path, f"damaged PDF: page {number}: {type(exc).__name__}: {exc}"
            ) from exc
    notes: dict[str, str] = {}
    if layout and _NOTE_LINE.search(text):
        text, notes = _mark_footnotes(page, text)
    raws = [r.rstrip() for r in NEWLINE.split(text) if r.strip() and r.strip() != _MARK]
    if not raws:
        return []
    # classify: everything from the first note start down is the page foot's notes
    kinds: list[bool] = []
    heads: list[str] = []
    in_notes = False
    for r in raws:
        stripped = r.strip()
        m = _NOTE_START.match(stripped) if notes else None
        if m and m.group(1) in notes and m.group(2).startswith(notes[m.group(1)][:6]):
            in_notes = True
            stripped = f"{FOOTNOTE_MARK} {m.group(2)}"
        kinds.append(in_notes)
        heads.append(stripped)
    widths = {}
    for kind in (False, True):  # notes are in smaller print: their own line width
        lengths = sorted(len(r) for r, k in zip(raws, kinds, strict=True) if k == kind)
        if lengths:
            widths[kind] = lengths[int(0.95 * (len(lengths) - 1))]  # robust to a stray wide line
    margin = min(len(r) - len(r.lstrip()) for r in raws)
    out: list[_PdfLine] = []
    for r, kind, stripped in zip(raws, kinds, heads, strict=True):
        indented = layout and len(r) - len(r.lstrip()) > margin + 1
        pieces = stripped.split(_MARK)
        broken_at_end = len(pieces) > 1 and not pieces[-1].strip()
        if broken_at_end:
            pieces.pop()  # a mark at the end of the line: the paragraph breaks there
        kept = [_SPACES.sub(" ", _CELL_GAP.sub(" | ", p.strip())) if layout else p.strip() for p in pieces]
        kept = [p for p in kept if p]
        for k, piece in enumerate(kept):
            last = k == len(kept) - 1
            out.append(
                _PdfLine(
                    piece,
                    length=len(r),
                    width=widths[kind],
                    indented=indented and k == 0,
                    note=kind,
                    broken=not last or broken_at_end,
                )
            )
    return out


_MARK = "\x00"  # where a footnote mark stood in the page text
_NOTE_LINE = re.compile(r"(?m)^\s*\d{1,3}\s*[^\W\d_]")  # a line that may be a footnote (cheap pre-check)
_NOTE_START = re.compile(r"(\d{1,3})\s*(\S.*)")
_EXPONENT_BASE = re.compile(r"(?:^|[^\w]|\d)[kcdmµμ]?m$")


def _mark_footnotes(page, text: str) -> tuple[str, dict[str, str]]:
    """Find footnote marks by font size: a small number set in body text, and the same small
    number starting a small-print line (the note). Only numbers found both ways count, so a
    superscript in 'm2' is left alone. Returns the text with _MARK at the marks, and the notes'
    numbers -> first words.
    """
    frags: list[tuple[str, float, float]] = []  # text, y, effective size

    def visit(t: str, cm, tm, font, size) -> None:
        if t.strip():
            scale = (abs(tm[3]) or 1.0) * (abs(cm[3]) or 1.0)
            frags.append((t, tm[5] * (cm[3] or 1.0) + cm[5], size * scale))

    try:
        page.extract_text(visitor_text=visit)
    except Exception:
        return text, {}
    weights: dict[float, int] = {}
    for t, _y, size in frags:
        weights[round(size, 1)] = weights.get(round(size, 1), 0) + len(t.strip())
    if not weights:
        return text, {}
    body = max(weights, key=weights.get)
    body_marks: list[tuple[str, str, str]] = []  # text before, the mark's digits, text after
    notes: dict[str, str] = {}
    for i, (t, y, size) in enumerate(frags):
        digits = t.strip()
        if not (digits.isdigit() and len(digits) <= 3 and size <= 0.8 * body):
            continue
        prev = frags[i - 1] if i else None
        nxt = frags[i + 1] if i + 1 < len(frags) else None
        prev_on_line = prev is not None and abs(prev[1] - y) < body
        next_on_line = nxt is not None and abs(nxt[1] - y) < body
        prev_body = prev is not None and prev[2] >= 0.9 * body
        next_body = nxt is not None and nxt[2] >= 0.9 * body
        if (prev_on_line and prev_body) or (next_on_line and next_body and prev_body):
            if prev is not None and not _EXPONENT_BASE.search(prev[0].rstrip()):  # m², km² are no marks
                body_marks.append((prev[0].rstrip()[-12:], digits, nxt[0][:3] if nxt else ""))
        elif not prev_on_line and next_on_line and not next_body:
            notes[digits] = nxt[0].strip()
    notes = {d: first for d, first in notes.items() if any(d == m for _tail, m, _head in body_marks)}
    cursor = 0
    done: set[str] = set()
    for tail, digits, head in body_marks:
        if digits not in notes or digits in done:
            continue
        done.add(digits)
        for before, after in ((tail, head), (tail, ""), (tail[-4:], head), (tail[-4:], "")):
            found = re.compile(re.escape(before) + r"\s*(" + digits + ")" + re.escape(after)).search(
                text, cursor
            )
            if found and (after or not (found.end(1) < len(text) and text[found.end(1)].isdigit())):
                text = text[: found.start(1)] + _MARK + text[found.end(1) :]
                cursor = found.start(1) + 1
                break
    return text, notes


def _reflow(lines: list[_PdfLine]) -> tuple[list[str], list[float | None]]:
    """Join the visual lines of a paragraph back into one line, like the Word text export has it.

    A line continues the previous one when that reached the right margin and this one is not
    indented, not a list item / heading number / footnote, and neither is a table row. Notes
    from the page feet follow the body, after a blank line. The second list is each line's
    OCR confidence (None for the text layer).
    """

    def join(part: list[_PdfLine]) -> tuple[list[str], list[float | None]]:
        out: list[str] = []
        confs: list[float | None] = []
        prev: _PdfLine | None = None
        for line in part:
            if (
                prev is not None
                and prev.wraps_into(line)
                and not line.indented
                and " | " not in line.text
                and " | " not in prev.text
                and not _ITEM_START.match(line.text)
                and not line.text.startswith(FOOTNOTE_MARK)
            ):
                out[-1] += " " + line.text
            else:
                out.append(line.text)
                confs.append(line.conf)
            prev = line
        return out, confs

    body, body_conf = join([line for line in lines if not line.note])
    notes, notes_conf = join([line for line in lines if line.note])
    if notes and body and body[-1].strip():
        body.append("")
        body_conf.append(None)
    return body + notes, body_conf + notes_conf


def _drop_page_numbers(lines: list[_PdfLine], n_pages: int) -> list[_PdfLine]:
    """Drop a page-number-only line ('3', '- 3 -', 'Trang 3/12') at the top or bottom of a page."""
    if not lines:
        return lines
    drop = set()
    for i in {0, len(lines) - 1}:
        m = _PAGE_NUMBER.fullmatch(lines[i].text)
        if m and 0 < int(m.group(1)) <= n_pages + 10:
            drop.add(i)
    return [line for i, line in enumerate(lines) if i not in drop]
