"""Golden records: the whole record of about twenty drafts, as stored by ``draftwise-lab golden --update``.

A change in any field shows up here as a diff to review; when it is intended, regenerate the file
with the command above and commit it with the change.
"""

from __future__ import annotations

import json

from draftwise_lab.golden import DRAFTS, GOLDEN_FILE, records


def test_golden_records_are_unchanged(analyzer) -> None:
    stored = {json.loads(line)["id"]: json.loads(line) for line in GOLDEN_FILE.read_text(encoding="utf-8").splitlines()}
    assert list(stored) == list(DRAFTS)
    for rec in records(analyzer):
        got = json.loads(json.dumps(rec, ensure_ascii=False, sort_keys=True))
        assert got == stored[rec["id"]], (
            f"golden record {rec['id']!r} changed: review, then draftwise-lab golden --update"
        )
