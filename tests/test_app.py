"""The Streamlit app as a person uses it, through streamlit.testing.v1.AppTest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
HEATED = "You ALWAYS do this!! Call me tonight or don't bother calling ever again."


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
    assert "dw-draft" in page and "**Describe**" in page


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
    assert len(buttons) >= 3
    page = texts(at)
    assert ('class="dw-diff"' in page and "dw-slot" in page) or "<ins" in page
    at.button(key="use_1").click().run()
    chosen = at.text_area(key="edited").value
    assert chosen and chosen != HEATED
    at.text_area(key="edited").input(chosen + " Thank you.").run()
    at.button(key="recheck").click().run()
    assert any("Re-checked" in m.value for m in at.markdown)
    assert at.code and at.code[0].value.endswith("Thank you.")


def test_upload_a_file_and_download(at: AppTest) -> None:
    at.radio(key="view").set_value("Batch a file").run()
    rows = 'id,message\n1,we need to talk\n2,you never listen to me!!\n3,\n4,"thanks for dinner, it was lovely"\n'
    at.get("file_uploader")[0].set_value(("drafts.csv", rows.encode(), "text/csv")).run()
    at.selectbox(key="text_column").set_value("message").run()
    at.button(key="run_batch").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Drafts"] == "4" and metrics["Could not be analysed"] == "1"
    assert any("could not be analysed" in w.value for w in at.warning)
    downloads = {d.key: d for d in at.get("download_button")}
    assert {"dl_jsonl", "dl_csv"} <= set(downloads)
    # the table lists every row; filtering by tactic narrows it
    table = at.dataframe[0].value
    assert len(table) == 4
    at.multiselect(key="f_tactics").select("loaded_opener").run()
    assert list(at.dataframe[0].value["id"]) == ["1"]
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
