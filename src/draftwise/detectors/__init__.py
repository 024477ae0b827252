"""One detector per concern; each returns findings with evidence offsets and an explanation.

Detectors register themselves (``registry.register``); ``all_rule_names`` lists the rule names
the models read as features.
"""

from __future__ import annotations

from draftwise.detectors.registry import all_rule_names, detectors

__all__ = ["all_rule_names", "detectors"]
