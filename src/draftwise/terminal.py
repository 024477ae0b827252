"""The terminal report of ``draftwise check`` (rich), drawn from a Report.

Order matters: the safety notice comes first whenever it is raised, then the
draft sentence by sentence, the DEAR MAN checklist, intensity, tactics,
apology, suggestions and rewrites.

Anything that comes from the draft (or a file) is printed as a rich ``Text`` of
:func:`draftwise.textsafe.visible`: control characters are shown, never obeyed,
and square brackets are never read as markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from draftwise.labels import DEAR_MAN, DISPLAY
from draftwise.render import INTENSITY_WORDS, intensity_bar, pieces
from draftwise.textsafe import rich_text, visible

STYLE = {"blame": "bold red", "description": "green", "neutral": "default"}


def _safety_panel(rec: dict[str, Any]) -> Panel:
    """The supportive screen of safety mode: warm words, an invitation, the resources (as in the app)."""
    from draftwise.appkit import safety_screen

    screen = safety_screen(rec)
    assert screen is not None
    lines = [rich_text(screen.warm_words), Text(), rich_text(screen.invitation, style="bold"), Text()]
    for r in screen.resources:
        lines.append(rich_text(f"• {r['name']} ({r['region']}): {r['contact']}"))
    return Panel(Group(*lines), title=screen.title, border_style="bold magenta")


def draft_text(rec: dict[str, Any]) -> Text:
    """The draft with sentences coloured by phrasing and cue words underlined."""
    out = Text()
    for p in pieces(rec):
        style = STYLE.get(p.phrasing or "", "dim")
        if p.labels:
            style = f"{style} underline bold"
        out.append(visible(p.text), style=style)
    return out


def sentence_table(rec: dict[str, Any]) -> Table:
    """Each sentence, coloured by phrasing with its cue words underlined, and what it reads as."""
    t = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    t.add_column("#", justify="right", style="dim")
    t.add_column("sentence")
    t.add_column("reads as")
    for s in rec["sentences"]:
        tags = [DISPLAY[k] for k in s["skills"]]
        tags += [f"[red]{DISPLAY[b]}[/red]" for b in s["blame_types"]]
        tags += [f"[magenta]{DISPLAY[x]}[/magenta]" for x in s["tactics"]]
        phr = s["phrasing"]
        sent = Text()
        for p in pieces({"text": rec["text"], "sentences": [s]}):
            if p.sentence is None:
                continue
            sent.append(visible(p.text), style=STYLE[phr] + (" underline bold" if p.labels else ""))
        t.add_row(
            str(s["index"] + 1),
            sent,
            Text.from_markup(f"[{STYLE[phr]}]{DISPLAY[phr]}[/]" + (": " + ", ".join(tags) if tags else "")),
        )
    return t


def checklist(rec: dict[str, Any]) -> Table:
    """The DEAR MAN checklist: a mark per skill, the sentences that show it, or a hint."""
    t = Table(show_header=False, box=None, pad_edge=False)
    t.add_column(width=2)
    t.add_column(style="bold", width=17)
    t.add_column()
    dm = rec["dear_man"]
    for k in DEAR_MAN:
        c = dm[k]
        mark = "[green]✓[/green]" if c["present"] else "[yellow]✗[/yellow]"
        if c["present"]:
            detail = (
                ("sentences " + ", ".join(str(i + 1) for i in c.get("sentences", []))) if c.get("sentences") else ""
            )
        else:
            reasons = "; ".join(c.get("reasons", []))
            detail = (reasons + ". " if reasons else "") + c.get("hint", "")
        t.add_row(Text.from_markup(mark), DISPLAY[k], rich_text(detail))
    return t


HELD_BACK = (
    "The rest of the analysis is held back: this draft mentions suicide, self-harm or violence, and "
    "coaching its wording is not what matters now. If it is about something else (a quote, a story, "
    "a joke), run the command again with --show-anyway."
)


def print_report(report: Any, console: Console | None = None, *, show_anyway: bool = False) -> None:
    """Print the whole report of one draft; in safety mode, the resources first and (unless asked) only them."""
    con = console or Console()
    rec = report.to_dict() if hasattr(report, "to_dict") else report
    if rec["safety"]["flag"]:
        con.print(_safety_panel(rec))
        if not show_anyway:
            con.print(rich_text(HELD_BACK, style="dim"))
            return
    if rec.get("error"):
        con.print(rich_text(f"Could not analyse this draft: {rec['error']}", style="red"))
        return
    for w in rec.get("warnings", []):
        con.print(rich_text(f"Note: {w}", style="yellow"))
    con.print(
        Panel(
            draft_text(rec),
            title="Your draft",
            subtitle="[red]blame[/red] · [green]description[/green] · neutral · [underline]cue words[/underline]",
        )
    )
    con.print(sentence_table(rec))
    con.print()
    con.print("[bold]DEAR MAN[/bold]")
    con.print(checklist(rec))
    lvl = rec["intensity"]["level"]
    sig = rec["intensity"]["signals"]
    raised = [
        f"{k.replace('_', ' ')} {v:g}"
        for k, v in sig.items()
        if v and k not in ("words", "mean_abs_valence", "questions")
    ]
    con.print()
    colour = "green" if lvl <= 3 else "yellow" if lvl <= 6 else "red"
    con.print(f"[bold]Intensity[/bold] [{colour}]{intensity_bar(lvl)}[/{colour}] {lvl}/10 ({INTENSITY_WORDS[lvl]})")
    if raised:
        con.print(f"  [dim]raised by: {', '.join(raised[:6])}[/dim]")
    con.print()
    if rec["tactics"]:
        con.print("[bold]Pressure tactics[/bold]")
        for t in rec["tactics"]:
            cues = ", ".join(f"“{e['cue']}”" for e in t["evidence"]) or "(the sentence as a whole)"
            sents = ", ".join(str(i + 1) for i in t["sentences"])
            line = Text("  ")
            line.append(DISPLAY[t["label"]], style="magenta")
            line.append(visible(f" (sentence {sents}): {t['explanation']}. Words: {cues}"))
            con.print(line)
    else:
        con.print("[bold]Pressure tactics[/bold]: none found")
    ap = rec["apology"]
    if ap["kind"] != "none":
        line = Text("Apology", style="bold")
        line.append(visible(f": {DISPLAY[ap['kind']]}" + (f" ({ap['explanation']})" if ap["explanation"] else "")))
        con.print(line)
    if rec.get("suggestions"):
        con.print()
        print_suggestions(rec, con)
    if rec.get("rewrites_note"):
        con.print()
        con.print(rich_text(rec["rewrites_note"], style="bold"))
    if rec.get("rewrites"):
        con.print()
        print_rewrites(rec, con)
    elif rec.get("rewrites_withheld"):
        con.print()
        con.print(rich_text(rec["rewrites_withheld"], style="bold"))


def print_suggestions(rec: dict[str, Any], console: Console | None = None) -> None:
    """Each flagged sentence, what is wrong in plain words, and a replacement."""
    con = console or Console()
    if not rec.get("suggestions"):
        con.print("[green]No sentence needs rewording.[/green]")
        return
    con.print("[bold]Suggestions[/bold]")
    for s in rec["suggestions"]:
        original = rec["sentences"][s["sentence"]]["text"]
        line = Text(f"  {s['sentence'] + 1}. ")
        line.append(visible(DISPLAY.get(s["issue"], s["issue"])), style="red")
        line.append(visible(f": {s['message']}"))
        con.print(line)
        con.print(rich_text(f"     “{original}”", style="dim"))
        con.print(
            rich_text(
                f"     → {s['replacement']}" if s["replacement"] else "     → (leave this sentence out)", style="green"
            )
        )


def print_rewrites(rec: dict[str, Any], console: Console | None = None, *, changes: bool = False) -> None:
    """Each whole-draft candidate as the clean message it would be, one after another, with its figures.

    With ``changes`` the changes against the draft are shown too: coloured phrases on a colour
    terminal, ``[-old-]{+new+}`` without colour (never words interleaved one by one).
    """
    from draftwise.render import diff_chunks, diff_text

    con = console or Console()
    for i, r in enumerate(rec["rewrites"], 1):
        blanks = r["text"].count("[")
        head = Text(f"{i}. {r['style'].replace('_', ' ')}", style="bold")
        if i == 1:
            head.append("  (best)", style="bold green")
        con.print(head)
        con.print(Panel(rich_text(r["text"]), expand=False))
        figures = (
            f"intensity {r['intensity']} · blame sentences {r['blame_sentences']} · "
            f"tactics {', '.join(r['tactics']) or 'none'} · DEAR: {', '.join(r['dear_man']) or '-'}"
        )
        if blanks:
            figures += f" · {blanks} blank{'s' if blanks > 1 else ''} to fill"
        con.print(rich_text(figures, style="dim"))
        if changes:
            if con.color_system is not None:
                t = Text("changes: ", style="dim")
                for c in diff_chunks(rec["text"], r["text"]):
                    if not c.changed:
                        t.append(visible(c.new))
                        continue
                    if c.old:
                        t.append(visible(c.old), style="red strike")
                    if c.new:
                        t.append(visible(c.new), style="green")
                con.print(t)
            else:
                con.print(rich_text("changes: " + diff_text(rec["text"], r["text"])))
        con.print()
