"""A batch killed half-way (SIGKILL) and resumed ends with every row exactly once, as a clean run would."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path


def test_kill_and_resume(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    texts = [
        "you never call me back",
        "thanks for dinner!",
        "We need to talk.",
        "",
        "I'm sorry I forgot, I'll make it up to you",
    ]
    src.write_text(
        "".join(
            json.dumps({"id": f"r{i}", "text": texts[i % 5] + f" ({i})" * (i % 5 != 3)}) + "\n" for i in range(400)
        ),
        encoding="utf-8",
    )
    clean = tmp_path / "clean.jsonl"
    cmd = [sys.executable, "-m", "draftwise.cli", "batch", str(src), "-q"]
    assert subprocess.run([*cmd, "-o", str(clean)], capture_output=True, timeout=600).returncode == 0

    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*cmd, "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 64:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = out.read_bytes().count(b"\n")
    assert 0 < done_before < 400, "the kill should land half-way"
    p = subprocess.run([*cmd, "-o", str(out), "--resume"], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    want = [json.loads(x) for x in clean.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in got] == [f"r{i}" for i in range(400)]
    assert got == want
