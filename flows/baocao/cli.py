"""`baocao` command line: extract, ingest, status, export, demo (and, for unattended runs, up/watch)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sys
from pathlib import Path

from baocao.settings import Settings, load_settings


def _prefect_defaults(settings: Settings) -> None:
    """Keep Prefect's local state inside the project and its telemetry off, unless set."""
    os.environ.setdefault("PREFECT_HOME", str(settings.home / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


def _cmd_extract(args: argparse.Namespace) -> int:
    from baocao.parse import UnreadableDocument, parse_file

    try:
        parsed = parse_file(Path(args.file))
    except UnreadableDocument as exc:
        print(f"baocao extract: cannot read {exc.path}: {exc.reason}", file=sys.stderr)
        return 2
    if args.format == "jsonl":
        out = sys.stdout
        for fact in parsed.facts:
            out.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
        return 0
    if args.format == "document":
        # what the parser took the document to be: the defaults every fact falls back on
        print(json.dumps(dataclasses.asdict(parsed.info) | {"facts": len(parsed.facts)}, ensure_ascii=False))
        return 0
    _print_fact_table(parsed)
    return 0


def _print_fact_table(parsed) -> None:
    info = parsed.info
    print(f"{parsed.source_name}: {info.kind or '?'} | {info.locality or '?'} ({info.locality_level or '?'}) | "
          f"period {info.period or '?'} | {len(parsed.facts)} facts")
    header = f"{'line':>5} {'col':>4}  {'value':>14} {'unit':<16} {'measure':<15} {'period':<10} {'locality':<14} indicator"
    print(header)
    print("-" * len(header))
    for f in parsed.facts:
        value = f"{f.value:g}" + (f"-{f.value_high:g}" if f.value_high is not None else "")
        print(f"{f.line:>5} {f.col:>4}  {value:>14} {(f.unit or ''):<16} {f.measure:<15} {(f.period or ''):<10} "
              f"{(f.locality or ''):<14} {f.indicator or ''}" + (f" [{f.indicator_code}]" if f.indicator_code else ""))


def _cmd_ingest(args: argparse.Namespace) -> int:
    if args.bulk:
        return _cmd_bulk(args)
    settings = load_settings()
    _prefect_defaults(settings)
    from baocao.pipeline import ingest_flow

    paths = [str(Path(p).resolve()) for p in args.files] if args.files else None
    missing = [p for p in paths or [] if not Path(p).is_file()]
    if missing:
        print(f"baocao ingest: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    from baocao import shutdown

    try:
        with shutdown.raise_on_signals():
            result = ingest_flow(paths=paths, settle_seconds=args.settle)
    except shutdown.Interrupted as exc:
        print(f"baocao ingest: {exc}; files not yet filed stay in the inbox for the next run", file=sys.stderr)
        return shutdown.exit_code()
    _print_run(result)
    return 0 if not result.get("counts", {}).get("quarantined") else 1


def _cmd_bulk(args: argparse.Namespace) -> int:
    """`baocao ingest --bulk DIR`: the archive under DIR on Dask workers (bulk.py)."""
    root = Path(args.bulk).expanduser().resolve()
    if not root.is_dir():
        print(f"baocao ingest --bulk: not a folder: {root}", file=sys.stderr)
        return 2
    if args.files:
        print("baocao ingest --bulk: give the folder only, not files", file=sys.stderr)
        return 2
    if args.workers is not None:
        os.environ["BAOCAO_BULK_WORKERS"] = str(args.workers)
    if args.dask_address:
        os.environ["BAOCAO_DASK_ADDRESS"] = args.dask_address
    settings = load_settings()
    _prefect_defaults(settings)
    from baocao import serve, shutdown

    server = None
    if not os.environ.get("PREFECT_API_URL"):  # Dask workers report their task runs to the same API
        api = serve.running_api_url(settings)
        if api is None:
            from prefect.server.api.server import SubprocessASGIServer

            server = SubprocessASGIServer()
            server.start(timeout=120)
            api = server.api_url
        os.environ["PREFECT_API_URL"] = api
    from baocao.pipeline import bulk_ingest_flow

    where = ("this process (no Dask)" if args.no_dask
             else settings.dask_address or f"a local Dask cluster of {settings.bulk_workers} worker(s)")
    print(f"baocao ingest --bulk: {root} on {where}", file=sys.stderr)
    try:
        with shutdown.raise_on_signals():
            result = bulk_ingest_flow(str(root), show_progress=not args.no_progress, workers=settings.bulk_workers,
                                      dask_address=settings.dask_address, use_dask=not args.no_dask)
    except shutdown.Interrupted as exc:
        print(f"baocao ingest --bulk: {exc}; run it again to resume", file=sys.stderr)
        return shutdown.exit_code()
    finally:
        if server is not None:
            _flush_run_logs()  # the run's last log lines reach the temporary server before it stops
            server.stop()
    counts = ", ".join(f"{v:,} {k}" for k, v in sorted(result["counts"].items())) or "nothing new"
    print(f"\nbulk: {result['files']:,} file(s) under {root}: {result['skipped']:,} already recorded; "
          f"{counts}; {result['facts']:,} facts in {result['seconds']:.0f} s")
    if result.get("dbt"):
        print(f"  {result['dbt']}")
    return 0 if result.get("dbt_success", True) else 1


def _flush_run_logs() -> None:
    import logging

    from prefect.logging.handlers import APILogHandler

    loggers = [logging.getLogger(), *(lg for lg in logging.Logger.manager.loggerDict.values()
                                      if isinstance(lg, logging.Logger))]
    for handler in {h for lg in loggers for h in lg.handlers if isinstance(h, APILogHandler)}:
        handler.flush()


def _print_run(result: dict) -> None:
    print(f"\ningest: {result['files']} file(s) {result.get('counts') or ''}")
    for row in result.get("outcomes", []):
        detail = f"  {row['detail']}" if row["detail"] else ""
        print(f"  {row['outcome']:<11} {row['file']}  facts={row['facts']}{detail}")
    if result.get("dbt"):
        print(f"  {result['dbt']}")


def _cmd_rebuild(args: argparse.Namespace) -> int:
    """Build every mart whole from raw (after a catalogue change, or to check the incremental ones)."""
    from baocao import ingest

    settings = load_settings()
    if not settings.warehouse.exists():
        print(f"baocao rebuild: no warehouse at {settings.warehouse}: run baocao ingest or make demo first",
              file=sys.stderr)
        return 2
    outcome = ingest.rebuild(settings)
    print(outcome.summary())
    return 0 if outcome.success else 1


def _cmd_status(args: argparse.Namespace) -> int:
    from baocao import report

    settings = load_settings()
    print(report.status(settings, last_runs=args.last))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    """The marts as the Excel biểu (export.py): a sheet per place, KH | TH | % so KH per year."""
    from baocao import export

    settings = load_settings()
    db = settings.read_copy
    if not db.exists():
        print(f"baocao export: no warehouse read copy at {db}: run baocao ingest or make demo first", file=sys.stderr)
        return 2
    out = Path(args.output).expanduser() if args.output else export.default_path(settings.home)
    try:
        summary = export.export_workbook(db, out, localities=args.place, indicators=args.indicator, years=args.years)
    except export.NothingToExport as exc:
        print(f"baocao export: {exc}", file=sys.stderr)
        return 1
    print(summary.line())
    return 0


def _years(text: str) -> tuple[int, int]:
    from baocao.export import parse_years

    try:
        return parse_years(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _cmd_demo(args: argparse.Namespace) -> int:
    """Sample reports -> inbox -> ingest flow -> marts -> summary."""
    from baocao import report

    settings = load_settings()
    settings.ensure_dirs()
    _prefect_defaults(settings)
    samples = sorted(p for p in settings.samples.iterdir() if p.is_file() and not p.name.startswith("."))
    if not samples:
        print(f"baocao demo: no sample reports in {settings.samples}", file=sys.stderr)
        return 2
    copied = []
    for sample in samples:
        target = settings.inbox / sample.name
        shutil.copyfile(sample, target)
        copied.append(str(target))
    print(f"copied {len(copied)} sample report(s) from {settings.samples} into {settings.inbox}")
    from baocao.pipeline import ingest_flow

    result = ingest_flow(paths=copied)
    _print_run(result)
    print()
    print(report.summary(settings))
    print()
    print(_formats_text())
    return 0 if not result.get("counts", {}).get("quarantined") else 1


def _cmd_run(args: argparse.Namespace) -> int:
    """Start the served ingest deployment on the running `baocao up` (found by itself)."""
    from baocao import serve

    settings = load_settings()
    api_url = args.api_url or serve.running_api_url(settings)
    if api_url is None:
        print("baocao run: no baocao server is running for this project (start it with `baocao up`), "
              "or give --api-url", file=sys.stderr)
        return 2
    os.environ["PREFECT_API_URL"] = api_url
    _prefect_defaults(settings)
    from prefect.deployments import run_deployment

    try:
        run = run_deployment(args.deployment, timeout=None if args.wait else 0)
    except Exception as exc:  # ObjectNotFound, HTTP errors: say what and where
        print(f"baocao run: cannot start {args.deployment} on {api_url}: {type(exc).__name__}: {exc}",
              file=sys.stderr)
        return 1
    ui = api_url.removesuffix("/api")
    print(f"baocao run: started {args.deployment} as flow run {run.name} ({run.id}); "
          f"follow it at {ui}/runs/flow-run/{run.id}")
    if args.wait:
        state = run.state.name if run.state else "unknown"
        print(f"baocao run: {run.name} finished: {state}")
        return 0 if run.state and run.state.is_completed() else 1
    return 0


def _formats_text() -> str:
    from baocao.parse.read import formats

    found = formats()  # runs `tesseract --list-langs`: once
    lines = []
    for fmt, missing in found:
        lines.append(f"  {fmt:<30} {'ready' if missing is None else 'refused with a reason: ' + missing}")
    if any(missing for _, missing in found):
        lines.append("  (install the missing tools with `make system-deps`, as root on Debian/Ubuntu)")
    return "formats this machine reads:\n" + "\n".join(lines)


def _cmd_formats(args: argparse.Namespace) -> int:
    print(_formats_text())
    return 0


def _cmd_up(args: argparse.Namespace) -> int:
    from baocao import serve

    settings = load_settings()
    _prefect_defaults(settings)
    return serve.up(settings, args)


def _cmd_watch(args: argparse.Namespace) -> int:
    from baocao import watch

    settings = load_settings()
    _prefect_defaults(settings)
    return watch.run(settings, args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="baocao", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the facts of one report")
    p.add_argument("file")
    p.add_argument("--format", choices=["jsonl", "table", "document"], default="table",
                   help="table (default): a readable table; jsonl: one fact per line (the contract); "
                        "document: the document's own kind, place and period as one JSON line")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("ingest", help="run the ingest flow once (the inbox by default)")
    p.add_argument("files", nargs="*", help="files to ingest (default: every file waiting in the inbox)")
    p.add_argument("--settle", type=float, default=None,
                   help="seconds a file must be unchanged before a sweep takes it (default BAOCAO_SETTLE_SECONDS)")
    p.add_argument("--bulk", metavar="DIR", default=None,
                   help="backfill an archive folder (recursively) on Dask: resumable, files left in place, "
                        "one dbt build at the end")
    p.add_argument("--workers", type=int, default=None,
                   help="--bulk: local Dask worker processes (default BAOCAO_BULK_WORKERS, else the CPUs up to 4)")
    p.add_argument("--dask-address", default=None,
                   help="--bulk: an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (default BAOCAO_DASK_ADDRESS)")
    p.add_argument("--no-progress", action="store_true", help="--bulk: no progress bar")
    p.add_argument("--no-dask", action="store_true",
                   help="--bulk: parse in this process's own children, one file at a time (no Dask)")
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser("rebuild", help="build every mart whole from raw (dbt --full-refresh) and publish")
    p.set_defaults(func=_cmd_rebuild)

    p = sub.add_parser("status", help="documents, versions, facts and the last runs")
    p.add_argument("--last", type=int, default=10, help="how many ledger entries to show")
    p.set_defaults(func=_cmd_status)

    p = sub.add_parser("export", help="write the Excel biểu: a sheet per place, KH | TH | %% so KH per year")
    p.add_argument("-o", "--output", default=None,
                   help="the .xlsx to write (default exports/baocao-bieu-<date>.xlsx under the project home)")
    p.add_argument("--place", nargs="+", action="extend", metavar="NAME",
                   help="only these places (name, 'Huyện X' or locality key; default all)")
    p.add_argument("--indicator", nargs="+", action="extend", metavar="CODE",
                   help="only these indicator codes (default every catalogued indicator)")
    p.add_argument("--years", type=_years, default=None, metavar="YYYY[-YYYY]",
                   help="only these years (default every year with a target or a result)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("up", help="run unattended: Prefect server + ingest deployment + watcher (Ctrl-C stops)")
    p.add_argument("--host", default="127.0.0.1", help="address the Prefect server binds (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="Prefect server port (default 4200 or BAOCAO_PREFECT_PORT)")
    p.add_argument("--cron", default=None, help="catch-up sweep schedule of the deployment ('' for none)")
    p.add_argument("--no-watch", action="store_true", help="do not start the inbox watcher")
    p.add_argument("--force-polling", action="store_true", help="watcher polls (network shares)")
    p.add_argument("--startup-timeout", type=float, default=None, help="seconds to wait for the server")
    p.set_defaults(func=_cmd_up)

    p = sub.add_parser("watch", help="watch the inbox and start the ingest deployment for new files")
    p.add_argument("--force-polling", action="store_true",
                   help="poll instead of OS events (network shares, Docker bind mounts)")
    p.add_argument("--stable-seconds", type=float, default=None,
                   help="a file is taken once its size and mtime are unchanged this long (default 1)")
    p.add_argument("--max-wait-seconds", type=float, default=None,
                   help="trigger for ready files even while others are still being written (default 15)")
    p.add_argument("--recheck-seconds", type=float, default=None,
                   help="re-sweep the inbox when no run is under way (default 30)")
    p.add_argument("--retry-max-seconds", type=float, default=None,
                   help="backoff cap while the Prefect server is unreachable (default 30)")
    p.add_argument("--deployment", default=None, help="deployment to start (default ingest/ingest)")
    p.add_argument("--deployment-runs", action="store_true",
                   help="start a run of the deployment per trigger (a new process each) instead of running the "
                        "ingest flow in the watcher (BAOCAO_WATCH_DEPLOYMENT_RUNS=1)")
    p.set_defaults(func=_cmd_watch)

    p = sub.add_parser("run", help="start the ingest deployment on the running `baocao up` (no env var needed)")
    p.add_argument("--wait", action="store_true", help="wait for the run to finish and exit 1 unless it completed")
    p.add_argument("--deployment", default="ingest/ingest", help="deployment to start (default ingest/ingest)")
    p.add_argument("--api-url", default=None, help="Prefect API (default: the one `baocao up` wrote, else 127.0.0.1:4200)")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("formats", help="list the file formats and what each needs on this machine")
    p.set_defaults(func=_cmd_formats)

    p = sub.add_parser("demo", help="ingest the sample reports and print a summary (what make demo runs)")
    p.set_defaults(func=_cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `baocao extract … | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
