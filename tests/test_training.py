"""The training recipe's small pieces: reusing a static encoder, and choosing the safety bar."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from draftwise.models.store import ModelFileError
from draftwise_lab.train import reused_static, sif_weights
from draftwise_lab.train_safety import MAX_FALSE_ALARMS, choose


def _static(folder: Path, texts: list[str], vocab: int = 30522) -> None:
    """A complete, manifest-checked models folder whose static encoder was built from ``texts``."""
    from draftwise.models.features import TfidfBlock
    from draftwise.models.store import save

    table = np.arange(vocab * 2, dtype=np.float16).reshape(vocab, 2)
    word = TfidfBlock.fit("word", texts, min_df=1, max_features=10)
    char = TfidfBlock.fit("char", texts, min_df=1, max_features=10)
    save(
        folder,
        meta={"format": 1},
        word=word,
        char=char,
        table=table,
        weights=sif_weights(texts, vocab),
        sentence_heads={},
        draft_heads={},
    )


def test_a_static_encoder_is_reused_only_for_the_sentences_it_was_built_from(tmp_path: Path) -> None:
    """Same sentences: the stored table and weights come back; other sentences or a changed file: refused."""
    texts = ["could you ring me tonight?", "the rent is due on the 28th"]
    _static(tmp_path, texts)
    table, weights = reused_static(tmp_path, texts)
    assert table.shape == (30522, 2) and weights.dtype == np.float32
    assert weights.min() < 1.0  # the tokens of the sentences are down-weighted
    with pytest.raises(ValueError, match="other sentences"):
        reused_static(tmp_path, [*texts, "a sentence the encoder never counted"])
    (tmp_path / "static.safetensors").write_bytes(b"tampered")
    with pytest.raises(ModelFileError):
        reused_static(tmp_path, texts)


def test_the_safety_head_adds_no_false_alarm_where_the_rules_already_pass_the_bar() -> None:
    """Rules alone over the false-alarm bar: a head bar that adds one more false alarm is refused."""
    y = np.array([1] * 20 + [0] * 100 + [0] * 10)
    safety_neg = np.arange(len(y)) < 120
    safety_neg[:20] = False
    everyday = np.arange(len(y)) >= 120
    readable = np.ones(len(y), dtype=bool)
    rules = np.zeros(len(y), dtype=bool)
    rules[20 : 20 + int(MAX_FALSE_ALARMS * 100) + 1] = True  # the rules alone: 3 false alarms in 100
    p = np.zeros(len(y))
    p[:20] = 0.999  # every positive ...
    p[30] = 0.999  # ... and one negative the rules left alone: any bar that finds them adds it
    found = choose(p, y, rules, readable, safety_neg, everyday)
    assert found is not None
    assert found[1]["recall_with_rules"] == 0.0 and found[1]["false_alarms_safety_negatives"] == 0.03
    p[30] = 0.0
    found = choose(p, y, rules, readable, safety_neg, everyday)
    assert found is not None and found[1]["recall_with_rules"] == 1.0
