"""One detector per concern; each returns findings with evidence offsets and an explanation."""

from __future__ import annotations


def all_rule_names() -> list[str]:
    """Every rule name of every detector, sorted (the models' rule features), including spaCy-based ones."""
    from draftwise.detectors import apology, phrasing, qualities, safety, skills, tactics

    names = {r.name for mod in (apology, phrasing, qualities, safety, skills, tactics) for r in mod.RULES}
    names |= {"assert.imperative", "describe.past_tense", "safety.farewell"}
    return sorted(names)
