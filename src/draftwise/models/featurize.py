"""Build the sentence and draft feature matrices the heads read (training and inference alike).

One :class:`Featurizer` holds the fitted vocabularies, the rule names and the
encoder, and turns drafts (their :class:`DraftView` and detector findings) into
a sparse matrix with the layout of :mod:`draftwise.models.features`, keeping
for every active feature the character spans that produced it (for evidence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from draftwise.detectors.base import DraftView, Finding, normalise, quoted_spans
from draftwise.detectors.intensity import signals
from draftwise.models.encoders import StaticEncoder, encode_tokens
from draftwise.models.features import SHAPE_NAMES, Layout, TfidfBlock, rule_vector, shape

# Draft-level cue counts, by finding family and label.
DRAFT_CUES = (
    ("mindful", "old_grievance"),
    ("confident", "hedge"),
    ("confident", "self_put_down"),
    ("confident", "apology_word"),
    ("apology", "apology"),
    ("apology", "non_apology"),
    ("apology", "owning"),
    ("apology", "repair"),
    ("apology", "demand_forgiveness"),
    ("safety", "suicide"),
    ("safety", "self_harm"),
    ("safety", "violence"),
)
SIGNAL_NAMES = (
    "caps_ratio",
    "exclamations",
    "punct_bursts",
    "swears",
    "intensifiers",
    "insults",
    "max_abs_valence",
    "mean_abs_valence",
    "elongations",
    "hot_emoji",
    "words",
    "questions",
)


@dataclass
class SentenceRows:
    """Feature rows for the sentences of many drafts, and where each came from."""

    X: sparse.csr_matrix
    draft_of: np.ndarray  # row -> draft position
    index_in_draft: np.ndarray
    spans: list[dict[int, list[tuple[int, int]]]] = field(
        default_factory=list
    )  # row -> feature -> spans (sentence-relative)
    token_spans: list[list[tuple[int, int]]] = field(default_factory=list)  # row -> wordpiece spans
    token_coef: list[np.ndarray] = field(default_factory=list)  # row -> per-token coefficient in the embedding
    token_ids: list[list[int]] = field(default_factory=list)


def mask_quotes(text: str) -> str:
    """Blank the inside of quotations, keeping every offset."""
    spans = quoted_spans(normalise(text))
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for k in range(a + 1, b - 1):
            if not chars[k].isspace():
                chars[k] = " "
    return "".join(chars)


class Featurizer:
    """Turns drafts and their rule findings into the sentence and draft feature matrices."""

    def __init__(
        self,
        word: TfidfBlock,
        char: TfidfBlock,
        rule_names: Sequence[str],
        encoder: StaticEncoder | None,
    ) -> None:
        self.word = word
        self.char = char
        self.rule_names = list(rule_names)
        self.encoder = encoder  # static: per-token attribution possible
        dim = encoder.dim if encoder is not None else 0
        self.layout = Layout(
            [
                ("word", len(word.vocab)),
                ("char", len(char.vocab)),
                ("rule", len(self.rule_names)),
                ("shape", len(SHAPE_NAMES)),
                ("emb", dim),
                ("prev", dim),
                ("next", dim),
            ]
        )
        self.offsets = self.layout.offsets()

    # -- sentences -------------------------------------------------------------

    def sentences(
        self, views: Sequence[DraftView], findings: Sequence[Sequence[Finding]], keep_spans: bool = False
    ) -> SentenceRows:
        """One feature row per sentence of every draft, in draft order, quoted speech blanked.

        With ``keep_spans`` the rows also carry what evidence needs: each feature's character spans and
        the WordPiece spans, ids and embedding coefficients of each sentence.
        """
        # Quoted speech is someone else's words: blanked (offsets kept) so it never reads as the writer's own.
        texts = [mask_quotes(s.text) for v in views for s in v.sentences]
        tok = encode_tokens(texts)
        pooled = [self.encoder.pooled(ids) for ids, _ in tok]
        emb = np.stack([p[0] for p in pooled]) if pooled else np.zeros((0, self.encoder.dim), np.float32)
        coefs = [p[1] for p in pooled]
        rows, cols, vals = [], [], []
        shapes: list[np.ndarray] = []
        prev_rows: list[int] = []
        next_rows: list[int] = []
        draft_of, idx_in = [], []
        spans: list[dict[int, list[tuple[int, int]]]] = []
        r = 0
        ow, oc, orl, osh = (self.offsets[k][0] for k in ("word", "char", "rule", "shape"))
        dim = emb.shape[1] if len(emb) else 0
        for d, (v, fs) in enumerate(zip(views, findings, strict=True)):
            n = len(v.sentences)
            rule_scores: list[dict[str, float]] = [{} for _ in range(n)]
            for f in fs:
                if f.sentence is not None and f.sentence < n:
                    cur = rule_scores[f.sentence]
                    cur[f.rule] = max(cur.get(f.rule, 0.0), f.score)
            base = r
            for i, s in enumerate(v.sentences):
                span_map: dict[int, list[tuple[int, int]]] = {}
                text = texts[base + i]
                for block, off in ((self.word, ow), (self.char, oc)):
                    ids, vv, sp = block.transform(text)
                    rows += [r] * len(ids)
                    cols += (ids + off).tolist()
                    vals += vv.tolist()
                    if keep_spans:
                        for j, spl in zip(ids.tolist(), sp, strict=True):
                            span_map[j + off] = spl
                rv = rule_vector(self.rule_names, rule_scores[i])
                nz = np.nonzero(rv)[0]
                rows += [r] * len(nz)
                cols += (nz + orl).tolist()
                vals += rv[nz].tolist()
                if keep_spans:
                    for j in nz.tolist():
                        name = self.rule_names[j]
                        span_map[j + orl] = [
                            (f.start - s.start, f.end - s.start) for f in fs if f.sentence == i and f.rule == name
                        ]
                shapes.append(shape(text, i, n))
                prev_rows.append(base + i - 1 if i > 0 else -1)
                next_rows.append(base + i + 1 if i < n - 1 else -1)
                spans.append(span_map)
                draft_of.append(d)
                idx_in.append(i)
                r += 1
        # Sparse blocks (n-grams, rules) from lists; dense blocks (shape, embeddings) as arrays.
        sparse_part = sparse.csr_matrix(
            (np.asarray(vals, dtype=np.float32), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
            shape=(r, osh),
        )
        if r:
            padded = np.vstack([emb.astype(np.float32), np.zeros((1, dim), np.float32)])  # row -1: no neighbour
            dense = np.hstack(
                [
                    np.vstack(shapes).astype(np.float32),
                    emb.astype(np.float32),
                    padded[np.asarray(prev_rows, dtype=np.int64)],
                    padded[np.asarray(next_rows, dtype=np.int64)],
                ]
            )
        else:
            dense = np.zeros((0, self.layout.width - osh), np.float32)
        X = sparse.hstack([sparse_part, sparse.csr_matrix(dense)], format="csr")
        return SentenceRows(
            X,
            np.asarray(draft_of, dtype=np.int64),
            np.asarray(idx_in, dtype=np.int64),
            spans if keep_spans else [],
            [list(o) for _, o in tok] if keep_spans else [],
            coefs if keep_spans else [],
            [ids for ids, _ in tok] if keep_spans else [],
        )

    # -- drafts ------------------------------------------------------------------

    def drafts(
        self,
        views: Sequence[DraftView],
        findings: Sequence[Sequence[Finding]],
        sent_probs: np.ndarray,
        rows: SentenceRows,
        sentence_labels: Sequence[str],
    ) -> sparse.csr_matrix:
        """Draft features: sentence probabilities pooled, cue counts, intensity signals, word TF-IDF, mean embedding."""
        dense = []
        for d, (v, fs) in enumerate(zip(views, findings, strict=True)):
            sel = rows.draft_of == d
            p = sent_probs[sel] if sel.any() else np.zeros((1, len(sentence_labels)), np.float32)
            feats = [p.max(0), p.mean(0), np.minimum(p.sum(0), 5.0)]
            cue = np.array(
                [min(5.0, sum(1 for f in fs if f.family == fam and f.label == lab)) for fam, lab in DRAFT_CUES],
                np.float32,
            )
            sig = signals(v)
            sv = np.array([sig[k] for k in SIGNAL_NAMES], np.float32)
            sv = np.sign(sv) * np.log1p(np.abs(sv))
            bl = [j for j, k in enumerate(sentence_labels) if k.startswith("bt:")]
            n_kinds = float((p[:, bl].max(0) >= 0.5).sum()) if bl else 0.0
            dense.append(np.concatenate([*feats, cue, sv, np.array([np.log1p(len(v.sentences)), n_kinds], np.float32)]))
        D = sparse.csr_matrix(np.vstack(dense).astype(np.float32)) if dense else sparse.csr_matrix((0, 0))
        # Whole-draft word TF-IDF and the mean sentence embedding.
        wr, wc, wv = [], [], []
        for d, v in enumerate(views):
            ids, vals, _ = self.word.transform(v.text)
            wr += [d] * len(ids)
            wc += ids.tolist()
            wv += vals.tolist()
        W = sparse.csr_matrix(
            (np.asarray(wv, np.float32), (np.asarray(wr), np.asarray(wc))), shape=(len(views), len(self.word.vocab))
        )
        oe = self.offsets["emb"]
        E = rows.X[:, oe[0] : oe[1]]
        means = []
        for d in range(len(views)):
            sel = np.nonzero(rows.draft_of == d)[0]
            means.append(np.asarray(E[sel].mean(0)).ravel() if len(sel) else np.zeros(oe[1] - oe[0], np.float32))
        M = sparse.csr_matrix(np.vstack(means).astype(np.float32)) if means else sparse.csr_matrix((0, 0))
        return sparse.hstack([D, W, M], format="csr")
