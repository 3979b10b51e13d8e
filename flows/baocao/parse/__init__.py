"""The parsing library: a report file in, a `ParsedDocument` of facts out.

Pure Python, no Prefect, no warehouse: every rule can be tested sentence by sentence.
  read/          file (txt/md/docx/pdf/xlsx/xls/doc/rtf, scans by OCR) -> NFC lines + table grids
  extract.py     lines -> facts: orchestrates the rules below, paragraph by paragraph
  tables.py      annex tables read by their header: one fact per numeric cell
  structure.py   headings -> section path/period/measure, footnotes, Word line breaks
  docinfo.py     title, kind, issuer, place, date, period of the document
  sentences.py   sentence / clause / segment spans
  numbers.py     Vietnamese number literals, ranges, pairs
  units.py       unit words and counted nouns (catalog/unit_words.csv, counted_nouns.txt)
  meaning.py     not-a-fact reasons; measure, compared_to, qualifier (catalog/cue_words.csv,
                 label_words.csv)
  periods.py     clause periods
  places.py      gazetteer index, place mentions, the document's place
  indicators.py  indicator phrase -> catalogue code (indicators.csv, indicator_aliases.csv,
                 abbreviations.csv, indicator_context.csv)
  vocab.py       loads the cue-word lists once
"""

from baocao.parse.extract import parse_lines
from baocao.parse.model import DocumentInfo, Fact, ParsedDocument
from baocao.parse.read import SUPPORTED_SUFFIXES, UnreadableDocument, read_document, read_lines


def parse_file(path) -> ParsedDocument:
    """Read a report and extract its facts; raises UnreadableDocument with the reason."""
    from pathlib import Path

    path = Path(path)
    src = read_document(path)
    parsed = parse_lines(src.lines, source_name=path.name, tables=src.tables, ocr=src.ocr)
    parsed.notes = src.notes
    return parsed


__all__ = [
    "SUPPORTED_SUFFIXES",
    "DocumentInfo",
    "Fact",
    "ParsedDocument",
    "UnreadableDocument",
    "parse_file",
    "parse_lines",
    "read_document",
    "read_lines",
]
