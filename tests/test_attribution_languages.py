"""Attribution in German, French, Spanish, Italian, Portuguese and Dutch as data: each row
of tests/data/attribution-languages.jsonl is an invented article in its `language`, named
by its id and by the `rule` it shows (an id of `quotes.languages.RULES` or of
`quotemarks.MARK_RULES`), with every quote it gives: `[quote prefix, speaker, kind]`, and
the speaker's role as a fourth item where the row checks it. The rule a row names is one
the quotes it gives were read by."""

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscli.analysis.quotes import quotes
from newscli.analysis.quotes.languages import LANGUAGES, RULES, quotations
from newscli.document import parse
from newscli.quotemarks import MARK_RULES

ROWS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "attribution-languages.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
#: invented rows each language has at least
ROWS_PER_LANGUAGE = 25


def test_ids_are_unique():
    ids = [row["id"] for row in ROWS]
    assert len(set(ids)) == len(ids)


def test_every_language_has_its_rows():
    counts = Counter(row["language"] for row in ROWS)
    assert {code: counts[code] >= ROWS_PER_LANGUAGE for code in LANGUAGES} == {
        code: True for code in LANGUAGES
    }


def test_every_rule_has_a_row_and_every_row_a_rule():
    named = {row["rule"] for row in ROWS}
    assert sorted((set(RULES) | set(MARK_RULES)) - named) == []
    assert sorted(named - set(RULES) - set(MARK_RULES)) == []


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_attribution_in_language(row):
    document = parse(row["text"])
    assert document.language.code == row["language"]
    records = quotes(document, **row.get("options", {}))
    expected = row["expect"]
    found = []
    for record, item in zip(
        records, expected + [["x" * 80, None, None]] * len(records), strict=False
    ):
        found.append([record["text"][: len(item[0])], record["speaker"], record["kind"]])
        if len(item) > 3:
            found[-1].append(record["role"])
    assert found == expected


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_the_rule_a_row_names_is_the_one_that_reads_it(row):
    """The attribution and resolution rules say which they applied; a mark rule's row is
    read by its language's marks (its quotations are found: test_attribution_in_language)."""
    document = parse(row["text"])
    found = quotations(document, row["language"], **row.get("options", {}))
    applied = {rule for quote in found for rule in quote.rules}
    assert row["rule"] in applied | set(MARK_RULES)


# Text built from the pieces the languages' rules read, plus arbitrary unicode.
PIECES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "„",
                "“",
                "»",
                "«",
                "« ",
                " »",
                "‚",
                "‘",
                "’",
                "'",
                '"',
                "”",
                ", ",
                ". ",
                ": ",
                "\n\n",
                " ",
                "sagte",
                "so",
                "a-t-il",
                "a déclaré",
                "dijo",
                "ha detto",
                "disse",
                "zei",
                "aldus",
                "laut",
                "selon",
                "según",
                "der Minister",
                "la ministra",
                "Bundeskanzlerin Anna Müller",
                "M. Le Gall",
                "de heer",
                "sie",
                "er",
                "elle",
                "ele",
                "hij",
                "dass",
                "que",
                "sei",
                "Herr",
                "da Silva",
                "von der",
                ",",
            ]
        ),
        st.text(min_size=1, max_size=8),
    ),
    max_size=50,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PIECES, st.sampled_from(sorted(LANGUAGES)))
def test_any_text_reads_and_every_offset_slices_back(text, language):
    document = parse(text, language=language)
    for record in quotes(document, include_all=True, indirect=True, entities=[]):
        assert document.text[record["start"] : record["end"]] == record["text"]
        if record["speaker_start"] is not None:
            mention = document.text[record["speaker_start"] : record["speaker_end"]]
            assert mention == record["speaker_mention"]


def test_one_person_quoted_thousands_of_times_in_german():
    """Resolution looks up names and mentions by bisection and index: linear work."""
    text = (
        "„Wir bauen wieder auf“, sagte Bürgermeisterin Anna Lehmann. „Es dauert Jahre“, "
        "sagte sie. Die Bürgermeisterin ging. „Niemand fragte mich“, sagte die "
        "Bürgermeisterin.\n\n" * 2000
    )
    records = quotes(parse(text, language="de"), entities=[])
    assert len(records) == 6000
    assert {record["speaker"] for record in records} == {"Anna Lehmann"}
