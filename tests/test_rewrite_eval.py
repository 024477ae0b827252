"""The blind A/B(/C) judgement: shuffled packs, a key, and unblinded scores per system."""

from __future__ import annotations

from draftwise_lab import rewrite_eval as rv


def _rows() -> list[dict]:
    return [{"id": f"d{i}", "text": f"draft {i}", "first": f"ours {i}", "gold": f"gold {i}"} for i in range(20)] + [
        {"id": "lone", "text": "you idiot", "first": "starter", "gold": None}
    ]


def test_a_pack_hides_which_is_which_and_the_key_unblinds_it() -> None:
    items, key = rv.blind_pack(_rows(), others={"before": {f"d{i}": f"old {i}" for i in range(20)}})
    assert len(items) == 20  # the draft with no message to keep is not judged
    assert all(set(it) == {"item", "draft", "A", "B", "C"} for it in items)
    assert {k["A"] for k in key} == {"draftwise", "gold", "before"}  # shuffled: every system lands on A
    for it, k in zip(items, key, strict=True):
        by_system = {k[x]: it[x] for x in "ABC"}
        n = k["id"][1:]
        assert by_system == {"draftwise": f"ours {n}", "gold": f"gold {n}", "before": f"old {n}"}


def test_blind_score_averages_per_system() -> None:
    _items, key = rv.blind_pack(_rows()[:2], others={"before": {"d0": "old 0", "d1": "old 1"}})
    full = {"faithful": 2, "clean": 2, "fluent": 2, "register": 1, "sendable": True}
    zero = {"faithful": 0, "clean": 0, "fluent": 0, "register": 0, "sendable": False}
    judged = []
    for k in key:
        scores = {x: (full if k[x] == "gold" else zero) for x in "ABC"}
        judged.append({"item": k["item"], **scores, "prefer": next(x for x in "ABC" if k[x] == "gold")})
    res = rv.blind_score(key, judged)
    assert res["gold"]["sendable"] == 1.0 and res["draftwise"]["sendable"] == 0.0 and res["before"]["faithful"] == 0
    assert res["preferred"] == {"gold": 1.0}


def test_gold_facts_kept_counts_only_the_facts_the_gold_keeps() -> None:
    from draftwise_lab.rewrite_eval import gold_facts_kept

    draft = "You owe me £40 from Friday. Pay it by Monday or I'm telling Priya."
    gold = "You owe me £40 from Friday. Could you pay it by Monday?"
    # the name in the dropped penalty is not a fact the careful editor kept
    assert gold_facts_kept(draft, gold, "You owe me £40 from Friday. Could you pay it by Monday?")
    assert not gold_facts_kept(draft, gold, "You owe me money. Could you pay it by Monday?")
