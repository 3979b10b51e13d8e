"""Shared helpers for the annex-table evaluation set (renderers + gold-fact generation).

Gold facts are produced from hand-written specs: every row says its label, unit, indicator and
indicator_code; every data column says its measure, compared_to, qualifier and period. The
helpers below only take the cross product and write the files; they hold no extraction logic.
"""
import json
import math
import os
import re
import unicodedata

UNIT_MAP = {
    "tỷ đồng": "VND_BN", "triệu đồng": "VND_M", "tr.đồng": "VND_M", "tr.đ": "VND_M",
    "nghìn đồng": "VND_K",
    "triệu đồng/người/năm": "VND_M_PER_PERSON_YEAR", "triệu đồng/người": "VND_M_PER_PERSON",
    "triệu usd": "USD_M", "%": "PCT", "%/năm": "PCT_PER_YEAR", "‰": "PERMILLE", "lần": "TIMES",
    "ha": "HA", "tấn": "TON", "nghìn tấn": "TON_K", "tạ/ha": "QUINTAL_PER_HA", "tấn/ha": "TON_PER_HA",
    "m3": "M3", "m³": "M3",
    "con": "COUNT", "nghìn con": "COUNT_K", "1000 con": "COUNT_K", "nghìn lượt": "COUNT_K",
    "xã": "COUNT", "doanh nghiệp": "COUNT", "người": "COUNT", "lao động": "COUNT", "trường": "COUNT",
    "hộ": "COUNT", "htx": "COUNT", "sản phẩm": "COUNT", "tiêu chí": "COUNT", "vụ": "COUNT",
    "lượt người": "COUNT", "đảng viên": "COUNT",
    "bác sĩ/vạn dân": "PER_10K_POP", "giường/vạn dân": "PER_10K_POP",
}


def unit_code(text):
    t = unicodedata.normalize("NFC", text).strip().lower()
    if t not in UNIT_MAP:
        raise KeyError(f"unknown unit text {text!r}")
    return UNIT_MAP[t]


def vn_parse(s):
    """'13.603,4' -> 13603.4 ; '-0,23' -> -0.23"""
    s = s.strip()
    neg = s.startswith("-")
    s = s.lstrip("-+").strip()
    v = float(s.replace(".", "").replace(",", "."))
    return -v if neg else v


def vn_decimals(s):
    return len(s.split(",")[1]) if "," in s else 0


def vn_format(x, dec):
    s = f"{abs(x):,.{dec}f}".replace(",", "#").replace(".", ",").replace("#", ".")
    return ("-" if x < 0 and round(abs(x), dec) != 0 else "") + s


NONFACT = {"", "-", "x", "…", "...", None}
RANGE = re.compile(r"^\s*(\d[\d.,]*)\s*[-–]\s*(\d[\d.,]*)\s*$")
QUAL_WORDS = [("trên", "more_than"), ("dưới", "less_than"), ("≥", "at_least"), (">", "more_than"),
              ("<", "less_than"), ("khoảng", "approx")]


def parse_token(tok):
    """Return (kind, value, value_high, qualifier_override) for a written cell token."""
    if tok in NONFACT:
        return ("none", None, None, None)
    if isinstance(tok, (int, float)):
        return ("num", float(tok), None, None)
    m = RANGE.match(tok)
    if m:
        return ("num", vn_parse(m.group(1)), vn_parse(m.group(2)), "range")
    low = tok.strip().lower()
    for w, q in QUAL_WORDS:
        if low.startswith(w):
            return ("num", vn_parse(low[len(w):]), None, q)
    return ("num", vn_parse(tok), None, None)


def norm_indicator(label, strip_unit_bracket):
    s = unicodedata.normalize("NFC", label).strip()
    s = re.sub(r"^(trong đó\s*:\s*)", "", s, flags=re.I)
    s = re.sub(r"^[-+*•]\s*", "", s)
    s = re.sub(r"^(trong đó\s*:\s*)", "", s, flags=re.I)
    if strip_unit_bracket:
        s = re.sub(r"\s*\([^()]*\)\s*$", "", s)
    s = s.rstrip(":").strip()
    return s.lower()


class Col:
    def __init__(self, key, measure=None, period=None, cmp=None, qual="exact", ratio=None,
                 store="typed", dec=2, pct=None):
        self.key = key
        self.measure = measure
        self.period = period
        self.cmp = cmp
        self.qual = qual
        self.ratio = ratio          # (num_key, den_key, 'pct'|'times'|'diff') or None
        self.store = store          # xlsx: 'typed' (rounded), 'full', 'frac' (fraction + % fmt), 'formula_frac', 'formula_pct', 'formula_times'
        self.dec = dec
        # comparison columns in % carry PCT; times -> TIMES; diff/levels -> row unit
        if pct is None:
            pct = (ratio is not None and ratio[2] == "pct") or measure in ("attainment_pct", "change_pct")
        self.pct = pct


class Row:
    def __init__(self, stt, label, dvt=None, code=None, vals=(), ind=None, kind="data",
                 fracfmt=False, unit=None, note=None, bold=False):
        self.stt = stt
        self.label = label
        self.dvt = dvt
        self.code = code
        self.vals = list(vals)
        self.ind = ind
        self.kind = kind
        self.fracfmt = fracfmt      # xlsx: level cells of this row stored as fractions with % format
        self.unit = unit            # explicit unit text override
        self.note = note
        self.bold = bold


def G(stt, label, bold=True):
    return Row(stt, label, kind="group", bold=bold)


def H(label="Trong đó:"):
    return Row("", label, kind="group", bold=False)


class Table:
    """header: list of header rows; each a list over ALL columns (stt,label,dvt?,data...,note?);
    None = merged with the cell to the left, '^' = merged with the cell above."""

    def __init__(self, name, header, cols, rows, has_dvt=True, has_note=False, unit_note=None,
                 numbering=None, caption=None, stt_numeric=False):
        self.name = name
        self.header = header
        self.cols = cols
        self.rows = rows
        self.has_dvt = has_dvt
        self.has_note = has_note
        self.unit_note = unit_note
        self.numbering = numbering  # optional extra header row of column numbers
        self.caption = caption or []
        self.stt_numeric = stt_numeric  # xlsx: STT stored as numbers (not facts)

    @property
    def lead(self):
        return 3 if self.has_dvt else 2

    def col_header_text(self, j):
        """text of column j (absolute index) from the header grid, top to bottom."""
        parts = []
        for hr in self.header:
            # walk left over None merges
            k = j
            while k > 0 and hr[k] is None:
                k -= 1
            t = hr[k]
            if t == "^" or t is None:
                continue
            t = str(t)
            if not parts or parts[-1] != t:
                parts.append(t)
        return " / ".join(parts)


def compute_cells(table):
    """Resolve 'r' tokens. Returns per row: list of (token_written, value, value_high, qual_override)
    where token_written is the docx text; value is the exact (full precision) value for ratio cells."""
    out = []
    for row in table.rows:
        if row.kind != "data":
            out.append(None)
            continue
        if len(row.vals) != len(table.cols):
            raise ValueError(f"{table.name}: row {row.label!r} has {len(row.vals)} values for {len(table.cols)} cols")
        by_key = {}
        cells = []
        for c, tok in zip(table.cols, row.vals):
            if tok == "r":
                a, b, kind = c.ratio
                ka, va, _, qa = by_key[a]
                kb, vb, _, qb = by_key[b]
                assert ka == kb == "num" and qa is None and qb is None, (table.name, row.label, c.key)
                if kind == "pct":
                    full = va / vb * 100.0
                elif kind == "times":
                    full = va / vb
                else:
                    full = va - vb
                dec = c.dec
                if kind == "diff":
                    da = [vn_decimals(t) for t, cc in zip(row.vals, table.cols) if cc.key in (a, b)]
                    dec = max(da)
                    full = round(full, dec)
                written = vn_format(full, dec)
                cells.append(dict(tok=written, kind="num", value=full, rounded=round(full, dec),
                                  high=None, q=None, ratio=True, dec=dec))
                by_key[c.key] = ("num", full, None, None)
            else:
                k, v, h, q = parse_token(tok)
                cells.append(dict(tok=tok, kind=k, value=v, rounded=v, high=h, q=q, ratio=False,
                                  dec=vn_decimals(tok) if isinstance(tok, str) and k == "num" else 0))
                by_key[c.key] = (k, v, h, q)
        out.append(cells)
    return out


def row_unit(table, row):
    if row.unit:
        return row.unit
    if table.has_dvt and row.dvt:
        return row.dvt
    m = re.search(r"\(([^()]*)\)\s*$", row.label)
    if not table.has_dvt and m:
        return m.group(1).strip()
    if table.unit_note:
        return table.unit_note
    raise ValueError(f"no unit for {row.label!r}")


def facts_for_table(doc, table, cells, row_index_of, value_of, fmt):
    """row_index_of(i) -> 1-based row index in the rendered table/sheet;
    value_of(col, cell) -> gold value as the file stores/writes it."""
    facts = []
    for i, (row, rc) in enumerate(zip(table.rows, cells)):
        if rc is None:
            continue
        utext = row_unit(table, row)
        ucode = unit_code(utext)
        ind = row.ind or norm_indicator(row.label, strip_unit_bracket=not table.has_dvt)
        for j, (c, cell) in enumerate(zip(table.cols, rc)):
            if cell["kind"] != "num":
                continue
            if c.ratio and c.ratio[2] == "times":
                u, ut = "TIMES", "lần"
            elif c.pct:
                u, ut = "PCT", "%"
            else:
                u, ut = ucode, utext
            qual = cell["q"] or c.qual
            facts.append({
                "value": value_of(c, cell, row),
                "value_high": cell["high"],
                "unit": u,
                "unit_text": ut,
                "measure": c.measure,
                "compared_to": c.cmp,
                "qualifier": qual,
                "period": c.period,
                "locality": doc["locality"],
                "locality_level": doc["level"],
                "indicator": ind,
                "indicator_code": row.code,
                "source": "table",
                "table": table.name,
                "row": row_index_of(i),
                "col": table.col_header_text(table.lead + j),
                "num": cell["tok"] if fmt == "docx" else None,
                "_stt": row.stt,
            })
    return facts


def write_jsonl(path, facts):
    with open(path, "w", encoding="utf-8") as fh:
        for f in facts:
            fh.write(json.dumps(f, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- renderers
def ncols(table):
    return table.lead + len(table.cols) + (1 if table.has_note else 0)


def merges(table):
    """yield (r0, c0, r1, c1) merge rectangles of the header grid (0-based, inclusive)."""
    grid = table.header
    R, C = len(grid), len(grid[0])
    seen = set()
    for r in range(R):
        for c in range(C):
            if (r, c) in seen or grid[r][c] in (None, "^"):
                continue
            c1 = c
            while c1 + 1 < C and grid[r][c1 + 1] is None:
                c1 += 1
            r1 = r
            while r1 + 1 < R and grid[r1 + 1][c] == "^":
                r1 += 1
            for rr in range(r, r1 + 1):
                for cc in range(c, c1 + 1):
                    seen.add((rr, cc))
            if (r1, c1) != (r, c):
                yield (r, c, r1, c1)


def render_docx_table(d, table, cells):
    from docx.shared import Pt
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    nh = len(table.header) + (1 if table.numbering else 0)
    nrows = nh + len(table.rows)
    nc = ncols(table)
    t = d.add_table(rows=nrows, cols=nc)
    t.style = "Table Grid"
    for r, hr in enumerate(table.header):
        assert len(hr) == nc, (table.name, hr)
        for c, v in enumerate(hr):
            if v not in (None, "^"):
                t.cell(r, c).text = str(v)
    for (r0, c0, r1, c1) in merges(table):
        t.cell(r0, c0).merge(t.cell(r1, c1))
    for r in range(len(table.header)):
        for c in range(nc):
            for p in t.cell(r, c).paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in p.runs:
                    run.bold = True
    if table.numbering:
        for c, v in enumerate(table.numbering):
            t.cell(len(table.header), c).text = v
    for i, (row, rc) in enumerate(zip(table.rows, cells)):
        tr = nh + i
        vals = [row.stt, row.label]
        if table.has_dvt:
            vals.append(row.dvt or "")
        if rc is None:
            vals += [""] * len(table.cols)
        else:
            vals += [("" if cell["tok"] is None else str(cell["tok"])) for cell in rc]
        if table.has_note:
            vals.append(row.note or "")
        for c, v in enumerate(vals):
            cell = t.cell(tr, c)
            cell.text = v
            if c >= 2 and c != 1:
                for p in cell.paragraphs:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if c < table.lead else WD_ALIGN_PARAGRAPH.RIGHT
            if row.kind == "group" and row.bold or row.bold:
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.bold = True
    return lambda i: nh + i + 1


def xl_num_format(dec, pct=False):
    base = "0" if pct else "#,##0"
    f = base + ("." + "0" * dec if dec else "")
    return f + ("%" if pct else "")


def render_xlsx_table(ws, table, cells, start_row):
    """Writes header at start_row (1-based). Returns row_index_of(i) and the gold value function."""
    from openpyxl.styles import Alignment, Font, Border, Side
    from openpyxl.utils import get_column_letter
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    nc = ncols(table)
    for r, hr in enumerate(table.header):
        for c, v in enumerate(hr):
            cell = ws.cell(row=start_row + r, column=c + 1)
            if v not in (None, "^"):
                cell.value = v
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
    for (r0, c0, r1, c1) in merges(table):
        ws.merge_cells(start_row=start_row + r0, start_column=c0 + 1, end_row=start_row + r1, end_column=c1 + 1)
    nh = len(table.header)
    if table.numbering:
        for c, v in enumerate(table.numbering):
            cell = ws.cell(row=start_row + nh, column=c + 1, value=v)
            cell.alignment = Alignment(horizontal="center")
            cell.font = Font(italic=True)
            cell.border = border
        nh += 1
    first = start_row + nh
    colletter = {}
    for j, c in enumerate(table.cols):
        colletter[c.key] = get_column_letter(table.lead + j + 1)
    for i, (row, rc) in enumerate(zip(table.rows, cells)):
        r = first + i
        stt = row.stt if row.stt != "" else None
        if table.stt_numeric and stt and stt.isdigit():
            stt = int(stt)
        ws.cell(row=r, column=1, value=stt)
        ws.cell(row=r, column=2, value=row.label)
        if table.has_dvt:
            ws.cell(row=r, column=3, value=row.dvt)
        if row.bold or row.kind == "group":
            ws.cell(row=r, column=2).font = Font(bold=True)
            ws.cell(row=r, column=1).font = Font(bold=True)
        if table.has_note and row.note:
            ws.cell(row=r, column=nc, value=row.note)
        for c in range(1, nc + 1):
            ws.cell(row=r, column=c).border = border
        if rc is None:
            continue
        for j, (col, cell) in enumerate(zip(table.cols, rc)):
            xc = ws.cell(row=r, column=table.lead + j + 1)
            xc.alignment = Alignment(horizontal="right")
            tok = cell["tok"]
            if cell["kind"] != "num":
                xc.value = tok if tok not in ("", None) else None
                continue
            if cell["high"] is not None or cell["q"] is not None:
                xc.value = tok  # text as typed: '8-8,5', 'Trên 93'
                continue
            if cell["ratio"]:
                a, b, kind = col.ratio
                ref = f"{colletter[a]}{r}", f"{colletter[b]}{r}"
                st = col.store
                if kind == "diff":
                    xc.value = cell["rounded"]
                    xc.number_format = xl_num_format(cell["dec"])
                elif st == "typed":
                    xc.value = cell["rounded"]
                    xc.number_format = xl_num_format(col.dec)
                elif st == "full":
                    xc.value = cell["value"]
                    xc.number_format = xl_num_format(col.dec)
                elif st == "frac":
                    xc.value = cell["value"] / 100.0
                    xc.number_format = xl_num_format(col.dec, pct=True)
                elif st == "formula_frac":
                    xc.value = f"={ref[0]}/{ref[1]}"
                    xc.number_format = xl_num_format(col.dec, pct=True)
                elif st == "formula_pct":
                    xc.value = f"={ref[0]}/{ref[1]}*100"
                    xc.number_format = xl_num_format(col.dec)
                elif st == "formula_times":
                    xc.value = f"={ref[0]}/{ref[1]}"
                    xc.number_format = xl_num_format(col.dec)
                else:
                    raise ValueError(st)
                continue
            v = cell["value"]
            if row.fracfmt and not col.pct:
                xc.value = v / 100.0
                xc.number_format = xl_num_format(cell["dec"], pct=True)
            elif col.pct and col.store == "frac":
                xc.value = v / 100.0
                xc.number_format = xl_num_format(cell["dec"], pct=True)
            else:
                xc.value = v
                xc.number_format = xl_num_format(cell["dec"])
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 48
    for c in range(3, nc + 1):
        ws.column_dimensions[get_column_letter(c)].width = 14

    def value_of(col, cell, row):
        if cell["ratio"]:
            if col.ratio[2] == "diff" or col.store == "typed":
                return cell["rounded"]
            return cell["value"]  # full precision (stored ratio / formula result)
        return cell["value"]

    return (lambda i: first + i), value_of
