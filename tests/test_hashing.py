"""The runtime's hashed n-grams are scikit-learn's HashingVectorizer, feature for feature.

The safety head was fitted on scikit-learn's features; the runtime computes them without
importing scikit-learn (draftwise.models.hashing). If the two ever differed, the head would
score drafts with features it was never fitted on.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from draftwise.detectors.base import normalise
from draftwise.models.hashing import char_wb_ngrams, hashed, word_ngrams
from draftwise.models.safety_head import N_CHAR, N_WORD, WORD_TOKEN

ROOT = Path(__file__).resolve().parents[1]


def _reference():
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    prep = lambda t: normalise(t).lower()  # noqa: E731 (as the head was fitted)
    word = sklearn_text.HashingVectorizer(
        analyzer="word",
        ngram_range=(1, 3),
        n_features=N_WORD,
        token_pattern=r"(?u)\b\w+\b",
        preprocessor=prep,
        alternate_sign=False,
        norm="l2",
    )
    char = sklearn_text.HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), n_features=N_CHAR, preprocessor=prep, alternate_sign=False, norm="l2"
    )
    return word, char


def _texts() -> list[str]:
    texts = [
        "",
        "a",
        "ok",
        "I  can't\tdo this   anymore!!!",
        "Ça va? 我很好 😭😭 — naïve café",
        "u r SO done. lol",
        "x" * 300,
    ]
    for name in ("dev.jsonl", "train.jsonl"):
        with open(ROOT / "data" / name, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()][:600]
    with open(ROOT / "data" / "safety" / "dev-h7.jsonl", encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]  # nine other languages too
    return texts


def test_the_same_matrix_as_scikit_learn() -> None:
    word, char = _reference()
    texts = _texts()
    prepared = [normalise(t).lower() for t in texts]
    ours_w = hashed(prepared, lambda t: word_ngrams(t, WORD_TOKEN, 3), N_WORD)
    ours_c = hashed(prepared, lambda t: char_wb_ngrams(t, 3, 5), N_CHAR)
    for ours, ref in ((ours_w, word.transform(texts)), (ours_c, char.transform(texts))):
        assert ours.shape == ref.shape
        assert (ours != ref).nnz == 0
        assert np.array_equal(ours.toarray()[:50], ref.toarray()[:50])


def test_the_runtime_does_not_import_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from draftwise import Analyzer\n"
        "a = Analyzer()\n"
        "r = a.analyse('I want everything to stop. You never listen to me.')\n"
        "print(sorted(m for m in ('sklearn', 'pandas', 'pyarrow') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]"
