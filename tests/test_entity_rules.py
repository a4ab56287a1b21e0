"""The case table of the entity rules after tagging (tests/data/entity-rules.jsonl): one
invented row per case, each naming the rule it shows (an id of `newscli.ner.rules.RULES`,
or of `newscli.ner.languages.RULES` for a row in another language), with every entity the
text gives as `[text, type]`. The rule a row names is one that changes what the text gives:
left out, the entities differ."""

import json
from pathlib import Path

import pytest

from newscli.document import parse
from newscli.ner import languages, tag_document
from newscli.ner.rules import BY_ID, RULES

ROWS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "entity-rules.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
]
ENGLISH = {rule.id for rule in RULES}
OTHER_LANGUAGES = {rule.id for rule in languages.RULES}


def _entities(row: dict, leave_out: frozenset[str] = frozenset()) -> list[list[str]]:
    document = parse(row["text"])
    return [[span.text, span.label] for span in tag_document(document, leave_out=leave_out)]


def test_ids_are_unique():
    ids = [row["id"] for row in ROWS]
    assert len(set(ids)) == len(ids)
    assert len(ENGLISH) == len(RULES)
    assert len(OTHER_LANGUAGES) == len(languages.RULES)


def test_every_rule_has_a_row_and_every_row_a_rule():
    named = {row["rule"] for row in ROWS}
    assert sorted((ENGLISH | OTHER_LANGUAGES) - named) == []
    assert sorted(named - ENGLISH - OTHER_LANGUAGES) == []


def test_every_rule_shows_an_invented_example():
    for rule in (*RULES, *languages.RULES):
        assert "Example: " in (rule.function.__doc__ or ""), rule.id


def test_other_languages_apply_the_shared_rules_by_id():
    shared = [rule for rule in languages.RULES if rule.id in ENGLISH]
    assert [rule.id for rule in shared] == list(languages.SHARED_RULES)
    assert all(rule is BY_ID[rule.id] for rule in shared)


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_the_row_reads_in_its_language_by_its_rules(row):
    code = parse(row["text"]).language.code
    if "language" in row:
        assert code == row["language"]
        assert row["rule"] in OTHER_LANGUAGES
    else:
        assert code not in languages.LANGUAGES
        assert row["rule"] in ENGLISH


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_the_rows_entities_come_out(row):
    assert _entities(row) == row["expect"]


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_the_rule_a_row_names_changes_what_it_gives(row):
    assert _entities(row, frozenset({row["rule"]})) != row["expect"]
