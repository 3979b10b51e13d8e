"""The parsing library: a report file in, a `ParsedDocument` of facts out.

Pure Python, no Prefect, no warehouse: every rule can be tested sentence by sentence.
  read.py       file (txt/md/docx/pdf, any encoding) -> NFC lines
  extract.py    lines -> facts (numbers, units, measure, period, place, indicator)
"""

from baocao.parse.extract import parse_lines
from baocao.parse.model import DocumentInfo, Fact, ParsedDocument
from baocao.parse.read import SUPPORTED_SUFFIXES, UnreadableDocument, read_lines


def parse_file(path) -> ParsedDocument:
    """Read a report and extract its facts; raises UnreadableDocument with the reason."""
    from pathlib import Path

    path = Path(path)
    lines = read_lines(path)
    return parse_lines(lines, source_name=path.name)


__all__ = [
    "SUPPORTED_SUFFIXES",
    "DocumentInfo",
    "Fact",
    "ParsedDocument",
    "UnreadableDocument",
    "parse_file",
    "parse_lines",
    "read_lines",
]
