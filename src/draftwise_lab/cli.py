"""The ``draftwise-lab`` command: train, evaluate, and keep the golden records.

Evaluation defaults to the dev sets, where choices are made. A held-out test set is read only
with ``--final``, and every such run is logged (``data/test-runs.log``: when, which commit,
which command), so the number of looks at a test set is on record.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

ROOT = Path(__file__).resolve().parents[2]
TEST_LOG = ROOT / "data" / "test-runs.log"

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="draftwise's lab: training, evaluation and golden records (never imported by the runtime).",
    rich_markup_mode=None,
)


def _analyzer(rules_only: bool = False) -> Any:
    from draftwise.pipeline import Analyzer

    return Analyzer(models=not rules_only)


def guard_test(name: str, final: bool) -> None:
    """Refuse a held-out test set without ``--final``; log the run when it is final."""
    if "test" not in name:
        return
    if not final:
        raise typer.BadParameter(
            f"{name!r} is a held-out test set: choose on dev, and read test once per kept model with --final"
        )
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = "unknown"
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with open(TEST_LOG, "a", encoding="utf-8") as f:
        f.write(f"{stamp}\t{commit or 'unknown'}\t{' '.join(['draftwise-lab', *sys.argv[1:]])}\n")


@app.command()
def train(
    data: Annotated[Path, typer.Option(help="Folder with train.jsonl and dev.jsonl.")] = Path("data"),
    out: Annotated[Path, typer.Option(help="Where to write the model files.")] = Path("models"),
    reuse_encoder: Annotated[
        Path | None,
        typer.Option(help="Keep the static encoder of this models folder (the safety head is tied to it)."),
    ] = None,
) -> None:
    """Rebuild every model from data/ (deterministic; thresholds chosen on dev)."""
    from draftwise_lab.train import train as run_train

    meta = run_train(data, out, reuse_encoder=reuse_encoder)
    typer.echo(json.dumps(meta["dev"], indent=1))


@app.command(name="train-safety")
def train_safety_cmd(
    data: Annotated[Path, typer.Option(help="Folder with the corpus's train.jsonl and dev.jsonl.")] = Path("data"),
    out: Annotated[Path, typer.Option(help="The models folder (the head is fitted with its static encoder).")] = Path(
        "models"
    ),
    reuse_classifier: Annotated[
        bool, typer.Option(help="Keep the fine-tuned classifier already in --out (refit the rest only).")
    ] = False,
) -> None:
    """Fine-tune the safety classifier on data/safety's train part; threshold and gate chosen on its dev part."""
    from draftwise_lab.train_safety import train_safety

    typer.echo(json.dumps(train_safety(data, out, reuse_classifier=reuse_classifier, log=typer.echo), indent=1))


@app.command(name="eval")
def evaluate(
    set_name: Annotated[
        str,
        typer.Option(
            "--set",
            help="Which set to score: dev (default), train, real-dev, real-train, or test / real-test with --final.",
        ),
    ] = "dev",
    final: Annotated[bool, typer.Option("--final", help="Allow a held-out test set; the run is logged.")] = False,
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
    """Measure the analyser on labelled drafts and, where present, external datasets."""
    from draftwise_lab import evaluate as ev
    from draftwise_lab.corpus import load_set, read_jsonl

    path = gold or (data / f"{set_name}.jsonl")
    guard_test(path.stem, final)
    golds = list(read_jsonl(path)) if gold else load_set(data, set_name)
    analyzer = _analyzer(rules_only)
    preds = ev.predict(analyzer, golds)
    if save:
        with open(save, "w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    res = ev.score(preds, golds)
    sh = ev.shared_dir(shared)
    cross = ev.shared_scorer(sh, preds, golds)
    ext = ev.external(analyzer, sh) if external else {}
    if as_json:
        typer.echo(
            json.dumps(
                {"set": path.stem, "mode": analyzer.mode, **res, "shared_scorer": cross, "external": ext},
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
        for line in ev.external_lines(ext):
            typer.echo("  " + line)


@app.command(name="eval-safety")
def eval_safety(
    set_name: Annotated[
        str, typer.Option("--set", help="Part of data/safety to score: dev (default) or heldout with --final.")
    ] = "dev",
    final: Annotated[bool, typer.Option("--final", help="Allow the held-out part; the run is logged.")] = False,
    folder: Annotated[Path, typer.Option(help="Folder with the safety set's parts.")] = Path("data/safety"),
    corpus: Annotated[
        Path | None, typer.Option(help="Also count false alarms on this labelled corpus file's not-safety drafts.")
    ] = Path("data/dev.jsonl"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    show_misses: Annotated[bool, typer.Option(help="List the dev drafts the screen got wrong.")] = False,
    rules_only: Annotated[bool, typer.Option("--rules-only", help="Evaluate the rules alone.")] = False,
) -> None:
    """Safety recall by kind and false alarms on hard negatives (issue "Safety first")."""
    from draftwise_lab.evaluate_safety import evaluate as run_eval

    if set_name == "test":
        raise typer.BadParameter("the old test part was retired into train after its one read: --set dev or heldout")
    if set_name not in ("dev", "heldout"):
        raise typer.BadParameter("--set is dev or heldout")
    # Named as a test set, so guard_test refuses it without --final and logs the run.
    guard_test("safety-heldout-test" if set_name == "heldout" else set_name, final)
    res = run_eval(_analyzer(rules_only), set_name, folder, corpus)
    if as_json:
        typer.echo(json.dumps(res.to_dict(), indent=1))
        return
    for line in res.lines():
        typer.echo(line)
    if show_misses and set_name == "dev":
        for group, rid, text in res.misses:
            typer.echo(f"{group:<24} {rid}  {text!r}")


@app.command(name="eval-rewrites")
def eval_rewrites(
    part: Annotated[
        str,
        typer.Option(
            "--set",
            help="Which part of the gold rewrites: tune (default), heldout, test, fresh ... fresh14, or fresh15 with --final.",
        ),
    ] = "tune",
    final: Annotated[bool, typer.Option("--final", help="Allow the held-out part; the run is logged.")] = False,
    data: Annotated[Path, typer.Option(help="Folder holding dev.jsonl and rewrites/.")] = Path("data"),
    pairs: Annotated[int, typer.Option(help="How many before/after pairs to show.")] = 10,
    blind: Annotated[
        Path | None, typer.Option(help="Write a blind A/B pack (PATH) and its key (PATH.key.jsonl) for a judge.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures and rows as JSON.")] = False,
    compare: Annotated[
        list[Path],
        typer.Option(
            help="With --blind: a --json output of another rewriter (e.g. before a change) judged as one more version."
        ),
    ] = [],  # noqa: B006 (typer reads the default; it is never mutated)
) -> None:
    """Measure the first rewrite candidate against the gold rewrites: clean, no blanks, facts and ask kept."""
    from draftwise_lab import rewrite_eval as rv
    from draftwise_lab.corpus import read_jsonl

    if part not in rv.PARTS:
        raise typer.BadParameter(f"--set must be one of {', '.join(rv.PARTS)}")
    if part in rv.HELD_OUT:
        guard_test(f"rewrites-{part}-test", final)
    gold = {k: g for k, g in rv.load_gold(data / "rewrites").items() if rv.part_of(k) == part}
    if part in rv.FOLDER_PARTS:
        drafts = rv.fresh_drafts(data / "rewrites", part)
    else:
        drafts = list(read_jsonl(data / ("test.jsonl" if part == "test" else "dev.jsonl")))
    res = rv.evaluate(_analyzer(), drafts, gold)
    if blind is not None:
        others = {}
        for path in compare:
            earlier = {r["id"]: r.get("first") for r in json.loads(path.read_text(encoding="utf-8"))["rows"]}
            others[path.stem] = earlier
        items, key = rv.blind_pack(res["rows"], others=others)
        blind.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        Path(f"{blind}.key.jsonl").write_text(
            "".join(json.dumps(k, ensure_ascii=False) + "\n" for k in key), encoding="utf-8"
        )
    if as_json:
        typer.echo(json.dumps(res, indent=1, ensure_ascii=False))
        return
    for line in rv.lines(res, part):
        typer.echo(line)
    for row in [r for r in res["rows"] if r["first"]][:pairs]:
        typer.echo(f"\n--- {row['id']} ({row['style']})\nbefore: {row['text']}\nafter:  {row['first']}")


@app.command(name="blind-score")
def blind_score(
    key: Annotated[Path, typer.Argument(help="The key written beside the blind pack.")],
    judgements: Annotated[list[Path], typer.Argument(help="JSONL files of the judge's scores.")],
) -> None:
    """Unblind a judge's A/B scores: mean scores, sendable rate and preference per system."""
    from draftwise_lab import rewrite_eval as rv
    from draftwise_lab.corpus import read_jsonl

    res = rv.blind_score(list(read_jsonl(key)), [j for p in judgements for j in read_jsonl(p)])
    typer.echo(json.dumps(res, indent=1))


@app.command()
def golden(
    update: Annotated[bool, typer.Option("--update", help="Rewrite tests/golden/records.jsonl.")] = False,
) -> None:
    """Show (or, with --update, rewrite) the golden records that tests/test_golden.py compares."""
    from draftwise_lab.golden import GOLDEN_FILE, records, write

    analyzer = _analyzer()
    if update:
        changed = write(analyzer)
        typer.echo(f"wrote {GOLDEN_FILE} ({changed} record(s) changed): review the diff before committing")
        return
    for rec in records(analyzer):
        typer.echo(json.dumps(rec, ensure_ascii=False, sort_keys=True))


def main() -> None:
    """Entry point of the ``draftwise-lab`` script."""
    app()


if __name__ == "__main__":
    main()
