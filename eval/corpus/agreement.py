#!/usr/bin/env python3
"""Agreement of two independent annotators on the same corpus texts: the second annotator's
labels (eval/corpus/agreement/<id>.jsonl) scored as if they were a system's output against
the first's (eval/corpus/labels/<id>.jsonl), with the shared scorer. It says how far the
contract (FACTS.md) lets two careful readers agree: the ceiling an extractor can be held to.

    python3 eval/corpus/agreement.py [--texts DIR]
"""
import argparse
import glob
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("BAOCAO_SCORER_DIR", os.path.join(HERE, "..", "..", "..", "shared", "eval")))
import score as S  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", default=os.path.join(HERE, "texts"))
    a = ap.parse_args()
    ids = sorted(os.path.basename(p)[:-6] for p in glob.glob(os.path.join(HERE, "agreement", "*.jsonl")))
    tot = dict(gold=0, sys=0, tp=0, strict=0, key_gold=0, key_ok=0)
    fields: dict[str, list[float]] = {}
    for name in ids:
        where = S.anchors(os.path.join(a.texts, name + ".txt"))
        with open(os.path.join(HERE, "agreement", name + ".jsonl"), encoding="utf-8") as fh:
            second = [json.loads(line) for line in fh if line.strip()]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
            for r in second:
                if r.get("is_fact"):
                    r["col"] = where[(r["line"], r["num"], r["occ"])][0]
                    out.write(json.dumps(r, ensure_ascii=False) + "\n")
        res, _ = S.score([os.path.join(HERE, "labels", name + ".jsonl")], a.texts, None, out.name, 0)
        os.unlink(out.name)
        tot["gold"] += res["gold_facts"]
        tot["sys"] += res["system_facts"]
        tot["tp"] += res["matched"]
        tot["strict"] += round(res["strict"]["recall"] * res["gold_facts"])
        tot["key_gold"] += res["key_indicator_gold"]
        tot["key_ok"] += round(res["key_indicator_recall"] * res["key_indicator_gold"])
        for k, v in res["field_accuracy"].items():
            acc = fields.setdefault(k, [0.0, 0.0])
            acc[0] += v * res["matched"]
            acc[1] += res["matched"]
        print(f"{name}: facts {res['gold_facts']} / {res['system_facts']}, strict F1 {res['strict']['f1']:.3f}")

    def f1(tp: int) -> float:
        p, r = tp / max(tot["sys"], 1), tp / max(tot["gold"], 1)
        return 2 * p * r / (p + r) if p + r else 0.0

    print(f"{len(ids)} texts, facts {tot['gold']} (first) / {tot['sys']} (second), matched {tot['tp']}: "
          f"detection F1 {f1(tot['tp']):.3f}, strict F1 {f1(tot['strict']):.3f}, "
          f"key-indicator recall {tot['key_ok'] / max(tot['key_gold'], 1):.3f} of {tot['key_gold']}")
    print("field agreement on matched facts: " + "  ".join(f"{k} {s / n:.3f}" for k, (s, n) in fields.items() if n))


if __name__ == "__main__":
    main()
