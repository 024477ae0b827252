"""Sentence segmentation: real typing, and the offset invariant on arbitrary Unicode."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draftwise.segment import split_sentences


def sents(text: str) -> list[str]:
    return [s.of(text) for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no punctuation at all just typing", ["no punctuation at all just typing"]),
        ("first line\nsecond line\n\nthird after a blank", ["first line", "second line", "third after a blank"]),
        ("wait... what? ok!!", ["wait...", "what?", "ok!!"]),
        ("i'm so done 😡😡 seriously", ["i'm so done 😡😡 seriously"]),
        ("wow!!! 😡😡 really?! ok", ["wow!!! 😡😡", "really?!", "ok"]),
        ("- buy milk\n- call mum\n• pay rent", ["- buy milk", "- call mum", "• pay rent"]),
        ("that was so dumb lol lol lol anyway", ["that was so dumb lol lol lol anyway"]),
        ('she said "stop. now." and left. ok', ['she said "stop. now." and left.', "ok"]),
        ('Your email said "within the week." I am cross.', ['Your email said "within the week."', "I am cross."]),
        (
            "Hi Dana,\n\nThe boiler broke on Jan. 5th at 5.30pm. Can you fix it?\n\nThanks,\nPriya",
            ["Hi Dana,", "The boiler broke on Jan. 5th at 5.30pm.", "Can you fix it?", "Thanks,", "Priya"],
        ),
        ("Dr. Patel said no. 9 is fine. I agree.", ["Dr. Patel said no. 9 is fine.", "I agree."]),
        ("so do I. How about you", ["so do I.", "How about you"]),
        ("i said no. then he left", ["i said no.", "then he left"]),
        ("line one\r\nline two\r\n", ["line one", "line two"]),
        ("   \n\t  ", []),
        ("", []),
    ],
)
def test_real_typing(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def _check_invariant(text: str) -> None:
    spans = split_sentences(text)
    prev = 0
    covered = set()
    for sp in spans:
        assert 0 <= prev <= sp.start < sp.end <= len(text)
        piece = text[sp.start : sp.end]
        assert piece == sp.of(text)
        assert not piece[0].isspace() and not piece[-1].isspace()
        covered.update(range(sp.start, sp.end))
        prev = sp.end
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert i in covered, f"character {ch!r} at {i} is in no sentence"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=400))
def test_offsets_exact_on_any_unicode(text: str) -> None:
    _check_invariant(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "you",
                "never",
                "lol",
                ".",
                "!!",
                "?",
                "...",
                "\n",
                " ",
                "😡",
                '"',
                "Mr.",
                "e.g.",
                "“",
                "”",
                "\u200b",
                "\u202e",
                "ok",
                "I.",
            ]
        ),
        max_size=60,
    )
)
def test_offsets_exact_on_texting_like_input(tokens: list[str]) -> None:
    _check_invariant(" ".join(tokens))
