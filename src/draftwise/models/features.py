"""Sentence and draft features for the trained heads, with spans for evidence.

A sentence becomes one sparse row made of named blocks:

- ``word``: TF-IDF of word 1-2-grams (lower-cased, curly quotes straightened);
- ``char``: TF-IDF of character 2-5-grams inside words (robust to typos);
- ``rule``: the score of every detector rule that fired (the rules' evidence);
- ``shape``: position in the draft, length, question and exclamation marks,
  capitals, first- and second-person words;
- ``emb``, ``prev``, ``next``: the sentence embedding and its neighbours'.

Every active feature of the ``word``, ``char``, ``rule`` and ``emb`` blocks can
be traced back to character spans of the sentence, so a linear head's decision
splits exactly into per-word contributions: that is the model's evidence.

The vectorisers are fitted by ``draftwise train`` and saved as JSON; they are
plain Python here, so inference needs neither scikit-learn nor pickles.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(
    r"[a-z0-9]+(?:'[a-z]+)?|[!?]+|[\U0001F300-\U0001FAFF\u2600-\u27BF]",
)


def word_tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased word tokens with their spans in ``text``."""
    norm = text.translate(str.maketrans({"’": "'", "‘": "'", "`": "'"}))
    out = []
    for m in _WORD.finditer(norm.lower()):
        tok = m.group(0)
        if tok[0] in "!?":
            tok = tok[:3]
        out.append((tok, m.start(), m.end()))
    return out


def word_ngrams(text: str) -> list[tuple[str, int, int]]:
    """Word unigrams and bigrams of ``text``, each with its span (a bigram spans both words)."""
    toks = word_tokens(text)
    grams = [(t, a, b) for t, a, b in toks]
    grams += [(f"{t1} {t2}", a, b) for (t1, a, _), (t2, _, b) in itertools.pairwise(toks)]
    return grams


def char_ngrams(text: str) -> list[tuple[str, int, int]]:
    """Character 2-5-grams of each alphabetic word padded with spaces (spans: the word)."""
    out = []
    for t, a, b in word_tokens(text):
        if not t[0].isalpha():
            continue
        w = f" {t} "
        for n in range(2, 6):
            for i in range(max(1, len(w) - n + 1)):
                g = w[i : i + n]
                if len(g) == n:
                    out.append((g, a, b))
    return out


@dataclass
class TfidfBlock:
    """A fitted vocabulary with IDF weights; transform gives ids, values and spans."""

    kind: str  # "word" or "char"
    vocab: dict[str, int]
    idf: np.ndarray

    def grams(self, text: str) -> list[tuple[str, int, int]]:
        """The n-grams of ``text`` this block counts (word or character), with their spans."""
        return word_ngrams(text) if self.kind == "word" else char_ngrams(text)

    def _char_ids(self, word: str) -> tuple[int, ...]:
        """Vocabulary ids of a word's character n-grams (cached: words repeat far more than they vary)."""
        cache = self.__dict__.setdefault("_cache", {})
        ids = cache.get(word)
        if ids is None:
            if len(cache) > 200_000:
                cache.clear()
            w = f" {word} "
            grams = (w[i : i + n] for n in range(2, 6) for i in range(max(1, len(w) - n + 1)))
            ids = tuple(j for g in grams if len(g) >= 2 and (j := self.vocab.get(g)) is not None)
            cache[word] = ids
        return ids

    def transform(self, text: str) -> tuple[np.ndarray, np.ndarray, list[list[tuple[int, int]]]]:
        """L2-normalised sublinear TF-IDF of ``text`` over the fitted vocabulary.

        Returns:
            The vocabulary ids present, their weights, and for each id the spans of its n-grams
            (always empty for the ``char`` block, whose words are found again when evidence needs them).
        """
        counts: Counter = Counter()
        spans: dict[int, list[tuple[int, int]]] = {}
        if self.kind == "char":
            # No spans here: a character n-gram's word is found again when evidence needs it.
            for t, _, _ in word_tokens(text):
                if t[0].isalpha():
                    counts.update(self._char_ids(t))
        else:
            for g, a, b in self.grams(text):
                j = self.vocab.get(g)
                if j is None:
                    continue
                counts[j] += 1
                spans.setdefault(j, []).append((a, b))
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), []
        ids = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        vals = (1.0 + np.log(tf)) * self.idf[ids]
        vals /= float(np.linalg.norm(vals)) or 1.0
        return ids, vals.astype(np.float32), [spans.get(j, []) for j in ids.tolist()]

    @classmethod
    def fit(cls, kind: str, texts: Iterable[str], min_df: int, max_features: int) -> TfidfBlock:
        """Fit a block on ``texts``: the ``max_features`` most frequent n-grams seen in at least ``min_df`` texts."""
        df: Counter = Counter()
        n = 0
        for t in texts:
            n += 1
            g = word_ngrams(t) if kind == "word" else char_ngrams(t)
            df.update({x for x, _, _ in g})
        kept = sorted((g for g, c in df.items() if c >= min_df), key=lambda g: (-df[g], g))[:max_features]
        kept.sort()
        vocab = {g: i for i, g in enumerate(kept)}
        idf = np.array([math.log((1 + n) / (1 + df[g])) + 1.0 for g in kept], dtype=np.float32)
        return cls(kind, vocab, idf)

    def to_json(self) -> dict:
        """The block's kind and vocabulary in id order; the IDF weights are saved separately."""
        return {"kind": self.kind, "vocab": sorted(self.vocab, key=self.vocab.get)}

    @classmethod
    def from_json(cls, obj: dict, idf: np.ndarray) -> TfidfBlock:
        """Rebuild a block from :meth:`to_json` output and its saved IDF weights."""
        return cls(obj["kind"], {g: i for i, g in enumerate(obj["vocab"])}, idf.astype(np.float32))


SHAPE_NAMES = (
    "is_first",
    "is_last",
    "rel_position",
    "log_sentences",
    "log_words",
    "question",
    "exclamations",
    "caps_ratio",
    "first_person",
    "second_person",
)
_FIRST = {"i", "i'm", "im", "me", "my", "mine", "myself", "i've", "ive", "i'd", "id", "i'll", "ill"}
_SECOND = {"you", "u", "your", "ur", "you're", "youre", "yours", "yourself", "you've", "you'll", "you'd", "ya"}


def shape(text: str, index: int, n: int) -> np.ndarray:
    """The ``shape`` block (see :data:`SHAPE_NAMES`) of sentence ``index`` in a draft of ``n`` sentences."""
    toks = [t for t, _, _ in word_tokens(text)]
    words = re.findall(r"[A-Za-z]+", text)
    letters = sum(len(w) for w in words) or 1
    caps = sum(len(w) for w in words if len(w) >= 2 and w.isupper())
    return np.array(
        [
            float(index == 0),
            float(index == n - 1),
            index / max(1, n - 1),
            math.log1p(n),
            math.log1p(len(toks)),
            float("?" in text),
            min(3.0, float(text.count("!"))),
            caps / letters,
            min(3.0, float(sum(t in _FIRST for t in toks))),
            min(3.0, float(sum(t in _SECOND for t in toks))),
        ],
        dtype=np.float32,
    )


@dataclass
class Layout:
    """Where each block sits in the feature vector."""

    blocks: list[tuple[str, int]]  # (name, width) in order

    def offsets(self) -> dict[str, tuple[int, int]]:
        """The ``(start, end)`` columns of each block, by name."""
        out, pos = {}, 0
        for name, width in self.blocks:
            out[name] = (pos, pos + width)
            pos += width
        return out

    @property
    def width(self) -> int:
        """The length of the whole feature vector."""
        return sum(w for _, w in self.blocks)


def rule_vector(rule_names: Sequence[str], scores: dict[str, float]) -> np.ndarray:
    """The ``rule`` block: each known rule's score, in ``rule_names`` order (unknown rules ignored)."""
    v = np.zeros(len(rule_names), dtype=np.float32)
    index = {n: i for i, n in enumerate(rule_names)}
    for k, s in scores.items():
        j = index.get(k)
        if j is not None:
            v[j] = max(v[j], s)
    return v
