"""Attribution patterns as data: each row of tests/data/attribution.jsonl is one pattern of
news attribution in a short article, named by its id (the pattern's paragraph, quotations
as "Q"), with every quote the article gives: `[quote prefix, speaker, kind]` in text order.
A row's `options` are passed to `quotes` (`indirect` for reported speech)."""

import json
from pathlib import Path

import pytest

from newscli.analysis.quotes import quotes
from newscli.document import parse

ROWS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "attribution.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def test_ids_are_unique():
    ids = [row["id"] for row in ROWS]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_attribution_pattern(row):
    records = quotes(parse(row["text"]), **row.get("options", {}))
    expected = row["expect"]
    prefixes = [len(prefix) for prefix, _, _ in expected]
    found = [
        [record["text"][:length], record["speaker"], record["kind"]]
        for record, length in zip(records, prefixes + [80] * len(records), strict=False)
    ]
    assert found == expected
