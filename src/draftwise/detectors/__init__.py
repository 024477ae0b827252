"""One detector per concern; each returns findings with evidence offsets and an explanation."""

from __future__ import annotations


def all_rule_names() -> list[str]:
    """Every rule name of every detector, sorted (the models' rule features), including spaCy-based ones."""
    from draftwise.detectors import apology, phrasing, qualities, safety, skills, tactics

    detectors = (
        apology.ApologyDetector,
        phrasing.PhrasingDetector,
        qualities.QualitiesDetector,
        safety.SafetyDetector,
        skills.SkillsDetector,
        tactics.TacticsDetector,
    )
    names = {r.name for d in detectors for r in d.rules}
    names |= {"assert.imperative", "describe.past_tense", "safety.farewell"}
    return sorted(names)
