"""Annex tables read by their header (FACTS.md 'Tables and annex workbooks').

Header by header, then whole tables built as real .docx / .xlsx / .xls files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from baocao.parse import parse_file, read_document
from baocao.parse.tables import column_meaning, column_role


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


tb = _load("table_builders")

# header -> (measure, qualifier, compared_to, period); the document's year is 2023
HEADERS = {
    "Kế hoạch năm 2023": ("target", "exact", None, "2023"),
    "KH 2024": ("target", "exact", None, "2024"),
    "Nghị quyết HĐND giao": ("target", "exact", None, "2023"),
    "Dự toán năm 2023": ("target", "exact", None, "2023"),
    "Chỉ tiêu Nghị quyết đến năm 2025": ("target", "exact", None, "2025"),
    "Thực hiện năm 2022": ("actual", "exact", None, "2022"),
    "TH 2022": ("actual", "exact", None, "2022"),
    "Năm 2021": ("actual", "exact", None, "2021"),
    "Ước thực hiện năm 2023": ("actual", "estimate", None, "2023"),
    "Ước TH 2023": ("actual", "estimate", None, "2023"),
    "Cùng kỳ năm trước": ("actual", "exact", None, "2022"),
    "Giai đoạn 2021 - 2025": ("actual", "exact", None, "2021-2025"),
    "So sánh (%) TH/KH": ("attainment_pct", "exact", "target", "2023"),
    "% so KH": ("attainment_pct", "exact", "target", "2023"),
    "Đạt (%) so NQ": ("attainment_pct", "exact", "target", "2023"),
    "% so cùng kỳ": ("attainment_pct", "exact", "same_period", "2023"),
    "TH/CK": ("attainment_pct", "exact", "same_period", "2023"),
    "TH năm 2023 so với năm 2022 (%)": ("attainment_pct", "exact", "year:2022", "2023"),
    "So sánh (%) 2023/2022": ("attainment_pct", "exact", "year:2022", "2023"),
    "KH 2024/Ước TH 2023": ("attainment_pct", "exact", "year:2023", "2024"),
    "Ước TH/KH (%)": ("attainment_pct", "estimate", "target", "2023"),
    "Tăng/giảm (%)": ("change_pct", "exact", "same_period", "2023"),
    "Tăng (+), giảm (-)": ("change_abs", "exact", "same_period", "2023"),
    "Ước TH 2023 so năm 2020 (lần)": ("change_times", "estimate", "year:2020", "2023"),
}


@pytest.mark.parametrize("header", HEADERS)
def test_a_column_header_says_measure_period_and_base(header: str) -> None:
    m = column_meaning(header, "2023")
    assert m is not None
    assert (m.measure, m.qualifier, m.compared_to, m.period) == HEADERS[header]


@pytest.mark.parametrize("header,role", [
    ("STT", "index"), ("TT", "index"), ("Chỉ tiêu", "label"), ("Nội dung", "label"), ("ĐVT", "unit"),
    ("Đơn vị tính", "unit"), ("Ghi chú", "note"), ("Kế hoạch 2023", None),
])
def test_column_roles(header: str, role: str | None) -> None:
    assert column_role(header) == role


def _facts(path: Path) -> list:
    return parse_file(path).facts


def _one(facts, indicator: str, column: int):
    got = [f for f in facts if f.indicator == indicator and f.table_column == column]
    assert len(got) == 1, (indicator, column, got)
    return got[0]


def test_a_word_annex_table(tmp_path: Path) -> None:
    facts = _facts(tb.annex_docx(tmp_path / "bieu01.docx"))
    table = [f for f in facts if f.table_name]
    # 9 data rows x 5 value columns, less 'x' and '-' and one row's two empty cells: no STT,
    # roman group rows, header years or the column-number row
    assert len(table) == 9 * 5 - 2
    assert {f.value for f in table}.isdisjoint({1.0, 2.0, 3.0} - {f.value for f in table if f.table_column > 3})
    pv = _one(table, "tổng giá trị sản xuất (giá so sánh 2010)", 6)
    assert (pv.value, pv.unit, pv.measure, pv.qualifier, pv.period, pv.indicator_code) == (
        4562.8, "VND_BN", "actual", "estimate", "2023", "PV_TOTAL")
    assert (pv.locality, pv.locality_level, pv.table_name, pv.table_row) == ("Tân Uyên", "district", "Bảng 1", 5)
    target = _one(table, "tổng giá trị sản xuất (giá so sánh 2010)", 5)
    assert (target.value, target.measure, target.period) == (4500, "target", "2023")
    before = _one(table, "tổng giá trị sản xuất (giá so sánh 2010)", 4)
    assert (before.measure, before.period) == ("actual", "2022")
    vs_plan = _one(table, "tổng giá trị sản xuất (giá so sánh 2010)", 7)
    assert (vs_plan.value, vs_plan.unit, vs_plan.measure, vs_plan.compared_to) == (101.4, "PCT", "attainment_pct", "target")
    vs_last = _one(table, "tổng giá trị sản xuất (giá so sánh 2010)", 8)
    assert (vs_last.compared_to, vs_last.period) == ("same_period", "2023")
    # a '- …' row under 'Trong đó:' is a part of the row above
    assert _one(table, "nông, lâm nghiệp và thủy sản", 6).indicator_code == "PV_AGRI"
    assert _one(table, "công nghiệp - xây dựng", 6).indicator_code == "PV_INDUSTRY_CONSTRUCTION"
    # ... and a part never takes its whole's code
    assert _one(table, "lúa xuân", 6).indicator_code is None
    assert _one(table, "diện tích lúa cả năm", 6).indicator_code == "RICE_AREA"
    poverty = _one(table, "tỷ lệ hộ nghèo", 5)
    assert (poverty.value, poverty.unit, poverty.qualifier, poverty.indicator_code) == (10, "PCT", "at_most", "POVERTY_RATE")
    assert _one(table, "tổng đàn gia cầm", 6).unit == "COUNT_K"
    assert _one(table, "số xã đạt chuẩn nông thôn mới (lũy kế)", 6).unit == "COUNT"


def test_a_table_fact_is_anchored_in_its_row_line(tmp_path: Path) -> None:
    path = tb.annex_docx(tmp_path / "bieu01.docx")
    lines = read_document(path).lines
    for f in _facts(path):
        if f.table_name:
            literal = lines[f.line - 1][f.col:]
            assert literal[:1].isdigit(), (f, lines[f.line - 1])


def test_a_layout_table_stays_text(tmp_path: Path) -> None:
    """The signature/letterhead table of a report names no columns: its text is prose."""
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN HUYỆN TÂN UYÊN"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(1, 0).text = "Số: 125/BC-UBND"
    t.cell(1, 1).text = "Tân Uyên, ngày 10 tháng 12 năm 2023"
    d.add_paragraph("Năm 2023, tổng giá trị sản xuất đạt 4.562,8 tỷ đồng, tăng 10,7% so với năm 2022.")
    d.save(tmp_path / "bc.docx")
    facts = _facts(tmp_path / "bc.docx")
    assert [(f.value, f.table_name) for f in facts] == [(4562.8, None), (10.7, None)]


def test_an_excel_annex(tmp_path: Path) -> None:
    facts = _facts(tb.annex_xlsx(tmp_path / "phu_luc.xlsx"))
    revenue = _one(facts, "thu ngân sách trên địa bàn", 5)
    assert (revenue.value, revenue.unit, revenue.measure, revenue.qualifier, revenue.period) == (
        2610.25, "VND_BN", "actual", "estimate", "2020")  # unit from the note above the table
    assert (revenue.locality, revenue.locality_level, revenue.table_name) == ("Lai Châu", "province", "Bieu 02")
    # a percent cell stored as 1.0876 is 108.76
    attain = _one(facts, "thu ngân sách trên địa bàn", 6)
    assert (round(attain.value, 6), attain.unit, attain.measure, attain.compared_to, attain.period) == (
        108.76, "PCT", "attainment_pct", "target", "2020")
    plan = _one(facts, "thu ngân sách trên địa bàn", 4)
    assert (plan.measure, plan.period) == ("target", "2020")
    forest = _one(facts, "tỷ lệ che phủ rừng", 5)
    assert (round(forest.value, 6), forest.unit, forest.indicator_code) == (51.3, "PCT", "FOREST_COVER_RATE")
    times = _one(facts, "số trường đạt chuẩn quốc gia", 7)
    assert (times.value, times.unit, times.measure, times.compared_to) == (1.79, "TIMES", "change_times", "year:2015")
    assert _one(facts, "số trường đạt chuẩn quốc gia", 5).unit == "COUNT"  # '(trường)' in the label
    # the formula cell has no cached result in a file openpyxl wrote: no fact, no crash
    assert not [f for f in facts if f.indicator == "thu ngân sách trên địa bàn" and f.table_column == 7]
    assert not [f for f in facts if f.value in (2015, 2020) and f.table_name]  # header years


def test_an_excel_97_annex_converted_by_libreoffice(tmp_path: Path) -> None:
    xls = tb.to_xls(tb.annex_xlsx(tmp_path / "phu_luc.xlsx"), tmp_path / "xls")
    facts = _facts(xls)
    attain = _one(facts, "thu ngân sách trên địa bàn", 6)
    assert (round(attain.value, 6), attain.unit, attain.compared_to) == (108.76, "PCT", "target")
    # LibreOffice computed the formula: its stored result is read
    times = _one(facts, "thu ngân sách trên địa bàn", 7)
    assert round(times.value, 4) == round(2610.25 / 1520.5, 4)
    assert _one(facts, "tỷ lệ che phủ rừng", 5).value == pytest.approx(51.3)


def test_an_xml_bomb_workbook_is_refused(tmp_path: Path) -> None:
    """Entity expansion in the workbook XML is never resolved (lxml without entities, else defusedxml)."""
    from baocao.parse import UnreadableDocument

    bomb = tb.xml_bomb(tb.annex_xlsx(tmp_path / "ok.xlsx"), tmp_path / "bomb.xlsx")
    try:
        src = read_document(bomb)
    except UnreadableDocument as exc:  # refused outright: fine too
        assert "bomb" in str(exc) or "unsafe" in str(exc) or "damaged" in str(exc)
        return
    assert not any("lol" in line for line in src.lines)  # read, and nothing was expanded
