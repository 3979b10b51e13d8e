"""What a reader hands to the parser: text lines, and the tables found among them.

Every reader renders its file to NFC text lines (a fact's anchor is a line and a column in
them). A table is also kept as a grid, so its cells can be read by their header rather than
as running text; each of its rows is one of the lines (cells joined by ' | ').
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    text: str  # as shown: the cell's text, or a stored number written out ('13603,4', '102,3%')
    value: float | None = None  # the stored number of a spreadsheet cell (a % cell already x100)
    origin: bool = True  # False where a merged cell repeats the text of its first cell
    col: int | None = None  # offset of the cell's text in its row's line


@dataclass
class Table:
    name: str  # 'Bảng 2' (the 2nd table of a Word file) or the sheet's name
    rows: list[list[Cell]]  # a rectangular grid, merged cells repeated with origin=False
    row_lines: list[int | None]  # index in SourceText.lines of each row (None: an empty row)
    caption: list[str] = field(default_factory=list)  # the text just above the table


@dataclass
class SourceText:
    lines: list[str]
    tables: list[Table] = field(default_factory=list)
    ocr: dict[int, float] = field(default_factory=dict)  # line index -> OCR confidence (0-1)
    notes: list[str] = field(default_factory=list)  # how it was read: 'converted from .doc by LibreOffice'
