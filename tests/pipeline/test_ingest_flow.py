"""The ingest flow end to end on real components: files in a temporary drop folder, a real
Prefect flow run (test harness), Parquet written by polars, a DuckDB file, a real dbt build."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from baocao.settings import load_settings

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.txt"))


def drop(inbox: Path, name: str, content: bytes | None = None, sample: str | None = None) -> Path:
    target = inbox / name
    if content is not None:
        target.write_bytes(content)
    else:
        shutil.copyfile(SAMPLES / (sample or name), target)
    return target


def query(sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(load_settings().warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def run_ingest() -> dict:
    from baocao.pipeline import ingest_flow

    return ingest_flow()


@pytest.fixture
def ingested_samples(prefect_harness, baocao_home: Path) -> dict:
    settings = load_settings()
    for name in SAMPLE_NAMES[:3]:
        drop(settings.inbox, name)
    drop(settings.inbox, "hỏng.txt", content=b"\x00\x01\x02\xff\xfe binary junk \x00" * 50)
    drop(settings.inbox, "bảng tính.xlsx", content=b"PK\x03\x04 not a report")
    return run_ingest()


def test_sweep_processes_reports_and_quarantines_bad_files(ingested_samples: dict) -> None:
    settings = load_settings()
    counts = ingested_samples["counts"]
    assert counts == {"processed": 3, "quarantined": 2}
    # nothing lost: every dropped file is in processed/ or quarantine/, the inbox is empty
    assert list(settings.inbox.iterdir()) == []
    processed = sorted(p.name for p in settings.processed.rglob("*") if p.is_file())
    assert processed == SAMPLE_NAMES[:3]
    quarantined = sorted(p.name for p in settings.quarantine.iterdir())
    assert quarantined == ["bảng tính.xlsx", "bảng tính.xlsx.error.json", "hỏng.txt", "hỏng.txt.error.json"]
    # and the ledger has all five
    ledger = query("select file_name, status, stage from raw.ingest_ledger order by file_name")
    assert len(ledger) == 5
    assert {row[1] for row in ledger} == {"processed", "quarantined"}


def test_lake_has_one_parquet_file_set_per_document_version(ingested_samples: dict) -> None:
    settings = load_settings()
    docs = pl.read_parquet(settings.lake / "documents" / "**" / "*.parquet", hive_partitioning=True)
    facts = pl.read_parquet(settings.lake / "facts" / "**" / "*.parquet", hive_partitioning=True)
    assert docs.height == 3
    assert set(docs["source_name"]) == set(SAMPLE_NAMES[:3])
    assert facts.height == int(docs["fact_count"].sum()) > 0
    assert facts.schema["value"] == pl.Float64


def test_marts_hold_every_document_with_facts_and_no_orphan_keys(ingested_samples: dict) -> None:
    assert ingested_samples["dbt"] and "passed" in ingested_samples["dbt"]
    per_doc = dict(query("select source_name, count(*) from main.fact_value group by 1"))
    assert set(per_doc) == set(SAMPLE_NAMES[:3])
    assert all(n > 0 for n in per_doc.values())
    for dim, key in (("dim_locality", "locality_key"), ("dim_period", "period_key"),
                     ("dim_indicator", "indicator_key")):
        orphans = query(f"select count(*) from main.fact_value f anti join main.{dim} d using ({key})")
        assert orphans == [(0,)], dim
    # the BI read copy was published and opens read-only
    settings = load_settings()
    with duckdb.connect(str(settings.read_copy), read_only=True) as con:
        assert con.execute("select count(*) from main.fact_value").fetchone()[0] == sum(per_doc.values())


def test_dbt_docs_generate_works_on_the_built_warehouse(ingested_samples: dict) -> None:
    from baocao.marts import run_dbt

    outcome = run_dbt(load_settings(), "docs generate")
    assert outcome.success, outcome.summary()
    assert (load_settings().warehouse_dir / "dbt_target" / "catalog.json").exists()


def test_ingesting_the_same_files_again_adds_nothing(ingested_samples: dict) -> None:
    settings = load_settings()
    before = query("select count(*) from raw.documents union all select count(*) from main.fact_value")
    for name in SAMPLE_NAMES[:3]:
        drop(settings.inbox, name)
    result = run_ingest()
    assert result["counts"] == {"duplicate": 3}
    after = query("select count(*) from raw.documents union all select count(*) from main.fact_value")
    assert after == before
    assert list(settings.inbox.iterdir()) == []


def test_changed_file_with_same_name_becomes_a_new_version(ingested_samples: dict) -> None:
    settings = load_settings()
    name = SAMPLE_NAMES[1]
    original = (SAMPLES / name).read_text(encoding="utf-8")
    extra = "\n- Kết nạp mới 123 đảng viên, đạt 105% kế hoạch.\n"
    drop(settings.inbox, name, content=(original + extra).encode("utf-8"))
    result = run_ingest()
    assert result["counts"] == {"processed": 1}
    versions = query("select version from raw.documents where source_name = ? order by version", [name])
    assert versions == [(1,), (2,)]
    # fact_value shows only the new version's facts; the old version stays in raw (history)
    shown = query("select distinct document_version from main.fact_value where source_name = ?", [name])
    assert shown == [(2,)]
    old = query("select count(*) from raw.facts f join raw.documents d using (document_id, version) "
                "where d.source_name = ? and f.version = 1", [name])[0][0]
    assert old > 0
    assert query("select count(*) from main.fact_value where source_name = ? and value = 123", [name])[0][0] >= 1


def test_same_content_under_another_name_is_a_recorded_duplicate(ingested_samples: dict) -> None:
    settings = load_settings()
    drop(settings.inbox, "bản sao báo cáo.txt", sample=SAMPLE_NAMES[0])
    result = run_ingest()
    assert result["counts"] == {"duplicate": 1}
    row = query("select status, error from raw.ingest_ledger where file_name = 'bản sao báo cáo.txt'")
    assert row[0][0] == "duplicate" and SAMPLE_NAMES[0] in row[0][1]
    assert query("select count(*) from raw.documents")[0][0] == 3


OLDEST_BI_DUCKDB = "1.4.3"  # the DuckDB inside the Metabase driver docker/metabase.Dockerfile pins


def test_the_read_copy_opens_in_the_oldest_duckdb_we_claim(ingested_samples: dict) -> None:
    """BI drivers embed older DuckDB releases: the read copy must open in DuckDB 1.4.x (installed
    from PyPI into a folder of its own, run in its own interpreter)."""
    import subprocess
    import sys

    target = Path(__file__).resolve().parents[2] / ".pytest_cache" / f"duckdb-{OLDEST_BI_DUCKDB}"
    if not (target / "duckdb").exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                        f"duckdb=={OLDEST_BI_DUCKDB}"], check=True, timeout=600)
    code = ("import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print(duckdb.__version__, c.execute('select count(*) from main.fact_value').fetchone()[0])")
    out = subprocess.run([sys.executable, "-c", code, str(load_settings().read_copy)], capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    version, facts = out.stdout.split()
    assert version == OLDEST_BI_DUCKDB and int(facts) > 0


def test_analysis_marts_pair_targets_with_results(ingested_samples: dict) -> None:
    """A report's results against the targets it quotes ('41/40 doanh nghiệp', '16,02% (NQ12%)')."""
    pairs = {r[0]: r[1:] for r in query(
        "select indicator_key, target, actual, attainment_computed_pct, attainment_stated_pct "
        "from main.mart_target_attainment "
        "where has_target_and_actual and period_key = '2022' and actual_source like '002_%'")}
    assert pairs["ENTERPRISES_NEW"][:3] == (40.0, 41.0, 102.5)
    assert pairs["PV_GROWTH"][:2] == (12.0, 16.02)
    # one row per grain, levels and changes in their own rows, every chosen fact drills through
    assert query("select count(*) - count(distinct value_id) from main.mart_indicator_values") == [(0,)]
    kinds = {r[0] for r in query("select distinct value_kind from main.mart_indicator_values")}
    assert {"level", "planned_level", "attainment"} <= kinds
    assert query("select count(*) from main.mart_indicator_values v anti join main.fact_value f "
                 "on f.fact_id = v.chosen_fact_id") == [(0,)]
    for model in ("dq_conflicting_values", "dq_unmapped_phrases", "dq_unknown_period_or_place", "dq_ocr_facts"):
        query(f"select count(*) from main.{model}")  # built, readable


def test_an_edited_copy_under_a_new_name_is_a_new_version_of_its_document(ingested_samples: dict) -> None:
    """Same issuer, kind, place, period and title: the same document, one number corrected."""
    settings = load_settings()
    name = SAMPLE_NAMES[0]  # titled: 'Báo cáo chính trị … nhiệm kỳ 2020 - 2025' of a district's party committee
    text = (SAMPLES / name).read_text(encoding="utf-8")
    k = next(k for k, c in enumerate(text) if c.isdigit() and k > 4000)
    edited = text[:k] + ("7" if text[k] != "7" else "8") + text[k + 1:]
    drop(settings.inbox, "ban sua (da chinh so lieu).txt", content=edited.encode("utf-8"))
    result = run_ingest()
    assert result["counts"] == {"processed": 1}
    original_id = query("select document_id from raw.documents where source_name = ?", [name])[0][0]
    row = query("select document_id, version, match_rule from raw.ingest_ledger "
                "where file_name = 'ban sua (da chinh so lieu).txt'")
    assert row == [(original_id, 2, "identity")]
    # one document, its facts counted once (the edited version's)
    assert query("select count(*) from main.dim_document where document_id = ?", [original_id]) == [(1,)]
    assert query("select distinct document_version from main.fact_value where document_id = ?",
                 [original_id]) == [(2,)]
    rules = dict(query("select file_name, match_rule from raw.ingest_ledger where status = 'processed'"))
    assert {rules[n] for n in SAMPLE_NAMES[:3]} == {"new"}


def test_a_watcher_run_is_tagged_and_its_tasks_are_not(prefect_harness, baocao_home: Path) -> None:
    """The watcher tags its runs `watcher` for the UI; the tasks inside carry no tag, so none of
    them waits for the server's tag concurrency slots before it starts (pipeline.untagged_tasks)."""
    import time

    from prefect import tags
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from baocao.pipeline import ingest_flow

    settings = load_settings()
    drop(settings.inbox, SAMPLE_NAMES[1])
    with tags("watcher"):
        state = ingest_flow(return_state=True)
    assert state.is_completed(), state
    run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        assert "watcher" in client.read_flow_run(run_id).tags
        deadline = time.monotonic() + 30
        while len(task_runs := client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id])))) < 2 and time.monotonic() < deadline:
            time.sleep(0.5)  # task runs reach the server as events
    assert {t.task_key.split("-")[0] for t in task_runs} >= {"prepare_files", "apply_batch"}, task_runs
    assert all(not t.tags for t in task_runs), [(t.name, t.tags) for t in task_runs]
