"""Bulk backfill of an archive folder: `baocao ingest --bulk DIR` (pipeline.bulk_ingest_flow).

An archive is not an inbox: its files stay where they are (nothing is moved), each is known
by its path under DIR (offices reuse names: `2019/Tan Hong/bao-cao.docx` and
`2020/Tan Hong/bao-cao.docx` are two documents), and a run may be killed and started again.
  - files are parsed in chunks on Dask workers (prefect-dask), each file in its own isolated
    child within its deadline and memory cap, as in the inbox flow;
  - the flow process is the only writer: it loads each chunk as it comes back and records it
    in the ledger, so a killed run loses at most the chunks in flight;
  - a file the ledger already holds (same path, size and modification time) is skipped, so a
    second run resumes where the first stopped;
  - the marts are built once, at the end (incremental: the documents loaded since the last
    good build).
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from baocao import inbox, ingest, warehouse
from baocao.settings import Settings


@dataclass(frozen=True)
class ArchiveFile:
    path: Path
    name: str  # its path under the archive folder, posix: the file name the ledger and document id use
    size_bytes: int
    received_at: datetime  # its modification time, as inbox.Arrival and the ledger hold it


def find_files(root: Path) -> list[ArchiveFile]:
    """Every file under `root` (recursively) that is not temporary or hidden, by path."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            if not inbox.is_candidate(path):
                continue
            stat = path.stat()
            found.append(ArchiveFile(path, path.relative_to(root).as_posix(), stat.st_size,
                                     datetime.fromtimestamp(stat.st_mtime, UTC)))
    return found


def not_yet_recorded(files: list[ArchiveFile], settings: Settings) -> list[ArchiveFile]:
    """The files the ledger does not hold yet (by path, size and modification time): what a
    resumed run still has to do."""
    if not settings.warehouse.exists():
        return files
    with warehouse.writer_lock(settings.warehouse), warehouse.session(settings) as con:
        rows = con.execute("select file_name, size_bytes, epoch_us(received_at) from raw.ingest_ledger").fetchall()
    seen = {(name, size, micros) for name, size, micros in rows if micros is not None}
    return [f for f in files if (f.name, f.size_bytes, _micros(f.received_at)) not in seen]


def _micros(moment: datetime) -> int:
    return round(moment.timestamp() * 1_000_000)


def pending_documents(settings: Settings) -> int:
    with warehouse.writer_lock(settings.warehouse), warehouse.session(settings) as con:
        return warehouse.pending_documents(con)


def chunks(files: list[ArchiveFile], max_files: int, max_bytes: int) -> Iterator[list[ArchiveFile]]:
    """Consecutive groups of at most `max_files` files and about `max_bytes` bytes."""
    group: list[ArchiveFile] = []
    size = 0
    for f in files:
        if group and (len(group) >= max_files or size + f.size_bytes > max_bytes):
            yield group
            group, size = [], 0
        group.append(f)
        size += f.size_bytes
    if group:
        yield group


def parse_chunk(files: list[ArchiveFile], settings: Settings) -> list[ingest.Prepared]:
    """Hash and parse a chunk (on a Dask worker): one isolated child per file, one at a time
    (the worker is the unit of parallelism). Each file keeps its archive path as its name."""
    prepared = ingest.prepare_batch([f.path for f in files], dataclasses.replace(settings, parse_workers=1))
    for item, f in zip(prepared, files, strict=True):
        if item.arrival is not None:
            item.arrival = dataclasses.replace(item.arrival, name=f.name)
    return prepared


def load_chunk(prepared: list[ingest.Prepared], settings: Settings, flow_run_id: str | None) -> list[ingest.Outcome]:
    """Load a parsed chunk and record it in the ledger (the flow process is the one writer)."""
    with warehouse.writer_lock(settings.warehouse):
        with warehouse.session(settings) as con:
            outcomes = ingest.load_prepared(con, prepared, settings)
        ingest.record_outcomes(outcomes, settings, flow_run_id)
    return outcomes


@dataclass
class Progress:
    """Counts for the progress bar and the run summary."""

    total_files: int
    total_bytes: int
    skipped: int = 0
    files: int = 0
    bytes: int = 0
    facts: int = 0
    started: float = dataclasses.field(default_factory=time.monotonic)
    counts: dict[str, int] = dataclasses.field(default_factory=dict)

    def add(self, outcomes: list[ingest.Outcome], files: list[ArchiveFile]) -> None:
        self.files += len(files)
        self.bytes += sum(f.size_bytes for f in files)
        for o in outcomes:
            self.counts[o.status] = self.counts.get(o.status, 0) + 1
            self.facts += o.facts

    def line(self) -> str:
        seconds = max(time.monotonic() - self.started, 1e-6)
        rate = self.bytes / seconds
        left = (self.total_bytes - self.bytes) / rate if rate else float("nan")
        return (f"{self.files:,}/{self.total_files:,} files, {self.bytes / 1e6:,.1f}/{self.total_bytes / 1e6:,.1f} MB, "
                f"{self.facts:,} facts, {self.files / seconds:.1f} files/s, {rate / 1e6:.2f} MB/s, "
                f"about {left:,.0f} s left")


class ProgressBar:
    """A progress bar on stderr (rich), fed with `Progress` after each chunk; silent when disabled."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None
        self.task = None

    def __enter__(self) -> ProgressBar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("bulk"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[info]}"),
                                TimeRemainingColumn(), console=Console(stderr=True))
            self.bar.__enter__()
        return self

    def __call__(self, state: Progress) -> None:
        if self.bar is None:
            return
        if self.task is None:
            self.task = self.bar.add_task("bulk", total=state.total_files, info="")
        info = f"{state.bytes / 1e6:,.1f} MB, {state.facts:,} facts, {state.files / max(time.monotonic() - state.started, 1e-6):.1f} files/s"
        self.bar.update(self.task, completed=state.files, info=info)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def dask_task_runner(workers: int | None, address: str | None):
    """Dask through prefect-dask: an existing cluster at `address` (BAOCAO_DASK_ADDRESS), else a
    local cluster of `workers` single-threaded worker processes. Workers must not be daemonic:
    each parses in its own isolated child processes."""
    import dask
    from prefect_dask import DaskTaskRunner

    dask.config.set({"distributed.worker.daemon": False})
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": max(1, workers or 1),
        "threads_per_worker": 1,
        "processes": True,
        "dashboard_address": None,
        "memory_limit": 0,  # each file's parse is capped by its own child's limit (isolation.py)
    })
