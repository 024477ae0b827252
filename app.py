"""draftwise in the browser (Streamlit). Thin: the library computes, this file draws."""

from __future__ import annotations

import streamlit as st

from draftwise.render import to_html

st.set_page_config(page_title="draftwise", page_icon="✉️", layout="wide")


@st.cache_resource(show_spinner="Loading the analyser (once)...")
def analyzer():
    from draftwise import Analyzer

    return Analyzer()


st.title("draftwise")
st.caption("Reads your draft before you send it. Everything stays on this machine.")
text = st.text_area("Paste your draft", height=200, key="draft")
if text.strip():
    report = analyzer().analyse(text)
    rec = report.to_dict()
    if rec["safety"]["flag"]:
        st.error(rec["safety"]["message"])
        for r in rec["safety"]["resources"]:
            st.markdown(f"- **{r['name']}** ({r['region']}): {r['contact']}")
    st.markdown(to_html(rec), unsafe_allow_html=True)
    st.metric("Intensity", f"{rec['intensity']['level']}/10")
    st.json(rec, expanded=False)
