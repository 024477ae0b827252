"""The light edit's pieces on tiny inputs: splicing keeps the layout, shouting is lowered, each handler edits."""

from __future__ import annotations

import dataclasses

import pytest

from draftwise.results import Evidence, SentenceResult
from draftwise.rewrite.edit import HANDLERS, Context, Edit, splice, unshout
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
        # a word or two in capitals: emphasis is lowered, an organisation keeps its capitals
        ("I rang ACAS about the THIRD missed payment", "I rang ACAS about the third missed payment"),
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
        # chasing goes, the ask and its real deadline stay, asked once as a request
        ("urgency", "Send me the form by Friday ASAP!!", "asap", "Could you send me the form by Friday?"),
        # a line of fact the model read as chasing stays word for word
        ("urgency", "I've rung the surgery twice since nine.", "rung", "I've rung the surgery twice since nine."),
        ("desperation", "it's been a month since the funeral", "month", "it's been a month since the funeral"),
        # "X again and I'll ...": what not to do again, without the penalty
        (
            "threat",
            "Borrow my charger again and I'll bin yours.",
            "and I'll bin",
            "Please don't borrow my charger again.",
        ),
        # a loaded opener that is really a request to ring is asked plainly
        (
            "loaded_opener",
            "Ring me after the match, it's serious.",
            "it's serious",
            "Could you ring me after the match?",
        ),
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


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        ("ring me the minute you land", "Could you ring me when you land?"),
        ("pick up the phone", "Could you get back to me when you see this?"),
        ("dad call me after work", "dad, could you call me after work?"),
        ("Do not share the spreadsheet with the client.", "Please don't share the spreadsheet with the client."),
        ("I need a yes or no from you by noon.", "I'd like a yes or no from you by noon."),
        # the pressure itself is not an ask
        ("don't test me", None),
        ("Don't worry about me, I'll manage.", None),
        ("keep talking about me and I'll tell your boss", None),
    ],
)
def test_polite_ask_keeps_the_ask_of_a_pressing_line(line: str, ask: str | None) -> None:
    from draftwise import nlp
    from draftwise.rewrite.edit import polite_ask

    assert polite_ask(nlp.parse(line)) == ask


@pytest.mark.parametrize(
    ("line", "issue", "plain"),
    [
        ("ive called the office 3 times", "urgency", True),
        ("answer me now", "urgency", False),
        ("I need it in the next hour.", "urgency", False),
        ("its been 3 weeks since u moved out", "desperation", True),
        ("i cant do this without u", "desperation", False),
        ("The boiler has been off since Friday.", "loaded_opener", True),
        ("we need to talk", "loaded_opener", False),
        ("not a text, a call", "loaded_opener", False),
    ],
)
def test_a_plain_statement_under_a_pressure_flag_is_kept(line: str, issue: str, plain: bool) -> None:
    from draftwise import nlp
    from draftwise.rewrite.edit import plain_statement

    assert plain_statement(nlp.parse(line), issue) is plain


def _edit(index: int, issue: str, replacement: str) -> Edit:
    return Edit(index, issue, replacement, "why")


def test_a_chase_said_three_times_is_asked_once_and_a_specific_ask_wins() -> None:
    from draftwise.rewrite.edit import _ask_once

    lines = ["answer me", "I need to know whether Thursday is on", "pick up"]
    flagged = [_sentence(t, "urgency", t.split()[0]) for t in lines]
    flagged = [dataclasses.replace(s, index=i) for i, s in enumerate(flagged)]
    edits = [
        _edit(0, "urgency", "Could you get back to me when you see this?"),
        _edit(1, "urgency", "Could you let me know whether Thursday is on?"),
        _edit(2, "urgency", "Could you get back to me when you see this?"),
    ]
    out = _ask_once(edits, flagged, asks_elsewhere=False)
    assert [e.replacement for e in out] == ["", "Could you let me know whether Thursday is on?", ""]


def test_when_every_asking_line_was_cut_one_comes_back_as_a_request() -> None:
    from draftwise.rewrite.edit import _keep_one_ask

    s = dataclasses.replace(_sentence("Bring the van back NOW or else.", "ultimatum", "or else"), index=0)
    out = _keep_one_ask([_edit(0, "ultimatum", "")], [s], _CTX)
    assert out[0].replacement == "Could you bring the van back?"


@pytest.mark.parametrize(
    ("ask", "clean"),
    [
        ("could u call me back in the next 5 min i mean it?", "could u call me back?"),
        ("Could you pick up pick up pick up?", "Could you pick up?"),
        ("could u come round tonight, dont make me come knocking?", "could u come round tonight?"),
        ("Could you answer your bloody phone?", "Could you answer your phone?"),
        ("Honestly, could you move the van by six?", "Could you move the van by six?"),
        # a dare, a sneer or a state is not a request a person can grant
        ("could u try me?", None),
        ("Could you see how long you keep that job?", None),
        ("could u need them?", None),
        ("Could you make sure the boiler is fixed by Monday?", "Could you make sure the boiler is fixed by Monday?"),
    ],
)
def test_a_generated_request_is_tidied_or_refused(ask: str, clean: str | None) -> None:
    from draftwise.rewrite.edit import clean_request

    assert clean_request(ask) == clean


@pytest.mark.parametrize(
    ("line", "owned"),
    [
        ("You made me look like a fool at the quiz in front of Jo.", "I felt like a fool at the quiz in front of Jo."),
        ("you make me feel like I'm talking to a wall", "I feel like I'm talking to a wall."),
        ("You embarrassed me in front of my manager, again.", "I felt embarrassed in front of my manager."),
    ],
)
def test_a_feeling_put_on_them_is_owned_with_the_drafts_own_scene(line: str, owned: str) -> None:
    from draftwise import nlp

    replacement, _ = HANDLERS["feelings_blame"](nlp.parse(line), _sentence(line, "feelings_blame", "me"), _CTX)
    assert replacement == owned


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        ("Why don't you take it to the talk page first?", "Could you take it to the talk page first?"),
        ("why cant u ever put the bins out", "Could you put the bins out?"),
        ("Why not just ask me?", "Could you ask me?"),
    ],
)
def test_why_dont_you_is_asked_as_a_request(line: str, ask: str) -> None:
    from draftwise import nlp

    replacement, _ = HANDLERS["accusatory_question"](
        nlp.parse(line), _sentence(line, "accusatory_question", "why"), _CTX
    )
    assert replacement == ask


def test_a_sentence_that_only_pointed_at_removed_text_goes_with_it() -> None:
    text = "u left the door unlocked again / my mum and ur sister both think ur careless / so its not just me / lock it pls"
    parts = text.split(" / ")
    out = splice(text, _spans(text, parts), {1: ""})
    assert out == "u left the door unlocked again / lock it pls"


@pytest.mark.parametrize(
    ("piece", "ok"),
    [
        ("Your code will result in 0.5.", True),
        ("As Sam points out.", False),
        ("Of the two answers?", False),
    ],
)
def test_a_trimmed_piece_must_still_be_a_sentence(piece: str, ok: bool) -> None:
    from draftwise.rewrite.edit import sayable

    assert sayable(piece) is ok


def test_why_did_you_just_is_told_without_the_adverb() -> None:
    from draftwise import nlp

    line = "Why did you just delete my section?"
    replacement, _ = HANDLERS["accusatory_question"](
        nlp.parse(line), _sentence(line, "accusatory_question", "why did you"), _CTX
    )
    assert replacement == "You deleted my section."


def test_an_echo_of_a_removed_sentence_goes_with_it() -> None:
    text = "I have rung you nine times today, you selfish cow. Nine. Please ring me back."
    parts = ["I have rung you nine times today, you selfish cow.", "Nine.", "Please ring me back."]
    assert splice(text, _spans(text, parts), {0: ""}) == "Please ring me back."


@pytest.mark.parametrize(
    ("line", "claim"),
    [
        ("You do realise that the page is protected, right?", "The page is protected."),
        ("Sam, you are aware that the deadline moved to May?", "Sam, the deadline moved to May."),
        ("do u even know what time it is", None),
        ("You do realise you are being ridiculous?", None),
    ],
)
def test_a_claim_inside_a_condescending_frame_is_said_plainly(line: str, claim: str | None) -> None:
    from draftwise.rewrite.edit import unframed_claim

    assert unframed_claim(line) == claim


@pytest.mark.parametrize(
    ("line", "imperative"),
    [
        ("just tell me ur ok", True),
        ("pls ring me", True),
        ("i can see ur online", False),
        ("ive called 6 times", False),
    ],
)
def test_an_imperative_may_open_with_an_adverb(line: str, imperative: bool) -> None:
    from draftwise import nlp
    from draftwise.rewrite.edit import is_imperative

    assert is_imperative(nlp.parse(line)) is imperative


def _trim(text: str, cue: str) -> str | None:
    from draftwise import nlp
    from draftwise.rewrite.edit import trim_cues

    a = text.index(cue)
    return trim_cues(nlp.parse(text), [(a, a + len(cue))])


@pytest.mark.parametrize(
    "text, cue",
    [
        ("I also noticed you never once took the bins out all term.", "never"),  # "I also noticed."
        ("I just think you were being really childish about the car.", "you were being really childish"),
    ],
)
def test_a_cut_that_leaves_a_verb_without_what_it_says_drops_the_sentence(text: str, cue: str) -> None:
    assert _trim(text, cue) is None


def test_words_that_meet_across_a_cut_keep_a_space() -> None:
    out = _trim("u cant keep anything to urself, u never could", "never")
    assert out is None or ("urselfcould" not in out and not out.endswith("could"))


def test_what_is_left_may_not_point_at_the_cut_clause() -> None:
    assert _trim("I lent you my car all summer, and this is how you thank me.", "I lent you my car all summer") is None


@pytest.mark.parametrize(
    "line, name",
    [("Frankly, this is a mess.", None), ("Honestly, this is a mess.", None), ("Emily, this is a mess.", "Emily")],
)
def test_an_adverb_that_opens_a_line_is_not_a_name(line: str, name: str | None) -> None:
    from draftwise.rewrite.edit import vocative

    assert vocative(line) == name


@pytest.mark.parametrize(
    "line, ask",
    [
        ("either she starts paying her share on time or im moving out", "Could she start paying her share on time?"),
        (
            "Either he cleans the bathroom this week or I'm telling the landlord.",
            "Could he clean the bathroom this week?",
        ),
    ],
)
def test_an_either_or_about_someone_else_keeps_the_ask(line: str, ask: str) -> None:
    from draftwise import nlp
    from draftwise.rewrite import moves

    assert moves.ask_from_pressure(nlp.parse(line)) == ask


@pytest.mark.parametrize(
    "draft, kept, gone",
    [
        pytest.param(
            "The boiler has been broken since Monday and we have a baby. I need someone out today, not tomorrow, "
            "not next week, TODAY.",
            "I need someone out today.",
            "not tomorrow",
            marks=pytest.mark.xfail(
                strict=True,
                reason="known regression of the judge retrained with the rewrite parts' drafts (0787efd): it reads "
                "'I need someone out today.' as urgency even alone, so the recast ask is dropped",
            ),
        ),
        (
            "That's the fourth weekend running. I'll just sit here on my own again then. Could you come over on Sunday?",
            "Could you come over on Sunday?",
            "sit here with you",
        ),
        # the penalty after the ask goes whole: recast, its condition would only say the ask again
        (
            "Please send the deposit back by Friday, it's £450. If it's not in my account by then, don't bother ringing me again.",
            "send the deposit back by Friday",
            "by then",
        ),
    ],
)
def test_a_deadline_is_said_once_and_a_state_is_not_turned_into_a_wish(
    analyzer, draft: str, kept: str, gone: str
) -> None:
    first = analyzer.analyse(draft, rewrites=True).rewrites[0].text
    assert kept in first and gone not in first


@pytest.mark.parametrize(
    "draft, kept, gone",
    [
        # a plea's command is asked, even beside another ask
        (
            "I failed the module by two marks. Please, I'm begging you, mark it again, my visa depends on this. "
            "Could you also tell me when the resit is?",
            "Could you mark it again?",
            "depends on this",
        ),
        # the choice an ultimatum offered goes with its penalty
        (
            "You've missed three rehearsals this month. Either you come on Tuesday at 7 or you're out of the band. "
            "Your call.",
            "Tuesday at 7",
            "Your call",
        ),
        # a statement asked in disbelief is said as the statement
        ("U BINNED MY NOTES???\nthey were for the exam on friday\npls check the recycling", "u binned my notes", "???"),
        # the feeling stays the writer's, the cause put on them goes
        (
            "i missed the bus and now i feel like an idiot thanks to u\ncan u ring the school",
            "i feel like an idiot",
            "thanks to u",
        ),
    ],
)
def test_moves_that_keep_the_message(analyzer, draft: str, kept: str, gone: str) -> None:
    first = analyzer.analyse(draft, rewrites=True).rewrites[0].text
    assert kept.lower() in first.lower() and gone not in first, first


def test_a_loaded_opener_keeps_its_question() -> None:
    from draftwise import nlp

    line = "hey r u around tonight, we need to talk"
    replacement, _ = HANDLERS["loaded_opener"](
        nlp.parse(line), _sentence(line, "loaded_opener", "we need to talk"), _CTX
    )
    assert replacement.startswith("hey r u around tonight") and "talk" not in replacement


def test_a_request_loses_a_comparison_and_a_clause_of_its_own_but_not_its_object() -> None:
    from draftwise.rewrite.edit import clean_request

    assert clean_request("Could you turn up at 8 like everyone else?") == "Could you turn up at 8?"
    assert (
        clean_request("Could you check the boiler again, my rent depends on it?") == "Could you check the boiler again?"
    )
    assert clean_request("Could you check the boiler again, the one in the loft?") == (
        "Could you check the boiler again, the one in the loft?"
    )


@pytest.mark.parametrize(
    "draft, first",
    [
        # the point kept without the swearing, the request without the sneer, the claim without the jab
        (
            "Ok, then what the actual fuck is your plan for the car park?",
            "Ok, then what is your plan for the car park?",
        ),
        ("Can you post the source, or is this more of the usual nonsense from your lot?", "Can you post the source?"),
        (
            "Putting any striker on the same level as Pele is absurd and you should be embarrassed for spreading such "
            "nonsense.",
            "Putting any striker on the same level as Pele is absurd.",
        ),
    ],
)
def test_a_draft_that_is_all_blame_keeps_its_point_when_one_is_there(analyzer, draft: str, first: str) -> None:
    report = analyzer.analyse(draft, rewrites=True)
    assert report.rewrites and report.rewrites[0].text == first, report.rewrites
    assert report.rewrites_note is None


@pytest.mark.parametrize(
    "sentence, question, piece",
    [
        ("ok so what the actual fuck is your plan for the bins?", True, "ok so what is your plan for the bins?"),
        ("Can you post the source, or is this more of the usual nonsense?", True, "Can you post the source?"),
        (
            "Calling a lineout a maul is wrong and you should be embarrassed.",
            False,
            "Calling a lineout a maul is wrong.",
        ),
    ],
)
def test_pieces_of_a_sentence(sentence: str, question: bool, piece: str) -> None:
    from draftwise.rewrite.edit import pieces

    assert piece in pieces(sentence, question=question)


def test_a_lone_insult_still_gets_the_starter(analyzer) -> None:
    report = analyzer.analyse("you are such a loser", rewrites=True)
    assert report.rewrites_note and "[" in report.rewrites[0].text


def test_salvage_never_takes_a_piece_of_a_draft_with_a_tactic(analyzer) -> None:
    report = analyzer.analyse("pay me the £50 by friday or i post the screenshots, u lying idiot", rewrites=True)
    assert all("screenshots" not in w.text for w in report.rewrites)


def test_pieces_never_cut_inside_a_quotation_or_leave_a_dangling_end() -> None:
    from draftwise.rewrite.edit import pieces

    got = pieces(
        'can you explain how u can tell someone "oh ignore him, he is new" when you know better?', question=True
    )
    assert all(p.count('"') % 2 == 0 for p in got)
    assert "This wasn't him forcing her to get." not in pieces(
        "This wasn't him forcing her to get a loan dude like seriously you are being ridiculous."
    )


def test_a_placeholder_in_capitals_is_not_shouting() -> None:
    assert unshout("YOU TOLD [NAME] ABOUT IT") == "You told [NAME] about it"


@pytest.mark.parametrize(
    "parts, cut, kept",
    [
        # a line regretting the consequence goes with the consequence
        (
            [
                "The bins were out until Thursday.",
                "If it happens again I'll report it.",
                "I'd rather not do that, we get on.",
            ],
            1,
            "The bins were out until Thursday.",
        ),
        # a verbless tail of the cut line goes with it
        (["The pans are still on the hob.", "We're all sick of it.", "Sam and Jo included.", "Rota tonight?"], 1, None),
        # "That said," pointed at the cut line
        (["I saw the booking.", "You never ask me.", "That said, I know it matters to him."], 1, None),
    ],
)
def test_a_line_that_leans_on_a_cut_line(parts: list[str], cut: int, kept: str | None) -> None:
    text = " ".join(parts)
    out = splice(text, _spans(text, parts), {cut: ""})
    if kept is not None:
        assert out == kept
    assert "included" not in out and "That said" not in out and "rather not" not in out
    if "That said" in text:
        assert out.endswith("I know it matters to him.")


def test_a_name_the_draft_shouted_is_not_a_new_fact() -> None:
    from draftwise.rewrite.check import new_facts

    assert new_facts("RHIANNON where is my green dress", "Rhiannon where is my green dress") == []
    assert new_facts("see you on Friday at 6", "see you on Friday at 7 with Dave") == ["7", "dave"]


@pytest.mark.parametrize(
    ("request_text", "ok"),
    [
        ("Could you read it again?", True),
        ("Could you set a date?", True),
        ("Could you swore on your mum it would be back by Easter?", False),  # a past tense the parse called VB
        ("Could you left it?", False),
    ],
)
def test_a_request_needs_the_base_form(request_text: str, ok: bool) -> None:
    from draftwise.rewrite.edit import well_formed_request

    assert well_formed_request(request_text) is ok


@pytest.mark.parametrize(
    ("text", "backref"),
    [
        ("And so do I.", True),
        ("yes i will actually do it", True),
        ("I mean it.", True),
        ("That's the truth of it.", True),
        ("so its not just me", True),
        ("So do I need to bring anything?", False),
        ("i will do it tomorrow", False),
        ("I mean it when I say thank you for the lift.", False),
        # siding with the line before
        ("ngl im starting to agree", True),
        ("I'm inclined to think she's right.", True),
        ("and tbh i agree with them", True),
        ("I agree we should split it three ways.", False),
    ],
)
def test_a_line_that_only_vouches_for_another(text: str, backref: bool) -> None:
    """A kept line that only agrees with or vouches for a removed one goes with it (edit.only_backref)."""
    from draftwise.rewrite.edit import only_backref

    assert only_backref(text) == backref


@pytest.mark.xfail(
    strict=True,
    reason="known regression of the judge retrained with the rewrite parts' drafts (0787efd): it reads the "
    "recast 'can we talk?' as a loaded opener though the next line names the topic, so only that line is kept",
)
def test_a_loaded_opener_whose_topic_is_named_on_the_next_line_becomes_a_plain_ask(analyzer) -> None:
    """'we need to talk' followed by what it is about: ask plainly and keep the line that names the topic."""
    rec = analyzer.analyse("we need to talk.\nits about the money for the holiday", rewrites=True)
    first = rec.rewrites[0]
    assert first.style == "light_touch"
    assert first.text.lower().startswith("can we talk") and "money for the holiday" in first.text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("its about the flat", True),
        ("It's regarding the deposit.", True),
        ("it's about time you paid me back", False),
        ("It's fine.", False),
    ],
)
def test_topic_lines(text: str, topic: bool) -> None:
    from draftwise.rewrite.edit import is_topic_line

    assert is_topic_line(text) == topic


@pytest.mark.parametrize(
    "line, ask",
    [
        # an imperative the tagger knows but the list of polite verbs does not
        ("cancel the booking by monday or im telling everyone", "Could you cancel the booking by monday?"),
        # a named someone else: the request is to the reader, about them
        (
            "Either Biscuit is rehomed by June or I'm moving out.",
            "Could you make sure Biscuit is rehomed by June?",
        ),
        ("either we split the bill evenly or im not coming again", "Could we split the bill evenly?"),
        # a second thing the reader may choose is part of the ask, not the penalty
        (
            "fix the leak by thursday or give me £50 off the rent, otherwise i'm calling the council",
            "Could you fix the leak by thursday or give me £50 off the rent?",
        ),
        ("if theyre not fed by 6 ur not babysitting again", "Could you make sure they're fed by 6?"),
        (
            "either it goes off by 11 on school nights or im sleeping at my mums",
            "Could you make sure it goes off by 11 on school nights?",
        ),
        (
            "Either half of Omar's rota is moved by the 1st, or I'm leaving.",
            "Could you make sure half of Omar's rota is moved by the 1st?",
        ),
    ],
)
def test_an_ultimatum_keeps_its_ask_and_deadline(line: str, ask: str) -> None:
    from draftwise import nlp
    from draftwise.rewrite import moves

    assert moves.ask_from_pressure(nlp.parse(line)) == ask


def test_an_or_before_a_penalty_still_splits() -> None:
    from draftwise import nlp
    from draftwise.rewrite import moves

    # "get out" is not an ask the reader may choose instead: it is the penalty
    assert moves.ask_from_pressure(nlp.parse("pay me by friday or get out")) == "Could you pay me by friday?"


@pytest.mark.parametrize(
    "line, penalty",
    [
        ("or i'm showing your dad the texts", True),
        ("Otherwise the whole street hears about it.", True),
        ("If not, the receipts go up on the group chat.", True),
        ("or just drop it round mine and we'll call it even", False),
        ("or could we split it over two months?", False),
        ("or i can collect it on saturday if thats easier", False),
        ("or send half now and half in june", False),
        ("If not, I'll need the keys back by the 30th.", False),
        ("or is there a better time?", False),
    ],
)
def test_a_line_that_opens_with_or_is_a_penalty_only_when_it_says_what_will_happen(line: str, penalty: bool) -> None:
    from draftwise.rewrite.edit import is_penalty_line

    assert is_penalty_line(line) is penalty


def _dropped_though_read_as_calm(analyzer, draft: str, marker: str) -> bool:
    """Whether the plan leaves out the sentence holding ``marker`` when the analysis flags nothing in it.

    The form rules of the edit (a penalty line, sarcastic praise, backing) are for lines the analysis
    misses; the analysis may flag the test line itself, so its labels are cleared first.
    """
    from draftwise.rewrite import edit
    from draftwise.rewrite.style import detect

    report = analyzer.analyse(draft)
    calm = tuple(
        dataclasses.replace(s, tactics=(), blame_types=(), phrasing="neutral") if marker in s.text else s
        for s in report.sentences
    )
    report = dataclasses.replace(report, sentences=calm)
    register = detect(draft, [s.text for s in report.sentences])
    line = next(s.index for s in report.sentences if marker in s.text)
    return any(e.sentence == line and e.replacement == "" for e in edit.plan(report, register))


def test_a_penalty_on_its_own_line_goes_even_when_the_analysis_misses_it(analyzer) -> None:
    draft = (
        "you borrowed my camera 3 weeks ago\ncan u bring it back by sunday\n"
        "or i'm showing ur dad the photos from that party\nnot even joking"
    )
    # the analysis reads such a line as calm in some longer drafts
    assert _dropped_though_read_as_calm(analyzer, draft, "showing")


def test_a_vouching_line_goes_with_the_line_it_vouches_for() -> None:
    text = "can u bring it back by sunday\nor i'm showing ur dad the photos\nnot even joking"
    spans = [(0, 29), (30, 62), (63, 78)]
    assert splice(text, spans, {1: ""}) == "can u bring it back by sunday"


@pytest.mark.parametrize(
    "line, ask",
    [
        (
            "If I haven't received the invoice by Monday, I'll cancel the order.",
            "Could you send me the invoice by Monday?",
        ),
        ("if i dont hear from you by friday ill take it further", "Could you get back to me by friday?"),
        ("everyone out by midnight or im calling the landlord", "Could you get everyone out by midnight?"),
    ],
)
def test_a_wait_or_a_state_with_a_deadline_is_asked_of_the_reader(line: str, ask: str) -> None:
    from draftwise import nlp
    from draftwise.rewrite import moves

    assert moves.ask_from_pressure(nlp.parse(line)) == ask


def test_begging_goes_with_its_adverb() -> None:
    from draftwise.rewrite import moves

    assert moves.strip_begging("i need it by tomorrow, i am literally begging you") == "i need it by tomorrow,"


def test_a_plea_trimmed_to_its_facts_leaves_the_next_plea_its_ask(analyzer) -> None:
    draft = (
        "my boiler has been broken since monday, job ref 22841\n"
        "i have a newborn and if its not fixed by tonight we cant stay here, im literally begging you\n"
        "please please just send someone TODAY\ncan u at least tell me when the part arrives"
    )
    first = analyzer.analyse(draft, rewrites=True).rewrites[0].text
    assert "send someone today" in first and "by tonight" in first and "begging" not in first
    assert "literally" not in first


@pytest.mark.parametrize(
    "line, complaint, sarcastic",
    [
        ("brilliant customer care, truly world class", False, True),
        ("thanks for nothing 🙄", False, True),
        ("lovely parking job as always 👏", True, True),
        ("lovely parking job as always 👏", False, False),
        ("thanks for sorting the bins as always x", True, False),
        ("cheers for covering my shift, i owe you one", True, False),
        ("Thanks so much for the lift, really appreciated.", True, False),
    ],
)
def test_sarcastic_praise_is_read_by_its_marks(line: str, complaint: bool, sarcastic: bool) -> None:
    from draftwise.rewrite.edit import is_sarcastic_praise

    assert is_sarcastic_praise(line, complaint) is sarcastic


def test_a_line_of_sarcastic_praise_is_left_out_even_when_the_analysis_reads_it_as_warm(analyzer) -> None:
    draft = (
        "the parcel was left in the rain on 3 march\nbrilliant customer care, truly world class\ncan u refund the £30?"
    )
    assert _dropped_though_read_as_calm(analyzer, draft, "world class")


def test_someone_brought_in_as_backing_goes_in_a_draft_that_complains(analyzer) -> None:
    draft = (
        "You said you'd pay your half of the gas by the 5th. It's the 19th now. "
        "Even my dad said that's out of order. You're so tight with money. Please send the £45 this week."
    )
    assert _dropped_though_read_as_calm(analyzer, draft, "my dad")


@pytest.mark.parametrize(
    "line, backing",
    [
        ("Even my dad said that's out of order.", True),
        ("i asked priya and even she agreed its not fair", True),
        ("I paid even though we agreed to split it.", False),
        ("even if you're late, text me", False),
    ],
)
def test_backing_is_even_someone_saying_so(line: str, backing: bool) -> None:
    from draftwise.rewrite.edit import _EVEN_THEY_SAID

    assert bool(_EVEN_THEY_SAID.search(line)) is backing


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]", text)]


@pytest.mark.parametrize(
    ("text", "cut", "replacement", "expected"),
    [
        # a clause that finished the cut line goes with it
        (
            "I'm sorry I called you that. You've always been like this. Even when we were together. Can we keep apart?",
            1,
            "",
            "I'm sorry I called you that. Can we keep apart?",
        ),
        # a comment on the cut line goes with it
        (
            "Hi Cal. You're completely irresponsible. And I can't say I'm surprised. I need your share.",
            1,
            "",
            "Hi Cal. I need your share.",
        ),
        # a preface announced the cut line
        (
            "Hi Sam. I'll be honest. You're a nightmare. Could you pay by Friday?",
            2,
            "",
            "Hi Sam. Could you pay by Friday?",
        ),
        # all a cut left is the preface, or a short tail on a pronoun whose person was cut
        (
            "The pack is done. I'll be honest, it feels like a punishment. Could you approve it?",
            1,
            "I'll be honest.",
            "The pack is done. Could you approve it?",
        ),
        (
            "She visits daily. Even Rohan agrees it's too much, and he's your son. Could you text first?",
            1,
            "He's your son.",
            "She visits daily. Could you text first?",
        ),
        (
            "She visits daily. Even Rohan agrees it's too much, and he's your son. Could you text first?",
            1,
            "And he's your son.",
            "She visits daily. Could you text first?",
        ),
        # a verdict on the reader that only set up the cut half
        (
            "The rent is late. You're clever; you're just lazy with money. Could you pay by Friday?",
            1,
            "You're clever.",
            "The rent is late. Could you pay by Friday?",
        ),
        # agreeing with backing the cut took away
        (
            "The bins are out again. Dad says you're careless and I'm inclined to think he's right. Can you do Mondays?",
            1,
            "I'm inclined to think he's right.",
            "The bins are out again. Can you do Mondays?",
        ),
    ],
)
def test_a_kept_line_that_only_leans_on_a_cut_one_goes_with_it(
    text: str, cut: int, replacement: str, expected: str
) -> None:
    assert splice(text, _sentence_spans(text), {cut: replacement}) == expected


def test_an_offer_after_a_regretted_penalty_stays() -> None:
    """The regret goes with the penalty a recast removed; an offer joined to it is the writer's and stays."""
    text = (
        "Either the rent is paid by the 1st, or you move out. "
        "I'd rather it didn't come to that, and I'm happy to look at a payment plan with you."
    )
    out = splice(text, _sentence_spans(text), {0: "Could you make sure the rent is paid by the 1st?"})
    assert out == "Could you make sure the rent is paid by the 1st? I'm happy to look at a payment plan with you."


@pytest.mark.parametrize(
    ("line", "calm"),
    [
        ("be back by 6 from now on", "be back by 6 from now on"),
        ("thats fine for now, ring me now", "thats fine for now, ring me"),
        # the deadline said once is the deadline; "not next week, today" is the pressure
        ("I need the deposit back today, not next week, today.", "I need the deposit back today."),
    ],
)
def test_now_as_a_time_is_not_chasing(line: str, calm: str) -> None:
    from draftwise.rewrite import moves

    assert moves.strip_chasing(line) == calm


def test_an_offer_under_a_plea_stays_and_a_debt_claim_goes(analyzer) -> None:
    draft = (
        "rent is £300 short this month\nive got no one else, ur my only hope\n"
        "im begging u, ill pay u back on the 15th i swear\nafter all the lifts i gave u u owe me this much"
    )
    first = analyzer.analyse(draft, rewrites=True).rewrites[0].text
    assert "pay u back on the 15th" in first and "begging" not in first
    assert "owe me" not in first


def test_a_plea_with_nothing_to_ask_goes(analyzer) -> None:
    draft = (
        "Hi Jo, I've been put on the Saturday rota from May. I can't do Saturdays because of my dad's care. "
        "Please, I'm begging you, don't do this to me. Can we talk about it before Friday?"
    )
    first = analyzer.analyse(draft, rewrites=True).rewrites[0].text
    assert "do this to me" not in first.lower() and "before Friday" in first and "dad's care" in first


def test_a_line_of_its_own_after_a_cut_stays() -> None:
    text = "You're a nightmare. When you're free, could you ring me? It's about the car."
    assert splice(text, _sentence_spans(text), {0: ""}) == "When you're free, could you ring me? It's about the car."


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        # the line after an apology turns to what the reader did: it goes
        (
            "Hi Sam, I'm sorry I was late on Friday. But to be fair, you told me seven, not six. Can we try again?",
            {1: ""},
        ),
        # the apology's own second half does: the line stops at the apology
        ("sorry I forgot the milk, but you never remind me. can u text me a list?", {0: "sorry I forgot the milk."}),
        # a fact about their office grounds the request; a repair after "that said" is the point
        ("I'm sorry I missed it, but your reminder went to my old number. Please cancel the fee.", {}),
        ("I'm sorry I missed the call. That said, I've rebooked for Tuesday at 10.", {}),
        # "sorry, but you ..." is an accusation; after the writer owned what they did, the sorry stays
        ("The detention was on Monday. I'm sorry, but you've always had it in for him. Can we meet?", {1: ""}),
        ("I know I shouted at you. I'm sorry, but you pushed me to it. Can we talk one to one?", {1: "I'm sorry."}),
    ],
)
def test_an_apology_taken_back_loses_the_excuse(analyzer, draft: str, expected: dict[int, str]) -> None:
    from draftwise.rewrite.edit import _taken_back

    report = analyzer.analyse(draft)
    assert {e.sentence: e.replacement for e in _taken_back(report, [])} == expected


def test_a_second_penalty_with_no_subject_goes_with_the_cut_one() -> None:
    text = "stay off my drive\nif u park there again ill post the photos on the street group\nand tag ur boss too"
    parts = text.split("\n")
    assert splice(text, _spans(text, parts), {1: ""}) == "stay off my drive"
    # a line with its own subject stands once its "and" goes; after a cut insult an ask stays
    text = "ur a joke\nand i need the car back by 6"
    assert splice(text, _spans(text, text.split("\n")), {0: ""}) == "i need the car back by 6"
    text = "ur a joke\nand call me when u can"
    assert splice(text, _spans(text, text.split("\n")), {0: ""}) == "call me when u can"


def test_the_writers_need_outlasts_a_chase_for_a_reply(analyzer) -> None:
    """When every flagged line asks, the chase for a reply goes before the writer's own ask."""
    draft = (
        "dev where is my £120\nu said payday in april\nits july\ni need it back by saturday\n"
        "or dont bother coming to my birthday\nand answer me today, im done waiting"
    )
    first = analyzer.analyse(draft, rewrites=True).rewrites[0].text
    assert "i need it back by saturday" in first and "birthday" not in first


def test_the_martyr_line_is_not_what_is_left_of_a_guilt_trip(analyzer) -> None:
    draft = (
        "Hi Tom, you've missed the last three Sundays with Dad. Don't worry about me, I'm only his daughter. "
        "Could you take this Sunday?"
    )
    first = analyzer.analyse(draft, rewrites=True).rewrites[0].text
    assert "only his daughter" not in first and "this Sunday" in first


@pytest.mark.parametrize(
    ("text", "cut", "replacement", "expected"),
    [
        # a short tail of a cut line ("...the worst landlord ive ever had"), or a tail whose person was cut
        (
            "The boiler is off again. Ur the worst landlord ive ever had. Can u send someone?",
            1,
            "ive ever had.",
            "The boiler is off again. Can u send someone?",
        ),
        (
            "Visits are too much. Even Sam says so, and he said he'd tell you himself. Could you text first?",
            1,
            "And he said he'd tell you himself.",
            "Visits are too much. Could you text first?",
        ),
        # a clause left of a cut line, and a hedge on the line cut before it
        (
            "It hurt. You love gossip, even when it's my life. I know that may not be fair. Please stop.",
            1,
            "Even when it's my life.",
            "It hurt. Please stop.",
        ),
        # what is left of a plea is its ask, short or not
        ("im stuck in town\npls dont tell mum", 1, "dont tell mum", "im stuck in town\ndont tell mum"),
    ],
)
def test_what_a_cut_leaves_that_cannot_stand_goes(text: str, cut: int, replacement: str, expected: str) -> None:
    spans = _sentence_spans(text) if "\n" not in text else _spans(text, text.split("\n"))
    assert splice(text, spans, {cut: replacement}) == expected


def test_then_that_ends_a_time_stays_in_a_recast_condition() -> None:
    from draftwise import nlp
    from draftwise.rewrite import moves

    line = "If it's not in my account by then, don't bother ringing me again."
    assert moves.ask_from_pressure(nlp.parse(line)) == "Could you make sure it's in my account by then?"


def test_a_penalty_that_only_restates_the_ask_goes_whole(analyzer) -> None:
    """'If it isn't in by then, I'll ...' after the ask says the ask again; a condition that alone gives the deadline stays."""
    restated = (
        "Hi Sam, the £600 for the van was due on the 1st. I need the full amount by Friday 9 May. "
        "If it isn't in by then, I'll take it to the small claims court."
    )
    first = analyzer.analyse(restated, rewrites=True).rewrites[0].text
    assert "by then" not in first and "Friday 9 May" in first and "court" not in first
    from draftwise.rewrite.edit import _new_deadline

    assert _new_deadline("Could you make sure it is back by the end of next week?", "Please refund the £145.")
    assert not _new_deadline("Could you make sure it is in by then?", "I need it by Friday.")
