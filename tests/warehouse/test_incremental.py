"""Incremental marts (issue 11): a batch rebuilds only the documents it touched, and the
result is the same, row for row, as building everything from raw (`baocao rebuild`).

Real files, the real loader, real dbt builds on a temporary DuckDB file; and the warm runner
of `baocao up` (builder.py) as a real process answering on its socket."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from baocao import builder, ingest, marts
from baocao.settings import load_settings

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
MARTS = ["fact_value", "fact_value_history", "dim_document", "dim_locality", "dim_indicator", "dim_period",
         "mart_indicator_values", "mart_target_attainment", "dq_conflicting_values", "dq_unmapped_phrases",
         "dq_unknown_period_or_place", "dq_ocr_facts"]


def _sample(n: int) -> Path:
    return sorted(SAMPLES.glob("*.txt"))[n]


def _drop(settings, name: str, text: str) -> Path:
    path = settings.inbox / name
    path.write_text(text, encoding="utf-8")
    os.utime(path, (time.time() - 5, time.time() - 5))
    return path


def _ingest(settings, *paths: Path) -> ingest.BatchResult:
    return ingest.apply_batch([ingest.prepare(p) for p in paths], settings)


def _differences(a: Path, b: Path) -> dict[str, tuple[int, int, int]]:
    """Per mart: (rows in a, rows only in a, rows only in b); multiset difference."""
    con = duckdb.connect()
    con.execute(f"attach '{a}' as a (read_only)")
    con.execute(f"attach '{b}' as b (read_only)")
    out = {}
    for table in MARTS:
        rows = con.execute(f"select count(*) from a.main.{table}").fetchone()[0]
        only_a = con.execute(f"select count(*) from (from a.main.{table} except all from b.main.{table})").fetchone()[0]
        only_b = con.execute(f"select count(*) from (from b.main.{table} except all from a.main.{table})").fetchone()[0]
        out[table] = (rows, only_a, only_b)
    con.close()
    return out


def test_batches_build_incrementally_and_match_a_full_rebuild(baocao_home: Path, tmp_path: Path) -> None:
    settings = load_settings()
    first = _ingest(settings, *(_drop(settings, f"r{i}.txt", _sample(i).read_text(encoding="utf-8"))
                                for i in range(3)))
    assert first.dbt.success and first.dbt.mode == "full", first.dbt.summary()  # first build of the warehouse

    fourth = _ingest(settings, _drop(settings, "r3.txt", _sample(3).read_text(encoding="utf-8")))
    assert fourth.dbt.success and fourth.dbt.mode == "incremental", fourth.dbt.summary()
    assert "unit_test" not in str(fourth.dbt.command) or "--exclude-resource-type" in fourth.dbt.command

    # a new version of r0 (same name, a number changed, a paragraph of figures gone): its old
    # facts leave fact_value, and the values they alone stated leave the analysis marts
    lines = _sample(0).read_text(encoding="utf-8").replace("13.603,4", "13.604,4", 1).splitlines(keepends=True)
    dropped = next(i for i, line in enumerate(lines) if i > 20 and sum(ch.isdigit() for ch in line) > 8)
    changed = "".join(lines[:dropped] + lines[dropped + 1:])
    assert "13.604,4" in changed
    again = _ingest(settings, _drop(settings, "r0.txt", changed))
    assert again.dbt.mode == "incremental" and again.outcomes[0].version == 2, again.dbt.summary()

    con = duckdb.connect(str(settings.warehouse), read_only=True)
    versions = con.execute("select distinct document_version from fact_value where source_name = 'r0.txt'").fetchall()
    pending = con.execute("select count(*) from raw.pending_documents").fetchone()[0]
    con.close()
    assert versions == [(2,)] and pending == 0

    incremental = tmp_path / "incremental.duckdb"
    shutil.copyfile(settings.warehouse, incremental)
    rebuilt = ingest.rebuild(settings)
    assert rebuilt.success and rebuilt.mode == "full", rebuilt.summary()
    diff = _differences(incremental, settings.warehouse)
    assert all(only_a == only_b == 0 for _, only_a, only_b in diff.values()), repr(diff)
    current = [o for o in first.outcomes if o.file_name != "r0.txt"] + [*fourth.outcomes, *again.outcomes]
    assert diff["fact_value"][0] == sum(o.facts for o in current), diff
    assert again.outcomes[0].facts < next(o.facts for o in first.outcomes if o.file_name == "r0.txt")


def test_a_changed_project_builds_everything(baocao_home: Path) -> None:
    settings = load_settings()
    _ingest(settings, _drop(settings, "r1.txt", _sample(1).read_text(encoding="utf-8")))
    con = duckdb.connect(str(settings.warehouse))
    con.execute("update raw.build_state set fingerprint = 'an older project'")
    con.close()
    plan = marts.plan_build(settings)
    assert plan.full_refresh and "changed" in plan.reason


def test_batch_tests_read_the_batch_and_constraints_check_each_row(baocao_home: Path) -> None:
    """A batch build tests only its documents on the by-document models (rows of other documents
    were tested when they were built); a plain `dbt test` still tests every row; and the checks
    folded into the contracts stop a bad row at insert."""
    settings = load_settings()
    _ingest(settings, _drop(settings, "r1.txt", _sample(1).read_text(encoding="utf-8")))
    con = duckdb.connect(str(settings.warehouse))  # an old document gets a duplicate row behind dbt's back
    con.execute("insert into fact_value_history select * replace ('f-dup' as fact_id, false as is_current) "
                "from fact_value_history where source_name = 'r1.txt' and fact_seq = 1")
    con.close()

    batch = _ingest(settings, _drop(settings, "r2.txt", _sample(2).read_text(encoding="utf-8")))
    assert batch.dbt.success and batch.dbt.mode == "incremental", batch.dbt.summary()
    everything = marts.run_dbt(settings, "test", ["--select", "fact_value_history", "--exclude-resource-type",
                                                  "unit_test"])
    assert not everything.success, everything.summary()
    assert any("unique_combination_of_columns_fact_value_history" in f for f in everything.failures), everything.failures

    con = duckdb.connect(str(settings.warehouse))
    try:
        con.execute("insert into fact_value_history select * replace ('guess' as measure, 'f-new' as fact_id) "
                    "from fact_value_history where source_name = 'r2.txt' limit 1")
        raised = None
    except duckdb.ConstraintException as exc:
        raised = str(exc)
    finally:
        con.close()
    assert raised and "measure" in raised, raised


def _start_builder(env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "baocao.builder"], env=env, stdout=log.open("wb"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def test_warm_runner_builds_and_stops_a_build_whose_caller_left(baocao_home: Path, tmp_path: Path) -> None:
    settings = load_settings()
    _ingest(settings, _drop(settings, "r1.txt", _sample(1).read_text(encoding="utf-8")))  # cold, full
    log = tmp_path / "builder.log"
    proc = _start_builder(dict(os.environ), log)
    try:
        sock = builder.socket_path(settings)
        deadline = time.monotonic() + 60
        while not sock.exists() and time.monotonic() < deadline:
            assert proc.poll() is None, log.read_text()
            time.sleep(0.2)
        assert sock.exists(), log.read_text()

        result = _ingest(settings, _drop(settings, "r2.txt", _sample(2).read_text(encoding="utf-8")))
        assert result.dbt.success and result.dbt.warm and result.dbt.mode == "incremental", result.dbt.summary()

        # a caller that gives up (a stopped flow) makes the runner kill its build; the marts it
        # left half-built are unknown, so the next build builds everything
        killed = marts.build(settings, full_refresh=True, timeout_s=1.0)
        assert not killed.success and "TimeoutError" in (killed.error or ""), killed.summary()
        again = marts.build(settings)
        assert again.success and again.warm and again.mode == "full", again.summary()
        assert "caller left; stopping dbt" in log.read_text()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(20)
    assert not builder.socket_path(settings).exists()
    after = marts.build(settings)  # no runner: a cold dbt process
    assert after.success and not after.warm, after.summary()
