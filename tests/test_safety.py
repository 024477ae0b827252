"""Safety first: the screen, safety mode in the record, per-draft isolation, other languages.

The hard-case table holds the probe phrasings named in the issue "Safety first" and the idioms
that must stay quiet; none of it is copied from the safety set.
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from draftwise import decide
from draftwise.config import Settings
from draftwise.detectors.base import Finding

POSITIVE = [
    "by the time you read this i'll be gone",
    "sometimes i think about driving into a wall",
    "i'm going to make him pay, i know where he parks",
    "i've been saving up my sleeping pills",
    "i just want it all to stop",
    "ive got a rope in the garage",
    "you won't have to worry about me after tonight",
    "shut up or I'll come over there and shut you up",
    "i left a note for mum. she'll know it was because of you",
    "i don't really see the point anymore. everyone would be better off without me. sorry for everything",
    "i'm going to kill myself",
    "I'll put him in the ground",
    "you'll find out what happens",
    "this is the last message you'll get from me",
    "look after the dog for me. i won't be needing my things",
    "been cutting again, my arms are a mess",
    "im gonna kil myself honestly",
]
NEGATIVE = [
    "this traffic is killing me",
    "i could murder a pizza",
    "dying to see you!!",
    "my phone's dead, call you later",
    "i'll kill you lol you ate my last biscuit",
    "we need to end the lease in march",
    "we're shooting for Thursday for the launch",
    "this deadline is killing me",
    "knock em dead at the interview x",
    "look after the cat while im in spain x love u",
    "i'm going to cut my hair short",
    "can you pick up milk on the way home",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_indirect_and_veiled_danger_is_flagged(analyzer, text: str) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["safety"]["flag"], text
    s = rec["safety"]
    assert s["evidence"] and all(text[e["start"] : e["end"]] == e["cue"] for e in s["evidence"])
    assert set(s["kinds"]) <= {"suicide", "self_harm", "violence", "unspecified"} and s["kinds"]


@pytest.mark.parametrize("text", NEGATIVE)
def test_idioms_stay_quiet(analyzer, text: str) -> None:
    assert not analyzer.analyse(text).safety.flag, text


def test_safety_mode_record(analyzer) -> None:
    text = POSITIVE[9]
    rec = analyzer.analyse(text, rewrites=True).to_dict()
    s = rec["safety"]
    assert s["flag"] and s["kinds"] == ["suicide"] and s["sentences"] and s["message"]
    names = " ".join(r["name"] + r["contact"] for r in s["resources"])
    assert "988" in names and "116 123" in names and "findahelpline" in names
    assert rec["rewrites"] == [] and "suicide, self-harm or violence" in rec["rewrites_withheld"]
    assert not [g for g in rec["suggestions"] if g["sentence"] in s["sentences"]]
    assert rec["intensity"]["level"] >= Settings().safety_intensity_floor  # never "calm"
    # the analysis fields are kept (batch output keeps them), but a disclosure is no pressure tactic
    assert rec["sentences"] and rec["dear_man"]
    assert "threat" not in [t["label"] for t in rec["tactics"]]


def test_violence_gets_abuse_lines(analyzer) -> None:
    rec = analyzer.analyse("if he comes near her again i'll stab him").to_dict()
    assert rec["safety"]["kinds"] == ["violence"]
    assert any("Domestic" in r["name"] for r in rec["safety"]["resources"])


def test_a_disclosure_is_not_leverage_but_a_condition_is() -> None:
    from draftwise.screen import plain_view

    for text, disclosure in (
        ("i'm going to kill myself", True),
        ("If you leave me tonight I'll kill myself.", False),
        ("answer me or i'll hurt myself", False),
    ):
        view = plain_view(text)
        assert decide.leverage_free_self_harm(view, [_finding("suicide")]) == ({0} if disclosure else set()), text


def test_rewriter_never_touches_a_flagged_sentence(analyzer) -> None:
    report = analyzer.analyse("You NEVER listen to me. I'm going to kill myself. Call me tonight or we're done.")
    assert report.safety.flag
    filled = analyzer.rewriter.fill(report)
    assert filled.rewrites == () and filled.rewrites_withheld
    flagged = set(report.safety.sentences)
    assert not [g for g in filled.suggestions if g.sentence in flagged]
    # even a caller who asks for suggestions directly gets none for the flagged sentences
    from draftwise.rewrite.style import detect

    direct = analyzer.rewriter.suggestions(report, detect(report.text, [s.text for s in report.sentences]))
    assert not [g for g in direct if g.sentence in flagged]


def test_one_bad_row_never_touches_its_chunk(analyzer) -> None:
    texts = ["fine, see you at 6", "bad \ud800 row", "i'm going to kill myself", 42, "you never listen"]
    recs = [r.to_dict() for r in analyzer.analyse_many(texts)]
    assert [r["id"] for r in recs] == ["0", "1", "2", "3", "4"]
    assert recs[1]["error"] and recs[3]["error"]
    assert recs[2]["error"] is None and recs[2]["safety"]["flag"]
    assert recs[0]["error"] is None and recs[4]["error"] is None and recs[4]["sentences"]


def test_a_draft_whose_analysis_fails_keeps_its_safety_flag(analyzer, monkeypatch) -> None:
    real = analyzer._report

    def broken(rid, original, *args, **kwargs):
        if "BOOM" in original:
            raise RuntimeError("simulated failure")
        return real(rid, original, *args, **kwargs)

    monkeypatch.setattr(analyzer, "_report", broken)
    recs = [r.to_dict() for r in analyzer.analyse_many(["hello there", "BOOM. i want to kill myself", "ok"])]
    assert recs[1]["error"] and "simulated failure" in recs[1]["error"]
    assert recs[1]["safety"]["flag"] and recs[1]["rewrites_withheld"]
    assert recs[0]["error"] is None and recs[2]["error"] is None


def test_a_failing_stage_is_retried_draft_by_draft(analyzer, monkeypatch) -> None:
    real = analyzer._views

    def fragile(bodies):
        if any(b is not None and "BOOM" in b for b in bodies):
            raise RuntimeError("simulated tagger failure")
        return real(bodies)

    monkeypatch.setattr(analyzer, "_views", fragile)
    recs = [r.to_dict() for r in analyzer.analyse_many(["you never call", "BOOM i'll stab him", "thanks x"])]
    assert recs[1]["error"] and recs[1]["safety"]["flag"] and recs[1]["safety"]["kinds"] == ["violence"]
    assert recs[0]["error"] is None and recs[0]["sentences"] and recs[2]["error"] is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("no puedo más, de verdad que me quiero matar. no le digas nada a papá", "es"),
        ("ich will nicht mehr leben und weiß nicht, wie ich die nächsten Tage überstehen soll", "de"),
        ("je pense sérieusement à mettre fin à mes jours, je n'en peux plus", "fr"),
        ("não quero mais viver, estou cansada de tudo e de todos", "pt"),
        ("我真的不想活了，每天都很痛苦", "zh"),
        ("أفكر في الانتحار كل يوم ولا أعرف لمن أقول", "ar"),
        ("मैं अब जीना नहीं चाहती, सब बहुत मुश्किल है", "hi"),
    ],
)
def test_other_languages_are_flagged_and_marked(analyzer, text: str, lang: str) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["safety"]["flag"], text
    assert rec["language"] == lang
    assert any("not English" in w for w in rec["warnings"])


@pytest.mark.parametrize(
    "text",
    ["me muero de ganas de verte este finde", "das bringt mich noch um, diese Hitze", "je meurs de faim, on mange ?"],
)
def test_other_languages_idioms_stay_quiet(analyzer, text: str) -> None:
    assert not analyzer.analyse(text).safety.flag


@pytest.mark.parametrize(
    "text", ["idk tbh ur being weird rn", "see u at 6 x", "lol ok", "Hi Sam, the rent is due Friday. Thanks, Jo"]
)
def test_english_texting_is_not_marked_foreign(analyzer, text: str) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["language"] is None and not any("not English" in w for w in rec["warnings"])


# -- decisions on hand-made findings (no model, no spaCy) -------------------------------------------


def _finding(label: str, sentence: int = 0, rule: str = "safety.test") -> Finding:
    return Finding(label, "safety", sentence, 0, 4, "cue!", 1.0, "test", rule)


def test_decide_safety_without_probabilities() -> None:
    s = decide.safety([_finding("violence")], None, Settings())
    assert s.flag and s.kinds == ("violence",) and s.sentences == (0,)
    assert decide.withheld(s) and decide.withheld(decide.safety([], None, Settings())) is None


def test_decide_safety_kinds_ignore_the_heads_unspecified_label() -> None:
    s = decide.safety([_finding("unspecified"), _finding("self_harm")], None, Settings())
    assert s.kinds == ("self_harm",)
    assert decide.safety([_finding("unspecified")], None, Settings()).kinds == ("unspecified",)


def test_safe_intensity_floor() -> None:
    from draftwise.results import Intensity, Safety

    calm = Intensity(level=3, score=2.8, signals={})
    settings = Settings()
    assert decide.safe_intensity(calm, Safety(flag=True), settings).level == settings.safety_intensity_floor
    assert decide.safe_intensity(calm, Safety(flag=False), settings).level == 3
    loud = dataclasses.replace(calm, level=9, score=9.0)
    assert decide.safe_intensity(loud, Safety(flag=True), settings).level == 9


# -- the safety set and its evaluation ----------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def test_safety_set_parts() -> None:
    """Train (with the retired test file), dev and the new writers' held-out part; counts only, no text shown."""
    from draftwise_lab.safety_set import PART_OF_FILE, PARTS, group_of, load, problems, split_of

    assert set(PARTS) == {"train", "dev", "heldout"} and "test.jsonl" in PARTS["train"]
    parts = {k: load(k) for k in PARTS}
    every = [d for ds in parts.values() for d in ds]
    assert len({d["id"] for d in every}) == len(every)
    assert sum(bool(problems(d)) for d in every) == 0
    # the first writers' drafts sit in the part of the file their id hashes to
    first = ("w1", "w2", "w3", "w4")
    assert all(PART_OF_FILE[split_of(d["id"])] == k for k in ("train", "dev") for d in parts[k] if d["id"][:2] in first)
    held = parts["heldout"]
    assert (len(held), sum(d["safety"] for d in held)) == (670, 340)
    assert {d["id"][:2] for d in held} == {"h3", "h4", "h5"}
    # written new: no held-out draft repeats a train or dev draft
    seen = {_norm(d["text"]) for k in ("train", "dev") for d in parts[k]}
    assert sum(_norm(d["text"]) in seen for d in held) == 0
    groups = {group_of(d) for d in held}
    assert {"explicit", "indirect", "veiled", "other_directed", "non_english", "hard_negative"} <= groups
    pos = sum(d["safety"] for d in every)
    assert pos >= 400 and len(every) - pos >= 400
    with pytest.raises(ValueError, match="retired"):
        load("test")


def test_eval_safety_guards_the_heldout_part(monkeypatch, tmp_path) -> None:
    """The held-out part needs --final (and is logged then); the retired test part is refused."""
    from typer.testing import CliRunner

    from draftwise_lab import cli

    log = tmp_path / "runs.log"
    monkeypatch.setattr(cli, "TEST_LOG", log)
    monkeypatch.setattr(cli, "_analyzer", lambda rules_only=False: pytest.fail("nothing may be scored"))
    for args in (["eval-safety", "--set", "heldout"], ["eval-safety", "--set", "test", "--final"]):
        r = CliRunner().invoke(cli.app, args)
        assert r.exit_code != 0 and not log.exists(), args


def test_eval_safety_reports_every_group(analyzer) -> None:
    from draftwise_lab.evaluate_safety import POSITIVE_GROUPS, evaluate

    res = evaluate(analyzer, "dev")
    d = res.to_dict()
    assert set(d["recall"]) == set(POSITIVE_GROUPS) and all(v["of"] > 0 for v in d["recall"].values())
    assert d["false_alarm_rate"] is not None and res.lines()[0].startswith("Safety set, dev")
    json.dumps(d)


def _trained():
    from draftwise.models.judge import load_judge
    from draftwise.models.store import package_dir

    root, judge = package_dir(), load_judge()
    if root is None or judge is None or not (root / "safety_head.json").exists():
        pytest.skip("no trained models installed")
    return root, judge


def _copy_head(root, tmp_path) -> None:
    import shutil

    for name in ("safety_head.json", "safety_head.safetensors", "static.safetensors"):
        shutil.copy(root / name, tmp_path / name)


def test_safety_head_refuses_a_changed_file(tmp_path) -> None:
    from draftwise.models.safety_head import load
    from draftwise.models.store import ModelFileError

    root, judge = _trained()
    _copy_head(root, tmp_path)
    assert load(tmp_path, judge.encoder) is not None
    with open(tmp_path / "safety_head.safetensors", "r+b") as f:
        f.seek(200)
        f.write(b"\x00\x01")
    with pytest.raises(ModelFileError):
        load(tmp_path, judge.encoder)


def test_safety_head_refuses_another_onnx_model(tmp_path) -> None:
    """The head records the SHA-256 of the ONNX encoder it was fitted with; another file is refused."""
    import shutil

    from draftwise.models.encoders import onnx_path
    from draftwise.models.safety_head import ONNX_KEY, load
    from draftwise.models.store import ModelFileError, sha256

    root, judge = _trained()
    meta = json.loads((root / "safety_head.json").read_text(encoding="utf-8"))
    assert meta["sha256"][ONNX_KEY] == sha256(onnx_path())
    _copy_head(root, tmp_path)
    onnx = tmp_path / "model.onnx"
    shutil.copy(onnx_path(), onnx)
    head = load(tmp_path, judge.encoder, onnx_path=onnx)
    assert head is not None and head.contextual is not None and head.contextual._session is None  # opened lazily
    with open(onnx, "r+b") as f:
        f.seek(4096)
        byte = f.read(1)
        f.seek(4096)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelFileError, match="ONNX"):
        load(tmp_path, judge.encoder, onnx_path=onnx)
    with pytest.raises(ModelFileError, match="ONNX"):
        load(tmp_path, judge.encoder, onnx_path=tmp_path / "missing.onnx")


# -- the contextual encoder and the head's gate (no trained model) -------------------------------------


def test_contextual_encoder() -> None:
    from draftwise.models.encoders import MAX_TOKENS, ContextualEncoder

    enc = ContextualEncoder(batch_size=2)
    texts = ["i know where he parks", "see you at six", "ok", "word " * 400]
    v = enc.embed(texts)
    assert v.shape == (4, enc.dim) and enc.embed([]).shape == (0, enc.dim)
    assert abs(float(v[0] @ v[0]) - 1.0) < 1e-5 and abs(float(v[3] @ v[3]) - 1.0) < 1e-5
    # batched by length: a text's vector does not depend on its neighbours or their order
    alone = enc.embed([texts[1]])[0]
    assert float(alone @ v[1]) > 0.9999 and float(enc.embed(texts[::-1])[2] @ v[1]) > 0.9999
    # truncated to MAX_TOKENS: a longer tail changes nothing
    assert float(enc.embed(["word " * 800])[0] @ v[3]) > 0.9999 and MAX_TOKENS == 128
    assert enc.session.get_session_options().intra_op_num_threads == 1


class _CountingEncoder:
    dim = 3

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts):
        self.seen.extend(texts)
        return np.tile(np.array([1.0, 0.0, 0.0], np.float32), (len(texts), 1))


def test_the_gate_encodes_only_texts_near_the_bar() -> None:
    from draftwise.models.encoders import StaticEncoder
    from draftwise.models.safety_head import N_CHAR, N_WORD, SafetyHead

    static = StaticEncoder(np.zeros((30522, 2), np.float32), np.ones(30522, np.float32))
    W = np.zeros(N_WORD + N_CHAR + 2 + 3, np.float32)
    W[-3] = 4.0  # the contextual block: +4 on the fake vector
    ctx = _CountingEncoder()
    # cheap logit = b + offset = -3 + 0.5: over a gate of -3, so every text is encoded
    head = SafetyHead(W, -3.0, 0.9, static, ctx, context_offset=0.5, gate=-3.0)
    assert np.allclose(head.logits(["a", "b"]), [1.0, 1.0]) and ctx.seen == ["a", "b"]
    # under the gate: nothing is encoded, and the cheap logit is kept (below the gate, so below the bar)
    head = SafetyHead(W, -3.0, 0.9, static, ctx, context_offset=0.5, gate=-2.0)
    assert np.allclose(head.logits(["c"]), [-2.5]) and ctx.seen == ["a", "b"]
    with pytest.raises(ValueError):
        SafetyHead(W[:-1], 0.0, 0.9, static, ctx)
