"""`baocao export` on a warehouse built from the samples by the real ingest flow: the biểu
workbook's layout, and its round trip — the product's own extractor reads every exported
target, result and attainment back as the same fact, and ingesting the workbook leaves the
marts as they were."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import openpyxl
import pytest

from baocao.cli import main
from baocao.settings import load_settings

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
MEASURES = ("Kế hoạch", "Thực hiện", "% so KH")
MEASURE_OF = {"Kế hoạch": "target", "Thực hiện": "actual", "% so KH": "attainment_pct"}
# a level stated as a range or a bound is written as offices write it: '8 - 9', '≥ 95', 'khoảng 3000'
QUALIFIED = re.compile(r"^(?:≥ |> |≤ |< |khoảng )?\d+(?:,\d+)?(?: - \d+(?:,\d+)?)?$")
# what the marts hold for the export's defaults: whole years, catalogued indicators, known places
MART_CELLS = """
    select l.name, l.level, t.period_key, t.indicator_key, t.target, t.actual,
           coalesce(t.attainment_stated_pct, t.attainment_computed_pct)
    from main.mart_target_attainment t
    join main.dim_period p using (period_key)
    join main.dim_locality l using (locality_key)
    join main.dim_indicator i using (indicator_key)
    where p.grain = 'year' and i.is_catalogued and l.is_in_gazetteer"""


@dataclass
class Exported:
    out: Path
    stdout: str
    expected: set[tuple]  # (place, level, year, indicator, measure, value) of every cell
    marts: set[tuple]  # mart_target_attainment rows before the workbook is ingested


def _expected(con: duckdb.DuckDBPyConnection) -> set[tuple]:
    cells = set()
    for name, level, year, key, target, actual, attainment in con.execute(MART_CELLS).fetchall():
        for measure, value in (("target", target), ("actual", actual), ("attainment_pct", attainment)):
            if value is not None:
                cells.add((name, level, year, key, measure, value))
    return cells


def _marts(con: duckdb.DuckDBPyConnection) -> set[tuple]:
    # the chosen sources change (the workbook is the latest document); the values must not. A
    # computed attainment the workbook wrote comes back stated, hence coalesce(stated, computed).
    return set(
        con.execute(
            "select locality_key, period_key, indicator_key, base_unit, target, target_unit, target_qualifier, "
            "actual, actual_unit, attainment_computed_pct, coalesce(attainment_stated_pct, attainment_computed_pct) "
            "from main.mart_target_attainment"
        ).fetchall()
    )


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def exported(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    """One warehouse per module: every sample through the ingest flow, then `baocao export`."""
    home = tmp_path_factory.mktemp("export_home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BAOCAO_HOME", str(home))
        for var in (
            "BAOCAO_INBOX",
            "BAOCAO_LAKE",
            "BAOCAO_PROCESSED",
            "BAOCAO_QUARANTINE",
            "BAOCAO_WAREHOUSE",
        ):
            mp.delenv(var, raising=False)
        mp.setenv("BAOCAO_SETTLE_SECONDS", "0")
        settings = load_settings()
        settings.ensure_dirs()
        for sample in sorted(SAMPLES.glob("*.txt")):
            shutil.copyfile(sample, settings.inbox / sample.name)
        from baocao.pipeline import ingest_flow

        result = ingest_flow()
        assert set(result["counts"]) == {"processed"}, result
        out = home / "bieu.xlsx"
        code, stdout, stderr = _run(["export", "-o", str(out)])
        assert code == 0, stderr
        with duckdb.connect(str(settings.read_copy), read_only=True) as con:
            expected, marts = _expected(con), _marts(con)
        yield Exported(out, stdout, expected, marts)


def _header_row(ws) -> int:
    return next(r for r in range(1, 15) if ws.cell(r, 1).value == "STT")


def test_a_sheet_per_place_with_the_bieu_header(exported: Exported) -> None:
    wb = openpyxl.load_workbook(exported.out)
    places = {(name, level) for name, level, *_ in exported.expected}
    assert sorted(wb.sheetnames) == sorted(name for name, _ in places)  # the samples' places differ by name
    rows = cells = 0
    for ws in wb.worksheets:
        h = _header_row(ws)
        assert ws.title.upper() in ws.cell(1, 1).value  # 'UBND HUYỆN CẦU KÈ'
        assert ws.title in ws.cell(h - 2, 1).value  # 'Huyện Cầu Kè, Tỉnh Trà Vinh'
        assert [ws.cell(h, c).value for c in (1, 2, 3)] == ["STT", "Chỉ tiêu", "ĐVT"]
        assert ws.cell(h, 1).font.bold and ws.cell(h + 1, 4).font.bold
        years = [ws.cell(h, c).value for c in range(4, ws.max_column + 1, 3)]
        assert years and all(re.fullmatch(r"Năm (19|20)\d\d", y) for y in years)
        assert years == sorted(years)
        assert [ws.cell(h + 1, c).value for c in range(4, ws.max_column + 1)] == list(MEASURES) * len(years)
        assert ws.freeze_panes == f"D{h + 2}"
        r = h + 2
        while ws.cell(r, 2).value:
            rows += 1
            assert ws.cell(r, 1).value == r - h - 1  # STT 1, 2, 3 …
            assert ws.cell(r, 3).value is not None  # every row has its ĐVT (the samples state units)
            for c in range(4, ws.max_column + 1):
                v = ws.cell(r, c).value
                if v is None:
                    continue
                cells += 1
                measure = MEASURE_OF[ws.cell(h + 1, c).value]
                if isinstance(v, str):  # a range or a bound, never a plain number as text
                    assert measure != "attainment_pct" and QUALIFIED.match(v), (ws.title, r, c, v)
                else:
                    assert isinstance(v, int | float)
                    fmt = ws.cell(r, c).number_format
                    assert fmt == "0.0" if measure == "attainment_pct" else fmt in ("#,##0", "#,##0.##")
            r += 1
        assert ws.cell(r + 1, 1).value.startswith("Nguồn: baocao, ")
    assert cells == len(exported.expected)
    assert exported.stdout.strip() == (
        f"wrote {exported.out}: {len(wb.sheetnames)} sheet(s), {rows} row(s), {cells} cell(s)"
    )


def test_every_exported_cell_reads_back_as_the_same_fact(exported: Exported) -> None:
    from baocao.parse import parse_file

    parsed = parse_file(exported.out)
    wb = openpyxl.load_workbook(exported.out)
    got = Counter()
    for f in parsed.facts:
        assert f.table_name in wb.sheetnames  # table provenance: the sheet …
        ws = wb[f.table_name]
        assert ws.title == f.locality
        stored = ws.cell(f.table_row, f.table_column).value  # … and the cell the value was written in
        assert stored == f.value or (isinstance(stored, str) and f.qualifier != "exact"), (f, stored)
        got[(f.locality, f.locality_level, f.period, f.catalogue_code, f.measure, f.value)] += 1
        assert f.compared_to == ("target" if f.measure == "attainment_pct" else None)
    assert set(got) == exported.expected
    assert sum(got.values()) == len(exported.expected)  # no cell read twice, none lost
    assert not parsed.warnings


def test_a_qualified_value_keeps_its_bound(exported: Exported) -> None:
    from baocao.parse import parse_file

    qualified = [f for f in parse_file(exported.out).facts if f.qualifier != "exact"]
    assert qualified, "the samples state levels as ranges and bounds ('≥ 95%', '8 - 10')"
    assert all(f.measure in ("target", "actual") for f in qualified)
    assert all((f.value_high is not None) == (f.qualifier == "range") for f in qualified)


def test_filters_pick_places_indicators_and_years(exported: Exported, tmp_path: Path) -> None:
    out = tmp_path / "cau_ke.xlsx"
    code, stdout, stderr = _run(
        ["export", "-o", str(out), "--place", "cau ke", "--years", "2020-2025", "--indicator", "SHARE_AGRI"]
    )
    assert code == 0, stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Cầu Kè"]
    ws = wb["Cầu Kè"]
    h = _header_row(ws)
    assert ws.cell(h + 2, 2).value.startswith("Tỷ trọng nông")
    assert ws.cell(h + 3, 2).value is None  # one indicator
    years = [ws.cell(h, c).value for c in range(4, ws.max_column + 1, 3)]
    assert years and all(2020 <= int(y[-4:]) <= 2025 for y in years)
    assert "1 sheet(s), 1 row(s)" in stdout

    code, _, stderr = _run(["export", "-o", str(tmp_path / "x.xlsx"), "--place", "Hà Giang"])
    assert code == 1 and "Hà Giang" in stderr and "Cầu Kè" in stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_without_a_warehouse_export_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_HOME", str(tmp_path))
    monkeypatch.delenv("BAOCAO_WAREHOUSE", raising=False)
    code, _, stderr = _run(["export"])
    assert code == 2
    assert "run baocao ingest or make demo first" in stderr
    assert not (tmp_path / "exports").exists()


def test_the_workbook_ingests_back_into_the_same_marts(exported: Exported) -> None:
    """Last in the module: it adds the workbook to the module's warehouse."""
    settings = load_settings()
    shutil.copyfile(exported.out, settings.inbox / "biểu xuất.xlsx")
    from baocao.pipeline import ingest_flow

    result = ingest_flow()
    assert result["counts"] == {"processed": 1}, result
    with duckdb.connect(str(settings.read_copy), read_only=True) as con:
        assert _marts(con) == exported.marts
        facts = con.execute(
            "select count(*) from main.fact_value where source_name = 'biểu xuất.xlsx'"
        ).fetchone()
    assert facts[0] == len(exported.expected)
