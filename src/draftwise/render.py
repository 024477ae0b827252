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


def diff_html(before: str, after: str) -> str:
    """A rewrite with its changes against the original marked by phrase (see :func:`changes_html`)."""
    return changes_html(before, after)


# -- changes by phrase ---------------------------------------------------------------

_DIFF_TOKEN = r"\[[^\]\n]{1,80}\]|\s+|\w+(?:['’]\w+)*|[^\w\s]"
_SLOT = r"\[[^\]\n]{1,80}\]"


@dataclass(frozen=True)
class Chunk:
    """One run of a diff by phrase: kept text (``old == new``) or a change from ``old`` to ``new``."""

    old: str
    new: str

    @property
    def changed(self) -> bool:
        """True when this run is a change rather than kept text."""
        return self.old != self.new


def diff_chunks(before: str, after: str) -> list[Chunk]:
    """The changes from ``before`` to ``after`` as whole phrases, never interleaved word by word.

    Words are compared one by one, then two changes separated only by spaces, punctuation or a
    single word are merged into one phrase, so a rewrite reads as "[-old phrase-]{+new phrase+}"
    instead of alternating struck and added words. ``"".join(c.old)`` is ``before`` and
    ``"".join(c.new)`` is ``after``, exactly.

    Args:
        before: the original text.
        after: the rewritten text.

    Returns:
        Runs in order; kept runs have ``old == new``.
    """
    import difflib
    import re

    a = re.findall(_DIFF_TOKEN, before)
    b = re.findall(_DIFF_TOKEN, after)
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    # (i1, i2, j1, j2, changed) regions; equal regions with fewer than two words between changes merge.
    regions: list[list[Any]] = []
    for op, i1, i2, j1, j2 in ops:
        changed = op != "equal"
        if regions and (changed or not regions[-1][4]):
            prev = regions[-1]
            if changed and prev[4]:
                prev[1], prev[3] = i2, j2
                continue
        regions.append([i1, i2, j1, j2, changed])
    merged: list[list[Any]] = []
    k = 0
    while k < len(regions):
        r = regions[k]
        if (
            not r[4]
            and merged
            and merged[-1][4]
            and k + 1 < len(regions)
            and regions[k + 1][4]
            and sum(1 for t in a[r[0] : r[1]] if re.match(r"\w", t)) < 2
        ):
            nxt = regions[k + 1]
            merged[-1][1], merged[-1][3] = nxt[1], nxt[3]
            k += 2
            continue
        merged.append(list(r))
        k += 1
    out: list[Chunk] = []
    for i1, i2, j1, j2, changed in merged:
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if not changed:
            out.append(Chunk(old, old))
            continue
        # Spaces shared at both ends stay outside the change, so "[-x-]{+y+}" hugs the words.
        lead = len(old) - len(old.lstrip()) if old.strip() and new.strip() else 0
        lead = min(lead, len(new) - len(new.lstrip())) if lead else 0
        if lead and old[:lead] == new[:lead]:
            out.append(Chunk(old[:lead], old[:lead]))
            old, new = old[lead:], new[lead:]
        trail = len(old) - len(old.rstrip()) if old.strip() and new.strip() else 0
        trail = min(trail, len(new) - len(new.rstrip())) if trail else 0
        tail = ""
        if trail and old[-trail:] == new[-trail:]:
            tail = old[-trail:]
            old, new = old[:-trail], new[:-trail]
        out.append(Chunk(old, new))
        if tail:
            out.append(Chunk(tail, tail))
    return out


def diff_text(before: str, after: str) -> str:
    """Plain-text changes by phrase: ``[-old-]{+new+}``, readable without colour.

    Args:
        before: the original text.
        after: the rewritten text.

    Returns:
        ``after`` with each changed phrase written as ``[-old-]{+new+}`` (either part may be absent).
    """
    out = []
    for c in diff_chunks(before, after):
        if not c.changed:
            out.append(c.new)
            continue
        if c.old:
            out.append(f"[-{c.old}-]")
        if c.new:
            out.append(f"{{+{c.new}+}}")
    return "".join(out)


def html_text(text: str) -> str:
    """User text for an HTML block shown with ``st.markdown``: escaped, and with no blank line in it.

    A blank line would end the HTML block and let Markdown read the rest (a link, emphasis);
    newlines become ``&#10;``, which a ``white-space:pre-wrap`` box still shows as line breaks.
    """
    return html.escape(text, quote=True).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "&#10;")


def slots_html(escaped: str) -> str:
    """Mark each ``[slot]`` of already escaped text as a dashed box to fill."""
    import re

    return re.sub(
        r"\[[^\]&]{1,80}\]",
        lambda m: (
            '<span class="dw-slot" style="background:#fff3bf;border:1px dashed #f08c00;border-radius:3px;'
            f'padding:0 2px">{m.group(0)}</span>'
        ),
        escaped,
    )


def clean_html(text: str) -> str:
    """A candidate as the clean message it would be, with its [slots] marked; user text escaped."""
    return (
        '<div class="dw-clean" style="white-space:pre-wrap;line-height:1.7;padding:8px 10px;background:#f8f9fa;'
        f'border-radius:6px">{slots_html(html_text(text))}</div>'
    )


def changes_html(before: str, after: str) -> str:
    """The changes from ``before`` to ``after`` by phrase: struck old text, then the new text.

    Each change reads as one ``<del>`` then one ``<ins>`` (never interleaved word by word); the
    ``<del>`` and ``<ins>`` elements carry their meaning for screen readers, and a text label
    ("removed" / "added") is given in their titles. User text is escaped.
    """
    out = []
    for c in diff_chunks(before, after):
        if not c.changed:
            out.append(slots_html(html_text(c.new)))
            continue
        if c.old:
            out.append(
                '<del title="removed" style="background:#ffe3e3;color:#862e2e;text-decoration:line-through">'
                f"{html_text(c.old)}</del>"
            )
        if c.new:
            out.append(
                '<ins title="added" style="background:#d3f9d8;color:#1b5e20;text-decoration:underline">'
                f"{slots_html(html_text(c.new))}</ins>"
            )
    return '<div class="dw-diff" style="white-space:pre-wrap;line-height:1.8">' + "".join(out) + "</div>"
