"""Facts from a .docx and a .pdf made by the tests: body, a table and a footnote each.

The reader renders both like Word's text export (a break where a footnote mark stood, the
notes as trailing lines), so the footnote's fact takes the context of its mark.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from baocao.parse import parse_file


def _builders():
    spec = importlib.util.spec_from_file_location("read_builders", Path(__file__).with_name("read_builders.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("read_builders", module)
    spec.loader.exec_module(module)
    return module


rb = _builders()

TITLE = ["BÁO CÁO", "Kết quả thực hiện nhiệm vụ năm 2023 của Ban Chấp hành Đảng bộ huyện Tiểu Cần"]
BODY = "Tổng giá trị sản xuất đạt 9.120,5 tỷ đồng, đạt 101,2% kế hoạch."
NOTE = "Trong đó xã Hiếu Tử có 412 hộ nuôi bò sữa."
TABLE = [["Chỉ tiêu", "Kết quả"], ["Đàn gia cầm", "1.216.000 con"], ["Diện tích lúa xuống giống", "31.261 ha"]]


def by_value(facts, value):
    found = [f for f in facts if f.value == value]
    assert found, f"no fact with value {value}: {[(f.value, f.indicator) for f in facts]}"
    return found[0]


def check(parsed) -> None:
    assert parsed.info.locality == "Tiểu Cần"
    total = by_value(parsed.facts, 9120.5)
    assert (total.unit, total.measure, total.period, total.indicator_code) == ("VND_BN", "actual", "2023", "PV_TOTAL")
    assert by_value(parsed.facts, 101.2).measure == "attainment_pct"
    note = by_value(parsed.facts, 412)
    assert (note.unit, note.unit_text, note.period) == ("COUNT", "hộ", "2023")
    assert (note.locality, note.locality_level) == ("Hiếu Tử", "commune")
    poultry = by_value(parsed.facts, 1216000)
    assert poultry.unit == "COUNT" and poultry.indicator_code == "HERD_POULTRY"
    assert by_value(parsed.facts, 31261).unit == "HA"


def test_docx_body_table_and_footnote(tmp_path: Path) -> None:
    spec = rb.DocxSpec().heading(TITLE[0]).para(TITLE[1]).heading("I. KẾT QUẢ ĐẠT ĐƯỢC", 2)
    spec.para(BODY, rb.Footnote(NOTE), " Các chỉ tiêu khác:").table(TABLE)
    check(parse_file(rb.build_docx(spec, tmp_path / "báo cáo.docx")))


def test_pdf_body_table_and_footnote(tmp_path: Path) -> None:
    font = rb.unicode_font()
    if font is None:
        pytest.skip("no TTF font covering Vietnamese on this machine")
    pdf = rb.build_pdf_with_footnotes(
        [[TITLE[0]], [TITLE[1]], ["I. KẾT QUẢ ĐẠT ĐƯỢC"], [BODY, rb.Footnote(NOTE)],
         ["- Đàn gia cầm 1.216.000 con; diện tích lúa xuống giống 31.261 ha."]],
        tmp_path / "báo cáo.pdf", font)
    check(parse_file(pdf))
    table_pdf = rb.build_pdf([*TITLE, "I. KẾT QUẢ ĐẠT ĐƯỢC", BODY, TABLE], tmp_path / "bảng.pdf", font)
    poultry = by_value(parse_file(table_pdf).facts, 1216000)
    assert poultry.unit == "COUNT"
