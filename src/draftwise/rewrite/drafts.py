"""Suggestions per sentence, and whole-draft candidates, each re-checked by the analyser.

Candidates (at least three, genuinely different):

- ``light_touch``: the writer's own draft, with each problem sentence replaced
  by its suggestion and everything else kept: closest to their voice.
- ``dear_man``: Describe, Express, Assert, Reinforce and a Negotiate line, in
  that order, built from the draft's own sentences, old grievances and extra
  apologies left out; a missing part is a bracketed slot, never an invented fact.
- ``short_kind``: two or three sentences: the feeling or the fact, the ask,
  and a kind word.
- ``repair_first`` (when the draft apologises or owes an apology): admit,
  repair, change, and no demand for forgiveness.

Each candidate is analysed again and carries its own figures; they are ranked
best first: no safety regression, no blame, no tactics, calm, facts and ask kept.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from draftwise.results import Report, Rewrite, SentenceResult, Suggestion
from draftwise.rewrite import moves
from draftwise.rewrite.grammar import end_with, tidy
from draftwise.rewrite.style import Register, detect, is_greeting, is_signoff

if TYPE_CHECKING:
    from draftwise.pipeline import Analyzer

_FACT = re.compile(
    r"[£$€]\s?\d[\d,.]*|\d+(?:[:.]\d+)?(?:\s?(?:am|pm|st|nd|rd|th|k|%))?|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|tomorrow|tonight|today|yesterday)\b",
    re.IGNORECASE,
)
_HEDGE_ONLY = re.compile(
    r"(?i)^(?:sorry[\s,!.]*)+$|^(?:this is )?probably (?:dumb|stupid|silly)|^you can (?:totally )?ignore|^no worries if not|"
    r"^feel free to (?:ignore|say no)|^sorry (?:again|sorry)|^i hate to ask|^i know (?:this is|i'?m) (?:a lot|annoying)"
)
# Softeners that bury an ask; "sorry" only as an interjection ("sorry, sorry, could you..."), never "sorry you...".
_SOFTEN = re.compile(
    r"(?i)(?:^|(?<=[,.!?]\s))(?:so+ )?sorry(?:[,!.]*\s*sorry)*[,!.]+\s*|\b(?:this is probably (?:dumb|stupid|silly)|"
    r"you can (?:totally )?ignore this|no worries if not|if it'?s not too much trouble|i hate to ask|feel free to say no|"
    r"maybe possibly)\b[,]?\s*"
)


def facts(text: str) -> set[str]:
    """Numbers, amounts, times, dates and capitalised names that a rewrite must keep."""
    out = {m.group(0).lower().strip() for m in _FACT.finditer(text)}
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})\b", text):
        w = m.group(1)
        if w.lower() not in (
            "i",
            "im",
            "ive",
            "id",
            "ill",
            "the",
            "and",
            "but",
            "hi",
            "hey",
            "dear",
            "thanks",
            "sorry",
            "please",
            "ok",
        ):
            out.add(w.lower())
    return out


def keeps_facts(original: str, candidate: str) -> bool:
    low = candidate.lower()
    return all(f in low for f in facts(original))


@dataclasses.dataclass
class _Plan:
    """What each sentence of the draft is for, and its replacement if it needs one."""

    greeting: list[int]
    signoff: list[int]
    replacement: dict[int, str]
    dropped: set[int]


class Rewriter:
    """Builds suggestions and rewrites for a report, using the analyser that made it."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer

    # -- suggestions ---------------------------------------------------------

    def suggestions(self, report: Report, register: Register) -> list[Suggestion]:
        from draftwise import nlp

        out = []
        for s in report.sentences:
            issues = [*s.tactics, *s.blame_types]
            if not issues:
                continue
            primary = next(i for i in moves.PRIORITY if i in issues)
            mv = moves.apply(primary, nlp.parse(s.text))
            replacement = register.sentence(mv.replacement) if mv.replacement else ""
            others = [i for i in issues if i != primary]
            message = mv.message
            if others:
                message += " (Also: " + ", ".join(i.replace("_", " ") for i in others) + ".)"
            out.append(Suggestion(s.index, primary, message, replacement))
        return out

    # -- candidates ------------------------------------------------------------

    def _plan(self, report: Report, sugg: Sequence[Suggestion]) -> _Plan:
        n = len(report.sentences)
        greeting = [0] if n > 1 and is_greeting(report.sentences[0].text) else []
        signoff: list[int] = []
        for s in reversed(report.sentences[len(greeting) :]):
            if s.phrasing != "blame" and not s.tactics and is_signoff(s.text) and len(signoff) < 3 and s.index > 0:
                signoff.insert(0, s.index)
            else:
                break
        replacement = {g.sentence: g.replacement for g in sugg}
        dropped = {i for i, r in replacement.items() if not r}
        return _Plan(greeting, signoff, replacement, dropped)

    def _text(self, s: SentenceResult, plan: _Plan) -> str:
        return plan.replacement.get(s.index, s.text)

    def _join(self, parts: Sequence[str], register: Register, greeting: Sequence[str], signoff: Sequence[str]) -> str:
        parts = [p for p in (tidy(x) for x in parts) if p]
        if register.email:
            body = " ".join(parts)
            return "\n\n".join(x for x in ["\n".join(greeting), body, "\n".join(signoff)] if x)
        sep = "\n" if register.line_per_sentence else " "
        return sep.join([*greeting, *parts, *signoff])

    def light_touch(self, report: Report, plan: _Plan) -> str:
        """The draft as written, each problem sentence swapped for its suggestion (separators kept)."""
        text = report.text
        out, pos = [], 0
        for s in report.sentences:
            out.append(text[pos : s.start])
            rep = self._text(s, plan)
            out.append(rep)
            pos = s.end
        out.append(text[pos:])
        joined = "".join(out)
        joined = re.sub(r"[ \t]{2,}", " ", joined)
        joined = re.sub(r"\n{3,}", "\n\n", joined)
        return joined.strip()

    def _roles(self, report: Report, plan: _Plan) -> dict[str, list[str]]:
        skip = set(plan.greeting) | set(plan.signoff)
        not_mindful = (
            set(report.dear_man.mindful.sentences) if report.dear_man and not report.dear_man.mindful.present else set()
        )
        roles: dict[str, list[str]] = {
            k: [] for k in ("describe", "express", "assert", "reinforce", "negotiate", "other")
        }
        for s in report.sentences:
            if s.index in skip or s.index in plan.dropped or s.index in not_mindful:
                continue
            text = self._text(s, plan)
            if _HEDGE_ONLY.search(s.text.strip()):
                continue
            text = tidy(_SOFTEN.sub("", text)) if text == s.text else text
            if not text:
                continue
            if s.index in plan.replacement:
                issue_roles = {
                    "ultimatum": "assert",
                    "threat": "assert",
                    "urgency": "assert",
                    "loaded_opener": "other",
                    "desperation": "express",
                    "guilt_trip": "express",
                    "social_pressure": "express",
                }
                primary = next((i for i in moves.PRIORITY if i in (*s.tactics, *s.blame_types)), "")
                role = issue_roles.get(primary, "describe" if primary == "absolute" else "express")
                if primary == "loaded_opener":
                    continue  # the DEAR MAN version opens with the facts instead
            else:
                role = next(
                    (k for k in ("assert", "negotiate", "reinforce", "express", "describe") if k in s.skills), "other"
                )
            roles[role].append(text)
        return roles

    def dear_man(self, report: Report, plan: _Plan, register: Register) -> str:
        roles = self._roles(report, plan)
        parts: list[str] = []
        parts += roles["describe"] or [register.sentence(f"On {moves.WHEN}, {moves.WHAT}.")]
        parts += roles["other"]
        parts += roles["express"] or [register.sentence("I felt [how you felt] about it.")]
        parts += roles["assert"] or [register.sentence(f"Could you {moves.WANT}?")]
        parts += roles["reinforce"] or [register.sentence("It would mean a lot to me.")]
        parts += roles["negotiate"] or [register.sentence("If that doesn't work for you, what would?")]
        return self._join(parts, register, self._lines(report, plan.greeting), self._lines(report, plan.signoff))

    def short_kind(self, report: Report, plan: _Plan, register: Register) -> str:
        roles = self._roles(report, plan)
        first = (
            roles["express"] or roles["describe"] or [register.sentence(f"I've been thinking about {moves.WHAT}.")]
        )[0]
        ask = roles["assert"][:1] or [register.sentence(f"Could you {moves.WANT}?")]
        # Facts named in the describe sentences travel with the short version when they would be lost.
        kept = [first, *ask]
        lost = [d for d in roles["describe"] if d not in kept and facts(d) - facts(" ".join(kept))]
        kind = roles["reinforce"][:1] or [register.sentence("Thank you, it would mean a lot.")]
        return self._join(
            [*lost[:1], *kept, *kind], register, self._lines(report, plan.greeting), self._lines(report, plan.signoff)
        )

    def repair_first(self, report: Report, plan: _Plan, register: Register) -> str:
        owning, repair = [], []
        for s in report.sentences:
            if s.index in plan.dropped or s.index in plan.replacement:
                continue
            low = s.text.lower()
            if re.search(
                r"\b(?:sorry|apologi[sz]e|my fault|i was wrong|i messed up|i shouldn'?t have)\b", low
            ) and not re.search(r"sorry (?:that |if )?(?:you|u) (?:feel|felt|were|are|'re)|sorry if|sorry but", low):
                owning.append(s.text)
            elif re.search(r"\b(?:i'?ll|i will|i'?m going to|from now on|next time|going forward)\b", low):
                repair.append(s.text)
        parts = owning[:2] or [register.sentence("I'm sorry for [what I did].")]
        parts.append(repair[0] if repair else register.sentence("I'd like to make it right by [how you'll repair it]."))
        if len(repair) < 2:
            parts.append(register.sentence("From now on, I'll [what you'll do differently]."))
        else:
            parts.append(repair[1])
        parts.append(register.sentence("Take whatever time you need."))
        return self._join(parts, register, self._lines(report, plan.greeting), self._lines(report, plan.signoff))

    @staticmethod
    def _lines(report: Report, idx: Sequence[int]) -> list[str]:
        return [report.sentences[i].text for i in idx]

    # -- the whole thing --------------------------------------------------------

    def fill(self, report: Report) -> Report:
        """The report with ``suggestions`` and ranked ``rewrites`` filled in."""
        if report.error or not report.sentences:
            return report
        register = detect(report.text, [s.text for s in report.sentences])
        sugg = self.suggestions(report, register)
        plan = self._plan(report, sugg)
        candidates: list[tuple[str, str, str]] = [
            ("light_touch", self.light_touch(report, plan), "your draft with each flagged sentence reworded"),
            ("dear_man", self.dear_man(report, plan, register), "describe, express, assert, reinforce, negotiate"),
            ("short_kind", self.short_kind(report, plan, register), "two or three sentences, kind and clear"),
        ]
        if report.apology.kind != "none":
            candidates.append(
                (
                    "repair_first",
                    self.repair_first(report, plan, register),
                    "admit, repair, change; no demand for forgiveness",
                )
            )
        seen, unique = set(), []
        for style, text, desc in candidates:
            key = re.sub(r"\W+", " ", text.lower()).strip()
            if text and key not in seen:
                seen.add(key)
                unique.append((style, text, desc))
        analysed = list(self.analyzer.analyse_many([t for _, t, _ in unique]))
        rewrites = []
        for (style, text, desc), r in zip(unique, analysed, strict=True):
            if r.error:
                continue
            rewrites.append(
                Rewrite(
                    style=style,
                    text=text,
                    intensity=r.intensity.level if r.intensity else 1,
                    blame_sentences=len(r.blame_sentences),
                    tactics=tuple(r.tactic_labels),
                    dear_man=tuple(
                        k
                        for k in ("describe", "express", "assert", "reinforce", "negotiate", "mindful", "confident")
                        if r.dear_man and r.dear_man.get(k).present
                    ),
                    safety=r.safety.flag,
                    description=desc,
                )
            )
        rewrites.sort(key=lambda rw: self._rank(report, rw))
        return dataclasses.replace(report, suggestions=tuple(sugg), rewrites=tuple(rewrites))

    @staticmethod
    def _rank(report: Report, rw: Rewrite) -> tuple[Any, ...]:
        return (
            rw.blame_sentences > 0,
            len(rw.tactics) > 0,
            rw.intensity > 4,
            not keeps_facts(report.text, rw.text),
            rw.blame_sentences + len(rw.tactics),
            -len(rw.dear_man),
            rw.intensity,
            rw.text.count("["),
        )


def clean(text: str) -> str:
    return end_with(text) if text else text
