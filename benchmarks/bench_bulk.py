"""Bulk backfill of an archive on Dask (measured, not a test): wall time, files/s, MB/s and
the peak memory of the whole process tree (the CLI, the Prefect temporary server, the Dask
scheduler and workers, the parse children), sampled every 0.2 s.

    .venv/bin/python benchmarks/bench_bulk.py --mb 1000 --workers 2 [--kill-after 120]
    .venv/bin/python benchmarks/bench_bulk.py --archive DIR --limit-mb 200 --workers 1 --same-as OTHER.duckdb
    .venv/bin/python benchmarks/bench_bulk.py --archive DIR --limit-mb 200 --no-dask --same-as OTHER.duckdb

The archive: the sample reports, each copy made its own document by a first line
('BÁO CÁO số k/BC-BK'), in folders of 100 (a district a folder), up to --mb megabytes; it is
kept (its path is printed) for further runs. --kill-after S kills the whole run (SIGKILL, as
a power cut) after S seconds and starts it again: the second run resumes from the ledger.
--same-as compares raw facts with another run's warehouse (same archive paths, same ids).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "data" / "samples").glob("*.txt"))
FACT_COLUMNS = ("document_id, version, fact_seq, line, col, value, value_high, unit, measure, compared_to, "
                "qualifier, period, locality, indicator, catalogue_code, sentence")


def make_archive(root: Path, megabytes: float) -> tuple[int, int]:
    sizes, k = 0, 0
    data = [p.read_bytes() for p in SAMPLES]
    while sizes < megabytes * 1e6:
        folder = root / f"huyen-{k // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        body = f"BÁO CÁO số {k}/BC-BK\n".encode() + data[k % len(data)]
        (folder / f"bao-cao-{k % 100:02d}.txt").write_bytes(body)
        sizes += len(body)
        k += 1
    return k, sizes


def limited_copy(archive: Path, limit_mb: float, dest: Path) -> Path:
    """The first files of an archive (by path) up to limit_mb, hard-linked under dest."""
    total = 0
    for path in sorted(p for p in archive.rglob("*") if p.is_file()):
        if total >= limit_mb * 1e6:
            break
        target = dest / path.relative_to(archive)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
        total += path.stat().st_size
    return dest


class PeakMemory(threading.Thread):
    """Peak of the summed RSS of a process and all its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        continue
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self.stop.wait(0.2)


def run_bulk(archive: Path, home: Path, workers: int, kill_after: float | None, dask: bool = True) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAOCAO_") and k != "PREFECT_API_URL"}
    env.update(BAOCAO_HOME=str(home), BAOCAO_PREFECT_PORT="1")
    argv = [sys.executable, "-m", "baocao.cli", "ingest", "--bulk", str(archive), "--no-progress",
            *(["--workers", str(workers)] if dask else ["--no-dask"])]
    parts = []
    peak = 0
    for attempt in (1, 2) if kill_after else (1,):
        t0 = time.perf_counter()
        log = (home.parent / f"bulk-{home.name}-{attempt}.log").open("wb")
        proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        meter = PeakMemory(proc.pid)
        meter.start()
        killed = False
        try:
            proc.wait(timeout=kill_after if attempt == 1 and kill_after else None)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            killed = True
        meter.stop.set()
        meter.join()
        peak = max(peak, meter.peak)
        parts.append({"seconds": time.perf_counter() - t0, "killed": killed, "returncode": proc.returncode,
                      "peak_rss_mb": meter.peak / 2**20})
        if not killed and proc.returncode != 0:
            raise SystemExit(f"bulk run failed ({proc.returncode}); see {log.name}")
    return {"parts": parts, "seconds": sum(p["seconds"] for p in parts), "peak_rss_mb": peak / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1000, help="archive size to make (MB = 10^6 bytes)")
    parser.add_argument("--archive", type=Path, default=None, help="use this archive instead of making one")
    parser.add_argument("--limit-mb", type=float, default=None, help="only the first files of the archive, up to this")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true", help="parse in the flow's own process (the single-process run)")
    parser.add_argument("--kill-after", type=float, default=None)
    parser.add_argument("--same-as", type=Path, default=None, help="another run's warehouse to compare raw facts with")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="baocao-bulk-"))
    archive = args.archive
    if archive is None:
        archive = work / "archive"
        files, size = make_archive(archive, args.mb)
        print(f"archive: {files:,} files, {size / 1e6:,.0f} MB in {archive}", flush=True)
    if args.limit_mb:
        archive = limited_copy(archive, args.limit_mb, work / "archive-limited")
    files = [p for p in archive.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    home = work / ("home-nodask" if args.no_dask else f"home-w{args.workers}")
    result = run_bulk(archive, home, args.workers, args.kill_after, dask=not args.no_dask)

    import duckdb

    from baocao import warehouse

    con = duckdb.connect(str(home / "warehouse" / "baocao.duckdb"), read_only=True)
    ledger = con.execute("select count(*), count(distinct file_name) from raw.ingest_ledger").fetchone()
    facts = con.execute("select count(*) from fact_value").fetchone()[0]
    con.close()
    result.update(files=len(files), mb=size / 1e6, workers=0 if args.no_dask else args.workers, ledger_rows=ledger[0],
                  ledger_files=ledger[1], fact_value_rows=facts, warehouse=str(home / "warehouse" / "baocao.duckdb"),
                  files_per_s=len(files) / result["seconds"], mb_per_s=size / 1e6 / result["seconds"])
    if args.same_as:
        # the other run may cover more of the archive: compare on this run's documents
        _, only_here, only_there = warehouse.differences(
            home / "warehouse" / "baocao.duckdb", args.same_as,
            f"select {FACT_COLUMNS} from {{db}}.raw.facts where document_id in (select document_id from a.raw.documents)")
        result.update(same_as=str(args.same_as), facts_only_here=only_here, facts_only_there=only_there)
    print(json.dumps(result, indent=1))
    print(f"\n| bulk | files | MB | workers | wall | files/s | MB/s | peak memory (tree) |\n|---|---|---|---|---|---|---|---|\n"
          f"| {'killed + resumed' if args.kill_after else 'one run'} | {len(files):,} | {size / 1e6:,.0f} | "
          f"{'no Dask' if args.no_dask else args.workers} | "
          f"{result['seconds']:.0f} s | {result['files_per_s']:.1f} | {result['mb_per_s']:.2f} | "
          f"{result['peak_rss_mb']:,.0f} MiB |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
