"""The ``draftwise`` command: check one draft, batch a file, rewrite (training and evaluation: ``draftwise-lab``).

Heavy imports (spaCy, the models) happen inside the commands, so ``--help``
is instant and ``check`` starts as fast as the analyser can load.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

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


def _count_rows(path: Path, fmt: str | None, text_column: str, id_column: str, txt_mode: str) -> int | None:
    """How many rows the input has (a quick read, no analysis), for the progress bar; None if unknown."""
    if str(path) == "-":
        return None
    from draftwise.io.readers import read_rows

    try:
        return sum(1 for _ in read_rows(path, fmt=fmt, text_column=text_column, id_column=id_column, txt_mode=txt_mode))
    except Exception:  # the run itself reports what is wrong with the file
        return None


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
    show_anyway: Annotated[
        bool,
        typer.Option("--show-anyway", help="In safety mode, also show the analysis (for a quote, a story or a joke)."),
    ] = False,
) -> None:
    """Analyse one draft and print what the other person will hear."""
    draft = _read_text_arg(text)
    report = _analyzer(rules_only).analyse(draft, rewrites=rewrites)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        from draftwise.terminal import print_report

        print_report(report, show_anyway=show_anyway)
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
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Worker processes (0 = one per core); with --engine dask, workers of the local cluster.",
        ),
    ] = None,
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

    With --engine dask, OUTPUT named .jsonl or .csv is one file; any other name is a folder of
    partitions (part-00000.jsonl, ...).
    """
    from rich.console import Console

    from draftwise.io.readers import InputError
    from draftwise.io.writers import OutputError
    from draftwise.textsafe import rich_text

    err = Console(stderr=True)

    def fail(message: object) -> NoReturn:
        err.print(rich_text(f"draftwise: {message}", style="red"), soft_wrap=True)  # one line, never wrapped
        raise typer.Exit(code=2)

    if engine not in ("local", "dask"):
        fail(f"unknown engine {engine!r}: 'local' or 'dask'")
    if jobs is not None and jobs < 0:
        fail("--jobs is a number of processes: 0 (one per core) or more")
    from draftwise.batch import BatchOptions

    # One set of options, whichever engine runs them.
    options = BatchOptions(
        text_column=text_column,
        id_column=id_column,
        txt_mode=txt_mode,
        fmt=input_format,
        rewrites=rewrites,
        resume=resume,
        jobs=(os.cpu_count() or 1) if jobs == 0 else jobs,
        rules_only=rules_only,
    )
    if engine == "dask":
        from draftwise.distributed import run_dask

        try:
            summary = run_dask(
                str(input_path), str(output), options, scheduler=scheduler, partition_rows=partition_rows
            )
        except (InputError, OutputError, ValueError) as e:
            fail(e)
        for line in summary.lines():
            err.print(rich_text(line), soft_wrap=True)
        err.print(rich_text(f"wrote {output}"), soft_wrap=True)
        return

    from draftwise import batch as batch_mod

    progress = None
    task = None
    if not quiet:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        progress = Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("drafts"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=err,
            transient=False,
        )
        total = _count_rows(input_path, input_format, text_column, id_column, txt_mode)
        progress.start()
        task = progress.add_task("batch", total=total)
    try:
        summary = batch_mod.run(
            input_path,
            output,
            options,
            on_progress=(lambda n: progress.advance(task, n)) if progress is not None else None,
        )
    except (InputError, OutputError, ValueError) as e:
        if progress is not None:
            progress.stop()
        fail(e)
    if progress is not None:
        progress.stop()
    for line in summary.lines():
        err.print(rich_text(line), soft_wrap=True)
    err.print(rich_text(f"wrote {output}"), soft_wrap=True)


@app.command()
def rewrite(
    text: Annotated[str, typer.Argument(help="The draft, in quotes, or - to read it from stdin.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the record with suggestions and rewrites (JSON).")
    ] = False,
    changes: Annotated[
        bool, typer.Option("--changes", help="Also show what changed: in colour, or as [-old-]{+new+} without.")
    ] = False,
) -> None:
    """Suggest sentence rewrites and whole-draft candidates: each as clean text, with its figures."""
    draft = _read_text_arg(text)
    report = _analyzer().analyse(draft, rewrites=True)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from draftwise.terminal import print_rewrites, print_suggestions

    con = Console()
    if report.error:
        from draftwise.textsafe import rich_text

        con.print(rich_text(f"Could not analyse this draft: {report.error}", style="red"))
        raise typer.Exit(code=1)
    rec = report.to_dict()
    if rec["safety"]["flag"]:
        from draftwise.terminal import _safety_panel
        from draftwise.textsafe import rich_text

        con.print(_safety_panel(rec))
        con.print(rich_text(rec["rewrites_withheld"] or "", style="bold"))
        return
    print_suggestions(rec, con)
    print_rewrites(rec, con, changes=changes)


def main() -> None:
    """Entry point of the ``draftwise`` script."""
    app()


if __name__ == "__main__":
    main()
