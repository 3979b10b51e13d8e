"""Prefect flows: thin wiring of the ingest steps (ingest.py) into tasks.

`ingest` sweeps the inbox (or takes explicit files), prepares each file in its own task,
applies the batch under the warehouse writer lock, and leaves a table artifact.
The same flow serves `baocao ingest`/`demo` (local, no server), the served deployment
(schedule, UI runs, watcher-triggered runs) and the tests (prefect_test_harness).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.context import TagsContext
from prefect.runtime import flow_run

from baocao import inbox, ingest, shutdown
from baocao.settings import load_settings


@task(name="prepare-files", task_run_name="parse {n} file(s)")
def prepare_files(paths: list[Path], n: int) -> list[ingest.Prepared]:
    """Hash and parse every file, each in its own child process with a deadline (isolation.py)."""
    return ingest.prepare_batch(paths, load_settings())


@task(name="apply-batch")
def apply_batch(prepared: list[ingest.Prepared], flow_run_id: str | None) -> ingest.BatchResult:
    return ingest.apply_batch(prepared, load_settings(), flow_run_id=flow_run_id)


@contextlib.contextmanager
def untagged_tasks() -> Iterator[None]:
    """Tasks started here carry no tags, whatever tags the flow run has (the watcher's runs are
    tagged `watcher`): before a tagged task starts, Prefect asks the server for that tag's
    concurrency slots, a round trip that took up to 2.4 s of a drop's latency with the server
    busy. baocao sets no tag limits; the flow run keeps its tags for the UI."""
    with TagsContext(current_tags=set()):
        yield


@flow(name="ingest", log_prints=False)
def ingest_flow(paths: list[str] | None = None, settle_seconds: float | None = None) -> dict:
    """Ingest the given files, or every file waiting in the inbox.

    SIGTERM/SIGINT stop it within seconds (children killed); files not yet filed away stay
    in the inbox for the next run."""
    with shutdown.handle_signals(), untagged_tasks():
        return _ingest(paths, settle_seconds)


def run_sentence(outcomes: list, dbt_summary: str | None, seconds: float) -> str:
    """The run in one sentence for the UI: '3 files: 2 processed (1,204 facts), 1 quarantined
    (bad.docx: not a Word document …); dbt build: 180 nodes passed in 12.9s; 25.1 s in all.'"""
    counts: dict[str, list] = {}
    for o in outcomes:
        counts.setdefault(o.status, []).append(o)
    parts = []
    for status in ("processed", "duplicate", "quarantined", "skipped"):
        got = counts.get(status)
        if not got:
            continue
        text = f"{len(got)} {status}"
        if status == "processed":
            text += f" ({sum(o.facts for o in got):,} facts)"
        elif status == "quarantined":
            text += " (" + "; ".join(f"{o.file_name}: {(o.error or '')[:80]}" for o in got[:3])
            text += "; …)" if len(got) > 3 else ")"
        parts.append(text)
    files = f"{len(outcomes)} file" + ("" if len(outcomes) == 1 else "s")
    build = dbt_summary or "no dbt build needed"
    return f"{files}: {', '.join(parts)}; {build}; {seconds:.1f} s in all."


def _ingest(paths: list[str] | None, settle_seconds: float | None) -> dict:
    logger = get_run_logger()
    settings = load_settings()
    settings.ensure_dirs()
    if paths:
        files = [Path(p).resolve() for p in paths]
    else:
        settle = settings.settle_seconds if settle_seconds is None else settle_seconds
        files = inbox.pending_files(settings.inbox, settle_seconds=settle)
    logger.info("ingest: %d file(s) from %s", len(files), settings.inbox)
    if not files:  # still leave an artifact: the UI shows every sweep, empty ones too
        create_table_artifact(key="ingest-summary", table=[],
                              description=f"0 file(s): nothing waiting in {settings.inbox}")
        return {"files": 0, "counts": {}, "dbt": None}
    started = time.monotonic()
    prepared = prepare_files(files, len(files))
    logger.info("parsed %d file(s) in %.2f s (the slowest took %.2f s)", len(prepared), time.monotonic() - started,
                max((p.seconds for p in prepared), default=0.0))
    result = apply_batch(prepared, str(flow_run.get_id() or ""))
    for o in result.outcomes:
        log = logger.warning if o.status == "quarantined" else logger.info
        log("%s: %s %s", o.file_name, o.status, o.error or o.note or "")
    if result.dbt is not None:
        logger.info(result.dbt.summary())
    create_table_artifact(
        key="ingest-summary",
        table=[o.row() for o in result.outcomes],
        description=run_sentence(result.outcomes, result.dbt.summary() if result.dbt else None, result.seconds),
    )
    return {
        "files": len(result.outcomes),
        "counts": result.counts,
        "dbt": result.dbt.summary() if result.dbt else None,
        "outcomes": [o.row() for o in result.outcomes],
    }


# -- bulk backfill of an archive (bulk.py): parsing on Dask, one writer, one build at the end ----


@task(name="parse-chunk", task_run_name="parse {n} archive file(s)")
def parse_chunk(files: list, n: int) -> list[ingest.Prepared]:
    """On a Dask worker: hash and parse each file of the chunk in its own isolated child."""
    from baocao import bulk

    return bulk.parse_chunk(files, load_settings())


@flow(name="bulk-ingest", log_prints=False)
def bulk_ingest_flow(directory: str, show_progress: bool = False, workers: int | None = None,
                     dask_address: str | None = None, use_dask: bool = True) -> dict:
    """Backfill every report under `directory`: resumable, nothing moved, one dbt build at the end.

    Parsing and loading run in the `bulk-load` subflow on Dask (prefect-dask: a local cluster
    of `workers`, or the scheduler at `dask_address`; `use_dask=False`: this process). The
    cluster is gone before the marts are built, so its memory is not held during the build.
    `show_progress` draws a progress bar on stderr (the CLI); the log has a line every 30 s."""
    from baocao import bulk, marts, warehouse

    if use_dask:
        runner = bulk.dask_task_runner(workers, dask_address)
    else:
        from prefect.task_runners import ThreadPoolTaskRunner

        runner = ThreadPoolTaskRunner(max_workers=1)
    with shutdown.handle_signals(), untagged_tasks():
        loaded = bulk_load_flow.with_options(task_runner=runner)(directory, show_progress)
        logger = get_run_logger()
        settings = load_settings()
        build = marts.build(settings) if bulk.pending_documents(settings) else None  # also a killed run's
        if build is not None:
            logger.info(build.summary())
            if build.success:
                with warehouse.writer_lock(settings.warehouse):
                    warehouse.publish_read_copy(settings.warehouse, settings.read_copy)
    create_table_artifact(
        key="bulk-summary",
        table=[{"outcome": k, "files": v} for k, v in sorted(loaded["counts"].items())],
        description=f"{directory}: {loaded['line']}; {loaded['skipped']} already recorded; "
        f"{build.summary() if build else 'no dbt build needed'}",
    )
    return {**loaded, "dbt": build.summary() if build else None, "dbt_success": build.success if build else True,
            "seconds": loaded["seconds"] + (build.seconds if build else 0.0)}


@flow(name="bulk-load", log_prints=False)
def bulk_load_flow(directory: str, show_progress: bool = False) -> dict:
    """Parse (on the task runner) and load (here, the one writer) every file not yet recorded."""
    from baocao import bulk

    with bulk.ProgressBar(enabled=show_progress) as bar:
        return _bulk_load(Path(directory), bar)


def _bulk_load(root: Path, progress) -> dict:
    from collections import deque

    from baocao import bulk

    logger = get_run_logger()
    settings = load_settings()
    settings.ensure_dirs()
    found = bulk.find_files(root)
    todo = bulk.not_yet_recorded(found, settings)
    state = bulk.Progress(len(todo), sum(f.size_bytes for f in todo), skipped=len(found) - len(todo))
    logger.info("bulk: %d file(s) under %s, %d already recorded (skipped), %d to do (%.1f MB)",
                len(found), root, state.skipped, len(todo), state.total_bytes / 1e6)
    run_id = str(flow_run.get_id() or "")
    window = max(2, 2 * settings.bulk_workers)  # chunks in flight: workers stay busy, memory stays bounded
    groups = iter(bulk.chunks(todo, settings.bulk_chunk_files, 8 * 1024 * 1024))
    in_flight: deque = deque()
    next_log = 0.0
    while True:
        while len(in_flight) < window and (group := next(groups, None)) is not None:
            in_flight.append((group, parse_chunk.submit(group, len(group))))
        if not in_flight:
            break
        group, future = in_flight.popleft()
        prepared = future.result()
        shutdown.check()
        state.add(bulk.load_chunk(prepared, settings, run_id), group)
        progress(state)
        if time.monotonic() >= next_log:  # the UI's log: a line every 30 s
            logger.info("bulk: %s", state.line())
            next_log = time.monotonic() + 30
    logger.info("bulk: %s", state.line())
    return {"files": len(found), "skipped": state.skipped, "counts": state.counts, "facts": state.facts,
            "line": state.line(), "seconds": time.monotonic() - state.started}
