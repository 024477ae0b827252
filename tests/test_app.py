"""The Streamlit app as a person uses it, through streamlit.testing.v1.AppTest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
HEATED = "You ALWAYS do this!! You left Biscuit out in the rain on Sunday. Call me tonight or don't bother calling ever again."


@pytest.fixture()
def at() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=180)
    app.run()
    assert not app.exception
    return app


def texts(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown) + "\n".join(x.value for x in app.caption)


def test_paste_and_see_findings(at: AppTest) -> None:
    at.text_area(key="draft").input(HEATED).run()
    assert not at.exception
    page = texts(at)
    assert 'class="dw-draft"' in page and "dw-cue" in page  # highlighted draft with marked cue words
    assert "**Describe**" in page and "**Appear confident**" in page  # the seven DEAR MAN rows
    assert "partly · **Assert**" in page  # the ask inside the ultimatum is credited
    assert 'class="dw-verdict dw-verdict-hurts"' in page and "heard as blame" in page and "ultimatum" in page
    assert "✗ Pressure: Ultimatum" in page and "Neutral" not in page  # a tactic sentence reads as Pressure
    assert 'aria-label="intensity' in page  # the gauge
    assert ("Ultimatum" in page and "don&#x27;t bother" in page) or "don't bother" in page


def test_example_is_one_click_away(at: AppTest) -> None:
    at.button(key="ex_We need to talk").click().run()
    assert at.text_area(key="draft").value.startswith("We need to talk")
    assert "Loaded opener" in texts(at)


SUICIDAL = "i don't really see the point anymore. everyone would be better off without me. sorry for everything"


def test_safety_mode_shows_resources_first_and_no_coaching(at: AppTest) -> None:
    at.text_area(key="draft").input(SUICIDAL).run()
    assert not at.exception
    assert at.subheader and "Before anything about wording" in at.subheader[0].value
    page = texts(at)
    assert "988" in page and "116 123" in page and "findahelpline" in page
    # no coaching: no highlighted draft, no DEAR MAN, no intensity gauge, no blame or apology labels
    assert "dw-draft" not in page and "**Describe**" not in page and "intensity" not in page.lower()
    assert "Contempt" not in page and "Partial apology" not in page
    assert all(h.value != "DEAR MAN" for h in at.subheader)


def test_safety_mode_show_anyway_reveals_the_analysis(at: AppTest) -> None:
    at.text_area(key="draft").input(SUICIDAL).run()
    at.button(key="show_anyway").click().run()
    assert not at.exception
    page = texts(at)
    assert "988" in page  # the resources stay on top
    assert "dw-draft" in page and any(h.value == "DEAR MAN" for h in at.subheader)


def test_safety_mode_offers_no_rewrites(at: AppTest) -> None:
    at.text_area(key="draft").input(SUICIDAL).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    assert not at.exception
    assert not [b for b in at.button if b.key and b.key.startswith("use_")]
    assert any("No rewrites are offered" in i.value for i in at.info)
    assert "988" in texts(at)


def test_sleep_on_it_when_late(at: AppTest) -> None:
    import datetime

    at.text_area(key="draft").input("Can you send the invoice?").run()
    assert not at.info or "late" not in at.info[0].value
    at.time_input(key="writing_at").set_value(datetime.time(1, 30)).run()
    assert any("late" in i.value for i in at.info)


def test_user_text_is_escaped(at: AppTest) -> None:
    evil = 'you never listen <script>alert("x")</script> <img src=x onerror=alert(1)>'
    at.text_area(key="draft").input(evil).run()
    html_blocks = [m.value for m in at.markdown if "dw-draft" in m.value]
    assert html_blocks and "<script>" not in html_blocks[0] and "<img" not in html_blocks[0]
    assert "&lt;script&gt;" in html_blocks[0]


def test_pick_a_rewrite_edit_and_recheck(at: AppTest) -> None:
    at.text_area(key="draft").input(HEATED).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    assert not at.exception
    buttons = [b for b in at.button if b.key and b.key.startswith("use_")]
    assert len(buttons) >= 2  # the light edit first, and only candidates that really differ
    page = texts(at)
    assert page.count('class="dw-clean"') >= 3 and "dw-slot" in page  # the draft and each candidate, clean
    diffs = page.count('class="dw-diff"')  # the per-sentence suggestions only
    at.toggle(key="show_changes").set_value(True).run()
    assert texts(at).count('class="dw-diff"') == diffs + len(buttons)  # each candidate now shows its changes
    at.button(key="use_1").click().run()
    chosen = at.text_area(key="edited").value
    assert chosen and chosen != HEATED
    at.text_area(key="edited").input(chosen + " Thank you.").run()
    at.button(key="recheck").click().run()
    assert any("Re-checked" in m.value for m in at.markdown)
    assert "dl_txt" in {d.key for d in at.get("download_button")}


def test_blanks_are_counted_before_copy(at: AppTest) -> None:
    at.text_area(key="draft").input(HEATED).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    at.text_area(key="edited").input("On [when] you said [what]. Could you call me tonight?").run()
    assert any("Two blanks still to fill" in w.value for w in at.warning)
    at.text_area(key="edited").input("Could you call me tonight?").run()
    assert not any("blank" in w.value for w in at.warning)


def test_recheck_is_cleared_when_the_draft_changes(at: AppTest) -> None:
    at.text_area(key="draft").input(HEATED).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    at.button(key="recheck").click().run()
    assert any("Re-checked" in m.value for m in at.markdown)
    first_edit = at.text_area(key="edited").value
    at.radio(key="view").set_value("Check a draft").run()
    at.text_area(key="draft").input("We need to talk. Call me when you get this.").run()
    at.radio(key="view").set_value("Compare rewrites").run()
    assert not at.exception
    assert not any("Re-checked" in m.value for m in at.markdown)  # draft 1's re-check is gone
    assert at.text_area(key="edited").value != first_edit  # the editor follows the new draft


def test_check_this_in_full_sends_the_edit_to_the_check_view(at: AppTest) -> None:
    at.text_area(key="draft").input(HEATED).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    at.text_area(key="edited").input("Could you call me tonight? It would mean a lot.").run()
    at.button(key="check_full").click().run()
    assert at.radio(key="view").value == "Check a draft"
    assert at.text_area(key="draft").value == "Could you call me tonight? It would mean a lot."
    assert "dw-verdict" in texts(at)


def test_a_candidate_equal_to_the_draft_is_never_listed(at: AppTest) -> None:
    draft = "Can you send the invoice?"
    at.text_area(key="draft").input(draft).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    assert not at.exception
    cards = [m.value for m in at.markdown if 'class="dw-clean"' in m.value]
    assert cards[0].count(draft) == 1  # the draft itself, once
    assert all(draft != c.split(">", 1)[1].rsplit("<", 1)[0] for c in cards[1:])


def test_not_a_request_says_so_instead_of_hints(at: AppTest) -> None:
    at.text_area(key="draft").input("lol ok").run()
    assert any("DEAR MAN does not apply" in i.value for i in at.info)
    assert "not yet" not in texts(at)


def test_markdown_in_a_draft_never_becomes_a_link(at: AppTest) -> None:
    at.text_area(key="draft").input("Pay me by tonight or [click here](http://evil.example) **now**").run()
    assert not at.exception
    shown = [m.value for m in at.markdown if "click here" in m.value]
    assert shown
    for value in shown:  # inside an escaped HTML block, or backslash-escaped Markdown: never a live link
        assert value.lstrip().startswith("<") or "\\[click here\\]" in value
    html_blocks = [m.value for m in at.markdown if "dw-" in m.value]
    assert all("\n\n" not in b for b in html_blocks)  # no blank line lets Markdown back in


def test_upload_a_file_and_download(at: AppTest) -> None:
    at.radio(key="view").set_value("Batch a file").run()
    rows = (
        "id,to,message\n1,Sam,we need to talk\n2,Mum,you never listen to me!!\n3,Jo,\n"
        '4,Al,"thanks for dinner, it was lovely"\n'
    )
    at.get("file_uploader")[0].set_value(("drafts.csv", rows.encode(), "text/csv")).run()
    assert at.selectbox(key="text_column").value == "message"  # the longest text, not `id`
    assert len(at.dataframe[0].value) == 4  # the preview
    at.selectbox(key="text_column").set_value("id").run()
    assert any("looks like ids or numbers" in w.value for w in at.warning)
    at.selectbox(key="text_column").set_value("message").run()
    at.button(key="run_batch").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Drafts"] == "4" and metrics["Could not be analysed"] == "1"
    assert any("could not be analysed" in w.value for w in at.warning)
    downloads = {d.key: d for d in at.get("download_button")}
    assert {"dl_jsonl", "dl_csv"} <= set(downloads)
    # the table lists every row; filtering by tactic narrows it
    table = at.dataframe[-1].value
    assert len(table) == 4 and list(table["to"]) == ["Sam", "Mum", "Jo", "Al"]  # the user's own column kept
    at.multiselect(key="f_tactics").select("loaded_opener").run()
    assert list(at.dataframe[-1].value["id"]) == ["1"]
    assert list(at.dataframe[-1].value["tactics"]) == ["Loaded opener"]  # display names, not raw labels
    # a row opens in the check view
    at.selectbox(key="open_id").set_value("1").run()
    at.button(key="open_btn").click().run()
    assert at.radio(key="view").value == "Check a draft"
    assert at.text_area(key="draft").value == "we need to talk"


def test_bad_file_gets_a_clear_message(at: AppTest) -> None:
    at.radio(key="view").set_value("Batch a file").run()
    at.get("file_uploader")[0].set_value(("drafts.csv", b"\x89PNG\r\n\x1a\n\x00\x00binary", "text/csv")).run()
    assert any("can't be read" in e.value for e in at.error)


def test_downloads_hold_every_record() -> None:
    from draftwise import Analyzer, appkit

    records, _ = appkit.analyse_upload(Analyzer(), b'{"text": "hi"}\n{broken\n{"text": "you never call"}\n', "x.jsonl")
    assert [r["id"] for r in records] == ["0", "1", "2"]
    lines = appkit.jsonl_bytes(records).decode().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["0", "1", "2"]
    assert appkit.csv_bytes(records).decode().count("\n") >= 4
    extras = [{"to": "=cmd"}, {"to": "Mum"}, {}]
    got = appkit.csv_bytes(records, extras).decode()
    assert got.splitlines()[0].endswith(",to") and "'=cmd" in got  # kept, and spreadsheet-safe
    assert json.loads(appkit.jsonl_bytes(records, extras).decode().splitlines()[1])["input_columns"] == {"to": "Mum"}
