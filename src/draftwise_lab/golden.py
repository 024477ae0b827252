"""Golden records: about twenty drafts whose whole records are stored and reviewed in diffs.

``draftwise-lab golden --update`` rewrites ``tests/golden/records.jsonl`` from the current
analyser; ``tests/test_golden.py`` fails when a record changes without that. The drafts are
written for this purpose (none comes from a corpus split), one or two per concern.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN_FILE = Path(__file__).resolve().parents[2] / "tests" / "golden" / "records.jsonl"

DRAFTS: dict[str, str] = {
    "ultimatum": "You ALWAYS do this!! Call me tonight or don't bother calling ever again.",
    "loaded-opener": "We need to talk. Call me when you get this.",
    "farewell": "ok great, see you later x",
    "dear-man": (
        "Hi Jess, the dishes have been piling up since Sunday. I'm fed up. Could you clear your stuff "
        "by tomorrow night? I'm happy to take the bins this week if that helps."
    ),
    "guilt-trip": "After everything I've done for you, you can't even ring on my birthday. Fine.",
    "social-pressure": "Everyone I've told says you're in the wrong, even your sister.",
    "urgency": "why are you ignoring me??? answer me NOW",
    "desperation": "please please don't go, i can't live without you, i'll do anything",
    "threat": "If you don't pay me back by Friday I'll show everyone those screenshots.",
    "mind-reading": "I feel like you don't care about me at all. You just want control.",
    "contempt": "nice job as usual, genius",
    "accusatory-question": "What is wrong with you? Why are you like this?",
    "non-apology": "I'm sorry you feel that way, but you started it.",
    "full-amends": (
        "I'm sorry I forgot your birthday dinner. That was my mistake. I'd like to make it up to you: "
        "can I take you out on Saturday? No pressure, whenever you're ready."
    ),
    "buried-ask": "sorry sorry, this is probably dumb and you can totally ignore it, but maybe could you reply?",
    "old-grievance": "You were late again tonight. And another thing, your birthday last year was a disaster.",
    "boundary": "If people smoke in the kitchen I won't bring the kids; we can meet at the park instead.",
    "safety-self": "i don't really see the point anymore. everyone would be better off without me",
    "safety-other": "if he comes near her again i'll put him in the ground",
    "not-english": "Hola, te escribo por lo del alquiler del piso, ¿me puedes llamar mañana?",
    "logistics": "running late, there in 10",
}


def records(analyzer: Any) -> list[dict[str, Any]]:
    """The record of every golden draft (with rewrites), in a stable order."""
    names = list(DRAFTS)
    reports = [analyzer.analyse(DRAFTS[n], id=n, rewrites=True) for n in names]
    return [r.to_dict() for r in reports]


def write(analyzer: Any, path: Path = GOLDEN_FILE) -> int:
    """Rewrite the golden file; returns how many records changed."""
    old = {}
    if path.exists():
        old = {json.loads(line)["id"]: line for line in path.read_text(encoding="utf-8").splitlines() if line}
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records(analyzer)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sum(old.get(json.loads(line)["id"]) != line for line in lines)
