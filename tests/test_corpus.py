"""The corpus tools: the compact authoring form, the splits, the real-data split by source item."""

from __future__ import annotations

import pytest

from draftwise_lab.corpus import compile_batch, real_item, real_split_of, split_of

FORM = """### x-0001
rel: friend; style: texting; intensity: 5; mindful: yes; confident: no; safety: no; apology: none
| pay me back by friday ## - ; neutral ; - ; ultimatum, urgency
| or im telling mum ## - ; neutral ; - ; ultimatum
"""


def test_compact_form_keeps_every_tactic() -> None:
    (d,) = compile_batch(FORM)
    assert d["sentences"][0]["tactics"] == ["ultimatum", "urgency"]
    assert d["tactics"] == ["ultimatum", "urgency"]
    assert d["text"] == "pay me back by friday\nor im telling mum"


def test_a_fifth_label_field_is_refused_not_dropped() -> None:
    with pytest.raises(ValueError, match="more than four label fields"):
        compile_batch(FORM.replace("ultimatum, urgency", "ultimatum ; urgency"))


def test_held_out_test_batches_and_real_items() -> None:
    assert split_of("t01-0001") == "test" and split_of("t02-0155") == "test"
    assert split_of("b01-0001") in ("train", "dev")
    # turns of one dialogue share a split; lone comments are their own item
    assert real_item("rc-12-3") == "rc-12" and real_item("rg-eew5j0j") == "rg-eew5j0j"
    assert {real_split_of(f"rc-12-{t}") for t in range(10)} == {real_split_of("rc-12-0")}


def test_only_read_rewrite_parts_train_the_judge() -> None:
    """The rewrite parts that train the judge exist, hold written drafts only, and exclude every held-out part."""
    from pathlib import Path

    from draftwise_lab.corpus import REWRITE_PARTS_IN_TRAINING, is_real, load_set, read_jsonl
    from draftwise_lab.rewrite_eval import FOLDER_PARTS, HELD_OUT

    data = Path(__file__).resolve().parents[1] / "data"
    assert not set(REWRITE_PARTS_IN_TRAINING) & set(HELD_OUT)
    assert set(REWRITE_PARTS_IN_TRAINING) <= set(FOLDER_PARTS)
    drafts = load_set(data, "rewrites-read")
    ids = [d["id"] for d in drafts]
    assert len(ids) == len(set(ids)) > 900
    assert not any(is_real(i) for i in ids)
    held = {d["id"] for part in HELD_OUT for f in (data / "rewrites" / part).glob("f*.jsonl") for d in read_jsonl(f)}
    assert not held & set(ids)
