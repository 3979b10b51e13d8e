"""`baocao ingest --bulk DIR` as a user runs it (a real process, a real Dask cluster through
prefect-dask, a real DuckDB file and dbt build): an archive is read in place, known by path,
resumable after a kill, and Dask gives the same facts as parsing in one process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "data" / "samples").glob("*.txt"))
BAOCAO = [sys.executable, "-m", "baocao.cli"]
FACT_COLUMNS = ("document_id, version, fact_seq, line, col, value, value_high, unit, measure, compared_to, "
                "qualifier, period, locality, indicator, catalogue_code, sentence, table_name, table_row")

pytestmark = pytest.mark.slow


def _archive(root: Path, copies: int) -> list[Path]:
    """Reports in nested folders, the same file name in several of them (as offices reuse names)."""
    made = []
    for k in range(copies):
        folder = root / f"{2019 + k % 3}" / f"don-vi-{k}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "bao-cao.txt"
        path.write_bytes(f"BÁO CÁO số {k}/BC-LT\n".encode() + SAMPLES[k % len(SAMPLES)].read_bytes())
        made.append(path)
    (root / "2019" / "ghi-chu.xyz").write_text("not a report")
    return made


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "PREFECT_API_URL"))}
    env.update(BAOCAO_HOME=str(home), BAOCAO_PREFECT_PORT="1", **extra)  # never find another `baocao up`
    return env


def _bulk(root: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*BAOCAO, "ingest", "--bulk", str(root), "--no-progress", *args], env=_env(home, **env),
                          capture_output=True, text=True, timeout=600)


def _query(home: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(home / "warehouse" / "baocao.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_bulk_on_dask_reads_an_archive_in_place_and_matches_one_process(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    files = _archive(root, 6)
    on_dask = _bulk(root, tmp_path / "dask", "--workers", "2")
    assert on_dask.returncode == 0, on_dask.stdout + on_dask.stderr
    assert "a local Dask cluster of 2 worker(s)" in on_dask.stderr
    assert "6 processed, 1 quarantined" in on_dask.stdout, on_dask.stdout
    assert all(f.exists() for f in files) and (root / "2019" / "ghi-chu.xyz").exists()  # nothing moved

    ledger = dict(_query(tmp_path / "dask", "select file_name, status from raw.ingest_ledger"))
    assert ledger["2019/don-vi-0/bao-cao.txt"] == "processed" and ledger["2019/ghi-chu.xyz"] == "quarantined"
    assert _query(tmp_path / "dask", "select count(distinct document_id) from fact_value") == [(6,)]

    one_process = _bulk(root, tmp_path / "single", "--no-dask")
    assert one_process.returncode == 0, one_process.stdout + one_process.stderr
    con = duckdb.connect()
    con.execute(f"attach '{tmp_path / 'dask' / 'warehouse' / 'baocao.duckdb'}' as a (read_only)")
    con.execute(f"attach '{tmp_path / 'single' / 'warehouse' / 'baocao.duckdb'}' as b (read_only)")
    total = con.execute("select count(*) from a.raw.facts").fetchone()[0]
    only_a = con.execute(f"select count(*) from (select {FACT_COLUMNS} from a.raw.facts "
                         f"except all select {FACT_COLUMNS} from b.raw.facts)").fetchone()[0]
    only_b = con.execute(f"select count(*) from (select {FACT_COLUMNS} from b.raw.facts "
                         f"except all select {FACT_COLUMNS} from a.raw.facts)").fetchone()[0]
    con.close()
    assert total > 1000 and only_a == only_b == 0, (total, only_a, only_b)

    again = _bulk(root, tmp_path / "dask", "--workers", "2")  # nothing new: every file is skipped
    assert again.returncode == 0 and "7 already recorded" in again.stdout, again.stdout + again.stderr


def test_a_killed_bulk_run_resumes_and_records_each_file_once(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    _archive(root, 10)
    home = tmp_path / "home"
    proc = subprocess.Popen([*BAOCAO, "ingest", "--bulk", str(root), "--no-progress", "--no-dask"],
                            env=_env(home, BAOCAO_BULK_CHUNK_FILES="1"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    lake = home / "data" / "lake" / "documents"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if lake.exists() and len(list(lake.glob("document_id=*"))) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # as `kill -9` or a power cut would
    proc.wait(30)
    loaded = len(list(lake.glob("document_id=*")))
    assert 3 <= loaded < 10

    resumed = _bulk(root, home, "--no-dask")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    rows = _query(home, "select file_name, count(*) from raw.ingest_ledger group by file_name")
    assert len(rows) == 11 and all(n == 1 for _, n in rows), rows
    assert _query(home, "select count(distinct document_id), max(document_version) from fact_value") == [(10, 1)]
    assert _query(home, "select count(*) from raw.pending_documents") == [(0,)]
