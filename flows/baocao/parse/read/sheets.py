"""Excel annexes (.xlsx by openpyxl, .xls by xlrd): every visible sheet as one table.

Cells hold stored values, not the text Excel shows: a number is the number (a cell with a
percent format stored as 1.023 is 102.3), a formula is its cached result. Each row is also
written as a text line (cells joined by ' | ', numbers the Vietnamese way without grouping),
so a fact's anchor is a line and column like in any other report; a blank line separates
sheets. openpyxl parses the workbook XML through defusedxml (no entity expansion), and
the zip is checked for bombs before it is opened.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path

from baocao.parse.read.common import (
    MAX_UNPACKED_BYTES,
    OLE2,
    UnreadableDocument,
    check_zip,
    render_number,
    sniff,
)
from baocao.parse.read.model import Cell, SourceText, Table

MAX_CELLS = 2_000_000  # a sheet larger than this is not an annex of a report


def read_xlsx(data: bytes, path: Path, max_unpacked: int = MAX_UNPACKED_BYTES) -> SourceText:
    check_zip(data, path, max_unpacked, what="an Excel workbook", main_part="xl/workbook.xml")
    import openpyxl
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise UnreadableDocument(path, "refusing to parse Excel XML without defusedxml installed")
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False, keep_links=False)
    except UnreadableDocument:
        raise
    except Exception as exc:  # defusedxml's EntitiesForbidden, malformed XML, missing parts ...
        raise UnreadableDocument(path, f"damaged or unsafe Excel workbook: {type(exc).__name__}: {exc}") from exc
    sheets = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        if ws.max_row * ws.max_column > MAX_CELLS:
            raise UnreadableDocument(path, f"sheet {ws.title!r} has {ws.max_row} x {ws.max_column} cells (limit {MAX_CELLS})")
        grid = [[_xlsx_cell(c) for c in row] for row in ws.iter_rows()]
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        sheets.append((ws.title, grid, merges))
    return render_sheets(sheets, path)


def _xlsx_cell(c) -> Cell:
    v = c.value
    if v is None:
        return Cell("")
    if isinstance(v, bool):
        return Cell(str(v))
    if isinstance(v, int | float):
        percent = "%" in (c.number_format or "")
        return _number_cell(float(v), percent)
    if isinstance(v, datetime | date | time):
        return Cell(v.isoformat())
    return Cell(" ".join(str(v).split()))


def _number_cell(v: float, percent: bool) -> Cell:
    if percent:
        v = round(v * 100, 9)
        return Cell(render_number(v) + "%", value=v)
    return Cell(render_number(v), value=v)


def read_xls(data: bytes, path: Path) -> SourceText:
    if not data.startswith(OLE2):
        kind = sniff(data)
        raise UnreadableDocument(path, "not an Excel 97-2003 workbook" + (f": the file is {kind}" if kind else ""))
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:  # XLRDError, CompDocError, struct errors on damaged files
        raise UnreadableDocument(path, f"damaged Excel 97-2003 workbook: {type(exc).__name__}: {exc}") from exc
    sheets = []
    for i in range(book.nsheets):
        sh = book.sheet_by_index(i)
        if sh.visibility != 0:
            continue
        if sh.nrows * sh.ncols > MAX_CELLS:
            raise UnreadableDocument(path, f"sheet {sh.name!r} has {sh.nrows} x {sh.ncols} cells (limit {MAX_CELLS})")
        grid = [[_xls_cell(book, sh, r, c) for c in range(sh.ncols)] for r in range(sh.nrows)]
        merges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sh.merged_cells]
        sheets.append((sh.name, grid, merges))
    return render_sheets(sheets, path)


def _xls_cell(book, sh, r: int, c: int) -> Cell:
    import xlrd

    cell = sh.cell(r, c)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return Cell("")
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
        return _number_cell(float(cell.value), "%" in (fmt.format_str if fmt else ""))
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return Cell(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode).isoformat())
        except Exception:  # noqa: BLE001 - an impossible date: keep the serial
            return Cell(render_number(cell.value))
    return Cell(" ".join(str(cell.value).split()))


def render_sheets(sheets: list[tuple[str, list[list[Cell]], list[tuple[int, int, int, int]]]], path: Path) -> SourceText:
    """Sheets -> lines (a row per line, a blank line between sheets) and one Table per sheet."""
    lines: list[str] = []
    tables: list[Table] = []
    for name, grid, merges in sheets:
        width = max((len(r) for r in grid), default=0)
        for r in grid:
            r.extend(Cell("") for _ in range(width - len(r)))
        for r0, c0, r1, c1 in merges:  # a merged range repeats its first cell's text
            if r0 >= len(grid) or c0 >= width:
                continue
            first = grid[r0][c0]
            for r in range(r0, min(r1, len(grid) - 1) + 1):
                for c in range(c0, min(c1, width - 1) + 1):
                    if (r, c) != (r0, c0):
                        grid[r][c] = Cell(first.text, origin=False)
        used = [c for c in range(width) if any(row[c].text and row[c].origin for row in grid)]
        if not used:
            continue
        first_col, last_col = used[0], used[-1]
        if lines:
            lines.append("")
        row_lines: list[int | None] = []
        rows: list[list[Cell]] = []
        for row in grid:
            row = row[first_col:last_col + 1]
            rows.append(row)
            texts, offset = [], 0
            for cell in row:
                shown = cell.text if cell.origin else ""
                if cell.origin:
                    cell.col = offset
                texts.append(shown)
                offset += len(shown) + 3
            while texts and not texts[-1]:
                texts.pop()  # no trailing ' |  | ' after a title row
            if any(texts):
                lines.append(" | ".join(texts))
                row_lines.append(len(lines) - 1)
            else:
                row_lines.append(None)
        tables.append(Table(name=name, rows=rows, row_lines=row_lines))
    if not lines:
        raise UnreadableDocument(path, "empty workbook: no visible sheet has any cell")
    return SourceText(lines, tables=tables)
