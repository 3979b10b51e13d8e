"""`baocao up` end to end: server + served deployment + watcher from one command, a dropped
file ingested with its artifact, the cron schedule present, Ctrl-C stops everything (exit 0)."""

from __future__ import annotations

import json
import signal
import subprocess
import time
import urllib.request

import pytest

from .conftest import (
    PY,
    Home,
    assert_nothing_lost,
    free_port,
    healthy,
    record,
    variant,
    wait_quiet,
    wait_until,
)

pytestmark = pytest.mark.slow


def _api(url: str, body: dict | None = None) -> object:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url,
        data=data,
        headers={"Content-Type": "application/json"},
        method="POST" if body is not None else "GET",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def test_up_runs_everything_and_stops_cleanly(home: Home, tmp_path) -> None:
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    home.env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    home.env.pop("PREFECT_API_URL", None)
    up = home.spawn("up", [PY, "-m", "baocao.cli", "up", "--port", str(port), "--cron", "*/5 * * * *"])
    wait_until(lambda: "Prefect UI at" in up.tail() or not up.alive(), 240, what="baocao up to start")
    assert up.alive(), up.tail()
    assert healthy(api)

    files = {"up 1.txt": variant(0, "up-1"), "up 2.txt": variant(1, "up-2")}
    for name, data in files.items():
        home.drop(name, data)
    wait_quiet(home, set(files), timeout=240)
    rows = assert_nothing_lost(home, files)
    assert all(r["status"] == "processed" for r in rows.values())

    deployment = _api(f"{api}/deployments/name/ingest/ingest")
    assert deployment["schedules"], "the catch-up sweep schedule"
    assert (
        deployment["concurrency_limit"] == 1
        or (deployment.get("global_concurrency_limit") or {}).get("limit") == 1
    )
    run_id = rows["up 1.txt"]["flow_run_id"]
    artifacts = _api(
        f"{api}/artifacts/filter",
        {"artifacts": {"flow_run_id": {"any_": [run_id]}}, "sort": "CREATED_DESC", "limit": 10, "offset": 0},
    )
    summary = next(a for a in artifacts if a["key"] == "ingest-summary")
    assert summary["description"].endswith(" s in all.") and "processed (" in summary["description"], summary

    # `baocao run` finds the running server by itself (no PREFECT_API_URL in its environment)
    assert "PREFECT_API_URL" not in home.env
    ran = subprocess.run([PY, "-m", "baocao.cli", "run", "--wait"], env=home.env, capture_output=True, text=True,
                         timeout=300)
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-2000:]
    assert "started ingest/ingest as flow run" in ran.stdout and "finished: Completed" in ran.stdout, ran.stdout
    record("`baocao run` while `baocao up` runs", "started the deployment on the running server without "
           "PREFECT_API_URL; the run completed", True)

    up.popen.send_signal(signal.SIGINT)  # what Ctrl-C sends
    assert up.popen.wait(90) == 0, up.tail()
    time.sleep(1)
    assert not healthy(api), "the server must be stopped"
    assert "baocao up: stopped" in up.tail()
    assert not (home.root / ".prefect" / "baocao-server.json").exists()
    gone = subprocess.run([PY, "-m", "baocao.cli", "run"], env={**home.env, "BAOCAO_PREFECT_PORT": str(port)},
                          capture_output=True, text=True, timeout=120)
    assert gone.returncode == 2 and "no baocao server is running" in gone.stderr, gone.stderr
    record(
        "`baocao up` then Ctrl-C",
        "server + deployment (cron schedule, concurrency 1) + watcher; files ingested "
        "with an `ingest-summary` artifact; SIGINT stops all, exit 0",
        True,
    )
