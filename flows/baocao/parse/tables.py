"""Annex tables read by their header: each numeric cell of a data row is a fact.

FACTS.md 'Tables and annex workbooks'. A table (a Word table or a sheet, see read/) is read
in four steps, each a small function a reader can check against one table:
  1. `find_header`   the header rows (possibly two, with merged cells) and the title above it;
  2. `column_roles`  which column is the row number (STT), the label, the unit (ĐVT), a note;
  3. `column_meaning` what each other column holds: measure, qualifier, compared_to, period
     (the words are data: catalog/table_headers.csv);
  4. `table_facts`   one fact per numeric cell of a data row: the row label is the
     indicator (a '- …' row under 'Trong đó:' is a part of the row above), the unit comes
     from ĐVT, a bracket in the label, or the table's note.
A table whose header says nothing about its columns (a layout table, a signature block) is
not read here: its rows stay running text for the prose rules.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from baocao.parse import indicators, places
from baocao.parse.model import Fact
from baocao.parse.numbers import parse_value
from baocao.parse.read.model import Cell, Table
from baocao.parse.structure import YEAR_SPAN
from baocao.parse.units import match_unit

CATALOG = Path(__file__).resolve().parent.parent / "catalog"
YEAR = re.compile(r"(?<![\d/.,])((?:19|20)\d\d)(?![\d])")
MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*((?:19|20)\d\d)")
# a cell that is one quantity: '13.603,4', '102,3%', '≥ 50', 'trên 95', '8-9', '-2,5'
VALUE_CELL = re.compile(
    r"^(?P<q>>=|≥|>|<=|≤|<|~|khoảng|trên|dưới|hơn|tối thiểu|tối đa|ít nhất)?\s*"
    r"(?P<sign>[-−–+]\s?)?(?P<a>\d+(?:[.,]\d+)*)\s*(?:(?:-|–|÷|đến)\s*(?P<b>\d+(?:[.,]\d+)*))?\s*"
    r"(?P<pct>%)?\s*(?P<more>trở lên)?$",
    re.I,
)
QUALIFIER = {">=": "at_least", "≥": "at_least", "tối thiểu": "at_least", "ít nhất": "at_least",
             ">": "more_than", "trên": "more_than", "hơn": "more_than", "<=": "at_most", "≤": "at_most",
             "tối đa": "at_most", "<": "less_than", "dưới": "less_than", "~": "approx", "khoảng": "approx"}
# a row of column numbers under the header: '1 | 2 | 3 | 4=3/2', 'A | B | (1) | (2)'
COLUMN_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[A-Ea-e])\)?(?:\s*=\s*\(?\d{1,2}\)?\s*[-+*/x:]\s*\(?\d{1,2}\)?(?:\s*[*x]\s*100\s*%?)?)?$")
ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})\.?$")
UNIT_NOTE = re.compile(r"(?:đơn vị tính|đvt|đơn vị)\s*[:：]\s*([^;,\n)]+)", re.I)
LABEL_UNIT = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,30}?)\s*[)\]]\s*$|\s*[,:]\s*(%|tỷ đồng|triệu đồng|ha|tấn|người|hộ)\s*$")
LEADING_MARK = re.compile(r"^\s*(?:[-+*•–—·]+|[a-zđ][.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[IVXLC]{1,5}[.)])\s*")
# 'A/B' in a header: A as a percentage of B ('th/kh', 'ưth 2023/th 2022', '2023/2022')
RATIO = re.compile(r"((?:[^\s/\d]+\s+)?[^\s/]+(?:\s+(?:19|20)\d\d)?)/([^\s/]+(?:\s+[^\s/\d]+)?(?:\s+(?:năm\s+)?(?:19|20)\d\d)?)")
SO_YEAR = re.compile(r"so\s+(?:với\s+)?(?:(?:năm|th|thực hiện|cùng kỳ|ước th|ưth|ước)\s+)*((?:19|20)\d\d)")
THOUSAND = re.compile(r"^1[.,]?000\s*(?=[^\W\d_])")  # '1000 con' = 'nghìn con'
WEAK_COMPARE = ("%", "so với")  # 'Tốc độ tăng so với cùng kỳ (%)' is still a change
LEVEL_ORDER = ("estimate", "target", "actual")
TOTAL_WORD = re.compile(r"^tổng\s+(?:số\s+)?", re.I)
PART_OF = re.compile(r"^\s*(?:trong đó|gồm|bao gồm|chia ra|chia theo)\s*[:：]?\s*$", re.I)


@dataclass(frozen=True)
class ColumnMeaning:
    measure: str  # actual | target | attainment_pct | change_pct | change_abs | change_times
    qualifier: str = "exact"
    compared_to: str | None = None
    period: str | None = None
    percent: bool = False  # a comparison column: its values are in %
    unit: str | None = None  # a column whose values have their own unit ('TIMES' for '(lần)')


@dataclass
class TableLayout:
    header_rows: list[int]
    roles: dict[int, str]  # column -> index | label | unit | note
    meanings: dict[int, ColumnMeaning]
    headers: dict[int, str]  # column -> its header text (parent and child joined)
    data_start: int
    caption: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------ vocabulary


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, list[tuple[str, str]]]:
    """role -> [(written form, meaning)], longest form first."""
    out: dict[str, list[tuple[str, str]]] = {}
    with open(CATALOG / "table_headers.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            for form in r["written_as"].split(";"):
                if form.strip():
                    out.setdefault(r["role"], []).append((_norm(form), r["means"]))
    for forms in out.values():
        forms.sort(key=lambda f: len(f[0]), reverse=True)
    return out


def _norm(s: str) -> str:
    """Lower case; '/', '%' and '+' kept as words; other punctuation to spaces."""
    s = s.casefold().replace("–", "-").replace("ư th", "ưth")
    s = re.sub(r"\s*/\s*", "/", s)
    s = re.sub(r"%", " % ", s)
    s = re.sub(r"[,;:()\[\].*]", " ", s)
    return " ".join(s.split())


def _has(text: str, form: str) -> bool:
    return re.search(r"(?<![\wÀ-ỹ/])" + re.escape(form) + r"(?![\wÀ-ỹ/])", text) is not None


def _find(role: str, text: str) -> tuple[str, str] | None:
    """The longest written form of `role` in `text`, with its meaning."""
    for form, means in _vocabulary().get(role, ()):
        if _has(text, form):
            return form, means
    return None


@lru_cache(maxsize=4096)
def column_role(header: str) -> str | None:
    """index / label / unit / note when the header is exactly such a word."""
    h = _norm(header)
    for form, means in _vocabulary()["column"]:
        if h == form:
            return means
    return None


# ------------------------------------------------------------------------------ header


def _period_of(text: str) -> str | None:
    m = YEAR_SPAN.search(text)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = MONTH.search(text.casefold())
    if m and "lũy kế" not in text.casefold() and "tháng đầu" not in text.casefold():
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    years = YEAR.findall(text)
    return years[-1] if years else None


@lru_cache(maxsize=4096)
def column_meaning(header: str, default_period: str | None = None) -> ColumnMeaning | None:
    """What a value column holds, from its header (parent and child headers joined by ' ').

    'Kế hoạch 2023' -> target 2023; 'Ước TH năm 2023' -> actual, estimate; 'So sánh (%) TH/KH'
    -> attainment_pct vs target; 'Năm 2023 so với năm 2022 (%)' -> attainment_pct vs year:2022;
    'Tăng/giảm (%)' -> change_pct. None when the header names nothing we know.
    """
    h = _norm(header)
    if not h:
        return None
    years = YEAR.findall(h)
    change = _find("change", h)
    compare = _find("compare", h)
    ratio = RATIO.search(h)  # 'th/kh', '2023/2022', 'kh 2024/ước 2023'
    if change and (compare is None or compare[0] in WEAK_COMPARE):
        after = f" {h}".split(" so ", 1)[1] if " so " in f" {h}" else ""
        base = _find("base", after) if after else _find("base", h)
        if base is None and SO_YEAR.search(h):
            base = ("", f"year:{SO_YEAR.search(h).group(1)}")
        in_percent = "%" in h.split()
        month = MONTH.search(h)  # 'tháng 6 năm 2021 … so với cùng kỳ năm 2020'
        period = f"{month.group(2)}-{int(month.group(1)):02d}" if month else _later(years) or default_period
        return ColumnMeaning("change_pct" if in_percent else "change_abs", compared_to=base[1] if base else "same_period",
                             period=period, percent=in_percent)
    times = _has(h, "lần") and (compare or ratio or SO_YEAR.search(h) or _has(h, "so"))
    if compare or ratio or times:
        base = None
        period = None
        estimate = False
        if ratio:
            left, right = ratio.group(1), ratio.group(2)
            base = _find("base", right)
            right_year = YEAR.search(right)
            if right_year and (base is None or base[1] != "target"):
                base = ("", f"year:{right_year.group(1)}")
            left_year = YEAR.search(left)
            period = left_year.group(1) if left_year else None
            estimate = _is_estimate(left)
        if not ratio and " so " in f" {h}":
            estimate = _is_estimate(f" {h}".split(" so ")[0])  # 'Ước TH 2023 so năm 2020'
        m = SO_YEAR.search(h)
        if base is None and m:
            base = ("", f"year:{m.group(1)}")
        if base is None:
            after = h.split("so ", 1)[1] if "so " in h else h
            base = _find("base", after)
        compared = base[1] if base else None
        if period is None and compared and compared.startswith("year:"):
            later = [y for y in years if y != compared[5:]]
            period = later[-1] if later else None
        period = period or _later(years) or default_period
        if times:  # 'Ước TH 2020 so năm 2015 (lần)': a multiple
            return ColumnMeaning("change_times", "estimate" if estimate else "exact", compared, period, unit="TIMES")
        return ColumnMeaning("attainment_pct", "estimate" if estimate else "exact", compared, period, percent=True)
    level = None
    for kind in LEVEL_ORDER:  # 'Ước TH năm 2023' is an estimate, 'KH năm 2023' a target
        if any(means == kind and _has(h, form) for form, means in _vocabulary()["level"]):
            level = kind
            break
    period = _period_of(header) or default_period
    if level is None:
        if years and re.fullmatch(r"(?:(?:năm|giai đoạn|gđ|thời kỳ|nhiệm kỳ)\s+)?(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?", h):
            level = "actual"  # a bare 'Năm 2022' / '2022' column
        else:
            return None
    if level == "estimate":
        return ColumnMeaning("actual", qualifier="estimate", period=period)
    if level == "actual" and _has(h, "cùng kỳ") and not years and default_period and default_period.isdigit():
        period = str(int(default_period) - 1)
    return ColumnMeaning(level, period=period)


def _is_estimate(text: str) -> bool:
    found = _find("level", text)
    return found is not None and found[1] == "estimate"


def _later(years: list[str]) -> str | None:
    return max(years) if years else None


def _is_value_cell(cell: Cell) -> bool:
    return cell.origin and (cell.value is not None or bool(VALUE_CELL.match(cell.text.strip())))


def _is_column_number_row(row: list[Cell]) -> bool:
    texts = [c.text.strip() for c in row if c.origin and c.text.strip()]
    return len(texts) >= 3 and all(COLUMN_NUMBER.match(t) for t in texts)


def find_header(table: Table) -> tuple[int, int] | None:
    """(first header row, first data row), or None when the table has no header we can read.

    The header starts at the first row that names a label/STT/ĐVT column or two value
    columns; it goes on while rows hold no data (a second header row, a row of column
    numbers).
    """
    rows = table.rows
    for i, row in enumerate(rows[:15]):
        roles = [column_role(c.text) for c in row if c.text.strip()]
        meanings = [column_meaning(c.text) for c in row if c.origin and c.text.strip() and not column_role(c.text)]
        if "label" in roles or (("index" in roles or "unit" in roles) and any(meanings)) or sum(m is not None for m in meanings) >= 2:
            j = i + 1
            while j < len(rows) and j < i + 4:
                row_j = rows[j]
                if _is_column_number_row(row_j):
                    j += 1
                    continue
                named = [c for c in row_j if c.origin and c.text.strip()]
                if named and not any(_is_value_cell(c) and not YEAR.fullmatch(c.text.strip()) for c in named) \
                        and any(column_meaning(c.text) or column_role(c.text) for c in named):
                    j += 1
                    continue
                break
            return i, j
    return None


def layout(table: Table, default_period: str | None) -> TableLayout | None:
    """How to read a table, or None when it is not a table of indicators."""
    if len(table.rows) < 2 or len(table.rows[0]) < 3:
        return None
    found = find_header(table)
    if found is None:
        return None
    h0, data_start = found
    width = len(table.rows[0])
    header_rows = [r for r in range(h0, data_start) if not _is_column_number_row(table.rows[r])]
    caption = [*table.caption, *(" ".join(c.text for c in table.rows[r] if c.origin and c.text) for r in range(h0))]
    default_period = _period_of(" ".join(caption)) or default_period
    roles: dict[int, str] = {}
    headers: dict[int, str] = {}
    for c in range(width):
        parts: list[str] = []
        for r in header_rows:
            t = table.rows[r][c].text.strip()
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        headers[c] = " ".join(parts)
        role = next((column_role(p) for p in parts if column_role(p)), None)
        if role:
            roles[c] = role
    if "label" not in roles.values():
        label = _guess_label_column(table, data_start, roles)
        if label is None:
            return None
        roles[label] = "label"
    label_col = next(c for c, r in roles.items() if r == "label")
    meanings: dict[int, ColumnMeaning] = {}
    for c in range(label_col + 1, width):
        if c in roles:
            continue
        m = column_meaning(headers[c], default_period)
        if m is None:  # 'So sánh (%)' over 'Cùng kỳ | Kế hoạch': the child alone says it
            continue
        meanings[c] = m
    if not meanings:
        return None
    meanings = _resolve_defaults(meanings, {c for c in meanings if not YEAR.search(headers[c])})
    return TableLayout(header_rows, roles, meanings, headers, data_start, caption)


def _guess_label_column(table: Table, data_start: int, roles: dict[int, str]) -> int | None:
    """The first column whose data cells are mostly words (when no header says 'Chỉ tiêu')."""
    for c in range(len(table.rows[0])):
        if c in roles:
            continue
        cells = [row[c].text.strip() for row in table.rows[data_start:] if row[c].origin and row[c].text.strip()]
        if cells and sum(bool(re.search(r"[^\W\d_]{3}", t)) for t in cells) >= 0.6 * len(cells):
            return c
    return None


def _resolve_defaults(meanings: dict[int, ColumnMeaning], undated: set[int]) -> dict[int, ColumnMeaning]:
    """A comparison column naming no base compares with the plan when the table has one,
    else with the same period of last year; one naming no year takes the period of the later
    of the columns it compares (the latest level column's)."""
    targets = {m.period for m in meanings.values() if m.measure == "target"}
    levels = [m.period for m in meanings.values() if m.measure in ("actual", "target") and m.period]
    latest = max(levels, key=lambda p: (p[-4:], len(p) == 4)) if levels else None
    out = {}
    for c, m in meanings.items():
        if m.measure in ("attainment_pct", "change_pct", "change_abs", "change_times"):
            compared = m.compared_to or ("target" if targets else "same_period")
            period = latest if c in undated and latest else m.period
            m = ColumnMeaning(m.measure, m.qualifier, compared, period, m.percent, m.unit)
        out[c] = m
    return out


# ------------------------------------------------------------------------------ rows


def unit_of(text: str) -> tuple[str | None, str | None]:
    """A unit cell ('Tỷ đồng', '%', 'Con', 'Trường', '1000 con') -> (code, as written)."""
    written = text.strip().strip(".")
    t = THOUSAND.sub("nghìn ", written)
    if not t:
        return None, None
    for probe in (t, t.lower()):
        u = match_unit(probe, 0)
        if u is not None and u.end >= len(probe.rstrip()) - 1:
            return u.code, written
    if re.fullmatch(r"[^\W\d_]+(?:\s[^\W\d_]+){0,2}", t):  # a counted noun: 'Xã', 'Trường', 'Lượt người'
        return "COUNT", written
    return None, written


def _split_label(label: str) -> tuple[str, str | None, str | None]:
    """'Tổng giá trị sản xuất (tỷ đồng)' -> ('tổng giá trị sản xuất', 'VND_BN', 'tỷ đồng')."""
    text = LEADING_MARK.sub("", label).strip()
    m = LABEL_UNIT.search(text)
    if m:
        written = (m.group(1) or m.group(2)).strip()
        u = match_unit(written.lower(), 0)  # a unit word or a counted noun, not '(lũy kế)'
        if u is not None and u.end >= len(written) - 1:
            return text[:m.start()].strip(" ,:"), u.code, written
    return text.strip(" :"), None, None


def _value(cell: Cell) -> tuple[float, float | None, str, bool] | None:
    """(value, value_high, qualifier, written with %) of a numeric cell; None for '-', 'x', words."""
    if not cell.origin:
        return None
    if cell.value is not None:
        return cell.value, None, "exact", cell.text.endswith("%")
    m = VALUE_CELL.match(cell.text.strip())
    if not m:
        return None
    try:
        value = parse_value(m.group("a"))
        high = parse_value(m.group("b")) if m.group("b") else None
    except ValueError:
        return None
    if m.group("sign") and m.group("sign").strip() in ("-", "−", "–"):
        value = -value
    qualifier = "range" if high is not None else "exact"
    if m.group("q"):
        qualifier = QUALIFIER.get(m.group("q").lower(), qualifier)
    if m.group("more"):
        qualifier = "at_least"
    return value, high, qualifier, bool(m.group("pct"))


def _number_offset(cell: Cell) -> int:
    m = re.search(r"\d", cell.text)
    return (cell.col or 0) + (m.start() if m else 0)


def table_facts(table: Table, doc_period: str | None, doc_locality: tuple[str | None, str | None],
                lines: list[str]) -> tuple[list[Fact], set[int]] | None:
    """The facts of one table and the line indices it covers; None when it is not a table of
    indicators (its rows are then read as text)."""
    lay = layout(table, doc_period)
    if lay is None:
        return None
    roles = lay.roles
    label_col = next(c for c, r in roles.items() if r == "label")
    unit_col = next((c for c, r in roles.items() if r == "unit"), None)
    note_unit = None
    for text in lay.caption:
        m = UNIT_NOTE.search(text)
        if m:
            note_unit = unit_of(m.group(1))
    locality = _table_place(table, lay) or doc_locality
    title = next((t for t in lay.caption if len(t) > 15), table.name)
    facts: list[Fact] = []
    covered = {i for r, i in enumerate(table.row_lines) if i is not None and r < lay.data_start}  # title, header
    parent: str | None = None  # the last row without a leading mark: what its '- …' rows are parts of
    parent_code: str | None = None
    parts_follow = False
    for r in range(lay.data_start, len(table.rows)):
        row = table.rows[r]
        line = table.row_lines[r]
        if line is None:
            continue
        covered.add(line)
        raw_label = row[label_col].text.strip()
        if _is_column_number_row(row):
            continue
        if not raw_label:
            continue
        if PART_OF.match(raw_label):
            parts_follow = True
            continue
        index = next((row[c].text.strip() for c, role in roles.items() if role == "index"), "")
        numbered = bool(re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*\.?", index) or ROMAN.match(index)
                        or ROMAN.match(raw_label.split(" ")[0]))
        inline = re.match(r"^\s*(?:[-+*•–·]\s*)?trong đó\s*[:：]\s*", raw_label, re.I)
        if inline:
            raw_label = raw_label[inline.end():]
        if numbered:
            parts_follow = False
        dashed = bool(re.match(r"^\s*[-+*•–·]", raw_label)) or index in ("-", "+", "*", "•")
        is_part = bool(inline) or dashed or (parts_follow and not numbered)
        label, label_unit, label_unit_text = _split_label(raw_label)
        unit_code, unit_text = (None, None)
        if unit_col is not None:
            unit_code, unit_text = unit_of(row[unit_col].text)
        if unit_code is None and label_unit:
            unit_code, unit_text = label_unit, label_unit_text
        if unit_code is None and note_unit:
            unit_code, unit_text = note_unit
        indicator = label.lower()
        span = YEAR_SPAN.search(label)  # 'bình quân giai đoạn 2016 - 2020': the row's own period
        label_span = f"{span.group(1)}-{span.group(2)}" if span else None
        phrases = [label]
        if is_part and parent:
            whole = TOTAL_WORD.sub("", parent)  # 'Tổng giá trị sản xuất' + '- Nông nghiệp'
            phrases = [f"{whole} {label}", label]
        code = indicators.match_code(phrases, unit_code) if label else None
        if code is None and is_part and parent:
            code = indicators.sector_code(label, parent, unit_code, "actual", parent)
        if code is None and label:
            code = indicators.sector_code(label, label, unit_code, "actual")
        if is_part and code is not None and code == parent_code:  # '- Lúa xuân' under 'Diện tích lúa'
            code = indicators.match_code([label], unit_code)
            code = None if code == parent_code else code
        code_any = code or (indicators.match_code(phrases, None) if label else None)  # for % columns of a level
        if is_part and code_any == parent_code:
            code_any = code
        if not is_part:
            parent_code = code
        for c, meaning in lay.meanings.items():
            got = _value(row[c])
            if got is None:
                continue
            value, high, qualifier, pct = got
            if meaning.unit:
                f_unit, f_text = meaning.unit, "lần"
                f_code = code_any
            elif meaning.percent:
                f_unit, f_text = "PCT", "%"
                f_code = code_any
            else:
                f_unit, f_text = (unit_code, unit_text) if unit_code else (("PCT", "%") if pct else (None, None))
                f_code = code
            if qualifier == "exact" and meaning.qualifier != "exact":
                qualifier = meaning.qualifier
            period = label_span or meaning.period
            facts.append(Fact(
                line=line + 1, col=_number_offset(row[c]), value=value, value_high=high,
                unit=f_unit, unit_text=f_text, measure=meaning.measure, compared_to=meaning.compared_to,
                qualifier=qualifier, period=period, locality=locality[0], locality_level=locality[1],
                indicator=indicator or None, indicator_code=f_code,
                sentence=lines[line] if line < len(lines) else None,
                section=f"{title} › {lay.headers.get(c, '')}".strip(" ›"),
                table_name=table.name, table_row=r + 1, table_column=c + 1,
            ))
        if not is_part:
            parent = label
    return facts, covered


def _table_place(table: Table, lay: TableLayout) -> tuple[str, str] | None:
    """A place named in the table's title or sheet name ('… của huyện Tân Uyên')."""
    text = " ".join([table.name, *lay.caption])
    mentions = places.find_mentions(text) or places.find_mentions(places.caps_to_title(text))
    if mentions:
        m = mentions[0]
        return m.name, m.level
    return None
