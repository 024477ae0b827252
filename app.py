"""draftwise in the browser. Thin by design: the library computes, this file only draws.

Run: streamlit run app.py   (bound to 127.0.0.1, usage statistics off: .streamlit/config.toml)
"""

from __future__ import annotations

import html
import io as _io
import os
import time

import streamlit as st

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import streamlit.components.v1 as components

from draftwise import Analyzer, appkit
from draftwise.labels import DISPLAY
from draftwise.render import changes_html, clean_html, diff_html, to_html
from draftwise.rewrite import llm

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


@st.cache_resource(show_spinner="Loading your model (once)…", max_entries=1)
def local_writer(kind: str, value: str, name: str) -> llm.LocalWriter:
    """The user's own model (one loaded at a time): a GGUF file here, or a server on this machine."""
    if kind == "file":
        return llm.GGUFWriter(value)
    return llm.ServerWriter(value, name)


def local_model(text: str, show_changes: bool) -> None:
    """Ask the user's own model (if set) for one more rewrite: streamed as it comes, shown only if it passes."""
    source = llm.model_source(st.session_state.get("llm_source"))
    if source is None:
        return
    name = (st.session_state.get("llm_name") or "").strip()
    timeout = float(st.session_state.get("llm_timeout") or 60)
    runs = st.session_state.setdefault("_model_runs", {})  # this session only, never on disk
    key = (text, source, name, timeout)
    if key not in runs:
        try:
            writer = local_writer(*source, name)
        except llm.RemoteRefused:
            st.warning("The app only uses a model on this machine: give a localhost address (127.0.0.1, ::1).")
            return
        except llm.MissingExtra:
            st.warning(f"A GGUF file needs the llm extra: `{llm.INSTALL_HINT}`")
            return
        except (OSError, ValueError, llm.WriterError) as e:
            st.warning(f"Your model could not be used: {appkit.md_escape(str(e))}")
            return
        live = st.empty()
        got: list[str] = []
        last = [0.0]

        def on_chunk(chunk: str) -> None:
            got.append(chunk)
            if time.monotonic() - last[0] > 0.1:
                last[0] = time.monotonic()
                live.markdown(clean_html("".join(got) + " …"), unsafe_allow_html=True)

        with st.spinner(f"Asking your model ({appkit.md_escape(writer.name)}), up to {timeout:g} s…"):
            report = analyzer().analyse(text, rewrites=True)
            new, reasons = llm.with_local_model(report, writer, analyzer().analyse_many, timeout, on_chunk=on_chunk)
        live.empty()
        mine = next((w.to_dict() for w in new.rewrites if w.style == llm.STYLE), None)
        runs[key] = (mine, reasons, llm.clean_answer("".join(got)))
    mine, reasons, answer = runs[key]
    if mine is None:
        st.info("Your model's rewrite was not shown: " + appkit.md_escape("; ".join(reasons)) + ".")
        if answer:
            with st.expander("What your model wrote (it did not pass the checks)"):
                st.markdown(clean_html(answer), unsafe_allow_html=True)
        return
    card = appkit.rewrite_cards({"text": text, "rewrites": [mine]})[0]
    with st.container(border=True):
        st.markdown("**Your own model** · passed draftwise's checks")
        st.caption(f"{card.description}  \n{card.figures}")
        body = changes_html(text, card.text) if show_changes else clean_html(card.text)
        st.markdown(body, unsafe_allow_html=True)
        st.button("Use this one", key="use_model", on_click=use_candidate, args=(card.text,))


st.session_state.setdefault("draft_text", "")
st.session_state.setdefault("view", VIEWS[0])

st.title("draftwise")
st.caption(
    "Reads your draft before you send it and shows what the other person will hear. "
    "Everything stays on this machine: nothing you type is sent anywhere or saved."
)
view = st.radio("View", VIEWS, horizontal=True, key="view", label_visibility="collapsed")

with st.sidebar.expander("Your own local model (optional)"):
    st.text_input(
        "GGUF file or localhost URL",
        key="llm_source",
        placeholder="/path/to/model.gguf or http://127.0.0.1:11434",
        help="A GGUF file on this machine (needs the llm extra), or an OpenAI-compatible server on localhost "
        "(Ollama, llama-server). Its rewrite is checked like draftwise's own and shown only if it passes.",
    )
    st.text_input("Model name (for a server)", key="llm_name", placeholder="the first model it lists")
    st.number_input("Timeout (seconds)", min_value=5, max_value=600, value=60, step=5, key="llm_timeout")
    st.caption("Only a file here or a server on this machine is used: your draft never leaves it.")


def safety_first(rec: dict, key: str, offer_anyway: bool = True) -> bool:
    """Draw the supportive safety screen when the draft is flagged; True while the analysis is held back."""
    screen = appkit.safety_screen(rec)
    if screen is None:
        return False
    with st.container(border=True):
        st.subheader(screen.title)
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


# -- Check a draft ---------------------------------------------------------------------

if view == VIEWS[0]:
    # Safety first: when the draft is flagged, the supportive screen is drawn here, above the draft
    # box, so it is the first thing on screen (on a phone too), not below the fold.
    safety_slot = st.container()
    with st.expander("Try an example"):
        cols = st.columns(3)
        for i, (name, text) in enumerate(appkit.EXAMPLES.items()):
            cols[i % 3].button(name, key=f"ex_{name}", on_click=set_draft, args=(text,), width="stretch")
    if "draft" not in st.session_state:
        st.session_state.draft = st.session_state.draft_text
    st.text_area(
        "Your draft",
        key="draft",
        height=160,
        on_change=keep_draft,
        placeholder="Paste the message you're about to send…",
    )
    st.button("Check my draft", key="check_btn", type="primary", on_click=keep_draft)
    st.caption("Or press Ctrl+Enter in the box.")
    with st.expander("Writing late at night? (optional)"):
        writing_at = st.time_input(
            "I'm writing this at",
            value=None,
            key="writing_at",
            step=900,
            help="Used only for a gentle nudge when it's late; never stored.",
        )
    text = st.session_state.draft_text = st.session_state.draft
    if text.strip():
        rec = analyse(text)
        with safety_slot:
            held = safety_first(rec, text)
        if rec["error"]:
            st.warning(f"Couldn't analyse this draft: {appkit.md_escape(rec['error'])}")
        elif not held:
            for w in rec["warnings"]:
                st.warning(appkit.md_escape(w))
            msg = appkit.nudge(rec, writing_at)
            if msg:
                st.info(msg, icon="🌙")
            v = appkit.verdict(rec)
            if v is not None:
                st.markdown(appkit.verdict_html(v), unsafe_allow_html=True)
            cards = appkit.tactic_cards(rec)
            if cards:
                st.subheader("Pressure tactics")
            for card in cards:
                with st.container(border=True):
                    sents = ", ".join(str(i + 1) for i in card.sentences)
                    st.markdown(f"**✗ {card.name}** (sentence {sents}): {appkit.md_escape(card.explanation)}")
                    st.markdown(appkit.quotes_html(card.quotes), unsafe_allow_html=True)
                    if card.label in ("ultimatum", "urgency"):
                        st.caption("The ask itself is fine (Assert); the problem is how it is delivered.")
            st.subheader("What they will hear")
            st.markdown(appkit.legend_html(), unsafe_allow_html=True)
            st.markdown(appkit.sentences_html(rec), unsafe_allow_html=True)
            left, right = st.columns([3, 2])
            with left:
                st.subheader("DEAR MAN")
                st.caption(appkit.DEAR_MAN_EXPLAINER)
                if not appkit.is_request(rec):
                    st.info(appkit.NOT_A_REQUEST, icon="💬")
                else:
                    for row in appkit.checklist(rec):
                        mark = {
                            "yes": ":green[:material/check_circle:] yes",
                            "partly": ":orange[:material/adjust:] partly",
                            "no": ":gray[:material/radio_button_unchecked:] not yet",
                        }[row.state]
                        st.markdown(f"{mark} · **{row.name}** · {appkit.md_escape(row.detail)}")
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
                        + (
                            f": {appkit.md_escape(rec['apology']['explanation'])}"
                            if rec["apology"]["explanation"]
                            else ""
                        )
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
            st.warning(f"Couldn't analyse this draft: {appkit.md_escape(rec['error'])}")
        elif rec["rewrites_withheld"]:
            st.info(rec["rewrites_withheld"])
        else:
            cards = appkit.rewrite_cards(rec)
            with st.container(border=True):
                st.markdown("**Your draft**")
                st.caption(appkit.draft_figures(rec))
                st.markdown(clean_html(text), unsafe_allow_html=True)
            if rec.get("rewrites_note"):
                st.info(rec["rewrites_note"])
            elif not cards:
                st.success(appkit.NOTHING_TO_CHANGE)
            show_changes = st.toggle(
                "Show changes", key="show_changes", help="Struck text is removed, underlined text is added."
            )
            cols = st.columns(min(3, max(1, len(cards))))
            for i, card in enumerate(cards):
                with cols[i % len(cols)], st.container(border=True):
                    st.markdown(f"**{card.number}. {card.title}**" + (" · best" if card.best else ""))
                    st.caption(f"{card.description}  \n{card.figures}")
                    body = changes_html(text, card.text) if show_changes else clean_html(card.text)
                    st.markdown(body, unsafe_allow_html=True)
                    if card.blanks:
                        st.caption(f"✎ {card.blanks} blank{'s' if card.blanks != 1 else ''} to fill")
                    st.button("Use this one", key=f"use_{i}", on_click=use_candidate, args=(card.text,))
            # Your own model's rewrite lands here, under draftwise's, once the rest of the view is drawn.
            model_slot = st.container()
            if rec["suggestions"]:
                with st.expander(f"Suggestions for {len(rec['suggestions'])} sentence(s)", expanded=False):
                    for g in rec["suggestions"]:
                        before = rec["sentences"][g["sentence"]]["text"]
                        st.markdown(f"**{DISPLAY.get(g['issue'], g['issue'])}**: {appkit.md_escape(g['message'])}")
                        st.markdown(diff_html(before, g["replacement"] or ""), unsafe_allow_html=True)
            st.subheader("Edit, check, copy")
            appkit.sync_edit_state(st.session_state, text, cards[0].text if cards else text)
            st.text_area("Your version", key="edited", height=160)
            edited = st.session_state.edited
            warning = appkit.blank_warning(edited)
            if warning:
                st.warning(warning, icon="✏️")
            b1, b2 = st.columns(2)
            if b1.button("Re-check here", key="recheck"):
                st.session_state.rechecked = (text, edited)
            b2.button("Check this in full", key="check_full", on_click=open_in_check, args=(edited,))
            checked = appkit.recheck_for(st.session_state, text)
            if checked:
                r2 = analyse(checked)
                held2 = safety_first(r2, checked)
                if r2["error"]:
                    st.warning(appkit.md_escape(r2["error"]))
                elif not held2:
                    v2 = appkit.verdict(r2)
                    st.markdown("Re-checked: " + appkit.md_escape(appkit.draft_figures(r2)))
                    if v2 is not None:
                        st.markdown(appkit.verdict_html(v2), unsafe_allow_html=True)
                    st.markdown(to_html(r2), unsafe_allow_html=True)
            c1, c2 = st.columns([1, 2])
            with c1:
                components.html(appkit.copy_button_html(edited), height=48)
            c2.download_button(
                "Download as .txt",
                edited.encode("utf-8"),
                file_name="draft.txt",
                mime="text/plain",
                key="dl_txt",
            )
            with model_slot:
                local_model(text, show_changes)

# -- Batch a file ---------------------------------------------------------------------------

else:
    from draftwise.io.readers import InputError, columns

    st.write(
        "Check many drafts at once: a CSV, TSV, JSON Lines or plain-text file, analysed here and never stored. "
        f"Up to {appkit.APP_MAX_ROWS:,} drafts per file in the app (files up to the upload limit below); "
        "use `draftwise batch` for bigger files."
    )
    up = st.file_uploader("Upload drafts", type=["csv", "tsv", "jsonl", "ndjson", "txt"], key="upload")
    upload_key = (up.name, up.size) if up is not None else None
    if st.session_state.get("batch_for") != upload_key:  # a new file: the old results go
        st.session_state.batch = None
        st.session_state.batch_for = upload_key
        st.session_state.pop("text_column", None)  # the new file's own default column
    if up is not None:
        data = up.getvalue()
        stream = _io.BytesIO(data)
        stream.name = up.name
        try:
            names = columns(stream)
        except InputError as e:
            st.error(f"This file can't be read: {appkit.md_escape(str(e))}")
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
                best = appkit.default_text_column(data, up.name, names) or names[0]
                text_col = st.selectbox("Column holding the drafts", names, index=names.index(best), key="text_column")
                st.caption("The first rows of your file:")
                st.dataframe(appkit.preview_rows(data, up.name), hide_index=True, width="stretch", key="preview")
                warn = appkit.column_warning(data, up.name, text_col)
                if warn:
                    st.warning(appkit.md_escape(warn), icon="⚠️")
            if st.session_state.pop("batch_running", False):
                st.info("Stopped before the end: nothing was kept. Analyse the file again when you're ready.")
            run_col, stop_col = st.columns([1, 1])
            if run_col.button("Analyse the file", key="run_batch", type="primary"):
                st.session_state.batch = None
                stop_col.button("Cancel", key="cancel_batch", help="Stops the analysis; nothing is kept.")
                total = min(appkit.count_rows(data, up.name, txt_mode, text_col), appkit.APP_MAX_ROWS)
                frac, words = appkit.progress(0, total)
                bar = st.progress(frac, text=f"Analysing… {words}")
                st.session_state.batch_running = True
                try:
                    records, notices = appkit.analyse_upload(
                        analyzer(),
                        data,
                        up.name,
                        text_column=text_col,
                        txt_mode=txt_mode,
                        chunk_size=max(8, min(64, total // 20 or 8)),
                        on_progress=lambda n: bar.progress(*appkit.progress(n, total)),
                    )
                    bar.progress(1.0, text=f"Done: {appkit.progress(len(records), total)[1]}")
                    st.session_state.batch_running = False
                    st.session_state.batch = records
                    st.session_state.batch_notices = notices
                    st.session_state.batch_extras = appkit.other_columns(
                        data, up.name, skip=(text_col, "id"), limit=len(records)
                    )
                except InputError as e:
                    st.session_state.batch_running = False
                    bar.empty()
                    st.error(f"This file can't be read: {appkit.md_escape(str(e))}")
                    st.session_state.batch = None
    records = st.session_state.get("batch")
    extras = st.session_state.get("batch_extras") or None
    if records:
        for n in st.session_state.get("batch_notices", []):
            st.warning(appkit.md_escape(n))
        warns = appkit.row_warnings(records)
        if warns:
            with st.expander(f"Row warnings ({len(warns)})", expanded=True):
                st.markdown("\n".join(f"- {appkit.md_escape(w)}" for w in warns))
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
            st.markdown("**Intensity (1 calm … 10 screaming)**")
            st.bar_chart(appkit.intensity_chart(summ), x="intensity", y="drafts")
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
            appkit.table_rows(records, extras),
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
            appkit.jsonl_bytes(records, extras),
            file_name="draftwise.jsonl",
            mime="application/x-ndjson",
            key="dl_jsonl",
        )
        d2.download_button(
            "Download records (CSV)",
            appkit.csv_bytes(records, extras),
            file_name="draftwise.csv",
            mime="text/csv",
            key="dl_csv",
        )
