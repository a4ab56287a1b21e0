"""Grouping tagged mentions into entities: unit tests that give the spans directly."""

import csv
import io
import json
import re
from dataclasses import dataclass

import pytest

from newscli.analysis.entities import entities
from newscli.document import parse


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def spans_of(text: str, labelled: list[tuple[str, str]]) -> list[Span]:
    """Every occurrence of each (string, label), as a tagger would mark it."""
    found = []
    for string, label in labelled:
        for match in re.finditer(rf"(?<!\w){re.escape(string)}(?!\w)", text):
            found.append(Span(match.start(), match.end(), label))
    return found


def by_name(records: list[dict]) -> dict[str, dict]:
    return {record["name"]: record for record in records}


ARTICLE = """Iran strikes back

Iran’s Foreign Minister Mohammad Javad Zarif said the strikes were proportionate.

Zarif spoke after Supreme Leader Ayatollah Ali Khamenei addressed crowds in Tehran. \
Khameni said the United States would pay. The U.S. said it was watching, and America \
sent more troops.

The Popular Mobilization Units (PMU) marched in Baghdad. The PMU is backed by Iran. \
Khamenei spoke again.
"""


def test_people_grouped_with_full_names_and_roles():
    document = parse(ARTICLE)
    spans = spans_of(
        ARTICLE,
        [
            ("Mohammad Javad Zarif", "PERSON"),
            ("Zarif", "PERSON"),
            ("Ali Khamenei", "PERSON"),
            ("Khameni", "PERSON"),
            ("Khamenei", "PERSON"),
        ],
    )
    # "Zarif" inside "Mohammad Javad Zarif" is the same mention, not another one
    spans = [
        s for s in spans if not any(o != s and o.start <= s.start < s.end <= o.end for o in spans)
    ]
    people = by_name(entities(document, spans))
    assert set(people) == {"Mohammad Javad Zarif", "Ali Khamenei"}
    assert people["Mohammad Javad Zarif"]["count"] == 2
    assert people["Mohammad Javad Zarif"]["role"] == "Iran’s Foreign Minister"
    assert people["Ali Khamenei"]["count"] == 3
    assert people["Ali Khamenei"]["role"] == "Supreme Leader Ayatollah"
    assert "Khameni" in people["Ali Khamenei"]["aliases"]


def test_role_inside_the_span_is_split_off():
    text = "President Hassan Rouhani spoke. Rouhani left.\n"
    spans = [Span(0, 24, "PERSON"), Span(32, 39, "PERSON")]
    (rouhani,) = entities(parse(text), spans)
    assert rouhani["name"] == "Hassan Rouhani"
    assert rouhani["role"] == "President"
    assert [m["text"] for m in rouhani["mentions"]] == ["Hassan Rouhani", "Rouhani"]


#: (sentence, the person's name as tagged, the role it gives): a role of several words is
#: kept whole, the words that open a sentence or a headline are not part of it
SEVERAL_WORD_ROLES = [
    ("Senate Majority Leader Chuck Schumer spoke.", "Chuck Schumer", "Senate Majority Leader"),
    ("Then House Speaker Nancy Pelosi spoke.", "Nancy Pelosi", "House Speaker"),
    ("Chief Executive Officer Mary Barra spoke.", "Mary Barra", "Chief Executive Officer"),
    ("Deputy Foreign Minister Sergei Ryabkov spoke.", "Sergei Ryabkov", "Deputy Foreign Minister"),
    ("Secretary of State John Kerry spoke.", "John Kerry", "Secretary of State"),
    (
        "The Democratic National Committee Chair Jo Reyes spoke.",
        "Jo Reyes",
        "Democratic National Committee Chair",
    ),
    ("On Sunday President Barack Obama spoke.", "Barack Obama", "President"),
    ("Meanwhile Governor Ann Cole spoke.", "Ann Cole", "Governor"),
    ("Perhaps Mr. Tom Reyes spoke.", "Tom Reyes", "Mr."),
    ("Trump Finally Endorses House Speaker Paul Ryan", "Paul Ryan", "Speaker"),
]


@pytest.mark.parametrize(("sentence", "name", "role"), SEVERAL_WORD_ROLES)
def test_a_role_of_several_words_is_kept_whole(sentence, name, role):
    text = f"{sentence}\n"
    start = text.index(name)
    (person,) = entities(parse(text), [Span(start, start + len(name), "PERSON")])
    assert (person["name"], person["role"]) == (name, role)


def test_country_aliases_acronyms_and_types():
    document = parse(ARTICLE)
    spans = spans_of(
        ARTICLE,
        [
            ("Iran", "GPE"),
            ("Tehran", "GPE"),
            ("United States", "GPE"),
            ("U.S.", "GPE"),
            ("America", "GPE"),
            ("Popular Mobilization Units", "ORG"),
            ("PMU", "ORG"),
            ("Baghdad", "GPE"),
        ],
    )
    found = by_name(entities(document, spans))
    assert found["United States"]["count"] == 3
    assert found["United States"]["aliases"] == ["United States", "U.S.", "America"]
    assert found["Popular Mobilization Units"]["count"] == 3
    assert found["Popular Mobilization Units"]["type"] == "ORG"
    # "Iran’s" is a mention of Iran, its possessive left out
    assert found["Iran"]["count"] == 3
    assert all(m["text"] == "Iran" for m in found["Iran"]["mentions"])


def test_an_acronym_spelling_a_longer_name_joins_it_without_a_definition():
    text = "The Islamic Revolutionary Guard Corps fired. The IRGC denied it.\n"
    spans = spans_of(text, [("Islamic Revolutionary Guard Corps", "ORG"), ("IRGC", "ORG")])
    (irgc,) = entities(parse(text), spans)
    assert irgc["name"] == "Islamic Revolutionary Guard Corps"
    assert irgc["count"] == 2


def test_a_surname_tagged_with_another_type_joins_the_person():
    text = "Mohammad Javad Zarif spoke. Later Zarif left.\n"
    spans = [Span(0, 20, "PERSON"), Span(34, 39, "GPE")]
    (zarif,) = entities(parse(text), spans)
    assert zarif["name"] == "Mohammad Javad Zarif"
    assert zarif["type"] == "PERSON"


def test_a_slip_in_a_long_name_joins_the_commoner_spelling_but_short_names_stay_apart():
    text = "Hezbollah fired. Hezbollah said so. Hezbolah denied it. Iran and Iraq met.\n"
    spans = spans_of(
        text, [("Hezbollah", "ORG"), ("Hezbolah", "ORG"), ("Iran", "GPE"), ("Iraq", "GPE")]
    )
    found = by_name(entities(parse(text), spans))
    assert found["Hezbollah"]["count"] == 3
    assert {"Iran", "Iraq"} <= set(found)


def test_thousands_of_distinct_one_word_names_stay_apart_and_each_slip_joins_its_name():
    # 3,000 names two edits apart from each other (each letter doubled: "Quaabbccdd"), each
    # given twice; every tenth also misspelt once with one letter dropped, which is one edit
    # from its name and at least two from every other
    letters = "abcdefghijklmnoprstu"
    names = [
        "Qu" + "".join(letters[n // 20**place % 20] * 2 for place in range(4)) for n in range(3000)
    ]
    slips = {name[:3] + name[4:]: name for name in names[::10]}
    text, spans = "", []
    for mention in [name for name in names for _ in range(2)] + list(slips):
        spans.append(Span(len(text), len(text) + len(mention), "ORG"))
        text += mention + " spoke.\n"
    found = by_name(entities(parse(text), spans))
    assert sorted(found) == sorted(names)
    for slip, name in slips.items():
        assert found[name]["count"] == 3
        assert found[name]["aliases"] == [name, slip]
    assert {found[name]["count"] for name in names if name not in slips.values()} == {2}


def test_salience_orders_frequent_early_and_headline_entities_first():
    records = entities(
        parse(ARTICLE),
        spans_of(ARTICLE, [("Iran", "GPE"), ("Baghdad", "GPE"), ("Tehran", "GPE")]),
    )
    assert [r["name"] for r in records][0] == "Iran"
    assert records[-1]["name"] == "Baghdad"
    assert all(0 <= r["salience"] <= 1 for r in records)


def test_every_mention_slices_back_and_nothing_is_lost():
    document = parse(ARTICLE)
    spans = spans_of(ARTICLE, [("Iran", "GPE"), ("Zarif", "PERSON"), ("PMU", "ORG")])
    records = entities(document, spans)
    mentions = [m for r in records for m in r["mentions"]]
    assert len(mentions) == len(spans)
    for mention in mentions:
        assert ARTICLE[mention["start"] : mention["end"]] == mention["text"]


def test_no_spans_no_entities():
    assert entities(parse("Nothing to see here.\n"), []) == []


def test_the_seed_through_the_command(run, seeds):
    result = run(["entities", seeds / "iran-missiles-live-updates.txt"])
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    found = {e["name"]: e for e in record["entities"]}
    for person in ("Ali Khamenei", "Hassan Rouhani", "Mohammad Javad Zarif", "Qassem Soleimani"):
        assert found[person]["type"] == "PERSON"
    assert found["Elizabeth Palmer"]["count"] == 3
    assert {"Khamenei", "Ali Khameni"} <= set(found["Ali Khamenei"]["aliases"])
    assert found["Ali Khamenei"]["role"] == "Ayatollah"
    for place in ("Iran", "Iraq", "Tehran", "Lebanon"):
        assert found[place]["type"] == "GPE"
    assert {"U.S.", "United States", "America"} <= set(found["United States"]["aliases"])
    for organisation in ("CBS News", "Hezbollah", "PMU"):
        assert found[organisation]["type"] == "ORG"


def test_type_filter_and_a_row_per_mention(run, seeds):
    seed = seeds / "iran-missiles-live-updates.txt"
    people = run(["entities", "--type", "person", "-t", "ORG", seed])
    (record,) = [json.loads(line) for line in people.stdout.splitlines()]
    assert {e["type"] for e in record["entities"]} == {"PERSON", "ORG"}
    rows = list(
        csv.DictReader(io.StringIO(run(["entities", "--mentions", "-f", "csv", seed]).stdout))
    )
    assert len(rows) == sum(e["count"] for e in records_of(run(["entities", seed]).stdout))
    assert [int(r["start"]) for r in rows] == sorted(int(r["start"]) for r in rows)
    table = run(["entities", "--mentions", "-f", "table", seed]).stdout
    assert "Khameni" in table and "tagged" in table


def records_of(stdout: str) -> list[dict]:
    return [e for line in stdout.splitlines() for e in json.loads(line)["entities"]]


def test_a_chunk_tagged_in_one_call_gives_each_article_the_records_it_gets_alone():
    from pathlib import Path

    from newscli.commands import COMMANDS
    from newscli.inputs import Article
    from newscli.records import analyze_chunk

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    articles = [Article(path.name, path.read_text(encoding="utf-8")) for path in seeds]
    articles.append(Article("no-quotes.txt", "Zarif met Palmer in Tehran on Monday."))
    articles.append(Article("german.txt", "Der Minister traf am Montag die Kanzlerin in Berlin."))
    for analyze in (
        COMMANDS["entities"].analysis(),
        COMMANDS["quotes"].analysis(),
        COMMANDS["quotes"].analysis(indirect=True),
        COMMANDS["analyze"].analysis(),
    ):
        alone = [analyze_chunk(analyze, [article])[0] for article in articles]
        assert analyze_chunk(analyze, articles) == alone
