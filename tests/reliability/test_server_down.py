"""The Prefect server is down when files arrive: the watcher keeps retrying, files wait in
the inbox, and they are ingested once the server and the served deployment are back."""

from __future__ import annotations

import time

import pytest

from .conftest import Home, Server, assert_nothing_lost, dbt_test, free_port, record, variant, wait_quiet

pytestmark = pytest.mark.slow


def test_server_down_when_files_arrive(home: Home, tmp_path) -> None:
    server = Server(free_port(), tmp_path / "prefect-home", tmp_path / "prefect-logs")
    home.env["PREFECT_API_URL"] = server.api_url
    home.env["PREFECT_HOME"] = str(server.prefect_home)
    watcher = home.start_watcher()
    try:
        time.sleep(3)
        files = {f"offline {i}.txt": variant(i, f"offline-{i}") for i in range(3)}
        for name, data in files.items():
            home.drop(name, data)
        time.sleep(8)
        assert set(files) <= home.inbox_names(), "nothing can be ingested without the server"
        assert "cannot start ingest/ingest" in watcher.tail(), watcher.tail()
        assert watcher.alive()

        down_for = time.monotonic()
        server.start()
        home.start_serve()
        wait_quiet(home, set(files), timeout=240)
        back_after = time.monotonic() - down_for
        assert_nothing_lost(home, files)
        assert all(r["status"] == "processed" for r in home.ledger())
        ok, summary = dbt_test(home)
        assert ok, summary
        retries = watcher.tail(100_000).count("cannot start ingest/ingest")
        record(
            "Prefect server down when files arrive",
            f"watcher retried {retries}x with backoff, files waited in the inbox; ingested "
            f"{back_after:.0f}s after the server was started",
            True,
        )
    finally:
        home.stop_all()
        server.stop()
