"""Whole-draft candidates built on the light edit, each re-checked by the analyser.

Candidates, in the order shown:

- ``light_touch`` (always first): the writer's own message with only what is wrong
  changed (:mod:`draftwise.rewrite.edit`): every other sentence word for word, the
  layout kept, nothing invented, no blanks;
- ``short_kind``: the facts and the ask in one to three of the writer's own sentences;
- ``dear_man``: the same sentences reordered describe -> express -> assert -> reinforce
  -> negotiate, with a clearly marked blank only for a part the draft does not have;
- ``repair_first`` (when the draft apologises): admit, repair, change; no demand for
  forgiveness;
- ``starter`` (only when the draft is nothing but an attack, so there is no message to
  keep): a DEAR MAN starter with blanks, and a note that says so.

Every candidate is analysed again; one identical to the draft, or still carrying blame,
a tactic or a safety flag, is never shown. When none is clean, ``rewrites_note`` says so
and the suggestions per sentence remain.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence

from draftwise.config import Settings
from draftwise.decide import withheld
from draftwise.results import Report, Rewrite, SentenceResult, Suggestion
from draftwise.rewrite import edit, moves
from draftwise.rewrite.check import facts
from draftwise.rewrite.style import Register, detect, is_greeting, is_signoff

_HEDGE_ONLY = re.compile(
    r"(?i)^(?:sorry[\s,!.]*)+$|^(?:this is )?probably (?:dumb|stupid|silly)|^you can (?:totally )?ignore|^no worries if not|"
    r"^feel free to (?:ignore|say no)|^sorry (?:again|sorry)|^i hate to ask|^i know (?:this is|i'?m) (?:a lot|annoying)"
)
NOTHING_TO_CHANGE = "Nothing here needs changing: no blame or pressure was found."
NOTHING_TO_KEEP = (
    "There is no message to keep here: every sentence is an attack. If something happened that you want "
    "to raise, the starter below helps you say it; fill in the blanks with what really happened."
)
NOT_ENGLISH = (
    "This draft does not read as English, and draftwise's rewrites work on English only: no rewrite is offered."
)
NO_CLEAN_VERSION = (
    "No version without blame or pressure could be made from this draft automatically; "
    "the suggestions per sentence show what to change."
)

_DEAR_MAN_ORDER = ("describe", "express", "assert", "reinforce", "negotiate")


def _key(text: str) -> str:
    """What makes two texts the same message: only spacing is ignored.

    Case and marks are part of it: "U BINNED MY NOTES???" said as "u binned my notes" is the
    change (shouting lowered), not the same text.
    """
    return re.sub(r"\s+", " ", text).strip()


def candidate(style: str, text: str, r: Report, description: str) -> Rewrite:
    """A whole-draft candidate with the figures its own analysis ``r`` gave it."""
    return Rewrite(
        style=style,
        text=text,
        intensity=r.intensity.level if r.intensity else 1,
        blame_sentences=len(r.blame_sentences),
        tactics=tuple(r.tactic_labels),
        dear_man=tuple(
            k for k in (*_DEAR_MAN_ORDER, "mindful", "confident") if r.dear_man and r.dear_man.get(k).present
        ),
        safety=r.safety.flag,
        description=description,
    )


@dataclasses.dataclass(frozen=True)
class _Frame:
    """A draft's greeting and sign-off lines (kept as they are) and the content between."""

    greeting: tuple[str, ...]
    signoff: tuple[str, ...]
    body: tuple[SentenceResult, ...]


def _frame(report: Report) -> _Frame:
    sents = list(report.sentences)
    greeting = [sents.pop(0).text] if len(sents) > 1 and is_greeting(sents[0].text) else []
    signoff: list[str] = []
    while sents and len(signoff) < 3 and not sents[-1].tactics and not sents[-1].blame_types:
        if not is_signoff(sents[-1].text) or (not greeting and len(sents) == 1):
            break
        signoff.insert(0, sents.pop().text)
    return _Frame(tuple(greeting), tuple(signoff), tuple(sents))


# "i need it back by friday": the writer's ask, said as a need
_NEED = re.compile(r"(?i)^\W*(?:and\s+)?(?:i|we) (?:really |still )?(?:need|want|'?d like|would like)\b")
_CHASE_ASK = re.compile(r"(?i)\b(?:answer|reply|respond|get back to|text me back|call me back|ring me back|pick up)\b")


def _worst(bad: Sequence[SentenceResult]) -> list[SentenceResult]:
    """The flagged sentences to leave out first: blame, then pressure without an ask, then the rest.

    Cutting in that order, with a re-check between, keeps the ask whenever the analyser's flag on
    it came from the lines around it (a polite request beside "Hello?? Is anyone reading these?").
    """
    blame = [s for s in bad if s.blame_types]
    if blame:
        return blame
    from draftwise import nlp

    no_ask = [
        s
        for s in bad
        if "assert" not in s.skills
        and not edit.is_request(s.text)
        and not _NEED.match(s.text)
        and not edit.is_imperative(nlp.parse_cached(s.text))
    ]
    if no_ask:
        return no_ask
    # every flagged line asks: one goes at a time, a chase for a reply ("could u answer me today?")
    # before the writer's own ask ("i need it back by friday"), so the ask that matters survives
    chase = [s for s in bad if _CHASE_ASK.search(s.text)]
    return chase[:1] or list(bad[-1:])


def _problems(report: Report) -> list[SentenceResult]:
    """The sentences the analyser reads as blame or pressure: what an edit must change."""
    return [s for s in report.sentences if s.tactics or s.blame_types]


def _has_content(text: str, report: Report) -> bool:
    """Whether an edit still says something: a body sentence, two words, not only a pointer back."""
    return (
        bool(text)
        and bool(_frame(report).body)
        and not report.error
        and len(re.findall(r"[A-Za-z]{2,}", text)) >= 2  # "\\ /" or "exactly." is not a message
        and not edit.only_backref(text)
    )


class Rewriter:
    """Builds suggestions and rewrites for a report; every candidate is re-checked by ``analyse_many``."""

    def __init__(self, analyse_many: Callable[[list[str]], Iterable[Report]], settings: Settings | None = None) -> None:
        """Keep the analyser that re-checks candidates, and the thresholds."""
        self.analyse_many = analyse_many
        self.settings = settings or Settings()

    def _analyse(self, text: str) -> Report:
        return next(iter(self.analyse_many([text])))

    # -- per sentence ---------------------------------------------------------------

    def suggestions(self, report: Report, register: Register) -> list[Suggestion]:
        """One suggestion per sentence with a tactic or blame type: the light edit of that sentence.

        A replacement of ``""`` means the sentence is better left out. Sentences the safety
        screen flagged get none (their words are never polished).
        """
        flagged = set(report.safety.sentences) if report.safety.flag else set()
        return [
            Suggestion(e.sentence, e.issue, e.message, e.replacement) for e in edit.plan(report, register, skip=flagged)
        ]

    def _alone(self, report: Report, register: Register, sugg: list[Suggestion]) -> list[Suggestion]:
        """The suggestions plus an edit for each line that reads as blame or pressure alone, though not in context.

        The recipient may take any line alone: "If you're late once more, don't bother coming back."
        after a calm request reads as part of the request to the judge, and as an ultimatum alone.
        Each unflagged sentence that neither describes nor asks (those are the message, and are kept)
        is analysed as a draft of its own; those it flags are planned like the flagged ones, and their
        suggestions say what to change. Chosen on the read dev parts (fresh4-fresh6): 22 first
        candidates changed, sendable 0/22 -> 8/22 by a blind judge.
        """
        planned = {g.sentence for g in sugg}
        todo = [
            s
            for s in report.sentences
            if s.index not in planned
            and not (is_greeting(s.text) or is_signoff(s.text))
            and len(s.text.split()) >= 3
            # what the draft describes or asks, read in context, is the message: it is kept
            and not {"describe", "assert"} & set(s.skills)
        ]
        if not todo:
            return sugg
        extra: dict[int, SentenceResult] = {}
        for s, r in zip(todo, self.analyse_many([s.text for s in todo]), strict=True):
            if r.error or r.safety.flag or len(r.sentences) != 1:
                continue
            alone = r.sentences[0]
            if not (alone.tactics or alone.blame_types):
                continue
            shift = s.start - alone.start
            extra[s.index] = dataclasses.replace(
                s,
                phrasing=alone.phrasing,
                blame_types=alone.blame_types,
                tactics=alone.tactics,
                evidence=tuple(
                    dataclasses.replace(e, start=e.start + shift, end=e.end + shift) for e in alone.evidence
                ),
            )
        if not extra:
            return sugg
        widened = dataclasses.replace(report, sentences=tuple(extra.get(s.index, s) for s in report.sentences))
        edits = edit.plan(widened, register, skip=planned)
        # the report does not list these labels, so each suggestion says where its issue (named beside the
        # message by every view, labels.DISPLAY) comes from
        note = " (Read on its own, this line reads so; beside the others the analysis did not flag it.)"
        return [
            *sugg,
            *(Suggestion(e.sentence, e.issue, e.message + note, e.replacement) for e in edits if e.sentence in extra),
        ]

    # -- the light edit ---------------------------------------------------------------

    def _edited(self, report: Report, register: Register, sugg: Sequence[Suggestion]) -> str:
        """The draft with each suggestion applied, shouting lowered and piled-up hedges cut."""
        replacement = {g.sentence: g.replacement for g in sugg}
        not_confident = bool(report.dear_man and not report.dear_man.confident.present)
        for s in report.sentences:
            if s.index in replacement:
                continue
            if not_confident and _HEDGE_ONLY.search(s.text.strip()) and len(report.sentences) > 1:
                replacement[s.index] = ""
                continue
            calm = edit.unshout(s.text)
            if calm != s.text:
                replacement[s.index] = calm
        self._carry_names(report, replacement)
        spans = [(s.start, s.end) for s in report.sentences]
        return edit.splice(report.text, spans, replacement)

    @staticmethod
    def _carry_names(report: Report, replacement: dict[int, str]) -> None:
        """A name the writer addressed in a removed sentence ("Seriously, Bronwyn?") opens the next kept one."""
        for s in report.sentences:
            if replacement.get(s.index) != "":
                continue
            name = edit.vocative(s.text)
            if not name:
                continue
            nxt = next(
                (
                    t
                    for t in report.sentences[s.index + 1 :]
                    if replacement.get(t.index, t.text) and not is_signoff(t.text)
                ),
                None,
            )
            if nxt is None:
                return
            kept = replacement.get(nxt.index, nxt.text)
            if name.lower() in kept.lower():
                continue
            first_word = kept.split()[0] if kept.split() else ""
            keep_case = first_word in ("I",) or first_word.startswith("I'") or edit.is_name(first_word)
            first = kept if keep_case else kept[:1].lower() + kept[1:]
            replacement[nxt.index] = f"{name}, {first}"

    def light_edit(self, report: Report, register: Register, sugg: Sequence[Suggestion]) -> tuple[str, Report]:
        """The light edit and its analysis; a second pass edits what the analyser still finds.

        The first pass applies each sentence's edit. A recast can still read as blame or pressure
        (the analyser judges the new words afresh): those sentences get their own edit in a second
        pass, and up to three more passes leave out what still does, worst first (:func:`_worst`).
        """
        text = self._edited(report, register, sugg)
        checked = self._analyse(text) if text else report
        for round_ in range(4):
            if not text or checked.error:
                break
            bad = _problems(checked)
            if not bad:
                break
            spans = [(s.start, s.end) for s in checked.sentences]
            new = text
            if round_ == 0:
                new = edit.splice(text, spans, {e.sentence: e.replacement for e in edit.plan(checked, register)})
            if new == text:
                new = edit.splice(text, spans, {s.index: "" for s in _worst(bad)})
            if new == text:
                break
            text = new
            checked = self._analyse(text) if text else checked
        return text, checked

    # -- the other candidates -----------------------------------------------------------

    @staticmethod
    def _join(parts: Sequence[str], register: Register, frame: _Frame) -> str:
        parts = [p.strip() for p in parts if p and p.strip()]
        if register.email:
            body = " ".join(parts)
            return "\n\n".join(x for x in ["\n".join(frame.greeting), body, "\n".join(frame.signoff)] if x)
        sep = "\n" if register.line_per_sentence else " "
        return sep.join([*frame.greeting, *parts, *frame.signoff])

    def short(self, edited: Report, register: Register) -> str:
        """The facts and the ask in one to three of the writer's sentences, in their order."""
        frame = _frame(edited)
        body = list(frame.body)
        if len(body) <= 2:
            return ""
        pick: list[SentenceResult] = []
        describes = sorted((s for s in body if "describe" in s.skills), key=lambda s: (-len(facts(s.text)), s.index))
        express = [s for s in body if "express" in s.skills]
        # the concrete ask is usually the question ("Can we grab a coffee this week?")
        asks = sorted(
            (s for s in body if "assert" in s.skills), key=lambda s: (not s.text.rstrip().endswith("?"), s.index)
        )
        for group in (describes[:1], express[:1], asks[:1]):
            pick += [s for s in group if s not in pick]
        if not pick:
            return ""
        # a fact only a dropped sentence carried travels with the short version
        missing = (
            facts(edited.text) - facts(" ".join(s.text for s in pick)) - facts(" ".join(frame.greeting + frame.signoff))
        )
        if missing and len(pick) < 3:
            pick += [s for s in body if s not in pick and facts(s.text) & missing][:1]
        pick.sort(key=lambda s: s.index)
        return self._join([s.text for s in pick], register, frame)

    def dear_man(self, edited: Report, register: Register) -> str:
        """The writer's sentences reordered describe -> express -> assert -> reinforce -> negotiate.

        A part the draft does not have at all gets one clearly marked blank (describe, express or
        assert only); reinforce and negotiate are never invented.
        """
        frame = _frame(edited)
        body = list(frame.body)
        if not body:
            return ""

        # A sentence without a skill stays with the one before it (its context), the first with the facts.
        ranks: dict[int, int] = {}
        prev = 0
        for s in body:
            prev = min((_DEAR_MAN_ORDER.index(k) for k in s.skills if k in _DEAR_MAN_ORDER), default=prev)
            ranks[s.index] = prev

        def rank(s: SentenceResult) -> tuple[int, int]:
            return ranks[s.index], s.index

        ordered = [s.text for s in sorted(body, key=rank)]
        have = {k for s in body for k in s.skills}
        if "describe" not in have:
            ordered.insert(0, register.sentence(f"{moves.WHAT}."))
        if "express" not in have:
            pos = sum(1 for s in body if rank(s)[0] == 0) + ("describe" not in have)
            ordered.insert(pos, register.sentence("I felt [how you felt]."))
        if "assert" not in have:
            ordered.append(register.sentence(f"Could you {moves.WANT}?"))
        return self._join(ordered, register, frame)

    def repair_first(self, report: Report, edited: Report, register: Register) -> str:
        """An apology that admits, repairs and commits to change, from the draft's own lines.

        Only when the draft owns something ("sorry I...", "my fault"); a missing repair is a marked
        blank, and no line asks for forgiveness.
        """
        if report.apology.kind == "none":
            return ""
        frame = _frame(edited)
        owning, repair, asks = [], [], []
        for s in frame.body:
            low = s.text.lower()
            if re.search(
                r"\b(?:sorry|apologi[sz]e|my fault|i was wrong|i messed up|i shouldn'?t have)\b", low
            ) and not re.search(r"sorry (?:that |if )?(?:you|u) (?:feel|felt|were|are|'re)|sorry if|sorry but", low):
                owning.append(s.text)
            elif re.search(r"\b(?:i'?ll|i will|i'?m going to|from now on|next time|going forward)\b", low):
                repair.append(s.text)
            elif "assert" in s.skills and not re.search(r"(?i)forgive|move on|over it", low):
                asks.append(s.text)
        if not owning:
            return ""  # nothing of the writer's own apology to build on: a form would be all blanks
        parts = owning[:2]
        parts.append(repair[0] if repair else register.sentence("I'd like to make it right by [how you'll repair it]."))
        if len(repair) > 1:
            parts.append(repair[1])
        parts += asks[:1]
        return self._join(parts, register, frame)

    def salvage(self, report: Report, register: Register) -> tuple[str, Report] | None:
        """The writer's point without the attack, when the light edit left nothing; ``None`` if none.

        Only for a draft with blame and no tactic (a tactic has its own edit, and a piece of a
        threatening draft can still carry the threat). Every sentence with blame is offered as its
        shorter pieces (:func:`edit.pieces`: without swearing, its main clause, a comma part, and
        itself read alone); each piece is analysed alone and the longest one the analyser reads as
        clean is kept. The whole is analysed again and kept only if it is clean and says
        something; otherwise the draft has no message to keep.
        """
        if any(s.tactics for s in report.sentences):
            return None  # a piece of a threat's draft can still carry the threat ("i've saved them all")
        options: dict[int, list[str]] = {}
        for s in report.sentences:
            if s.blame_types:
                options[s.index] = edit.pieces(s.text, question="accusatory_question" in s.blame_types)
        flat = [(i, piece) for i, ps in options.items() for piece in ps]
        if not flat:
            return None
        checked = self.analyse_many([piece for _, piece in flat])
        chosen: dict[int, str] = {}
        for (i, piece), r in zip(flat, checked, strict=True):
            clean = not r.error and not r.safety.flag and not _problems(r)
            if clean and i not in chosen:  # pieces come longest first
                chosen[i] = piece
        if not chosen:
            return None
        replacement = {
            s.index: chosen.get(s.index, "") if s.blame_types else edit.unshout(s.text) for s in report.sentences
        }
        text = edit.splice(report.text, [(s.start, s.end) for s in report.sentences], replacement)
        if not text:
            return None
        r = self._analyse(text)
        if r.error or _problems(r) or not _has_content(text, r):
            return None
        return text, r

    def starter(self, report: Report, register: Register) -> str:
        """A DEAR MAN starter with blanks, for a draft with no message to keep."""
        frame = _frame(report)
        register = dataclasses.replace(
            register, line_per_sentence=register.line_per_sentence or not register.full_stops
        )
        parts = [
            register.sentence(f"When {moves.WHAT}, I felt [how you felt]."),
            register.sentence(f"Could you {moves.WANT}?"),
            register.sentence("It would really help me."),
        ]
        return self._join(parts, register, frame)

    # -- the whole thing --------------------------------------------------------------

    def fill(self, report: Report) -> Report:
        """The report with ``suggestions``, clean ``rewrites`` (light edit first) and ``rewrites_note``."""
        if report.error or not report.sentences:
            return report
        register = detect(report.text, [s.text for s in report.sentences])
        sugg = self.suggestions(report, register)
        if report.safety.flag:
            return dataclasses.replace(
                report, suggestions=tuple(sugg), rewrites=(), rewrites_withheld=withheld(report.safety)
            )
        if report.language:  # ISO code of a draft that is clearly not English
            return dataclasses.replace(report, suggestions=(), rewrites=(), rewrites_note=NOT_ENGLISH)
        sugg = self._alone(report, register, sugg)
        light, light_report = self.light_edit(report, register, sugg)
        original = _key(report.text)
        if not _has_content(light, light_report):
            light, light_report = self.salvage(report, register) or (light, light_report)
        if not _has_content(light, light_report):
            text = self.starter(report, register)
            r = self._analyse(text)
            return dataclasses.replace(
                report,
                suggestions=tuple(sugg),
                rewrites=(candidate("starter", text, r, "a starter with blanks: there was no message to keep"),),
                rewrites_note=NOTHING_TO_KEEP,
            )
        candidates = [
            ("short_kind", self.short(light_report, register), "the facts and the ask, in your words"),
            ("dear_man", self.dear_man(light_report, register), "your sentences in DEAR MAN order"),
            ("repair_first", self.repair_first(report, light_report, register), "admit, repair, change"),
        ]
        seen = {original, _key(light)}
        unique = []
        for style, text, desc in candidates:
            if text and _key(text) not in seen:
                seen.add(_key(text))
                unique.append((style, text, desc))
        analysed = list(self.analyse_many([t for _, t, _ in unique])) if unique else []
        rewrites = []
        if _key(light) != original:
            rewrites.append(candidate("light_touch", light, light_report, "your message, only what hurts changed"))
        rewrites += [candidate(st, t, r, d) for (st, t, d), r in zip(unique, analysed, strict=True) if not r.error]
        clean = tuple(w for w in rewrites if not w.blame_sentences and not w.tactics and not w.safety)
        flagged = bool(_problems(report))
        note = None
        if not flagged and _key(light) == original:
            # Nothing to change: a form with blanks is not offered in place of a message that is fine.
            clean = tuple(w for w in clean if "[" not in w.text)
            note = NOTHING_TO_CHANGE
        elif not clean:
            note = NO_CLEAN_VERSION
        return dataclasses.replace(report, suggestions=tuple(sugg), rewrites=clean, rewrites_note=note)
