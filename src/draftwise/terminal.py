"""The terminal report of ``draftwise check`` (rich), drawn from a Report.

Order matters: the safety notice comes first whenever it is raised, then the
draft sentence by sentence, the DEAR MAN checklist, intensity, tactics,
apology, suggestions and rewrites.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from draftwise.labels import DEAR_MAN, DISPLAY
from draftwise.render import INTENSITY_WORDS, intensity_bar, pieces, word_diff

STYLE = {"blame": "bold red", "description": "green", "neutral": "default"}


def _safety_panel(rec: dict[str, Any]) -> Panel:
    s = rec["safety"]
    lines = [Text(s["message"], style="bold")]
    for r in s["resources"]:
        lines.append(Text(f"• {r['name']} ({r['region']}): {r['contact']}"))
    return Panel(Group(*lines), title="Before anything else", border_style="bold magenta")


def draft_text(rec: dict[str, Any]) -> Text:
    """The draft with sentences coloured by phrasing and cue words underlined."""
    out = Text()
    for p in pieces(rec):
        style = STYLE.get(p.phrasing or "", "dim")
        if p.labels:
            style = f"{style} underline bold"
        out.append(p.text, style=style)
    return out


def sentence_table(rec: dict[str, Any]) -> Table:
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
            sent.append(p.text, style=STYLE[phr] + (" underline bold" if p.labels else ""))
        t.add_row(
            str(s["index"] + 1),
            sent,
            Text.from_markup(f"[{STYLE[phr]}]{DISPLAY[phr]}[/]" + (": " + ", ".join(tags) if tags else "")),
        )
    return t


def checklist(rec: dict[str, Any]) -> Table:
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
        t.add_row(Text.from_markup(mark), DISPLAY[k], Text(detail))
    return t


def print_report(report: Any, console: Console | None = None) -> None:
    """Print the whole report of one draft."""
    con = console or Console()
    rec = report.to_dict() if hasattr(report, "to_dict") else report
    if rec.get("error"):
        con.print(f"[red]Could not analyse this draft: {rec['error']}[/red]")
        return
    if rec["safety"]["flag"]:
        con.print(_safety_panel(rec))
    for w in rec.get("warnings", []):
        con.print(f"[yellow]Note: {w}[/yellow]")
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
            con.print(
                f"  [magenta]{DISPLAY[t['label']]}[/magenta] (sentence {sents}): {t['explanation']}. Words: {cues}"
            )
    else:
        con.print("[bold]Pressure tactics[/bold]: none found")
    ap = rec["apology"]
    if ap["kind"] != "none":
        con.print(
            f"[bold]Apology[/bold]: {DISPLAY[ap['kind']]}" + (f" ({ap['explanation']})" if ap["explanation"] else "")
        )
    if rec.get("suggestions"):
        con.print()
        print_suggestions(rec, con)
    if rec.get("rewrites"):
        con.print()
        print_rewrites(rec, con)


def print_suggestions(rec: dict[str, Any], console: Console | None = None) -> None:
    """Each flagged sentence, what is wrong in plain words, and a replacement."""
    con = console or Console()
    if not rec.get("suggestions"):
        con.print("[green]No sentence needs rewording.[/green]")
        return
    con.print("[bold]Suggestions[/bold]")
    for s in rec["suggestions"]:
        original = rec["sentences"][s["sentence"]]["text"]
        con.print(f"  {s['sentence'] + 1}. [red]{DISPLAY.get(s['issue'], s['issue'])}[/red]: {s['message']}")
        con.print(Text(f"     “{original}”", style="dim"))
        con.print(
            Text(
                f"     → {s['replacement']}" if s["replacement"] else "     → (leave this sentence out)", style="green"
            )
        )


def print_rewrites(rec: dict[str, Any], console: Console | None = None) -> None:
    """The whole-draft candidates side by side, each with its figures and a word diff."""
    con = console or Console()
    cols = Table(show_header=True, header_style="bold", expand=True)
    cols.add_column("original")
    for r in rec["rewrites"]:
        cols.add_column(r["style"])
    figures = [
        f"intensity {rec['intensity']['level']}\nblame sentences {sum(s['phrasing'] == 'blame' for s in rec['sentences'])}\ntactics {', '.join(t['label'] for t in rec['tactics']) or 'none'}"
    ]
    for r in rec["rewrites"]:
        figures.append(
            f"intensity {r['intensity']}\nblame sentences {r['blame_sentences']}\ntactics {', '.join(r['tactics']) or 'none'}\nDEAR: {', '.join(r['dear_man']) or '-'}"
        )
    texts: list[Text] = [Text(rec["text"])]
    for r in rec["rewrites"]:
        t = Text()
        for op, chunk in word_diff(rec["text"], r["text"]):
            if op == "=":
                t.append(chunk)
            elif op == "+":
                t.append(chunk, style="green")
            else:
                t.append(chunk, style="red strike")
        texts.append(t)
    cols.add_row(*texts)
    cols.add_row(*[Text(f, style="dim") for f in figures])
    con.print(cols)
