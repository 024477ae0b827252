"""Saving and loading the trained models: safe formats only, checked against a manifest.

Files (in ``models/``, shipped in the package as ``draftwise.trained``):

- ``meta.json``: label names, thresholds, feature layout, rule names, dev figures;
- ``vocab.json``: the word and character n-gram vocabularies;
- ``static.safetensors``: the static encoder (token table and SIF weights);
- ``heads.safetensors``: every head's weights and biases, and the IDF vectors;
- ``manifest.json``: the SHA-256 of each file above.

Nothing is unpickled. :func:`load` reads only from the package's own folder
(or one a test names explicitly) and refuses any file whose hash differs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

FILES = ("meta.json", "vocab.json", "static.safetensors", "heads.safetensors")


class ModelFileError(RuntimeError):
    """A model file is missing or does not match the manifest."""


def sha256(path: Path) -> str:
    """The hex SHA-256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def package_dir() -> Path | None:
    """The installed ``draftwise.trained`` folder, or None when it has no models."""
    try:
        from importlib.resources import files

        root = Path(str(files("draftwise.trained")))
    except (ModuleNotFoundError, TypeError):
        return None
    return root if (root / "manifest.json").exists() else None


def save(
    out_dir: Path,
    *,
    meta: dict,
    word: Any,
    char: Any,
    table: np.ndarray,
    weights: np.ndarray,
    sentence_heads: dict[str, tuple[np.ndarray, np.ndarray]],
    draft_heads: dict[str, tuple[np.ndarray, np.ndarray]],
) -> None:
    """Write the model files to ``out_dir`` and a manifest of their hashes.

    Args:
        out_dir: Folder to write to; created if missing.
        meta: Contents of ``meta.json``.
        word: The fitted word :class:`~draftwise.models.features.TfidfBlock`.
        char: The fitted character :class:`~draftwise.models.features.TfidfBlock`.
        table: The static encoder's token table (stored as float16).
        weights: The static encoder's per-token weights (stored as float16).
        sentence_heads: ``(W, b)`` of each sentence head by name (``W`` stored as float16).
        draft_heads: ``(W, b)`` of each draft head by name (stored as float32).
    """
    from safetensors.numpy import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (out_dir / "vocab.json").write_text(
        json.dumps({"word": word.to_json(), "char": char.to_json()}, ensure_ascii=False, sort_keys=True),
        encoding="utf-8",
    )
    save_file(
        {"table": table.astype(np.float16), "weights": weights.astype(np.float16)}, str(out_dir / "static.safetensors")
    )
    tensors: dict[str, np.ndarray] = {"idf.word": word.idf.astype(np.float32), "idf.char": char.idf.astype(np.float32)}
    for name, (W, b) in sentence_heads.items():
        tensors[f"sentence.{name}.W"] = np.ascontiguousarray(W.astype(np.float16))
        tensors[f"sentence.{name}.b"] = b.astype(np.float32)
    for name, (W, b) in draft_heads.items():
        tensors[f"draft.{name}.W"] = np.ascontiguousarray(W.astype(np.float32))
        tensors[f"draft.{name}.b"] = b.astype(np.float32)
    save_file(tensors, str(out_dir / "heads.safetensors"), metadata={"format": "draftwise-heads-1"})
    manifest = {"files": {f: sha256(out_dir / f) for f in FILES}, "format": 1}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def verify(root: Path) -> dict[str, str]:
    """Check every file against the manifest; returns the manifest's hashes."""
    mpath = root / "manifest.json"
    if not mpath.exists():
        raise ModelFileError(f"no manifest.json in {root}")
    manifest = json.loads(mpath.read_text(encoding="utf-8"))
    for name in FILES:
        p = root / name
        if not p.exists():
            raise ModelFileError(f"model file {name} is missing from {root}")
        got = sha256(p)
        if got != manifest["files"].get(name):
            raise ModelFileError(f"model file {name} does not match its SHA-256 in the manifest (got {got[:12]}...)")
    return manifest["files"]


def load(root: Path) -> dict[str, Any]:
    """Read verified model files into arrays and JSON."""
    from safetensors.numpy import load_file

    verify(root)
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    vocab = json.loads((root / "vocab.json").read_text(encoding="utf-8"))
    static = load_file(str(root / "static.safetensors"))
    heads = load_file(str(root / "heads.safetensors"))
    return {"meta": meta, "vocab": vocab, "static": static, "heads": heads}
