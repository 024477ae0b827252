"""``draftwise train``: rebuild every model in ``models/`` from ``data/``, deterministically.

Steps (each printed with its time):

0. the training drafts: the corpus's ``train`` split and ``real-train``, then the
   written drafts of the rewrite parts already read (training only, by more authors);
1. the static encoder: MiniLM's output for every WordPiece token alone
   (transformers + torch, offline), reduced by PCA, with SIF weights from the
   corpus's and real training sentences (or reused, ``--reuse-encoder``);
2. the vocabularies of word and character n-grams, from the training sentences;
3. the sentence heads (logistic regression per label; multinomial for
   phrasing), trained on ``train``; five-fold out-of-fold probabilities on
   ``train`` feed the draft heads so they learn from realistic inputs;
4. the draft heads: intensity (ridge regression), mindful, confident, safety
   (logistic), apology kind (multinomial);
5. every threshold, chosen on ``dev`` only (never on ``test``);
6. files written with their SHA-256 in ``manifest.json``.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from draftwise.detectors.base import DraftView, Finding, SentenceView, normalise
from draftwise.labels import APOLOGY_KINDS, BLAME_TYPES, PHRASING, SKILLS, TACTICS
from draftwise.screen import screen
from draftwise_lab.corpus import is_real, load_set, sentence_spans

SEED = 13
STATIC_DIM = 256
SENTENCE_LABELS = (
    [f"sk:{k}" for k in SKILLS]
    + [f"ph:{k}" for k in PHRASING]
    + [f"bt:{k}" for k in BLAME_TYPES]
    + [f"ta:{k}" for k in TACTICS]
)


def _log(msg: str, t0: float, out: Callable[[str], None]) -> None:
    out(f"[{time.perf_counter() - t0:6.1f}s] {msg}")


def gold_views(drafts: Sequence[dict], analyzer: Any) -> tuple[list[DraftView], list[list[Finding]]]:
    """Views over the labelled sentence spans (so labels line up), with the rules' findings."""
    texts, spans = [], []
    for d in drafts:
        sp = sentence_spans(d)
        spans.append(sp)
        texts += [d["text"][a:b] for a, b in sp]
    docs = iter(analyzer._nlp.pipe(texts, batch_size=256))
    views, findings = [], []
    for d, sp in zip(drafts, spans, strict=True):
        sv = tuple(
            SentenceView(i, a, b, d["text"][a:b], normalise(d["text"][a:b]), next(docs)) for i, (a, b) in enumerate(sp)
        )
        v = DraftView(d["text"], sv)
        views.append(v)
        # The screen's findings too (its safety rules are features, as at run time), over the same sentences.
        findings.append(analyzer._detect(v, screen(d["text"], v)))
    return views, findings


def build_static(train_texts: Sequence[str], out: Callable[[str], None], t0: float) -> tuple[np.ndarray, np.ndarray]:
    """Per-token MiniLM vectors -> PCA -> table; SIF weights from training token counts."""
    from draftwise.models.encoders import tokenizer
    from draftwise_lab.minilm import MiniLMEncoder

    enc = MiniLMEncoder(threads=os.cpu_count() or 1)
    vocab = tokenizer().get_vocab_size()
    e0 = enc.embed_ids([[i] for i in range(vocab)], batch_size=512)
    _log(f"MiniLM vectors for {vocab} tokens", t0, out)
    mean = e0.mean(0)
    centred = e0 - mean
    # PCA by SVD of the covariance (deterministic up to sign; signs fixed below).
    cov = centred.T @ centred / len(centred)
    vals, vecs = np.linalg.eigh(cov.astype(np.float64))
    order = np.argsort(vals)[::-1][:STATIC_DIM]
    comp = vecs[:, order]
    comp *= np.sign(comp[np.abs(comp).argmax(0), np.arange(comp.shape[1])])
    table = (centred @ comp).astype(np.float32)
    return table, sif_weights(train_texts, vocab)


def sif_weights(texts: Sequence[str], vocab: int) -> np.ndarray:
    """SIF weight of every token, ``a / (a + p(token))`` with ``a = 1e-3`` and ``p`` counted over ``texts``."""
    from draftwise.models.encoders import encode_tokens

    counts = np.zeros(vocab, dtype=np.float64)
    for ids, _ in encode_tokens(list(texts)):
        np.add.at(counts, ids, 1)
    p = counts / max(1.0, counts.sum())
    return (1e-3 / (1e-3 + p)).astype(np.float32)


def reused_static(folder: Path, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The static encoder of an earlier training in ``folder``, checked against ``texts``.

    MiniLM's token vectors can differ in their last float16 bit from one machine to another, and
    the safety head is tied to its encoder's hash; reusing the encoder keeps it valid while the
    heads are retrained. Refuses when the SIF weights counted over ``texts`` differ from the stored
    ones (the encoder was built from other sentences).
    """
    from draftwise.models.store import load

    stored = load(folder)["static"]  # verified against its manifest, as at run time
    table = stored["table"].astype(np.float32)
    weights = sif_weights(texts, table.shape[0])
    if not np.array_equal(weights.astype(np.float16), stored["weights"]):
        raise ValueError(f"the static encoder in {folder} was built from other sentences; train without reusing it")
    return table, stored["weights"].astype(np.float32)


def _best_threshold(y: np.ndarray, p: np.ndarray, grid: np.ndarray | None = None) -> tuple[float, float]:
    from sklearn.metrics import f1_score

    grid = np.round(np.arange(0.1, 0.91, 0.025), 3) if grid is None else grid
    best = max((f1_score(y, p >= t, zero_division=0), -abs(t - 0.5), t) for t in grid)
    return float(best[2]), float(best[0])


def train(
    data_dir: str | Path = "data",
    out_dir: str | Path = "models",
    *,
    reuse_encoder: str | Path | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train everything; returns the dev figures used to choose thresholds.

    ``reuse_encoder``: a models folder whose static encoder to keep (see :func:`reused_static`).
    """
    from sklearn.linear_model import LogisticRegression, Ridge

    from draftwise.models.encoders import StaticEncoder
    from draftwise.models.features import TfidfBlock
    from draftwise.models.featurize import Featurizer
    from draftwise.models.store import save
    from draftwise.pipeline import Analyzer

    t0 = time.perf_counter()
    np.random.seed(SEED)
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    # Written drafts and real messages together: the model learns both styles, and thresholds are
    # chosen on both dev parts (the real ones split by source item, corpus.real_split_of).
    splits = {k: load_set(data_dir, f"{k}+real") for k in ("train", "dev")}
    # The static encoder's SIF weights come from these sentences only, so the encoder (and the
    # safety head fitted with it) stays the same when more labelled drafts are added below.
    n_encoder_drafts = len(splits["train"])
    # The rewrite parts already read: more authors, every draft with blame or a tactic.
    # (The batches of data/extra/ were tried here too and lost on real-dev: models/README.md.)
    splits["train"] += load_set(data_dir, "rewrites-read")
    _log(f"read {len(splits['train'])} train and {len(splits['dev'])} dev drafts", t0, log)
    rules = Analyzer(models=False)
    views, finds = {}, {}
    for k, ds in splits.items():
        views[k], finds[k] = gold_views(ds, rules)
    _log("parsed and ran the rules", t0, log)
    train_texts = [s.text for v in views["train"] for s in v.sentences]
    encoder_texts = [s.text for v in views["train"][:n_encoder_drafts] for s in v.sentences]
    if reuse_encoder is None:
        table, weights = build_static(encoder_texts, log, t0)
    else:
        table, weights = reused_static(Path(reuse_encoder), encoder_texts)
        _log(f"reused the static encoder of {reuse_encoder}", t0, log)
    encoder = StaticEncoder(table, weights)
    word = TfidfBlock.fit("word", train_texts, min_df=2, max_features=40000)
    char = TfidfBlock.fit("char", train_texts, min_df=3, max_features=40000)
    from draftwise.detectors import all_rule_names

    feat = Featurizer(word, char, all_rule_names(), encoder)
    rows = {k: feat.sentences(views[k], finds[k]) for k in splits}
    # Augmentation: every training sentence also stands alone (no neighbours, first and last),
    # so a one-line draft is judged on its words, not on how rare one-line drafts are in the corpus.
    alone_views, alone_finds = [], []
    for v, fs in zip(views["train"], finds["train"], strict=True):
        for s in v.sentences:
            sv = SentenceView(0, 0, len(s.text), s.text, s.norm, s.doc)
            alone_views.append(DraftView(s.text, (sv,)))
            alone_finds.append(
                [
                    dataclasses.replace(f, sentence=0, start=f.start - s.start, end=f.end - s.start)
                    for f in fs
                    if f.sentence == s.index
                ]
            )
    alone = feat.sentences(alone_views, alone_finds)
    _log(f"features: {feat.layout.width} columns; {rows['train'].X.shape[0]} train sentences", t0, log)

    def labels(ds: Sequence[dict]) -> dict[str, np.ndarray]:
        sents = [s for d in ds for s in d["sentences"]]
        return {
            "skills": np.array([[k in s["skills"] for k in SKILLS] for s in sents], dtype=np.int8),
            "phrasing": np.array([PHRASING.index(s["phrasing"]) for s in sents]),
            "blame_types": np.array([[k in s["blame_types"] for k in BLAME_TYPES] for s in sents], dtype=np.int8),
            "tactics": np.array([[k in s["tactics"] for k in TACTICS] for s in sents], dtype=np.int8),
        }

    Y = {k: labels(ds) for k, ds in splits.items()}
    C = {"skills": 1.0, "phrasing": 1.0, "blame_types": 1.0, "tactics": 1.0}

    def fit_sentence_heads(X: Any, y: dict[str, np.ndarray]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        heads: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for task, n in (("skills", len(SKILLS)), ("tactics", len(TACTICS))):
            Ws, bs = [], []
            for j in range(n):
                m = LogisticRegression(C=C[task], max_iter=3000, class_weight="balanced", random_state=SEED).fit(
                    X, y[task][:, j]
                )
                Ws.append(m.coef_[0])
                bs.append(m.intercept_[0])
            heads[task] = (np.stack(Ws, 1).astype(np.float32), np.array(bs, np.float32))
        m = LogisticRegression(C=C["phrasing"], max_iter=3000, class_weight="balanced", random_state=SEED).fit(
            X, y["phrasing"]
        )
        heads["phrasing"] = (m.coef_.T.astype(np.float32), m.intercept_.astype(np.float32))
        blame = y["phrasing"] == PHRASING.index("blame")
        Ws, bs = [], []
        for j in range(len(BLAME_TYPES)):
            m = LogisticRegression(C=C["blame_types"], max_iter=3000, class_weight="balanced", random_state=SEED).fit(
                X[blame], y["blame_types"][blame, j]
            )
            Ws.append(m.coef_[0])
            bs.append(m.intercept_[0])
        heads["blame_types"] = (np.stack(Ws, 1).astype(np.float32), np.array(bs, np.float32))
        return heads

    from scipy import sparse as _sp

    from draftwise.models.judge import sentence_probabilities

    X_aug = _sp.vstack([rows["train"].X, alone.X], format="csr")
    Y_aug = {k: np.concatenate([v, v]) for k, v in Y["train"].items()}
    heads = fit_sentence_heads(X_aug, Y_aug)
    _log("sentence heads trained", t0, log)
    # Out-of-fold sentence probabilities on train, by draft, for the draft heads.
    n_train = len(splits["train"])
    folds = np.arange(n_train) % 5
    rng = np.random.default_rng(SEED)
    rng.shuffle(folds)
    oof = np.zeros((rows["train"].X.shape[0], len(SENTENCE_LABELS)), np.float32)
    oof_alone = np.zeros_like(oof)
    for f in range(5):
        tr_rows = folds[rows["train"].draft_of] != f
        sub = {k: v[tr_rows] for k, v in Y["train"].items()}
        h = fit_sentence_heads(
            _sp.vstack([rows["train"].X[tr_rows], alone.X[tr_rows]], format="csr"),
            {k: np.concatenate([v, v]) for k, v in sub.items()},
        )
        oof[~tr_rows] = sentence_probabilities(rows["train"].X[~tr_rows], h)
        oof_alone[~tr_rows] = sentence_probabilities(alone.X[~tr_rows], h)
    _log("out-of-fold sentence probabilities", t0, log)
    dev_p = sentence_probabilities(rows["dev"].X, heads)

    D = {
        "train": feat.drafts(views["train"], finds["train"], oof, rows["train"], SENTENCE_LABELS),
        "dev": feat.drafts(views["dev"], finds["dev"], dev_p, rows["dev"], SENTENCE_LABELS),
    }
    dy = {
        k: {
            "intensity": np.array([d["intensity"] for d in ds], np.float32),
            "mindful": np.array([d["mindful"] for d in ds], np.int8),
            "confident": np.array([d["confident"] for d in ds], np.int8),
            "safety": np.array([d["safety"] for d in ds], np.int8),
            "apology": np.array([APOLOGY_KINDS.index(d["apology"]) for d in ds]),
        }
        for k, ds in splits.items()
    }
    dheads: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    dev_fig: dict[str, Any] = {}
    best = None
    for alpha in (0.3, 1.0, 3.0, 10.0):
        r = Ridge(alpha=alpha, random_state=SEED).fit(D["train"], dy["train"]["intensity"])
        pred = np.clip(np.rint(r.predict(D["dev"])), 1, 10)
        mae = float(np.abs(pred - dy["dev"]["intensity"]).mean())
        if best is None or mae < best[0]:
            best = (mae, alpha, r)
    dheads["intensity"] = (best[2].coef_.astype(np.float32)[:, None], np.array([best[2].intercept_], np.float32))
    dev_fig["intensity_mae"] = best[0]
    dev_fig["intensity_alpha"] = best[1]
    # The safety head learns from written drafts only. Real public replies label "safety" for any
    # earnest mention of violence (news, history, an insult such as "you rapist"); trained on them the
    # head read violent idioms ("I could murder a pizza") as danger, at 0.4 where the bar is 0.15.
    written = {k: np.array([not is_real(d["id"]) for d in splits[k]]) for k in ("train", "dev")}
    for task in ("mindful", "confident", "safety"):
        use = {k: written[k] if task == "safety" else np.ones(len(splits[k]), bool) for k in ("train", "dev")}
        bestc = None
        for c in (0.1, 0.3, 1.0, 3.0):
            m = LogisticRegression(C=c, max_iter=4000, class_weight="balanced", random_state=SEED).fit(
                D["train"][use["train"]], dy["train"][task][use["train"]]
            )
            pred = m.predict_proba(D["dev"][use["dev"]])[:, 1] >= 0.5
            acc = float((pred == dy["dev"][task][use["dev"]]).mean())
            if bestc is None or acc > bestc[0]:
                bestc = (acc, c, m)
        dheads[task] = (bestc[2].coef_.T.astype(np.float32), bestc[2].intercept_.astype(np.float32))
        dev_fig[f"{task}_acc"] = bestc[0]
    bestc = None
    for c in (0.1, 0.3, 1.0, 3.0):
        m = LogisticRegression(C=c, max_iter=4000, class_weight="balanced", random_state=SEED).fit(
            D["train"], dy["train"]["apology"]
        )
        acc = float((m.predict(D["dev"]) == dy["dev"]["apology"]).mean())
        if bestc is None or acc > bestc[0]:
            bestc = (acc, c, m)
    classes = list(bestc[2].classes_)
    W = np.zeros((D["train"].shape[1], len(APOLOGY_KINDS)), np.float32)
    b = np.full(len(APOLOGY_KINDS), -30.0, np.float32)
    for j, cls in enumerate(classes):
        W[:, cls] = bestc[2].coef_[j]
        b[cls] = bestc[2].intercept_[j]
    dheads["apology"] = (W, b)
    dev_fig["apology_acc"] = bestc[0]
    _log("draft heads trained", t0, log)

    # Tactics are judged per draft, so each has a draft head too (over the pooled sentence
    # probabilities, cues, signals and the draft's words); a draft's tactic probability is the mean of
    # that head and its best sentence's. On dev this beat the best sentence alone by 0.06 macro-F1.
    from draftwise.models.judge import combine_tactics, draft_probabilities

    dof = rows["dev"].draft_of
    smax = {
        k: np.array(
            [
                dev_p[dof == d, SENTENCE_LABELS.index(f"ta:{k}")].max() if (dof == d).any() else 0.0
                for d in range(len(splits["dev"]))
            ]
        )
        for k in TACTICS
    }
    # The tactic heads also learn from every training sentence standing alone as a draft (labelled
    # with that sentence's tactics), as the sentence heads do: without it a one-line "Do it or
    # we're done." looks like nothing the draft head has seen and pulls a clear ultimatum under the bar.
    D_alone = feat.drafts(alone_views, alone_finds, oof_alone, alone, SENTENCE_LABELS)
    alone_tactics = [s["tactics"] for d in splits["train"] for s in d["sentences"]]
    D_tactics = _sp.vstack([D["train"], D_alone], format="csr")
    tW = np.zeros((D["train"].shape[1], len(TACTICS)), np.float32)
    tb = np.zeros(len(TACTICS), np.float32)
    for j, k in enumerate(TACTICS):
        gold_tr = np.array([k in d["tactics"] for d in splits["train"]] + [k in t for t in alone_tactics], dtype=int)
        gold_dv = np.array([k in d["tactics"] for d in splits["dev"]], dtype=int)
        bestc = None
        for c in (0.1, 0.3, 1.0, 3.0):
            m = LogisticRegression(C=c, max_iter=4000, class_weight="balanced", random_state=SEED).fit(
                D_tactics, gold_tr
            )
            comb = (m.predict_proba(D["dev"])[:, 1] + smax[k]) / 2
            f1 = _best_threshold(gold_dv, comb)[1]
            if bestc is None or f1 > bestc[0]:
                bestc = (f1, c, m)
        tW[:, j], tb[j] = bestc[2].coef_[0], bestc[2].intercept_[0]
        dev_fig[f"tactic_draft_C:{k}"] = bestc[1]
    dheads["tactics"] = (tW, tb)
    combined = combine_tactics(
        draft_probabilities(D["dev"], dheads)["tactics"], np.stack([smax[k] for k in TACTICS], 1)
    )

    # Thresholds, on dev only.
    thresholds: dict[str, float] = {}
    for j, k in enumerate(SKILLS):
        thresholds[k], dev_fig[f"skill_f1:{k}"] = _best_threshold(
            Y["dev"]["skills"][:, j], dev_p[:, SENTENCE_LABELS.index(f"sk:{k}")]
        )
    blame_dev = Y["dev"]["phrasing"] == 0
    for j, k in enumerate(BLAME_TYPES):
        thresholds[k], dev_fig[f"blame_type_f1:{k}"] = _best_threshold(
            Y["dev"]["blame_types"][blame_dev, j], dev_p[blame_dev, SENTENCE_LABELS.index(f"bt:{k}")]
        )
    # Blame: the bar that maximises phrasing macro-F1 on dev. Forcing blame recall to 0.90 was tried:
    # on dev it needs a bar near 0.18, where half of the sentences called blame are fair ones
    # ("You read my messages without asking."), which costs the user's trust more than it helps.
    from sklearn.metrics import f1_score, recall_score

    pb = dev_p[:, SENTENCE_LABELS.index("ph:blame")]
    other = dev_p[:, [SENTENCE_LABELS.index("ph:description"), SENTENCE_LABELS.index("ph:neutral")]].argmax(1) + 1
    trials = []
    for t in np.round(np.arange(0.1, 0.71, 0.01), 3):
        pred = np.where(pb >= t, 0, other)
        trials.append(
            (recall_score(blame_dev, pred == 0), f1_score(Y["dev"]["phrasing"], pred, average="macro"), float(t))
        )
    rec, mf1, thresholds["blame"] = max(trials, key=lambda x: (x[1], x[0]))
    dev_fig["blame_recall"], dev_fig["phrasing_macro_f1"] = rec, mf1
    for j, k in enumerate(TACTICS):
        gold = np.array([k in d["tactics"] for d in splits["dev"]], dtype=int)
        thresholds[k], dev_fig[f"tactic_f1:{k}"] = _best_threshold(gold, combined[:, j])
    # Benign false alarms (a tactic on a draft that has none) add up over seven tactics; while they
    # exceed 4% of dev's benign drafts, raise the bar of the tactic that causes most of them.
    pmax_all = {k: combined[:, j] for j, k in enumerate(TACTICS)}
    benign = np.array([not d["tactics"] for d in splits["dev"]])
    for _ in range(200):
        alarms = {k: (benign & (pmax_all[k] >= thresholds[k])).sum() for k in TACTICS}
        fired = np.zeros(len(benign), bool)
        for k in TACTICS:
            fired |= pmax_all[k] >= thresholds[k]
        rate = float((fired & benign).sum() / max(1, benign.sum()))
        if rate <= 0.04:
            break
        worst = max(TACTICS, key=lambda k: alarms[k])
        thresholds[worst] = round(min(0.975, thresholds[worst] + 0.025), 3)
    dev_fig["benign_false_alarm"] = rate
    for k in TACTICS:
        gold = np.array([k in d["tactics"] for d in splits["dev"]], dtype=int)
        dev_fig[f"tactic_f1:{k}"] = float(f1_score(gold, pmax_all[k] >= thresholds[k], zero_division=0))
    # Safety: recall first. The flag is "a rule fired, or the model's probability reaches the bar";
    # the bar is the highest that still flags every safety draft of train and dev.
    bar = 0.5
    for k in ("train", "dev"):
        sp = draft_probabilities(D[k], dheads)["safety"]
        ruled = np.array([any(f.family == "safety" for f in fs) for fs in finds[k]])
        missed = (dy[k]["safety"] == 1) & ~ruled & written[k]
        if missed.any():
            bar = min(bar, float(sp[missed].min()) * 0.9)
    # Floor: the model alone never flags more than a few percent of drafts (crisis resources on a
    # shopping list help nobody); below it, safety rests on the rules.
    thresholds["safety"] = max(0.15, bar)
    dev_fig["safety_rules_alone_recall"] = float(
        np.mean(
            [
                any(f.family == "safety" for f in fs)
                for fs, y in zip(finds["dev"], dy["dev"]["safety"], strict=True)
                if y
            ]
        )
    )
    _log("thresholds chosen on dev", t0, log)

    meta = {
        "format": 1,
        "seed": SEED,
        "trained_on": {k: len(v) for k, v in splits.items()},
        "sentence_labels": SENTENCE_LABELS,
        "apology_kinds": list(APOLOGY_KINDS),
        "rule_names": feat.rule_names,
        "layout": feat.layout.blocks,
        "static_dim": STATIC_DIM,
        "thresholds": thresholds,
        "dev": {k: round(v, 4) if isinstance(v, float) else v for k, v in dev_fig.items()},
        "draft_feature_width": int(D["train"].shape[1]),
    }
    save(
        out_dir, meta=meta, word=word, char=char, table=table, weights=weights, sentence_heads=heads, draft_heads=dheads
    )
    _log(f"wrote {out_dir}", t0, log)
    return meta
