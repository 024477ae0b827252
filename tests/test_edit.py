"""The light edit's pieces on tiny inputs: splicing keeps the layout, shouting is lowered, each handler edits."""

from __future__ import annotations

import pytest

from draftwise.results import Evidence, SentenceResult
from draftwise.rewrite.edit import HANDLERS, Context, splice, unshout
from draftwise.rewrite.style import Register


def _spans(text: str, parts: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for p in parts:
        a = text.index(p, pos)
        out.append((a, a + len(p)))
        pos = a + len(p)
    return out


def test_splice_keeps_paragraphs_and_drops_a_sentence_with_one_gap() -> None:
    text = "Hi Dana,\n\nThe deposit is late. You're so unreliable. Pay by Friday.\n\nThanks,\nPriya"
    parts = ["Hi Dana,", "The deposit is late.", "You're so unreliable.", "Pay by Friday.", "Thanks,", "Priya"]
    out = splice(text, _spans(text, parts), {2: "", 3: "Could you pay by Friday?"})
    assert out == "Hi Dana,\n\nThe deposit is late. Could you pay by Friday?\n\nThanks,\nPriya"


def test_splice_removing_a_whole_paragraph_keeps_one_blank_line() -> None:
    text = "Hi,\n\nYou never listen.\n\nCan we talk on Sunday?\n\nSam"
    parts = ["Hi,", "You never listen.", "Can we talk on Sunday?", "Sam"]
    assert splice(text, _spans(text, parts), {1: ""}) == "Hi,\n\nCan we talk on Sunday?\n\nSam"


def test_splice_drops_words_that_pointed_at_removed_text() -> None:
    text = "you forgot my birthday. and you didn't ring at easter either."
    parts = ["you forgot my birthday.", "and you didn't ring at easter either."]
    assert splice(text, _spans(text, parts), {0: ""}) == "you didn't ring at easter."


def test_splice_removing_the_first_line_of_texting() -> None:
    text = "we need to talk\nu took the car again\ncan u ask first next time"
    parts = text.split("\n")
    assert splice(text, _spans(text, parts), {0: ""}) == "u took the car again\ncan u ask first next time"


@pytest.mark.parametrize(
    ("shouted", "calm"),
    [
        ("ANSWER ME NOW!!!", "Answer me now!"),
        ("i told u on THURSDAY", "i told u on thursday"),
        ("the NHS letter came", "the NHS letter came"),
        ("WHY?!?!", "Why?"),
        ("YOU PROMISED A PLUMBER", "You promised a plumber"),
    ],
)
def test_unshout(shouted: str, calm: str) -> None:
    assert unshout(shouted) == calm


def _sentence(text: str, label: str, cue: str) -> SentenceResult:
    start = text.lower().index(cue.lower())
    ev = (Evidence(start, start + len(cue), label, text[start : start + len(cue)]),)
    blame = label in ("character", "absolute", "mind_reading", "feelings_blame", "contempt", "accusatory_question")
    return SentenceResult(
        0,
        0,
        len(text),
        text,
        (),
        "blame" if blame else "neutral",
        (label,) if blame else (),
        () if blame else (label,),
        {},
        ev,
    )


_CTX = Context(
    register=Register(False, True, False, False, False), other_describes=False, other_asks=False, content_sentences=1
)


@pytest.mark.parametrize(
    ("label", "text", "cue", "expected"),
    [
        # an ultimatum keeps its ask as a request; the penalty goes
        (
            "ultimatum",
            "Call me tonight or don't bother calling ever again.",
            "or don't bother",
            "Could you call me tonight?",
        ),
        # "if you really cared you'd X" becomes the wish, in the writer's words
        (
            "guilt_trip",
            "If you really cared you'd come to the wedding on Saturday.",
            "if you really cared",
            "I'd really like you to come to the wedding on Saturday.",
        ),
        # "you make me feel X when you Y" is owned, with the draft's own event
        (
            "feelings_blame",
            "You make me feel stupid when you correct me in front of Ana.",
            "make me feel",
            "I feel stupid when you correct me in front of Ana.",
        ),
        # an insult in its own clause goes, the fact stays
        (
            "character",
            "You left the gate open again, you're so careless.",
            "you're so careless",
            "You left the gate open again.",
        ),
        # "how could you X?" told plainly when nothing else says it
        ("accusatory_question", "How could you forget my birthday?", "how could you", "You forgot my birthday."),
        # chasing goes, the ask and its real deadline stay
        ("urgency", "Send me the form by Friday ASAP!!", "asap", "Send me the form by Friday!"),
        # a lone insult leaves nothing to keep
        ("contempt", "Wow, great job, genius.", "genius", ""),
    ],
)
def test_handlers_edit_in_the_writers_words(label: str, text: str, cue: str, expected: str) -> None:
    from draftwise import nlp

    replacement, message = HANDLERS[label](nlp.parse(unshout(text)), _sentence(text, label, cue), _CTX)
    assert replacement == expected and message


@pytest.mark.parametrize(
    ("request_text", "ok"),
    [
        ("Could you call me tonight?", True),
        ("could u get those boxes back?", True),
        ("Could u r paying every penny of it?", False),
        ("Could you is there at all this week?", False),
    ],
)
def test_a_recast_request_must_parse_as_one(request_text: str, ok: bool) -> None:
    from draftwise.rewrite.edit import well_formed_request

    assert well_formed_request(request_text) is ok


@pytest.mark.parametrize(
    ("feeling", "ok"), [("stupid", True), ("so small", True), ("like an idiot", True), ("front", False), ("own", False)]
)
def test_a_recast_feeling_must_name_one(feeling: str, ok: bool) -> None:
    from draftwise.rewrite.edit import well_formed_feeling

    assert well_formed_feeling(feeling) is ok
