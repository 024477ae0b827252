"""Rewrites: suggestions per sentence and whole-draft candidates, re-checked by the analyser."""

from draftwise.rewrite.check import facts, keeps_facts
from draftwise.rewrite.drafts import Rewriter

__all__ = ["Rewriter", "facts", "keeps_facts"]
