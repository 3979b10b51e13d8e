"""docker-compose.yml without a Docker engine: the file is valid, every published port binds
BAOCAO_BIND (127.0.0.1 by default), secrets come from the uncommitted .env, and the Prefect
server it runs refuses API calls without the auth string (run natively here)."""

from __future__ import annotations

import base64
import os
import re
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
