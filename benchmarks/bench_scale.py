"""Adding one report to a warehouse of 0, 1,000 and 10,000 reports (measured, not a test).

For each size N, in a fresh temporary home with the warm dbt runner running (as `baocao up`
has it):
  1. the five sample reports are ingested for real (the first, full build);
  2. N synthetic reports are made in raw by copying the samples' rows under new document ids
     (N/5 copies of each: same facts, other documents, each copy the report of another of the
     gazetteer's ~700 districts), queued and built once;
  3. one new report (a sample under a new first line) is added through the normal batch path
     (load -> incremental dbt build -> read copy published), three times; median reported;
  4. at the largest size, fact_value is compared row for row with a full rebuild.

Usage: .venv/bin/python benchmarks/bench_scale.py [--sizes 0 1000 10000] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "data" / "samples").glob("*.txt"))


def _drop(inbox: Path, name: str, text: bytes) -> Path:
    path = inbox / name
    path.write_bytes(text)
    os.utime(path, (time.time() - 5, time.time() - 5))
    return path


def _synthesize(settings, n: int) -> int:
    """N document versions copied from the loaded samples under new ids and other districts;
    returns facts added."""
    from baocao import warehouse
    from baocao.settings import CATALOG_DIR
    from baocao.warehouse import DOCUMENT_COLUMNS, FACT_COLUMNS

    doc_cols = [c.strip() for c in DOCUMENT_COLUMNS.split(",")]
    fact_cols = [c.strip() for c in FACT_COLUMNS.split(",")]
    copies = max(1, n // len(SAMPLES))
    con = warehouse.connect(settings.warehouse)
    try:
        # copy k of a report is the report of the k-th district of the gazetteer (k modulo the
        # ~700 districts): as in a real archive, a place × period × indicator is stated by a few
        # reports, not by every copy
        con.execute(f"create temp table districts as select row_number() over (order by locality_code) - 1 "
                    f"as i, locality_code, name from read_csv('{CATALOG_DIR / 'localities.csv'}', all_varchar=true) "
                    f"where level = 'district'")
        con.execute(f"create temp table copies as select range as k, districts.locality_code as place_code, "
                    f"districts.name as place from range({copies}) "
                    f"join districts on districts.i = range % (select count(*) from districts)")
        con.execute("create temp table base as select document_id, locality as doc_place from raw.documents")
        new_id = "md5('synthetic|' || k || '|' || d.document_id)[:16]"
        doc_select = ", ".join(
            new_id if c == "document_id"
            else "'synthetic/' || k || '/' || d.source_name" if c == "source_name"
            else "sha256(d.content_sha256 || k)" if c == "content_sha256"
            else "place" if c == "locality"
            else "'district'" if c == "locality_level"
            else "place_code" if c == "locality_code"
            else f"d.{c}" for c in doc_cols)
        fact_select = ", ".join(
            new_id if c == "document_id"
            else "case when d.locality = base.doc_place then place else d.locality end" if c == "locality"
            else f"d.{c}" for c in fact_cols)
        with warehouse.transaction(con):
            con.execute(f"insert into raw.documents ({', '.join(doc_cols)}) "
                        f"select {doc_select} from raw.documents d join base using (document_id), copies")
            before = con.execute("select count(*) from raw.facts").fetchone()[0]
            con.execute(f"insert into raw.facts ({', '.join(fact_cols)}) "
                        f"select {fact_select} from raw.facts d join base using (document_id), copies")
            added = con.execute("select count(*) from raw.facts").fetchone()[0] - before
            con.execute(f"insert into raw.pending_documents (document_id) "
                        f"select distinct {new_id} from base d, copies")
        con.execute("checkpoint")
    finally:
        con.close()
    return added


def _start_builder(env: dict[str, str], log: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "baocao.builder"], env=env, stdout=log.open("wb"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    return proc


def measure(n: int, root: Path, adds: int, compare: bool) -> dict:
    home = root / f"home-{n}"
    os.environ["BAOCAO_HOME"] = str(home)
    from baocao import builder, ingest, marts, warehouse
    from baocao.settings import load_settings

    settings = load_settings()
    settings.ensure_dirs()
    proc = _start_builder(dict(os.environ), root / f"builder-{n}.log")
    try:
        deadline = time.monotonic() + 120
        while not builder.socket_path(settings).exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        first = ingest.apply_batch([ingest.prepare(_drop(settings.inbox, f"{p.stem}.txt", p.read_bytes()))
                                    for p in SAMPLES], settings)
        assert first.dbt.success, first.dbt.summary()
        synthetic_facts, setup_build = 0, None
        if n:
            synthetic_facts = _synthesize(settings, n)
            t0 = time.perf_counter()
            with warehouse.writer_lock(settings.warehouse):
                outcome = marts.build(settings)
            assert outcome.success, outcome.summary()
            setup_build = time.perf_counter() - t0
        con = warehouse.connect(settings.warehouse, read_only=True)
        documents, facts = con.execute("select count(*), sum(fact_count) from raw.documents").fetchone()
        con.close()
        runs = []
        for k in range(adds):
            sample = SAMPLES[k % len(SAMPLES)]
            path = _drop(settings.inbox, f"added-{k}.txt", f"BÁO CÁO số {k}/BC-DO\n".encode() + sample.read_bytes())
            prepared = [ingest.prepare(path)]
            t0 = time.perf_counter()
            result = ingest.apply_batch(prepared, settings)
            total = time.perf_counter() - t0
            assert result.dbt.success and result.dbt.mode == "incremental", result.dbt.summary()
            runs.append({"total_s": total, "dbt_s": result.dbt.seconds, "nodes": result.dbt.nodes,
                         "facts_published_s": result.facts_published_s})
        row = {
            "reports": int(documents), "facts": int(facts or 0), "synthetic_facts": synthetic_facts,
            "setup_build_s": setup_build,
            "add_one_total_s_median": statistics.median(r["total_s"] for r in runs),
            "add_one_dbt_s_median": statistics.median(r["dbt_s"] for r in runs),
            "add_one_facts_published_s_median": statistics.median(r["facts_published_s"] for r in runs),
            "runs": runs,
            "warehouse_mb": settings.warehouse.stat().st_size / 1e6,
        }
        if compare:
            incremental = root / f"incremental-{n}.duckdb"
            shutil.copyfile(settings.warehouse, incremental)
            t0 = time.perf_counter()
            rebuilt = ingest.rebuild(settings)
            row["full_rebuild_s"] = time.perf_counter() - t0
            assert rebuilt.success, rebuilt.summary()
            rows, only_incremental, only_rebuild = warehouse.differences(
                incremental, settings.warehouse, "from {db}.main.fact_value")
            row.update(fact_value_rows=rows, fact_value_only_incremental=only_incremental,
                       fact_value_only_rebuild=only_rebuild)
        return row
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000])
    parser.add_argument("--adds", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    for var in [k for k in os.environ if k.startswith("BAOCAO_")]:
        del os.environ[var]
    root = Path(tempfile.mkdtemp(prefix="baocao-scale-"))
    rows = {}
    for n in args.sizes:
        rows[n] = measure(n, root, args.adds, compare=n == max(args.sizes))
        r = rows[n]
        print(f"{r['reports']:>6} reports, {r['facts']:>9,} facts, {r['warehouse_mb']:7.0f} MB: add one report "
              f"{r['add_one_total_s_median']:.2f} s (dbt {r['add_one_dbt_s_median']:.2f} s; facts published after "
              f"{r['add_one_facts_published_s_median']:.2f} s)", flush=True)
    base = rows[min(args.sizes)]["add_one_total_s_median"]
    facts_base = rows[min(args.sizes)]["add_one_facts_published_s_median"]
    print(f"\n| warehouse | facts | add one report (median of {args.adds}) | of which dbt | vs empty "
          "| its facts published after | vs empty |")
    print("|---|---|---|---|---|---|---|")
    for r in rows.values():
        print(f"| {r['reports']:,} reports | {r['facts']:,} | {r['add_one_total_s_median']:.2f} s | "
              f"{r['add_one_dbt_s_median']:.2f} s | {r['add_one_total_s_median'] / base:.2f}× | "
              f"{r['add_one_facts_published_s_median']:.2f} s | {r['add_one_facts_published_s_median'] / facts_base:.2f}× |")
    big = rows[max(args.sizes)]
    if "fact_value_rows" in big:
        print(f"\nfact_value after the adds vs a full rebuild ({big['full_rebuild_s']:.0f} s): {big['fact_value_rows']:,} rows, "
              f"{big['fact_value_only_incremental']} only incremental, {big['fact_value_only_rebuild']} only rebuilt")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
