"""Ingest throughput and memory: N reports through prepare -> lake -> DuckDB -> dbt build.

    .venv/bin/python benchmarks/bench_ingest.py [N]      (default 100)

Makes N distinct reports from the samples (each with a unique closing line, so none is a
duplicate) in a temporary home, then runs the ingest steps once as one batch, the way the
flow does, and prints the time of each stage and the peak memory of the process.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 100
    home = Path(tempfile.mkdtemp(prefix="baocao-bench-"))
    os.environ["BAOCAO_HOME"] = str(home)
    from baocao import ingest
    from baocao.settings import load_settings

    settings = load_settings()
    settings.ensure_dirs()
    samples = sorted((REPO / "data" / "samples").glob("*.txt"))
    for i in range(n):
        sample = samples[i % len(samples)]
        # its own title line: a distinct document, not a version of the sample (identity rule)
        text = f"BÁO CÁO số {i}\n" + sample.read_text(encoding="utf-8") + f"\nBản sao số {i} để đo hiệu năng.\n"
        (settings.inbox / f"{sample.stem}-{i:04d}.txt").write_text(text, encoding="utf-8")
    files = sorted(settings.inbox.iterdir())
    total_mb = sum(f.stat().st_size for f in files) / 1e6

    t0 = time.perf_counter()
    prepared = [ingest.prepare(f, max_bytes=settings.max_bytes) for f in files]
    t_prepare = time.perf_counter() - t0
    result = ingest.apply_batch(prepared, settings)
    t_total = time.perf_counter() - t0
    facts = sum(o.facts for o in result.outcomes)
    dbt_s = result.dbt.seconds if result.dbt else 0.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files {n} ({total_mb:.1f} MB), facts {facts}, outcomes {result.counts}")
    print(f"prepare (hash + parse)    {t_prepare:7.2f} s  ({n / t_prepare:6.1f} files/s)")
    print(f"lake + load + ledger      {t_total - t_prepare - dbt_s:7.2f} s")
    print(f"dbt build (child process) {dbt_s:7.2f} s  {result.dbt.summary() if result.dbt else ''}")
    print(f"total                     {t_total:7.2f} s  ({n / t_total:6.1f} files/s)")
    print(f"peak RSS of this process  {peak_mb:7.0f} MB (dbt's child process not included)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
