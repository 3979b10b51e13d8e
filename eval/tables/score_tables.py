#!/usr/bin/env python3
"""Score a fact extractor on the annex-table set (docx/xlsx/xls) by CONTENT, not by position.

    python3 score_tables.py --split dev|heldout|all --run "CMD {doc}" [--errors N] [--json OUT] [--only FILE]

CMD is run once per file ({doc} becomes the file's absolute path) and must print JSONL facts, one
per line, with (at least) value, unit, measure, compared_to, qualifier, period, locality,
indicator_code. Lines that are not JSON objects are ignored (and counted).

Matching, per file, one-to-one and greedy:
  strict     key = value (within 0.5% relative or 1e-6 absolute), unit, measure, compared_to,
             period, indicator_code, locality (NFC, case-folded, level word stripped)
  value-only value alone (same tolerance); among candidates the pair agreeing on most other
             fields is taken first. Per-field accuracy is computed on these value-matched pairs.
--errors N lists up to N unmatched gold and N unmatched system facts (strict), dev split only.
Always exits 0.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ("dev", "heldout")
FIELDS = ["unit", "measure", "compared_to", "period", "indicator_code", "locality", "qualifier"]
KEY_FIELDS = ["unit", "measure", "compared_to", "period", "indicator_code", "locality"]
LEVEL_WORDS = re.compile(r"^(tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn|tp\.?)\s+", re.I)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def norm_place(s):
    s = nfc(str(s or "")).strip().casefold()
    s = LEVEL_WORDS.sub("", s)
    return re.sub(r"\s+", " ", s)


def fnum(v):
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if x == x else None


def close(a, b):
    if a is None or b is None:
        return False
    return abs(a - b) <= max(1e-6, 0.005 * max(abs(a), abs(b)))


def norm_field(name, v):
    if name == "locality":
        return norm_place(v)
    if v is None or v == "" or v == "null":
        return None
    if name == "period":
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return re.sub(r"\s*[-–]\s*", "-", str(v).strip())
    return str(v).strip() if isinstance(v, str) else v


def tokens(s):
    return set(re.findall(r"\w+", nfc(str(s or "")).casefold()))


def prepare(f):
    out = {"_raw": f, "_v": fnum(f.get("value"))}
    for k in FIELDS:
        out[k] = norm_field(k, f.get(k))
    out["_ind"] = tokens(f.get("indicator"))
    return out


def agree(g, s):
    return sum(g[k] == s[k] for k in FIELDS)


def greedy(gold, sysf, strict):
    """Return list of (gi, si) pairs."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(sysf):
            if not close(g["_v"], s["_v"]):
                continue
            if strict and any(g[k] != s[k] for k in KEY_FIELDS):
                continue
            ind = len(g["_ind"] & s["_ind"]) / len(g["_ind"]) if g["_ind"] else 0.0
            dv = abs(g["_v"] - s["_v"]) / max(1e-9, abs(g["_v"]), abs(s["_v"]))
            score = (agree(g, s), ind, -dv)
            cands.append((score, gi, si))
    cands.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    ug, us, pairs = set(), set(), []
    for _, gi, si in cands:
        if gi in ug or si in us:
            continue
        ug.add(gi)
        us.add(si)
        pairs.append((gi, si))
    return pairs


def files_of(split):
    splits = SPLITS if split == "all" else (split,)
    out = []
    for s in splits:
        d = os.path.join(HERE, s)
        for name in sorted(os.listdir(d)):
            if name.endswith(".jsonl"):
                continue
            if os.path.exists(os.path.join(d, name + ".jsonl")):
                out.append((s, os.path.join(d, name)))
    return out


def run_cmd(cmd_tmpl, doc, timeout):
    cmd = cmd_tmpl.replace("{doc}", shlex.quote(doc))
    t0 = time.time()
    try:
        p = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [], 0, f"timeout after {timeout}s", time.time() - t0
    facts, junk = [], 0
    for line in p.stdout.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            junk += 1
            continue
        if isinstance(obj, dict):
            facts.append(obj)
        else:
            junk += 1
    err = None if p.returncode == 0 else f"exit {p.returncode}: {p.stderr.strip()[-300:]}"
    return facts, junk, err, time.time() - t0


def ratio(a, b):
    return a / b if b else 0.0


def fmt_fact(f):
    keys = ["value", "value_high", "unit", "measure", "compared_to", "qualifier", "period", "locality",
            "indicator_code", "indicator"]
    where = ""
    if f.get("table") is not None or f.get("row") is not None:
        where = f" @{f.get('table')}:r{f.get('row')} [{f.get('col')}]"
    elif f.get("source") == "prose":
        where = " @prose"
    return "{" + ", ".join(f"{k}={f.get(k)!r}" for k in keys if k in f) + "}" + where


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "heldout", "all"], required=True)
    ap.add_argument("--run", required=True, help='command printing JSONL facts; {doc} is the file path')
    ap.add_argument("--errors", type=int, default=0, help="list up to N unmatched gold/system facts (dev only)")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--only", action="append", help="score only this file name (repeatable)")
    a = ap.parse_args()
    if a.errors and a.split != "dev":
        print("refused: --errors is only allowed with --split dev (the heldout split stays blind).",
              file=sys.stderr)
        return 0

    tot = dict(gold=0, sys=0, strict=0, value=0, coded_gold=0, coded_strict=0)
    field_ok = {k: 0 for k in FIELDS}
    per_file = {}
    errs = {"dev": {"gold": [], "sys": []}}
    print(f"{'split':8s} {'file':26s} {'gold':>5s} {'sys':>5s} {'strictR':>8s} {'strictP':>8s} "
          f"{'valueR':>7s} {'valueP':>7s}  secs")
    for split, doc in files_of(a.split):
        if a.only and os.path.basename(doc) not in a.only:
            continue
        with open(doc + ".jsonl", encoding="utf-8") as fh:
            gold_raw = [json.loads(l) for l in fh if l.strip()]
        sys_raw, junk, err, secs = run_cmd(a.run, doc, a.timeout)
        gold = [prepare(g) for g in gold_raw]
        sysf = [prepare(s) for s in sys_raw]
        sp = greedy(gold, sysf, strict=True)
        vp = greedy(gold, sysf, strict=False)
        for gi, si in vp:
            for k in FIELDS:
                field_ok[k] += gold[gi][k] == sysf[si][k]
        coded = [i for i, g in enumerate(gold) if g["indicator_code"]]
        matched_g = {gi for gi, _ in sp}
        tot["coded_gold"] += len(coded)
        tot["coded_strict"] += sum(1 for i in coded if i in matched_g)
        d = dict(split=split, gold=len(gold), sys=len(sysf), strict=len(sp), value=len(vp), junk_lines=junk,
                 error=err)
        per_file[os.path.basename(doc)] = d
        for k in ("gold", "sys", "strict", "value"):
            tot[k] += d[k]
        name = os.path.basename(doc)
        print(f"{split:8s} {name:26s} {d['gold']:5d} {d['sys']:5d} {ratio(d['strict'], d['gold']):8.3f} "
              f"{ratio(d['strict'], d['sys']):8.3f} {ratio(d['value'], d['gold']):7.3f} "
              f"{ratio(d['value'], d['sys']):7.3f}  {secs:5.1f}"
              + (f"  junk lines {junk}" if junk else "") + (f"  ERROR {err}" if err else ""))
        if a.errors and split == "dev":
            vmap = {gi: si for gi, si in vp}
            ms = {si for _, si in sp}
            for gi, g in enumerate(gold):
                if gi in matched_g or len(errs["dev"]["gold"]) >= a.errors:
                    continue
                line = f"{name}: {fmt_fact(g['_raw'])}"
                if gi in vmap:
                    s = sysf[vmap[gi]]
                    diff = [f"{k}: {s['_raw'].get(k)!r}" for k in KEY_FIELDS if g[k] != s[k]]
                    line += "\n      value-matched system fact differs in " + "; ".join(diff)
                errs["dev"]["gold"].append(line)
            for si, s in enumerate(sysf):
                if si in ms or len(errs["dev"]["sys"]) >= a.errors:
                    continue
                errs["dev"]["sys"].append(f"{name}: {fmt_fact(s['_raw'])}")

    print()
    print(f"overall  gold {tot['gold']}  system {tot['sys']}")
    print(f"strict      recall {ratio(tot['strict'], tot['gold']):.3f}  precision {ratio(tot['strict'], tot['sys']):.3f}"
          f"   (value, unit, measure, compared_to, period, indicator_code, locality)")
    print(f"value-only  recall {ratio(tot['value'], tot['gold']):.3f}  precision {ratio(tot['value'], tot['sys']):.3f}")
    print(f"strict recall of facts with an indicator_code: {ratio(tot['coded_strict'], tot['coded_gold']):.3f}"
          f" of {tot['coded_gold']}")
    print(f"field accuracy on {tot['value']} value-matched pairs: "
          + "  ".join(f"{k} {ratio(field_ok[k], tot['value']):.3f}" for k in FIELDS))
    if a.errors:
        print(f"\nunmatched gold facts (strict), up to {a.errors}:")
        for l in errs["dev"]["gold"]:
            print("  - " + l)
        print(f"\nunmatched system facts (strict), up to {a.errors}:")
        for l in errs["dev"]["sys"]:
            print("  + " + l)
    if a.json:
        res = dict(split=a.split, totals=tot, files=per_file,
                   strict=dict(recall=ratio(tot["strict"], tot["gold"]), precision=ratio(tot["strict"], tot["sys"])),
                   value_only=dict(recall=ratio(tot["value"], tot["gold"]), precision=ratio(tot["value"], tot["sys"])),
                   field_accuracy={k: ratio(field_ok[k], tot["value"]) for k in FIELDS})
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    main()
    sys.exit(0)
