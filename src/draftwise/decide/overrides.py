"""Labels LABELS.md rules out whatever a model says: applied to the probabilities, once, here.

Both sources of probabilities (the trained judge and the rules) call :func:`masked` for each
sentence before anything is decided from them, so an override holds in rule mode and model
mode alike, and the judge's draft heads see the overridden sentence probabilities.
"""

from __future__ import annotations

import re

# A farewell on its own ("see you later", "talk soon x", "night!"): LABELS.md defines a loaded
# opener as one that "signals trouble without content", and a farewell signals none. The corpus
# has almost no bare farewells, so the model alone reads "talk later" as "we'll talk later...".
_FAREWELL = re.compile(
    r"(?i)^\W*(?:(?:ok(?:ay)?|k|kk|right|cool|great|thanks|thank (?:you|u)|thx|ta|lovely|perfect|sounds good|"
    r"no worries|anyway|love (?:you|u)|love ya)[\s,.!]+)*"
    r"(?:(?:see|catch) (?:you|u|ya)(?:\s+(?:later|soon|tomorrow|tmrw|tmr|tonight|then|in a bit|next week|"
    r"on \w+day|at the \w+))*"
    r"|(?:talk|speak|chat) (?:to (?:you|u) )?(?:later|soon|in a bit)|ttyl|bye+|good ?night|night|nite|laters|cya)"
    r"[\s.!,:)(xX\u2600-\u27BF\U0001F300-\U0001FAFF]*$"
)


def is_farewell(text: str) -> bool:
    """True when the sentence is only a friendly farewell, which can never be a loaded opener."""
    return bool(_FAREWELL.match(text.strip()))


def masked(sentence_text: str) -> frozenset[str]:
    """The labels whose probability is forced to 0 for this sentence."""
    return frozenset({"loaded_opener"}) if is_farewell(sentence_text) else frozenset()
