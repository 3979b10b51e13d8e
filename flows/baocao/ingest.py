"""Ingest steps as plain functions: prepare a file, load a batch, file the results away.

pipeline.py wires these into a Prefect flow; tests and the CLI can call them directly.
A batch is applied under the warehouse writer lock:
  load each new document version (lake Parquet, then one DuckDB transaction)
  -> dbt build -> publish the read copy -> ledger rows + move files out of the inbox.
If dbt fails, the batch's versions are taken back out (raw and lake) and its files are
quarantined, so the marts never show half a batch.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from baocao import inbox, isolation, lake, marts, shutdown, warehouse
from baocao.marts import DbtOutcome
from baocao.parse import SUPPORTED_SUFFIXES, ParsedDocument, UnreadableDocument, parse_file
from baocao.settings import Settings

PARSER_VERSION = "0.1.0"


@dataclass
class Prepared:
    """A file hashed and parsed (or failed) outside the writer lock."""

    path: Path
    arrival: inbox.Arrival | None = None
    parsed: ParsedDocument | None = None
    stage: str | None = None  # where it failed
    error: str | None = None
    seconds: float = 0.0
    attempts: int = 0  # parse attempts (a worker that crashed counts)

    @property
    def ok(self) -> bool:
        return self.error is None and self.parsed is not None


@dataclass
class Outcome:
    """What happened to one file; one ledger row and one artifact row each."""

    file_name: str
    status: str  # processed | duplicate | quarantined | skipped
    document_id: str | None = None
    version: int | None = None
    facts: int = 0
    stage: str | None = None
    error: str | None = None
    seconds: float = 0.0
    moved_to: str | None = None
    note: str | None = None
    newly_loaded: bool = False  # this run inserted the version (so a failed dbt build takes it back)
    recorded: bool = False  # an interrupted run already wrote its ledger row: only move the file
    attempts: int = 0  # parse attempts, recorded in the ledger
    match_rule: str | None = None  # which rule told the document (warehouse.decide_version)
    arrival: inbox.Arrival | None = field(default=None, repr=False)

    def row(self) -> dict:
        return {
            "file": self.file_name,
            "outcome": self.status,
            "document": self.document_id or "",
            "version": self.version or "",
            "facts": self.facts,
            "seconds": round(self.seconds, 3),
            "detail": self.error or self.note or "",
        }


def check(path: Path, max_bytes: int | None = None) -> Prepared:
    """Hash a file and check what can be known without parsing it (type, size). Never raises."""
    prepared = Prepared(path=path)
    try:
        prepared.arrival = inbox.Arrival.of(path)
    except FileNotFoundError:
        prepared.stage, prepared.error = "gone", "file left the inbox before it was read"
        return prepared
    except OSError as exc:
        prepared.stage, prepared.error = "read", f"cannot read file: {exc}"
        return prepared
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        prepared.stage = "read"
        prepared.error = f"unsupported file type {path.suffix or '(none)'}; expected {', '.join(SUPPORTED_SUFFIXES)}"
        return prepared
    if max_bytes is not None and prepared.arrival.size_bytes > max_bytes:
        prepared.stage = "read"
        prepared.error = f"file too large: {prepared.arrival.size_bytes} bytes > limit {max_bytes} (BAOCAO_MAX_BYTES)"
    return prepared


def prepare(path: Path, max_bytes: int | None = None) -> Prepared:
    """Hash and parse one file in this process (tests, tools). Never raises."""
    started = time.perf_counter()
    prepared = check(path, max_bytes)
    if prepared.error is not None:
        return prepared
    prepared.attempts = 1
    try:
        prepared.parsed = parse_file(path)
    except UnreadableDocument as exc:
        prepared.stage, prepared.error = "read", exc.reason
    except Exception as exc:  # a parser bug must quarantine the file, not stop the batch
        prepared.stage = "parse"
        prepared.error = f"parser error {type(exc).__name__}: {exc} | {traceback.format_exc(limit=3)[-600:]}"
    prepared.seconds = time.perf_counter() - started
    return prepared


def prepare_batch(paths: list[Path], settings: Settings) -> list[Prepared]:
    """Hash every file, then parse each in its own child process within its deadline and
    memory cap (isolation.py): a file that hangs, crashes or explodes is quarantined alone.
    Raises shutdown.Interrupted (children killed, nothing filed) on a stop request."""
    checked = [check(path, settings.max_bytes) for path in paths]
    todo = [p for p in checked if p.error is None]
    jobs = [(p.path, isolation.limits_for(p.arrival.size_bytes, base_seconds=settings.parse_timeout_seconds,
                                          seconds_per_mb=settings.parse_seconds_per_mb,
                                          memory_mb=settings.parse_memory_mb,
                                          ocr_seconds=settings.ocr_seconds_per_page * isolation.pdf_pages(p.path)))
            for p in todo]
    results = isolation.parse_files(jobs, workers=settings.parse_workers)
    for prepared, result in zip(todo, results, strict=True):
        prepared.parsed, prepared.stage, prepared.error = result.parsed, result.stage, result.error
        prepared.attempts, prepared.seconds = result.attempts, result.seconds
    return checked


def _load_one(con, prepared: Prepared, settings: Settings) -> Outcome:
    arrival = prepared.arrival
    assert arrival is not None and prepared.parsed is not None
    decision = warehouse.decide_version(con, arrival.name, arrival.content_sha256, prepared.parsed.info)
    outcome = Outcome(arrival.name, "processed", decision.document_id, decision.version, arrival=arrival,
                      seconds=prepared.seconds, attempts=prepared.attempts, match_rule=decision.rule)
    if decision.status == "duplicate":
        outcome.status = "duplicate"
        outcome.note = f"same content as {decision.duplicate_of!r} (document {decision.document_id} v{decision.version})"
        return outcome
    if decision.status == "unchanged":
        if warehouse.was_processed(con, decision.document_id, decision.version):
            outcome.status = "duplicate"
            outcome.note = f"same content as version {decision.version} already loaded"
            return outcome
        outcome.note = "recovered: loaded by an earlier run that stopped before filing the file"
        outcome.facts = warehouse.fact_count(con, decision.document_id, decision.version)
        return outcome
    now = datetime.now(UTC)
    documents = lake.document_frame(
        prepared.parsed, document_id=decision.document_id, version=decision.version,
        content_sha256=arrival.content_sha256, size_bytes=arrival.size_bytes, received_at=arrival.received_at,
        parsed_at=now, parser_version=PARSER_VERSION,
    )
    facts = lake.fact_frame(prepared.parsed, document_id=decision.document_id, version=decision.version)
    try:
        files = lake.write_version(settings.lake, documents, facts)
    except Exception as exc:
        lake.remove_version(settings.lake, decision.document_id, decision.version)
        return _failed(outcome, "lake", f"{type(exc).__name__}: {exc}")
    try:
        outcome.facts = warehouse.load_version(con, files, decision.document_id, decision.version)
    except Exception as exc:
        lake.remove_version(settings.lake, decision.document_id, decision.version)
        return _failed(outcome, "load", f"{type(exc).__name__}: {exc}")
    outcome.newly_loaded = True
    outcome.note = "new document" if decision.version == 1 else f"new version {decision.version}"
    if decision.rule == "identity":
        outcome.note += f" of {decision.duplicate_of!r} (same issuer, kind, place, period and title)"
    return outcome


def _already_recorded(item: Prepared, row: tuple) -> Outcome:
    """A file the ledger already holds (a run was killed after its ledger rows, before the move)."""
    status, document_id, version, stage, error = row
    return Outcome(item.arrival.name if item.arrival else item.path.name, status, document_id, version, stage=stage,
                   error=error if status == "quarantined" else None, arrival=item.arrival, seconds=item.seconds,
                   note="recorded by an interrupted run; filed now", recorded=True)


def _failed(outcome: Outcome, stage: str, error: str) -> Outcome:
    outcome.status, outcome.stage, outcome.error = "quarantined", stage, error
    outcome.version, outcome.facts = None, 0
    return outcome


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    dbt: DbtOutcome | None
    published: bool
    seconds: float
    facts_published_s: float | None = None  # from the batch's start until its facts were published

    @property
    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for o in self.outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
        return counts


def load_prepared(con, prepared: list[Prepared], settings: Settings) -> list[Outcome]:
    """Load each new document version (lake, then raw in one transaction); say what became of
    every file. No dbt build, no ledger rows, no file moved: the caller does those."""
    outcomes: list[Outcome] = []
    for item in prepared:
        shutdown.check()  # between versions: each is loaded in one transaction or not at all
        name = item.arrival.name if item.arrival is not None else item.path.name
        if item.stage == "gone" or not item.path.exists():
            outcomes.append(Outcome(name, "skipped", note="taken by another run"))
        elif item.arrival is not None and (row := warehouse.recorded(
                con, item.arrival.name, item.arrival.content_sha256, item.arrival.received_at)):
            outcomes.append(_already_recorded(item, row))
        elif not item.ok:
            outcomes.append(Outcome(name, "quarantined", stage=item.stage, error=item.error,
                                    arrival=item.arrival, seconds=item.seconds, attempts=item.attempts))
        else:
            outcomes.append(_load_one(con, item, settings))
    return outcomes


def apply_batch(prepared: list[Prepared], settings: Settings, *, flow_run_id: str | None = None,
                run_dbt_always: bool = False) -> BatchResult:
    """Load a batch under the writer lock, build the marts, then file every input away.

    The build runs in two steps (marts.build): once fact_value and its gates pass, the batch is
    filed and its facts published; the analysis and quality marts follow and are published
    again. A failure before the facts pass takes the batch back; a failure after leaves them."""
    started = time.perf_counter()
    settings.ensure_dirs()
    outcomes: list[Outcome] = []
    dbt_outcome: DbtOutcome | None = None
    published = filed = False
    facts_published_s: float | None = None
    with warehouse.writer_lock(settings.warehouse):
        with warehouse.session(settings) as con:
            outcomes = load_prepared(con, prepared, settings)
            changed = [o for o in outcomes if o.status == "processed" and not o.recorded]
            con.execute("checkpoint")

        def publish_facts(_step: DbtOutcome) -> None:
            nonlocal published, filed, facts_published_s
            _file_away(outcomes, settings, flow_run_id)
            filed = True
            published = warehouse.publish_read_copy(settings.warehouse, settings.read_copy)
            facts_published_s = time.perf_counter() - started

        if changed or run_dbt_always:
            dbt_outcome = marts.build(settings, after_facts=publish_facts)
            if not dbt_outcome.facts_done:
                _take_back(settings, changed, dbt_outcome)
                marts.build(settings)  # restore the marts to the state before the batch
        if not filed:
            _file_away(outcomes, settings, flow_run_id)
        if dbt_outcome is None or dbt_outcome.success:  # after the ledger, so the copy has it too
            published = warehouse.publish_read_copy(settings.warehouse, settings.read_copy)
    return BatchResult(outcomes, dbt_outcome, published, time.perf_counter() - started, facts_published_s)


def rebuild(settings: Settings) -> DbtOutcome:
    """`baocao rebuild`: every mart built whole from raw (dbt --full-refresh), then published."""
    settings.ensure_dirs()
    with warehouse.writer_lock(settings.warehouse):
        outcome = marts.build(settings, full_refresh=True)
        if outcome.success:
            warehouse.publish_read_copy(settings.warehouse, settings.read_copy)
    return outcome


def _take_back(settings: Settings, changed: list[Outcome], dbt_outcome: DbtOutcome) -> None:
    with warehouse.session(settings) as con:
        for outcome in changed:
            if outcome.newly_loaded:
                warehouse.delete_version(con, outcome.document_id, outcome.version)
                lake.remove_version(settings.lake, outcome.document_id, outcome.version)
            _failed(outcome, "dbt", dbt_outcome.summary())


def _file_away(outcomes: list[Outcome], settings: Settings, flow_run_id: str | None) -> None:
    """Record every file in the ledger (one transaction), then move it out of the inbox.

    Ledger first: after a crash between the two, the file is still in the inbox and the
    next run records it again as a duplicate of what the ledger already holds.
    """
    record_outcomes(outcomes, settings, flow_run_id)
    for o in outcomes:
        if o.status == "skipped":
            continue
        source = o.arrival.path if o.arrival else settings.inbox / o.file_name
        if not source.exists():
            continue
        if o.status == "quarantined":
            moved = inbox.quarantine(source, settings.quarantine, stage=o.stage or "?", reason=o.error or "?",
                                     content_sha256=o.arrival.content_sha256 if o.arrival else None)
        else:
            moved = inbox.move_to_processed(o.arrival, settings.processed)
        o.moved_to = str(moved)


def record_outcomes(outcomes: list[Outcome], settings: Settings, flow_run_id: str | None) -> None:
    """One ledger row per file (one transaction); files an interrupted run recorded are not
    recorded twice."""
    with warehouse.session(settings) as con, warehouse.transaction(con):
        for o in outcomes:
            if o.status == "skipped" or o.recorded:
                continue
            arrival = o.arrival
            warehouse.record_seen(
                con, file_name=o.file_name, size_bytes=arrival.size_bytes if arrival else None,
                content_sha256=arrival.content_sha256 if arrival else None,
                received_at=arrival.received_at if arrival else None, status=o.status,
                document_id=o.document_id, version=o.version, stage=o.stage, error=o.error or o.note,
                flow_run_id=flow_run_id, parse_attempts=o.attempts or None, match_rule=o.match_rule,
            )
