"""What the Streamlit app shows, computed here as plain data so it can be tested without a browser.

``app.py`` only draws: every list, table, summary, nudge and piece of HTML it
puts on screen comes from a pure function of this module or of ``render.py``.
Nothing here writes to disk; uploads are read from memory.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from typing import Any

from draftwise.labels import BLAME_TYPES, DEAR_MAN, DISPLAY, SKILLS, TACTICS
from draftwise.render import INTENSITY_WORDS

# The most drafts the app analyses from one upload; larger files belong to the CLI.
APP_MAX_ROWS = 5_000

EXAMPLES: dict[str, str] = {
    "Ex, months later": (
        "hey. i know its been 4 months but i saw ur story at the lake and i cant stop thinking about it\n"
        "u always said u hated camping with me\n"
        "i guess i was never enough for u\n"
        "can we talk? please. i need to know what i did"
    ),
    "Roommate and the dishes": (
        "Hi Jess, the dishes have been piling up in the sink since Sunday and the kitchen's started to smell. "
        "I'm honestly fed up. Could you clear your stuff by tomorrow night? "
        "I'm happy to take the bins this week if that helps."
    ),
    "Manager and the weekend": (
        "Hi Marcus,\n\nThis is the third weekend in a row I've been asked to cover on-call. I'm exhausted and it's "
        "starting to affect my work. I'd like to be taken off the rota for the next two weekends. If that's hard to "
        "arrange, could we at least split them with Priya?\n\nThanks,\nDana"
    ),
    "Landlord and the deposit": (
        "It's been six weeks since I moved out and I STILL haven't got my £850 deposit back. You're clearly hoping I'll "
        "give up. Everyone I've spoken to says you're in the wrong. If the money isn't in my account by Friday, "
        "I'm taking you to small claims."
    ),
    "Mum, at midnight": (
        "After everything I've done for you, you can't even ring on my birthday. Fine. I'll just sit here alone again. "
        "Your father would be ashamed."
    ),
    "We need to talk": "We need to talk. Call me when you get this.",
}


@dataclass(frozen=True)
class SafetyScreen:
    """The supportive screen shown first (and alone, unless asked) when a draft is flagged."""

    title: str
    warm_words: str
    invitation: str
    resources: tuple[dict[str, str], ...]
    quotes: tuple[str, ...]
    show_anyway_label: str = "This is about something else (a quote, a story, a joke): show the analysis anyway"
    withheld: str = ""


_SELF_WORDS = (
    "It sounds like you are carrying something really heavy right now. You matter, and you "
    "deserve support with this: you don't have to handle it alone."
)
_VIOLENCE_WORDS = (
    "It sounds like someone may be in danger, or that you are being hurt, or angry enough to hurt "
    "someone. Before anything about wording, the most important thing is that everyone is safe."
)
_INVITATION = (
    "Could you reach out to someone now? A friend, someone in your family, or one of the free, "
    "confidential lines below. If anyone is in danger right now, call your local emergency number."
)


def safety_screen(rec: Mapping[str, Any]) -> SafetyScreen | None:
    """The safety screen for a record, or ``None`` when the draft is not flagged.

    Resources come in the order a person needs them: for violence, emergency services and the
    domestic-abuse lines first; for a draft not in English, the worldwide directory first.
    """
    s = rec.get("safety") or {}
    if not s.get("flag"):
        return None
    kinds = set(s.get("kinds") or ())
    resources = [dict(r) for r in s.get("resources") or ()]

    def rank(r: Mapping[str, str]) -> int:
        name = r.get("name", "")
        if rec.get("language") and "helpline" in name.lower():
            return 0
        if "Emergency" in name:
            return 1
        if "violence" in kinds and ("Violence" in name or "Abuse" in name):
            return 2
        return 3

    resources.sort(key=rank)
    self_directed = bool(kinds & {"suicide", "self_harm", "unspecified"}) or not kinds
    words = _SELF_WORDS if self_directed else _VIOLENCE_WORDS
    if self_directed and "violence" in kinds:
        words = _SELF_WORDS + " " + _VIOLENCE_WORDS
    text = rec.get("text") or ""
    quotes = tuple(
        text[e["start"] : e["end"]] for e in s.get("evidence") or () if 0 <= e["start"] < e["end"] <= len(text)
    )
    return SafetyScreen(
        title="Before anything about wording",
        warm_words=words,
        invitation=_INVITATION,
        resources=tuple(resources),
        quotes=tuple(dict.fromkeys(quotes)),
        withheld=rec.get("rewrites_withheld") or "",
    )


@dataclass(frozen=True)
class ChecklistRow:
    skill: str
    name: str
    present: bool
    sentences: tuple[int, ...]
    detail: str


def checklist(rec: Mapping[str, Any]) -> list[ChecklistRow]:
    """The seven DEAR MAN skills, ticked or not, with the sentences that show them or a hint."""
    rows = []
    dm = rec.get("dear_man") or {}
    for k in DEAR_MAN:
        c = dm.get(k) or {"present": False}
        sents = tuple(c.get("sentences", []))
        if c.get("present"):
            detail = ("shown in sentence " + ", ".join(str(i + 1) for i in sents)) if sents and k in SKILLS else "yes"
        else:
            reasons = "; ".join(c.get("reasons", []))
            detail = (reasons[0].upper() + reasons[1:] + ". " if reasons else "") + c.get("hint", "")
        rows.append(ChecklistRow(k, DISPLAY[k], bool(c.get("present")), sents, detail.strip()))
    return rows


@dataclass(frozen=True)
class TacticCard:
    label: str
    name: str
    explanation: str
    sentences: tuple[int, ...]
    quotes: tuple[str, ...]
    score: float


def tactic_cards(rec: Mapping[str, Any]) -> list[TacticCard]:
    out = []
    for t in rec.get("tactics", []):
        quotes = tuple(dict.fromkeys(e["cue"] for e in t.get("evidence", [])))
        if not quotes:
            quotes = tuple(rec["sentences"][i]["text"] for i in t["sentences"])
        out.append(
            TacticCard(t["label"], DISPLAY[t["label"]], t["explanation"], tuple(t["sentences"]), quotes, t["score"])
        )
    return out


_SIGNAL_WORDS = {
    "caps_ratio": ("capitals", lambda v: f"{v:.0%} of the letters in capitals"),
    "exclamations": ("exclamation marks", lambda v: f"{int(v)} exclamation mark" + ("s" if v != 1 else "")),
    "punct_bursts": ("!!! / ???", lambda v: f"{int(v)} burst" + ("s" if v != 1 else "") + " of !!! or ???"),
    "swears": ("swearing", lambda v: f"{int(v)} swear word" + ("s" if v != 1 else "")),
    "intensifiers": (
        "intensifiers",
        lambda v: f"{int(v)} intensifier" + ("s" if v != 1 else "") + " (so, literally...)",
    ),
    "insults": ("insults", lambda v: f"{int(v)} insult" + ("s" if v != 1 else "")),
    "max_abs_valence": (
        "strong emotion words",
        lambda v: "strongly emotional words" if v >= 0.6 else "some emotional words",
    ),
    "elongations": (
        "stretched words",
        lambda v: f"{int(v)} stretched word" + ("s" if v != 1 else "") + " (sooo, pleeease)",
    ),
    "hot_emoji": ("heated emoji", lambda v: f"{int(v)} heated emoji"),
    "blame_cues": ("blame", lambda v: f"{int(v)} blaming sentence" + ("s" if v != 1 else "")),
    "tactic_cues": ("pressure", lambda v: f"{int(v)} pressure tactic" + ("s" if v != 1 else "")),
}


def intensity_reasons(rec: Mapping[str, Any], limit: int = 5) -> list[str]:
    """The signals that raised the intensity, in plain words, strongest first."""
    sig = (rec.get("intensity") or {}).get("signals", {})
    weights = {
        "caps_ratio": 10,
        "swears": 3,
        "insults": 3,
        "punct_bursts": 2,
        "exclamations": 1.5,
        "tactic_cues": 2,
        "blame_cues": 1.5,
        "hot_emoji": 1,
        "elongations": 1,
        "intensifiers": 0.7,
        "max_abs_valence": 2,
    }
    present = [
        (weights.get(k, 1) * float(v), k, v)
        for k, v in sig.items()
        if k in _SIGNAL_WORDS and v and float(v) > (0.3 if k == "max_abs_valence" else 0.02 if k == "caps_ratio" else 0)
    ]
    present.sort(reverse=True)
    return [_SIGNAL_WORDS[k][1](float(v)) for _, k, v in present[:limit]]


def gauge_html(level: int) -> str:
    """A 1-10 gauge as coloured blocks (no user text inside)."""
    colours = [
        "#2f9e44",
        "#2f9e44",
        "#66a80f",
        "#94d82d",
        "#fab005",
        "#fd7e14",
        "#f76707",
        "#e8590c",
        "#e03131",
        "#c92a2a",
    ]
    cells = "".join(
        f'<span style="display:inline-block;width:9%;height:18px;margin-right:1%;border-radius:3px;'
        f'background:{colours[i] if i < level else "#e9ecef"}"></span>'
        for i in range(10)
    )
    return (
        f'<div class="dw-gauge" aria-label="intensity {level} of 10">{cells}</div>'
        f'<div style="font-size:0.9rem;color:#495057">{level}/10: {INTENSITY_WORDS[level]}</div>'
    )


def nudge(rec: Mapping[str, Any], writing_at: time | None = None, heated_from: int = 8) -> str | None:
    """A gentle "sleep on it" when the draft is very heated or it is late at night where the user is."""
    level = (rec.get("intensity") or {}).get("level") or 0
    late = writing_at is not None and (writing_at.hour >= 23 or writing_at.hour < 6)
    if level >= heated_from and late:
        return (
            "It's late and this reads very heated. Messages sent at this hour are often the ones people wish they "
            "hadn't. Could you save it and read it again in the morning?"
        )
    if level >= heated_from:
        return (
            "This reads very heated. If you can, sleep on it: save the draft, and read it again when you're calmer "
            "before you decide to send it."
        )
    if late:
        return (
            "It's late where you are. Hard messages usually land better in daylight: consider saving this and "
            "sending it in the morning."
        )
    return None


# -- batch ------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchSummary:
    drafts: int
    errors: int
    safety: int
    intensity_histogram: dict[int, int]
    tactics: dict[str, int]
    blame_types: dict[str, int]
    coverage: dict[str, float]
    error_kinds: dict[str, int]


def summarise(records: Sequence[Mapping[str, Any]]) -> BatchSummary:
    good = [r for r in records if not r.get("error")]
    hist = Counter((r.get("intensity") or {}).get("level") for r in good)
    tac = Counter(t["label"] for r in good for t in r.get("tactics", []))
    bt = Counter(b for r in good for s in r.get("sentences", []) for b in set(s.get("blame_types", [])))
    cov = {
        k: (sum(bool((r.get("dear_man") or {}).get(k, {}).get("present")) for r in good) / len(good) if good else 0.0)
        for k in DEAR_MAN
    }
    from draftwise.batch import error_kind

    kinds = Counter(error_kind(r["error"]) for r in records if r.get("error"))
    return BatchSummary(
        drafts=len(records),
        errors=len(records) - len(good),
        safety=sum(bool((r.get("safety") or {}).get("flag")) for r in good),
        intensity_histogram={lvl: hist.get(lvl, 0) for lvl in range(1, 11)},
        tactics={t: tac.get(t, 0) for t in TACTICS},
        blame_types={b: bt.get(b, 0) for b in BLAME_TYPES},
        coverage=cov,
        error_kinds=dict(kinds),
    )


def table_rows(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row of headline figures per draft, for the filterable table."""
    rows = []
    for r in records:
        text = r.get("text") or ""
        rows.append(
            {
                "id": str(r.get("id")),
                "draft": (text[:90] + "…") if len(text) > 90 else text,
                "intensity": (r.get("intensity") or {}).get("level"),
                "tactics": ", ".join(t["label"] for t in r.get("tactics", [])),
                "blame sentences": sum(s.get("phrasing") == "blame" for s in r.get("sentences", [])),
                "safety": bool((r.get("safety") or {}).get("flag")),
                "error": r.get("error") or "",
            }
        )
    return rows


def filter_rows(
    rows: Iterable[dict[str, Any]],
    *,
    tactics: Sequence[str] = (),
    min_intensity: int = 1,
    max_intensity: int = 10,
    only_safety: bool = False,
    only_errors: bool = False,
    search: str = "",
) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        lvl = r["intensity"] or 0
        if r["error"]:
            if not only_errors and (tactics or only_safety or min_intensity > 1 or max_intensity < 10):
                continue
        elif only_errors or not (min_intensity <= lvl <= max_intensity):
            continue
        if tactics and not set(tactics) & set(filter(None, r["tactics"].split(", "))):
            continue
        if only_safety and not r["safety"]:
            continue
        if search and search.lower() not in r["draft"].lower():
            continue
        out.append(r)
    return out


def analyse_upload(
    analyzer: Any,
    data: bytes,
    name: str,
    *,
    text_column: str = "text",
    id_column: str = "id",
    txt_mode: str = "line",
    max_rows: int = APP_MAX_ROWS,
    on_progress: Callable[[int], None] | None = None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Analyse an uploaded file from memory; returns the records and plain-words notices.

    Raises :class:`draftwise.io.readers.InputError` when the file as a whole cannot be read.
    """
    from draftwise.batch import analyse_rows
    from draftwise.io.readers import read_rows

    stream = io.BytesIO(data)
    stream.name = name  # type: ignore[attr-defined]
    notices: list[str] = []
    records: list[dict[str, Any]] = []
    chunk = []
    for total, row in enumerate(read_rows(stream, text_column=text_column, id_column=id_column, txt_mode=txt_mode)):
        if total >= max_rows:
            notices.append(
                f"The file has more than {max_rows:,} drafts; the first {max_rows:,} were analysed here. "
                "Use `draftwise batch` on your own machine for the whole file."
            )
            break
        chunk.append(row)
        if len(chunk) == 64:
            records += analyse_rows(analyzer, chunk, rewrites=False)
            chunk = []
            if on_progress:
                on_progress(len(records))
    if chunk:
        records += analyse_rows(analyzer, chunk, rewrites=False)
        if on_progress:
            on_progress(len(records))
    bad = [r for r in records if r.get("error")]
    if bad:
        notices.append(
            f"{len(bad)} of {len(records)} rows could not be analysed (their records say why); "
            "the other rows were analysed as usual."
        )
    if not records:
        notices.append("The file has no drafts in it.")
    return records, notices


def jsonl_bytes(records: Iterable[Mapping[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def csv_bytes(records: Iterable[Mapping[str, Any]]) -> bytes:
    import csv

    from draftwise.io.writers import CSV_COLUMNS, flat_row

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    w.writeheader()
    for r in records:
        w.writerow(flat_row(r))
    return buf.getvalue().encode("utf-8")
