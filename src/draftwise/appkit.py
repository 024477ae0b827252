"""What the Streamlit app shows, computed here as plain data so it can be tested without a browser.

``app.py`` only draws: every list, table, summary, nudge and piece of HTML it
puts on screen comes from a pure function of this module or of ``render.py``.
Nothing here writes to disk; uploads are read from memory.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import time
from typing import Any

from draftwise.config import Settings
from draftwise.labels import BLAME_TYPES, DEAR_MAN, DISPLAY, SKILLS, TACTICS

# Re-exported: app.py reads everything it shows from appkit.
from draftwise.present_batch import (
    column_warning as column_warning,
)
from draftwise.present_batch import (
    count_rows as count_rows,
)
from draftwise.present_batch import (
    default_text_column as default_text_column,
)
from draftwise.present_batch import (
    other_columns as other_columns,
)
from draftwise.present_batch import (
    preview_rows as preview_rows,
)
from draftwise.present_batch import (
    progress as progress,
)
from draftwise.present_batch import (
    row_warnings as row_warnings,
)
from draftwise.present_check import (
    DEAR_MAN_EXPLAINER as DEAR_MAN_EXPLAINER,
)
from draftwise.present_check import (
    NOT_A_REQUEST as NOT_A_REQUEST,
)
from draftwise.present_check import (
    SCREEN_NAMES as SCREEN_NAMES,
)
from draftwise.present_check import (
    PossibleTactic as PossibleTactic,
)
from draftwise.present_check import (
    SentenceView as SentenceView,
)
from draftwise.present_check import (
    Verdict as Verdict,
)
from draftwise.present_check import (
    asks_in as asks_in,
)
from draftwise.present_check import (
    count_words as count_words,
)
from draftwise.present_check import (
    is_request as is_request,
)
from draftwise.present_check import (
    legend_html as legend_html,
)
from draftwise.present_check import (
    possible_tactics as possible_tactics,
)
from draftwise.present_check import (
    quotes_html as quotes_html,
)
from draftwise.present_check import (
    screen_name as screen_name,
)
from draftwise.present_check import (
    sentence_views as sentence_views,
)
from draftwise.present_check import (
    sentences_html as sentences_html,
)
from draftwise.present_check import (
    verdict as verdict,
)
from draftwise.present_check import (
    verdict_html as verdict_html,
)
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
    """One DEAR MAN skill: ``state`` is ``"yes"``, ``"partly"`` (an ask inside pressure) or ``"no"``."""

    skill: str
    name: str
    present: bool
    sentences: tuple[int, ...]
    detail: str
    state: str = ""


def checklist(rec: Mapping[str, Any]) -> list[ChecklistRow]:
    """The seven DEAR MAN skills, ticked or not, with the sentences that show them or a hint.

    An ask carried inside an ultimatum (or urgency, or a conditional threat) is credited to
    Assert as ``"partly"``: the ask is there, the problem is how it is delivered.
    """
    rows = []
    dm = rec.get("dear_man") or {}
    ask_sents = tuple(i for i, s in enumerate(rec.get("sentences") or ()) if s.get("tactics") and asks_in(s))
    for k in DEAR_MAN:
        c = dm.get(k) or {"present": False}
        sents = tuple(c.get("sentences", []))
        state = "yes" if c.get("present") else "no"
        if c.get("present"):
            detail = ("shown in sentence " + ", ".join(str(i + 1) for i in sents)) if sents and k in SKILLS else "yes"
        elif k == "assert" and ask_sents:
            state = "partly"
            detail = (
                f"The ask is there (sentence {', '.join(str(i + 1) for i in ask_sents)}), but it comes with "
                "pressure: keep the ask and drop the penalty."
            )
        else:
            reasons = "; ".join(c.get("reasons", []))
            detail = (reasons[0].upper() + reasons[1:] + ". " if reasons else "") + c.get("hint", "")
        rows.append(ChecklistRow(k, DISPLAY[k], bool(c.get("present")), sents, detail.strip(), state))
    return rows


@dataclass(frozen=True)
class TacticCard:
    """One pressure tactic as a card: its name, why, the sentences and the words that carry it."""

    label: str
    name: str
    explanation: str
    sentences: tuple[int, ...]
    quotes: tuple[str, ...]
    score: float


def tactic_cards(rec: Mapping[str, Any]) -> list[TacticCard]:
    """One card per tactic the record flags, with the words that carry it.

    Quotes are the record's evidence phrases; when every cue is a single word ("by", "or"),
    the sentence itself is quoted instead, so a card never shows meaningless fragments.
    """
    out = []
    sents = rec.get("sentences") or []
    for t in rec.get("tactics", []):
        quotes = tuple(dict.fromkeys(e["cue"] for e in t.get("evidence", []) if (e.get("cue") or "").strip()))
        if not quotes or all(len(q.split()) < 2 for q in quotes):
            quotes = tuple(sents[i]["text"] for i in t["sentences"] if 0 <= i < len(sents))
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
}


def intensity_reasons(rec: Mapping[str, Any], limit: int = 5) -> list[str]:
    """The signals that raised the intensity, in plain words, strongest first.

    Blame and pressure are counted from the record's sentences and tactic cards (so "1 pressure
    tactic" matches the one card shown), and a calm draft (1-3/10) lists nothing: nothing
    "raised" it.
    """
    intensity = rec.get("intensity") or {}
    if int(intensity.get("level") or 1) <= 3:
        return []
    sig = intensity.get("signals", {})
    weights = {
        "caps_ratio": 10,
        "swears": 3,
        "insults": 3,
        "punct_bursts": 2,
        "exclamations": 1.5,
        "hot_emoji": 1,
        "elongations": 1,
        "intensifiers": 0.7,
        "max_abs_valence": 2,
    }
    present: list[tuple[float, str]] = [
        (weights.get(k, 1) * float(v), _SIGNAL_WORDS[k][1](float(v)))
        for k, v in sig.items()
        if k in _SIGNAL_WORDS and v and float(v) > (0.3 if k == "max_abs_valence" else 0.02 if k == "caps_ratio" else 0)
    ]
    tactics = [DISPLAY[t["label"]].lower() for t in rec.get("tactics") or ()]
    if tactics:
        present.append((2.0 * len(tactics), f"{count_words(len(tactics), 'pressure tactic')} ({', '.join(tactics)})"))
    blame = sum(s.get("phrasing") == "blame" for s in rec.get("sentences") or ())
    if blame:
        present.append((1.5 * blame, f"{count_words(blame, 'blaming sentence')}"))
    present.sort(key=lambda x: -x[0])
    return [words for _, words in present[:limit]]


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


def nudge(
    rec: Mapping[str, Any], writing_at: time | None = None, heated_from: int = Settings().heated_level
) -> str | None:
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
class UploadFigures:
    """The figures of a whole upload: counts, the intensity histogram, tactics, blame and coverage."""

    drafts: int
    errors: int
    safety: int
    intensity_histogram: dict[int, int]
    tactics: dict[str, int]
    blame_types: dict[str, int]
    coverage: dict[str, float]
    error_kinds: dict[str, int]


def summarise(records: Sequence[Mapping[str, Any]]) -> UploadFigures:
    """Summarise analysed records for the batch view's metrics and charts."""
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
    return UploadFigures(
        drafts=len(records),
        errors=len(records) - len(good),
        # every record: a draft whose analysis failed still carries its safety flag (OUTPUT.md)
        safety=sum(bool((r.get("safety") or {}).get("flag")) for r in records),
        intensity_histogram={lvl: hist.get(lvl, 0) for lvl in range(1, 11)},
        tactics={t: tac.get(t, 0) for t in TACTICS},
        blame_types={b: bt.get(b, 0) for b in BLAME_TYPES},
        coverage=cov,
        error_kinds=dict(kinds),
    )


def _extra(extras: Sequence[Mapping[str, str]] | None, i: int) -> Mapping[str, str]:
    return extras[i] if extras is not None and i < len(extras) else {}


def _extra_name(name: str, taken: Iterable[str]) -> str:
    return name if name not in set(taken) else f"input {name}"


def table_rows(
    records: Sequence[Mapping[str, Any]], extras: Sequence[Mapping[str, str]] | None = None
) -> list[dict[str, Any]]:
    """One row of headline figures per draft, for the filterable table.

    Tactics show by their display names; ``extras`` (the upload's other columns, by row order)
    follow the figures, renamed "input NAME" where a name is taken.
    """
    rows = []
    for i, r in enumerate(records):
        text = r.get("text") or ""
        row: dict[str, Any] = {
            "id": str(r.get("id")),
            "draft": (text[:90] + "…") if len(text) > 90 else text,
            "intensity": (r.get("intensity") or {}).get("level"),
            "tactics": ", ".join(DISPLAY[t["label"]] for t in r.get("tactics", [])),
            "blame sentences": sum(s.get("phrasing") == "blame" for s in r.get("sentences", [])),
            "safety": bool((r.get("safety") or {}).get("flag")),
            "error": r.get("error") or "",
        }
        for k, v in _extra(extras, i).items():
            row[_extra_name(k, row)] = v
        rows.append(row)
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
    """The table rows that pass the filters (tactics, intensity range, safety, errors, search)."""
    out = []
    for r in rows:
        lvl = r["intensity"] or 0
        if r["error"]:
            if not only_errors and (tactics or only_safety or min_intensity > 1 or max_intensity < 10):
                continue
        elif only_errors or not (min_intensity <= lvl <= max_intensity):
            continue
        if tactics and not {DISPLAY[t] for t in tactics} & set(filter(None, r["tactics"].split(", "))):
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
    chunk_size: int = 64,
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
        if len(chunk) >= chunk_size:
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


def jsonl_bytes(records: Iterable[Mapping[str, Any]], extras: Sequence[Mapping[str, str]] | None = None) -> bytes:
    """Records as JSON Lines; the upload's other columns, when given, ride along as ``input_columns``."""
    out = []
    for i, r in enumerate(records):
        extra = _extra(extras, i)
        out.append(json.dumps({**r, "input_columns": dict(extra)} if extra else r, ensure_ascii=False) + "\n")
    return "".join(out).encode("utf-8")


def csv_bytes(records: Iterable[Mapping[str, Any]], extras: Sequence[Mapping[str, str]] | None = None) -> bytes:
    """Records as a spreadsheet-safe CSV (formula-like cells neutralised), with the upload's other columns.

    The columns of :data:`draftwise.io.writers.CSV_COLUMNS` come first, then the upload's own
    columns (renamed "input NAME" where a name is taken), matched by row order.
    """
    import csv

    from draftwise.io.writers import CSV_COLUMNS, csv_row
    from draftwise.textsafe import spreadsheet_cell

    records = list(records)
    names: dict[str, None] = {}
    for i in range(len(records)):
        names.update(dict.fromkeys(_extra(extras, i)))
    fields = list(CSV_COLUMNS) + [_extra_name(k, CSV_COLUMNS) for k in names]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields)
    # The upload's own column names are data too: a header cell is spreadsheet-safe like any other.
    w.writerow({f: spreadsheet_cell(f) for f in fields})
    for i, r in enumerate(records):
        row = csv_row(r)
        for k, v in _extra(extras, i).items():
            row[_extra_name(k, CSV_COLUMNS)] = spreadsheet_cell(v)
        w.writerow(row)
    return buf.getvalue().encode("utf-8")


# -- rewrites ---------------------------------------------------------------------------

STYLE_NAMES = {
    "light_touch": "Your message, only what hurts changed",
    "dear_man": "Reordered as DEAR MAN",
    "short_kind": "Short: the facts and the ask",
    "repair_first": "Repair first",
    "starter": "A starter to fill in",
    "your_model": "Your own model",
}
_SLOT_RE = re.compile(r"\[[^\]\n]{1,80}\]")


def blanks(text: str) -> list[str]:
    """The ``[slots]`` still to fill in a text, in order."""
    return _SLOT_RE.findall(text or "")


def blank_warning(text: str) -> str | None:
    """The warning shown before copying ("Two blanks still to fill: [when], [how]"), or None."""
    found = blanks(text)
    if not found:
        return None
    n = len(found)
    shown = ", ".join(dict.fromkeys(found))
    return (
        f"{count_words(n, 'blank').capitalize()} still to fill: {shown}. Replace "
        f"{'it' if n == 1 else 'each'} with what really happened before you send this."
    )


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@dataclass(frozen=True)
class RewriteCard:
    """One rewrite as a card: the clean text, its figures in words, and how many blanks it leaves."""

    number: int
    style: str
    title: str
    description: str
    text: str
    figures: str
    blanks: int
    best: bool


def rewrite_cards(rec: Mapping[str, Any]) -> list[RewriteCard]:
    """The record's rewrites as cards, never one identical to the draft (or to an earlier card).

    Args:
        rec: the analysis record (with rewrites).

    Returns:
        The cards in the record's order (best first); empty when nothing would change.
    """
    draft = rec.get("text") or ""
    seen: list[str] = [draft]
    out: list[RewriteCard] = []
    for w in rec.get("rewrites") or ():
        text = w.get("text") or ""
        if not text.strip() or any(_same(text, x) for x in seen):
            continue
        seen.append(text)
        tactics = ", ".join(DISPLAY.get(t, t) for t in w.get("tactics") or ()) or "none"
        n_blame = int(w.get("blame_sentences") or 0)
        figures = (
            f"intensity {w.get('intensity')}/10 · "
            f"{count_words(n_blame, 'blaming sentence') if n_blame else 'no blame'} · pressure: {tactics}"
        )
        out.append(
            RewriteCard(
                number=len(out) + 1,
                style=w.get("style", ""),
                title=STYLE_NAMES.get(w.get("style", ""), str(w.get("style", "")).replace("_", " ").capitalize()),
                description=w.get("description") or "",
                text=text,
                figures=figures,
                blanks=len(blanks(text)),
                best=not out,
            )
        )
    return out


NOTHING_TO_CHANGE = "Nothing to change: the rewrites would send your draft as it is."


def draft_figures(rec: Mapping[str, Any]) -> str:
    """The draft's own figures in the words the rewrite cards use."""
    n_blame = sum(s.get("phrasing") == "blame" for s in rec.get("sentences") or ())
    tactics = ", ".join(DISPLAY.get(t["label"], t["label"]) for t in rec.get("tactics") or ()) or "none"
    return (
        f"intensity {(rec.get('intensity') or {}).get('level')}/10 · "
        f"{count_words(n_blame, 'blaming sentence') if n_blame else 'no blame'} · pressure: {tactics}"
    )


def sync_edit_state(state: MutableMapping[str, Any], draft: str, first: str) -> bool:
    """Keep the rewrite editor in step with the draft it belongs to.

    When the draft changes, the editor starts again from the new draft's best candidate and the
    old re-check result is cleared (draft 1's re-check must never show under draft 3).

    Args:
        state: the session state (any mutable mapping).
        draft: the draft now in the check view.
        first: what the editor should start from for this draft.

    Returns:
        True when the state was reset for a new draft.
    """
    if state.get("edited_for") == draft and "edited" in state:
        return False
    state["edited_for"] = draft
    state["edited"] = first
    state.pop("rechecked", None)
    return True


def recheck_for(state: Mapping[str, Any], draft: str) -> str | None:
    """The text last re-checked for this draft, or None (a re-check of another draft never shows)."""
    got = state.get("rechecked")
    if isinstance(got, tuple) and len(got) == 2 and got[0] == draft:
        return got[1]
    return None


def copy_button_html(text: str, label: str = "Copy") -> str:
    """A visible Copy button for ``st.components.v1.html``: copies ``text`` with the Clipboard API.

    The text travels as a JSON string with ``<`` escaped, so no user text can close the script;
    when the Clipboard API is refused it falls back to a hidden text area and ``execCommand``.
    """
    payload = json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (
        '<button id="dw-copy" type="button" aria-live="polite" style="font:600 15px system-ui,sans-serif;'
        "padding:8px 18px;border-radius:8px;border:1px solid #1c7ed6;background:#1c7ed6;color:#fff;"
        f'cursor:pointer">📋 {html.escape(label)}</button>'
        "<script>(function(){const t=" + payload + ";const b=document.getElementById('dw-copy');"
        "function done(ok){b.textContent=ok?'✓ Copied':'Select the text and copy it';}"
        "function fallback(){const a=document.createElement('textarea');a.value=t;document.body.appendChild(a);"
        "a.select();let ok=false;try{ok=document.execCommand('copy');}catch(e){}a.remove();done(ok);}"
        "b.addEventListener('click',function(){if(navigator.clipboard&&navigator.clipboard.writeText){"
        "navigator.clipboard.writeText(t).then(function(){done(true);},fallback);}else{fallback();}});})();</script>"
    )


def md_escape(text: str) -> str:
    """Text from a draft or a file made safe for ``st.markdown``: no link, emphasis or HTML survives.

    Every Markdown punctuation character is backslash-escaped and ``<``/``>``/``&`` become
    entities, so "[x](http://evil)" or "**x**" shows as typed; "://" and "www." are broken with
    an escaped character so no bare address turns into a live link.
    """
    out = html.escape(text or "", quote=False)
    out = re.sub(r"([\\`*_{}\[\]()#+\-.!|~>])", r"\\\1", out)
    return out.replace(":", "\\:")


def intensity_chart(summary: UploadFigures) -> list[dict[str, int]]:
    """The intensity histogram as rows ordered 1..10 (numbers, so the axis never runs 1, 10, 2…)."""
    return [{"intensity": lvl, "drafts": summary.intensity_histogram.get(lvl, 0)} for lvl in range(1, 11)]
