#!/usr/bin/env python3
"""Sanity check: read every built file back and compare, row by row, the numeric cells it holds
with the gold facts' (table,row,value). Catches rendering/labelling mismatches. Not a scorer.

    .venv/bin/python check_files.py
"""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NUMTXT = re.compile(r"^\s*(?:trên|dưới|khoảng)?\s*(-?\d[\d.]*(?:,\d+)?)(?:\s*[-–]\s*\d[\d.,]*)?\s*$", re.I)


def vn(s):
    neg = s.startswith("-")
    v = float(s.lstrip("-").replace(".", "").replace(",", "."))
    return -v if neg else v


def text_value(t):
    m = NUMTXT.match(t or "")
    return vn(m.group(1)) if m else None


def unit_col(header_texts):
    for j, t in enumerate(header_texts):
        if t and re.match(r"^(ĐVT|Đơn vị tính)$", str(t).strip()):
            return j
    return None


def docx_cells(path):
    import docx
    d = docx.Document(path)
    out = {}
    for t in d.tables:
        head = [c.text for c in t.rows[0].cells]
        skip = {0, 1}
        uc = unit_col(head)
        if uc is not None:
            skip.add(uc)
        for i, row in enumerate(t.rows, 1):
            vals = []
            seen = set()
            for j, c in enumerate(row.cells):
                if j in skip or id(c._tc) in seen:
                    continue
                seen.add(id(c._tc))
                v = text_value(c.text)
                if v is not None:
                    vals.append(v)
            out[(None, i)] = vals
    return out


def xlsx_cells(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        hdr_row = None
        for r in ws.iter_rows():
            if any(str(c.value).strip() in ("STT", "TT") for c in r if c.value is not None):
                hdr_row = r[0].row
                break
        head = [c.value for c in ws[hdr_row]]
        skip = {0, 1}
        uc = unit_col(head)
        if uc is not None:
            skip.add(uc)
        for r in ws.iter_rows():
            vals = []
            for j, c in enumerate(r):
                if j in skip or c.value is None:
                    continue
                if isinstance(c.value, (int, float)):
                    v = float(c.value) * (100 if "%" in (c.number_format or "") else 1)
                else:
                    v = text_value(str(c.value))
                if v is not None:
                    vals.append(v)
            out[(ws.title, r[0].row)] = vals
    return out


def xls_cells(path):
    import xlrd
    b = xlrd.open_workbook(path, formatting_info=True)
    out = {}
    for s in b.sheets():
        hdr_row = next(i for i in range(s.nrows) if any(str(v).strip() in ("STT", "TT") for v in s.row_values(i)))
        skip = {0, 1}
        uc = unit_col(s.row_values(hdr_row))
        if uc is not None:
            skip.add(uc)
        for i in range(s.nrows):
            vals = []
            for j in range(s.ncols):
                if j in skip:
                    continue
                c = s.cell(i, j)
                if c.ctype == xlrd.XL_CELL_NUMBER:
                    fmt = b.format_map[b.xf_list[c.xf_index].format_key].format_str
                    vals.append(c.value * (100 if "%" in fmt else 1))
                elif c.ctype == xlrd.XL_CELL_TEXT:
                    v = text_value(c.value)
                    if v is not None:
                        vals.append(v)
            out[(s.name, i + 1)] = vals
    return out


def main():
    bad = 0
    total = 0
    for path in sorted(glob.glob(os.path.join(HERE, "*", "*.jsonl"))):
        doc = path[:-6]
        gold = [json.loads(l) for l in open(path, encoding="utf-8")]
        ext = doc.rsplit(".", 1)[1]
        cells = {"docx": docx_cells, "xlsx": xlsx_cells, "xls": xls_cells}[ext](doc)
        by_row = collections.defaultdict(list)
        for g in gold:
            if g["source"] != "table":
                continue
            key = (None if ext == "docx" else g["table"], g["row"])
            by_row[key].append(g["value"])
            total += 1
        # header/number rows: the file may hold numbers (years, numbering) in rows with no gold facts;
        # report only data rows (rows having gold) and rows below the header with numbers but no gold
        for key, gv in by_row.items():
            fv = cells.get(key, [])
            if sorted(round(x, 6) for x in gv) != sorted(round(x, 6) for x in fv) and not (
                    len(gv) == len(fv) and all(abs(a - b) <= 1e-6 * max(1, abs(a)) for a, b in zip(sorted(gv), sorted(fv)))):
                bad += 1
                print(f"MISMATCH {os.path.basename(doc)} {key}: gold {sorted(gv)} file {sorted(fv)}")
        extra = [(k, v) for k, v in cells.items() if v and k not in by_row]
        for k, v in extra:
            print(f"  numbers outside gold rows {os.path.basename(doc)} {k}: {v}")
    print(f"checked {total} table facts, {bad} mismatching rows")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
