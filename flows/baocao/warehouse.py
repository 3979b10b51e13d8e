"""The DuckDB warehouse: raw tables loaded from the lake, plus the ingest ledger.

dbt reads `raw.*` as sources and builds the marts in the same file. DuckDB allows one
writing process: callers hold `writer_lock()` (a file lock beside the database) around
every write, and each document version is loaded in one transaction.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from baocao.lake import VersionFiles
from baocao.parse.model import DocumentInfo
from baocao.settings import Settings

RAW_DDL = """
create schema if not exists raw;
create table if not exists raw.documents (
    document_id varchar not null,
    version integer not null,
    source_name varchar not null,
    content_sha256 varchar not null,
    size_bytes bigint,
    received_at timestamptz,
    parsed_at timestamptz,
    parser_version varchar,
    title varchar,
    kind varchar,
    issuer varchar,
    locality varchar,
    locality_level varchar,
    locality_code varchar,
    doc_date varchar,
    period varchar,
    line_count integer,
    fact_count integer,
    loaded_at timestamptz not null default current_timestamp
);
create table if not exists raw.facts (
    document_id varchar not null,
    version integer not null,
    fact_seq integer not null,
    line integer,
    col integer,
    value double,
    value_high double,
    unit varchar,
    unit_text varchar,
    measure varchar,
    compared_to varchar,
    qualifier varchar,
    period varchar,
    locality varchar,
    locality_level varchar,
    indicator varchar,
    indicator_code varchar,
    sentence varchar,
    section varchar
);
create sequence if not exists raw.ingest_ledger_seq;
create table if not exists raw.ingest_ledger (
    seen_id bigint primary key default nextval('raw.ingest_ledger_seq'),
    file_name varchar not null,
    size_bytes bigint,
    content_sha256 varchar,
    received_at timestamptz,
    status varchar not null,   -- processed | duplicate | quarantined
    document_id varchar,
    version integer,
    stage varchar,             -- where a quarantined file failed: read, parse, lake, load, dbt
    error varchar,
    flow_run_id varchar,
    recorded_at timestamptz not null default current_timestamp
);
-- provenance of a table cell and of OCR; added with the table/OCR readers
alter table raw.facts add column if not exists catalogue_code varchar;
alter table raw.facts add column if not exists table_name varchar;
alter table raw.facts add column if not exists table_row integer;
alter table raw.facts add column if not exists table_column integer;
alter table raw.facts add column if not exists ocr boolean;
alter table raw.facts add column if not exists ocr_confidence double;
-- how many times the file was parsed (a worker that crashed counts); added after the first release
alter table raw.ingest_ledger add column if not exists parse_attempts integer;
-- which rule told the file's document: content, file_name, identity or new
alter table raw.ingest_ledger add column if not exists match_rule varchar;
-- documents whose versions changed since the last good build: the incremental marts rebuild
-- exactly these (dbt_project/macros/batch.sql); emptied after each good build
create table if not exists raw.pending_documents (
    document_id varchar not null,
    queued_at timestamptz not null default current_timestamp
);
-- what the last good build was built from (marts.project_fingerprint): a change builds all
create table if not exists raw.build_state (
    fingerprint varchar not null,
    full_refresh boolean not null,
    built_at timestamptz not null default current_timestamp
);
"""

DOCUMENT_COLUMNS = (
    "document_id, version, source_name, content_sha256, size_bytes, received_at, parsed_at, parser_version, "
    "title, kind, issuer, locality, locality_level, locality_code, doc_date, period, line_count, fact_count"
)
FACT_COLUMNS = (
    "document_id, version, fact_seq, line, col, value, value_high, unit, unit_text, measure, compared_to, "
    "qualifier, period, locality, locality_level, indicator, indicator_code, sentence, section, "
    "catalogue_code, table_name, table_row, table_column, ocr, ocr_confidence"
)


def document_id_for(file_name: str) -> str:
    """A document is identified by its file name (NFC, case-insensitive): new content under
    the same name is a new version of the same document."""
    key = unicodedata.normalize("NFC", file_name).strip().casefold()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def connect(path: Path, *, read_only: bool = False, storage_compatibility: str = "v1.4.0",
            wait_s: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writer waits (BAOCAO_LOCK_WAIT_SECONDS, default 120 s) while another
    process holds DuckDB's own file lock: a BI tool holding the main file, or a dbt child
    orphaned by a killed ingest, delays a load instead of failing it."""
    if wait_s is None:
        wait_s = 0.0 if read_only else float(os.environ.get("BAOCAO_LOCK_WAIT_SECONDS", "120"))
    deadline = time.monotonic() + wait_s
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True)
            return duckdb.connect(str(path), config={
                "storage_compatibility_version": storage_compatibility,
                # DuckDB's default is 80% of the machine: a bulk load must leave room for the parsers
                "memory_limit": os.environ.get("BAOCAO_DUCKDB_MEMORY_LIMIT", "1GB"),
            })
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.25)


@contextmanager
def writer_lock(warehouse: Path, timeout_s: float = 600.0) -> Iterator[None]:
    """Serialise writers across processes (flows, CLI, tests) with an OS file lock.

    The lock dies with its process, so a killed ingest never leaves a stale lock behind.
    """
    lock_path = warehouse.with_name(warehouse.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as fh:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another process holds the warehouse writer lock {lock_path}") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(RAW_DDL)


@contextmanager
def session(settings: Settings) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writer's connection to the warehouse of `settings`, raw schema in place, closed on
    exit (the caller holds `writer_lock` when others may write)."""
    con = connect(settings.warehouse, storage_compatibility=settings.storage_compatibility)
    try:
        ensure_schema(con)
        yield con
    finally:
        con.close()


@dataclass(frozen=True)
class VersionDecision:
    """What arriving content means for the warehouse."""

    status: str  # "new_version" | "unchanged" | "duplicate"
    document_id: str
    version: int
    duplicate_of: str | None = None
    rule: str = "new"  # content | file_name | identity | new: what told the document (the ledger keeps it)


def decide_version(con: duckdb.DuckDBPyConnection, file_name: str, content_sha256: str,
                   info: DocumentInfo | None = None) -> VersionDecision:
    """Which document arriving content belongs to, by the first rule that holds:
    `content` the same bytes are already loaded (unchanged, or a duplicate under another name);
    `file_name` a document of that name exists: a new version of it;
    `identity` a document with the same issuer, kind, place, period and title exists (an
    edited copy saved under a new name): a new version of that document;
    `new` otherwise a new document, identified by its file name."""
    document_id = document_id_for(file_name)
    same = con.execute(
        "select document_id, version, source_name from raw.documents where content_sha256 = ? order by document_id = ? desc, version desc limit 1",
        [content_sha256, document_id],
    ).fetchone()
    if same is not None:
        status = "unchanged" if same[0] == document_id else "duplicate"
        return VersionDecision(status, same[0], same[1], duplicate_of=same[2], rule="content")
    latest = con.execute("select max(version) from raw.documents where document_id = ?", [document_id]).fetchone()[0]
    if latest:
        return VersionDecision("new_version", document_id, latest + 1, rule="file_name")
    twin = _same_identity(con, info)
    if twin is not None:
        return VersionDecision("new_version", twin[0], twin[1] + 1, duplicate_of=twin[2], rule="identity")
    return VersionDecision("new_version", document_id, 1, rule="new")


def _same_identity(con: duckdb.DuckDBPyConnection, info: DocumentInfo | None) -> tuple[str, int, str] | None:
    """(document_id, latest version, its file name) of the document that reports on the same
    thing: same issuer, kind, place, period and title, all of kind/place/period/title known."""
    if info is None or not (info.title and info.kind and (info.locality_code or info.locality) and info.period):
        return None
    # the identity filter first, then "latest version of its document" on the few rows left
    # (numbering every document's versions first cost a window over all documents per file)
    return con.execute(
        """
        with same as (
            select document_id, version, source_name, loaded_at from raw.documents
            where title = ? and kind = ? and period = ? and issuer is not distinct from ?
              and coalesce(locality_code, locality) = ?
        )
        select same.document_id, same.version, same.source_name from same
        where same.version = (select max(d.version) from raw.documents as d where d.document_id = same.document_id)
        order by same.loaded_at desc limit 1
        """,
        [info.title, info.kind, info.period, info.issuer, info.locality_code or info.locality],
    ).fetchone()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All statements inside commit together or not at all."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def _delete_version_rows(con: duckdb.DuckDBPyConnection, document_id: str, version: int) -> None:
    # a version's facts are written with its documents row, in one transaction: without that
    # row there is nothing to delete (the delete scans every fact: once per file, in a bulk
    # load of thousands, it was most of the writer's time)
    if con.execute("select count(*) from raw.documents where document_id = ? and version = ?",
                   [document_id, version]).fetchone()[0]:
        con.execute("delete from raw.facts where document_id = ? and version = ?", [document_id, version])
        con.execute("delete from raw.documents where document_id = ? and version = ?", [document_id, version])
    con.execute("insert into raw.pending_documents (document_id) values (?)", [document_id])


def pending_documents(con: duckdb.DuckDBPyConnection) -> int:
    """How many documents the next incremental build has to rebuild."""
    return int(con.execute("select count(distinct document_id) from raw.pending_documents").fetchone()[0])


def last_build_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("select fingerprint from raw.build_state order by built_at desc limit 1").fetchone()
    return row[0] if row else None


def mark_building(con: duckdb.DuckDBPyConnection) -> None:
    """Before a build: until it ends well, the marts match no known project."""
    con.execute("delete from raw.build_state")


def mark_built(con: duckdb.DuckDBPyConnection, fingerprint: str, *, full_refresh: bool) -> None:
    """After a good build: nothing is pending any more, and the marts match this project."""
    with transaction(con):
        con.execute("delete from raw.pending_documents")
        con.execute("delete from raw.build_state")
        con.execute("insert into raw.build_state (fingerprint, full_refresh) values (?, ?)",
                    [fingerprint, full_refresh])


def _select_present(con: duckdb.DuckDBPyConnection, parquet: Path, columns: str) -> str:
    """The select list for a lake file; a column the file predates is loaded as null."""
    present = {r[0] for r in con.execute("select name from parquet_schema(?)", [str(parquet)]).fetchall()}
    return ", ".join(c if c in present else f"null as {c}" for c in (x.strip() for x in columns.split(",")))


def load_version(con: duckdb.DuckDBPyConnection, files: VersionFiles, document_id: str, version: int) -> int:
    """Replace one document version's rows from its lake files, in one transaction.

    Returns the number of facts loaded. Loading the same version twice is a no-op in effect.
    """
    with transaction(con):
        _delete_version_rows(con, document_id, version)
        con.execute(
            f"insert into raw.documents ({DOCUMENT_COLUMNS}) select {DOCUMENT_COLUMNS} from read_parquet(?)",
            [str(files.documents)],
        )
        loaded = con.execute(
            f"insert into raw.facts ({FACT_COLUMNS}) select {_select_present(con, files.facts, FACT_COLUMNS)} "
            "from read_parquet(?)",
            [str(files.facts)],
        ).fetchone()[0]
    return int(loaded)


def record_seen(
    con: duckdb.DuckDBPyConnection,
    *,
    file_name: str,
    size_bytes: int | None,
    content_sha256: str | None,
    received_at: datetime | None,
    status: str,
    document_id: str | None = None,
    version: int | None = None,
    stage: str | None = None,
    error: str | None = None,
    flow_run_id: str | None = None,
    parse_attempts: int | None = None,
    match_rule: str | None = None,
) -> None:
    con.execute(
        "insert into raw.ingest_ledger (file_name, size_bytes, content_sha256, received_at, status, document_id, "
        "version, stage, error, flow_run_id, recorded_at, parse_attempts, match_rule) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [file_name, size_bytes, content_sha256, received_at, status, document_id, version, stage, error,
         flow_run_id, datetime.now(UTC), parse_attempts, match_rule],
    )


def recorded(con: duckdb.DuckDBPyConnection, file_name: str, content_sha256: str,
             received_at: datetime) -> tuple | None:
    """The ledger row of this very file (same name, content and mtime), when a run recorded it
    and was killed before moving it out of the inbox: (status, document_id, version, stage, error)."""
    return con.execute(
        "select status, document_id, version, stage, error from raw.ingest_ledger where file_name = ? "
        "and content_sha256 = ? and received_at = ? order by seen_id desc limit 1",
        [file_name, content_sha256, received_at],
    ).fetchone()


def was_processed(con: duckdb.DuckDBPyConnection, document_id: str, version: int) -> bool:
    """Whether the ledger already records this version as processed (vs. a crash before filing)."""
    row = con.execute(
        "select count(*) from raw.ingest_ledger where status = 'processed' and document_id = ? and version = ?",
        [document_id, version],
    ).fetchone()
    return bool(row[0])


def fact_count(con: duckdb.DuckDBPyConnection, document_id: str, version: int) -> int:
    return int(con.execute("select count(*) from raw.facts where document_id = ? and version = ?",
                           [document_id, version]).fetchone()[0])


def delete_version(con: duckdb.DuckDBPyConnection, document_id: str, version: int) -> None:
    """Take a version back out of raw (used when the batch's dbt build fails)."""
    with transaction(con):
        _delete_version_rows(con, document_id, version)


def differences(a: Path, b: Path, select: str) -> tuple[int, int, int]:
    """(rows of `select` in a, rows only in a, rows only in b), as multisets (`except all`).

    Two warehouses hold the same rows when both differences are 0: how an incremental build
    is checked against a full rebuild, and one bulk run against another. `select` names its
    warehouse `{db}` ('select * from {db}.main.fact_value'); a reads as `a` and b as `b`.
    """
    con = duckdb.connect()
    try:
        con.execute(f"attach '{a}' as a (read_only)")
        con.execute(f"attach '{b}' as b (read_only)")
        side_a, side_b = select.format(db="a"), select.format(db="b")
        rows = con.execute(f"select count(*) from ({side_a})").fetchone()[0]
        only_a = con.execute(f"select count(*) from ({side_a} except all {side_b})").fetchone()[0]
        only_b = con.execute(f"select count(*) from ({side_b} except all {side_a})").fetchone()[0]
    finally:
        con.close()
    return int(rows), int(only_a), int(only_b)


def publish_read_copy(warehouse_path: Path, read_copy: Path) -> bool:
    """Publish a consistent copy for BI readers: checkpoint, copy, atomic rename.

    Readers open the copy read-only and never block the writer; they see the marts as of
    the last successful build, never a half-applied batch.
    """
    if not warehouse_path.exists():
        return False
    con = connect(warehouse_path)
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    _remove_stale_copies(read_copy)
    tmp = read_copy.with_name(f".{read_copy.name}.{os.getpid()}.tmp")
    shutil.copyfile(warehouse_path, tmp)
    os.replace(tmp, read_copy)
    return True


def _remove_stale_copies(read_copy: Path) -> None:
    """Temporary copies left by a publisher that was killed mid-copy (its pid is gone)."""
    for tmp in read_copy.parent.glob(f".{read_copy.name}.*.tmp"):
        try:
            pid = int(tmp.name.rsplit(".", 2)[-2])
            os.kill(pid, 0)
        except ProcessLookupError:
            tmp.unlink(missing_ok=True)
        except (ValueError, PermissionError, OSError):
            continue
