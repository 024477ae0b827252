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
    "i cant go on like this anymore",
    # sixth round families (dev misses, in families)
    "touch my sister again and i'll beat the living daylights out of you",
    "my flatmate's boyfriend has been strangling her when he's drunk",
    "keep talking. remember you have to sleep at some point",
    "honestly im exhausted from being alive",
    "sat on the platform and let two trains go past",
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
    # "can't go on" followed by where: a trip, not a life
    "if the deposit isnt paid the kids cant go on the camping trip",
    # sixth round idioms (dev false alarms, in families)
    "we need to cut 20% from the marketing spend",
    "quiz night tonight, we're going to bury you all",
    "goodbye forever to my old laptop, it finally died",
    "this is my last email as chair, thank you all",
    "sorry i snapped, you pushed me to it with the comments about my mum",
    "the kids kicked their football into your garden again, can we come round for it",
    "call me when u get this. u were the only person i told about the job",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_indirect_and_veiled_danger_is_flagged(analyzer, text: str) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["safety"]["flag"], text
    s = rec["safety"]
    assert s["evidence"] and all(text[e["start"] : e["end"]] == e["cue"] for e in s["evidence"])
    assert set(s["kinds"]) <= {"suicide", "self_harm", "violence", "unspecified"} and s["kinds"]


def test_someone_who_will_kill_the_writer_when_they_find_out_is_an_idiom_to_the_rules() -> None:
    """The rules let it be; the learned head can still flag it (a known false alarm, models/README.md)."""
    from draftwise.detectors.safety import _IDIOMS

    assert _IDIOMS.search("mum's going to kill me when she finds out i lost the keys")
    assert not _IDIOMS.search("i'm going to kill him when i find him")


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


def test_candidates_are_still_screened_by_the_rules(analyzer) -> None:
    # Rewrite candidates skip the learned head (the draft's own words, already read whole),
    # never the rules: a candidate that says it outright is still flagged and so never shown.
    checked = analyzer.recheck(["I'm going to kill myself.", "Could you call me tonight?"])
    assert checked[0].safety.flag and not checked[1].safety.flag
    assert [r.to_dict()["sentences"] for r in checked] == [
        r.to_dict()["sentences"]
        for r in analyzer.analyse_many(["I'm going to kill myself.", "Could you call me tonight?"])
    ]


def test_a_sentence_reads_the_same_whether_or_not_its_doc_was_cached(analyzer) -> None:
    text = "You never listen. I waited at Costa for an hour on Friday. Can we talk tonight?"
    first = analyzer.analyse(text).to_dict()
    analyzer._tagged.clear()
    assert analyzer.analyse(text).to_dict() == first
    assert analyzer.analyse(text).to_dict() == first  # now every sentence comes from the cache


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
        # Indirect phrasings, self-harm, threats and reports of being hit.
        ("a veces pienso que si desapareciera nadie me echaría de menos", "es"),
        ("mi novio me pegó otra vez anoche y tengo miedo de volver a casa", "es"),
        ("eu não aguento mais viver assim, queria dormir e não acordar nunca mais", "pt"),
        ("se o teu irmão voltar a tocar na minha filha, eu quebro a cara dele", "pt"),
        ("je me fais du mal exprès depuis des semaines et je n'ose le dire à personne", "fr"),
        ("dis à ton cousin que s'il recommence je vais lui péter les dents", "fr"),
        ("stasera mi ammazzo, non ce la faccio più a vivere così", "it"),
        ("se quel tizio si avvicina ancora a mia sorella gli rompo la faccia", "it"),
        ("ich schneide mich wieder und weiß nicht, wie ich damit aufhören soll", "de"),
        ("ihr wärt alle besser dran ohne mich, ich bin doch nur eine Last", "de"),
        ("ik wil gewoon niet meer wakker worden, ik ben alleen maar een last voor iedereen", "nl"),
        ("als die jongen nog één keer aan mijn zus zit, dan schiet ik hem neer", "nl"),
        ("我又割自己了，不敢告诉任何人", "zh"),
        ("你再敢碰她一下，我就把你的腿打断", "zh"),
        ("أنا تعبت من الحياة ونفسي أنام وما أصحاش", "ar"),
        ("لو قربت من أختي تاني هكسر راسك", "ar"),
        ("कल रात फिर से खुद को काटा, किसी को मत बताना", "hi"),
        ("अगर वो फिर से आया तो उसका सिर फोड़ दूँगा", "hi"),
        # The fourth round: knowing where the reader can be found, a last message, "again", texting words.
        ("Sé dónde vives y a qué hora sales del trabajo. Tú sabrás lo que haces con la denuncia.", "es"),
        ("ik weet waar je woont. trek die klacht maar in", "nl"),
        ("questo è il mio ultimo messaggio, scusate tutti per tutto", "it"),
        ("das ist meine letzte Nachricht an euch, passt auf Mama auf", "de"),
        ("anoche mi padrastro me volvió a pegar y no sé qué hacer", "es"),
        ("我知道你住哪，钱不还你试试", "zh"),
    ],
)
def test_other_languages_are_flagged_and_marked(analyzer, text: str, lang: str) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["safety"]["flag"], text
    assert rec["language"] == lang
    assert any("not English" in w for w in rec["warnings"])


@pytest.mark.parametrize(
    "text",
    [
        "me muero de ganas de verte este finde",
        "das bringt mich noch um, diese Hitze",
        "je meurs de faim, on mange ?",
        "mañana me corto el pelo, ¿me acompañas a la peluquería?",
        "minha mãe vai me matar quando vir o boletim",
        "ce boulot va me tuer, vivement vendredi",
        "sabato mi taglio i capelli, finalmente",
        "ich bring dich nach dem Kino nach Hause",
        "maak hem af voor vrijdag, de rest doe ik wel",
        "我想死你了，快点回来吧",
        "तुम्हारे लिए तो जान दे दूँगा, पक्का",
        "بموت فيك، امتى نتقابل؟",
        "se tocchi la mia Nutella ti ammazzo ahahah",
    ],
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
    from draftwise_lab.safety_set import PART_OF_FILE, PARTS, SAFETY_DIR, SPARE, group_of, load, problems, split_of

    assert set(PARTS) == {"train", "dev", "heldout"} and "test.jsonl" in PARTS["train"]
    parts = {k: load(k) for k in PARTS}
    spare = [
        json.loads(line) for name in SPARE for line in (SAFETY_DIR / name).read_text(encoding="utf-8").splitlines()
    ]
    every = [d for ds in parts.values() for d in ds] + spare
    assert len({d["id"] for d in every}) == len(every)
    assert sum(bool(problems(d)) for d in every) == 0
    # the first writers' drafts sit in the part of the file their id hashes to
    first = ("w1", "w2", "w3", "w4")
    assert all(
        PART_OF_FILE[split_of(d["id"])] == k
        for k in ("train", "dev")
        for d in parts[k]
        if d["id"].split("-")[0] in first
    )
    held = parts["heldout"]
    assert (len(held), sum(d["safety"] for d in held)) == (330, 220)
    assert {d["id"].split("-")[0] for d in held} == {"h22", "h23"}
    # written new: no held-out draft repeats a train or dev draft
    seen = {_norm(d["text"]) for d in spare} | {_norm(d["text"]) for k in ("train", "dev") for d in parts[k]}
    assert sum(_norm(d["text"]) in seen for d in held) == 0
    assert {group_of(d) for d in held} == {"explicit", "indirect", "veiled", "other_directed", "hard_negative"}
    groups = {group_of(d) for d in parts["dev"]}
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

    from draftwise.models.safety_head import CLASSIFIER_FILE

    for name in ("safety_head.json", "safety_head.safetensors", "static.safetensors", CLASSIFIER_FILE):
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


def test_safety_head_refuses_another_classifier(tmp_path) -> None:
    """The head records the SHA-256 of the fine-tuned classifier it was fitted with; another file is refused."""
    from draftwise.models.safety_head import CLASSIFIER_FILE, load
    from draftwise.models.store import ModelFileError, sha256

    root, judge = _trained()
    meta = json.loads((root / "safety_head.json").read_text(encoding="utf-8"))
    assert meta["sha256"][CLASSIFIER_FILE] == sha256(root / CLASSIFIER_FILE)
    _copy_head(root, tmp_path)
    head = load(tmp_path, judge.encoder)
    assert head is not None and head.classifier is not None and head.classifier._session is None  # opened lazily
    assert (head.mix, head.threshold) == (meta["mix"], meta["threshold"]) and 0.0 < head.mix <= 1.0
    onnx = tmp_path / CLASSIFIER_FILE
    with open(onnx, "r+b") as f:
        f.seek(4096)
        byte = f.read(1)
        f.seek(4096)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelFileError, match="ONNX"):
        load(tmp_path, judge.encoder)
    onnx.unlink()
    with pytest.raises(ModelFileError, match="ONNX"):
        load(tmp_path, judge.encoder)


def test_the_fine_tuned_classifier_reads_context() -> None:
    """The shipped classifier: one logit per text, independent of batch neighbours; farewells over errands."""
    root, _ = _trained()
    from draftwise.models.encoders import OnnxClassifier
    from draftwise.models.safety_head import CLASSIFIER_FILE

    clf = OnnxClassifier(root / CLASSIFIER_FILE)
    texts = ["see you at six, bring the charger", "i just want it all to stop, for good", "ok", "word " * 400]
    z = clf.logits(texts)
    assert z.shape == (4,) and clf.logits([]).shape == (0,)
    # a text's logit is its own: the same alone, among others, in any order (int8 activations are
    # scaled per run, so texts are never batched together)
    assert float(clf.logits([texts[1]])[0]) == float(z[1]) and float(clf.logits(texts[::-1])[2]) == float(z[1])
    # truncated to MAX_TOKENS: a longer tail changes nothing
    assert float(clf.logits(["word " * 800])[0]) == float(z[3])
    assert z[1] > z[0] and clf.session.get_session_options().intra_op_num_threads == 1


# -- the contextual encoder and the head's gate (no trained model) -------------------------------------


class _CountingClassifier:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def logits(self, texts):
        self.seen.extend(texts)
        return np.full(len(texts), 3.0, np.float32)


def test_the_gate_classifies_only_texts_near_the_bar() -> None:
    from draftwise.models.encoders import StaticEncoder
    from draftwise.models.safety_head import N_CHAR, N_WORD, SafetyHead

    static = StaticEncoder(np.zeros((30522, 2), np.float32), np.ones(30522, np.float32))
    W = np.zeros(N_WORD + N_CHAR + 2, np.float32)
    clf = _CountingClassifier()
    # cheap logit = b = -3: over a gate of -3.5, so every text is classified
    head = SafetyHead(W, -3.0, 0.9, static, clf, gate=-3.5)
    assert np.allclose(head.logits(["a", "b"]), [3.0, 3.0]) and clf.seen == ["a", "b"]
    # under the gate: nothing is classified, and the text keeps its cheap logit, capped at the gate
    head = SafetyHead(W, -3.0, 0.9, static, clf, gate=-2.0)
    assert np.allclose(head.logits(["c"]), [-3.0]) and clf.seen == ["a", "b"]
    # a gate over the bar is brought under it, so a text is either classified or below the bar: a
    # cheap logit of 5 (p .993, over the bar) is not kept as it is but read by the classifier
    head = SafetyHead(W, 5.0, 0.9, static, clf, gate=10.0)
    assert head.gate < np.log(0.9 / 0.1)
    assert np.allclose(head.logits(["d"]), [3.0]) and clf.seen == ["a", "b", "d"]
    with pytest.raises(ValueError):
        SafetyHead(W[:-1], 0.0, 0.9, static, clf)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a threat said in play, in a short draft, is not a threat; taken back ("not joking") it is
        ("if u finish the last of the ice cream i will end u\n(love u tho)", False),
        ("ur dead when i get home, that was MY hoodie lol", False),
        ("touch my car again and ill end u. not joking", True),
        ("lol he punched me in the face last night", True),
        # sending, a bargain, a score, a named ordinary reason for a last message
        ("ill shoot u the link after lunch", False),
        ("ill cut u a deal, u cook and i wash up", False),
        ("if u beat my high score im changing the wifi password", False),
        ("This will be my last message to the list as I'm stepping down as treasurer.", False),
        ("revising overdose management for the pharmacology exam tonight", False),
        # the fourth round's phrasings of the same families
        ("i'm not sure i'll even be here for graduation", True),
        ("please don't come looking for me", True),
        ("I went back to the old coping method last night", True),
        ("sorry for what you'll hear tomorrow", True),
    ],
)
def test_fourth_round_rules(text: str, flagged: bool) -> None:
    """The rules alone (no learned head): cues added in the fourth round and the play guard."""
    from draftwise.screen import screen

    assert any(f.family == "safety" for f in screen(text).findings) == flagged, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the fifth round's families: an injury as what the reader will need, people sent round, knowing
        # where someone's family will be alone, "a shame if" about a person, kit "not for" its use,
        # letters for everyone, a warning not to go in alone, nobody noticing, a threat said "not a joke"
        ("say that again and you'll be eating through a straw for a month", True),
        ("anyone who crosses my brother ends up in hospital", True),
        ("I'm not sending emails anymore, I'm sending my cousins round", True),
        ("I know which bus your daughter gets home on. Think carefully before you go to the police.", True),
        ("it'd be a real shame if something happened to that new car of yours while you're in it", True),
        ("got a new pack from the chemist and they're not for shaving", True),
        ("there's a letter for each of you in my desk drawer", True),
        ("when you get in, don't go in the shed by yourself, ring dad first", True),
        ("honestly i'd rather just not exist some days", True),
        ("i wonder if anyone would notice if i wasn't here", True),
        ("i will find him and beat the hell out of him. not a joke", True),
        # idioms, care and everyday pressure that share their words stay quiet
        ("the gate code is 4471, see you soon!", False),
        ("nice new place in harrow, see u soon x", False),
        ("your kids walk home on their own now? you might want to think about a lift on dark nights", False),
        ("people who skip the warm-up end up regretting it", False),
        ("i need a dentist, this tooth is agony", False),
        ("go fix your face before the photos lol", False),
        ("if the boiler starts banging again call someone first", False),
        ("i'd rather not be here when he turns up", False),
        ("booked the flight to bali, no return ticket yet", False),
        ("restocked the first aid kit again, the kids go through plasters like sweets", False),
        ("ask dad how his knee is doing after the op", False),
        ("i know a guy who'd sort you out with a cheap quote", False),
        ("i got mugged off in the group chat", False),
        ("we have a plan and a date for the party!", False),
        ("keep ignoring me and i'll leave a one star review on every site", False),
        ("I'd be careful walking back alone, the car park by the station is dark", False),
        ("dont go it alone on the tax return, ring my accountant", False),
    ],
)
def test_fifth_round_rules(text: str, flagged: bool) -> None:
    """The rules alone (no learned head): cues added in the fifth round, and near misses that share their words."""
    from draftwise.screen import screen

    assert any(f.family == "safety" for f in screen(text).findings) == flagged, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the sixth round's families: an affair settled or a thing handed on, made final ("after im gone",
        # "every day after", "you'll need them") or said goodbye over, with no ordinary reason given
        ("Paid off the overdraft and cancelled all my subscriptions. Thanks for being such a good mate.", True),
        ("you can keep my camera and the lenses. after im gone nobody else would use them", True),
        ("the hamster's yours now. can u feed him tomorrow and every day after", True),
        ("Deleted all my accounts tonight. This is probably the last text you'll get from me.", True),
        ("the passwords for my bank are in my notes app. you'll need them.", True),
        ("if i dont reply by sunday theres a letter for my sister in the drawer. dont blame yourself", True),
        # the same settling with a reason given, or one sign alone, stays quiet
        ("Moving to Toronto next month! You can keep my bike, thanks for being the best neighbour", False),
        ("giving away my books before we move abroad, you can have my cookbooks. thanks for everything x", False),
        (
            "Now the baby's here I've updated my will; the documents are in the safe. Thanks for being her godmother!",
            False,
        ),
        ("I've cancelled my gym membership, it was costing a fortune. See you at parkrun instead", False),
        ("Flying out tomorrow! The cat's food is in the cupboard and the spare key is under the mat. Love you", False),
        ("off on the trek tomorrow, if i dont reply for a week thats why. love u x", False),
        ("I've handed in my notice and cleared my desk. Thank you for all the support, I'll miss the team.", False),
    ],
)
def test_sixth_round_rules(text: str, flagged: bool) -> None:
    """The rules alone (no learned head): settled affairs made final, and near misses that give a reason."""
    from draftwise.screen import screen

    assert any(f.family == "safety" for f in screen(text).findings) == flagged, text
