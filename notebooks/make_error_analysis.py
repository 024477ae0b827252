"""Builds error_analysis.ipynb: runs each cell below and stores its printed output in the notebook.

    python notebooks/make_error_analysis.py

(Written as a script so the notebook is rebuilt from the current models with no Jupyter server.)
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

CELLS = [
    ("markdown", """# Error analysis of the test split

What the analyser gets wrong on `data/test.jsonl` (456 drafts, never used for any choice), and where.
Rebuilt by `python notebooks/make_error_analysis.py` from the models in `models/`."""),
    ("code", """import collections, json, random
from draftwise import Analyzer
from draftwise_lab.corpus import read_jsonl, sentence_spans
from draftwise_lab import evaluate as ev

golds = list(read_jsonl('data/test.jsonl'))
analyzer = Analyzer()
preds = ev.predict(analyzer, golds)
res = ev.score(preds, golds)
for k in ('skills_macro_f1', 'phrasing_macro_f1', 'blame_recall', 'tactics_macro_f1', 'benign_false_alarm',
          'intensity_mae', 'intensity_spearman', 'safety_recall', 'mindful_acc', 'confident_acc', 'apology_kind_acc'):
    print(f'{k:<20} {res[k]:.3f}')"""),
    ("markdown", "## Phrasing: where blame goes\nRows are the labels, columns what the analyser said (sentences matched as in `score.py`)."),
    ("code", """labels = ['blame', 'description', 'neutral']
conf = res['phrasing_confusion']
print('gold / predicted'.ljust(18) + ''.join(f'{l:>13}' for l in labels))
for g in labels:
    print(f'{g:<18}' + ''.join(f"{conf.get(f'{g}->{p}', 0):>13}" for p in labels))"""),
    ("markdown", "## Pairs of sentences: gold against predicted, where they disagree"),
    ("code", """pairs = []
by_id = {p['id']: p for p in preds}
for g in golds:
    p = by_id[g['id']]
    if len(p['sentences']) != len(g['sentences']):
        continue
    for gs, ps in zip(g['sentences'], p['sentences']):
        pairs.append((g, gs, ps))
random.seed(0)
def show(title, rows, n=8, what=('phrasing', 'blame_types', 'tactics')):
    print(f'-- {title}: {len(rows)}')
    for g, gs, ps in random.sample(rows, min(n, len(rows))):
        print(f"   [{g['id']}, {g['style']}] {gs['text'][:110]!r}")
        print("        gold " + '/'.join(str(gs[k]) for k in what) + "  predicted " + '/'.join(str(ps[k]) for k in what))
show('blame missed', [x for x in pairs if x[1]['phrasing'] == 'blame' and x[2]['phrasing'] != 'blame'])
show('blame given to a fair sentence', [x for x in pairs if x[1]['phrasing'] != 'blame' and x[2]['phrasing'] == 'blame'])"""),
    ("markdown", "## Skills: the commonest confusions"),
    ("code", """skills = ['describe', 'express', 'assert', 'reinforce', 'negotiate']
swap = collections.Counter()
for g, gs, ps in pairs:
    for a in gs['skills']:
        for b in ps['skills']:
            if a != b and a not in ps['skills'] and b not in gs['skills']:
                swap[(a, b)] += 1
print('gold skill -> predicted instead (no overlap):')
for (a, b), n in swap.most_common(10):
    print(f'  {a:>10} -> {b:<10} {n}')
show('reinforce missed', [x for x in pairs if 'reinforce' in x[1]['skills'] and 'reinforce' not in x[2]['skills']], 6, ('skills',))
show('express given wrongly', [x for x in pairs if 'express' in x[2]['skills'] and 'express' not in x[1]['skills']], 6, ('skills',))"""),
    ("markdown", "## Tactics per draft: misses and false alarms"),
    ("code", """miss, false = collections.Counter(), collections.Counter()
examples = collections.defaultdict(list)
for g in golds:
    p = by_id[g['id']]
    gt, pt = set(g['tactics']), {t['label'] for t in p['tactics']}
    for t in gt - pt:
        miss[t] += 1; examples['miss ' + t].append(g)
    for t in pt - gt:
        false[t] += 1; examples['false ' + t].append(g)
print('tactic            missed  false alarms')
for t in ['ultimatum', 'threat', 'guilt_trip', 'urgency', 'desperation', 'social_pressure', 'loaded_opener']:
    print(f'{t:<17} {miss[t]:>6}  {false[t]:>6}')
for key in ('miss guilt_trip', 'miss ultimatum', 'false threat'):
    for g in examples[key][:3]:
        print(f"\\n[{key}] {g['id']} near_miss={g.get('near_miss')}: {g['text'][:220]!r}")"""),
    ("markdown", "## Intensity: the largest errors"),
    ("code", """errs = sorted(((abs(by_id[g['id']]['intensity']['level'] - g['intensity']), g) for g in golds), key=lambda x: -x[0])
print('error histogram:', dict(sorted(collections.Counter(e for e, _ in errs).items())))
for e, g in errs[:6]:
    print(f"  gold {g['intensity']}, predicted {by_id[g['id']]['intensity']['level']}: {g['text'][:150]!r}")"""),
    ("markdown", "## By style: texting, plain, email"),
    ("code", """for style in ('texting', 'plain', 'email'):
    sub = [g for g in golds if g['style'] == style]
    r = ev.score([by_id[g['id']] for g in sub], sub)
    print(f"{style:<8} n={len(sub):<4} skills {r['skills_macro_f1']:.3f}  phrasing {r['phrasing_macro_f1']:.3f}  "
          f"tactics {r['tactics_macro_f1']:.3f}  intensity MAE {r['intensity_mae']:.2f}")"""),
    ("markdown", """## What this says
- **Blame missed** is mostly quiet: sarcasm and mock politeness ("Of course, your cruise matters more
  than your grandkids"), accusatory questions with no stock opening ("u couldnt keep ur mouth shut for
  ONE WEEK???"), and a third party's verdict adopted in two words ("and shes right").
- **Fair sentences called blame** are short second-person texting lines ("ur paying it"), honest
  questions ("why didnt u tell me??"), sincere thanks read as sarcasm, and self-deprecation.
- **Skills**: the commonest swaps are negotiate and reinforce taken for assert: offers ("drinks on me
  next week", "If you ever need a reference, just ask") are missed as reinforce, and flexible asks
  are read as plain requests. Express is given to wishes the labels call plain statements.
- **Tactics**: guilt trips are missed most (sarcastic self-pity with no stock phrase); ultimatum and
  threat have the most false alarms, mostly drafts that carry the other one or urgency (a penalty
  on the relationship and intimidation sit close), and desperation is over-given.
- **Intensity**: 92% within one level; the largest errors under-rate chasing, urgent messages.
- **By style**: texting is hardest for skills (fewer explicit cues), email for tactics (pressure in
  polite clothing)."""),
]


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    import os

    os.chdir(root)
    env: dict = {}
    cells = []
    n = 0
    for kind, src in CELLS:
        if kind == "markdown":
            cells.append({"cell_type": "markdown", "metadata": {}, "source": src})
            continue
        n += 1
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(src, f"<cell {n}>", "exec"), env)  # noqa: S102 - our own cells
        cells.append({
            "cell_type": "code", "execution_count": n, "metadata": {}, "source": src,
            "outputs": [{"output_type": "stream", "name": "stdout", "text": buf.getvalue()}],
        })
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                       "language_info": {"name": "python", "version": "3.11"}},
          "nbformat": 4, "nbformat_minor": 5}
    out = root / "notebooks" / "error_analysis.ipynb"
    out.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
