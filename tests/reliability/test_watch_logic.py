"""The watcher's decisions without Prefect (fast): stability wait, one trigger per burst,
temporary names ignored, retry with backoff when the server is unreachable."""

from __future__ import annotations

import time
from pathlib import Path

from baocao.watch import WatchConfig, Watcher, is_candidate_name


class FakeWatcher(Watcher):
    def __init__(self, config: WatchConfig, up: bool = True) -> None:
        super().__init__(config)
        self.calls: list[int] = []
        self.up = up

    def trigger(self, files: int) -> bool:  # what run_deployment would be asked
        self.calls.append(files)
        return self.up


def _config(inbox: Path) -> WatchConfig:
    return WatchConfig(inbox=inbox, stable_seconds=1.0, max_wait_seconds=5.0, recheck_seconds=3600)


def test_names() -> None:
    for name in ("~$bao cao.docx", "x.txt.part", "y.crdownload", ".hidden.txt", "a.docx.tmp", "b.error.json"):
        assert not is_candidate_name(name), name
    for name in ("báo cáo tháng 9.txt", "so..lieu.txt", "report.DOCX", "x.xlsx"):
        assert is_candidate_name(name), name


def test_burst_becomes_one_trigger_after_files_stop_changing(tmp_path: Path) -> None:
    w = FakeWatcher(_config(tmp_path))
    now = time.monotonic()
    for i in range(100):
        p = tmp_path / f"f{i}.txt"
        p.write_text("x")
        w.note(p)
    w.note(tmp_path / "~$lock.docx")
    w.step(now + 0.5)
    assert w.calls == []  # not yet stable
    w.step(now + 1.2)
    assert w.calls == [100]
    w.step(now + 2.0)
    assert w.calls == [100]  # nothing new: no second trigger


def test_a_file_still_growing_holds_the_burst(tmp_path: Path) -> None:
    w = FakeWatcher(_config(tmp_path))
    t0 = time.monotonic()
    done, growing = tmp_path / "done.txt", tmp_path / "growing.txt"
    done.write_text("x")
    growing.write_text("x")
    w.note(done)
    w.note(growing)
    for k in range(1, 4):  # keeps changing every 0.8 s
        growing.write_text("x" * (k + 1))
        w.step(t0 + 0.8 * k)
    assert w.calls == []
    w.step(t0 + 0.8 * 3 + 1.1)
    assert w.calls == [2]


def test_server_down_retries_with_backoff(tmp_path: Path) -> None:
    w = FakeWatcher(_config(tmp_path), up=False)
    p = tmp_path / "a.txt"
    p.write_text("x")
    w.note(p)
    t0 = time.monotonic()
    w.step(t0 + 1.1)
    w.step(t0 + 1.2)  # within the backoff: no new attempt
    assert w.calls == [1]
    w.step(t0 + 2.2)
    assert w.calls == [1, 1]
    w.up = True
    w.step(t0 + 10)
    assert w.calls == [1, 1, 1] and not w.tracked
