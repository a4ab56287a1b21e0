"""The shipped entity tagger: loads, finds the seed article's names, offsets always slice."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscli.document import parse
from newscli.ner import (
    LABELS,
    MODEL_PATH,
    EntitySpan,
    load_model,
    tag_document,
    tag_documents,
    tag_spans,
)
from newscli.ner.rules import english_words
from newscli.ner.rules.acronyms import defined_acronyms
from newscli.ner.rules.common import Words
from newscli.ner.rules.document import consistent, without_common_tail, without_overlaps
from newscli.ner.rules.names import as_agreement, is_era
from newscli.ner.rules.organisations import (
    brands_as_organisations,
    joined_by_ampersand,
    place_named_organisations,
)
from newscli.ner.rules.people import (
    is_title_alone,
    no_person_after_the,
    with_regnal_number,
    without_title,
)
from newscli.ner.rules.sports import fixtures, is_sports
from newscli.ner.tagger import label


def _read(words: list[list[str]]) -> Words:
    """The rules' view of a document of these words (no datelines)."""
    return english_words(load_model(), words, frozenset())


SEED = Path(__file__).resolve().parent.parent / "seeds" / "iran-missiles-live-updates.txt"


@pytest.fixture(scope="module")
def seed_entities() -> list[EntitySpan]:
    return tag_document(parse(SEED.read_text(encoding="utf-8")))


def test_the_shipped_model_loads_without_pickle_and_is_small():
    model = load_model()
    assert model.weights.ndim == 3
    assert MODEL_PATH.stat().st_size < 20_000_000


def test_importing_the_package_loads_neither_numpy_nor_the_model():
    code = "import sys, newscli.ner; print('numpy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_quotes_on_articles_that_quote_no_one_never_loads_the_tagger():
    code = (
        "import sys; from newscli.inputs import Article; "
        "from newscli.commands import COMMANDS; from newscli.records import analyze_chunk; "
        "analyze_chunk(COMMANDS['quotes'].analysis(), "
        "[Article('a', 'Zarif met Palmer.'), Article('b', 'No one spoke.')]); "
        "print('numpy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Khamenei", "PERSON"),
        ("Rouhani", "PERSON"),
        ("Zarif", "PERSON"),
        ("Soleimani", "PERSON"),
        ("Palmer", "PERSON"),
        # named in the Title Case title alone ("All Eyes On Trump After Iran Fires ...")
        ("Trump", "PERSON"),
        ("Iran", "GPE"),
        ("Iraq", "GPE"),
        ("Tehran", "GPE"),
        ("Lebanon", "GPE"),
        # the model's near tie between O and ORG; the organisation-word rule names it
        ("CBS News", "ORG"),
        ("Hezbollah", "ORG"),
        ("PMU", "ORG"),
    ],
)
def test_seed_article_names(seed_entities, name, label):
    labels = {
        span.label for span in seed_entities if name in span.text.split(" ") or name == span.text
    }
    assert label in labels, (name, labels)


def test_spans_slice_back_to_their_text_and_keep_the_possessive_out(seed_entities):
    text = SEED.read_text(encoding="utf-8")
    for span in seed_entities:
        assert text[span.start : span.end] == span.text
        assert span.label in LABELS
        assert not span.text.endswith(("’s", "'s"))


def test_output_is_deterministic():
    text = SEED.read_text(encoding="utf-8")
    assert tag_document(parse(text)) == tag_document(parse(text))


def test_a_full_block_cache_starts_over_with_the_same_tags(monkeypatch):
    from newscli.ner import model as model_module

    monkeypatch.setattr(model_module, "BLOCK_CACHE_SIZE", 1024)
    small = model_module.Model.load(MODEL_PATH)
    sentences = [([f"Word{i}", "Zarif", "said"], [0, 0, 0]) for i in range(3000)]
    in_one_call = small.tag(sentences)
    in_many = [tags for i in range(0, 3000, 100) for tags in small.tag(sentences[i : i + 100])]
    assert in_one_call == in_many == load_model().tag(sentences)
    assert sum(map(len, small._rows)) < 1024


def test_documents_tagged_together_get_the_tags_each_gets_alone():
    seeds = sorted(SEED.parent.glob("*.txt"))
    documents = [parse(path.read_text(encoding="utf-8")) for path in seeds]
    documents.append(parse(""))  # a document with no sentences among the others
    assert tag_documents(documents) == [tag_document(document) for document in documents]


def test_a_sentence_longer_than_a_piece_is_decoded_in_pieces_in_order():
    from newscli.ner.model import MAX_SENTENCE

    words = [f"Word{i}" for i in range(MAX_SENTENCE * 2 + 3)]
    flags = [0] * len(words)
    tagger = load_model()
    together = tagger.tag([(words, flags), (words[:5], flags[:5])])
    pieces = [
        tags
        for first in range(0, len(words), MAX_SENTENCE)
        for tags in tagger.tag(
            [(words[first : first + MAX_SENTENCE], flags[first : first + MAX_SENTENCE])]
        )
    ]
    assert together[0] == [tag for piece in pieces for tag in piece]
    assert together[1] == tagger.tag([(words[:5], flags[:5])])[0]


def test_headline_in_capitals_is_read_from_the_body():
    text = "ZARIF MEETS PALMER IN TEHRAN\n\nZarif met Elizabeth Palmer in Tehran on Monday."
    spans = tag_spans(text, [(0, 28), (30, len(text))])
    headline = {(s.text, s.label) for s in spans if s.end <= 28}
    assert ("TEHRAN", "GPE") in headline


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.data())
def test_any_text_gives_spans_inside_it(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    sentences = [(a, b) for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if a < b]
    for span in tag_spans(text, sentences):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.label in LABELS


def test_organisations_by_acronym_and_organisation_word_but_not_in_headlines():
    text = (
        "The militias known as the PMU marched. Reporters from Tehran University and "
        "Gulf Air News asked questions.\n\nPOLICE ARREST MAN IN CITY CENTRE\n"
    )
    found = {(span.text, span.label) for span in tag_spans(text, [(0, 106), (108, 140)])}
    assert ("PMU", "ORG") in found
    assert ("Gulf Air News", "ORG") in found
    assert not any(label == "ORG" and "POLICE" in name for name, label in found)


def test_sports_copy_names_clubs_by_their_town_and_national_sides_by_their_country():
    sports = (
        "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP.\nLONDON 1996-08-30\n"
        "Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset by an innings "
        "and 39 runs at Leicester in the county championship.\nIn the soccer, Belgium beat Sweden 2-1 in a World Cup qualifier."
    )
    labels = {span.text: span.label for span in tag_document(parse(sports))}
    assert labels["Leicestershire"] == "ORG"
    assert labels["LONDON"] == "GPE"  # where the story was filed
    assert labels["Leicester"] == "GPE"  # where the game was played
    assert labels["Belgium"] == "GPE"
    politics = "Voters in Leicestershire and Somerset went to the polls on Thursday."
    labels = {span.text: span.label for span in tag_document(parse(politics))}
    assert labels.get("Leicestershire") != "ORG"


def test_politics_that_mentions_a_goal_and_a_golf_club_is_no_sports_copy():
    """A political story wins races, beats rivals and mentions a goal or a golf club: words
    of sports copy, but a small share of its words (here one in a hundred and fifty), which
    sports copy is dense with."""
    campaign = (
        "the governor said the campaign would compete hard in iowa and new hampshire before "
        "the primary moved south to south carolina where voters have long supported him"
    ).split()
    words = [
        "clinton won iowa and beat sanders in the race for delegates".split(),
        *[campaign] * 20,
        "his goal he said at his golf club is a victory in every state".split(),
    ]
    assert not is_sports(words)
    results = "leicestershire beat somerset by an innings in the county championship match"
    assert is_sports(words[:1] + [results.split()] * 3)


def test_results_rows_name_sides_but_an_all_caps_headline_is_no_row():
    text = (
        "SOCCER - BELGIUM BEAT TURKEY 2-1 IN WORLD CUP QUALIFIER.\n\n"
        "English league standings after Saturday's matches.\n\n"
        "Tranmere 4 2 1 1 6 4 7\n\nClyde 3 1 0 2 2 5 3\n\nSweden 2 Latvia 0\n"
    )
    labels = {span.text: span.label for span in tag_document(parse(text))}
    assert labels["Tranmere"] == labels["Clyde"] == "ORG"
    assert labels["Sweden"] == labels["Latvia"] == "GPE"
    assert "BELGIUM BEAT TURKEY" not in labels


def test_a_company_named_once_with_its_suffix_is_the_company_by_its_name_alone():
    text = (
        "Pirelli SpA reported a rise in profit on Friday. Pirelli said its tyre sales grew, "
        "and analysts said Pirelli would gain further."
    )
    labels = [(span.text, span.label) for span in tag_spans(text, [(0, len(text))])]
    assert ("Pirelli SpA", "ORG") in labels
    assert [label for name, label in labels if name == "Pirelli"] == ["ORG", "ORG"]


def test_a_datelines_capitalised_runs_are_the_places_it_was_filed_from():
    text = "PORT ELLIS, Maine — Fishermen in this coastal town say the harbor will close."
    found = {(span.text, span.label) for span in tag_document(parse(text))}
    assert ("PORT ELLIS", "LOC") in found
    assert ("Maine", "GPE") in found
    text = "WASHINGTON (Reuters) - The Senate voted on Friday."
    found = {(span.text, span.label) for span in tag_document(parse(text))}
    assert ("WASHINGTON", "GPE") in found
    assert ("Reuters", "ORG") in found


def test_a_persons_title_is_left_out_of_the_name():
    text = "The report was written by Ms Pugh, who met President Emmanuel Macron on Friday."
    found = {(span.text, span.label) for span in tag_spans(text, [(0, len(text))])}
    assert ("Pugh", "PERSON") in found
    assert ("Emmanuel Macron", "PERSON") in found


def test_viterbi_finds_the_same_paths_for_a_few_sentences_as_for_many():
    from newscli.ner.model import FEW_SENTENCES, viterbi

    # whole-number scores: many equal paths, so the order in which ties are broken shows
    rng = np.random.default_rng(0)
    lengths = [int(n) for n in rng.integers(1, 40, size=4 * FEW_SENTENCES)]
    scores = rng.integers(-3, 4, size=(len(lengths), max(lengths), 9)).astype(np.float32)
    transitions = load_model()._decode_transitions
    together = viterbi(scores, lengths, transitions)  # traced back in numpy
    alone = [viterbi(scores[i : i + 1, :n], [n], transitions)[0] for i, n in enumerate(lengths)]
    assert together == alone
    assert all(len(path) == n for path, n in zip(together, lengths, strict=True))


def test_a_full_name_whose_words_are_people_alone_is_a_person():
    """The document pass: "Ozzy Osbourne" read as a place once, while "Ozzy" and "Osbourne"
    are people wherever they stand alone, is a person."""
    words = [
        ["Rock", "star", "Ozzy", "Osbourne", "was", "praised", "."],
        ["Osbourne", "said", "he", "acted", "."],
        ["Ozzy", "laughed", "."],
    ]
    tagged = [(0, 2, 4, "LOC"), (1, 0, 1, "PER"), (2, 0, 1, "PER")]
    found = consistent(_read(words), tagged)
    assert (0, 2, 4, "PER") in found


def test_an_era_beside_a_year_is_no_organisation() -> None:
    words = [["in", "the", "5th", "century", "BC", ","], ["in", "512", "BC"], ["the", "BC", "ban"]]
    assert is_era(_read(words), (0, 4, 5, "ORG"))
    assert is_era(_read(words), (1, 2, 3, "ORG"))
    assert not is_era(_read(words), (2, 1, 2, "ORG"))


def test_a_title_alone_is_no_person_but_a_surname_is() -> None:
    words = [["the", "President", "said"], ["King", "said"]]
    assert is_title_alone(_read(words), (0, 1, 2, "PER"))
    assert not is_title_alone(_read(words), (1, 0, 1, "PER"))
    assert not is_title_alone(_read(words), (0, 1, 3, "PER"))


def test_a_name_leaves_out_the_article_before_it() -> None:
    words = [
        ["A", "Ministry", "of", "Defence", "spokesman", "said"],
        ["The", "State", "Department", "said"],
        ["A", "Kind", "of", "Magic", "sold"],
    ]
    assert without_title(_read(words), (0, 0, 4, "ORG")) == (0, 1, 4, "ORG")
    assert without_title(_read(words), (1, 0, 3, "ORG")) == (1, 1, 3, "ORG")
    assert without_title(_read(words), (2, 0, 4, "MISC")) == (2, 0, 4, "MISC")


def test_a_full_name_and_the_place_it_is_of_are_the_person_and_the_place() -> None:
    text = "Sen. Rand Paul of Kentucky voted no, as did Isabella of France."
    found = {(span.text, span.label) for span in tag_spans(text, [(0, len(text))])}
    assert {("Rand Paul", "PERSON"), ("Kentucky", "GPE")} <= found
    assert not any(name.endswith("of Kentucky") for name, _ in found)


def test_a_place_before_a_word_for_a_body_is_where_the_body_is() -> None:
    text = "A man stole from customers of a Cardiff bank, as Cardiff City fans watched."
    found = {(span.text, span.label) for span in tag_spans(text, [(0, len(text))])}
    assert ("Cardiff", "GPE") in found
    assert ("Cardiff", "ORG") not in found


def test_a_people_is_no_person_nor_place() -> None:
    assert label(load_model(), "PER", "Israeli") == "NORP"
    assert label(load_model(), "LOC", "Russian") == "NORP"
    assert label(load_model(), "LOC", "Germany") == "GPE"


def test_a_company_suffixs_period_inside_a_sentence_is_the_names() -> None:
    text = "Shares of NationsBank Corp. rose on Friday, said an analyst at Salomon Bros."
    found = {span.text for span in tag_spans(text, [(0, len(text))]) if span.label == "ORG"}
    assert "NationsBank Corp." in found
    assert "Salomon Bros." not in found  # the sentence's period


def test_a_place_before_an_organisation_word_names_the_body() -> None:
    words = [
        ["Trading", "on", "the", "New", "York", "Stock", "Exchange", "was", "light", "."],
        ["Settlers", "in", "the", "West", "Bank", "protested", "."],
    ]
    found = place_named_organisations(_read(words), [(0, 3, 5, "LOC"), (1, 3, 5, "LOC")])
    assert found == [(0, 3, 7, "ORG"), (1, 3, 5, "LOC")]


def test_an_acronym_defined_in_the_text_makes_the_name_before_it_one_organisation() -> None:
    words = [
        "Talks",
        "led",
        "by",
        "the",
        "Organisation",
        "for",
        "Security",
        "and",
        "Cooperation",
        "in",
        "Europe",
        "(",
        "OSCE",
        ")",
        "resumed",
        ".",
    ]
    tagged = [(0, 4, 5, "ORG"), (0, 10, 11, "LOC")]
    found = defined_acronyms(_read([words]), tagged)
    assert sorted(found) == [(0, 4, 11, "ORG"), (0, 12, 13, "ORG")]
    # a name whose spelled-out words begin earlier is left to the model
    words = "The Rally for the Return of Refugees and Democracy in Rwanda ( RDR ) met".split()
    assert defined_acronyms(_read([words]), [(0, 1, 2, "ORG")]) == [(0, 1, 2, "ORG")]


def test_a_rulers_number_is_part_of_the_name_and_a_rulers_title_alone_is_none() -> None:
    words = [["under", "Henry", "VIII", "and"], ["Henry", "I", "said"], ["Pedro", "I", ","]]
    assert with_regnal_number(_read(words), (0, 1, 2, "PER")) == (0, 1, 3, "PER")
    assert with_regnal_number(_read(words), (1, 0, 1, "PER")) == (1, 0, 1, "PER")  # the pronoun
    assert with_regnal_number(_read(words), (2, 0, 1, "PER")) == (2, 0, 2, "PER")
    assert is_title_alone(_read([["each", "Emperor", "after"]]), (0, 1, 2, "PER"))


def test_a_place_in_a_pacts_name_is_the_pacts() -> None:
    words = [["the", "Paris", "Agreement", "will"], ["the", "Treaty", "of", "London", ","]]
    assert as_agreement(_read(words), (0, 1, 2, "LOC")) == (0, 1, 3, "MISC")
    assert as_agreement(_read(words), (1, 3, 4, "LOC")) == (1, 1, 4, "MISC")
    assert as_agreement(_read([["Paris", "agreed"]]), (0, 0, 1, "LOC")) == (0, 0, 1, "LOC")


def test_a_name_leaves_out_the_lowercase_noun_read_into_its_end() -> None:
    words = [["in", "Tianjin", "city", "in"], ["Scottish", "league"], ["Mohammed", "al-Jadaan"]]
    assert without_common_tail(_read(words), (0, 1, 3, "LOC")) == (0, 1, 2, "LOC")
    assert without_common_tail(_read(words), (1, 0, 2, "ORG")) == (1, 0, 1, "MISC")
    assert without_common_tail(_read(words), (2, 0, 2, "PER")) == (2, 0, 2, "PER")


def test_no_person_after_the() -> None:
    words = [
        ["the", "Khitans", "made", "peace"],
        ["the", "Yazidi", "women", "wept"],
        ["the", "Danevirke", "had", "fallen"],
        ["the", "Dole", "campaign", "said"],
    ]
    assert no_person_after_the(_read(words), (0, 1, 2, "PER")) == (0, 1, 2, "MISC")
    assert no_person_after_the(_read(words), (1, 1, 2, "PER")) == (1, 1, 2, "MISC")
    assert no_person_after_the(_read(words), (2, 1, 2, "PER")) == (2, 1, 2, "LOC")
    assert no_person_after_the(_read(words), (3, 1, 2, "PER")) == (3, 1, 2, "PER")  # a surname


def test_an_event_is_no_organisation() -> None:
    words = [["at", "the", "Olympic", "Games", "in"], ["the", "Treaty", "of", "Tientsin", "and"]]
    assert as_agreement(_read(words), (0, 2, 4, "ORG")) == (0, 2, 4, "MISC")
    assert as_agreement(_read(words), (1, 3, 4, "PER")) == (1, 1, 4, "MISC")


def test_a_spokesman_and_shares_make_a_name_an_organisation() -> None:
    text = (
        "Ericsson won an order, Ericsson spokesman Per Zetterquist said. Its shares rose, as "
        "did shares of Pirelli. A Harley-Davidson spokeswoman declined to comment. Tokyo "
        "shares fell. Donald Trump met voters, and Trump spokesman Sean Spicer spoke."
    )
    found = {(span.text, span.label) for span in tag_spans(text, [(0, len(text))])}
    assert ("Ericsson", "ORG") in found
    assert ("Pirelli", "ORG") in found
    assert ("Harley-Davidson", "ORG") in found
    assert ("Tokyo", "GPE") in found
    assert ("Trump", "PERSON") in found
    text = (
        "The news agency Tanjug reported the crash, an Algerian newspaper said. The chief "
        "executive officer of Petofi resigned. The group Human Rights in China protested."
    )
    found = {(span.text, span.label) for span in tag_spans(text, [(0, len(text))])}
    assert ("Tanjug", "ORG") in found
    assert ("Petofi", "ORG") in found
    assert ("Algerian", "ORG") not in found
    assert ("Human Rights", "ORG") not in found
    text = (
        "Analysts at Barclays and Morgan Stanley were surprised. Shares in Marks & Spencer "
        "and Ocado fell, as did shares in Tokyo and London."
    )
    second = text.index("Shares")
    sentences = [(0, second - 1), (second, len(text))]
    found = {(span.text, span.label) for span in tag_spans(text, sentences)}
    assert {("Morgan Stanley", "ORG"), ("Ocado", "ORG"), ("London", "GPE")} <= found


def test_a_company_named_in_full_is_the_company_by_its_first_word_too() -> None:
    text = "The deal with Kortex International Inc closed. Kortex said profits fell. Kortex will report."
    labels = [(span.text, span.label) for span in tag_spans(text, [(0, len(text))])]
    assert ("Kortex International Inc", "ORG") in labels
    assert [label for name, label in labels if name == "Kortex"] == ["ORG", "ORG"]


def test_in_sports_copy_the_ground_a_line_opens_with_and_the_town_after_a_ground_are_places():
    text = (
        "CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES.\nLONDON 1996-08-30\n"
        "Results of English county championship matches on Friday, the scores and wickets:\n"
        "Bristol: Gloucestershire 183 and 185-6, Sussex 363 all out.\n"
        "May 22 First one-day international (at Headingley, Leeds) v Kent, who beat Essex 2-1."
    )
    labels = {span.text: span.label for span in tag_document(parse(text))}
    assert labels["Bristol"] == "GPE"
    assert labels["Leeds"] == "GPE"
    assert labels["Gloucestershire"] == "ORG"


def test_capitalised_words_either_side_of_an_ampersand_are_one_firm() -> None:
    words = [
        ["Family-controlled", "Douglas", "&", "Lomason", "said", "."],
        ["Trinidad", "&", "Tobago", "won", "."],
    ]
    tagged = [(0, 1, 2, "PER"), (0, 3, 4, "ORG"), (1, 0, 1, "LOC"), (1, 2, 3, "LOC")]
    assert sorted(joined_by_ampersand(_read(words), tagged)) == [
        (0, 1, 4, "ORG"),
        (1, 0, 1, "LOC"),
        (1, 2, 3, "LOC"),
    ]


def test_a_one_word_person_written_as_a_brand_is_an_organisation() -> None:
    words = [
        ["In", "an", "interview", "with", "MTVu", ",", "he", "spoke", "to", "eBay", "."],
        ["Jacob", "deGrom", "pitched", ";", "deGrom", "said", "@", "realDonaldTrump", "."],
        ["McCain", "and", "DeSantis", "spoke", "."],
    ]
    people = [(0, 4, 5), (0, 9, 10), (1, 0, 2), (1, 4, 5), (1, 7, 8), (2, 0, 1), (2, 2, 3)]
    tagged = [(sentence, first, end, "PER") for sentence, first, end in people]
    found = brands_as_organisations(_read(words), tagged)
    assert [kind for _, _, _, kind in found] == ["ORG", "ORG"] + ["PER"] * 5


def test_the_sides_of_a_fixture_are_clubs_or_countries() -> None:
    words = [
        ["Postponed", ":", "Manchester", "City", "v", "Charlton", ",", "Wales", "v", "Italy", "."],
        ["May", "15", "v", "Duke", "of", "Norfolk", "'s", "XI", "."],
    ]
    tagged = [(0, 2, 3, "LOC"), (0, 7, 8, "LOC"), (1, 3, 4, "PER")]
    found = sorted(fixtures(replace(_read(words), sports=True), tagged))
    assert found == [
        (0, 2, 4, "ORG"),
        (0, 5, 6, "ORG"),
        (0, 7, 8, "LOC"),
        (0, 9, 10, "LOC"),
        (1, 3, 4, "PER"),  # a longer name, left to the model
    ]


def test_a_name_that_took_in_the_next_word_takes_it_from_that_words_mention() -> None:
    found = without_overlaps(
        _read([["a"], ["b"]]), [(0, 1, 3, "PER"), (0, 2, 3, "ORG"), (1, 0, 1, "LOC")]
    )
    assert sorted(found) == [(0, 1, 3, "PER"), (1, 0, 1, "LOC")]
    text = "Henry Petofi VIII spoke, and the London York Treaty Council met."
    spans = tag_spans(text, [(0, len(text))])
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
