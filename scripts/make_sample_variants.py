"""Make a .docx and a .pdf version of a sample report for tests and benchmarks.

    .venv/bin/python scripts/make_sample_variants.py [SAMPLE.txt] [--out tests/fixtures]

The sample is a Word text export: body lines, then footnotes as lines starting with U+FFFD,
with a line break in the body where each footnote mark stood. The .docx turns every body line
into a paragraph and every footnote into a real Word footnote whose reference sits at one of
those breaks (the exact mark positions are not in the export: breaks where the next line goes
on mid-sentence are taken first), so `read_lines(docx)` gives back the same body lines and the
footnotes. The .pdf (fpdf2, a Vietnamese TTF) is laid out like Word prints it: the same
paragraphs and raised note numbers, each page's notes at its foot, page numbers; the reader has
to rejoin wrapped lines, drop page numbers and move the notes after the body.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = REPO / "data" / "samples" / "004_ee7c119a26ba9ad1.txt"
MARK = "\ufffd"
SENTENCE_END = tuple('.:;!?…)”"')


def _builders():
    """tests/parse/read_builders.py, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "read_builders", REPO / "tests" / "parse" / "read_builders.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["read_builders"] = module
    spec.loader.exec_module(module)
    return module


def split_export(lines: list[str]) -> tuple[list[str], list[str]]:
    """Body lines and footnote texts (a footnote's further paragraphs joined with newlines)."""
    first = next((i for i, line in enumerate(lines) if line.startswith(MARK)), len(lines))
    body, notes = lines[:first], []
    for line in lines[first:]:
        if line.startswith(MARK):
            notes.append(line[1:].strip())
        elif line.strip() and notes:
            notes[-1] += "\n" + line.strip()
    while body and not body[-1].strip():
        body.pop()
    return body, notes


def mark_positions(body: list[str], k: int) -> list[int]:
    """k line indices i after which a footnote mark broke the line (i and i+1 are one paragraph)."""

    def cont(i: int) -> int:
        a, b = body[i], body[i + 1]
        if not a.strip() or not b.strip():
            return 0
        if b[0].islower() or b[0] in ",.;:)":
            return 2  # the sentence goes on: surely a mark
        return 1 if not a.rstrip().endswith(SENTENCE_END) else 0

    ranked = sorted((i for i in range(len(body) - 1) if cont(i)), key=lambda i: (-cont(i), i))
    chosen: list[int] = []
    for i in ranked:  # one mark per break, no two marks in a row (i+1 must start a paragraph piece)
        if len(chosen) == k:
            break
        if i - 1 not in chosen and i + 1 not in chosen:
            chosen.append(i)
    return sorted(chosen)


def paragraphs_with_marks(body: list[str], notes: list[str], rb) -> list[list]:
    """Body lines as paragraphs, each footnote's reference at one of the chosen breaks."""
    positions = set(mark_positions(body, len(notes)))
    paragraphs: list[list] = []
    pieces: list = []
    note_iter = iter(notes)
    for i, line in enumerate(body):
        pieces.append(line)
        if i in positions:
            pieces.append(rb.Footnote(next(note_iter)))
            continue
        paragraphs.append(pieces)
        pieces = []
    if pieces:
        paragraphs.append(pieces)
    leftover = list(note_iter)
    if leftover:  # fewer breaks than notes: the rest hang on the last paragraph
        paragraphs[-1].extend(rb.Footnote(n) for n in leftover)
    return paragraphs


def make_docx(body: list[str], notes: list[str], out: Path, rb) -> Path:
    spec = rb.DocxSpec(blocks=[("p", p) for p in paragraphs_with_marks(body, notes, rb)])
    return rb.build_docx(spec, out)


def make_pdf(body: list[str], notes: list[str], out: Path, rb) -> Path:
    font = rb.unicode_font()
    if font is None:
        raise SystemExit("no Vietnamese TTF font found (apt-get install fonts-dejavu-core)")
    return rb.build_pdf_report(paragraphs_with_marks(body, notes, rb), out, font)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sample", nargs="?", type=Path, default=DEFAULT_SAMPLE)
    ap.add_argument("--out", type=Path, default=REPO / "tests" / "fixtures")
    args = ap.parse_args(argv)
    rb = _builders()
    text = args.sample.read_text(encoding="utf-8-sig")
    lines = [unicodedata.normalize("NFC", line.rstrip("\r")) for line in text.split("\n")]
    body, notes = split_export(lines)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.sample.stem
    for path in (
        make_docx(body, notes, args.out / f"{stem}.docx", rb),
        make_pdf(body, notes, args.out / f"{stem}.pdf", rb),
    ):
        print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
