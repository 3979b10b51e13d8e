"""docker-compose.yml without a Docker engine: the file is valid, every published port binds
BAOCAO_BIND (127.0.0.1 by default), secrets come from the uncommitted .env, and the Prefect
server it runs refuses API calls without the auth string (run natively here)."""

from __future__ import annotations

import base64
import contextlib
import os
import re
import signal
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from .conftest import PY, free_port, record, wait_until

REPO = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_publishes_only_on_the_bind_address_with_credentials_from_env() -> None:
    compose = _compose()
    services = compose["services"]
    assert {"postgres", "prefect-server", "ingest", "watcher", "metabase"} <= services.keys()
    for name, svc in services.items():
        for port in svc.get("ports", []):
            assert port.startswith("${BAOCAO_BIND:-127.0.0.1}:"), (name, port)
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    # no password written in the file; the required ones stop compose with a message when unset
    assert "${PREFECT_AUTH_STRING:?" in text and "${POSTGRES_PASSWORD:?" in text
    assert not re.search(r"POSTGRES_PASSWORD:\s*[a-z]", text)
    server_env = services["prefect-server"]["environment"]
    assert "PREFECT_SERVER_API_AUTH_STRING" in server_env
    for client in ("ingest", "watcher"):
        env = services[client].get("environment") or compose["x-baocao"]["environment"]
        assert "PREFECT_API_AUTH_STRING" in env, client
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    assert {"PREFECT_AUTH_STRING", "POSTGRES_PASSWORD", "BAOCAO_BIND"} <= set(re.findall(r"^([A-Z_]+)=", example, re.M))
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=REPO).returncode
    assert ignored == 0, ".env must not be committed"


def test_compose_has_the_warm_runner_and_a_dask_profile_for_bulk_loads() -> None:
    services = _compose()["services"]
    assert services["builder"]["command"] == ["python", "-m", "baocao.builder"]
    dask = {name for name, svc in services.items() if "dask" in svc.get("profiles", [])}
    assert dask == {"dask-scheduler", "dask-worker", "bulk"}
    assert "tcp://dask-scheduler:8786" in services["dask-worker"]["command"]
    assert services["dask-worker"]["environment"]["DASK_DISTRIBUTED__WORKER__DAEMON"] == "False"
    bulk = services["bulk"]["command"]
    assert bulk[:3] == ["baocao", "ingest", "--bulk"] and "tcp://dask-scheduler:8786" in bulk
    # workers read the archive at the same path as the bulk flow that names the files
    assert "./archive:/app/archive:ro" in services["dask-worker"]["volumes"]
    assert "./archive:/app/archive:ro" in services["bulk"]["volumes"]


@pytest.mark.slow
def test_dask_services_run_natively_and_parse_for_a_bulk_load(tmp_path: Path) -> None:
    """The scheduler and a worker as compose starts them (same commands, natively), and a bulk
    load that uses them through --dask-address."""
    port = free_port()
    services = _compose()["services"]
    sched_cmd = [c if c != "8786" else str(port) for c in services["dask-scheduler"]["command"]]
    worker_cmd = [c.replace("tcp://dask-scheduler:8786", f"tcp://127.0.0.1:{port}")
                  for c in services["dask-worker"]["command"]]
    bindir = Path(PY).parent
    env = {**os.environ, **services["dask-worker"]["environment"], "BAOCAO_HOME": str(tmp_path / "home")}
    sched = subprocess.Popen([str(bindir / sched_cmd[0]), *sched_cmd[1:], "--host", "127.0.0.1"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    worker = subprocess.Popen([str(bindir / worker_cmd[0]), *worker_cmd[1:]], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        archive = tmp_path / "archive" / "2024"
        archive.mkdir(parents=True)
        sample = sorted((REPO / "data" / "samples").glob("*.txt"))[2]
        (archive / "bao-cao.txt").write_bytes(sample.read_bytes())
        run_env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_") and k != "PREFECT_API_URL"}
        run_env.update(BAOCAO_HOME=str(tmp_path / "home"), BAOCAO_PREFECT_PORT="1")
        done = subprocess.run([PY, "-m", "baocao.cli", "ingest", "--bulk", str(tmp_path / "archive"),
                               "--dask-address", f"tcp://127.0.0.1:{port}", "--no-progress"],
                              env=run_env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"tcp://127.0.0.1:{port}" in done.stderr and "1 processed" in done.stdout, done.stdout
        record("compose's Dask profile, run natively", "scheduler + worker as compose starts them; "
               "a bulk load through --dask-address parsed and loaded the archive", True)
    finally:
        for proc in (worker, sched):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)


@pytest.mark.slow
def test_the_prefect_server_refuses_calls_without_the_auth_string(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_SERVER_API_AUTH_STRING="admin:s3cret")
    prefect = str(Path(PY).parent / "prefect")
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api/flows/filter"

    def call(auth: str | None) -> int:
        headers = {"Content-Type": "application/json"}
        if auth:
            headers["Authorization"] = "Basic " + base64.b64encode(auth.encode()).decode()
        req = urllib.request.Request(url, data=b"{}", headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError:
            return 0

    try:
        wait_until(lambda: call("admin:s3cret") == 200, 120, what="the Prefect server to answer")
        assert call(None) == 401
        assert call("admin:wrong") == 401
    finally:
        os.killpg(server.pid, 15)
        server.wait(30)
    record("Prefect API of the compose file, run natively with its auth string",
           "200 with the credentials, 401 without or with wrong ones", True)
