"""Extraction speed of `baocao.parse.parse_file` per report, in-process, one core.

    .venv/bin/python benchmarks/bench_extract.py [FILES...]   (default: data/samples + tests/fixtures)

Prints one line per file and records nothing by itself: copy the table into the README.
Each file is parsed N times (default 5, BENCH_RUNS to change): the median and the best wall time,
and the median CPU time of the process (`time.process_time`, less sensitive to other work on a
shared machine). TOTAL lines give the throughput per group of files (plain-text samples,
docx/pdf fixtures): sum of bytes / sum of per-file times, in MB/s with MB = 10^6 bytes.
Also reports the cold cost of the first call (catalogue and gazetteer loading).

Repeated parses of one file run on caches the first parse filled (phrases, indicator
matches), which a real report does not find. The FIRST lines parse each file once in a child
forked (os.fork) from a process that has run `baocao.parse.warmup` and nothing else
(catalogues, indexes and regexes loaded, no text seen; it is forked off before the repeated
parses, whose caches would answer for these very files): the CPU time of that parse, best of
RUNS, so the figure a new report gets with as little of the shared machine's noise as CPU
time allows. The COLD lines parse each file
once in a fresh child of the warm forkserver, as `baocao ingest` does (isolation.py): wall time
from start to result, so they also count the child's start and the result's trip back.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def _group(path: Path) -> str:
    return "text" if path.suffix in {".txt", ".md"} else "docx/pdf" if path.suffix in {".docx", ".pdf"} else "other"


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(
        [*(REPO / "data" / "samples").glob("*.txt"),
         *(p for p in (REPO / "tests" / "fixtures").glob("*") if p.suffix in {".docx", ".pdf", ".md"})]
    )
    first = _in_clean_process(_first, files)  # before this process has parsed anything
    started = time.perf_counter()
    from baocao.parse import parse_file

    parse_file(files[0])
    print(f"cold start (imports + catalogues + first file): {time.perf_counter() - started:.3f}s")
    print(f"{'file':<34} {'KiB':>6} {'facts':>5} {'median s':>9} {'best s':>7} {'cpu s':>7}"
          f" {'MB/s med':>8} {'MB/s cpu':>8}")
    totals: dict[str, list[float]] = {}
    for path in files:
        walls, cpus = [], []
        for _ in range(RUNS):
            t0, c0 = time.perf_counter(), time.process_time()
            parsed = parse_file(path)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        size = path.stat().st_size
        med, best, cpu = statistics.median(walls), min(walls), statistics.median(cpus)
        print(f"{path.name:<34} {size / 1024:6.1f} {len(parsed.facts):5d} {med:9.3f} {best:7.3f} {cpu:7.3f}"
              f" {size / 1e6 / med:8.2f} {size / 1e6 / cpu:8.2f}")
        total = totals.setdefault(_group(path), [0, 0.0, 0.0, 0.0])
        total[0] += size
        total[1] += med
        total[2] += best
        total[3] += cpu
    for group, (size, med, best, cpu) in totals.items():
        print(f"TOTAL {group:<10} {size / 1e6:.3f} MB: {size / 1e6 / med:.2f} MB/s median wall, "
              f"{size / 1e6 / best:.2f} MB/s best wall, {size / 1e6 / cpu:.2f} MB/s median cpu")
    print(first, end="")
    _cold(files)
    return 0


def _in_clean_process(run, files: list[Path]) -> str:
    """What run(files) prints, run in a child forked from this process as it is now (waited for)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        os.dup2(write, 1)
        sys.stdout = os.fdopen(1, "w", closefd=False)
        try:
            run(files)
        finally:
            sys.stdout.flush()
            os._exit(0)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as fh:
        out = fh.read()
    os.waitpid(pid, 0)
    return out


def _first(files: list[Path]) -> None:
    """Each file once, in a child forked after the warmup; CPU seconds of the parse, best of RUNS."""
    import baocao.parse.warmup  # noqa: F401 - what the forkserver loads before its children
    from baocao.parse import parse_file

    totals: dict[str, list[float]] = {}
    for path in files:
        best = min(_forked_cpu(parse_file, path) for _ in range(RUNS))
        total = totals.setdefault(_group(path), [0, 0.0])
        total[0] += path.stat().st_size
        total[1] += best
        print(f"FIRST {path.name:<34} {best:7.3f} s cpu")
    for group, (size, seconds) in totals.items():
        print(f"FIRST TOTAL {group:<10} {size / 1e6:.3f} MB: {size / 1e6 / seconds:.2f} MB/s cpu, "
              "each file once in a warm process")


def _forked_cpu(parse_file, path: Path) -> float:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: parse, report its CPU time, leave without cleanup
        c0 = time.process_time()
        parse_file(path)
        os.write(write, repr(time.process_time() - c0).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        seconds = float(fh.read())
    os.waitpid(pid, 0)
    return seconds


def _cold(files: list[Path]) -> None:
    """Each file once, in a fresh forkserver child (the production path); best of RUNS rounds."""
    from baocao import isolation

    limits = isolation.limits_for(1 << 20, base_seconds=120, seconds_per_mb=30, memory_mb=2048, ocr_seconds=0)
    isolation.parse_files([(files[0], limits)], workers=1)  # start the forkserver
    totals: dict[str, list[float]] = {}
    for path in files:
        best = min(isolation.parse_files([(path, limits)], workers=1)[0].seconds for _ in range(RUNS))
        total = totals.setdefault(_group(path), [0, 0.0])
        total[0] += path.stat().st_size
        total[1] += best
        print(f"COLD {path.name:<34} {best:7.3f} s")
    for group, (size, seconds) in totals.items():
        print(f"COLD TOTAL {group:<10} {size / 1e6:.3f} MB: {size / 1e6 / seconds:.2f} MB/s, each file in a fresh child")


if __name__ == "__main__":  # the forkserver's children import this module's parent by name
    sys.exit(main(sys.argv[1:]))
