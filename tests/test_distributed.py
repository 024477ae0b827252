"""The dask engine gives the same records as the single-machine run, record for record."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    yield c
    c.close()


def test_dask_equals_local(cluster, tmp_path, analyzer) -> None:
    from draftwise import batch
    from draftwise.distributed import read_partitioned

    drafts = [
        "we need to talk",
        "you never listen to me!!",
        "",
        "thanks for dinner, it was lovely",
        "If you don't pay by Friday we're done.",
        "i cant do this anymore. everyone would be better off without me",
    ] * 4
    lines = [json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(drafts)]
    lines.insert(5, "{this line is broken")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")

    local = tmp_path / "local.jsonl"
    batch.run(src, local, analyzer=analyzer)
    expected = [json.loads(x) for x in local.read_text(encoding="utf-8").splitlines()]

    out = tmp_path / "dask_out"
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "draftwise.cli",
            "batch",
            str(src),
            "-o",
            str(out),
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
            "--partition-rows",
            "7",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stderr
    got = list(read_partitioned(out))
    assert len(got) == len(expected) == len(lines)
    assert got == expected
    parts = sorted(x.name for x in out.iterdir() if x.name.startswith("part-"))
    assert len(parts) == 4  # 25 rows in partitions of 7


def test_dask_honours_txt_mode_resume_and_one_file(cluster, tmp_path) -> None:
    from draftwise import batch
    from draftwise.distributed import run_dask
    from draftwise.io.writers import OutputError

    src = tmp_path / "in.txt"
    src.write_text("".join(f"first part {i}\nsecond line {i}\n\n" for i in range(12)), encoding="utf-8")
    local = tmp_path / "local.jsonl"
    batch.run(src, local, txt_mode="blank", rules_only=True)
    out = tmp_path / "out.jsonl"
    s = run_dask(
        str(src), str(out), scheduler=cluster.scheduler_address, txt_mode="blank", rules_only=True, partition_rows=5
    )
    assert out.is_file() and s.written == 12
    assert out.read_bytes() == local.read_bytes()
    out.write_text("".join(local.read_text(encoding="utf-8").splitlines(keepends=True)[:7]), encoding="utf-8")
    s = run_dask(
        str(src),
        str(out),
        scheduler=cluster.scheduler_address,
        txt_mode="blank",
        rules_only=True,
        partition_rows=5,
        resume=True,
    )
    assert s.skipped_resumed == 7 and s.written == 12
    assert out.read_bytes() == local.read_bytes()
    with pytest.raises(OutputError, match="--jobs"):
        run_dask(str(src), str(tmp_path / "x.jsonl"), scheduler=cluster.scheduler_address, jobs=4)
    with pytest.raises(OutputError, match="one output file"):
        run_dask(str(src), str(tmp_path / "folder"), scheduler=cluster.scheduler_address, resume=True)
