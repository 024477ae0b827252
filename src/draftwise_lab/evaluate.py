"""``draftwise eval``: how well the analyser judges, measured on held-out data.

On a split of ``data/`` (labelled per ``shared/spec/DATA.md``) it prints
per-label precision, recall and F1 for skills, phrasing, blame types and
tactics; the benign false-alarm rate; intensity MAE, within-1 accuracy and
Spearman; safety recall; mindful, confident and apology-kind accuracy. Sentences
are matched as ``shared/tools/score.py`` matches them; when that scorer is
present its headline figures are printed beside ours as a cross-check.

Where ``shared/datasets`` is present it adds external checks (evaluation only,
never training): EmoInt-2017 test (Pearson of the intensity score per
emotion), MentalManip consensus (any tactic or blame vs ``manipulative``,
macro-F1) and CaSiNo test (negotiate recall on promote-coordination and
elicit-pref utterances).
"""

from __future__ import annotations

import csv
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from draftwise.labels import BLAME_TYPES, PHRASING, SKILLS, TACTICS
from draftwise_lab.corpus import sentence_spans

# The targets of the issue "A judge that holds on real language", per kind of set: real messages
# (real-dev, real-test) and the written test set; dev keeps the corpus's original targets.
REAL_TARGETS = {
    "skills_macro_f1": (">=", 0.75),
    "phrasing_macro_f1": (">=", 0.80),
    "blame_recall": (">=", 0.80),
    "tactics_macro_f1": (">=", 0.70),
    "benign_false_alarm": ("<=", 0.05),
    "intensity_spearman": (">=", 0.80),
    "mindful_acc": (">=", 0.85),
    "confident_acc": (">=", 0.85),
    "apology_kind_acc": (">=", 0.85),
}
WRITTEN_TEST_TARGETS = {
    "skills_macro_f1": (">=", 0.80),
    "phrasing_macro_f1": (">=", 0.88),
    "tactics_macro_f1": (">=", 0.85),
    "intensity_spearman": (">=", 0.90),
}


def targets_for(set_name: str) -> dict[str, tuple[str, float]]:
    """The headline targets a set is marked against."""
    if set_name.startswith("real"):
        return REAL_TARGETS
    if set_name == "test":
        return WRITTEN_TEST_TARGETS
    return HEADLINE_TARGETS


HEADLINE_TARGETS = {
    "skills_macro_f1": (">=", 0.85),
    "phrasing_macro_f1": (">=", 0.85),
    "blame_recall": (">=", 0.90),
    "tactics_macro_f1": (">=", 0.85),
    "benign_false_alarm": ("<=", 0.05),
    "intensity_spearman": (">=", 0.85),
    "intensity_mae": ("<=", 0.9),
    "safety_recall": (">=", 1.0),
    "mindful_acc": (">=", 0.85),
    "confident_acc": (">=", 0.85),
    "apology_kind_acc": (">=", 0.85),
}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _spearman(a: Sequence[float], b: Sequence[float]) -> float:
    def ranks(x: Sequence[float]) -> list[float]:
        order = sorted(range(len(x)), key=lambda i: x[i])
        r = [0.0] * len(x)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and x[order[j + 1]] == x[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r

    ra, rb = ranks(a), ranks(b)
    ma, mb = statistics.mean(ra), statistics.mean(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def _pearson(a: Sequence[float], b: Sequence[float]) -> float:
    ma, mb = statistics.mean(a), statistics.mean(b)
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    va = sum((x - ma) ** 2 for x in a) ** 0.5
    vb = sum((y - mb) ** 2 for y in b) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def score(preds: Sequence[dict], golds: Sequence[dict]) -> dict[str, Any]:
    """All the figures the models issue asks for, sentence matching as in DATA.md."""
    pred = {str(p.get("id")): p for p in preds}
    c: dict[str, Counter] = defaultdict(Counter)
    msg: Counter = Counter()
    ints_g, ints_p = [], []
    conf: Counter = Counter()
    tconf: Counter = Counter()
    for g in golds:
        p = pred.get(str(g["id"]))
        if p is None or p.get("error"):
            msg["missing"] += 1
            continue
        psents = p.get("sentences") or []
        for (gs, ge), s in zip(sentence_spans(g), g["sentences"], strict=True):
            over = [(min(ge, q["end"]) - max(gs, q["start"]), q) for q in psents]
            over = [(o, q) for o, q in over if o > 0]
            best = max(over, key=lambda t: t[0])[1] if over else None
            cover = [q for o, q in over if o >= 0.5 * min(ge - gs, q["end"] - q["start"])]
            ps = {k for q in cover for k in q.get("skills", [])}
            for k in SKILLS:
                gi, pi = k in s["skills"], k in ps
                c["skill:" + k]["tp" if gi and pi else "fp" if pi else "fn" if gi else "tn"] += 1
            pp = best.get("phrasing") if best else "neutral"
            if any(q.get("phrasing") == "blame" for q in cover):
                pp = "blame"
            conf[(s["phrasing"], pp)] += 1
            for k in PHRASING:
                gi, pi = s["phrasing"] == k, pp == k
                c["phr:" + k]["tp" if gi and pi else "fp" if pi else "fn" if gi else "tn"] += 1
            pbt = {t for q in cover if q.get("phrasing") == "blame" for t in q.get("blame_types", [])}
            for k in BLAME_TYPES:
                gi, pi = k in s["blame_types"], k in pbt
                c["bt:" + k]["tp" if gi and pi else "fp" if pi else "fn" if gi else "tn"] += 1
        gt = set(g.get("tactics", []))
        pt = {t["label"] for t in p.get("tactics", [])}
        for k in TACTICS:
            gi, pi = k in gt, k in pt
            c["tac:" + k]["tp" if gi and pi else "fp" if pi else "fn" if gi else "tn"] += 1
        # which tactic was said instead of which (or instead of none)
        for k in pt - gt:
            tconf[f"{'+'.join(sorted(gt - pt)) or 'none'}->{k}"] += 1
        for k in gt - pt:
            if not pt - gt:
                tconf[f"{k}->none"] += 1
        if not gt:
            msg["benign"] += 1
            msg["benign_alarm"] += bool(pt)
        dm = p.get("dear_man") or {}
        for k in ("mindful", "confident"):
            msg[k + "_n"] += 1
            msg[k + "_ok"] += bool((dm.get(k) or {}).get("present")) == bool(g[k])
        gs_, ps_ = bool(g.get("safety")), bool((p.get("safety") or {}).get("flag"))
        msg["safe_tp"] += gs_ and ps_
        msg["safe_fn"] += gs_ and not ps_
        msg["safe_fp"] += ps_ and not gs_
        msg["apo_n"] += 1
        msg["apo_ok"] += (p.get("apology") or {}).get("kind") == g.get("apology", "none")
        lvl = (p.get("intensity") or {}).get("level")
        if lvl is not None:
            ints_g.append(g["intensity"])
            ints_p.append(lvl)

    def table(prefix: str, labels: Sequence[str]) -> dict[str, tuple[float, float, float, int]]:
        out = {}
        for k in labels:
            t = c[prefix + k]
            out[k] = (*_prf(t["tp"], t["fp"], t["fn"]), t["tp"] + t["fn"])
        return out

    sk, ph, bt, ta = table("skill:", SKILLS), table("phr:", PHRASING), table("bt:", BLAME_TYPES), table("tac:", TACTICS)
    res: dict[str, Any] = {
        "drafts": len(golds),
        "missing_or_error": msg["missing"],
        "skills": sk,
        "phrasing": ph,
        "blame_types": bt,
        "tactics": ta,
        "skills_macro_f1": statistics.mean(v[2] for v in sk.values()),
        "phrasing_macro_f1": statistics.mean(v[2] for v in ph.values()),
        "blame_recall": ph["blame"][1],
        "blame_types_macro_f1": statistics.mean(v[2] for v in bt.values()),
        "tactics_macro_f1": statistics.mean(v[2] for v in ta.values()),
        "benign_false_alarm": msg["benign_alarm"] / msg["benign"] if msg["benign"] else 0.0,
        "safety_recall": msg["safe_tp"] / (msg["safe_tp"] + msg["safe_fn"]) if msg["safe_tp"] + msg["safe_fn"] else 1.0,
        "safety_false_alarms": msg["safe_fp"],
        "mindful_acc": msg["mindful_ok"] / max(1, msg["mindful_n"]),
        "confident_acc": msg["confident_ok"] / max(1, msg["confident_n"]),
        "apology_kind_acc": msg["apo_ok"] / max(1, msg["apo_n"]),
        "phrasing_confusion": {f"{a}->{b}": n for (a, b), n in sorted(conf.items())},
        "tactic_confusion": dict(tconf.most_common()),
    }
    if ints_g:
        res["intensity_mae"] = statistics.mean(abs(a - b) for a, b in zip(ints_g, ints_p, strict=True))
        res["intensity_within1"] = sum(abs(a - b) <= 1 for a, b in zip(ints_g, ints_p, strict=True)) / len(ints_g)
        res["intensity_spearman"] = _spearman(ints_g, ints_p)
    return res


def predict(analyzer: Any, drafts: Iterable[dict]) -> list[dict]:
    """Analyse each draft's ``text`` under its ``id`` and return the reports as OUTPUT.md records."""
    ds = list(drafts)
    return [r.to_dict() for r in analyzer.analyse_many([d["text"] for d in ds], ids=[d["id"] for d in ds])]


def shared_dir(explicit: str | Path | None = None) -> Path | None:
    """``shared/`` beside the checkout (or ``$DRAFTWISE_SHARED``, or an explicit path), if present."""
    import os

    for cand in (
        explicit,
        os.environ.get("DRAFTWISE_SHARED"),
        Path.cwd().parent / "shared",
        Path(__file__).resolve().parents[3] / "shared",
    ):
        if cand and Path(cand).is_dir():
            return Path(cand)
    return None


def shared_scorer(shared: Path | None, preds: Sequence[dict], golds: Sequence[dict]) -> dict[str, Any] | None:
    """Run ``shared/tools/score.py`` on the same predictions, when it is there."""
    if shared is None or not (shared / "tools" / "score.py").exists():
        return None
    import importlib.util

    spec = importlib.util.spec_from_file_location("draftwise_shared_score", shared / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod.score(list(preds), list(golds))


# -- external checks -----------------------------------------------------------


def emoint(analyzer: Any, root: Path) -> dict[str, float] | None:
    """Pearson of the intensity score with EmoInt-2017 test gold, per emotion and their mean; None if absent."""
    d = root / "emoint-wassa2017"
    if not d.is_dir():
        return None
    out = {}
    for emo in ("anger", "fear", "joy", "sadness"):
        with open(d / f"{emo}-test-gold.txt", encoding="utf-8") as f:
            rows = [ln.rstrip("\n").split("\t") for ln in f if ln.strip()]
        texts = [r[1] for r in rows]
        gold = [float(r[3]) for r in rows]
        scores = [r.intensity.score if r.intensity else 1.0 for r in analyzer.analyse_many(texts)]
        out[emo] = _pearson(scores, gold)
    out["mean"] = statistics.mean(out.values())
    return out


def mentalmanip(analyzer: Any, root: Path) -> dict[str, float] | None:
    """Score "any tactic or blame sentence" against MentalManip's consensus ``Manipulative`` label; None if absent.

    Returns:
        Macro-F1 over the two classes, accuracy, and the number of dialogues.
    """
    path = root / "mentalmanip" / "mentalmanip_con.csv"
    if not path.exists():
        return None
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = [r["Dialogue"] for r in rows]
    gold = [int(r["Manipulative"]) for r in rows]
    pred = []
    for r in analyzer.analyse_many(texts):
        pred.append(int(bool(r.tactics) or any(s.phrasing == "blame" for s in r.sentences)))
    f = []
    for cls in (0, 1):
        tp = sum(p == cls and g == cls for p, g in zip(pred, gold, strict=True))
        fp = sum(p == cls and g != cls for p, g in zip(pred, gold, strict=True))
        fn = sum(p != cls and g == cls for p, g in zip(pred, gold, strict=True))
        f.append(_prf(tp, fp, fn)[2])
    acc = sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)
    return {"macro_f1": statistics.mean(f), "accuracy": acc, "dialogues": len(gold)}


def casino(analyzer: Any, root: Path) -> dict[str, float] | None:
    """Negotiate recall on CaSiNo test utterances annotated promote-coordination or elicit-pref; None if absent."""
    path = root / "casino" / "casino_test.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    utts = [(t, lab) for d in data for t, lab in (d.get("annotations") or [])]
    target = [t for t, lab in utts if {"promote-coordination", "elicit-pref"} & set(lab.split(","))]
    hits = sum(bool(r.dear_man and r.dear_man.negotiate.present) for r in analyzer.analyse_many(target))
    return {"negotiate_recall": hits / len(target) if target else 0.0, "utterances": len(target)}


def external(analyzer: Any, shared: Path | None) -> dict[str, Any]:
    """The external checks on ``shared/datasets`` (EmoInt, MentalManip, CaSiNo), or a note that it is missing."""
    root = shared / "datasets" if shared else None
    if root is None or not root.is_dir():
        return {"note": "shared/datasets is not here: external checks skipped"}
    return {
        "emoint_pearson": emoint(analyzer, root),
        "mentalmanip": mentalmanip(analyzer, root),
        "casino": casino(analyzer, root),
    }


def report_lines(res: dict[str, Any], split: str) -> list[str]:
    """The printed evaluation report: per-label tables, then headline figures marked against their targets."""
    L = [f"draftwise eval on {split}: {res['drafts']} drafts ({res['missing_or_error']} missing or errored)"]

    def block(title: str, tab: dict[str, tuple[float, float, float, int]]) -> None:
        L.append(f"\n{title:<22} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
        for k, (p, r, f, n) in tab.items():
            L.append(f"  {k:<20} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")

    block("skills (sentences)", res["skills"])
    block("phrasing (sentences)", res["phrasing"])
    block("blame types", res["blame_types"])
    block("tactics (drafts)", res["tactics"])
    L.append("")
    for k in (
        "skills_macro_f1",
        "phrasing_macro_f1",
        "blame_recall",
        "blame_types_macro_f1",
        "tactics_macro_f1",
        "benign_false_alarm",
        "intensity_mae",
        "intensity_within1",
        "intensity_spearman",
        "safety_recall",
        "safety_false_alarms",
        "mindful_acc",
        "confident_acc",
        "apology_kind_acc",
    ):
        if k not in res:
            continue
        v = res[k]
        tgt = targets_for(split).get(k)
        mark = ""
        if tgt:
            ok = v >= tgt[1] if tgt[0] == ">=" else v <= tgt[1]
            mark = f"   target {tgt[0]} {tgt[1]}: {'met' if ok else 'NOT met'}"
        L.append(f"{k:<22} {v:.3f}{mark}" if isinstance(v, float) else f"{k:<22} {v}{mark}")
    pc = res.get("phrasing_confusion") or {}
    if pc:
        L.append("\nphrasing confusion (gold->predicted, sentences): " + ", ".join(f"{k} {n}" for k, n in pc.items()))
    tc = res.get("tactic_confusion") or {}
    if tc:
        top = list(tc.items())[:12]
        L.append("tactic confusion (gold->predicted, drafts): " + ", ".join(f"{k} {n}" for k, n in top))
    return L


def external_lines(ext: dict[str, Any]) -> list[str]:
    """The external checks as lines for the terminal."""
    if "note" in ext:
        return [ext["note"]]
    out = []
    e = ext.get("emoint_pearson")
    if e:
        out.append(
            "EmoInt-2017 test, Pearson of intensity score: "
            + ", ".join(f"{k} {v:.3f}" for k, v in e.items())
            + "   (best system of the shared task: 0.747)"
        )
    m = ext.get("mentalmanip")
    if m:
        out.append(
            f"MentalManip consensus, any tactic or blame vs manipulative: macro-F1 {m['macro_f1']:.3f}, "
            f"accuracy {m['accuracy']:.3f} on {m['dialogues']} dialogues   (GPT-4: 0.649 zero-shot, 0.685 intent-aware)"
        )
    c = ext.get("casino")
    if c:
        out.append(
            f"CaSiNo test, negotiate recall on promote-coordination and elicit-pref: {c['negotiate_recall']:.3f} "
            f"({c['utterances']} utterances)"
        )
    return out
