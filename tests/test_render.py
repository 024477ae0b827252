"""Highlighting is a pure function: it covers the draft exactly and escapes all user text."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from draftwise.render import diff_chunks, diff_html, intensity_bar, pieces, to_html


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
    # escaped, not dropped (an evidence mark may sit inside the escaped text: a phrase can start mid-way)
    assert "&lt;script&gt;" in out and "&lt;/script&gt;" in out and "&lt;img src=x" in out
    # Everything the user typed is still there, as text.
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == evil


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"' abc/=\n")), max_size=80))
def test_html_never_emits_user_tags(text: str) -> None:
    out = to_html(_fake_record(text))
    stripped = re.sub(r"<(/?)(div|span|mark)( [^<>]*)?>", "", out)
    assert "<" not in stripped and ">" not in stripped


def test_diff_and_slots() -> None:
    chunks = diff_chunks("you never call me", "I haven't heard from you since [when]")
    assert "".join(c.new for c in chunks) == "I haven't heard from you since [when]"
    assert "".join(c.old for c in chunks) == "you never call me"
    out = diff_html("you never call", "I haven't heard from you since [what day]")
    assert 'class="dw-slot"' in out and "[what day]" in out
    assert "<script>" not in diff_html("<script>", "<b>")


def test_intensity_bar() -> None:
    assert intensity_bar(3) == "███░░░░░░░"
    assert intensity_bar(10) == "█" * 10


def test_changes_read_by_phrase_not_word_by_word() -> None:
    from draftwise.render import changes_html, diff_text

    before = "Pay it by tonight or I'm telling the landlord you're moving out."
    after = "Could you pay it by tonight? Thank you, it would mean a lot."
    assert diff_text(before, after) == (
        "[-Pay-]{+Could you pay+} it by tonight[- or I'm telling the landlord you're moving out-]"
        "{+? Thank you, it would mean a lot+}."
    )
    out = changes_html(before, after)
    assert out.count("<del") == 2 and out.count("<ins") == 2
    assert diff_text("same words", "same words") == "same words"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_diff_chunks_rebuild_both_texts(a: str, b: str) -> None:
    from draftwise.render import diff_chunks

    chunks = diff_chunks(a, b)
    assert "".join(c.old for c in chunks) == a and "".join(c.new for c in chunks) == b


def test_sentences_html_tags_helps_and_hurts_and_escapes() -> None:
    from draftwise.present_check import sentences_html

    rec = _fake_record("you always [x](http://e.vil) <b>\n\nok. I felt sad.")
    out = sentences_html(rec)
    assert "<b>" not in out and "\n" not in out  # escaped, and no blank line for Markdown to act on
    assert out.count("<details") == len(rec["sentences"]) and "dw-num" in out and "✗ Blame" in out


def test_verdict_is_never_an_all_clear_when_unsure() -> None:
    from draftwise.present_check import verdict

    s = {"index": 0, "start": 0, "end": 9, "text": "Can you?", "skills": ["assert"], "phrasing": "neutral"}
    calm = {
        "text": "Can you?",
        "sentences": [{**s, "scores": {"urgency": 0.1}}],
        "tactics": [],
        "intensity": {"level": 2},
    }
    assert verdict(calm).tone == "ready" and "ready to send" in verdict(calm).headline
    unsure = {**calm, "sentences": [{**s, "scores": {"urgency": 0.4}}]}
    assert verdict(unsure).tone == "unsure" and "urgency" in verdict(unsure).detail
    thanks = {**calm, "sentences": [{**s, "text": "thanks!", "skills": ["reinforce"], "scores": {}}]}
    assert "DEAR MAN does not apply" in verdict(thanks).headline


def test_intensity_reasons_match_the_figure_and_the_cards() -> None:
    from draftwise.appkit import intensity_reasons

    rec = {
        "intensity": {"level": 7, "signals": {"tactic_cues": 4, "exclamations": 2}},
        "tactics": [{"label": "ultimatum"}],
        "sentences": [],
    }
    reasons = intensity_reasons(rec)
    assert "one pressure tactic (ultimatum)" in reasons and not any("4 pressure" in r for r in reasons)
    assert intensity_reasons({**rec, "intensity": {"level": 1, "signals": {"blame_cues": 1}}}) == []


def test_batch_helpers() -> None:
    from draftwise import appkit

    data = b"id,to,message\nd01,Sam,we need to talk about the weekend\nd02,Jo,you never call\n"
    assert appkit.default_text_column(data, "x.csv", ["id", "to", "message"]) == "message"
    assert appkit.column_warning(data, "x.csv", "id") and not appkit.column_warning(data, "x.csv", "message")
    assert appkit.preview_rows(data, "x.csv")[0]["to"] == "Sam"
    assert appkit.other_columns(data, "x.csv", skip=("message", "id")) == [{"to": "Sam"}, {"to": "Jo"}]
    assert appkit.progress(192, 600) == (0.32, "192 / 600 drafts")
    summ = appkit.summarise([])
    assert [r["intensity"] for r in appkit.intensity_chart(summ)] == list(range(1, 11))


def test_rewrite_cards_blanks_state_and_escaping() -> None:
    from draftwise import appkit

    rec = {"text": "Can you send it?", "rewrites": [{"style": "light_touch", "text": "can you  send it?"}]}
    assert appkit.rewrite_cards(rec) == []  # identical to the draft: never listed
    assert appkit.blank_warning("On [when] I felt [how]").startswith("Two blanks still to fill")
    assert appkit.blank_warning("all filled") is None
    state: dict = {}
    assert appkit.sync_edit_state(state, "draft 1", "best 1")
    state["rechecked"] = ("draft 1", "best 1")
    assert appkit.recheck_for(state, "draft 1") == "best 1"
    assert appkit.sync_edit_state(state, "draft 3", "best 3") and appkit.recheck_for(state, "draft 3") is None
    assert "](" not in appkit.md_escape("[x](http://evil)").replace("\\](", "")
    assert "</script><b>" not in appkit.copy_button_html("</script><b>")
