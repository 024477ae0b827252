"""A learned safety screen beside the rules, for indirect and veiled phrasings.

Rules catch what can be named ("kill myself", "I'll stab him"); people in danger often
say it without those words ("i just want everything to stop", "I've got something in
the boot with his name on it"). The head reads plain strings (no spaCy, so it runs in the
safety screen before anything that can fail) in two steps:

1. **Cheap score**: a logistic regression over hashed word 1-3-grams and character 3-5-grams
   (:mod:`draftwise.models.hashing`, scikit-learn's ``HashingVectorizer`` without scikit-learn: no
   vocabulary to store, deterministic, L2-normalised) and the
   static MiniLM vector of the main models (``static.safetensors``). It only decides which
   texts are worth the second step (the gate).
2. **Fine-tuned classifier**: all-MiniLM-L6-v2 fine-tuned end to end on the safety set and
   the corpus (``draftwise_lab.finetune_safety``), int8 ONNX (``safety_minilm.onnx``,
   ``encoders.OnnxClassifier``). It reads words in context, which n-grams and token vectors
   cannot ("the spare key is under the pot, you'll need it"). The head's probability mixes
   the two logits (``mix`` chosen on dev)::

       p(text) = sigmoid(mix * classifier logit + (1 - mix) * cheap logit)   if cheap logit >= gate
               = sigmoid(min(cheap logit, gate))     otherwise (never over the bar: see below)

   On dev the mix (0.9) found more than either alone at the same false alarms: the classifier
   alone mistook some everyday blackmail and urgent messages for danger, the n-grams alone
   missed veiled phrasings.

   On the second held-out part (new writers, now dev), fine-tuning lifted recall at 2% false
   alarms from .55 to .73 (indirect) and .28 to .49 (veiled) over the frozen vector beside
   n-grams, on the same training drafts.

**Gate.** The classifier costs most of the screen's time, and most drafts are nowhere near the
bar. ``gate`` is chosen by ``draftwise-lab train-safety`` one logit below the lowest cheap logit
of any training or dev draft whose classifier probability reaches 0.5, far under the bar, so the
gate changes no flag there; ``gate`` is also kept under the bar's logit, so a text stopped at
the gate can never be flagged.

The screen scores the whole draft (``screen.read_head``); its sentences are scored one by
one only when the draft is flagged, to find the evidence (``HeadReading.locate``).

Files (``models/``): ``safety_head.safetensors`` (cheap weights), ``safety_minilm.onnx`` (the
classifier) and ``safety_head.json`` (threshold, gate, feature layout, and the SHA-256 of the
weights, the classifier and the static encoder they were fitted with: a mismatch refuses to load).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from draftwise.detectors.base import normalise
from draftwise.models.hashing import char_wb_ngrams, hashed, word_ngrams

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from draftwise.models.encoders import OnnxClassifier, StaticEncoder

WEIGHTS_FILE = "safety_head.safetensors"
META_FILE = "safety_head.json"
STATIC_FILE = "static.safetensors"
CLASSIFIER_FILE = "safety_minilm.onnx"
N_WORD = 2**18
N_CHAR = 2**18


WORD_TOKEN = re.compile(r"(?u)\b\w+\b")
"""Words for the hashed word n-grams (scikit-learn's default token pattern, one-letter words kept)."""


def _words(text: str) -> list[str]:
    return word_ngrams(text, WORD_TOKEN, 3)


def _chars(text: str) -> list[str]:
    return char_wb_ngrams(text, 3, 5)


def cheap_features(texts: list[str], encoder: StaticEncoder) -> csr_matrix:
    """The blocks that cost little: hashed words, hashed characters, static MiniLM.

    Word 1-3-grams and character 3-5-grams of the lower-cased, normalised text
    (:mod:`draftwise.models.hashing`).
    """
    from scipy.sparse import csr_matrix, hstack

    prepared = [normalise(t).lower() for t in texts]
    emb = encoder.embed(texts) if texts else np.zeros((0, encoder.dim), np.float32)
    words, chars = hashed(prepared, _words, N_WORD), hashed(prepared, _chars, N_CHAR)
    return hstack([words, chars, csr_matrix(emb)], format="csr")


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

    ``W`` and ``b`` are the cheap score's weights; ``classifier`` the fine-tuned model (``None``:
    the cheap score is the head's) and ``mix`` its share of the logit; ``gate`` the cheap logit
    under which a text is not read by the classifier (see the module's notes).
    """

    def __init__(
        self,
        W: np.ndarray,
        b: float,
        threshold: float,
        encoder: StaticEncoder,
        classifier: OnnxClassifier | None = None,
        *,
        mix: float = 1.0,
        gate: float = -np.inf,
    ) -> None:
        self.W = W.astype(np.float32)
        self.b = float(b)
        self.threshold = float(threshold)
        self.encoder = encoder
        self.classifier = classifier
        self.mix = float(mix)
        # A text stopped at the gate keeps a logit under the bar's, whatever the gate.
        bar = float(np.log(self.threshold / (1.0 - self.threshold))) if 0.0 < self.threshold < 1.0 else np.inf
        self.gate = min(float(gate), bar - 1.0)
        expected = N_WORD + N_CHAR + encoder.dim
        if self.W.shape != (expected,):
            raise ValueError(f"safety head weights have {self.W.shape[0]} rows, its encoder needs {expected}")

    def cheap_logits(self, texts: list[str]) -> np.ndarray:
        """The cheap score's logit of each text."""
        return np.asarray(cheap_features(texts, self.encoder) @ self.W).ravel() + self.b

    def logits(self, texts: list[str]) -> np.ndarray:
        """Logit of each text standing alone (texts under the gate keep their cheap logit, capped at the gate)."""
        if not texts:
            return np.zeros(0, np.float32)
        z = self.cheap_logits(texts).astype(np.float32)
        if self.classifier is None:
            return z
        todo = np.flatnonzero(z >= self.gate)
        out = np.minimum(z, self.gate)
        if len(todo):
            out[todo] = self.mix * self.classifier.logits([texts[i] for i in todo]) + (1.0 - self.mix) * z[todo]
        return out

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
) -> None:
    """Write the cheap weights and the metadata, with the hashes that tie them to the classifier and the encoder.

    The classifier (``CLASSIFIER_FILE``) must already be in ``out_dir`` when the head is fitted with one.
    """
    from safetensors.numpy import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    save_file(
        {"W": np.ascontiguousarray(W.astype(np.float16)), "b": np.array([b], np.float32)}, str(out_dir / WEIGHTS_FILE)
    )
    meta = dict(meta)
    meta["sha256"] = {WEIGHTS_FILE: _sha256(out_dir / WEIGHTS_FILE), STATIC_FILE: _sha256(static_path)}
    if (out_dir / CLASSIFIER_FILE).exists():
        meta["sha256"][CLASSIFIER_FILE] = _sha256(out_dir / CLASSIFIER_FILE)
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load(root: Path, encoder: StaticEncoder) -> SafetyHead | None:
    """The head in ``root``, or ``None`` when it is absent; raises when a file was changed.

    The classifier's ONNX session opens on the first draft that passes the gate.
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
    classifier = None
    if CLASSIFIER_FILE in meta["sha256"]:
        from draftwise.models.encoders import OnnxClassifier

        path = root / CLASSIFIER_FILE
        if not path.exists() or _sha256(path) != meta["sha256"][CLASSIFIER_FILE]:
            raise ModelFileError(
                f"{path} is not the ONNX classifier the safety head was fitted with (SHA-256 in {META_FILE}): "
                "run draftwise-lab train-safety"
            )
        classifier = OnnxClassifier(path)
    t = load_file(str(wpath))
    return SafetyHead(
        t["W"],
        float(t["b"][0]),
        float(meta["threshold"]),
        encoder,
        classifier,
        mix=float(meta["mix"]) if classifier is not None else 1.0,
        gate=float(meta.get("gate_logit", -np.inf)),
    )
