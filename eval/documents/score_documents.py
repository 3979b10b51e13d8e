#!/usr/bin/env python3
"""Score what the extractor takes a whole text to be about: its place and its period.

    score_documents.py --split dev   --run "CMD {doc}" [--errors]
    score_documents.py --split blind --run "CMD {doc}"          (figures only)
    score_documents.py --from-facts heldout --run "CMD {doc}"   (the fact corpus, figures only)

Why: on texts never seen, most strict-F1 loss sits in whole documents whose place or year
was taken wrong (every fact of the text inherits it), so the document's own place and
period are scored on their own, over many more texts than fact labels could cover.

`docs.jsonl` holds one label per text (place without its level word, level, period), made by
annotators who saw FACTS.md and the text alone; `--from-facts SPLIT` derives the same label
from eval/corpus's fact labels (the place and period most facts carry). CMD prints the system's facts
as JSONL (`baocao extract {doc} --format jsonl`); its reading of the text is the place and
period most of its facts carry, compared with the label. Texts are third-party and kept in the ignored `texts/` folder; sha256 checked.
The split is fixed by a hash of the id: about a third of the texts are `blind`, whose errors
this script refuses to print.
"""
import argparse
import hashlib
import json
import os
import shlex
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EVAL = os.environ.get("BAOCAO_SCORER_DIR", os.path.join(REPO, "..", "shared", "eval"))
sys.path.insert(0, EVAL)
import score as S  # noqa: E402


def split_of(doc_id: str) -> str:
    """A third of the texts, chosen by a hash of the id, are blind."""
    return "blind" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def labelled_documents(split: str) -> tuple[list[dict], str]:
    with open(os.path.join(HERE, "docs.jsonl"), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if split == "all" or split_of(r["id"]) == split], os.path.join(HERE, "texts")


def from_fact_labels(split: str) -> tuple[list[dict], str]:
    """The place and period most labelled facts of each corpus text carry."""
    corpus = os.path.join(REPO, "eval", "corpus")
    with open(os.path.join(corpus, "sources.jsonl"), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    out = []
    for r in rows:
        if split != "all" and r["split"] != split:
            continue
        with open(os.path.join(corpus, "labels", r["id"] + ".jsonl"), encoding="utf-8") as fh:
            facts = [g for g in map(json.loads, filter(str.strip, fh)) if g.get("is_fact")]
        if not facts:
            continue
        place = Counter((g.get("locality"), g.get("locality_level")) for g in facts).most_common(1)[0][0]
        period = Counter(str(g.get("period")) if g.get("period") is not None else None for g in facts).most_common(1)[0][0]
        out.append({"id": r["id"], "sha256": r["sha256"], "kind": r["kind"], "locality": place[0],
                    "locality_level": place[1], "period": period})
    return out, os.path.join(corpus, "texts")


def present(rows: list[dict], texts: str) -> list[dict]:
    ok = []
    for r in rows:
        path = os.path.join(texts, r["id"] + ".txt")
        if not os.path.exists(path):
            print(f"{r['id']}: missing; pull it with the search tool: corpus 'pages', query {r.get('query')!r}, "
                  f"result {r.get('rank')} ({r.get('url')}); save its excerpt as {path}", file=sys.stderr)
            continue
        with open(path, "rb") as fh:
            if hashlib.sha256(fh.read()).hexdigest() != r["sha256"]:
                print(f"{r['id']}: text differs from the labelled one", file=sys.stderr)
                continue
        ok.append(r | {"path": path})
    return ok


def majority(facts: list[dict]) -> dict:
    """The place and the period most facts carry (ties: the first met)."""
    if not facts:
        return {}
    place = Counter((f.get("locality"), f.get("locality_level")) for f in facts).most_common(1)[0][0]
    period = Counter(f.get("period") for f in facts).most_common(1)[0][0]
    return {"locality": place[0], "locality_level": place[1], "period": period}


def same_place(gold: dict, got: dict) -> bool:
    return S.norm_place(gold.get("locality") or "") == S.norm_place(got.get("locality") or "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = ap.add_mutually_exclusive_group(required=True)
    which.add_argument("--split", choices=["dev", "blind", "all"])
    which.add_argument("--from-facts", choices=["dev", "dev3", "dev4", "heldout", "heldout2", "all"])
    ap.add_argument("--batch", type=int, help="only the texts of this batch of labels (1: d001-d090, 2: d091-d180)")
    ap.add_argument("--run", required=True, help="command printing JSONL facts; {doc} is the text's path")
    ap.add_argument("--errors", action="store_true", help="dev texts only: list each wrong document")
    a = ap.parse_args()
    rows, texts = labelled_documents(a.split) if a.split else from_fact_labels(a.from_facts)
    if a.batch:
        rows = [r for r in rows if r.get("batch") == a.batch]
    readable = a.split == "dev" or a.from_facts in ("dev", "dev3", "dev4")
    if a.errors and not readable:
        ap.error("errors are listed for dev texts only: the blind ones stay blind")
    rows = present(rows, texts)
    if not rows:
        raise SystemExit("no texts to score")
    n = Counter()
    for r in rows:
        cmd = a.run.replace("{doc}", shlex.quote(r["path"]))
        p = subprocess.run(cmd, shell=True, capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"`{cmd}` failed ({p.returncode}): {p.stderr[-2000:]}")
        got = majority([json.loads(line) for line in p.stdout.splitlines() if line.strip()])
        place = same_place(r, got)
        level = place and (r.get("locality_level") or None) == (got.get("locality_level") or None)
        period = str(r.get("period")) == str(got.get("period"))
        n["texts"] += 1
        n["place"] += place
        n["level"] += level
        n["period"] += period
        n["both"] += level and period
        n[f"texts_{r.get('kind')}"] += 1
        n[f"both_{r.get('kind')}"] += level and period
        if a.errors and not (level and period):
            print(f"{r['id']}: gold {r.get('locality')!r} ({r.get('locality_level')}) {r.get('period')!r}"
                  f" | got {got.get('locality')!r} ({got.get('locality_level')}) {got.get('period')!r}")
    t = n["texts"]
    name = (a.split or f"facts:{a.from_facts}") + (f" batch {a.batch}" if a.batch else "")
    print(f"{name}: {t} texts; place {n['place'] / t:.3f}  place+level {n['level'] / t:.3f}  "
          f"period {n['period'] / t:.3f}  both {n['both'] / t:.3f}"
          + "".join(f"  | {k}: {n['both_' + k]}/{n['texts_' + k]}" for k in ("report", "news") if n["texts_" + k]))


if __name__ == "__main__":
    main()
