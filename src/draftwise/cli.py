"""The ``draftwise`` command: check one draft, batch a file, rewrite, train, evaluate.

Heavy imports (spaCy, the models) happen inside the commands, so ``--help``
is instant and ``check`` starts as fast as the analyser can load.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="draftwise reads a hard message before you send it, privately, on this machine.",
    rich_markup_mode=None,
)


def _read_text_arg(text: str) -> str:
    if text == "-":
        data = sys.stdin.buffer.read()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    return text


def _analyzer(rules_only: bool = False) -> Any:
    from draftwise.pipeline import Analyzer

    return Analyzer(models=not rules_only)


@app.command()
def check(
    text: Annotated[str, typer.Argument(help="The draft, in quotes, or - to read it from stdin.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the analysis record (JSON) instead of the report.")
    ] = False,
    rewrites: Annotated[bool, typer.Option("--rewrites", help="Add suggestions and whole-draft rewrites.")] = False,
    rules_only: Annotated[
        bool, typer.Option("--rules-only", help="Use the rules alone, without the trained models.")
    ] = False,
) -> None:
    """Analyse one draft and print what the other person will hear."""
    draft = _read_text_arg(text)
    report = _analyzer(rules_only).analyse(draft, rewrites=rewrites)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        from draftwise.terminal import print_report

        print_report(report)
    if report.error:
        raise typer.Exit(code=1)


@app.command()
def batch(
    input_path: Annotated[
        Path, typer.Argument(metavar="INPUT", help="CSV, TSV, JSONL, TXT or Parquet file of drafts (- for stdin).")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write the records: .jsonl, .csv or .parquet.")
    ],
    text_column: Annotated[str, typer.Option(help="Column (or JSON field) holding the draft.")] = "text",
    id_column: Annotated[str, typer.Option(help="Column carried into the records as their id, if present.")] = "id",
    txt_mode: Annotated[
        str, typer.Option(help="For .txt: 'line' (one draft per line) or 'blank' (drafts separated by a blank line).")
    ] = "line",
    input_format: Annotated[
        str | None,
        typer.Option("--format", help="Input format when the name does not tell: csv, tsv, jsonl, txt, parquet."),
    ] = None,
    rewrites: Annotated[
        bool, typer.Option("--rewrites", help="Fill suggestions and rewrites in every record.")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0 = one per core).")] = 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run from what OUTPUT already holds.")
    ] = False,
    engine: Annotated[str, typer.Option(help="'local' (this machine) or 'dask' (a Dask cluster).")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786); none starts a local cluster.")
    ] = None,
    rules_only: Annotated[
        bool, typer.Option("--rules-only", help="Use the rules alone, without the trained models.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    partition_rows: Annotated[int, typer.Option(help="Rows per partition (dask engine).")] = 2000,
) -> None:
    """Analyse every draft in a file; one record per input row, in order.

    With --engine dask, OUTPUT is a folder of partitions (part-00000.jsonl, ...).
    """
    from rich.console import Console

    from draftwise.io.readers import InputError

    err = Console(stderr=True)
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if engine == "dask":
        from draftwise.distributed import run_dask

        try:
            summary = run_dask(
                str(input_path),
                str(output),
                scheduler=scheduler,
                text_column=text_column,
                id_column=id_column,
                rewrites=rewrites,
                rules_only=rules_only,
                fmt=input_format,
                partition_rows=partition_rows,
            )
        except InputError as e:
            err.print(f"[red]draftwise: {e}[/red]")
            raise typer.Exit(code=2) from None
        for line in summary.lines():
            err.print(line)
        return
    if engine != "local":
        err.print(f"[red]draftwise: unknown engine {engine!r}: 'local' or 'dask'[/red]")
        raise typer.Exit(code=2)

    from draftwise import batch as batch_mod

    progress = None
    task = None
    if not quiet:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("drafts"),
            TimeElapsedColumn(),
            console=err,
            transient=False,
        )
        progress.start()
        task = progress.add_task("batch", total=None)
    try:
        summary = batch_mod.run(
            input_path,
            output,
            text_column=text_column,
            id_column=id_column,
            txt_mode=txt_mode,
            fmt=input_format,
            rewrites=rewrites,
            jobs=jobs,
            resume=resume,
            analyzer_kwargs={"models": not rules_only},
            on_progress=(lambda n: progress.advance(task, n)) if progress is not None else None,
        )
    except (InputError, ValueError) as e:
        if progress is not None:
            progress.stop()
        err.print(f"[red]draftwise: {e}[/red]")
        raise typer.Exit(code=2) from None
    if progress is not None:
        progress.stop()
    for line in summary.lines():
        err.print(line)
    err.print(f"wrote {output}")


@app.command()
def rewrite(
    text: Annotated[str, typer.Argument(help="The draft, in quotes, or - to read it from stdin.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the record with suggestions and rewrites (JSON).")
    ] = False,
) -> None:
    """Suggest sentence rewrites and whole-draft candidates, side by side with their figures."""
    draft = _read_text_arg(text)
    report = _analyzer().analyse(draft, rewrites=True)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from draftwise.terminal import print_rewrites, print_suggestions

    con = Console()
    if report.error:
        con.print(f"[red]Could not analyse this draft: {report.error}[/red]")
        raise typer.Exit(code=1)
    rec = report.to_dict()
    if rec["safety"]["flag"]:
        from draftwise.terminal import _safety_panel

        con.print(_safety_panel(rec))
    print_suggestions(rec, con)
    print_rewrites(rec, con)


@app.command()
def train(
    data: Annotated[Path, typer.Option(help="Folder with train.jsonl and dev.jsonl.")] = Path("data"),
    out: Annotated[Path, typer.Option(help="Where to write the model files.")] = Path("models"),
) -> None:
    """Rebuild every model from data/ (deterministic; thresholds chosen on dev)."""
    from draftwise.models.train import train as run_train

    meta = run_train(data, out)
    typer.echo(json.dumps(meta["dev"], indent=1))


@app.command(name="eval")
def evaluate(
    split: Annotated[str, typer.Option(help="Which split of data/ to score: train, dev or test.")] = "test",
    data: Annotated[Path, typer.Option(help="Folder holding the labelled splits.")] = Path("data"),
    gold: Annotated[Path | None, typer.Option(help="Score this labelled JSONL file instead of a split.")] = None,
    external: Annotated[
        bool, typer.Option(help="Also run the external checks when shared/datasets is present.")
    ] = True,
    shared: Annotated[Path | None, typer.Option(help="The shared/ folder (default: ../shared).")] = None,
    save: Annotated[Path | None, typer.Option(help="Write the predictions (JSONL) here.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    rules_only: Annotated[bool, typer.Option("--rules-only", help="Evaluate the rules alone.")] = False,
) -> None:
    """Measure the analyser on held-out labelled drafts and, where present, external datasets."""
    from draftwise import evaluate as ev
    from draftwise.corpus import read_jsonl

    path = gold or (data / f"{split}.jsonl")
    golds = list(read_jsonl(path))
    analyzer = _analyzer(rules_only)
    preds = ev.predict(analyzer, golds)
    if save:
        with open(save, "w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    res = ev.score(preds, golds)
    sh = ev.shared_dir(shared)
    cross = ev.shared_scorer(sh, preds, path)
    ext = ev.external(analyzer, sh) if external else {}
    if as_json:
        typer.echo(
            json.dumps(
                {"split": split, "mode": analyzer.mode, **res, "shared_scorer": cross, "external": ext},
                indent=1,
                default=list,
            )
        )
        return
    typer.echo(f"mode: {analyzer.mode}")
    for line in ev.report_lines(res, path.stem):
        typer.echo(line)
    if cross is not None:
        keys = (
            "skills_macro_f1",
            "phrasing_macro_f1",
            "tactics_macro_f1",
            "benign_false_alarm",
            "intensity_mae",
            "intensity_spearman",
            "safety_recall",
            "mindful_acc",
            "confident_acc",
            "apology_kind_acc",
        )
        typer.echo("\nshared/tools/score.py on the same predictions: " + ", ".join(f"{k} {cross.get(k)}" for k in keys))
    else:
        typer.echo("\nshared/tools/score.py is not here: cross-check skipped")
    if external:
        typer.echo("\nexternal checks (evaluation only):")
        if "note" in ext:
            typer.echo("  " + ext["note"])
        else:
            e = ext.get("emoint_pearson")
            if e:
                typer.echo(
                    "  EmoInt-2017 test, Pearson of intensity score: "
                    + ", ".join(f"{k} {v:.3f}" for k, v in e.items())
                    + "   (best system of the shared task: 0.747)"
                )
            m = ext.get("mentalmanip")
            if m:
                typer.echo(
                    f"  MentalManip consensus, any tactic or blame vs manipulative: macro-F1 {m['macro_f1']:.3f}, "
                    f"accuracy {m['accuracy']:.3f} on {m['dialogues']} dialogues   (GPT-4: 0.649 zero-shot, 0.685 intent-aware)"
                )
            c = ext.get("casino")
            if c:
                typer.echo(
                    f"  CaSiNo test, negotiate recall on promote-coordination and elicit-pref: {c['negotiate_recall']:.3f} "
                    f"({c['utterances']} utterances)"
                )


@app.command(name="eval-rewrites")
def eval_rewrites(
    split: Annotated[str, typer.Option(help="Which split of data/ to use.")] = "test",
    data: Annotated[Path, typer.Option(help="Folder holding the labelled splits.")] = Path("data"),
    gold: Annotated[Path | None, typer.Option(help="Use this labelled JSONL file instead of a split.")] = None,
    pairs: Annotated[int, typer.Option(help="How many before/after pairs to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Judge the best rewrite of every draft with blame or a tactic: calm, clean, facts and ask kept."""
    from draftwise import evaluate as ev
    from draftwise.corpus import read_jsonl

    golds = list(read_jsonl(gold or (data / f"{split}.jsonl")))
    res = ev.rewrites(_analyzer(), golds, pairs=pairs)
    if as_json:
        typer.echo(json.dumps(res, indent=1, ensure_ascii=False))
        return
    r = res["rates"]
    typer.echo(
        f"rewrites on {res['drafts_with_blame_or_tactic']} drafts with blame or a tactic "
        f"({res['mean_candidates']:.1f} candidates each); the best candidate:"
    )
    for k, label in (
        ("no_blame", "has no blame sentence"),
        ("no_tactic", "has no tactic"),
        ("calm", "has intensity <= 4"),
        ("facts", "keeps every number, name and date"),
        ("ask", "keeps the ask"),
        ("all", "passes all five"),
    ):
        typer.echo(f"  {label:<36} {r[k]:.3f}")
    typer.echo(f"sentence suggestions: {res['suggestions']}, with a fluency problem: {res['suggestions_not_fluent']}")
    for before, after, probs in res["fluency_examples"]:
        typer.echo(f"  ! {before!r} -> {after!r}: {', '.join(probs)}")
    for p in res["pairs"]:
        typer.echo(
            f"\n--- {p['id']} ({p['style']}; intensity {p['intensity'][0]} -> {p['intensity'][1]}; tactics {p['tactics'][0]} -> {p['tactics'][1]})"
        )
        typer.echo("before: " + p["before"].replace("\n", " / "))
        typer.echo("after:  " + p["after"].replace("\n", " / "))


def main() -> None:
    """Entry point of the ``draftwise`` script."""
    app()


if __name__ == "__main__":
    main()
