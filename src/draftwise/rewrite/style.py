"""The writer's register, read off the draft and kept in every rewrite.

Texting stays texting (lower case, no full stops, "u" if the writer uses it,
one thought per line), an email stays an email (greeting, paragraphs,
sign-off), and a plain message stays plain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_SLOT = re.compile(r"\[[^\]]*\]")
_GREETING = re.compile(
    r"(?i)^(?:hi|hey|hiya|hello|dear|morning|good (?:morning|afternoon|evening)|evening|yo|heya|hey there|to whom)\b[^.!?]{0,40}[,!.]?$"
)
_SIGNOFF = re.compile(
    r"(?i)^(?:thanks|thank you|many thanks|cheers|best|best wishes|regards|kind regards|warm regards|all the best|"
    r"love|lots of love|take care|sincerely|yours|speak soon|talk soon|x+|xo+|ta)\b[^.!?]{0,30}[,!.]?$"
)


@dataclass(frozen=True)
class Register:
    """How the writer writes: case, full stops, "u" for "you", email layout, one sentence per line."""

    lowercase: bool
    full_stops: bool
    u_for_you: bool
    email: bool
    line_per_sentence: bool

    def sentence(self, text: str) -> str:
        """One generated sentence in the writer's register (slots left as they are)."""
        if not text:
            return text
        slots = _SLOT.findall(text)
        body = _SLOT.sub("\x00", text)
        if self.lowercase:
            body = body.lower()
        if self.u_for_you:
            body = re.sub(r"\byou're\b", "ur", body, flags=re.IGNORECASE)
            body = re.sub(r"\byour\b", "ur", body, flags=re.IGNORECASE)
            body = re.sub(r"\byou\b", "u", body, flags=re.IGNORECASE)
        if not self.full_stops:
            body = re.sub(r"\.$", "", body)
        for s in slots:
            body = body.replace("\x00", s, 1)
        return body


def is_greeting(text: str) -> bool:
    """Whether a sentence is a short greeting ("Hi Sam,", "Good morning"), six words at most."""
    return bool(_GREETING.match(text.strip())) and len(text.split()) <= 6


def is_signoff(text: str) -> bool:
    """Whether a sentence is a sign-off ("Thanks,", "Love, Mum x") or a bare name or title of up to three words.

    A title may hold a number ("Year 5 Teacher", "Flat 7"), but not only numbers.
    """
    t = re.sub(r"(?i)[\s,]+x+$", "", text.strip())  # "Mum x"
    return bool(_SIGNOFF.match(t)) or (
        len(t.split()) <= 3
        and all(w[:1].isupper() or w.isdigit() for w in t.split())  # a name ("Shreya Nair"), not "Move the van."
        and re.sub(r"[,.\s\d-]", "", t).isalpha()
    )


def detect(text: str, sentences: Sequence[str], style_hint: str | None = None) -> Register:
    """Read the register of a draft from its text and sentences."""
    letters = [c for c in text if c.isalpha()]
    upper_starts = sum(1 for s in sentences if s[:1].isupper())
    lowercase = (
        bool(letters) and upper_starts <= len(sentences) * 0.25 and not re.search(r"(?<![A-Za-z])I(?![A-Za-z])", text)
    )
    stops = sum(1 for s in sentences if s.rstrip().endswith("."))
    full_stops = stops >= max(1, len(sentences) * 0.4)
    u_for_you = len(re.findall(r"(?i)\b(?:u|ur)\b", text)) >= 1 and not re.search(r"(?i)\byou\b", text)
    email = style_hint == "email" or (bool(sentences) and is_greeting(sentences[0]) and "\n\n" in text)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    line_per_sentence = len(lines) >= max(2, len(sentences) * 0.6)
    return Register(lowercase, full_stops, u_for_you, email, line_per_sentence)
