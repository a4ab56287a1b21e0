"""The declared records against what the commands print and the layouts (the docs' field
tables: tests/test_docs.py)."""

import json
from typing import get_args, get_type_hints

import pytest

from newscli import schema
from newscli.commands import RECORDS
from newscli.render import layouts
from tests.conftest import SEEDS
from tests.test_cli import jsonl

jsonschema = pytest.importorskip("jsonschema")

#: every command with the options that change its record's shape
RUNS = {
    "parse": [[], ["--tokens"], ["--with-text"]],
    "readability": [[], ["--by", "paragraph"]],
    "summarize": [[], ["--all"], ["--method", "lead", "--order", "score"]],
    "quotes": [[], ["--by", "speaker"], ["--all", "--indirect"]],
    "entities": [[], ["--type", "PERSON", "--with-text"]],
    "analyze": [[], ["--max-chars", "400"]],
    "dedupe": [[], ["--pairs"]],
}
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".html"))


def validator(run, command):
    result = run(["schema", command])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return jsonschema.Draft202012Validator(document)


@pytest.mark.parametrize("command", sorted(RUNS))
def test_every_record_on_the_seeds_matches_its_schema(run, command):
    check = validator(run, command)
    for options in RUNS[command]:
        result = run([command, *options, *SEED_FILES])
        assert result.exit_code == 0, result.stderr
        records = jsonl(result.stdout)
        assert records
        for record in records:
            errors = [e.message for e in check.iter_errors(record)]
            assert not errors, (options, record["source"], errors[:3])


def test_a_record_with_a_key_the_schema_lacks_is_invalid(run):
    check = validator(run, "quotes")
    record = jsonl(run(["quotes", SEED_FILES[0]]).stdout)[0]
    assert check.is_valid(record)
    assert not check.is_valid({**record, "speaker_count": 3})
    quote = {**record["quotes"][0], "kind": "rumour"}
    assert not check.is_valid({**record, "quotes": [quote]})


@pytest.mark.parametrize("command", sorted(RUNS))
def test_record_keys_come_in_their_declared_order(run, command):
    def in_order(keys, record_type):
        declared = schema.fields(record_type)
        return set(keys) <= set(declared) and keys == sorted(keys, key=declared.index)

    for options in RUNS[command]:
        for record in jsonl(run([command, *options, *SEED_FILES]).stdout):
            keys = [k for k in record if k not in ("truncated", "text")]
            assert any(in_order(keys, t) for t in RECORDS[command]), (command, options)


def test_usage_error_for_a_command_without_records(run):
    result = run(["schema", "nonsense"])
    assert result.exit_code == 2


# --- the layouts read the schema's names --------------------------------------------

#: CSV columns that are not record keys: what kind of row it is
CSV_ONLY = {"item"}


def _all_keys(record_type, seen=None):
    """Every key of a record type and of the records nested in it."""
    seen = set() if seen is None else seen
    if record_type in seen:
        return set()
    seen.add(record_type)
    keys = set(schema.fields(record_type))
    for hint in get_type_hints(record_type).values():
        for inner in (hint, *get_args(hint), *(a for h in get_args(hint) for a in get_args(h))):
            if isinstance(inner, type) and hasattr(inner, "__required_keys__"):
                keys |= _all_keys(inner, seen)
    return keys


@pytest.mark.parametrize(
    "layout, command",
    [
        (layouts.PARSE, "parse"),
        (layouts.READABILITY, "readability"),
        (layouts.SUMMARY, "summarize"),
        (layouts.QUOTES, "quotes"),
        (layouts.ENTITIES, "entities"),
        (layouts.ENTITY_MENTIONS, "entities"),
        (layouts.DEDUPE, "dedupe"),
        (layouts.DEDUPE_PAIRS, "dedupe"),
    ],
)
def test_csv_columns_are_declared_keys(layout, command):
    declared = set().union(*(_all_keys(t) for t in RECORDS[command]))
    assert set(layout.csv_fields) - declared - CSV_ONLY == set()


def test_readability_labels_every_score():
    assert list(layouts.READABILITY_LABELS) == list(schema.fields(schema.ReadabilityScores))
