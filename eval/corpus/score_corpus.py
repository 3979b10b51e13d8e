#!/usr/bin/env python3
"""Score an extractor on the real-world corpus (eval/corpus): 124 public texts of 120 places.

    score_corpus.py --split dev     --run "CMD {doc} ..." [--errors N]
    score_corpus.py --split heldout --run "CMD {doc} ..."        (figures only, never errors)
    score_corpus.py --split heldout2 --run "CMD {doc} ..."       (a second blind set, added later)
    score_corpus.py --split dev3|dev4 --run "CMD {doc} ..." [--errors N]   (scored blind once, then read)

The texts are third-party and not in the repository: sources.jsonl names each one (url, the
exact `pages` query of the search tool that returns it, its rank, length and sha256). They
are kept in the ignored folder eval/corpus/texts/ (or --texts DIR). This script checks every
text against its sha256, says which are missing and how to pull them again, then scores
with the shared scorer (../shared/eval/score.py, or BAOCAO_SCORER_DIR).

The split was made once, by text, before any rule was written against the corpus: a third
of each region is `heldout`. Its errors are never printed, so the held-out figure keeps
measuring reports the rules were not fitted to.
"""
import argparse
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EVAL = os.environ.get("BAOCAO_SCORER_DIR", os.path.join(REPO, "..", "shared", "eval"))
sys.path.insert(0, EVAL)
import score as S  # noqa: E402


def sources():
    with open(os.path.join(HERE, "sources.jsonl"), encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check_texts(rows, texts):
    """The rows whose text is present and unchanged; prints how to pull the others."""
    ok, missing = [], []
    for r in rows:
        path = os.path.join(texts, r["id"] + ".txt")
        if not os.path.exists(path):
            missing.append(r)
            continue
        with open(path, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        if digest != r["sha256"]:
            print(f"{r['id']}: text differs from the labelled one (sha256 {digest[:12]} != {r['sha256'][:12]})",
                  file=sys.stderr)
            missing.append(r)
            continue
        ok.append(r)
    for r in missing:
        print(f"{r['id']}: missing; pull it with the search tool: corpus {r['corpus']!r}, query {r['query']!r}, "
              f"result {r['rank']} ({r['url']}); save its excerpt as {os.path.join(texts, r['id'] + '.txt')}",
              file=sys.stderr)
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "dev3", "dev4", "heldout", "heldout2", "all"], required=True)
    ap.add_argument("--run", required=True, help="command printing JSONL facts; {doc} is the text's path")
    ap.add_argument("--texts", default=os.path.join(HERE, "texts"))
    ap.add_argument("--errors", type=int, default=0, help="dev only: show up to N mistakes per field")
    ap.add_argument("--json", help="write the figures to this file")
    a = ap.parse_args()
    if a.errors and a.split not in ("dev", "dev3", "dev4"):
        ap.error("errors are shown for the dev split only: the held-out split is scored blind")
    rows = [r for r in sources() if a.split == "all" or r["split"] == a.split]
    present = check_texts(rows, a.texts)
    if not present:
        raise SystemExit("no texts to score")
    gold = [os.path.join(HERE, "labels", r["id"] + ".jsonl") for r in present]
    res, mistakes = S.score(gold, a.texts, a.run, None, a.errors)
    d, s = res["detection"], res["strict"]
    print(f"{a.split}: {len(present)}/{len(rows)} texts, gold facts {res['gold_facts']}, "
          f"system facts {res['system_facts']}, matched {res['matched']}")
    print(f"detection  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}")
    print(f"strict     P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    print("field accuracy on matched facts: " + "  ".join(f"{k} {v:.3f}" for k, v in res["field_accuracy"].items()))
    print(f"key-indicator recall {res['key_indicator_recall']:.3f} of {res['key_indicator_gold']}")
    if a.split in ("dev", "dev3", "dev4"):
        for f, items in mistakes.items():
            for item in items:
                print(f"  [{f}] {item}")
    if a.json:
        res.pop("documents", None) if a.split == "heldout" else None
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
