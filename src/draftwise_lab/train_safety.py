"""``draftwise-lab train-safety``: fine-tune the safety classifier, fit the cheap gate score, choose the bar on dev.

Steps (the head's design is in ``draftwise.models.safety_head``):

1. Fine-tune all-MiniLM-L6-v2 as a classifier and export it as int8 ONNX
   (``draftwise_lab.finetune_safety``; ~20-30 minutes on 2 cores). Its training rows: the
   safety set's train part, the corpus's written train drafts and the real training
   messages labelled not-safety (``finetune_safety.training_rows``). ``--reuse-classifier``
   keeps an existing ``safety_minilm.onnx`` (to refit the rest in a minute).
2. Fit the cheap score (hashed n-grams and the static vector, ``safety_head.cheap_features``)
   on the same rows: a logistic regression, classes balanced, C from ``C_GRID``.
3. Choose C, the mix (``MIX_GRID``: the classifier's share of the logit) and the threshold on
   dev: the safety set's dev part and the corpus's dev split, with the rules (``screen``)
   applied as at run time, the head counting only where ``decide.safety`` lets it (English
   drafts of ``safety_head_min_words`` or more), the classifier's logits taken from the int8
   file as at run time::

       threshold = the t (with C and mix) giving the highest recall on dev positives, the rules included,
                   while false alarms on the safety set's dev negatives stay <= MAX_FALSE_ALARMS
                   (or, where the rules alone pass that, the head adds none there)
                   and the head adds false alarms to at most MAX_EVERYDAY_ADDED (none) of the
                   corpus's dev drafts that are not about safety; ties go to the head's own recall
                   on English dev positives, then to the higher t

4. The gate: ``GATE_MARGIN`` below the lowest cheap logit of any training or dev draft whose
   mixed probability reaches ``GATE_PROBABILITY``, with the weights as saved (float16).

The held-out part is never read here. Same data, same files: the fine-tuning is seeded and
run on a fixed number of threads, liblinear is deterministic, ONNX Runtime runs on one thread.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from draftwise.models.safety_head import CLASSIFIER_FILE, cheap_features, save
from draftwise_lab.safety_set import load

MAX_FALSE_ALARMS = 0.02
# The share of the corpus's everyday dev drafts the head may newly flag: none ("no loss on the everyday
# drafts of the main corpus"). A budget of 0.5% (3 of 702) was tried: at every C its bar then sat just
# under ordinary apologies ("I'm sorry you feel so hurt though, you know I'm busy": p 0.87-0.96).
MAX_EVERYDAY_ADDED = 0.0
C_GRID = (1.0, 4.0)
MIX_GRID = (0.6, 0.7, 0.8, 0.9, 1.0)
# A fine-tuned classifier's probabilities crowd near 0 and 1, so the bar is searched on the logit scale.
THRESHOLDS = np.round(1.0 / (1.0 + np.exp(-np.arange(-1.0, 12.0, 0.05))), 6)
GATE_PROBABILITY = 0.5
GATE_MARGIN = 0.25


def _corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _rows(drafts: list[dict]) -> tuple[list[str], np.ndarray]:
    return [d["text"] for d in drafts], np.array([bool(d["safety"]) for d in drafts], dtype=np.int32)


def choose(
    p: np.ndarray, y: np.ndarray, rules: np.ndarray, readable: np.ndarray, safety_neg: np.ndarray, everyday: np.ndarray
) -> tuple[tuple[float, ...], dict[str, Any]] | None:
    """The best threshold for one fitted head on dev (the rule in the module's notes), or ``None``.

    ``safety_neg`` marks the safety set's dev negatives, ``everyday`` the corpus's dev drafts not
    about safety; ``readable`` the drafts the head may flag (English, long enough).
    """
    english_pos = (y == 1) & readable
    # Where the rules alone already pass the bar (dev grew with hard negatives written to sit
    # closest to danger), the head may add no false alarm of its own.
    fa_cap = max(MAX_FALSE_ALARMS, float(rules[safety_neg].mean()))
    best = None
    for t in THRESHOLDS[::-1]:
        head = (p >= t) & readable
        flag = rules | head
        fa = float(flag[safety_neg].mean())
        added = float((head & ~rules)[everyday].mean())
        if fa > fa_cap or added > MAX_EVERYDAY_ADDED:
            continue
        rec = float(flag[y == 1].mean())
        own = float(head[english_pos].mean()) if english_pos.any() else 0.0
        key = (rec, own, -fa, float(t))
        if best is None or key > best[0]:
            best = (
                key,
                {
                    "threshold": float(t),
                    "recall_with_rules": round(rec, 4),
                    "head_recall_english": round(own, 4),
                    "false_alarms_safety_negatives": round(fa, 4),
                    "everyday_added_by_head": int((head & ~rules)[everyday].sum()),
                    "everyday_flagged_by_rules_or_head": int(flag[everyday].sum()),
                    "everyday_drafts": int(everyday.sum()),
                },
            )
    return best


def gate_logit(z_cheap: np.ndarray, z_mixed: np.ndarray) -> tuple[float, int]:
    """The gate: ``GATE_MARGIN`` below the lowest cheap logit of a text whose mixed probability reaches the bar.

    Returns the gate and how many such texts there were.
    """
    low = z_cheap[z_mixed >= np.log(GATE_PROBABILITY / (1 - GATE_PROBABILITY))]
    return float(np.floor((low.min() - GATE_MARGIN) * 100) / 100), len(low)


def train_safety(
    data: Path = Path("data"), out: Path = Path("models"), *, reuse_classifier: bool = False, log: Any = print
) -> dict[str, Any]:
    """Fine-tune (or reuse) the classifier, fit the cheap score, choose the threshold and the gate on dev, save.

    Returns the figures on dev.
    """
    from sklearn.linear_model import LogisticRegression

    from draftwise.config import Settings
    from draftwise.language import detect
    from draftwise.models.encoders import OnnxClassifier
    from draftwise.models.judge import load_judge
    from draftwise.screen import screen
    from draftwise_lab.finetune_safety import EPOCHS, export, fine_tune, training_rows

    judge = load_judge(out)
    if judge is None:
        raise RuntimeError(f"train the main models first: no models in {out}")
    encoder = judge.encoder
    train_text, yt = training_rows(data)
    onnx = out / CLASSIFIER_FILE
    if not (reuse_classifier and onnx.exists()):
        export(fine_tune(train_text, yt, log=log), onnx)
    classifier = OnnxClassifier(onnx)
    safety_dev = load("dev")
    dev = safety_dev + _corpus(data / "dev.jsonl")
    dev_text, ydev = _rows(dev)
    At, Ad = cheap_features(train_text, encoder), cheap_features(dev_text, encoder)
    z_dev = classifier.logits(dev_text)
    rules = np.array([any(f.family == "safety" for f in screen(t).findings) for t in dev_text])
    # The head counts only where decide.safety lets it: English drafts of safety_head_min_words or more.
    min_words = Settings().safety_head_min_words
    readable = np.array([len(t.split()) >= min_words and detect(t).english for t in dev_text])
    in_set = np.arange(len(dev)) < len(safety_dev)
    safety_neg = in_set & (ydev == 0)
    everyday = ~in_set & (ydev == 0)
    best: tuple[Any, ...] | None = None
    for C in C_GRID:
        cheap = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=3000, random_state=0)
        cheap.fit(At, yt)
        # As saved and read at run time: float16 weights.
        W = cheap.coef_.ravel().astype(np.float16).astype(np.float32)
        b = float(cheap.intercept_[0])
        zc_dev = np.asarray(Ad @ W).ravel() + b
        for mix in MIX_GRID:
            p_dev = 1.0 / (1.0 + np.exp(-(mix * z_dev + (1.0 - mix) * zc_dev)))
            found = choose(p_dev, ydev, rules, readable, safety_neg, everyday)
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], C, mix, W, b, zc_dev, found[1])
    assert best is not None, "no threshold keeps false alarms under the bars"
    _, C, mix, W, b, zc_dev, figures = best
    zc_train = np.asarray(At @ W).ravel() + b
    z_train = classifier.logits(train_text)
    gate, above = gate_logit(
        np.concatenate([zc_train, zc_dev]),
        np.concatenate([mix * z_train + (1 - mix) * zc_train, mix * z_dev + (1 - mix) * zc_dev]),
    )
    meta = {
        "threshold": figures.pop("threshold"),
        "cheap_C": C,
        "mix": mix,
        "gate_logit": gate,
        "features": {
            "word": "hashed 1-3-grams, 2^18",
            "char": "hashed char_wb 3-5-grams, 2^18",
            "static": encoder.dim,
            "classifier": f"all-MiniLM-L6-v2 fine-tuned {EPOCHS} epochs, mean-pooled, one logit; int8 ONNX",
        },
        "train_rows": len(train_text),
        "train_positives": int(yt.sum()),
        "dev": {
            **figures,
            "drafts": len(dev),
            "gate_share_of_dev_drafts_classified": round(float((zc_dev >= gate).mean()), 4),
            "drafts_at_p_0.5_setting_the_gate": above,
        },
    }
    save(out, W, b, meta, out / "static.safetensors")
    return meta
