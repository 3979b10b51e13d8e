"""`baocao` command line: extract, ingest, status, demo (and, for unattended runs, up/watch)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="baocao", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the facts of one report")
    p.add_argument("file")
    p.add_argument("--format", choices=["jsonl", "table"], default="table")
    p.set_defaults(func=_cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
