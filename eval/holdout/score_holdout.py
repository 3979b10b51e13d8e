#!/usr/bin/env python3
"""Score an extractor on the held-out gold (eval/holdout/gold/*.jsonl).

    score_holdout.py --run "CMD {doc} ..." [--errors N] [--json FILE]
    score_holdout.py --system-dir DIR   (DIR/NAME.jsonl holds the system facts for report NAME)

Only system facts on the labelled lines (lines.json) are kept, because the
gold covers only those lines. Each report is scored with score.py's score() on its own
gold file, then counts are summed into a combined figure.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# the shared scorer beside the checkout (../shared/eval/score.py), or BAOCAO_SCORER_DIR
EVAL = os.environ.get('BAOCAO_SCORER_DIR', os.path.join(REPO, '..', 'shared', 'eval'))
sys.path.insert(0, EVAL)
import score as S  # noqa: E402

DOCS = os.path.join(REPO, 'data', 'samples')


def prf(tp, gold, sysn):
    p = tp / sysn if sysn else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def system_rows(name, run, system_dir):
    doc = os.path.join(DOCS, name + '.txt')
    if run:
        cmd = run.replace('{doc}', shlex.quote(doc))
        p = subprocess.run(cmd, shell=True, capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f'`{cmd}` failed ({p.returncode}): {p.stderr[-2000:]}')
        return S.read_jsonl(p.stdout)
    with open(os.path.join(system_dir, name + '.jsonl'), encoding='utf-8') as fh:
        return S.read_jsonl(fh.read())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--run', help='command printing JSONL facts; {doc} is the report path')
    ap.add_argument('--system-dir', help='directory of NAME.jsonl system outputs')
    ap.add_argument('--gold-dir', default=os.path.join(HERE, 'gold'))
    ap.add_argument('--lines', default=os.path.join(HERE, 'lines.json'))
    ap.add_argument('--errors', type=int, default=0)
    ap.add_argument('--json', help='write per-document and combined figures here')
    a = ap.parse_args()
    if bool(a.run) == bool(a.system_dir):
        ap.error('give exactly one of --run or --system-dir')
    with open(a.lines, encoding='utf-8') as fh:
        lines = {k: set(v) for k, v in json.load(fh).items()}

    tot = {'gold': 0, 'sys': 0, 'tp': 0, 'strict_tp': 0, 'key_gold': 0, 'key_ok': 0}
    fsum = {f: [0.0, 0] for f in S.FIELDS}
    out = {'documents': {}}
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(lines):
            gold = os.path.join(a.gold_dir, name + '.jsonl')
            rows = system_rows(name, a.run, a.system_dir)
            kept = []
            for r in rows:
                try:
                    if int(r.get('line', -1)) in lines[name]:
                        kept.append(r)
                except (TypeError, ValueError):
                    pass
            sysf = os.path.join(tmp, name + '.jsonl')
            with open(sysf, 'w', encoding='utf-8') as fh:
                for r in kept:
                    fh.write(json.dumps(r, ensure_ascii=False) + '\n')
            res, mistakes = S.score([gold], DOCS, system=sysf, errors=a.errors)
            d = res['documents'][name]
            print(f'== {name}: system facts {len(rows)} total, {len(kept)} on {len(lines[name])} labelled lines')
            dp, dr, df = res['detection']['precision'], res['detection']['recall'], res['detection']['f1']
            sp, sr, sf = res['strict']['precision'], res['strict']['recall'], res['strict']['f1']
            print(f'   gold {d["gold"]}  system {d["sys"]}  matched {d["tp"]}  strict-ok {d["strict_tp"]}')
            print(f'   detection P {dp:.3f} R {dr:.3f} F1 {df:.3f}   strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f}')
            print('   fields: ' + '  '.join(f'{k} {v:.3f}' for k, v in res['field_accuracy'].items()))
            print(f'   key-indicator recall {res["key_indicator_recall"]:.3f} of {res["key_indicator_gold"]}')
            for f, ms in mistakes.items():
                for m in ms:
                    print(f'     [{f}] {m}')
            for k in ('gold', 'sys', 'tp', 'strict_tp'):
                tot[k] += d[k]
            tot['key_gold'] += res['key_indicator_gold']
            tot['key_ok'] += round(res['key_indicator_recall'] * res['key_indicator_gold'])
            for f, acc in res['field_accuracy'].items():
                fsum[f][0] += acc * d['tp']
                fsum[f][1] += d['tp']
            out['documents'][name] = res
    p, r, f1 = prf(tot['tp'], tot['gold'], tot['sys'])
    sp, sr, sf1 = prf(tot['strict_tp'], tot['gold'], tot['sys'])
    comb = {'gold_facts': tot['gold'], 'system_facts': tot['sys'], 'matched': tot['tp'],
            'detection': {'precision': p, 'recall': r, 'f1': f1},
            'strict': {'precision': sp, 'recall': sr, 'f1': sf1},
            'field_accuracy': {f: (c / n if n else 0.0) for f, (c, n) in fsum.items()},
            'key_indicator_recall': tot['key_ok'] / tot['key_gold'] if tot['key_gold'] else 0.0,
            'key_indicator_gold': tot['key_gold']}
    out['combined'] = comb
    print('== combined (held-out)')
    print(f'gold facts {tot["gold"]}  system facts {tot["sys"]}  matched {tot["tp"]}')
    print(f'detection  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}')
    print(f'strict     P {sp:.3f}  R {sr:.3f}  F1 {sf1:.3f}   (value, unit, measure, period and locality all right)')
    print('field accuracy on matched facts: ' + '  '.join(f'{k} {v:.3f}' for k, v in comb['field_accuracy'].items()))
    print(f'key-indicator recall {comb["key_indicator_recall"]:.3f} of {tot["key_gold"]}')
    if a.json:
        with open(a.json, 'w', encoding='utf-8') as fh:
            json.dump(out, fh, ensure_ascii=False, indent=2)
    print(f'strict F1 {sf1:.3f}')


if __name__ == '__main__':
    main()
