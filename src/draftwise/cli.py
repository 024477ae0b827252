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


# -- your own local model (the ``llm`` extra) ------------------------------------------------------

ModelFile = Annotated[
    Path | None,
    typer.Option(
        "--model-file", metavar="PATH.gguf", help="Also ask your own GGUF model for a rewrite (needs the llm extra)."
    ),
]
ModelUrl = Annotated[
    str | None,
    typer.Option(
        "--model-url",
        metavar="URL",
        help="Also ask your own OpenAI-compatible server on this machine (Ollama, llama-server), e.g. http://127.0.0.1:11434.",
    ),
]
ModelName = Annotated[
    str, typer.Option("--model-name", help="The model's name on that server (default: the first it lists).")
]
AllowRemote = Annotated[
    bool,
    typer.Option(
        "--allow-remote-model", help="Allow a --model-url that is not this machine: your draft is sent there."
    ),
]
ModelTimeout = Annotated[
    float, typer.Option("--model-timeout", metavar="SECONDS", help="How long your model may take for its answer.")
]


def _fail(message: object) -> NoReturn:
    from rich.console import Console

    from draftwise.textsafe import rich_text

    Console(stderr=True).print(rich_text(f"draftwise: {message}", style="red"), soft_wrap=True)
    raise typer.Exit(code=2)


def _local_writer(
    model_file: Path | None, model_url: str | None, model_name: str, allow_remote: bool, timeout: float
) -> Any:
    """The user's own model from the command's options (None without one); a one-line error otherwise."""
    if model_file is None and not model_url:
        return None
    if model_file is not None and model_url:
        _fail("choose one model: --model-file or --model-url, not both")
    if not timeout > 0:
        _fail("--model-timeout is a number of seconds above 0")
    from draftwise.rewrite import llm

    try:
        if model_file is not None:
            return llm.GGUFWriter(llm.check_gguf(model_file))
        return llm.ServerWriter(model_url or "", model_name, allow_remote=allow_remote)
    except llm.RemoteRefused as e:
        _fail(f"{e}: pass --allow-remote-model if you mean it")
    except llm.MissingExtra:
        _fail(f"--model-file needs the llm extra: {llm.INSTALL_HINT}")
    except (OSError, ValueError, llm.WriterError) as e:
        _fail(e)


def _ask_local_model(report: Any, writer: Any, analyzer: Any, timeout: float) -> tuple[Any, str | None]:
    """The report with the user's model's candidate added (second) if it passes, and a one-line note."""
    from draftwise.rewrite import llm

    try:
        new, reasons = llm.with_local_model(report, writer, analyzer.analyse_many, timeout)
    finally:
        close = getattr(writer, "close", None)
        if close is not None:
            close()
    if not reasons:
        place = next(i for i, w in enumerate(new.rewrites, 1) if w.style == llm.STYLE)
        return new, f"Your model's rewrite passed draftwise's checks: it is number {place} above."
    if reasons[0].startswith("not sent to your model"):
        return new, reasons[0][:1].upper() + reasons[0][1:] + "."
    return new, "Your model's rewrite was dropped: " + "; ".join(reasons) + "."


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
    model_file: ModelFile = None,
    model_url: ModelUrl = None,
    model_name: ModelName = "",
    allow_remote_model: AllowRemote = False,
    model_timeout: ModelTimeout = 60.0,
) -> None:
    """Analyse one draft and print what the other person will hear."""
    if (model_file is not None or model_url) and not rewrites:
        _fail("--model-file and --model-url add a rewrite: use them with --rewrites")
    draft = _read_text_arg(text)
    writer = _local_writer(model_file, model_url, model_name, allow_remote_model, model_timeout)
    analyzer = _analyzer(rules_only)
    report = analyzer.analyse(draft, rewrites=rewrites)
    note = None
    if writer is not None:
        report, note = _ask_local_model(report, writer, analyzer, model_timeout)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        from draftwise.terminal import print_report

        print_report(report, show_anyway=show_anyway)
    if note:
        from rich.console import Console

        from draftwise.textsafe import rich_text

        Console(stderr=as_json).print(rich_text(note, style="dim"), soft_wrap=True)
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
    model_file: ModelFile = None,
    model_url: ModelUrl = None,
    model_name: ModelName = "",
    allow_remote_model: AllowRemote = False,
    model_timeout: ModelTimeout = 60.0,
) -> None:
    """Suggest sentence rewrites and whole-draft candidates: each as clean text, with its figures."""
    draft = _read_text_arg(text)
    writer = _local_writer(model_file, model_url, model_name, allow_remote_model, model_timeout)
    analyzer = _analyzer()
    report = analyzer.analyse(draft, rewrites=True)
    note = None
    if writer is not None:
        report, note = _ask_local_model(report, writer, analyzer, model_timeout)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        if note:
            from rich.console import Console

            from draftwise.textsafe import rich_text

            Console(stderr=True).print(rich_text(note, style="dim"), soft_wrap=True)
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
    if rec["rewrites_note"]:
        from draftwise.textsafe import rich_text

        con.print(rich_text(rec["rewrites_note"], style="bold"))
    print_rewrites(rec, con, changes=changes)
    if note:
        from draftwise.textsafe import rich_text

        con.print(rich_text(note, style="dim"), soft_wrap=True)


def main() -> None:
    """Entry point of the ``draftwise`` script."""
    app()


if __name__ == "__main__":
    main()
