"""Rewrites: suggestions per sentence and whole-draft candidates, re-checked by the analyser."""

from draftwise.rewrite.drafts import Rewriter, facts, keeps_facts

__all__ = ["Rewriter", "facts", "keeps_facts"]
