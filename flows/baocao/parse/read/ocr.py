"""OCR of scanned PDF pages: Tesseract with its Vietnamese data, page by page, bounded.

Only pages without a text layer come here. Each is rendered to a grey image by poppler's
`pdftoppm` (at most `BAOCAO_OCR_DPI`, 300, fewer dots when the page is so large that the image
would exceed `BAOCAO_OCR_MAX_PIXELS`) and read by `tesseract -l vie` as TSV, which gives
every word a confidence; a paragraph of the page becomes one line whose confidence is the
mean of its words'. Both tools run as child processes with a deadline each; a document
with more scanned pages than `BAOCAO_OCR_MAX_PAGES` is refused, not read for hours.

OCR misreads digits in known ways: `O`/`o` for 0 and `l`/`I` for 1 inside a number, a
thousands dot read as a comma. `fix_numbers` repairs them only where the context leaves
one reading (letters between digits, a grouping that is not a Vietnamese number).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from baocao.parse.read.common import DeadlinePassed, UnreadableDocument, run_bounded


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def limits() -> tuple[int, int, int, int]:
    """(max scanned pages, dpi, max pixels per page, seconds per page), read when a file is
    read: BAOCAO_OCR_MAX_PAGES (300), BAOCAO_OCR_DPI (300), BAOCAO_OCR_MAX_PIXELS (40 M),
    BAOCAO_OCR_PAGE_TIMEOUT_SECONDS (120)."""
    return (_env_int("BAOCAO_OCR_MAX_PAGES", 300), _env_int("BAOCAO_OCR_DPI", 300),
            _env_int("BAOCAO_OCR_MAX_PIXELS", 40_000_000), _env_int("BAOCAO_OCR_PAGE_TIMEOUT_SECONDS", 120))


LANGUAGE = "vie"
INSTALL_HINT = "install tesseract-ocr, tesseract-ocr-vie and poppler-utils (`make system-deps`)"


@dataclass
class OcrResult:
    pages: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # page -> (line, confidence)
    note: str = ""


def available() -> str | None:
    """None when OCR can run here, else what is missing."""
    missing = [tool for tool in ("tesseract", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        return f"{' and '.join(missing)} not installed"
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not run ({exc})"
    if LANGUAGE not in langs.split():
        return f"tesseract has no '{LANGUAGE}' language data"
    return None


def ocr_pages(data: bytes, path: Path, pages: list[int], page_count: int,
              page_sizes: dict[int, tuple[float, float]] | None = None) -> OcrResult:
    """OCR the given 1-based pages of a PDF; UnreadableDocument when OCR cannot or may not run."""
    max_pages, max_dpi, max_pixels, page_timeout = limits()
    if len(pages) > max_pages:
        raise UnreadableDocument(
            path, f"no text layer (scanned PDF?) on {len(pages)} page(s): more than the OCR limit of "
                  f"{max_pages} pages (BAOCAO_OCR_MAX_PAGES)")
    missing = available()
    if missing:
        raise UnreadableDocument(
            path, f"no text layer (scanned PDF?) on {len(pages)} of {page_count} page(s) and OCR is not "
                  f"available: {missing}; {INSTALL_HINT}")
    out = OcrResult()
    with tempfile.TemporaryDirectory(prefix="baocao-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        for number in pages:
            w_in, h_in = (page_sizes or {}).get(number, (8.27, 11.69))
            dpi = int(min(max_dpi, (max_pixels / max(w_in * h_in, 1e-6)) ** 0.5))
            if dpi < 50:
                raise UnreadableDocument(path, f"page {number} is too large to OCR ({w_in:.0f} x {h_in:.0f} in)")
            image = Path(tmp) / f"p{number}"
            _run(["pdftoppm", "-r", str(dpi), "-f", str(number), "-l", str(number), "-gray", "-png",
                  "-singlefile", str(pdf), str(image)], path, f"rendering page {number}", page_timeout)
            _despeckle(Path(f"{image}.png"))
            tsv = _run(["tesseract", f"{image}.png", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
                       path, f"OCR of page {number}", page_timeout)
            out.pages[number] = [(fix_numbers(text), conf) for text, conf in paragraphs(tsv)]
            (Path(f"{image}.png")).unlink(missing_ok=True)
    first, last = min(pages), max(pages)
    span = f"page {first}" if first == last else f"pages {first}-{last}"
    out.note = f"OCR ({LANGUAGE}) of {len(pages)} scanned page(s) of {page_count}: {span}"
    return out


def _despeckle(png: Path) -> None:
    """A 3x3 median filter: scanner dust and salt-and-pepper noise read as stray dots and
    commas (inside numbers too); strokes of 300 dpi text are wider than it removes."""
    from PIL import Image, ImageFilter

    with Image.open(png) as im:
        im.filter(ImageFilter.MedianFilter(3)).save(png)


def _run(cmd: list[str], path: Path, what: str, timeout_s: int) -> str:
    try:
        code, stdout, stderr = run_bounded(cmd, timeout_s)
    except OSError as exc:
        raise UnreadableDocument(path, f"{what} failed: {exc}") from exc
    except DeadlinePassed:
        raise UnreadableDocument(path, f"{what} timed out after {timeout_s} s") from None
    if code != 0:
        tail = stderr.splitlines()[-1:] or ["no message"]
        raise UnreadableDocument(path, f"{what} failed (exit {code}): {tail[0]}")
    return stdout.decode("utf-8", "replace")


def paragraphs(tsv: str) -> list[tuple[str, float]]:
    """Tesseract TSV -> one (text, confidence 0-1) per paragraph, in reading order."""
    order: list[tuple[int, int, int]] = []
    words: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        key = (int(row["page_num"]), int(row["block_num"]), int(row["par_num"]))
        if key not in words:
            order.append(key)
            words[key] = []
        try:
            conf = max(0.0, float(row.get("conf") or 0)) / 100
        except ValueError:
            conf = 0.0
        words[key].append((text, conf))
    out = []
    for key in order:
        ws = words[key]
        out.append((" ".join(w for w, _ in ws), round(sum(c for _, c in ws) / len(ws), 3)))
    return out


# A letter OCR puts for a digit, between digits or a digit and a decimal/thousands mark.
_LOOKALIKE = re.compile(r"(?<=[\d.,])[Oo](?=[\d.,]*\d)|(?<=\d)[Oo](?=\b)|(?<=[\d.,])[lI|](?=[\d.,]*\d)")
_DIGIT_FOR = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}
# '13,603,4' : two commas where the first must be a thousands dot (Vietnamese '13.603,4')
_COMMA_GROUPS = re.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+),(\d{1,2})(?![\d.,])")


def fix_numbers(text: str) -> str:
    """Repair digits OCR misread, only where one reading is possible: '1O2,5' -> '102,5',
    '2.l00' -> '2.100', '13,603,4' -> '13.603,4'."""
    text = _LOOKALIKE.sub(lambda m: _DIGIT_FOR[m.group(0)], text)
    return _COMMA_GROUPS.sub(lambda m: m.group(1) + m.group(2).replace(",", ".") + "," + m.group(3), text)
