"""What the check view shows about one record: the verdict, the sentences, the cards.

Pure functions of the record of ``shared/spec/OUTPUT.md``; ``app.py`` only draws what they
return. Nothing here is a new finding: every line is read off the record (labels, scores,
evidence), in plain words, with what helps and what hurts kept apart.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from draftwise.config import Settings
from draftwise.labels import BLAME_TYPES, DISPLAY, SKILLS, TACTICS
from draftwise.render import INTENSITY_WORDS, html_text

# A tactic the record did not flag, but whose sentence score reaches this, is "unsure": the
# verdict never gives an all-clear over it (Settings.tactic_unsure_floor, one place).
UNSURE_FLOOR = Settings().tactic_unsure_floor
# The levels the verdict names as heat: LABELS.md 3's "heated" and above, in its own words.
HEATED_LEVELS = frozenset(k for k, w in INTENSITY_WORDS.items() if w in ("heated", "very heated", "screaming"))

# On screen the phrasing "description" and the skill "describe" must not read alike.
SCREEN_NAMES: dict[str, str] = {**DISPLAY, "description": "Describes what happened", "neutral": "Neutral"}

# Tactics whose sentence always holds an ask (a demand joined to pressure): the ask is credited
# to Assert on screen, and the problem named is how it is delivered.
_ASK_TACTICS = ("ultimatum", "urgency")
_CONDITIONAL = re.compile(r"\b(or|if|unless|otherwise|else)\b", re.I)

DEAR_MAN_EXPLAINER = (
    "DEAR MAN is a way of asking for something, or saying no, from dialectical behaviour therapy "
    "(DBT): **D**escribe the facts, **E**xpress how you feel, **A**ssert what you want, "
    "**R**einforce what is in it for them; stay **M**indful of one goal, **A**ppear confident, "
    "and **N**egotiate. A message does not need all seven; the missing ones are ideas, not faults."
)
NOT_A_REQUEST = "Not a request, so DEAR MAN does not apply."

_SKILL_WHY = {
    "describe": "states the facts of what happened",
    "express": "says how you feel, owned as “I”",
    "assert": "asks clearly for what you want",
    "reinforce": "says what is in it for them, or thanks them",
    "negotiate": "offers an alternative or asks for their ideas",
}
_TACTIC_WORDS = {
    "ultimatum": "one ultimatum",
    "threat": "one threat",
    "guilt_trip": "one guilt trip",
    "urgency": "pressure to answer at once",
    "desperation": "pleading (desperation)",
    "social_pressure": "social pressure",
    "loaded_opener": "a loaded opener",
}
_ASK_START = re.compile(
    r"^\W*(?:(?:hi|hey|hello|dear)\b[^,.!?]*[,.!]\s*)?(?:please\s+)?(?:call|text|ring|phone|message|email|tell|let me|"
    r"send|come|give|pay|answer|reply|stop|meet|bring|return|get back|sign|clear|take|don't|do not)\b",
    re.I,
)
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def screen_name(label: str) -> str:
    """The on-screen name of a label (``description`` reads "Describes what happened")."""
    return SCREEN_NAMES.get(label, label.replace("_", " ").capitalize())


def count_words(n: int, noun: str, plural: str | None = None) -> str:
    """``"one ultimatum"``, ``"two sentences"``: small counts in words, bigger ones in figures."""
    word = _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def _sentences(rec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return list(rec.get("sentences") or [])


def asks_in(sentence: Mapping[str, Any]) -> bool:
    """True when a pressure sentence still holds an ask (an ultimatum, urgency, a conditional threat)."""
    tactics = set(sentence.get("tactics") or ())
    if tactics & set(_ASK_TACTICS):
        return True
    return "threat" in tactics and bool(_CONDITIONAL.search(sentence.get("text") or ""))


def is_request(rec: Mapping[str, Any]) -> bool:
    """Whether the draft asks for something (or says no), so that DEAR MAN applies to it.

    A draft asks when a sentence shows Assert or Negotiate, carries an ask inside pressure
    (an ultimatum, urgency, a conditional threat), scores Assert at one half or more, or is a
    question that is not an accusation. "lol ok" and a thank-you do not ask.
    """
    for s in _sentences(rec):
        skills = set(s.get("skills") or ())
        if skills & {"assert", "negotiate"} or asks_in(s):
            return True
        if float((s.get("scores") or {}).get("assert", 0.0)) >= 0.5:
            return True
        text = (s.get("text") or "").strip()
        if s.get("phrasing") != "blame" and (text.endswith("?") or _ASK_START.match(text) or "please" in text.lower()):
            return True
    dm = rec.get("dear_man") or {}
    return bool((dm.get("assert") or {}).get("present") or (dm.get("negotiate") or {}).get("present"))


@dataclass(frozen=True)
class PossibleTactic:
    """A tactic the record did not flag but scored at :data:`UNSURE_FLOOR` or more."""

    label: str
    name: str
    sentences: tuple[int, ...]
    score: float


def possible_tactics(rec: Mapping[str, Any], floor: float = UNSURE_FLOOR) -> list[PossibleTactic]:
    """Tactics the model is unsure about: not flagged in the draft, but scored ``floor`` or more.

    Args:
        rec: the analysis record.
        floor: the lowest sentence score that counts as "unsure".

    Returns:
        One entry per tactic, strongest first, with the sentences (0-based) that scored it.
    """
    flagged = {t["label"] for t in rec.get("tactics") or ()}
    out = []
    for t in TACTICS:
        if t in flagged:
            continue
        hits = [
            (i, float((s.get("scores") or {}).get(t, 0.0)))
            for i, s in enumerate(_sentences(rec))
            if float((s.get("scores") or {}).get(t, 0.0)) >= floor
        ]
        if hits:
            out.append(PossibleTactic(t, DISPLAY[t], tuple(i for i, _ in hits), max(v for _, v in hits)))
    out.sort(key=lambda p: -p.score)
    return out


@dataclass(frozen=True)
class Verdict:
    """The one line at the top of the results.

    ``tone`` is ``"ready"`` (calm and clear), ``"unsure"`` (nothing found for certain, but the
    model is unsure or the draft is heated), or ``"hurts"`` (blame, pressure or heat found).
    """

    tone: str
    icon: str
    headline: str
    detail: str = ""


def _join(parts: Sequence[str]) -> str:
    text = "; ".join(p for p in parts if p)
    return text[:1].upper() + text[1:]


def verdict(rec: Mapping[str, Any]) -> Verdict | None:
    """One line that says how the draft will land, from the record's figures.

    Counts blaming sentences and names the tactics ("Two sentences will be heard as blame; one
    ultimatum"), says when the draft is not a request, and never gives an all-clear while a
    tactic scores between :data:`UNSURE_FLOOR` and its threshold.

    Args:
        rec: the analysis record.

    Returns:
        The verdict, or ``None`` for a record with an error.
    """
    if rec.get("error"):
        return None
    if (rec.get("safety") or {}).get("flag"):
        return Verdict(
            "hurts",
            "🆘",
            "This draft mentions suicide, self-harm or violence: please look after yourself and others first",
        )
    sents = _sentences(rec)
    blame = sum(s.get("phrasing") == "blame" for s in sents)
    tactics = [t["label"] for t in rec.get("tactics") or ()]
    level = int((rec.get("intensity") or {}).get("level") or 1)
    request = is_request(rec)
    parts: list[str] = []
    if blame:
        verb = "will be heard as blame"
        parts.append(f"{count_words(blame, 'sentence')} {verb}" if len(sents) > 1 else f"it {verb}")
    parts += [_TACTIC_WORDS.get(t, DISPLAY[t].lower()) for t in tactics]
    if level in HEATED_LEVELS:
        parts.append(f"{INTENSITY_WORDS[level]} ({level}/10)")
    unsure = possible_tactics(rec)
    tail = "" if request else " · not a request, so DEAR MAN does not apply"
    if blame or tactics:
        detail = "Open the sentences below to see why, and **Compare rewrites** for calmer versions."
        if unsure:
            detail = _unsure_words(unsure) + " " + detail
        return Verdict("hurts", "⚠️", _join(parts) + tail, detail)
    if unsure:
        return Verdict(
            "unsure",
            "⚠️",
            "No clear blame or pressure, but the model is unsure" + tail,
            _unsure_words(unsure) + " Read it once more as they would before sending.",
        )
    if level in HEATED_LEVELS:
        return Verdict(
            "unsure",
            "🌡️",
            f"No blame or pressure found, but it reads {_join(parts[-1:]).lower()}" + tail,
            "Heated messages are hard to answer calmly; let it cool before sending.",
        )
    if not request:
        return Verdict("ready", "✅", "Reads as calm. " + NOT_A_REQUEST)
    return Verdict("ready", "✅", "Reads as calm and clear — ready to send")


def _unsure_words(unsure: Sequence[PossibleTactic]) -> str:
    bits = [
        f"{p.name.lower()} in sentence {', '.join(str(i + 1) for i in p.sentences)} ({p.score:.0%})" for p in unsure[:3]
    ]
    return "The model is unsure about a possible " + "; ".join(bits) + "."


# -- sentences -------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceView:
    """One numbered sentence as the check view shows it.

    ``tone`` is ``"hurts"`` (blame or pressure), ``"helps"`` (a DEAR MAN skill) or ``"neutral"``;
    ``reading`` is what it reads as ("Blame", "Pressure", "Describes what happened", "Neutral");
    ``helps``/``hurts`` name the skills and the problems; ``notes`` say why, one line each.
    """

    index: int
    number: int
    text: str
    phrasing: str
    reading: str
    tone: str
    icon: str
    tag: str
    helps: tuple[str, ...]
    hurts: tuple[str, ...]
    notes: tuple[str, ...]


def sentence_views(rec: Mapping[str, Any]) -> list[SentenceView]:
    """Every sentence, numbered, with a text tag, its helps and hurts kept apart, and why.

    A sentence that carries a tactic reads as "Pressure" (never "Neutral"); when it still holds
    an ask (an ultimatum), Assert is credited for the ask and the note says the problem is how
    it is delivered.
    """
    out = []
    for i, s in enumerate(_sentences(rec)):
        expl = s.get("explanations") or {}
        blames = [b for b in s.get("blame_types") or () if b in BLAME_TYPES]
        tactics = [t for t in s.get("tactics") or () if t in TACTICS]
        skills = [k for k in s.get("skills") or () if k in SKILLS]
        notes: list[str] = []
        helps = [DISPLAY[k] for k in skills]
        if tactics and asks_in(s) and "assert" not in skills:
            helps.append("Assert (the ask)")
        hurts = [DISPLAY[b] for b in blames] + [DISPLAY[t] for t in tactics]
        if s.get("phrasing") == "blame" and not blames:
            hurts.insert(0, "Blame")
        if tactics and s.get("phrasing") == "blame":
            reading, tone, icon = "Blame and pressure", "hurts", "✗"
        elif tactics:
            reading, tone, icon = "Pressure", "hurts", "✗"
        elif s.get("phrasing") == "blame":
            reading, tone, icon = "Blame", "hurts", "✗"
        elif s.get("phrasing") == "description":
            reading, tone, icon = screen_name("description"), "helps" if skills else "neutral", "✓" if skills else "○"
        else:
            reading, tone, icon = "Neutral", "helps" if skills else "neutral", "✓" if skills else "○"
        for b in blames:
            notes.append(f"✗ {DISPLAY[b]}: {expl.get(b) or 'judges the person instead of describing what happened'}.")
        for t in tactics:
            notes.append(f"✗ {DISPLAY[t]}: {expl.get(t) or 'puts pressure on them'}.")
        if tactics and asks_in(s):
            notes.append(
                "✓ The ask itself is fine (Assert): the problem is how it is delivered. "
                "Keep the ask and drop the pressure."
            )
        for k in skills:
            notes.append(f"✓ {DISPLAY[k]}: {expl.get(k) or _SKILL_WHY[k]}.")
        if not notes:
            notes.append("○ Nothing here helps or hurts the ask: greetings, logistics and plain facts read as neutral.")
        for p in possible_tactics({"sentences": [s], "tactics": rec.get("tactics") or ()}):
            notes.append(f"? Possibly {p.name.lower()} ({p.score:.0%}): the model is unsure.")
        parts = [reading] if reading != "Neutral" or not helps else []
        if tone == "hurts":
            parts = [f"{reading}: {', '.join(h for h in hurts if h != 'Blame')}".rstrip(": ")]
        if helps:
            parts.append(("helps: " if tone == "hurts" else "") + ", ".join(helps))
        tag = f"{icon} " + " · ".join(parts)
        out.append(
            SentenceView(
                index=int(s.get("index", i)),
                number=i + 1,
                text=s.get("text") or "",
                phrasing=s.get("phrasing") or "neutral",
                reading=reading,
                tone=tone,
                icon=icon,
                tag=tag,
                helps=tuple(helps),
                hurts=tuple(hurts),
                notes=tuple(notes),
            )
        )
    return out


_TONE_STYLE = {
    "hurts": ("#c92a2a", "#fff5f5", "#ffe3e3", "#8a1c1c"),
    "helps": ("#2b8a3e", "#f4fbf4", "#d3f9d8", "#1b5e20"),
    "neutral": ("#868e96", "#f8f9fa", "#e9ecef", "#495057"),
}


def _sentence_body(rec: Mapping[str, Any], s: Mapping[str, Any]) -> str:
    """The sentence's text with its evidence marked: red wavy underline for what hurts, green for what helps."""
    text = rec.get("text") or ""
    start, end = int(s["start"]), int(s["end"])
    marks: list[tuple[int, int, str]] = []
    for e in s.get("evidence") or ():
        if start <= e["start"] < e["end"] <= end:
            marks.append((e["start"], e["end"], e["label"]))
    cuts = sorted({start, end, *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for a, b in itertools.pairwise(cuts):
        labels = list(dict.fromkeys(lbl for (x, y, lbl) in marks if x <= a and b <= y))
        piece = html_text(text[a:b])
        if labels:
            hurt = any(lbl not in SKILLS for lbl in labels)
            kind = "hurts" if hurt else "helps"
            border, _, bg, _ = _TONE_STYLE[kind]
            names = html.escape(", ".join(screen_name(lbl) for lbl in labels), quote=True)
            line = "wavy" if hurt else "solid"
            piece = (
                f'<mark class="dw-cue dw-cue-{kind}" title="{names}" style="background:{bg};color:inherit;'
                f'text-decoration:underline {line} {border};text-underline-offset:3px;padding:0 1px">{piece}</mark>'
            )
        out.append(piece)
    return "".join(out)


def sentences_html(rec: Mapping[str, Any]) -> str:
    """The draft as a numbered list of sentences, each a ``<details>`` to tap (or Enter) for why.

    Each sentence carries its number and a text tag ("✗ Pressure: Ultimatum", "✓ Describe"), so
    nothing rests on colour or hover; what hurts has a red edge and wavy underlines, what helps
    a green edge and straight ones. All user text is escaped and holds no blank line, so
    Markdown never reads it as a link or markup.
    """
    views = {v.index: v for v in sentence_views(rec)}
    rows = ['<div class="dw-draft" role="list" style="display:flex;flex-direction:column;gap:6px">']
    for s in _sentences(rec):
        v = views[int(s["index"])]
        border, bg, chip, ink = _TONE_STYLE[v.tone]
        notes = "".join(f"<li>{html_text(n)}</li>" for n in v.notes)
        rows.append(
            f'<details class="dw-sentence dw-{v.phrasing} dw-{v.tone}" data-sentence="{v.index}" role="listitem" '
            f'style="border-left:5px solid {border};background:{bg};border-radius:6px;padding:6px 10px">'
            '<summary style="cursor:pointer;line-height:1.7">'
            f'<span class="dw-num" style="font-weight:700;margin-right:6px">{v.number}.</span>'
            f'<span class="dw-tag dw-tag-{v.tone}" style="background:{chip};color:{ink};border:1px solid {border};'
            f"border-radius:10px;padding:1px 8px;font-size:0.85rem;font-weight:600;margin-right:8px;"
            f'white-space:nowrap">{html_text(v.tag)}</span>'
            f'<span class="dw-text" style="white-space:pre-wrap;word-break:normal;overflow-wrap:break-word">{_sentence_body(rec, s)}</span>'
            "</summary>"
            f'<ul class="dw-notes" style="margin:6px 0 2px 0;font-size:0.92rem">{notes}</ul>'
            "</details>"
        )
    rows.append("</div>")
    return "".join(rows)


def legend_html() -> str:
    """The key for the sentence list, in words and icons (no colour needed to read it)."""
    return (
        '<div class="dw-legend" style="font-size:0.85rem;color:#495057;margin-bottom:4px">'
        '<span style="border-left:4px solid #2b8a3e;padding-left:4px;margin-right:12px">✓ helps the ask '
        "(a DEAR MAN skill)</span>"
        '<span style="border-left:4px solid #c92a2a;padding-left:4px;margin-right:12px">✗ hurts: blame or '
        "pressure</span>"
        '<span style="border-left:4px solid #868e96;padding-left:4px;margin-right:12px">○ neutral</span>'
        "Tap or press Enter on a sentence to see what it shows.</div>"
    )


def verdict_html(v: Verdict) -> str:
    """The verdict as a banner: icon and words carry the meaning, colour only repeats it."""
    border, bg, _, ink = _TONE_STYLE[{"ready": "helps", "unsure": "neutral", "hurts": "hurts"}[v.tone]]
    if v.tone == "unsure":
        border, bg, ink = "#e67700", "#fff9db", "#5c3c00"
    detail = ""
    if v.detail:
        d = html_text(v.detail).replace("**Compare rewrites**", "<b>Compare rewrites</b>")
        detail = f'<div style="font-size:0.92rem;margin-top:2px">{d}</div>'
    return (
        f'<div class="dw-verdict dw-verdict-{v.tone}" role="status" style="border:2px solid {border};'
        f'background:{bg};color:{ink};border-radius:8px;padding:10px 14px;margin:4px 0 10px 0">'
        f'<div style="font-size:1.15rem;font-weight:700">{v.icon} {html_text(v.headline)}</div>{detail}</div>'
    )


def quotes_html(quotes: Sequence[str]) -> str:
    """The words that carry a finding, quoted as plain text (never Markdown: a cue cannot become a link)."""
    items = "".join(
        '<span class="dw-quote" style="display:inline-block;background:#f1f3f5;border-radius:4px;'
        f'padding:1px 6px;margin:2px 6px 2px 0">“{html_text(q)}”</span>'
        for q in quotes
    )
    return f'<div class="dw-quotes" style="white-space:pre-wrap">{items}</div>'
