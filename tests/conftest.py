"""Shared fixtures: a temporary baocao home (drop folder, lake, warehouse) and one
Prefect test harness for the whole session (its temporary server takes ~15 s to start)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples"


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A real Prefect API (temporary server + SQLite) for flow runs in this test session."""
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect_home"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def baocao_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project home: data/{inbox,lake,processed,quarantine} and warehouse/ under tmp."""
    monkeypatch.setenv("BAOCAO_HOME", str(tmp_path))
    for var in ("BAOCAO_INBOX", "BAOCAO_LAKE", "BAOCAO_PROCESSED", "BAOCAO_QUARANTINE", "BAOCAO_WAREHOUSE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("BAOCAO_SETTLE_SECONDS", "0")
    from baocao.settings import load_settings

    load_settings().ensure_dirs()
    return tmp_path
