"""Faults with real processes: SIGKILL mid-load, dbt failing, BI readers during a load,
100 files at once. `baocao ingest` runs as its own process against the module's server."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import textwrap
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from .conftest import (
    PY,
    REPO,
    Home,
    assert_nothing_lost,
    dbt_test,
    record,
    variant,
    wait_quiet,
    wait_until,
)

pytestmark = pytest.mark.slow


def _drop_many(home: Home, n: int, tag: str) -> dict[str, bytes]:
    files = {f"{tag} {i:03d}.txt": variant(i, f"{tag}-{i}") for i in range(n)}
    for name, data in files.items():
        home.drop(name, data, mtime_back=5)
    return files


def _lake_versions(home: Home) -> int:
    return len(list((home.root / "data" / "lake" / "documents").glob("*/*/part-0.parquet")))


def _dbt_child(pid: int) -> bool:
    """Whether process `pid` has a dbt child running (the build phase of a batch)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and b"dbt" in (stat.parent / "cmdline").read_bytes():
                return True
        except (OSError, IndexError, ValueError):
            continue
    return False


def _exactly_once(home: Home, files: dict[str, bytes]) -> None:
    ledger = home.ledger()
    for name in files:
        mine = [r for r in ledger if r["file_name"] == name]
        assert len(mine) == 1, (name, mine)
        assert mine[0]["status"] == "processed", mine
    docs = home.query("select count(*), count(distinct document_id), max(version) from raw.documents")[0]
    assert docs[0] == docs[1] == len(files) and docs[2] == 1, docs


@pytest.mark.parametrize("when", ["loading versions", "dbt build"])
def test_sigkill_mid_load_then_restart(prefect_server, home: Home, when: str) -> None:
    files = _drop_many(home, 24, "kill")
    first = home.spawn("ingest-killed", [PY, "-m", "baocao.cli", "ingest"])
    if when == "loading versions":
        wait_until(
            lambda: _lake_versions(home) >= 2 or not first.alive(),
            180,
            interval=0.02,
            what="first versions in the lake",
        )
    else:
        wait_until(
            lambda: _dbt_child(first.popen.pid) or not first.alive(), 180, interval=0.1, what="dbt to start"
        )
        time.sleep(2)
    assert first.alive(), "ingest finished before it could be killed: " + first.tail()
    at_kill = _lake_versions(home)
    os.kill(first.popen.pid, signal.SIGKILL)  # the ingest process only, as the OOM killer would
    first.popen.wait(10)

    second = home.ingest(timeout=400)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert not (set(files) & home.inbox_names())
    assert_nothing_lost(home, files)
    _exactly_once(home, files)
    recovered = sum("recovered" in (r["error"] or "") for r in home.ledger())
    ok, summary = dbt_test(home)
    assert ok, summary
    stray = list((home.root / "data" / "lake").rglob("*.tmp"))
    record(
        f"ingest SIGKILLed during {when} ({at_kill}/24 versions in the lake), restarted",
        f"restart files all 24 exactly once ({recovered} recovered from the killed run); dbt test passes"
        + (f"; {len(stray)} orphan temp part(s) ignored" if stray else ""),
        True,
    )


def _dbt_project_that_fails_on(tmp: Path, marker: str) -> Path:
    """A copy of the dbt project with one more data test that fails when `marker` is loaded."""
    root = tmp / "failing"
    shutil.copytree(
        REPO / "dbt_project",
        root / "dbt_project",
        ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"),
    )
    (root / "flows").symlink_to(REPO / "flows")  # seeds are read from ../flows/baocao/catalog
    (root / "dbt_project" / "tests" / "no_poison.sql").write_text(
        f"select document_id from raw.documents where source_name like '%{marker}%'\n", encoding="utf-8"
    )
    return root / "dbt_project"


def _state(home: Home, db: Path) -> tuple:
    return home.query(
        "select (select count(*) from raw.documents), (select count(*) from raw.facts), "
        "(select count(*) from fact_value)",
        db=db,
    )[0]


def test_dbt_failure_leaves_no_half_batch(prefect_server, home: Home, tmp_path: Path) -> None:
    project = _dbt_project_that_fails_on(tmp_path, "poison")
    base = {"baseline.txt": variant(0, "baseline")}
    home.drop("baseline.txt", base["baseline.txt"], mtime_back=5)
    assert home.ingest(BAOCAO_DBT_PROJECT=str(project)).returncode == 0
    before_main, before_copy = _state(home, home.warehouse), _state(home, home.read_copy)

    batch = {"poison report.txt": variant(1, "poison"), "innocent.txt": variant(2, "innocent")}
    for name, data in batch.items():
        home.drop(name, data, mtime_back=5)
    run = home.ingest(BAOCAO_DBT_PROJECT=str(project))
    assert run.returncode == 1, run.stdout[-2000:]
    assert _state(home, home.warehouse) == before_main, "raw or marts changed by a failed batch"
    assert _state(home, home.read_copy) == before_copy
    rows = assert_nothing_lost(home, batch)
    for name in batch:
        assert rows[name]["status"] == "quarantined" and rows[name]["stage"] == "dbt", rows[name]
        sidecar = home.sidecar(home.quarantine / name)
        assert sidecar["stage"] == "dbt" and "no_poison" in sidecar["reason"], sidecar
    lake_versions = _lake_versions(home)
    assert lake_versions == 1, "the failed batch's lake parts must be removed"
    ok, summary = dbt_test(home)  # the real project: the warehouse as left is sound
    assert ok, summary
    record(
        "dbt failing (a data test fails on one file of a 2-file batch)",
        "batch taken back: raw, marts and read copy unchanged; both files quarantined, stage dbt",
        True,
    )

    home.drop("innocent.txt", batch["innocent.txt"], mtime_back=5)  # re-dropped with a working build
    assert home.ingest().returncode == 0
    assert home.ledger()[-1]["status"] == "processed"
    record("re-drop after the dbt failure is fixed", "processed", True)


READER = textwrap.dedent("""
    import json, os, sys, time, duckdb
    db, out, stop, mode = sys.argv[1:5]
    # "fresh": each query opens, reads and closes (a BI query); "held": one connection kept open.
    # Two processes, because DuckDB caches the database instance per path inside one process:
    # while a held connection lives, a new connect() there returns the same (old) snapshot.
    held = duckdb.connect(db, read_only=True) if mode == "held" else None
    q = "select (select count(*) from fact_value), (select count(*) from dim_document)"
    with open(out, "w") as fh:
        while not os.path.exists(stop):
            t = time.time()
            rec = {"t": t}
            try:
                if held is None:
                    con = duckdb.connect(db, read_only=True)
                    rec["counts"] = list(con.execute(q).fetchone())
                    con.close()
                else:
                    rec["counts"] = list(held.execute(q).fetchone())
            except Exception as exc:
                rec["error"] = f"{type(exc).__name__}: {exc}"[:200]
            rec["ms"] = round((time.time() - t) * 1000, 1)
            fh.write(json.dumps(rec) + "\\n"); fh.flush()
            time.sleep(0.05)
""")


def _observations(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_bi_reader_on_read_copy_during_load(prefect_server, home: Home, tmp_path: Path) -> None:
    first = _drop_many(home, 2, "before")
    assert home.ingest().returncode == 0
    before = list(
        home.query(
            "select (select count(*) from fact_value), (select count(*) from dim_document)", db=home.read_copy
        )[0]
    )
    stop = tmp_path / "stop"
    outs = {mode: tmp_path / f"reader-{mode}.jsonl" for mode in ("fresh", "held")}
    readers = [
        subprocess.Popen([PY, "-c", READER, str(home.read_copy), str(out), str(stop), mode])
        for mode, out in outs.items()
    ]
    try:
        time.sleep(1)
        batch = _drop_many(home, 6, "during")
        started = time.monotonic()
        run = home.ingest()
        took = time.monotonic() - started
        assert run.returncode == 0, run.stdout[-2000:]
        time.sleep(1)
    finally:
        stop.touch()
        for reader in readers:
            reader.wait(30)
    after = list(
        home.query(
            "select (select count(*) from fact_value), (select count(*) from dim_document)", db=home.read_copy
        )[0]
    )
    fresh, held = _observations(outs["fresh"]), _observations(outs["held"])
    obs = fresh + held
    errors = [o for o in obs if "error" in o]
    assert not errors, errors[:3]
    seen = {tuple(o["counts"]) for o in fresh}
    assert seen <= {tuple(before), tuple(after)}, (seen, before, after)
    assert tuple(after) in seen and before != after
    assert {tuple(o["counts"]) for o in held} == {tuple(before)}, "a held connection keeps its snapshot"
    slowest = max(o["ms"] for o in obs)
    assert_nothing_lost(home, {**first, **batch})
    record(
        f"BI reader on the read copy throughout a load ({len(obs)} queries)",
        f"0 errors; per-query connections saw only before {before} or after {after} (fact_value rows, "
        f"documents), a held connection kept 'before'; slowest query {slowest:.0f} ms; load not blocked "
        f"({took:.0f}s)",
        True,
    )


def test_bi_reader_holding_main_file(prefect_server, home: Home, tmp_path: Path) -> None:
    """What the read copy avoids: a reader on the MAIN file blocks the writer (measured, documented)."""
    first = _drop_many(home, 1, "base")
    assert home.ingest().returncode == 0
    batch = _drop_many(home, 2, "blocked")
    stop = tmp_path / "stop"
    holder = subprocess.Popen(
        [
            PY,
            "-c",
            textwrap.dedent(f"""
        import duckdb, os, time
        con = duckdb.connect({str(home.warehouse)!r}, read_only=True)
        while not os.path.exists({str(stop)!r}):
            con.execute("select count(*) from fact_value").fetchone(); time.sleep(0.2)
    """),
        ]
    )
    try:
        time.sleep(2)
        started = time.monotonic()
        run = home.ingest(BAOCAO_LOCK_WAIT_SECONDS="5")
        waited = time.monotonic() - started
    finally:
        stop.touch()
        holder.wait(30)
    assert run.returncode != 0, "the writer cannot open a file a reader holds"
    assert set(batch) <= home.inbox_names(), "files wait in the inbox for the next run"
    assert "lock" in (run.stdout + run.stderr).lower()
    rerun = home.ingest()
    assert rerun.returncode == 0
    assert_nothing_lost(home, {**first, **batch})
    # and BI queries opening the main file while a load runs: probe it every 0.25 s
    batch2 = _drop_many(home, 3, "probed")
    writer = home.spawn("ingest-bg", [PY, "-m", "baocao.cli", "ingest"])
    probes = {"ok": 0, "lock conflict": 0}
    while writer.alive():
        try:
            duckdb.connect(str(home.warehouse), read_only=True).close()
            probes["ok"] += 1
        except duckdb.IOException:
            probes["lock conflict"] += 1
        time.sleep(0.25)
    wait_quiet(home, set(batch2))
    rows = assert_nothing_lost(home, batch2)
    statuses = sorted({r["status"] + (f" ({r['stage']})" if r["stage"] else "") for r in rows.values()})
    record(
        "BI reader holding the MAIN file during a load (for comparison)",
        f"writer cannot open it: run fails after waiting {waited:.0f}s (BAOCAO_LOCK_WAIT_SECONDS=5), files "
        f"stay in the inbox, next run loads them. Short queries on the main file during a load: "
        f"{probes['lock conflict']} of {sum(probes.values())} failed with a lock conflict; batch "
        f"{', '.join(statuses)}",
        True,
    )


def test_hundred_files_at_once(prefect_server, home: Home) -> None:
    home.start_serve()
    watcher = home.start_watcher()
    time.sleep(3)
    started = time.monotonic()
    files = {f"bao cao {i:03d}.txt": variant(i, f"burst-{i}") for i in range(100)}
    for name, data in files.items():
        home.drop(name, data)
    wait_quiet(home, set(files), timeout=420)
    took = time.monotonic() - started
    assert_nothing_lost(home, files)
    _exactly_once(home, files)
    runs = home.query("select count(distinct flow_run_id) from raw.ingest_ledger")[0][0]
    assert runs <= 5, f"{runs} flow runs for one burst"
    ok, summary = dbt_test(home)
    assert ok, summary
    assert watcher.alive()
    record(
        "100 files dropped at once",
        f"each ingested exactly once, in {runs} flow run(s), {took:.0f}s; dbt test passes",
        True,
    )


def _children(pid: int) -> list[tuple[int, bytes]]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append((int(stat.parent.name), (stat.parent / "cmdline").read_bytes()))
        except (OSError, IndexError, ValueError):
            continue
    return found


def test_served_flow_run_killed_recovers_unattended(prefect_server, home: Home) -> None:
    """SIGKILL the served flow-run process during its dbt build: nobody restarts anything by
    hand; the runner marks the run crashed, the watcher's re-sweep starts a new run. (The
    watcher starts deployment runs here: by default it runs the flow itself.)"""
    serve = home.start_serve()
    watcher = home.start_watcher(BAOCAO_WATCH_DEPLOYMENT_RUNS="1")
    time.sleep(3)
    files = _drop_many(home, 12, "served-kill")
    engine = wait_until(
        lambda: next(
            (pid for pid, cmd in _children(serve.popen.pid) if b"prefect.engine" in cmd and _dbt_child(pid)),
            None,
        ),
        240,
        interval=0.1,
        what="the run's dbt build",
    )
    os.kill(engine, signal.SIGKILL)
    killed_at = time.monotonic()
    wait_quiet(home, set(files), timeout=300)
    took = time.monotonic() - killed_at
    assert_nothing_lost(home, files)
    _exactly_once(home, files)
    ok, summary = dbt_test(home)
    assert ok, summary
    assert watcher.alive() and serve.alive()
    req = urllib.request.Request(
        f"{prefect_server.api_url}/flow_runs/filter",
        method="POST",
        headers={"Content-Type": "application/json"},
        data=json.dumps({"sort": "EXPECTED_START_TIME_DESC", "limit": 50, "offset": 0}).encode(),
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        states = [r["state_type"] for r in json.loads(resp.read())]
    assert "CRASHED" in states, states
    record(
        "served flow run SIGKILLed during its dbt build (no manual restart)",
        f"run marked crashed; the watcher's re-sweep started a new run that filed all 12 exactly once "
        f"{took:.0f}s later; dbt test passes",
        True,
    )
