"""Every file is untrusted, the new formats too: an XML bomb workbook, a .doc that keeps the
converter busy past its deadline and a 10,000-page scan go through `baocao ingest` beside good
annex tables; each ends processed or quarantined with a reason, no converter outlives its
deadline, and the good tables reach fact_value with their cell provenance."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Home, assert_nothing_lost, dbt_test, record

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def _builders():
    spec = importlib.util.spec_from_file_location("table_builders", REPO / "tests" / "parse" / "table_builders.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("table_builders", module)
    spec.loader.exec_module(module)
    return module


tb = _builders()


def xml_bomb(out: Path) -> bytes:
    """A small workbook of its own (not a copy of the good annex) made a billion laughs."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Biểu 09 - chỉ tiêu", "Tổng thu ngân sách", 1250.5])
    src = out.with_suffix(".src.xlsx")
    wb.save(src)
    return tb.xml_bomb(src, out).read_bytes()


def test_untrusted_tables_legacy_files_and_scans_in_one_batch(prefect_server, home: Home, tmp_path: Path) -> None:
    tb.need_tool("soffice")
    work = tmp_path / "made"
    work.mkdir()
    annex = tb.annex_xlsx(work / "phu luc.xlsx")
    inputs = {
        "bieu 01.docx": tb.annex_docx(work / "bieu 01.docx").read_bytes(),
        "phu luc.xlsx": annex.read_bytes(),
        "bomb.xlsx": xml_bomb(work / "bomb.xlsx"),
        "ban cu treo.doc": tb.to_doc(REPO / "tests" / "fixtures" / "004_ee7c119a26ba9ad1.docx", work / "doc").read_bytes(),
        "luu tru 10000 trang.pdf": tb.blank_scan(work / "scan.pdf", 10_000).read_bytes(),
    }
    for name, data in inputs.items():
        home.drop(name, data, mtime_back=5)
    # a 1 s conversion deadline: LibreOffice is still starting when it expires
    run = home.ingest(timeout=600, BAOCAO_CONVERT_TIMEOUT_SECONDS="1")
    assert run.returncode == 1, run.stdout[-3000:] + run.stderr[-3000:]  # 1: some files were quarantined
    rows = assert_nothing_lost(home, inputs)
    assert not home.inbox_names()

    doc = rows["ban cu treo.doc"]
    assert (doc["status"], doc["stage"]) == ("quarantined", "read"), doc
    assert "did not finish converting the file within 1 s" in doc["error"]
    left = subprocess.run(["pgrep", "-f", "baocao-convert-"], capture_output=True, text=True).stdout.split()
    assert left == [], "a converter outlived its deadline"
    record(".doc whose conversion outlasts its deadline (1 s)", f"quarantined: {doc['error'][:70]}", True)

    scan = rows["luu tru 10000 trang.pdf"]
    assert (scan["status"], scan["stage"]) == ("quarantined", "read"), scan
    assert "more than the OCR limit" in scan["error"]
    record("scanned PDF of 10,000 pages", f"quarantined before any OCR: {scan['error'][:70]}", True)

    bomb = rows["bomb.xlsx"]
    if bomb["status"] == "processed":  # read without expanding a single entity
        lol = home.query("select count(*) from main.fact_value where sentence like '%lol%'")[0][0]
        assert lol == 0
    record(".xlsx whose XML declares a billion laughs", f"{bomb['status']}: no entity expanded", True)

    for name in ("bieu 01.docx", "phu luc.xlsx"):
        assert rows[name]["status"] == "processed", rows[name]
    cells = home.query("select count(*), count(distinct table_name) from main.fact_value where table_name is not null")[0]
    assert cells[0] >= 50 and cells[1] >= 2, cells
    ok, summary = dbt_test(home)
    assert ok, summary
    record("annex tables (.docx, .xlsx) in the same batch", f"processed; {cells[0]} table facts with cell provenance", True)
