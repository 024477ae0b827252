"""What the analyser checks about a draft before reading it.

Every problem becomes a plain-words ``error`` (nothing can be analysed) or a
``warning`` (analysed, but say how far to trust it); nothing raises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Checked:
    """The part of the draft to analyse, and what to tell the user about it."""

    text: str
    warnings: tuple[str, ...] = ()
    error: str | None = None


def _control_share(text: str) -> float:
    ctrl = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return ctrl / max(1, len(text))


def check(text: object, max_chars: int) -> Checked:
    """Decide whether and how much of ``text`` can be analysed."""
    if text is None:
        return Checked("", error="no draft was given")
    if isinstance(text, bytes | bytearray):
        return Checked("", error="the draft is bytes, not text: decode it first (UTF-8 is expected)")
    if not isinstance(text, str):
        return Checked("", error=f"the draft must be text, not {type(text).__name__}")
    if not text.strip():
        return Checked(text, error="the draft is empty: there is nothing to analyse")
    if "\x00" in text or _control_share(text) > 0.05:
        return Checked(text, error="this looks like binary data, not a written message")
    warnings = []
    body = text
    if len(text) > max_chars:
        body = text[:max_chars]
        warnings.append(
            f"the draft is {len(text):,} characters long; only the first {max_chars:,} were analysed "
            "(one message is expected, not a whole document)"
        )
    if not re.search(r"[^\W\d_]", body):
        warnings.append("the draft has no words (only emoji, numbers or symbols): little can be said about it")
    # Whether it is English is decided once, by draftwise.language, in the safety screen.
    return Checked(body, tuple(warnings))
