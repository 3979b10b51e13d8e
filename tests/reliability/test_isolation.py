"""Parsing in child processes (isolation.py): real children, real deadlines, real crashes.

The misbehaving workers below are real functions run in real child processes; they stand
for what a hostile file can do to a parser: hang, raise, exhaust memory, or kill the
process outright.
"""

from __future__ import annotations

import os
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path

from baocao import isolation

SEED = sorted((Path(__file__).resolve().parents[2] / "data" / "samples").glob("*.txt"))[2]
GENEROUS = isolation.Limits(seconds=120, memory_bytes=2048 * isolation.MB)


def segfaults(path: str, memory_bytes: int, conn: Connection) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def segfaults_once(path: str, memory_bytes: int, conn: Connection) -> None:
    """Crashes the first time it sees a file (a marker beside it remembers), then parses it."""
    marker = Path(path + ".crashed")
    if not marker.exists():
        marker.write_text("1")
        os.kill(os.getpid(), signal.SIGKILL)
    isolation._child(path, memory_bytes, conn)


def raises(path: str, memory_bytes: int, conn: Connection) -> None:
    try:
        raise RecursionError("maximum recursion depth exceeded")
    except RecursionError as exc:
        conn.send(("error", "parse", f"parser error {type(exc).__name__}: {exc}"))


def hangs(path: str, memory_bytes: int, conn: Connection) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # only SIGKILL stops it
    while True:
        time.sleep(1)


def test_a_good_file_parses_in_a_child() -> None:
    [result] = isolation.parse_files([(SEED, GENEROUS)], workers=1)
    assert result.error is None, result.error
    assert result.parsed is not None and len(result.parsed.facts) > 100
    assert result.attempts == 1


def test_a_worker_that_crashes_twice_quarantines_its_file_and_the_other_files_go_on() -> None:
    bad = isolation.parse_files([(SEED, GENEROUS)], workers=2, target=segfaults)
    assert bad[0].stage == "parse"
    assert bad[0].error == "the parser crashed its worker 2 times (killed by SIGSEGV)"
    assert bad[0].attempts == 2
    good = isolation.parse_files([(SEED, GENEROUS)], workers=2)
    assert good[0].error is None


def test_a_worker_that_crashes_once_is_retried(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(SEED.read_bytes())
    [result] = isolation.parse_files([(report, GENEROUS)], workers=1, target=segfaults_once)
    assert result.error is None, result.error
    assert result.attempts == 2 and result.parsed is not None


def test_a_parser_exception_is_a_reason_not_a_crash() -> None:
    [result] = isolation.parse_files([(SEED, GENEROUS)], workers=1, target=raises)
    assert (result.stage, result.attempts) == ("parse", 1)
    assert result.error.startswith("parser error RecursionError")


def test_a_hanging_worker_is_killed_at_its_deadline() -> None:
    started = time.monotonic()
    [result] = isolation.parse_files([(SEED, isolation.Limits(2, GENEROUS.memory_bytes))], workers=1, target=hangs)
    assert result.error == "timeout after 2 s (the parse was stopped)"
    assert time.monotonic() - started < 10


def test_a_real_parse_past_its_deadline_is_stopped(tmp_path: Path) -> None:
    long_line = tmp_path / "one line.txt"
    sentences = [s for s in SEED.read_text(encoding="utf-8").splitlines() if len(s) > 40]
    long_line.write_text(" ".join(sentences * 40), encoding="utf-8")
    [result] = isolation.parse_files([(long_line, isolation.Limits(1, GENEROUS.memory_bytes))], workers=1)
    assert result.error == "timeout after 1 s (the parse was stopped)"


def test_a_parse_over_the_memory_cap_is_a_memory_limit(tmp_path: Path) -> None:
    long_line = tmp_path / "one line.txt"
    sentences = [s for s in SEED.read_text(encoding="utf-8").splitlines() if len(s) > 40]
    long_line.write_text(" ".join(sentences * 40), encoding="utf-8")
    [result] = isolation.parse_files([(long_line, isolation.Limits(120, 30 * isolation.MB))], workers=1)
    assert result.stage == "parse"
    assert result.error.startswith("memory limit"), result.error


def test_limits_grow_with_the_file() -> None:
    small = isolation.limits_for(10_000, base_seconds=120, seconds_per_mb=30, memory_mb=2048)
    large = isolation.limits_for(16 * isolation.MB, base_seconds=120, seconds_per_mb=30, memory_mb=2048)
    assert small.seconds < large.seconds == 120 + 30 * 16
    assert small.memory_bytes < large.memory_bytes
