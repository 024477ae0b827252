"""draftwise in the browser. Thin by design: the library computes, this file only draws.

Run: streamlit run app.py   (bound to 127.0.0.1, usage statistics off: .streamlit/config.toml)
"""

from __future__ import annotations

import html
import os

import streamlit as st

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from draftwise import Analyzer, appkit
from draftwise.labels import DISPLAY
from draftwise.render import PHRASING_BORDERS, diff_html, to_html

st.set_page_config(page_title="draftwise", page_icon="✉️", layout="wide")

VIEWS = ("Check a draft", "Compare rewrites", "Batch a file")


@st.cache_resource(show_spinner="Loading the analyser (once)…")
def analyzer() -> Analyzer:
    return Analyzer()


def analyse(text: str, rewrites: bool = False) -> dict:
    """One analysis per distinct draft, kept for this session only (never on disk)."""
    cache = st.session_state.setdefault("_records", {})
    key = (text, rewrites)
    if key not in cache:
        if len(cache) > 50:
            cache.clear()
        cache[key] = analyzer().analyse(text, rewrites=rewrites).to_dict()
    return cache[key]


def set_draft(text: str) -> None:
    # "draft" is the text box's own state (cleared by Streamlit when the box is not on screen);
    # "draft_text" keeps the draft across views.
    st.session_state.draft = st.session_state.draft_text = text


def keep_draft() -> None:
    st.session_state.draft_text = st.session_state.draft


def open_in_check(text: str) -> None:
    set_draft(text)
    st.session_state.view = VIEWS[0]


def use_candidate(text: str) -> None:
    st.session_state.edited = text


st.session_state.setdefault("draft_text", "")
st.session_state.setdefault("view", VIEWS[0])

st.title("draftwise")
st.caption(
    "Reads your draft before you send it and shows what the other person will hear. "
    "Everything stays on this machine: nothing you type is sent anywhere or saved."
)
view = st.radio("View", VIEWS, horizontal=True, key="view", label_visibility="collapsed")


def safety_first(rec: dict, key: str, offer_anyway: bool = True) -> bool:
    """Draw the supportive safety screen when the draft is flagged; True while the analysis is held back."""
    screen = appkit.safety_screen(rec)
    if screen is None:
        return False
    with st.container(border=True):
        st.subheader(f"🆘 {screen.title}")
        st.markdown(screen.warm_words)
        st.markdown(f"**{screen.invitation}**")
        st.markdown(
            "\n".join(
                f"- **{html.escape(r['name'])}** ({html.escape(r['region'])}): {html.escape(r['contact'])}"
                for r in screen.resources
            )
        )
    shown = st.session_state.setdefault("_shown_anyway", set())
    if key in shown:
        return False
    if offer_anyway:
        st.button(screen.show_anyway_label, key="show_anyway", on_click=shown.add, args=(key,))
    return True


def legend() -> str:
    chips = "".join(
        f'<span style="border-bottom:2px solid {c};padding:0 4px;margin-right:10px">{DISPLAY[k]}</span>'
        for k, c in PHRASING_BORDERS.items()
    )
    return (
        f'<div style="font-size:0.85rem;color:#555">{chips}'
        '<mark style="background:#ffd54f;padding:0 3px">words that triggered a finding</mark> · hover a sentence for what it shows</div>'
    )


# -- Check a draft ---------------------------------------------------------------------

if view == VIEWS[0]:
    st.write("Try an example:")
    cols = st.columns(len(appkit.EXAMPLES))
    for col, (name, text) in zip(cols, appkit.EXAMPLES.items(), strict=True):
        col.button(name, key=f"ex_{name}", on_click=set_draft, args=(text,), width="stretch")
    if "draft" not in st.session_state:
        st.session_state.draft = st.session_state.draft_text
    st.text_area(
        "Your draft",
        key="draft",
        height=180,
        on_change=keep_draft,
        placeholder="Paste the message you're about to send…",
    )
    writing_at = st.time_input(
        "I'm writing this at (optional)",
        value=None,
        key="writing_at",
        step=900,
        help="Used only for a gentle nudge when it's late; never stored.",
    )
    text = st.session_state.draft_text = st.session_state.draft
    if text.strip():
        rec = analyse(text)
        held = safety_first(rec, text)
        if rec["error"]:
            st.warning(f"Couldn't analyse this draft: {rec['error']}")
        elif not held:
            for w in rec["warnings"]:
                st.warning(w)
            msg = appkit.nudge(rec, writing_at)
            if msg:
                st.info(msg, icon="🌙")
            st.subheader("What they will hear")
            st.markdown(legend(), unsafe_allow_html=True)
            st.markdown(to_html(rec), unsafe_allow_html=True)
            left, right = st.columns([3, 2])
            with left:
                st.subheader("DEAR MAN")
                for row in appkit.checklist(rec):
                    mark = (
                        ":green[:material/check_circle:]" if row.present else ":gray[:material/radio_button_unchecked:]"
                    )
                    st.markdown(f"{mark} **{row.name}** · {html.escape(row.detail)}")
            with right:
                st.subheader("Intensity")
                level = rec["intensity"]["level"]
                st.markdown(appkit.gauge_html(level), unsafe_allow_html=True)
                reasons = appkit.intensity_reasons(rec)
                if reasons:
                    st.caption("Raised by: " + "; ".join(reasons))
                if rec["apology"]["kind"] != "none":
                    st.subheader("Apology")
                    st.markdown(
                        f"**{DISPLAY[rec['apology']['kind']]}**"
                        + (f": {html.escape(rec['apology']['explanation'])}" if rec["apology"]["explanation"] else "")
                    )
            st.subheader("Pressure tactics")
            cards = appkit.tactic_cards(rec)
            if not cards:
                st.success("No pressure tactics found.")
            for card in cards:
                with st.container(border=True):
                    quotes = " · ".join(f"“{html.escape(q)}”" for q in card.quotes)
                    sents = ", ".join(str(i + 1) for i in card.sentences)
                    st.markdown(f"**{card.name}** (sentence {sents}): {html.escape(card.explanation)}  \n{quotes}")
            with st.expander("Sentence by sentence"):
                st.dataframe(
                    [
                        {
                            "#": s["index"] + 1,
                            "sentence": s["text"],
                            "reads as": DISPLAY[s["phrasing"]],
                            "blame": ", ".join(DISPLAY[b] for b in s["blame_types"]),
                            "skills": ", ".join(DISPLAY[k] for k in s["skills"]),
                            "tactics": ", ".join(DISPLAY[t] for t in s["tactics"]),
                        }
                        for s in rec["sentences"]
                    ],
                    hide_index=True,
                    width="stretch",
                )
            with st.expander("The full record (JSON)"):
                st.json(rec, expanded=False)
            st.caption("Want a calmer version? Open **Compare rewrites** above.")
    else:
        st.info("Paste a draft above, or pick an example, to see how it will land.")

# -- Compare rewrites --------------------------------------------------------------------

elif view == VIEWS[1]:
    text = st.session_state.draft_text
    if not text.strip():
        st.info("Write or paste a draft in **Check a draft** first; its rewrites appear here.")
    else:
        rec = analyse(text, rewrites=True)
        safety_first(rec, text, offer_anyway=False)
        if rec["error"]:
            st.warning(f"Couldn't analyse this draft: {rec['error']}")
        elif rec["rewrites_withheld"]:
            st.info(rec["rewrites_withheld"])
        else:
            if rec["suggestions"]:
                with st.expander(f"Suggestions for {len(rec['suggestions'])} sentence(s)", expanded=False):
                    for g in rec["suggestions"]:
                        before = rec["sentences"][g["sentence"]]["text"]
                        st.markdown(f"**{DISPLAY.get(g['issue'], g['issue'])}**: {html.escape(g['message'])}")
                        st.markdown(diff_html(before, g["replacement"] or ""), unsafe_allow_html=True)
            st.caption(
                "Words in green are new, struck-through words are gone; "
                "yellow [slots] are for you to fill with what really happened."
            )
            cands = rec["rewrites"]
            cols = st.columns(len(cands) + 1)
            with cols[0]:
                st.markdown("**Your draft**")
                blame_n = sum(s["phrasing"] == "blame" for s in rec["sentences"])
                st.caption(
                    f"intensity {rec['intensity']['level']} · blame {blame_n} · "
                    f"tactics {', '.join(t['label'] for t in rec['tactics']) or 'none'}"
                )
                st.markdown(f'<div style="white-space:pre-wrap">{html.escape(text)}</div>', unsafe_allow_html=True)
            for i, (col, w) in enumerate(zip(cols[1:], cands, strict=True)):
                with col:
                    st.markdown(f"**{i + 1}. {w['style'].replace('_', ' ')}**" + (" · best" if i == 0 else ""))
                    st.caption(
                        f"{w['description']}  \nintensity {w['intensity']} · blame {w['blame_sentences']} · "
                        f"tactics {', '.join(w['tactics']) or 'none'} · DEAR: {', '.join(w['dear_man']) or '-'}"
                    )
                    st.markdown(diff_html(text, w["text"]), unsafe_allow_html=True)
                    st.button("Use this one", key=f"use_{i}", on_click=use_candidate, args=(w["text"],))
            st.subheader("Edit and re-check")
            st.session_state.setdefault("edited", cands[0]["text"] if cands else text)
            st.text_area("Your version", key="edited", height=200)
            if st.button("Re-check my version", key="recheck"):
                st.session_state.rechecked = st.session_state.edited
            checked = st.session_state.get("rechecked")
            if checked:
                r2 = analyse(checked)
                held2 = safety_first(r2, checked)
                if r2["error"]:
                    st.warning(r2["error"])
                elif not held2:
                    blame2 = sum(s["phrasing"] == "blame" for s in r2["sentences"])
                    st.markdown(
                        f"Re-checked: intensity **{r2['intensity']['level']}**, blame sentences **{blame2}**, "
                        f"tactics **{', '.join(t['label'] for t in r2['tactics']) or 'none'}**"
                    )
                    st.markdown(to_html(r2), unsafe_allow_html=True)
            st.caption("Copy your version (the copy button is at the top right of the box):")
            st.code(st.session_state.edited, language=None)
            st.download_button(
                "Download as .txt",
                st.session_state.edited.encode("utf-8"),
                file_name="draft.txt",
                mime="text/plain",
                key="dl_txt",
            )

# -- Batch a file ---------------------------------------------------------------------------

else:
    from draftwise.io.readers import InputError, columns

    st.write(
        "Check many drafts at once: a CSV, TSV, JSON Lines or plain-text file, analysed here and never stored. "
        f"Up to {appkit.APP_MAX_ROWS:,} drafts per file in the app (files up to the upload limit below); "
        "use `draftwise batch` for bigger files."
    )
    up = st.file_uploader("Upload drafts", type=["csv", "tsv", "jsonl", "ndjson", "txt"], key="upload")
    if up is not None:
        import io as _io

        data = up.getvalue()
        stream = _io.BytesIO(data)
        stream.name = up.name
        try:
            names = columns(stream)
        except InputError as e:
            st.error(f"This file can't be read: {e}")
            names = None
        if names is not None:
            text_col, txt_mode = "text", "line"
            if up.name.lower().endswith(".txt"):
                txt_mode = st.radio(
                    "Drafts in the file are",
                    ["line", "blank"],
                    horizontal=True,
                    key="txt_mode",
                    format_func=lambda m: "one per line" if m == "line" else "separated by a blank line",
                )
            elif names:
                default = names.index("text") if "text" in names else 0
                text_col = st.selectbox("Column holding the drafts", names, index=default, key="text_column")
            if st.button("Analyse the file", key="run_batch", type="primary"):
                bar = st.progress(0.0, text="Analysing…")
                try:
                    records, notices = appkit.analyse_upload(
                        analyzer(),
                        data,
                        up.name,
                        text_column=text_col,
                        txt_mode=txt_mode,
                        on_progress=lambda n: bar.progress(
                            min(1.0, n / max(1, appkit.APP_MAX_ROWS)), text=f"Analysed {n} drafts…"
                        ),
                    )
                    bar.progress(1.0, text=f"Done: {len(records)} drafts")
                    st.session_state.batch = records
                    st.session_state.batch_notices = notices
                except InputError as e:
                    bar.empty()
                    st.error(f"This file can't be read: {e}")
                    st.session_state.batch = None
    records = st.session_state.get("batch")
    if records:
        for n in st.session_state.get("batch_notices", []):
            st.warning(n)
        summ = appkit.summarise(records)
        a, b, c = st.columns(3)
        a.metric("Drafts", summ.drafts)
        b.metric("Could not be analysed", summ.errors)
        c.metric("Safety flags", summ.safety)
        if summ.safety:
            first = next(r for r in records if (r.get("safety") or {}).get("flag"))
            screen = appkit.safety_screen(first)
            st.error(
                f"**{summ.safety} draft(s) mention suicide, self-harm or violence.** "
                "Their rows are marked in the table and carry no rewrites. If any of them is yours, or someone "
                "may be in danger, please reach out now:\n\n"
                + "\n".join(f"- **{r['name']}** ({r['region']}): {r['contact']}" for r in screen.resources),
                icon="🆘",
            )
        c1, c2 = st.columns(2)
        with c1:
            st.markdown("**Intensity**")
            st.bar_chart({"drafts": {str(k): v for k, v in summ.intensity_histogram.items()}})
            st.markdown("**Blame types (drafts with a sentence of that kind)**")
            st.bar_chart({"drafts": {DISPLAY[k]: v for k, v in summ.blame_types.items()}}, horizontal=True)
        with c2:
            st.markdown("**Pressure tactics**")
            st.bar_chart({"drafts": {DISPLAY[k]: v for k, v in summ.tactics.items()}}, horizontal=True)
            st.markdown("**DEAR MAN coverage (share of drafts)**")
            st.bar_chart({"share": {DISPLAY[k]: round(v, 3) for k, v in summ.coverage.items()}}, horizontal=True)
        st.subheader("Drafts")
        f1, f2, f3, f4 = st.columns([3, 2, 1, 1])
        pick = f1.multiselect("With tactics", list(summ.tactics), format_func=lambda k: DISPLAY[k], key="f_tactics")
        lo, hi = f2.slider("Intensity", 1, 10, (1, 10), key="f_intensity")
        only_safety = f3.checkbox("Safety only", key="f_safety")
        only_errors = f4.checkbox("Errors only", key="f_errors")
        search = st.text_input("Search the drafts", key="f_search")
        rows = appkit.filter_rows(
            appkit.table_rows(records),
            tactics=pick,
            min_intensity=lo,
            max_intensity=hi,
            only_safety=only_safety,
            only_errors=only_errors,
            search=search,
        )
        event = st.dataframe(
            rows, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="batch_table"
        )
        by_id = {str(r.get("id")): r for r in records}
        chosen = None
        sel = getattr(getattr(event, "selection", None), "rows", []) if event is not None else []
        if sel:
            chosen = rows[sel[0]]["id"]
        ids = [r["id"] for r in rows]
        if ids:
            which = st.selectbox(
                "Open a draft in the check view", ids, index=ids.index(chosen) if chosen in ids else 0, key="open_id"
            )
            st.button("Open in check view", key="open_btn", on_click=open_in_check, args=(by_id[which]["text"],))
        d1, d2 = st.columns(2)
        d1.download_button(
            "Download records (JSON Lines)",
            appkit.jsonl_bytes(records),
            file_name="draftwise.jsonl",
            mime="application/x-ndjson",
            key="dl_jsonl",
        )
        d2.download_button(
            "Download records (CSV)",
            appkit.csv_bytes(records),
            file_name="draftwise.csv",
            mime="text/csv",
            key="dl_csv",
        )
