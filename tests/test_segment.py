"""Sentence splitting on the cases news text is full of."""

import pytest

from newscli.segment import sentence_spans, token_spans


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Army said so. It left.", ["The U.S. Army said so.", "It left."]),
        ("He lives in the U.S. The rest stayed.", ["He lives in the U.S.", "The rest stayed."]),
        ("Sen. Jo Hart spoke. Gen. Ali Reza left.", ["Sen. Jo Hart spoke.", "Gen. Ali Reza left."]),
        ("Mr. and Mrs. Smith came. Dr. Who too.", ["Mr. and Mrs. Smith came.", "Dr. Who too."]),
        ("It opens Jan. 8 in Ohio. Fans wait.", ["It opens Jan. 8 in Ohio.", "Fans wait."]),
        ("We met at 9 a.m. on Monday. It rained.", ["We met at 9 a.m. on Monday.", "It rained."]),
        ("It ended at 9 a.m. The crowd left.", ["It ended at 9 a.m.", "The crowd left."]),
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        ("“It is over.” he said. Then he left.", ["“It is over.” he said.", "Then he left."]),
        ("“It is over,” he said. “We won.”", ["“It is over,” he said.", "“We won.”"]),
        ("“Why?” she asked. Nobody knew.", ["“Why?” she asked.", "Nobody knew."]),
        ('He said "Go." She went.', ['He said "Go."', "She went."]),
        ("It rose last year.The fall came later.", ["It rose last year.", "The fall came later."]),
        ("Wait... Then it came.", ["Wait...", "Then it came."]),
        ("It grew — fast. It stopped.", ["It grew — fast.", "It stopped."]),
        (
            "Apple Inc. said sales rose. Shares fell.",
            ["Apple Inc. said sales rose.", "Shares fell."],
        ),
        ("It cost $1.5 billion. That is a lot.", ["It cost $1.5 billion.", "That is a lot."]),
        ("See No. 5 for details. Done.", ["See No. 5 for details.", "Done."]),
        ("Visit e.g. Paris. Go.", ["Visit e.g. Paris.", "Go."]),
        ("It was won in 2019. Then it lost.", ["It was won in 2019.", "Then it lost."]),
        ("No end punctuation here", ["No end punctuation here"]),
        ("It said... ... Then it stopped.", ["It said...", "... Then it stopped."]),
        ("He quit. ... The rest is history.", ["He quit.", "... The rest is history."]),
        ("Vol. II is out. Buy it.", ["Vol. II is out.", "Buy it."]),
        ("1. Scope of the report", ["1. Scope of the report"]),
        ("Crowds at the expo Image: Jo Lee.", ["Crowds at the expo", "Image: Jo Lee."]),
        ("2.1. Data. It came late.", ["2.1. Data.", "It came late."]),
    ],
)
def test_news_sentences(text, expected):
    assert split(text) == expected


#: written for these tests: the abbreviations and ordinals of German and other languages' news
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Die Wahl findet am 3. Oktober statt. Danach wird gezählt.",
            ["Die Wahl findet am 3. Oktober statt.", "Danach wird gezählt."],
        ),
        (
            "Im 19. Jahrhundert wuchs sie. Heute nicht.",
            ["Im 19. Jahrhundert wuchs sie.", "Heute nicht."],
        ),
        (
            "Er traf in der 89. Minute. Alle jubelten.",
            ["Er traf in der 89. Minute.", "Alle jubelten."],
        ),
        ("Es stieg auf 12. Das ist viel.", ["Es stieg auf 12.", "Das ist viel."]),
        (
            "Viele Länder, z. B. Italien, stimmten zu. Andere nicht.",
            ["Viele Länder, z. B. Italien, stimmten zu.", "Andere nicht."],
        ),
        ("Das betrifft u. a. Rentner. Gut so.", ["Das betrifft u. a. Rentner.", "Gut so."]),
        ("Sie kaufte Äpfel usw. Danach ging sie.", ["Sie kaufte Äpfel usw.", "Danach ging sie."]),
        (
            "Gesetz Nr. 5 gilt für ca. 20 Leute. Gut.",
            ["Gesetz Nr. 5 gilt für ca. 20 Leute.", "Gut."],
        ),
        ("Sie hat 1 Mio. Einwohner. Das reicht.", ["Sie hat 1 Mio. Einwohner.", "Das reicht."]),
        (
            "Dr. Müller traf Hr. Maier. Beide gingen.",
            ["Dr. Müller traf Hr. Maier.", "Beide gingen."],
        ),
        (
            "Il sig. Rossi è arrivato. Il dott. Bianchi no.",
            ["Il sig. Rossi è arrivato.", "Il dott. Bianchi no."],
        ),
        (
            "В 2020 г. в Москве прошли выборы. Их оспорили.",
            ["В 2020 г. в Москве прошли выборы.", "Их оспорили."],
        ),
        ("Он сказал: «Мы победим». Потом он ушёл.", ["Он сказал: «Мы победим».", "Потом он ушёл."]),
        ("¿Quién ganó? Nadie lo sabe.", ["¿Quién ganó?", "Nadie lo sabe."]),
    ],
)
def test_other_languages_news_sentences(text, expected):
    assert split(text) == expected


def test_lower_cased_tokenized_text():
    text = (
        "( cnn ) the u.s. army left . `` we are done , '' he said . "
        "mr. smith and john f. kennedy agreed . it ended ."
    )
    spans = [text[s:e] for s, e in sentence_spans(text, 0, len(text), caseless=True)]
    assert spans == [
        "( cnn ) the u.s. army left .",
        "`` we are done , '' he said .",
        "mr. smith and john f. kennedy agreed .",
        "it ended .",
    ]


def test_spans_are_offsets_into_the_whole_text():
    text = "Title\nFirst one. Second one.\n"
    start = text.index("First")
    spans = list(sentence_spans(text, start, len(text)))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_tokens_keep_abbreviations_numbers_and_contractions():
    text = "Iran’s U.S. envoy didn't pay $1,200.50 at 10:30."
    tokens = [text[s:e] for s, e in token_spans(text, 0, len(text))]
    assert tokens == [
        "Iran’s",
        "U.S.",
        "envoy",
        "didn't",
        "pay",
        "$",
        "1,200.50",
        "at",
        "10:30",
        ".",
    ]
