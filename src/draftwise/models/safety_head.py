"""A learned safety screen beside the rules, for indirect and veiled phrasings.

Rules catch what can be named ("kill myself", "I'll stab him"); people in danger often
say it without those words ("i just want everything to stop", "I've got something in
the boot with his name on it"). This head is a logistic regression over three blocks,
read from plain strings (no spaCy, so it runs in the safety screen before anything that
can fail):

- hashed word 1-3-grams and hashed character 3-5-grams (``HashingVectorizer``: no
  vocabulary to store, deterministic), L2-normalised;
- the static MiniLM sentence vector of the main models (``static.safetensors``; its hash
  is recorded with the head, and a mismatch refuses to load).

Each sentence is scored standing alone, and the whole draft too; the draft's probability is
the highest of these, so a single line inside an ordinary message is not averaged away, and
the sentences over the threshold are the evidence. The threshold is chosen on the dev part of
``data/safety`` (``draftwise train-safety``); the test part is never read.

Files (``models/``): ``safety_head.safetensors`` (weights) and ``safety_head.json`` (threshold,
feature layout, hashes of both the weights and the static encoder it was fitted with).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from draftwise.detectors.base import normalise

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from draftwise.models.encoders import StaticEncoder

WEIGHTS_FILE = "safety_head.safetensors"
META_FILE = "safety_head.json"
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


def features(texts: list[str], encoder: StaticEncoder) -> csr_matrix:
    """The head's feature rows for ``texts``: hashed words, hashed characters, static MiniLM."""
    from scipy.sparse import csr_matrix, hstack

    word, char = _vectorizers()
    emb = encoder.embed(texts) if texts else np.zeros((0, encoder.dim), np.float32)
    return hstack([word.transform(texts), char.transform(texts), csr_matrix(emb)], format="csr")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
    """Scores drafts for safety; ``threshold`` was chosen on the safety set's dev part."""

    def __init__(self, W: np.ndarray, b: float, threshold: float, encoder: StaticEncoder) -> None:
        self.W = W.astype(np.float32)
        self.b = float(b)
        self.threshold = float(threshold)
        self.encoder = encoder

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Probability of each text standing alone."""
        if not texts:
            return np.zeros(0, np.float32)
        z = features(texts, self.encoder) @ self.W + self.b
        return 1.0 / (1.0 + np.exp(-np.asarray(z).ravel()))

    def score(self, text: str, sentences: list[str]) -> SafetyScores:
        """Scores for one draft: each sentence alone, then the whole draft."""
        p = self.probabilities([*sentences, text])
        return SafetyScores(tuple(float(v) for v in p[:-1]), float(p[-1]))


def save(out_dir: Path, W: np.ndarray, b: float, meta: dict[str, Any], static_path: Path) -> None:
    """Write the head's weights and metadata (with the hashes that tie them together)."""
    from safetensors.numpy import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    save_file(
        {"W": np.ascontiguousarray(W.astype(np.float16)), "b": np.array([b], np.float32)}, str(out_dir / WEIGHTS_FILE)
    )
    meta = dict(meta)
    meta["sha256"] = {WEIGHTS_FILE: _sha256(out_dir / WEIGHTS_FILE), "static.safetensors": _sha256(static_path)}
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load(root: Path, encoder: StaticEncoder) -> SafetyHead | None:
    """The head in ``root``, or ``None`` when it is absent; raises when a file was changed."""
    from safetensors.numpy import load_file

    from draftwise.models.store import ModelFileError

    mpath, wpath = root / META_FILE, root / WEIGHTS_FILE
    if not mpath.exists() or not wpath.exists():
        return None
    meta = json.loads(mpath.read_text(encoding="utf-8"))
    if _sha256(wpath) != meta["sha256"][WEIGHTS_FILE]:
        raise ModelFileError(f"{WEIGHTS_FILE} does not match the SHA-256 in {META_FILE}")
    if _sha256(root / "static.safetensors") != meta["sha256"]["static.safetensors"]:
        raise ModelFileError("the safety head was fitted with another static encoder: run draftwise train-safety")
    t = load_file(str(wpath))
    return SafetyHead(t["W"], float(t["b"][0]), float(meta["threshold"]), encoder)
