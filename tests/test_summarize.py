"""Summaries: whole sentences from the body, coherent, within budget, with offsets."""

import pytest

from newscli.analysis.summarize import METHODS, Budget, summarize
from newscli.document import parse

ARTICLE = """Council approves new bus routes after long debate

The city council approved six new bus routes on Thursday after a debate that lasted four hours.

Council member Priya Raman said riders had asked for evening service for years. She called the vote a turning point for the city.

"This is the beginning of a real network. We will add more routes next year," Raman said.

The routes will cost $4 million a year, paid for by a parking fee increase.

The routes will cost $4 million a year, paid for by a parking fee increase approved in May.

Advertisement

Opponents said the parking fee would hurt small shops downtown.
"""


def chosen(record):
    return [s["text"] for s in record["sentences"]]


@pytest.mark.parametrize("method", METHODS)
def test_every_method_gives_three_body_sentences_with_offsets(method):
    document = parse(ARTICLE)
    record = summarize(document, method=method)
    assert record["method"] == method
    assert len(record["sentences"]) == 3
    body = {s.text for s in document.sentences}
    for sentence in record["sentences"]:
        assert sentence["text"] in body
        assert ARTICLE[sentence["start"] : sentence["end"]] == sentence["text"]
    assert record["summary"] == " ".join(chosen(record))
    assert [s["index"] for s in record["sentences"]] == sorted(
        s["index"] for s in record["sentences"]
    )


def test_lead_takes_the_first_sentences():
    document = parse(ARTICLE)
    record = summarize(document, method="lead", budget=Budget(sentences=2))
    assert chosen(record) == [s.text for s in document.sentences[:2]]


def test_a_pronoun_sentence_comes_with_its_antecedent():
    pronoun = "She called the vote a turning point for the city."
    antecedent = "Council member Priya Raman said riders had asked for evening service for years."
    picks = [chosen(summarize(parse(ARTICLE), budget=Budget(sentences=n))) for n in range(1, 8)]
    assert any(pronoun in texts for texts in picks)
    for texts in picks:
        assert pronoun not in texts or antecedent in texts


def test_a_quotation_is_kept_whole():
    opener = '"This is the beginning of a real network.'
    closer = 'We will add more routes next year," Raman said.'
    picks = [chosen(summarize(parse(ARTICLE), budget=Budget(sentences=n))) for n in range(1, 8)]
    assert any(opener in texts for texts in picks)
    for texts in picks:
        assert (opener in texts) == (closer in texts)


def test_near_duplicates_are_not_both_chosen():
    texts = chosen(summarize(parse(ARTICLE), budget=Budget(sentences=5)))
    assert sum(t.startswith("The routes will cost $4 million") for t in texts) <= 1


def test_word_budget_is_a_maximum():
    record = summarize(parse(ARTICLE), budget=Budget(words=30))
    assert sum(len(s["text"].split()) for s in record["sentences"]) <= 30
    assert record["sentences"]


def test_ratio_keeps_a_share_of_the_sentences():
    document = parse(ARTICLE)
    record = summarize(document, budget=Budget(ratio=0.5), method="lead")
    assert len(record["sentences"]) == round(0.5 * len(document.sentences))


def test_score_order_and_full_ranking():
    document = parse(ARTICLE)
    record = summarize(document, order="score", ranking=True)
    assert [s["rank"] for s in record["sentences"]] == sorted(
        s["rank"] for s in record["sentences"]
    )
    ranking = record["ranking"]
    assert [r["rank"] for r in ranking] == list(range(1, len(document.sentences) + 1))
    assert {r["index"] for r in ranking if r["selected"]} == {
        s["index"] for s in record["sentences"]
    }
    scores = [r["score"] for r in ranking]
    assert scores == sorted(scores, reverse=True)


def test_boilerplate_and_captions_never_reach_a_summary(seed_text):
    record = summarize(parse(seed_text), ranking=True)
    texts = " ".join(r["text"] for r in record["ranking"])
    assert "slap in the face" not in texts and "Leave a Reply" not in texts


def test_empty_document():
    record = summarize(parse(""))
    assert record["summary"] == "" and record["sentences"] == []


def test_a_quotation_over_two_paragraphs_does_not_swallow_what_follows():
    text = (
        "Ministers approve the flood plan\n\n"
        "The government approved a flood defence plan on Monday after months of delay.\n\n"
        'The minister said: "We will act now.\n\n'
        '"We have no other choice." The plan costs ten million pounds. '
        "Critics called it far too little.\n"
    )
    from newscli.analysis.summarize import _inside_quotation

    document = parse(text)
    assert [s.text for s in document.sentences][-2:] == [
        "The plan costs ten million pounds.",
        "Critics called it far too little.",
    ]
    assert _inside_quotation(document.sentences) == [False, False, True, False, False]
