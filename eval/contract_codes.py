"""Filter `baocao extract --format jsonl` output to the contract's indicator codes.

Labels made from ../shared/spec/indicators.csv alone write null where the product's larger
catalogue (flows/baocao/catalog/indicators.csv, source 'official') names a code; this maps
those codes to null so such labels score the fields they can judge. Usage:
    baocao extract DOC --format jsonl | python3 eval/contract_codes.py
"""

import csv
import json
import sys
from pathlib import Path

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "indicators.csv"


def main() -> None:
    spec = Path(sys.argv[1]) if len(sys.argv) > 1 else SPEC
    with open(spec, encoding="utf-8") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    for line in sys.stdin:
        if not line.strip():
            continue
        fact = json.loads(line)
        if fact.get("indicator_code") not in codes:
            fact["indicator_code"] = None
        sys.stdout.write(json.dumps(fact, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
