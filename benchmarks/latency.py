"""Latency of the unattended path, measured (not a test): drop a report into a watched inbox
with a real Prefect server, served deployment and watcher running, and time

  file closed -> flow run started     (the run's start_time from the Prefect API)
  file closed -> facts queryable      (its rows visible in fact_value of the BI read copy)
  file closed -> analysis marts       (its values in mart_indicator_values of the read copy:
                                       the build's second step, after the facts are published)

Usage: .venv/bin/python benchmarks/latency.py [--drops 20] [--json out.json]
Each drop waits for the previous one to finish, so every figure is one file's full path.
Everything runs in a temporary BAOCAO_HOME / PREFECT_HOME on a free port.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _spawn(argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        argv,
        env=env,
        stdout=open(log, "ab"),
        stderr=subprocess.STDOUT,  # noqa: SIM115
        start_new_session=True,
        cwd=str(REPO),
    )


def _stop(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as resp:
        return json.loads(resp.read())


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


FACTS_SQL = "select count(*) from fact_value where document_id = ?"
MARTS_SQL = "select count(*) from mart_indicator_values where list_contains(document_ids, ?)"


def _facts_visible(read_copy: Path, document_id: str, sql: str = FACTS_SQL) -> int:
    if not read_copy.exists():
        return 0
    try:
        con = duckdb.connect(str(read_copy), read_only=True)
        try:
            return con.execute(sql, [document_id]).fetchone()[0]
        finally:
            con.close()
    except duckdb.Error:
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--drops", type=int, default=20)
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures here")
    parser.add_argument("--deployment-runs", action="store_true",
                        help="the watcher starts deployment runs (a new process each) instead of running the flow")
    parser.add_argument("--cold-dbt", action="store_true", help="no warm dbt runner (builder.py): dbt starts cold")
    args = parser.parse_args(argv)

    from baocao.serve import wait_for_health
    from baocao.warehouse import document_id_for

    root = Path(tempfile.mkdtemp(prefix="baocao-bench-"))
    home = root / "home"
    for d in ("data/inbox", "data/lake", "data/processed", "data/quarantine", "warehouse", "logs"):
        (home / d).mkdir(parents=True, exist_ok=True)
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "PREFECT_"))}
    env.update(
        {
            "PREFECT_HOME": str(root / "prefect"),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "BAOCAO_HOME": str(home),
            "PYTHONUNBUFFERED": "1",
            "BAOCAO_DBT_PROJECT": str(REPO / "dbt_project"),
        }
    )
    logs = home / "logs"
    procs = []
    samples = sorted((REPO / "data" / "samples").glob("*.txt"))
    inbox, read_copy = home / "data" / "inbox", home / "warehouse" / "baocao_read.duckdb"
    started_lat: list[float] = []
    queryable_lat: list[float] = []
    marts_lat: list[float] = []
    try:
        procs.append(
            _spawn(
                [
                    str(Path(PY).parent / "prefect"),
                    "server",
                    "start",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                ],
                env,
                logs / "server.log",
            )
        )
        assert wait_for_health(api, 180, procs[0]), "server did not start"
        env["PREFECT_API_URL"] = api
        if not args.cold_dbt:  # as `baocao up` starts it
            procs.append(_spawn([PY, "-m", "baocao.builder"], env, logs / "builder.log"))
        procs.append(_spawn([PY, "-m", "baocao.serve", "--cron", ""], env, logs / "serve.log"))
        watch = [PY, "-m", "baocao.cli", "watch", *(["--deployment-runs"] if args.deployment_runs else [])]
        procs.append(_spawn(watch, env, logs / "watch.log"))
        print(f"watcher: {'deployment runs' if args.deployment_runs else 'flow run in the watcher'}; "
              f"dbt: {'cold' if args.cold_dbt else 'warm runner'}; logs in {logs}", flush=True)
        time.sleep(8)  # deployment registered, watcher listening
        for i in range(args.drops + 1):  # drop 0 warms up (first dbt build, imports) and is not counted
            name = f"latency {i:03d}.txt"
            data = f"BÁO CÁO đo {i} {time.time()}\n".encode() + samples[i % len(samples)].read_bytes()
            with open(inbox / name, "wb") as fh:
                fh.write(data)
            closed = time.time()
            doc = document_id_for(name)
            deadline = closed + 300
            while (n := _facts_visible(read_copy, doc)) == 0:
                if time.time() > deadline:
                    raise TimeoutError(f"{name}: facts not visible after 300 s")
                time.sleep(0.05)
            visible = time.time()
            while _facts_visible(read_copy, doc, MARTS_SQL) == 0:  # the analysis marts follow
                if time.time() > deadline:
                    raise TimeoutError(f"{name}: analysis marts not updated after 300 s")
                time.sleep(0.05)
            marts_done = time.time()
            while (inbox / name).exists():
                time.sleep(0.05)
            con = duckdb.connect(str(read_copy), read_only=True)
            run_id = con.execute(
                "select flow_run_id from raw.ingest_ledger where file_name = ? order by seen_id desc limit 1",
                [name],
            ).fetchone()[0]
            con.close()
            run = _get(f"{api}/flow_runs/{run_id}")
            start = datetime.fromisoformat(run["start_time"].replace("Z", "+00:00")).timestamp()
            if i > 0:
                started_lat.append(start - closed)
                queryable_lat.append(visible - closed)
                marts_lat.append(marts_done - closed)
            print(
                f"{name}: run started +{start - closed:.2f}s, {n} facts queryable +{visible - closed:.2f}s, "
                f"analysis marts +{marts_done - closed:.2f}s"
                + ("  (warm-up, not counted)" if i == 0 else ""),
                flush=True,
            )
            time.sleep(2)  # let the run finish and the runner go idle
    finally:
        for proc in reversed(procs):
            _stop(proc)
    result = {
        "drops": len(started_lat),
        "file_closed_to_flow_run_started_s": {
            "median": statistics.median(started_lat),
            "p95": _pct(started_lat, 0.95),
            "values": started_lat,
        },
        "file_closed_to_facts_queryable_s": {
            "median": statistics.median(queryable_lat),
            "p95": _pct(queryable_lat, 0.95),
            "values": queryable_lat,
        },
        "file_closed_to_analysis_marts_s": {
            "median": statistics.median(marts_lat),
            "p95": _pct(marts_lat, 0.95),
            "values": marts_lat,
        },
    }
    print()
    print(f"| latency over {len(started_lat)} drops | median | p95 |")
    print("|---|---|---|")
    for key, label in (
        ("file_closed_to_flow_run_started_s", "file closed → flow run started"),
        ("file_closed_to_facts_queryable_s", "file closed → facts queryable in fact_value"),
        ("file_closed_to_analysis_marts_s", "file closed → its values in mart_indicator_values"),
    ):
        print(f"| {label} | {result[key]['median']:.2f} s | {result[key]['p95']:.2f} s |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
