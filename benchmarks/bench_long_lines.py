"""Extraction time per MB, from 10 KB to 20 MB, for one long line and for the same text
with a line per sentence (the issue 'one bad file must never stall the pipeline').

    .venv/bin/python benchmarks/bench_long_lines.py [--max-mb 20]

The text is the sample reports' sentences repeated to the size asked. Prints a Markdown
table (size, seconds and s/MB for each layout, ratio one-line / lines); copy it into the README.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZES_KB = [10, 100, 1024, 4096, 20480]


def sentences() -> list[str]:
    out = []
    for path in sorted((REPO / "data" / "samples").glob("*.txt")):
        out += [s.strip() for s in path.read_text(encoding="utf-8").splitlines() if len(s.strip()) > 40]
    return out


def body(kb: int, pool: list[str]) -> list[str]:
    lines, size, i = [], 0, 0
    while size < kb * 1024:
        lines.append(pool[i % len(pool)])
        size += len(lines[-1].encode()) + 1
        i += 1
    return lines


def timed(lines: list[str]) -> float:
    from baocao.parse import parse_lines

    started = time.perf_counter()
    parse_lines(lines)
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max-mb", type=float, default=20)
    args = ap.parse_args()
    pool = sentences()
    timed(["BÁO CÁO", *pool[:50]])  # catalogues loaded before timing
    print("| size | one line: s | s/MB | a line per sentence: s | s/MB | one line / lines |")
    print("|---|---|---|---|---|---|")
    for kb in [k for k in SIZES_KB if k <= args.max_mb * 1024]:
        lines = body(kb, pool)
        mb = sum(len(s.encode()) + 1 for s in lines) / (1024 * 1024)
        one = timed(["BÁO CÁO", " ".join(lines)])
        many = timed(["BÁO CÁO", *lines])
        print(f"| {kb / 1024:.2f} MB | {one:.2f} | {one / mb:.2f} | {many:.2f} | {many / mb:.2f} | {one / many:.2f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
