"""Highlighting is a pure function: it covers the draft exactly and escapes all user text."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from draftwise.render import diff_html, intensity_bar, pieces, to_html, word_diff


def _fake_record(text: str) -> dict:
    from draftwise.segment import split_sentences

    sents = []
    for i, sp in enumerate(split_sentences(text)):
        ev = [
            {
                "start": sp.start,
                "end": min(sp.end, sp.start + 3),
                "label": "absolute",
                "cue": text[sp.start : min(sp.end, sp.start + 3)],
            }
        ]
        sents.append(
            {
                "index": i,
                "start": sp.start,
                "end": sp.end,
                "text": text[sp.start : sp.end],
                "skills": ["describe"],
                "phrasing": ["blame", "description", "neutral"][i % 3],
                "blame_types": ["absolute"] if i % 3 == 0 else [],
                "tactics": [],
                "evidence": ev,
            }
        )
    return {"text": text, "sentences": sents}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_pieces_cover_the_text_exactly(text: str) -> None:
    rec = _fake_record(text)
    ps = pieces(rec)
    assert "".join(p.text for p in ps) == text
    assert all(text[p.start : p.end] == p.text for p in ps)


def test_pieces_mark_cues_and_sentences(analyzer) -> None:
    rec = analyzer.analyse("hi. you always do this").to_dict()
    ps = pieces(rec)
    cue = [p for p in ps if p.labels]
    assert cue and cue[0].text.lower() == "always" and cue[0].phrasing == "blame"


def test_html_escapes_user_text(analyzer) -> None:
    evil = '<script>alert(1)</script> you never listen <img src=x onerror=alert(2)> "quoted" & more'
    out = to_html(analyzer.analyse(evil))
    assert "<script>" not in out and "<img" not in out
    assert html.escape("<script>alert(1)</script>") in out
    # Everything the user typed is still there, as text.
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == evil


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"' abc/=\n")), max_size=80))
def test_html_never_emits_user_tags(text: str) -> None:
    out = to_html(_fake_record(text))
    stripped = re.sub(r"<(/?)(div|span|mark)( [^<>]*)?>", "", out)
    assert "<" not in stripped and ">" not in stripped


def test_word_diff_and_slots() -> None:
    ops = word_diff("you never call me", "I haven't heard from you since [when]")
    assert "".join(t for op, t in ops if op != "-") == "I haven't heard from you since [when]"
    assert "".join(t for op, t in ops if op != "+") == "you never call me"
    out = diff_html("you never call", "I haven't heard from you since [what day]")
    assert 'class="dw-slot"' in out and "[what day]" in out
    assert "<script>" not in diff_html("<script>", "<b>")


def test_intensity_bar() -> None:
    assert intensity_bar(3) == "███░░░░░░░"
    assert intensity_bar(10) == "█" * 10
