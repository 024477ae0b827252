"""Rewrites: each move on real sentences, whole-draft candidates, register, facts, fluency."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from draftwise import nlp
from draftwise.rewrite import facts, moves
from draftwise.rewrite.check import all_fluent, fluency_problems, keeps_ask


def move(issue: str, text: str) -> str:
    return moves.apply(issue, nlp.parse(text)).replacement


# (issue, sentence, substrings the replacement must hold, substrings it must not)
MOVE_ROWS = [
    ("absolute", "you never call me back", ["[when]", "call me back"], ["never", "always"]),
    ("absolute", "you always leave your dishes in the sink", ["left your dishes in the sink", "[when]"], ["always"]),
    ("absolute", "You're always on your phone at dinner.", ["were on your phone at dinner"], ["always", "You're"]),
    ("feelings_blame", "you make me feel worthless", ["I felt worthless when [what happened]"], ["make me", "me felt"]),
    (
        "feelings_blame",
        "you make me feel stupid when you correct me in front of people",
        ["I felt stupid when you correct me in front of people"],
        ["me felt", "you felt", "I correct"],
    ),
    ("feelings_blame", "You ruined my whole week.", ["My whole week was hard for me after"], ["ruined"]),
    ("character", "you're so selfish", ["I felt overlooked when [what happened]"], ["selfish"]),
    ("character", "You're such a liar.", ["I felt lied to when"], ["liar"]),
    (
        "mind_reading",
        "you don't care about me",
        ["I've been feeling uncared for", "what was going on for you"],
        ["you don't care"],
    ),
    ("contempt", "nice job as usual, genius", ["I'm frustrated about [what happened]"], ["genius"]),
    (
        "accusatory_question",
        "How could you forget my birthday?",
        ["I was hurt when you forgot my birthday."],
        ["How could"],
    ),
    ("ultimatum", "Call me tonight or don't bother calling ever again.", ["Could you call me tonight?"], ["bother"]),
    ("ultimatum", "If you don't apologise by Friday, we're done.", ["Could you apologise by Friday?"], ["done"]),
    (
        "ultimatum",
        "If the full amount isn't in my account by 30 June, I will serve a notice.",
        ["Could you make sure the full amount is in my account by 30 June?"],
        ["serve"],
    ),
    # the ask survives a lead-in, a pronoun subject, texting and a positive condition; a repeat word
    # ("again", "one more time") belongs to the penalty, and "again" stays only where the writer said it
    (
        "ultimatum",
        "I'm telling you now so there's no confusion: if she isn't back by 6 on a Sunday again, I'll apply to court.",
        ["Could you make sure she's back by 6 on a Sunday?"],
        ["court", "again"],
    ),
    ("ultimatum", "if u dont call me tonight were done", ["Could you call me tonight?"], ["done"]),
    (
        "ultimatum",
        "If it isn't in my account by then, I'm taking you to small claims.",
        ["in my account by then?"],
        ["claims"],
    ),
    ("absolute", "It feels like you always do this when I'm presenting.", ["You did this when"], ["Like you"]),
    ("feelings_blame", "honestly living with u makes me miserable rn", ["I felt miserable when"], ["me miserable"]),
    (
        "ultimatum",
        "if you cancel one more time dont bother texting me",
        ["I'd rather you didn't cancel again."],
        ["bother"],
    ),
    (
        "ultimatum",
        "Listen, if you bring her to the wedding, don't expect me to show up.",
        ["I'd rather you didn't bring her to the wedding."],
        ["expect", "again"],
    ),
    (
        "threat",
        "Give me the money back by Sunday or I'll tell your boss everything.",
        ["Could you give me the money back by Sunday?"],
        ["boss"],
    ),
    ("urgency", "Answer me NOW.", ["Could you get back to me when you get a chance?"], ["NOW", "now"]),
    (
        "urgency",
        "I need you to call me back in the next ten minutes.",
        ["Could you call me back when you see this?"],
        ["ten minutes"],
    ),
    (
        "desperation",
        "PLEASE just come down for 5 minutes",
        ["Could you come down for 5 minutes?"],
        ["PLEASE", "please"],
    ),
    (
        "desperation",
        "I can't live without you.",
        ["I miss you, and I'd like to talk when you're ready."],
        ["can't live"],
    ),
    (
        "guilt_trip",
        "Fine, I'll just spend my birthday alone, again.",
        ["I'd really like to spend my birthday with you."],
        ["alone"],
    ),
    ("social_pressure", "Even your sister thinks you owe me an apology.", ["I'd like an apology."], ["sister"]),
    ("loaded_opener", "We need to talk.", ["Can we talk about [what it's about]"], []),
]


@pytest.mark.parametrize(("issue", "text", "must", "must_not"), MOVE_ROWS)
def test_moves(issue: str, text: str, must: list[str], must_not: list[str]) -> None:
    out = move(issue, text)
    for m in must:
        assert m in out, (text, out)
    for m in must_not:
        assert m not in out, (text, out)
    assert not fluency_problems(out), (out, fluency_problems(out))


def test_moves_never_invent_facts() -> None:
    for issue, text, *_ in MOVE_ROWS:
        out = re.sub(r"\[[^\]]*\]", "", move(issue, text))
        assert facts(out) <= facts(text) | {"i"}, (text, out, facts(out) - facts(text))


@pytest.mark.parametrize(
    "broken",
    [
        "I felt hurt when when you left.",
        "I felt hurt when.",
        "Could you [what you'd like?",
        "It made I feel small.",
        "I felt hurt ,and sad.",
        "I are tired.",
    ],
)
def test_fluency_check_catches_broken_text(broken: str) -> None:
    assert fluency_problems(broken)


def test_fluency_check_passes_clean_text() -> None:
    assert all_fluent(
        ["I felt hurt when [what happened].", "Could you call me tonight?", "so so tired lol", "after that."]
    )


DRAFTS = {
    "texting": "hey\nu never text me back\nyou make me feel so stupid\nanswer me NOW",
    "email": (
        "Hi Dana,\n\nThe deposit of £850 still hasn't come back and it's been five weeks. You're so unreliable. "
        "If you don't return the £850 by Friday, I'm taking you to small claims.\n\nThanks,\nPriya"
    ),
    "plain": "You ALWAYS do this!! You left Biscuit out in the rain on Sunday. Call me tonight or don't bother calling ever again.",
    "apology": "I'm sorry I forgot your birthday, that was careless of me. I'm sorry you feel so hurt though, you know I'm busy.",
}


@pytest.fixture(scope="module")
def rewritten(analyzer):
    return {k: analyzer.analyse(v, rewrites=True) for k, v in DRAFTS.items()}


def test_candidates_differ_are_clean_and_never_the_draft(rewritten) -> None:
    for name, r in rewritten.items():
        assert r.rewrites, name
        texts = [re.sub(r"\W+", " ", w.text.lower()).strip() for w in r.rewrites]
        assert len(set(texts)) == len(texts), name
        assert re.sub(r"\W+", " ", r.text.lower()).strip() not in texts, name
        for w in r.rewrites:
            assert 1 <= w.intensity <= 10 and w.style and w.text
            assert w.blame_sentences == 0 and not w.tactics and not w.safety, (name, w)


def test_first_candidate_is_the_light_edit_without_blanks(rewritten) -> None:
    for name, r in rewritten.items():
        first = r.rewrites[0]
        assert first.style == "light_touch", (name, first)
        assert "[" not in first.text, (name, first.text)
        assert first.intensity <= r.intensity.level


def test_light_edit_keeps_the_writers_words_facts_and_ask(rewritten) -> None:
    r = rewritten["email"]
    best = r.rewrites[0].text
    # the untouched sentence is there word for word, the layout too
    assert "The deposit of £850 still hasn't come back and it's been five weeks." in best
    assert best.startswith("Hi Dana,\n\n") and best.endswith("\n\nThanks,\nPriya"), best
    assert "friday" in best.lower() and keeps_ask(r, best)
    assert "small claims" not in best.lower() and "unreliable" not in best.lower()


def test_register_is_kept(rewritten) -> None:
    first = rewritten["texting"].rewrites[0].text
    # texting stays texting: lower case, a line per thought, no full stops added
    assert first == first.lower() and "\n" in first and not re.search(r"\.\s*$", first), first
    assert first.startswith("hey\n")


def test_repair_first_when_the_writer_apologises(rewritten) -> None:
    r = rewritten["apology"]
    assert "I'm sorry I forgot your birthday, that was careless of me." in r.rewrites[0].text
    repair = [w for w in r.rewrites if w.style == "repair_first"]
    assert repair and "forgive" not in repair[0].text.lower()


def test_suggestions_per_flagged_sentence(rewritten) -> None:
    r = rewritten["texting"]
    flagged = {s.index for s in r.sentences if s.phrasing == "blame" or s.tactics}
    assert {g.sentence for g in r.suggestions} == flagged
    for g in r.suggestions:
        assert g.issue and g.message and g.replacement is not None
        assert "[" not in g.replacement


def test_rewrites_are_fluent(rewritten) -> None:
    for r in rewritten.values():
        for g in r.suggestions:
            if g.replacement:
                assert not fluency_problems(g.replacement), g.replacement
        assert not fluency_problems(r.rewrites[0].text), r.rewrites[0].text


def test_a_lone_attack_says_there_is_no_message_to_keep(analyzer) -> None:
    r = analyzer.analyse("you're pathetic", rewrites=True)
    assert r.rewrites_note and "no message to keep" in r.rewrites_note
    assert [w.style for w in r.rewrites] == ["starter"] and "[" in r.rewrites[0].text


def test_a_clean_draft_gets_no_copy_of_itself(analyzer) -> None:
    text = "Can we move dinner to Thursday at 7? I finish late on Wednesday."
    r = analyzer.analyse(text, rewrites=True)
    assert all(w.text.strip() != text for w in r.rewrites)
    assert not r.suggestions
    if not r.rewrites:
        assert r.rewrites_note


def test_rewrite_command_prints_clean_candidates() -> None:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    p = subprocess.run(
        [sys.executable, "-m", "draftwise.cli", "rewrite", DRAFTS["plain"]],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert p.returncode == 0, p.stderr
    assert "1. " in p.stdout and "intensity" in p.stdout
    assert "[-" not in p.stdout and "{+" not in p.stdout  # changes only when asked
    p = subprocess.run(
        [sys.executable, "-m", "draftwise.cli", "rewrite", DRAFTS["plain"], "--changes"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert p.returncode == 0, p.stderr
    assert "changes: " in p.stdout and ("{+" in p.stdout or "[-" in p.stdout)
    p = subprocess.run(
        [sys.executable, "-m", "draftwise.cli", "rewrite", "-", "--json"],
        input=DRAFTS["plain"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    rec = json.loads(p.stdout)
    assert rec["rewrites"] and rec["suggestions"] and "rewrites_note" in rec


def test_batch_rewrites_fill_every_record(tmp_path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("you never listen\nthanks for dinner!\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = subprocess.run(
        [sys.executable, "-m", "draftwise.cli", "batch", str(src), "-o", str(out), "--rewrites", "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    # a lone "you never listen" has no message to keep: a starter, and the note that says so
    assert recs[0]["suggestions"] and recs[0]["rewrites"] and recs[0]["rewrites_note"]
    assert not recs[1]["suggestions"] and all(w["text"] != "thanks for dinner!" for w in recs[1]["rewrites"])


@pytest.mark.parametrize(
    ("line", "signoff"),
    [
        ("Shreya Nair", True),
        ("Mum x", True),
        ("Thanks,", True),
        ("Year 5 Teacher", True),
        ("Move the van.", False),
        ("call me", False),
        ("7", False),
    ],
)
def test_signoff_lines(line: str, signoff: bool) -> None:
    from draftwise.rewrite.style import is_signoff

    assert is_signoff(line) is signoff


def test_a_line_that_threatens_when_read_alone_is_edited_too(analyzer) -> None:
    """Beside calm lines the judge reads "Or your stuff goes in the skip." as neither blame nor a
    tactic; read alone it is a threat. The light edit leaves it out, says why, and keeps the rest.
    (The line changes when a retrained judge starts to flag it in context: "Or I'm telling everyone
    what you did." served until 2026-12-07.)"""
    text = "The rent for May is £900 and it was due on the 1st. Or your stuff goes in the skip. Could you let me know by Friday?"
    report = analyzer.analyse(text)
    line = report.sentences[1]
    assert not (line.tactics or line.blame_types), "the judge now flags it in context: this test needs a new line"
    rec = analyzer.analyse(text, rewrites=True)
    first = rec.rewrites[0]
    assert first.style == "light_touch" and "skip" not in first.text
    assert "£900" in first.text and "Could you let me know by Friday?" in first.text
    assert [(g.sentence, g.issue) for g in rec.suggestions] == [(1, "threat")]
    assert "Read on its own" in rec.suggestions[0].message
