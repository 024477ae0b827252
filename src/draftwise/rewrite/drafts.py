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
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from draftwise.config import Settings
from draftwise.decide import withheld
from draftwise.results import Report, Rewrite, SentenceResult, Suggestion
from draftwise.rewrite import moves
from draftwise.rewrite.check import NOT_NAMES, ask_terms, facts, keeps_ask, keeps_facts
from draftwise.rewrite.grammar import end_with, sentence_case, tidy
from draftwise.rewrite.style import Register, detect, is_greeting, is_signoff

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


# A rewritten sentence that asks (the moves' requests, in either register).
_ASKS = re.compile(r"(?i)^(?:\w+, )?(?:could (?:you|u)|can (?:you|u)|would (?:you|u)|i'?d like|i'?d rather)\b")


@dataclasses.dataclass
class _Plan:
    """What each sentence of the draft is for, and its replacement if it needs one."""

    greeting: list[int]
    signoff: list[int]
    replacement: dict[int, str]
    dropped: set[int]


_VOCATIVE = re.compile(
    r"^\s*((?:(?:hey|hi|oh|ok|okay|look|listen|right|so|and)\s+)?[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*[,:]\s+(?=\S)"
)
_TIME_PHRASE = re.compile(
    r"(?i)\b(?:(?:on|since|last|this|by|at|from|until|in|before|after)\s+)?(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}(?:st|nd|rd|th)?|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|afternoon|evening))?|yesterday|last night|"
    r"tonight|tomorrow|this (?:morning|afternoon|evening|week)|\d{1,2}(?::\d\d)?\s?(?:am|pm))\b"
)


def _lost_facts(original: str, replacement: str) -> set[str]:
    return facts(original) - facts(replacement)


_TRAILING_VOCATIVE = re.compile(r"(?:,\s*|\s)([A-Z][a-z]+)\s*[.!?]*\s*$")
_NOT_VOCATIVE = re.compile(
    r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|thanks|please|sorry|okay|again|too|though|mate|love|babe)$"
)


def _with_facts(original: str, replacement: str) -> str:
    """Carry a vocative name and a time phrase of the original into a templated replacement."""
    if not replacement:
        return replacement
    out = replacement
    tail = _TRAILING_VOCATIVE.search(original)
    if tail and re.search(
        r"(?:\b(?i:to|with|from|at|for|about|of|by|and|or|the|my|your|ur)|\b[A-Z][a-z]+)\s+$",
        original[: tail.start(1)],
    ):
        tail = None  # "speak to Auntie Grace": the object of a preposition, not the person addressed
    if (
        tail
        and tail.group(1).lower() not in out.lower()
        and tail.group(1).lower() not in NOT_NAMES
        and not _NOT_VOCATIVE.match(tail.group(1))
        and not _VOCATIVE.match(original)
    ):
        out = re.sub(r"([.!?])?$", lambda mm: f", {tail.group(1)}{mm.group(1) or ''}", out.rstrip(), count=1)
    m = _VOCATIVE.match(original)
    if m and m.group(1).split()[-1].lower() not in out.lower():
        name = m.group(1)
        keep_capital = out.startswith(("I ", "I'"))
        out = f"{name}, {out if keep_capital else out[0].lower() + out[1:]}"
    t = _TIME_PHRASE.search(original)
    if t and t.group(0).lower() not in out.lower():
        phrase = t.group(0)
        if moves.WHEN in out:
            out = out.replace(
                moves.WHEN,
                re.sub(r"(?i)^(?:on|at|by|in)\s+", "", phrase)
                if phrase.lower().startswith(("on ", "at ", "by ", "in "))
                else phrase,
                1,
            )
        elif moves.WHAT in out:
            if re.match(r"(?i)^\d", phrase):  # "2am" -> "at 2am"
                phrase = f"at {phrase}"
            elif re.match(r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", phrase):
                phrase = f"on {phrase}"
            out = out.replace(moves.WHAT, f"{moves.WHAT} {phrase}", 1)
    return out


def _trim_clauses(doc: object, cue_spans: Sequence[tuple[int, int]]) -> str | None:
    """The sentence without the clauses that carry the cues, if something sayable is left."""
    drop: set[int] = set()
    for a, b in cue_spans:
        toks = [t for t in doc if t.idx < b and a < t.idx + len(t.text)]  # type: ignore[attr-defined]
        for t in toks:
            head = t
            while (
                head.dep_ not in ("ROOT", "conj", "advcl", "ccomp", "parataxis", "appos", "npadvmod", "dep", "intj")
                and head.head is not head
            ):
                head = head.head
            if head.dep_ == "ROOT":
                return None
            drop |= {w.i for w in head.subtree}
            # a conjunction or comma that introduced the dropped clause goes with it
            for w in doc:  # type: ignore[attr-defined]
                if w.i == min(drop) - 1 and (w.dep_ in ("cc", "punct", "mark") or w.is_punct):
                    drop.add(w.i)
    kept = [t for t in doc if t.i not in drop]  # type: ignore[attr-defined]
    words = [t for t in kept if t.is_alpha]
    if len(words) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in kept):
        return None
    return tidy("".join(t.text + t.whitespace_ for t in kept)).strip(" ,;:-")


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _unshout(text: str) -> str:
    """Capitals are shouting: the sentence in sentence case, "I" kept, "!!!"/"???" cut to one."""
    low = text.lower()
    low = re.sub(r"\bi\b", "I", low)
    low = re.sub(r"([!?])[!?]+", r"\1", low)
    return low[:1].upper() + low[1:]


class Rewriter:
    """Builds suggestions and rewrites for a report; every candidate is re-checked by ``analyse_many``.

    ``analyse_many`` is the analyser's own method (``Analyzer.analyse_many``), passed in, so the
    rewriter never imports the facade that uses it.
    """

    def __init__(self, analyse_many: Callable[[list[str]], Iterable[Report]], settings: Settings | None = None) -> None:
        self.analyse_many = analyse_many
        self.settings = settings or Settings()

    # -- suggestions ---------------------------------------------------------

    def suggestions(self, report: Report, register: Register) -> list[Suggestion]:
        """One suggestion per sentence with a tactic or blame type, in the draft's register.

        The sentence's highest-priority issue (:data:`moves.PRIORITY`) picks the move; sentences
        the safety screen flagged get none.
        """
        from draftwise import nlp

        out = []
        flagged = set(report.safety.sentences) if report.safety.flag else set()
        for s in report.sentences:
            issues = [*s.tactics, *s.blame_types]
            # Safety first (OUTPUT.md): words about suicide, self-harm or violence are never polished.
            if not issues or s.index in flagged:
                continue
            primary = next(i for i in moves.PRIORITY if i in issues)
            # Capitals are shouting, not names: the moves read the sentence in sentence case.
            doc = nlp.parse_cached(_unshout(s.text) if _shouted(s.text) else s.text)
            mv = moves.apply_cached(primary, doc)
            replacement = _with_facts(s.text, mv.replacement)
            if (
                replacement
                and _lost_facts(s.text, replacement)
                and primary
                in ("character", "contempt", "absolute", "mind_reading", "accusatory_question", "guilt_trip")
            ):
                # Facts live in this sentence: keep its factual clause, drop the clause that judges.
                cues = [(e.start - s.start, e.end - s.start) for e in s.evidence if e.label in issues]
                trimmed = _trim_clauses(doc, cues) if cues else None
                if trimmed and not _lost_facts(s.text, trimmed):
                    replacement = end_with(sentence_case(trimmed))
            replacement = register.sentence(replacement) if replacement else ""
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
        # The same templated line twice reads like a machine: keep its first use only.
        seen: set[str] = set()
        for i in sorted(replacement):
            # a name carried in front ("Dilnoza, ...") or behind does not make a line new
            bare = _TRAILING_VOCATIVE.sub("", _VOCATIVE.sub("", replacement[i]))
            if "[" in bare:  # the register may have lowered a carried name: "..., craig"
                bare = re.sub(r",\s*[A-Za-z]+[.!?]*$", "", bare)
            key = re.sub(r"\W+", " ", bare.lower()).strip()
            if key and key in seen:
                replacement[i] = ""
            seen.add(key)
        dropped = {i for i, r in replacement.items() if not r}
        return _Plan(greeting, signoff, replacement, dropped)

    @staticmethod
    def _opener_gives_way(report: Report, plan: _Plan, s: SentenceResult) -> bool:
        """Whether a loaded opener's reworded line is left out of the draft.

        The line ("Can we talk about [what it's about]...") is dropped from a draft of more than two
        sentences: the facts that follow open the message instead.
        """
        return moves.WHAT_ABOUT in plan.replacement.get(s.index, "") and len(report.sentences) > 2

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
            if self._opener_gives_way(report, plan, s):
                out.append("")
            else:
                out.append(self._text(s, plan))
            pos = s.end
        out.append(text[pos:])
        joined = "".join(out)
        joined = re.sub(r"[ \t]{2,}", " ", joined)
        joined = re.sub(r" *\n *\n(?: *\n)+", "\n\n", joined)
        if "\n\n" not in text:  # a dropped line leaves no blank line where the writer had none
            joined = re.sub(r"\n\s*\n", "\n", joined)
        joined = re.sub(r"\n(?:\s*\n)*(?=\s*$)", "", joined)
        return "\n".join(line.strip() for line in joined.strip().split("\n") if line.strip() or True).strip()

    def _body(self, report: Report, plan: _Plan) -> list[tuple[SentenceResult, str]]:
        """The sentences a clean version keeps, in the writer's order, each in its clean form."""
        skip = set(plan.greeting) | set(plan.signoff) | plan.dropped
        dm = report.dear_man
        if dm and not dm.mindful.present:
            skip |= set(dm.mindful.sentences)
        out = []
        for s in report.sentences:
            if s.index in skip or _HEDGE_ONLY.search(s.text.strip()):
                continue
            text = self._text(s, plan)
            if text == s.text and dm and not dm.confident.present:
                text = tidy(_SOFTEN.sub("", text))
            if self._opener_gives_way(report, plan, s):
                continue
            if text and _shouted(text):
                text = _unshout(text)
            if text:
                out.append((s, text))
        return out

    def dear_man(self, report: Report, plan: _Plan, register: Register) -> str:
        """The writer's own sentences in their order, with each missing DEAR MAN part added where it belongs."""
        body = self._body(report, plan)
        have = {k for s, _ in body for k in s.skills}
        for s, text in body:  # rewritten sentences count for what they now do
            if s.index in plan.replacement:
                if _ASKS.match(text):
                    have.add("assert")
                elif re.match(r"(?i)(?:\w+, )?i(?:'ve been|'m| felt| feel| was| miss)", text):
                    have.add("express")
                else:
                    have.add("describe")
        parts = [t for _, t in body]
        if "describe" not in have:
            parts.insert(0, register.sentence(f"On {moves.WHEN}, {moves.WHAT}."))
        if "express" not in have:
            # after the facts: the last describing sentence, else the first sentence
            last_fact = max((i for i, (b, _) in enumerate(body) if "describe" in b.skills), default=-1)
            pos = last_fact + 1 + (1 if "describe" not in have else 0) if last_fact >= 0 else 1
            parts.insert(min(pos, len(parts)), register.sentence("I felt [how you felt] about it."))
        if "assert" not in have:
            parts.append(register.sentence(f"Could you {moves.WANT}?"))
        if "reinforce" not in have:
            parts.append(register.sentence("It would mean a lot to me."))
        if "negotiate" not in have:
            parts.append(register.sentence("If that doesn't work for you, what would?"))
        return self._join(parts, register, self._lines(report, plan.greeting), self._lines(report, plan.signoff))

    def short_kind(self, report: Report, plan: _Plan, register: Register) -> str:
        """Two or three sentences: the fact or feeling that matters most, the ask, a kind word."""
        body = self._body(report, plan)
        asks = [t for s, t in body if "assert" in s.skills or (s.index in plan.replacement and _ASKS.match(t))]
        feel = [t for s, t in body if "express" in s.skills]
        desc = sorted((t for s, t in body if "describe" in s.skills), key=lambda t: -len(facts(t)))
        first = (feel or desc or [register.sentence(f"I've been thinking about {moves.WHAT}.")])[0]
        kept = [first, *(asks[:1] or [register.sentence(f"Could you {moves.WANT}?")])]
        # Facts that only the longer version would carry travel with the short one.
        missing = (
            facts(report.text)
            - facts(" ".join(kept))
            - facts(" ".join(self._lines(report, plan.greeting + plan.signoff)))
        )
        carry = [t for t in desc if t not in kept and facts(t) & missing][:1]
        kind = [t for s, t in body if "reinforce" in s.skills][:1] or [
            register.sentence("Thank you, it would mean a lot.")
        ]
        return self._join(
            [*carry, *kept, *kind], register, self._lines(report, plan.greeting), self._lines(report, plan.signoff)
        )

    def repair_first(self, report: Report, plan: _Plan, register: Register) -> str:
        """An apology that admits, repairs and commits to change, from the draft's own lines where it has them.

        Bracketed slots stand in for a missing part; no line asks for forgiveness.
        """
        owning, repair, asks = [], [], []
        for s in report.sentences:
            if (
                s.index in plan.dropped
                or s.index in plan.replacement
                or s.index in plan.greeting
                or s.index in plan.signoff
            ):
                continue
            low = s.text.lower()
            if re.search(
                r"\b(?:sorry|apologi[sz]e|my fault|i was wrong|i messed up|i shouldn'?t have)\b", low
            ) and not re.search(r"sorry (?:that |if )?(?:you|u) (?:feel|felt|were|are|'re)|sorry if|sorry but", low):
                owning.append(s.text)
            elif re.search(r"\b(?:i'?ll|i will|i'?m going to|from now on|next time|going forward)\b", low):
                repair.append(s.text)
            elif "assert" in s.skills and not re.search(r"(?i)forgive|move on|over it", low):
                asks.append(s.text)
        parts = owning[:2] or [register.sentence("I'm sorry for [what I did].")]
        parts.append(repair[0] if repair else register.sentence("I'd like to make it right by [how you'll repair it]."))
        parts.append(
            repair[1] if len(repair) > 1 else register.sentence("From now on, I'll [what you'll do differently].")
        )
        parts += asks[:1]
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
        if report.safety.flag:
            return dataclasses.replace(
                report, suggestions=tuple(sugg), rewrites=(), rewrites_withheld=withheld(report.safety)
            )
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
        analysed = list(self.analyse_many([t for _, t, _ in unique]))
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
        asks = ask_terms(report)
        rewrites.sort(key=lambda rw: self._rank(report, rw, asks))
        return dataclasses.replace(report, suggestions=tuple(sugg), rewrites=tuple(rewrites))

    def _rank(self, report: Report, rw: Rewrite, asks: list[set[str]]) -> tuple[Any, ...]:
        """Best first: most of the five checks passed, then fewest problems, fullest DEAR MAN, calmest."""
        checks = (
            rw.blame_sentences == 0,
            not rw.tactics,
            rw.intensity <= self.settings.calm_level,
            keeps_facts(report.text, rw.text),
            keeps_ask(report, rw.text, asks=asks),
        )
        # Among candidates that pass as many checks, the one with fewer slots to fill reads more like
        # something the writer would send; DEAR MAN coverage and calm break the remaining ties.
        return (
            rw.safety and not report.safety.flag,
            -sum(checks),
            -(checks[3] + checks[4]),  # at a tie, the version that keeps the writer's facts and ask
            rw.blame_sentences + len(rw.tactics),
            rw.text.count("["),
            -len(rw.dear_man),
            rw.intensity,
        )
