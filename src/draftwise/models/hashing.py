r"""Hashed word and character n-grams, feature for feature what scikit-learn's ``HashingVectorizer`` gives.

The safety head was fitted on ``HashingVectorizer(analyzer="word", ngram_range=(1, 3),
token_pattern=r"(?u)\b\w+\b")`` and ``HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5))``
features (``alternate_sign=False``, ``norm="l2"``). Importing scikit-learn at run time costs a
second of start-up and about 150 MB per process (it imports pandas, pyarrow and narwhals), for
two small functions, so the runtime computes the same matrix here and only the lab imports
scikit-learn. ``tests/test_hashing.py`` checks that both give the same matrix.

For each text, every n-gram ``f`` counts once at column ``|murmurhash3_32(utf8(f), seed=0)| mod
n_features`` (the signed 32-bit hash; for ``-2**31`` the column is ``(2**31 - n_features) mod
n_features``, as scikit-learn defines it); the row of counts is divided by its L2 norm::

    x[i, j] = c[i, j] / sqrt(sum_k c[i, k]**2)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from scipy.sparse import csr_matrix

_WHITE_SPACES = re.compile(r"\s\s+")
_INT_MIN = -(2**31)


def word_ngrams(text: str, token_pattern: re.Pattern[str], max_n: int) -> list[str]:
    """The tokens of ``text`` and their 2- to ``max_n``-grams joined by a space."""
    tokens = token_pattern.findall(text)
    out = list(tokens)
    for n in range(2, min(max_n, len(tokens)) + 1):
        out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


def char_wb_ngrams(text: str, min_n: int, max_n: int) -> list[str]:
    """Character n-grams inside word boundaries, each word padded with a space (scikit-learn's ``char_wb``)."""
    out: list[str] = []
    for w in _WHITE_SPACES.sub(" ", text).split():
        w = " " + w + " "
        for n in range(min_n, max_n + 1):
            offset = 0
            out.append(w[offset : offset + n])
            while offset + n < len(w):
                offset += 1
                out.append(w[offset : offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return out


def hashed(texts: Sequence[str], analyzer: Callable[[str], Iterable[str]], n_features: int) -> csr_matrix:
    """One L2-normalised row of hashed n-gram counts per text (float64, columns sorted)."""
    import mmh3

    hash32 = mmh3.hash  # a str is hashed as its UTF-8 bytes, as scikit-learn hashes it
    edge = (2**31 - 1 - (n_features - 1)) % n_features
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for text in texts:
        counts = Counter(edge if (h := hash32(f, 0, True)) == _INT_MIN else abs(h) % n_features for f in analyzer(text))
        cols = sorted(counts)
        row = np.asarray([counts[c] for c in cols], dtype=np.float64)
        norm = float(np.sqrt(np.sum(row * row))) if len(row) else 0.0
        indices.extend(cols)
        values.extend((row / norm if norm > 0 else row).tolist())
        indptr.append(len(indices))
    return csr_matrix(
        (np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(texts), n_features),
    )
