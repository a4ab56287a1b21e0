"""Attribution patterns as data: each row of tests/data/attribution.jsonl is one pattern of
news attribution in a short article, named by its id (the pattern's paragraph, quotations
as "Q") and by the `rule` it shows (an id of `quotes.RULES`, the one that decided its
speaker or its kind), with every quote the article gives: `[quote prefix, speaker, kind]`
in text order. A row's `options` are passed to `quotes` (`indirect` for reported speech).
The rule a row names is one the quotes it gives were read by."""

import json
from pathlib import Path

import pytest

from newscli.analysis.quotes import RULES, quotations, quotes
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


def test_every_rule_has_a_row_and_every_row_a_rule():
    named = {row["rule"] for row in ROWS}
    assert sorted(set(RULES) - named) == []
    assert sorted(named - set(RULES)) == []


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


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_the_rule_a_row_names_is_one_its_quotes_were_read_by(row):
    found = quotations(parse(row["text"]), **row.get("options", {}))
    assert row["rule"] in {rule for quote in found for rule in quote.rules}
