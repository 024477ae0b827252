"""Drafts stay on this machine: no network, no telemetry, no draft on disk or in a log, verified models."""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARKER = "zebracorn-7781 you never listen to me!!"

# Installed into a subprocess with PYTHONPATH: records every non-loopback connection or DNS lookup, and refuses it.
SITECUSTOMIZE = r"""
import os, socket
_log = os.environ["DRAFTWISE_NET_LOG"]
_LOOP = ("127.", "::1", "localhost", "0.0.0.0")
def _note(kind, target):
    with open(_log, "a") as f:
        f.write(f"{kind} {target!r}\n")
_orig_connect = socket.socket.connect
def connect(self, address):
    host = address[0] if isinstance(address, tuple) else str(address)
    if isinstance(host, str) and not host.startswith(_LOOP) and self.family in (socket.AF_INET, socket.AF_INET6):
        _note("connect", address)
        raise OSError("network blocked by the privacy test")
    return _orig_connect(self, address)
socket.socket.connect = connect
_orig_gai = socket.getaddrinfo
def getaddrinfo(host, *a, **k):
    if host is not None and not str(host).startswith(_LOOP):
        _note("dns", host)
        raise socket.gaierror("DNS blocked by the privacy test")
    return _orig_gai(host, *a, **k)
socket.getaddrinfo = getaddrinfo
"""


@pytest.fixture()
def netlog(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net.log"
    log.write_text("", encoding="utf-8")
    env = dict(
        os.environ, PYTHONPATH=f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", DRAFTWISE_NET_LOG=str(log)
    )
    return env, log


def test_cli_makes_no_network_attempt(netlog, tmp_path: Path) -> None:
    env, log = netlog
    p = subprocess.run(
        [sys.executable, "-m", "draftwise.cli", "check", MARKER, "--rewrites"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    src = tmp_path / "in.txt"
    src.write_text(MARKER + "\nthanks!\n", encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "draftwise.cli", "batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--rewrites"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    assert MARKER not in p.stderr  # progress and summary only: no draft text on stderr
    assert log.read_text(encoding="utf-8") == "", log.read_text(encoding="utf-8")


def test_app_makes_no_network_attempt_and_writes_nothing(monkeypatch, tmp_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    attempts: list[str] = []
    orig_connect = socket.socket.connect
    orig_gai = socket.getaddrinfo

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else str(address)
        if (
            isinstance(host, str)
            and not host.startswith(("127.", "::1", "localhost"))
            and self.family in (socket.AF_INET, socket.AF_INET6)
        ):
            attempts.append(f"connect {address!r}")
            raise OSError("blocked")
        return orig_connect(self, address)

    def gai(host, *a, **k):
        if host is not None and not str(host).startswith(("127.", "::1", "localhost")):
            attempts.append(f"dns {host!r}")
            raise socket.gaierror("blocked")
        return orig_gai(host, *a, **k)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", gai)
    started = time.time()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.text_area(key="draft").input(MARKER).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    at.radio(key="view").set_value("Batch a file").run()
    at.get("file_uploader")[0].set_value(("d.csv", f"text\n{MARKER}\nthanks\n".encode(), "text/csv")).run()
    at.button(key="run_batch").click().run()
    assert not at.exception
    assert attempts == []
    # No file anywhere we can see holds the draft: not the checkout, not the temp folder.
    # os.walk, not rglob: another process's temp folder may vanish while we walk, and that is not a leak
    for folder in (ROOT, Path(tempfile.gettempdir())):
        paths = (Path(d) / f for d, _, files in os.walk(folder, onerror=lambda e: None) for f in files)
        for path in paths:
            if ".venv" in path.parts or ".git" in path.parts or not path.is_file():
                continue
            try:
                if path.stat().st_mtime < started or path.stat().st_size > 5_000_000:
                    continue
                assert MARKER not in path.read_text(encoding="utf-8", errors="ignore"), path
            except OSError:
                continue


def test_no_draft_text_in_logs(analyzer, caplog) -> None:
    with caplog.at_level(logging.DEBUG):
        analyzer.analyse(MARKER, rewrites=True)
    assert all(MARKER not in r.getMessage() for r in caplog.records)


def test_streamlit_binds_loopback_without_usage_stats() -> None:
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["server"]["address"] == "127.0.0.1"
    assert cfg["browser"]["gatherUsageStats"] is False


def test_models_are_checked_against_the_manifest(tmp_path: Path) -> None:
    from draftwise.models.judge import Judge
    from draftwise.models.store import ModelFileError, package_dir, verify

    root = package_dir()
    assert root is not None, "the trained models ship inside the package"
    hashes = verify(root)
    assert set(hashes) == {"meta.json", "vocab.json", "static.safetensors", "heads.safetensors"}
    bad = tmp_path / "models"
    shutil.copytree(root, bad)
    data = bytearray((bad / "heads.safetensors").read_bytes())
    data[-1] ^= 0xFF
    (bad / "heads.safetensors").write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="SHA-256"):
        Judge(bad)
    manifest = json.loads((bad / "manifest.json").read_text())
    assert all(len(h) == 64 for h in manifest["files"].values())


def test_nothing_is_unpickled() -> None:
    src = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py")) + (ROOT / "app.py").read_text()
    for banned in ("import pickle", "pickle.load", "joblib", "torch.load", "skops.io.load", "np.load(", "allow_pickle"):
        assert banned not in src, banned


def test_the_network_trap_does_catch_an_attempt(netlog) -> None:
    """The harness above can fail: a real connection attempt is recorded."""
    env, log = netlog
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.com', timeout=3)\nexcept Exception:\n    pass",
        ],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert "example.com" in log.read_text(encoding="utf-8")
