"""The trained judgement behind the detectors: label probabilities and the words behind them.

:class:`Judge` loads the verified model files once (see ``store.py``), turns
drafts and their rule findings into features, and gives every sentence and
draft label a probability. Because every head is linear and the static
encoder is a weighted mean of token vectors, each decision splits exactly into
per-word contributions: :meth:`Judge.attribution`. The judge decides nothing:
which labels are given, and which words become their evidence, is
:mod:`draftwise.decide`'s.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from draftwise.config import Settings
from draftwise.decide.overrides import masked
from draftwise.decide.probabilities import Probabilities
from draftwise.detectors.base import DraftView, Finding
from draftwise.labels import APOLOGY_KINDS, BLAME_TYPES, PHRASING, SKILLS, TACTICS


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def _lin(X: Any, Wb: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    W, b = Wb
    return np.asarray(X @ W.astype(np.float32)) + b


def sentence_probabilities(X: Any, heads: dict[str, tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Columns in the order of ``train.SENTENCE_LABELS``: skills, phrasing, blame types, tactics."""
    sk = _sigmoid(_lin(X, heads["skills"]))
    ph = _softmax(_lin(X, heads["phrasing"]))
    bt = _sigmoid(_lin(X, heads["blame_types"]))
    ta = _sigmoid(_lin(X, heads["tactics"]))
    return np.hstack([sk, ph, bt, ta]).astype(np.float32)


def combine_tactics(draft_head: np.ndarray, sentence_max: np.ndarray) -> np.ndarray:
    """A draft's tactic probability: the mean of its draft head and its most pressing sentence."""
    return (draft_head + sentence_max) / 2.0


def draft_probabilities(D: Any, heads: dict[str, tuple[np.ndarray, np.ndarray]]) -> dict[str, np.ndarray]:
    """Every draft head's output, one row per draft, keyed by head name.

    ``intensity`` is the raw regression (not clipped), ``apology`` a softmax over the apology
    kinds, the rest sigmoids; ``tactics`` only when the model has a draft tactics head.
    """
    out = {"intensity": _lin(D, heads["intensity"])[:, 0]}
    if "tactics" in heads:
        out["tactics"] = _sigmoid(_lin(D, heads["tactics"]))
    for k in ("mindful", "confident", "safety"):
        out[k] = _sigmoid(_lin(D, heads[k]))[:, 0]
    out["apology"] = _softmax(_lin(D, heads["apology"]))
    return out


@dataclasses.dataclass
class _Extra:
    """What evidence needs from the features of one draft."""

    X: Any
    spans: list[dict[int, list[tuple[int, int]]]]
    token_spans: list[list[tuple[int, int]]]
    token_coef: list[np.ndarray]
    token_ids: list[list[int]]


_MASKABLE_COLUMN = {"blame": "ph:blame", **{b: f"bt:{b}" for b in BLAME_TYPES}, **{t: f"ta:{t}" for t in TACTICS}}
"""The judge's column of each label :func:`masked` may name."""


class Judge:
    """Trained heads over rule, n-gram and embedding features."""

    def __init__(self, root: Path) -> None:
        from draftwise.models.encoders import StaticEncoder
        from draftwise.models.features import TfidfBlock
        from draftwise.models.featurize import Featurizer
        from draftwise.models.store import load

        m = load(root)
        self.root = root
        self.meta = m["meta"]
        h = m["heads"]
        self.encoder = StaticEncoder(m["static"]["table"], m["static"]["weights"])
        word = TfidfBlock.from_json(m["vocab"]["word"], h["idf.word"])
        char = TfidfBlock.from_json(m["vocab"]["char"], h["idf.char"])
        self.featurizer = Featurizer(word, char, self.meta["rule_names"], self.encoder)
        self.sentence_heads = {
            k: (h[f"sentence.{k}.W"].astype(np.float32), h[f"sentence.{k}.b"])
            for k in ("skills", "phrasing", "blame_types", "tactics")
        }
        self.draft_heads = {
            k: (h[f"draft.{k}.W"], h[f"draft.{k}.b"])
            for k in ("intensity", "mindful", "confident", "safety", "apology", "tactics")
            if f"draft.{k}.W" in h
        }
        self.labels = list(self.meta["sentence_labels"])
        self.thresholds: dict[str, float] = dict(self.meta["thresholds"])
        # Which feature columns each head column reads, for attribution.
        self.offsets = self.featurizer.offsets

    def settings(self, base: Settings) -> Settings:
        """``base`` with this model's thresholds (chosen on dev when it was trained)."""
        return base.with_model_thresholds(self.thresholds)

    def predict(
        self, views: Sequence[DraftView | None], findings: Sequence[Sequence[Finding]]
    ) -> list[Probabilities | None]:
        """Sentence and draft label probabilities for each draft, with a hook for their evidence.

        Args:
            views: The drafts, ``None`` for one that could not be read.
            findings: The rule findings of each draft, in the order of ``views``.

        Returns:
            One :class:`Probabilities` per view: empty for a draft with no sentences, ``None``
            where the view is ``None``.
        """
        live = [i for i, v in enumerate(views) if v is not None and v.sentences]
        out: list[Probabilities | None] = [None] * len(views)
        for i, v in enumerate(views):
            if v is not None and not v.sentences:
                out[i] = Probabilities([], {})
        if not live:
            return out
        vs = [views[i] for i in live]
        fs = [findings[i] for i in live]
        rows = self.featurizer.sentences(vs, fs, keep_spans=True)
        P = sentence_probabilities(rows.X, self.sentence_heads)
        # Labels LABELS.md rules out (decide.overrides), before the draft heads read the sentences.
        texts = [s.text for v in vs for s in v.sentences]
        if len(texts) == P.shape[0]:
            for r, t in enumerate(texts):
                for label in masked(t):
                    P[r, self.labels.index(_MASKABLE_COLUMN[label])] = 0.0
        D = self.featurizer.drafts(vs, fs, P, rows, self.labels)
        dp = draft_probabilities(D, self.draft_heads)
        col = {k: j for j, k in enumerate(self.labels)}
        for n, i in enumerate(live):
            sel = np.nonzero(rows.draft_of == n)[0]
            sents = []
            for r in sel:
                p = {k: float(P[r, col[f"sk:{k}"]]) for k in SKILLS}
                p.update({k: float(P[r, col[f"ph:{k}"]]) for k in PHRASING})
                p.update({k: float(P[r, col[f"bt:{k}"]]) for k in BLAME_TYPES})
                p.update({k: float(P[r, col[f"ta:{k}"]]) for k in TACTICS})
                p["safety"] = 0.0
                sents.append(p)
            apology = dp["apology"][n]
            tactic_p = None
            if "tactics" in dp:
                smax = np.array([max((s[k] for s in sents), default=0.0) for k in TACTICS], np.float32)
                tactic_p = combine_tactics(dp["tactics"][n], smax)
            draft = {
                "intensity": float(np.clip(dp["intensity"][n], 1.0, 10.0)),
                "mindful": float(dp["mindful"][n]),
                "confident": float(dp["confident"][n]),
                "safety": float(dp["safety"][n]),
                "apology_kind": APOLOGY_KINDS[int(apology.argmax())],
                "apology_p": float(apology.max()),
            }
            if tactic_p is not None:
                draft.update({f"tactic:{k}": float(tactic_p[j]) for j, k in enumerate(TACTICS)})
            extra = _Extra(
                rows.X[sel],
                [rows.spans[r] for r in sel],
                [rows.token_spans[r] for r in sel],
                [rows.token_coef[r] for r in sel],
                [rows.token_ids[r] for r in sel],
            )
            out[i] = Probabilities(sents, draft, functools.partial(self.attribution, extra))
        return out

    # -- evidence --------------------------------------------------------------

    def _column(self, label: str) -> tuple[str, int]:
        if label in SKILLS:
            return "skills", SKILLS.index(label)
        if label in BLAME_TYPES:
            return "blame_types", BLAME_TYPES.index(label)
        if label in TACTICS:
            return "tactics", TACTICS.index(label)
        raise KeyError(label)

    def attribution(self, extra: _Extra, i: int, text: str, label: str) -> list[tuple[float, int, int]]:
        """Per-word contributions (value, start, end; sentence-relative) to one label's logit."""
        import bisect

        task, j = self._column(label)
        W = self.sentence_heads[task][0][:, j]
        row = extra.X[i]
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        starts = [a for a, _ in words]
        score = np.zeros(len(words), dtype=np.float64)

        def add(a: int, b: int, v: float) -> None:
            # the words overlapping [a, b): found by bisection, not by scanning every word
            k = max(0, bisect.bisect_right(starts, a) - 1)
            while k < len(words) and words[k][0] < b:
                if a < words[k][1]:
                    score[k] += v
                k += 1

        e0, e1 = self.offsets["emb"]
        idx, data = row.indices, row.data
        mask = (idx < e0) | (idx >= e1)
        spans_of = extra.spans[i]
        for f, x in zip(idx[mask].tolist(), data[mask].tolist(), strict=True):
            spans = spans_of.get(f)
            if not spans:
                continue
            v = x * float(W[f]) / len(spans)
            for a, b in spans:
                add(a, b, v)
        # Character n-grams: each word's share is the sum over its own n-grams.
        c0, c1 = self.offsets["char"]
        char_block = self.featurizer.char
        weight = {f - c0: x for f, x in zip(idx.tolist(), data.tolist(), strict=True) if c0 <= f < c1}
        if weight:
            from draftwise.models.features import word_tokens
            from draftwise.models.featurize import mask_quotes

            for t, a, b in word_tokens(mask_quotes(text)):
                if t[0].isalpha():
                    v = sum(weight.get(g, 0.0) * float(W[c0 + g]) for g in char_block._char_ids(t))
                    if v:
                        add(a, b, v)
        ids = extra.token_ids[i]
        if ids:
            proj = self.encoder.table[np.asarray(ids)] @ W[e0:e1]
            for (a, b), c, pv in zip(extra.token_spans[i], extra.token_coef[i], proj, strict=True):
                add(a, b, float(c * pv))
        return [(float(score[k]), a, b) for k, (a, b) in enumerate(words)]


_CACHE: dict[str, Judge | None] = {}


def load_judge(root: str | Path | None = None) -> Judge | None:
    """The trained judge from the package's ``draftwise.trained`` (or ``root``), or None when none is installed."""
    from draftwise.models.store import package_dir

    path = Path(root) if root is not None else package_dir()
    if path is None:
        return None
    key = str(path)
    if key not in _CACHE:
        _CACHE[key] = Judge(path)
    return _CACHE[key]
