"""Parse each file in a child process with a deadline and a memory cap.

A report is untrusted input: a parser bug, a pathological file or a converter that hangs
must cost that one file, never the batch. Each file is parsed in its own child (forked from
a forkserver that has the parsing library loaded, so a child starts in milliseconds) under
`RLIMIT_AS`; the parent waits at most the file's deadline, then kills it. A child that dies
by itself (a segfault, the OOM killer) is tried once more; a second crash quarantines the
file. A stop request (SIGTERM/SIGINT, see `shutdown`) kills every child at once.

As with every multiprocessing start method but fork, a script that calls this must guard
its entry point with `if __name__ == "__main__":` (the `baocao` command does).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import re
import resource
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from baocao import shutdown

MB = 1024 * 1024
CRASH_TRIES = 2  # a file that kills its worker this many times is quarantined


@dataclass(frozen=True)
class Limits:
    """What one file's parse may take."""

    seconds: float
    memory_bytes: int


@dataclass
class ParseResult:
    """A parse's outcome: the document, or the stage and reason it failed."""

    parsed: object | None = None  # baocao.parse.ParsedDocument
    stage: str | None = None
    error: str | None = None
    attempts: int = 1
    seconds: float = 0.0


def limits_for(size_bytes: int, *, base_seconds: float, seconds_per_mb: float, memory_mb: int,
               ocr_seconds: float = 0.0) -> Limits:
    """The deadline grows with the file (parsing is linear in its length) and, for a PDF, with
    the pages OCR may have to read; the memory cap leaves room for the text several times over."""
    size_mb = size_bytes / MB
    return Limits(seconds=base_seconds + seconds_per_mb * size_mb + ocr_seconds,
                  memory_bytes=int(memory_mb * MB + 64 * size_bytes))


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_IMAGE_OBJECT = re.compile(rb"/Subtype\s*/Image")


def pdf_pages(path: Path, cap: int = 300) -> int:
    """Pages of a PDF OCR may have to read, estimated without parsing it (untrusted bytes are
    not parsed in the parent): images written in the clear, at most one per page object,
    else ~10 scanned pages per MB; at most `cap` (more is refused by the OCR limit anyway).
    0 for other files and for PDFs without images."""
    if path.suffix.lower() != ".pdf":
        return 0
    try:
        data = path.read_bytes()
    except OSError:
        return 0
    images = len(_IMAGE_OBJECT.findall(data))
    pages = len(_PAGE_OBJECT.findall(data))
    if images and pages:
        return min(cap, images, pages)
    if b"/ObjStm" in data:  # objects compressed into streams: guess from the size
        return min(cap, int(len(data) / MB * 10) + 1)
    return 0


_context: multiprocessing.context.BaseContext | None = None


def _ctx() -> multiprocessing.context.BaseContext:
    """A forkserver with the parser and its catalogues loaded (parse/warmup.py): children start
    warm, in milliseconds, and inherit no threads (Prefect's, dbt's) from the flow process,
    which `fork` would copy in a broken state. The main script and this module are preloaded
    too: each child ran the one and imported the other again (~20 ms a report)."""
    global _context
    if _context is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["__main__", "baocao.isolation", "baocao.parse.warmup"])
        _context = ctx
    return _context


def _child(path: str, memory_bytes: int, conn: Connection) -> None:
    """In the child: cap memory, parse, send back ('ok', doc) or ('error', stage, reason)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a child stops
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    from baocao.parse import UnreadableDocument, parse_file

    try:
        message: tuple = ("ok", parse_file(Path(path)))
    except UnreadableDocument as exc:
        message = ("error", "read", exc.reason)
    except MemoryError:
        message = ("error", "parse", f"memory limit: the parse needed more than {memory_bytes // MB} MB")
    except Exception as exc:  # a parser bug quarantines the file with its traceback
        message = ("error", "parse",
                   f"parser error {type(exc).__name__}: {exc} | {traceback.format_exc(limit=3)[-600:]}")
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("error", "parse", f"memory limit: the result needed more than {memory_bytes // MB} MB"))
    finally:
        conn.close()


@dataclass
class _Job:
    index: int
    path: Path
    limits: Limits
    attempts: int = 0
    proc: multiprocessing.process.BaseProcess | None = None
    conn: Connection | None = None
    started: float = 0.0
    first_started: float = 0.0


def _kill(proc: multiprocessing.process.BaseProcess) -> None:
    if proc.is_alive():
        proc.kill()
    proc.join(5)


def parse_files(jobs: list[tuple[Path, Limits]], workers: int, poll_seconds: float = 0.05,
                target: Callable[[str, int, Connection], None] | None = None) -> list[ParseResult]:
    """Parse every file in its own child, at most `workers` at a time, each within its limits.

    Returns one result per job, in order. Raises `shutdown.Interrupted` (after killing the
    children) when a stop is requested. `target` replaces the child's work (a module-level
    function with `_child`'s signature), for tools and tests that need a worker to misbehave.
    """
    ctx = _ctx()
    results: list[ParseResult | None] = [None] * len(jobs)
    waiting = [_Job(i, path, limits) for i, (path, limits) in enumerate(jobs)]
    waiting.reverse()  # pop() takes them in order
    running: list[_Job] = []
    try:
        while waiting or running:
            shutdown.check()
            while waiting and len(running) < max(1, workers):
                job = waiting.pop()
                _start(ctx, job, target or _child)
                running.append(job)
            for job in list(running):
                done = _poll(job)
                if done is None:
                    continue
                running.remove(job)
                if done == "retry":
                    waiting.append(job)
                else:
                    results[job.index] = done
            if running:
                multiprocessing.connection.wait([j.conn for j in running if j.conn], timeout=poll_seconds)
    except BaseException:
        for job in running:
            if job.proc is not None:
                _kill(job.proc)
        raise
    return [r if r is not None else ParseResult(stage="parse", error="not parsed") for r in results]


def _start(ctx: multiprocessing.context.BaseContext, job: _Job, target: Callable) -> None:
    receiver, sender = ctx.Pipe(duplex=False)
    job.attempts += 1
    job.started = time.monotonic()
    if job.attempts == 1:
        job.first_started = job.started
    job.proc = ctx.Process(target=target, args=(str(job.path), job.limits.memory_bytes, sender),
                           name=f"baocao-parse {job.path.name}", daemon=True)
    job.proc.start()
    sender.close()  # the child holds the only writer: EOF tells us it died
    job.conn = receiver


def _poll(job: _Job) -> ParseResult | str | None:
    """A finished job's result, 'retry' after a first crash, or None while it runs."""
    assert job.proc is not None and job.conn is not None
    elapsed = time.monotonic() - job.started
    if job.conn.poll():
        try:
            message = job.conn.recv()
        except (EOFError, OSError):
            message = None
        if message is not None:
            job.proc.join(10)
            _kill(job.proc)
            job.conn.close()
            return _result(job, message)
    if job.proc.is_alive() and elapsed <= job.limits.seconds:
        return None
    if job.proc.is_alive():  # past its deadline
        _kill(job.proc)
        job.conn.close()
        return ParseResult(stage="parse", error=f"timeout after {job.limits.seconds:.0f} s (the parse was stopped)",
                           attempts=job.attempts, seconds=time.monotonic() - job.first_started)
    job.conn.close()
    code = job.proc.exitcode
    how = f"killed by {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
    if job.attempts < CRASH_TRIES:
        return "retry"
    return ParseResult(stage="parse", error=f"the parser crashed its worker {job.attempts} times ({how})",
                       attempts=job.attempts, seconds=time.monotonic() - job.first_started)


def _result(job: _Job, message: tuple) -> ParseResult:
    seconds = time.monotonic() - job.first_started
    if message[0] == "ok":
        return ParseResult(parsed=message[1], attempts=job.attempts, seconds=seconds)
    return ParseResult(stage=message[1], error=message[2], attempts=job.attempts, seconds=seconds)



