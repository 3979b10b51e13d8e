"""`baocao export`: the marts as the Excel 'biểu' that offices exchange, one sheet per place.

Rows are indicators with their ĐVT, columns are years × (Kế hoạch | Thực hiện | % so KH), the
values those of mart_target_attainment. The layout is the one the table reader
(parse/tables.py) reads, so an exported workbook ingests back into the same facts: 'STT |
Chỉ tiêu | ĐVT' and 'Năm 2023' over 'Kế hoạch | Thực hiện | % so KH' as the header, the place
with its level word in the title rows, a label and a ĐVT per row that the reader's indicator
and unit matchers map back to the row's code and unit (checked here before writing).
Only whole years are columns: a span ('2016-2020') has no '% so KH' header the reader dates
as the span, so its values would not come back the same.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from baocao.settings import CATALOG_DIR

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MEASURES = ("target", "actual", "attainment_pct")
MEASURE_HEADERS = {"target": "Kế hoạch", "actual": "Thực hiện", "attainment_pct": "% so KH"}
LEVEL_WORD = {"province": "Tỉnh", "district": "Huyện", "commune": "Xã"}
LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2}
# how a qualified value is written in a biểu cell; the reader takes these marks back (tables.QUALIFIER)
QUALIFIER_MARK = {
    "at_least": "≥ ",
    "more_than": "> ",
    "at_most": "≤ ",
    "less_than": "< ",
    "approx": "khoảng ",
}
COUNT_FALLBACK = "số lượng"  # a ĐVT for a count whose noun no report wrote
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
TITLE = "BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI"
HEADER_ROW = 5  # rows 1-3 name the place, row 4 is blank, rows 5-6 are the header
FIRST_VALUE_COL = 4
NUMBER_FORMAT = "#,##0.##"
INTEGER_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0"  # no '%' in the format: the reader would take the stored 102.5 as 10250%


class NothingToExport(Exception):
    """The filters leave nothing to write, or name a place or an indicator the marts lack."""


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    level: str
    unit_type: str | None = None
    full_name: str | None = None
    province_name: str | None = None

    @property
    def titled(self) -> str:
        """'Huyện Cầu Kè': the name with its level word, as the reader finds a place."""
        return f"{self.unit_type or LEVEL_WORD.get(self.level, '')} {self.name}".strip()

    @property
    def line(self) -> str:
        """'Huyện Cầu Kè, Tỉnh Trà Vinh': the title row the reader takes the place from."""
        if self.full_name:
            return self.full_name
        if self.province_name and self.level != "province":
            return f"{self.titled}, Tỉnh {self.province_name}"
        return self.titled


@dataclass(frozen=True)
class Indicator:
    key: str
    name_vi: str
    aliases: tuple[str, ...] = ()
    order: int = 10**6  # position in the catalogue: rows follow it, so domains stay together


@dataclass(frozen=True)
class Unit:
    code: str
    base: str
    multiplier: float
    written: tuple[str, ...]


@dataclass(frozen=True)
class Value:
    value: float
    unit: str | None
    unit_text: str | None = None
    value_high: float | None = None
    qualifier: str = "exact"


@dataclass(frozen=True)
class Record:
    """One row of mart_target_attainment: a place, a year, an indicator (and base unit)."""

    locality_key: str
    year: int
    indicator_key: str
    base_unit: str | None
    target: Value | None
    actual: Value | None
    attainment_pct: float | None  # stated by a report, else computed from actual / target


@dataclass
class Row:
    indicator_key: str
    label: str
    unit: str | None
    dvt: str
    cells: dict[tuple[int, str], Value]  # (year, measure) -> value in the row's unit
    checked: bool  # label and ĐVT map back to the row's code and unit


@dataclass
class SheetPlan:
    title: str
    place: Place
    years: list[int]
    rows: list[Row]


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    sheets: int
    rows: int
    cells: int
    unchecked_rows: int

    def line(self) -> str:
        text = f"wrote {self.path}: {self.sheets} sheet(s), {self.rows} row(s), {self.cells} cell(s)"
        if self.unchecked_rows:
            text += f"; {self.unchecked_rows} row(s) whose label or ĐVT may not read back the same"
        return text


# ------------------------------------------------------------------------------ catalogues


def load_units(path: Path = CATALOG_DIR / "units.csv") -> dict[str, Unit]:
    """units.csv: code -> base, multiplier and written forms (the first is the ĐVT written)."""
    out: dict[str, Unit] = {}
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            written = tuple(w.strip() for w in r["written_as"].split(";") if w.strip() and "…" not in w)
            out[r["code"]] = Unit(r["code"], r["base"], float(r["multiplier"]), written)
    return out


def load_aliases(path: Path = CATALOG_DIR / "indicators.csv") -> dict[str, tuple[int, tuple[str, ...]]]:
    """indicators.csv: code -> (catalogue position, written forms), for labels the reader maps back."""
    out: dict[str, tuple[int, tuple[str, ...]]] = {}
    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for i, r in enumerate(rows):
            out[r["code"]] = (i, tuple(w.strip() for w in r["written_as"].split(";") if w.strip()))
    return out


# ------------------------------------------------------------------------------ reading the marts


def parse_years(text: str) -> tuple[int, int]:
    """'2021-2023' or '2023' -> (first, last)."""
    m = re.fullmatch(r"\s*((?:19|20)\d\d)\s*(?:[-–]\s*((?:19|20)\d\d))?\s*", text)
    if not m:
        raise ValueError(f"years must be YYYY or YYYY-YYYY, not {text!r}")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    return (first, last) if first <= last else (last, first)


def _fold(text: str) -> str:
    """Case, accents and spacing folded, so '--place cau ke' finds Cầu Kè."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def select_places(places: Iterable[Place], wanted: Sequence[str] | None) -> list[Place]:
    """The places named (by name, 'Huyện X', or key), provinces first; all when none is named."""
    pool = sorted(places, key=lambda p: (LEVEL_ORDER.get(p.level, 9), p.province_name or "", p.name, p.key))
    if not wanted:
        return pool
    chosen: list[Place] = []
    for w in wanted:
        exact = [p for p in pool if w.strip() in (p.key, p.name, p.titled)]
        hits = exact or [p for p in pool if _fold(w) in (_fold(p.key), _fold(p.name), _fold(p.titled))]
        if not hits:
            names = ", ".join(sorted({p.titled for p in pool})) or "none"
            raise NothingToExport(f"no target or result for a place named {w!r} (places with data: {names})")
        chosen += [p for p in hits if p not in chosen]
    return [p for p in pool if p in chosen]


def load_records(
    con: duckdb.DuckDBPyConnection,
    *,
    indicators: Sequence[str] | None = None,
    years: tuple[int, int] | None = None,
) -> list[Record]:
    """Targets, results and attainments of whole years at places in the gazetteer; catalogued
    indicators unless `indicators` names codes. Unit texts and range highs come from the chosen
    facts in mart_indicator_values."""
    where = ["p.grain = 'year'", "l.is_in_gazetteer"]
    params: list[object] = []
    if indicators:
        where.append(
            "(list_contains(?, upper(t.indicator_key)) or list_contains(?, upper(i.indicator_code)))"
        )
        codes = [c.strip().upper() for c in indicators]
        params += [codes, codes]
    else:
        where.append("i.is_catalogued")
    if years:
        where.append("p.year_start between ? and ?")
        params += list(years)
    rows = con.execute(
        f"""
        select t.locality_key, p.year_start, t.indicator_key, t.base_unit,
               t.target, t.target_unit, tv.unit_text, tv.value_high, t.target_qualifier,
               t.actual, t.actual_unit, av.unit_text, av.value_high, t.actual_qualifier,
               coalesce(t.attainment_stated_pct, t.attainment_computed_pct)
        from main.mart_target_attainment t
        join main.dim_period p on p.period_key = t.period_key
        join main.dim_locality l on l.locality_key = t.locality_key
        join main.dim_indicator i on i.indicator_key = t.indicator_key
        left join main.mart_indicator_values tv on tv.chosen_fact_id = t.target_fact_id
        left join main.mart_indicator_values av on av.chosen_fact_id = t.actual_fact_id
        where {" and ".join(where)}
        order by t.locality_key, t.indicator_key, p.year_start""",
        params,
    ).fetchall()

    def value(
        v: float | None, unit: str | None, text: str | None, high: float | None, qualifier: str | None
    ) -> Value | None:
        return None if v is None else Value(float(v), unit, text, high, qualifier or "exact")

    return [
        Record(
            r[0],
            int(r[1]),
            r[2],
            r[3],
            value(*r[4:9]),
            value(*r[9:14]),
            None if r[14] is None else float(r[14]),
        )
        for r in rows
    ]


def load_places(con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> list[Place]:
    rows = con.execute(
        """
        select locality_key, name, level, unit_type, full_name, province_name
        from main.dim_locality where list_contains(?, locality_key)""",
        [sorted(set(keys))],
    ).fetchall()
    return [Place(*r) for r in rows]


def load_indicators(con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> dict[str, Indicator]:
    aliases = load_aliases()
    rows = con.execute(
        """
        select indicator_key, coalesce(name_vi, indicator_key) from main.dim_indicator
        where list_contains(?, indicator_key)""",
        [sorted(set(keys))],
    ).fetchall()
    out = {}
    for key, name in rows:
        order, forms = aliases.get(key, (10**6, ()))
        out[key] = Indicator(key, name, forms, order)
    return out


# ------------------------------------------------------------------------------ planning (pure)


def reads_as_unit(text: str) -> str | None:
    """The unit code the table reader gives a ĐVT cell."""
    from baocao.parse.tables import unit_of

    return unit_of(text)[0]


def reads_as_indicator(label: str, unit: str | None) -> str | None:
    """The code the table reader gives a row label (a row that is not a part of another)."""
    from baocao.parse import indicators

    return indicators.match_code([label], unit)


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def choose_label(indicator: Indicator, unit: str | None) -> tuple[str, bool]:
    """The catalogue name when the reader maps it back to the code, else the longest written
    form that does (a few names read as a wider code); (label, maps back)."""
    forms = [indicator.name_vi, *sorted(indicator.aliases, key=len, reverse=True)]
    for form in forms:
        label = _capitalized(form)
        if "(" not in form and reads_as_indicator(label, unit) == indicator.key:
            return label, True
    return _capitalized(indicator.name_vi), False


def choose_dvt(unit: str | None, texts: Sequence[str], units: dict[str, Unit]) -> tuple[str, bool]:
    """The ĐVT cell: the unit as the reports wrote it when it reads back as the same code, else
    the catalogue's written form; (text, reads back)."""
    if unit is None:
        return "", True
    known = units.get(unit)
    candidates = [*texts, *(known.written if known else ())]
    if unit == "COUNT":
        candidates.append(COUNT_FALLBACK)
    for text in candidates:
        if reads_as_unit(text) == unit:
            return text, True
    return (candidates[0] if candidates else unit), False


def _round_sig(v: float, digits: int = 12) -> float:
    return float(f"{v:.{digits}g}")


def _in_unit(v: Value, unit: str | None, units: dict[str, Unit]) -> Value:
    """A value in the row's unit (same base: 'triệu đồng' -> 'tỷ đồng')."""
    src, dst = units.get(v.unit or ""), units.get(unit or "")
    if v.unit == unit or src is None or dst is None or src.base != dst.base:
        return v
    factor = src.multiplier / dst.multiplier
    high = None if v.value_high is None else _round_sig(v.value_high * factor)
    return Value(_round_sig(v.value * factor), unit, None, high, v.qualifier)


def plan_row(indicator: Indicator, records: Sequence[Record], units: dict[str, Unit]) -> Row:
    """One indicator (one base unit) at one place: its cells by year, in one unit."""
    levels = [(r.year, m, v) for r in records for m, v in (("target", r.target), ("actual", r.actual)) if v]
    unit_votes = Counter(v.unit for _, _, v in levels)
    unit = unit_votes.most_common(1)[0][0] if unit_votes else None
    cells: dict[tuple[int, str], Value] = {(y, m): _in_unit(v, unit, units) for y, m, v in levels}
    for r in records:
        if r.attainment_pct is not None:
            cells[(r.year, "attainment_pct")] = Value(r.attainment_pct, "PCT")
    texts = [
        t
        for t, _ in Counter(v.unit_text for _, _, v in levels if v.unit == unit and v.unit_text).most_common()
    ]
    dvt, dvt_ok = choose_dvt(unit, texts, units)
    label, label_ok = choose_label(indicator, unit)
    return Row(indicator.key, label, unit, dvt, cells, dvt_ok and label_ok)


def sheet_title(place: Place, taken: set[str]) -> str:
    """The place's name as the sheet name (Excel: 31 characters, none of []:*?/\\), made unique
    with its level word ('Thị trấn Tiểu Cần' beside the district 'Tiểu Cần')."""
    for candidate in (place.name, place.titled, f"{place.titled} {place.key}"):
        title = SHEET_FORBIDDEN.sub(" ", candidate).strip()[:31].strip()
        if title and title.casefold() not in taken:
            taken.add(title.casefold())
            return title
    title = f"{len(taken) + 1}"
    taken.add(title)
    return title


def plan_sheets(
    records: Sequence[Record],
    places: Sequence[Place],
    indicators: dict[str, Indicator],
    units: dict[str, Unit],
) -> list[SheetPlan]:
    """A sheet per place (in the order given), a row per indicator and base unit, the years
    the place has a target or a result for as columns."""
    grouped: dict[str, dict[tuple[str, str | None], list[Record]]] = {}
    for r in records:
        grouped.setdefault(r.locality_key, {}).setdefault((r.indicator_key, r.base_unit), []).append(r)
    plans: list[SheetPlan] = []
    taken: set[str] = set()
    for place in places:
        groups = grouped.get(place.key)
        if not groups:
            continue
        order = sorted(groups, key=lambda k: (indicators[k[0]].order, k[0], k[1] or ""))
        rows = [plan_row(indicators[k[0]], groups[k], units) for k in order]
        rows = [row for row in rows if row.cells]
        years = sorted({y for row in rows for y, _ in row.cells})
        if rows:
            plans.append(SheetPlan(sheet_title(place, taken), place, years, rows))
    return plans


# ------------------------------------------------------------------------------ writing


def cell_content(v: Value, measure: str) -> tuple[float | str, str | None]:
    """What goes into a value cell and its number format. A number stays a number; a level
    stated as a range or a bound ('8 - 9', '≥ 95') is written so, as offices write it (the
    reader takes the qualifier back)."""
    from baocao.parse.read.common import render_number

    if measure == "attainment_pct":
        return v.value, PERCENT_FORMAT
    nonnegative = v.value >= 0 and (v.value_high is None or v.value_high >= 0)
    if nonnegative and v.qualifier == "range" and v.value_high is not None:
        return f"{render_number(v.value)} - {render_number(v.value_high)}", None
    if nonnegative and v.qualifier in QUALIFIER_MARK:
        return QUALIFIER_MARK[v.qualifier] + render_number(v.value), None
    return v.value, INTEGER_FORMAT if float(v.value).is_integer() else NUMBER_FORMAT


def write_workbook(plans: Sequence[SheetPlan], out_path: Path, today: date) -> int:
    """Write the sheets (atomically: a reader never sees half a file); the number of value cells."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "baocao"
    wb.properties.title = TITLE
    cells = 0
    for plan in plans:
        cells += _write_sheet(wb.create_sheet(plan.title), plan, today)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return cells


def _write_sheet(ws: Worksheet, plan: SheetPlan, today: date) -> int:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    width = FIRST_VALUE_COL - 1 + len(MEASURES) * len(plan.years)
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")

    ws.cell(1, 1, f"UBND {plan.place.titled.upper()}").font = bold
    ws.cell(2, 1, TITLE).font = Font(bold=True, size=13)
    ws.cell(3, 1, plan.place.line).font = Font(italic=True)
    for r in (2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")

    h, sub = HEADER_ROW, HEADER_ROW + 1
    for c, text in enumerate(("STT", "Chỉ tiêu", "ĐVT"), start=1):
        ws.cell(h, c, text)
        ws.merge_cells(start_row=h, start_column=c, end_row=sub, end_column=c)
    for k, year in enumerate(plan.years):
        col = FIRST_VALUE_COL + len(MEASURES) * k
        ws.cell(h, col, f"Năm {year}")
        ws.merge_cells(start_row=h, start_column=col, end_row=h, end_column=col + len(MEASURES) - 1)
        for j, measure in enumerate(MEASURES):
            ws.cell(sub, col + j, MEASURE_HEADERS[measure])
    for r in (h, sub):
        for c in range(1, width + 1):
            cell = ws.cell(r, c)
            cell.font, cell.alignment, cell.border, cell.fill = bold, center, box, fill

    cells = 0
    column_of = {
        (y, m): FIRST_VALUE_COL + len(MEASURES) * k + j
        for k, y in enumerate(plan.years)
        for j, m in enumerate(MEASURES)
    }
    r = sub
    for i, row in enumerate(plan.rows, start=1):
        r += 1
        ws.cell(r, 1, i).alignment = Alignment(horizontal="center")
        ws.cell(r, 2, row.label).alignment = Alignment(wrap_text=True, vertical="center")
        ws.cell(r, 3, row.dvt).alignment = Alignment(horizontal="center")
        for (year, measure), value in row.cells.items():
            content, fmt = cell_content(value, measure)
            cell = ws.cell(r, column_of[(year, measure)], content)
            if fmt:
                cell.number_format = fmt
            else:
                cell.alignment = Alignment(horizontal="right")
            cells += 1
        for c in range(1, width + 1):
            ws.cell(r, c).border = box

    ws.cell(r + 2, 1, f"Nguồn: baocao, {today:%d/%m/%Y}; số liệu từ các báo cáo đã nạp").font = Font(
        italic=True
    )
    ws.cell(
        r + 3,
        1,
        "% so KH: tỷ lệ đạt kế hoạch báo cáo nêu; báo cáo không nêu thì tính bằng "
        "Thực hiện / Kế hoạch × 100.",
    ).font = Font(italic=True)

    ws.freeze_panes = ws.cell(sub + 1, FIRST_VALUE_COL)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = min(60, max(30, *(len(row.label) + 2 for row in plan.rows)))
    ws.column_dimensions["C"].width = min(22, max(10, *(len(row.dvt) + 2 for row in plan.rows)))
    for c in range(FIRST_VALUE_COL, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 12
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # printed: all columns on the page width
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{h}:{sub}"
    return cells


# ------------------------------------------------------------------------------ entry


def default_path(home: Path, today: date | None = None) -> Path:
    return home / "exports" / f"baocao-bieu-{(today or date.today()).isoformat()}.xlsx"


def export_workbook(
    db_path: Path,
    out_path: Path,
    *,
    localities: Sequence[str] | None = None,
    indicators: Sequence[str] | None = None,
    years: tuple[int, int] | None = None,
    today: date | None = None,
) -> ExportSummary:
    """Read the marts (read-only), plan a sheet per place and write the workbook."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        if indicators:
            known = {
                k.upper()
                for row in con.execute(
                    "select indicator_key, indicator_code from main.dim_indicator"
                ).fetchall()
                for k in row
                if k
            }
            unknown = [c for c in indicators if c.strip().upper() not in known]
            if unknown:
                raise NothingToExport(f"unknown indicator code(s): {', '.join(unknown)}")
        records = load_records(con, indicators=indicators, years=years)
        places = select_places(load_places(con, {r.locality_key for r in records}), localities)
        wanted = {p.key for p in places}
        records = [r for r in records if r.locality_key in wanted]
        names = load_indicators(con, {r.indicator_key for r in records})
    plans = plan_sheets(records, places, names, load_units())
    if not plans:
        raise NothingToExport("no target or result matches the filters: nothing to export")
    cells = write_workbook(plans, out_path, today or date.today())
    return ExportSummary(
        out_path,
        len(plans),
        sum(len(p.rows) for p in plans),
        cells,
        sum(not row.checked for p in plans for row in p.rows),
    )
