"""Turning a record into highlighted text: pure functions, shared by the CLI and the app.

:func:`pieces` cuts the draft into runs that carry the phrasing of their
sentence and the labels of any evidence under them; :func:`to_html` draws those
runs as HTML with every piece of user text escaped, so a draft holding
``<script>`` shows as text. The terminal view (rich) draws the same pieces.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from draftwise.labels import DISPLAY

# One colour per phrasing, used by the app and the terminal alike.
PHRASING_COLOURS = {"blame": "#fde2e1", "description": "#e3f4e1", "neutral": "#eef0f3"}
PHRASING_BORDERS = {"blame": "#d93025", "description": "#1e8e3e", "neutral": "#9aa0a6"}
INTENSITY_WORDS = {
    1: "silent",
    2: "calm",
    3: "calm",
    4: "measured",
    5: "measured",
    6: "heated",
    7: "heated",
    8: "very heated",
    9: "very heated",
    10: "screaming",
}


@dataclass(frozen=True)
class Piece:
    """A run of the draft: outside any sentence (``sentence`` None), or in one, with cue labels."""

    text: str
    start: int
    end: int
    sentence: int | None = None
    phrasing: str | None = None
    labels: tuple[str, ...] = ()


def _record(report: Any) -> Mapping[str, Any]:
    return report if isinstance(report, Mapping) else report.to_dict()


def pieces(report: Any) -> list[Piece]:
    """Cut the draft into pieces at sentence and evidence boundaries (covers the text exactly)."""
    rec = _record(report)
    text: str = rec["text"]
    cuts = {0, len(text)}
    spans = []
    for s in rec.get("sentences", []):
        cuts |= {s["start"], s["end"]}
        for e in s.get("evidence", []):
            if s["start"] <= e["start"] < e["end"] <= s["end"]:
                cuts |= {e["start"], e["end"]}
        spans.append(s)
    order = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for a, b in itertools.pairwise(order):
        if a == b:
            continue
        sent = next((s for s in spans if s["start"] <= a and b <= s["end"]), None)
        if sent is None:
            out.append(Piece(text[a:b], a, b))
            continue
        labels = tuple(dict.fromkeys(e["label"] for e in sent.get("evidence", []) if e["start"] <= a and b <= e["end"]))
        out.append(Piece(text[a:b], a, b, sent["index"], sent["phrasing"], labels))
    return out


def sentence_caption(sentence: Mapping[str, Any]) -> str:
    """Plain words naming what a sentence shows: its phrasing, skills, blame kinds, tactics."""
    parts = [DISPLAY.get(sentence["phrasing"], sentence["phrasing"])]
    parts += [DISPLAY[b] for b in sentence.get("blame_types", [])]
    parts += [DISPLAY[t] for t in sentence.get("tactics", [])]
    parts += [DISPLAY[k] for k in sentence.get("skills", [])]
    return " · ".join(parts)


def to_html(report: Any) -> str:
    """The draft as HTML: sentences shaded by phrasing, cue words marked, captions on hover.

    Every piece of user text passes through :func:`html.escape`; attributes too.
    """
    rec = _record(report)
    by_index = {s["index"]: s for s in rec.get("sentences", [])}
    out = ['<div class="dw-draft" style="line-height:1.9;white-space:pre-wrap;font-size:1.02rem">']
    open_sentence: int | None = None
    for p in pieces(rec):
        if p.sentence != open_sentence:
            if open_sentence is not None:
                out.append("</span>")
            if p.sentence is not None:
                s = by_index[p.sentence]
                title = html.escape(f"{p.sentence + 1}. {sentence_caption(s)}", quote=True)
                bg, border = PHRASING_COLOURS[s["phrasing"]], PHRASING_BORDERS[s["phrasing"]]
                out.append(
                    f'<span class="dw-sentence dw-{s["phrasing"]}" data-sentence="{p.sentence}" title="{title}" '
                    f'style="background:{bg};border-bottom:2px solid {border};padding:1px 2px;border-radius:3px">'
                )
            open_sentence = p.sentence
        body = html.escape(p.text)
        if p.labels:
            names = html.escape(", ".join(DISPLAY.get(x, x) for x in p.labels), quote=True)
            body = f'<mark class="dw-cue" title="{names}" style="background:#ffd54f;padding:0 1px">{body}</mark>'
        out.append(body)
    if open_sentence is not None:
        out.append("</span>")
    out.append("</div>")
    return "".join(out)


def intensity_bar(level: int, width: int = 10) -> str:
    """A 1-10 bar in block characters: ``███████░░░``."""
    level = max(0, min(width, level))
    return "█" * level + "░" * (width - level)


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """Word-level diff as (op, text) runs: op is ``=``, ``-`` or ``+``; whitespace kept."""
    import difflib
    import re

    # A slot such as "[what happened]" is one token, so it is never cut in two.
    token = r"\[[^\]\n]{1,80}\]|\s+|[^\s]+"
    a = re.findall(token, before)
    b = re.findall(token, after)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def diff_html(before: str, after: str) -> str:
    """A rewrite with its changes against the original marked; slots in [brackets] stand out."""
    import re

    out = []
    for op, text in word_diff(before, after):
        body = html.escape(text)
        body = re.sub(
            r"\[[^\]]{1,80}\]",
            lambda m: (
                f'<span class="dw-slot" style="background:#fff3bf;border:1px dashed #f08c00;border-radius:3px;padding:0 2px">{m.group(0)}</span>'
            ),
            body,
        )
        if op == "+":
            out.append(f'<ins style="background:#d3f9d8;text-decoration:none">{body}</ins>')
        elif op == "-":
            out.append(f'<del style="background:#ffe3e3;color:#868e96">{body}</del>')
        else:
            out.append(body)
    return '<div class="dw-diff" style="white-space:pre-wrap;line-height:1.8">' + "".join(out) + "</div>"
