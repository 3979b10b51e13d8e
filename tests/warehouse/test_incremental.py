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

from baocao import builder, ingest, marts, warehouse
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
    return {table: warehouse.differences(a, b, f"from {{db}}.main.{table}") for table in MARTS}


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


def _has_document(path: Path, table: str, name: str) -> bool:
    con = duckdb.connect(str(path), read_only=True)
    try:
        if table == "fact_value":
            return con.execute("select count(*) from fact_value where source_name = ?", [name]).fetchone()[0] > 0
        return con.execute(f"select count(*) from {table} as m join dim_document as d on list_contains(m.document_ids, "
                           "d.document_id) where d.source_name = ?", [name]).fetchone()[0] > 0
    finally:
        con.close()


def test_a_batch_is_published_once_its_facts_pass_and_again_with_its_marts(baocao_home: Path) -> None:
    """Two steps: fact_value and its gates, then (after the caller publishes) the marts computed
    from it. Between the two, the batch's facts are in fact_value and not yet in the marts."""
    settings = load_settings()
    _ingest(settings, _drop(settings, "r1.txt", _sample(1).read_text(encoding="utf-8")))
    seen: dict[str, bool] = {}
    result = _ingest(settings, _drop(settings, "r2.txt", _sample(2).read_text(encoding="utf-8")))
    assert result.dbt.success and result.dbt.facts_done and result.dbt.facts_seconds is not None, result.dbt.summary()
    assert "facts after" in result.dbt.summary()
    assert result.facts_published_s is not None and 0 < result.facts_published_s < result.seconds
    assert _has_document(settings.read_copy, "fact_value", "r2.txt")
    assert _has_document(settings.read_copy, "mart_indicator_values", "r2.txt")

    with warehouse.writer_lock(settings.warehouse):
        with warehouse.session(settings) as con:
            ingest.load_prepared(con, [ingest.prepare(_drop(settings, "r3.txt", _sample(3).read_text(encoding="utf-8")))],
                                 settings)

        def between(step: marts.DbtOutcome) -> None:
            seen["facts"] = _has_document(settings.warehouse, "fact_value", "r3.txt")
            seen["marts"] = _has_document(settings.warehouse, "mart_indicator_values", "r3.txt")

        outcome = marts.build(settings, after_facts=between)
    assert outcome.success and outcome.nodes > 30, outcome.summary()
    assert seen == {"facts": True, "marts": False}
    assert _has_document(settings.warehouse, "mart_indicator_values", "r3.txt")


def test_a_mart_failing_after_the_facts_passed_keeps_the_batch(baocao_home: Path, tmp_path: Path,
                                                                 monkeypatch) -> None:
    """A failure in the second step does not take back facts that passed their gates: the file
    is processed, its facts are published, and the next build rebuilds the marts whole."""
    repo = Path(__file__).resolve().parents[2]
    project = tmp_path / "checkout" / "dbt_project"
    shutil.copytree(repo / "dbt_project", project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    (tmp_path / "checkout" / "flows").symlink_to(repo / "flows")  # the seeds are the product's catalogues
    (project / "tests" / "assert_no_value_in_a_batch.sql").write_text(
        "-- fails in batch builds only: a mart test that breaks after the facts passed\n"
        "{% if var('batch_build', false) %} select * from {{ ref('mart_indicator_values') }}\n"
        "{% else %} select 1 as x where false {% endif %}\n", encoding="utf-8")
    monkeypatch.setenv("BAOCAO_DBT_PROJECT", str(project))
    settings = load_settings()
    assert settings.dbt_project == project
    first = _ingest(settings, _drop(settings, "r1.txt", _sample(1).read_text(encoding="utf-8")))
    assert first.dbt.success and first.dbt.mode == "full", first.dbt.summary()

    second = _ingest(settings, _drop(settings, "r2.txt", _sample(2).read_text(encoding="utf-8")))
    assert not second.dbt.success and second.dbt.facts_done, second.dbt.summary()
    assert "assert_no_value_in_a_batch" in second.dbt.summary() and "stay" in second.dbt.summary()
    assert second.outcomes[0].status == "processed", second.outcomes[0]
    assert Path(second.outcomes[0].moved_to).is_relative_to(settings.processed) and not (settings.inbox / "r2.txt").exists()
    assert _has_document(settings.read_copy, "fact_value", "r2.txt")
    plan = marts.plan_build(settings)
    assert plan.full_refresh, plan.reason


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
