"""Plain-text summaries of the warehouse for `baocao status` and `baocao demo`.

Reads the warehouse read-only; while a load holds it, the published read copy instead.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from baocao.settings import Settings


def _open(settings: Settings) -> tuple[duckdb.DuckDBPyConnection | None, Path | None, str]:
    error = "no warehouse yet: run `baocao ingest` or `make demo`"
    # The warehouse itself is freshest; while a load holds it, the published read copy.
    for path in (settings.warehouse, settings.read_copy):
        if path.exists():
            try:
                return duckdb.connect(str(path), read_only=True), path, ""
            except duckdb.Error as exc:
                error = str(exc)
    return None, None, error


def _table(rows: list[tuple], headers: list[str]) -> str:
    cells = [[str("" if v is None else v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join("  " + line for line in lines)


def summary(settings: Settings) -> str:
    con, path, error = _open(settings)
    if con is None:
        return f"baocao: {error}"
    try:
        out = [f"warehouse: {settings.warehouse}", f"BI read copy: {settings.read_copy}  (open read-only)"]
        docs = con.execute("""
            select d.source_name, d.version, coalesce(d.kind, ''), coalesce(d.locality, ''),
                   coalesce(d.period, ''), count(f.fact_id) as facts
            from raw.documents d
            left join main.fact_value f on f.document_id = d.document_id and f.document_version = d.version
            where d.version = (select max(version) from raw.documents x where x.document_id = d.document_id)
            group by all order by d.source_name""").fetchall()
        total = con.execute("select count(*) from main.fact_value").fetchone()[0]
        out.append(f"\ndocuments: {len(docs)}   facts in fact_value: {total}")
        out.append(_table(docs, ["document", "version", "kind", "locality", "period", "facts"]))
        top = con.execute("""
            select i.indicator_key, i.name_vi, count(*) as facts
            from main.fact_value f join main.dim_indicator i using (indicator_key)
            where i.is_catalogued group by all order by facts desc, i.indicator_key limit 10""").fetchall()
        out.append("\ntop catalogued indicators:")
        out.append(_table(top, ["code", "indicator", "facts"]))
        return "\n".join(out)
    except duckdb.Error as exc:
        return f"baocao: the marts are not built yet ({exc}); run `baocao ingest`"
    finally:
        con.close()


def status(settings: Settings, last_runs: int = 10) -> str:
    con, path, error = _open(settings)
    if con is None:
        return f"baocao: {error}"
    try:
        out = [f"warehouse: {path}"]
        n_docs, n_versions, n_facts = con.execute("""
            select count(distinct document_id), count(*), coalesce(sum(fact_count), 0) from raw.documents""").fetchone()
        out.append(f"documents {n_docs}   versions {n_versions}   facts (all versions) {n_facts}")
        try:
            current = con.execute("select count(*) from main.fact_value").fetchone()[0]
            out.append(f"facts in fact_value (current versions) {current}")
        except duckdb.Error:
            out.append("fact_value not built yet")
        by_status = con.execute(
            "select status, count(*) from raw.ingest_ledger group by 1 order by 1").fetchall()
        out.append("ledger: " + ", ".join(f"{s} {n}" for s, n in by_status))
        runs = con.execute("""
            select strftime(max(recorded_at), '%Y-%m-%d %H:%M:%S') as at, coalesce(nullif(flow_run_id, ''), '-'),
                   count(*) as files, count(*) filter (status = 'processed') as processed,
                   count(*) filter (status = 'duplicate') as duplicate,
                   count(*) filter (status = 'quarantined') as quarantined
            from raw.ingest_ledger group by flow_run_id order by max(seen_id) desc limit 5""").fetchall()
        out.append(f"\nlast {len(runs)} run(s):")
        out.append(_table(runs, ["finished (UTC)", "flow run", "files", "processed", "duplicate", "quarantined"]))
        rows = con.execute("""
            select strftime(recorded_at, '%Y-%m-%d %H:%M:%S'), file_name, status,
                   coalesce(cast(version as varchar), ''), left(coalesce(error, ''), 80)
            from raw.ingest_ledger order by seen_id desc limit ?""", [last_runs]).fetchall()
        out.append(f"\nlast {len(rows)} file(s) seen:")
        out.append(_table(rows, ["recorded (UTC)", "file", "status", "version", "detail"]))
        return "\n".join(out)
    except duckdb.Error as exc:
        return f"baocao: cannot read the warehouse ({exc})"
    finally:
        con.close()
