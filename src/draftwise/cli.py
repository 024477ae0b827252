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
) -> None:
    """Analyse every draft in a file; one record per input row, in order."""
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


def main() -> None:
    """Entry point of the ``draftwise`` script."""
    app()


if __name__ == "__main__":
    main()
