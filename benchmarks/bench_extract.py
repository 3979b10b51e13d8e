"""Extraction speed: wall time of `baocao.parse.parse_file` per report (best of N runs).

    .venv/bin/python benchmarks/bench_extract.py [FILES...]   (default: data/samples + tests/fixtures)

Prints one line per file and records nothing by itself: copy the table into the README.
Also reports the cold cost of the first call (catalogue and gazetteer loading).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(
        [*(REPO / "data" / "samples").glob("*.txt"),
         *(p for p in (REPO / "tests" / "fixtures").glob("*") if p.suffix in {".docx", ".pdf", ".md"})]
    )
    started = time.perf_counter()
    from baocao.parse import parse_file

    parse_file(files[0])
    print(f"cold start (imports + catalogues + first file): {time.perf_counter() - started:.3f}s")
    print(f"{'file':<40} {'KiB':>7} {'facts':>6} {'median s':>9} {'max s':>7}")
    for path in files:
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            parsed = parse_file(path)
            times.append(time.perf_counter() - t0)
        print(f"{path.name:<40} {path.stat().st_size / 1024:7.1f} {len(parsed.facts):6d} "
              f"{statistics.median(times):9.3f} {max(times):7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
