"""Boilerplate, captions and metadata found as spans; the text itself never changes."""

import pytest

from newscli.clean import split_lines
from newscli.document import parse

BODY_BEFORE = "The council met on Monday and voted to approve the plan in full."
BODY_AFTER = "Work is due to start next month, officials said after the meeting."


def reasons(text: str) -> dict[str, str]:
    return {d.text: d.reason for d in parse(text).dropped}


def article(*lines: str) -> str:
    return "Council approves the plan\n\n" + "\n\n".join([BODY_BEFORE, *lines, BODY_AFTER]) + "\n"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Leave a Reply", "comments"),
        ("12 Comments", "comments"),
        ("Share this article", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Related: Buses return to full service", "related_link"),
        ("READ MORE: What the plan means for you", "related_link"),
        ("Subscribe to our daily newsletter for more.", "subscribe"),
        ("© 2026 Example Media. All rights reserved.", "copyright"),
        ("Copyright 2026 The Daily Example", "copyright"),
        ("Reporting by Ann Lee; Editing by Bo Kim", "credits"),
        ("Photo: City of Example", "photo_caption"),
        ("Crowds at the opening night Image: Jo Lee.", "photo_caption"),
        ("The mayor speaks in Example, Ohio, March 3, 2026. REUTERS/Ann Lee", "photo_caption"),
        ("Mayor says the vote is “a turning point” for the city", "headline"),
        ("Tags: Politics, City Hall, Budget", "category"),
    ],
)
def test_boilerplate_line_is_dropped_with_its_reason(line, reason):
    document = parse(article(line))
    assert reasons(article(line)) == {line: reason}
    assert [p.text for p in document.paragraphs] == [BODY_BEFORE, BODY_AFTER]


def test_seed_cleaning(seed_text):
    document = parse(seed_text)
    dropped = {d.text: d.reason for d in document.dropped}
    assert dropped == {
        "Chicago News Uncategorized": "category",
        "Iran leader describes strike as “slap in the face” for America": "headline",
        (
            "Iran foreign minister: Soleimani killing was “cowardly terrorist operation” by U.S."
        ): "headline",
        "Leave a Reply": "comments",
    }
    assert document.title is not None
    assert document.title.text.startswith("All Eyes On Trump")
    assert document.metadata.category_tags == ["Chicago News Uncategorized"]
    # every body sentence is kept: 11 paragraphs, 15 sentences
    assert len(document.paragraphs) == 11
    assert len(document.sentences) == 15
    assert document.sentences[-1].text.endswith("Qassem Soleimani.")


def test_byline_dateline_and_date_become_metadata():
    text = (
        "Senate passes the water bill\n"
        "By Dana Whitfield and Omar Reyes\n"
        "Updated: March 3, 2026, 4:05 PM EST\n\n"
        "WASHINGTON (Reuters) - The Senate passed the bill on Tuesday. The vote was 68-31.\n"
    )
    document = parse(text)
    assert document.metadata.byline == "Dana Whitfield and Omar Reyes"
    assert document.metadata.dateline == "WASHINGTON (Reuters)"
    assert document.metadata.date == "Updated: March 3, 2026, 4:05 PM EST"
    assert [s.text for s in document.sentences] == [
        "The Senate passed the bill on Tuesday.",
        "The vote was 68-31.",
    ]
    assert {d.reason for d in document.dropped} == {"byline", "date", "dateline"}


@pytest.mark.parametrize(
    "opening, dateline",
    [
        ("BEIRUT, Lebanon (AP) — ", "BEIRUT, Lebanon (AP)"),
        ("NEW YORK -- ", "NEW YORK"),
        ("Evansville, Indiana, United States - ", "Evansville, Indiana, United States"),
    ],
)
def test_datelines(opening, dateline):
    document = parse(f"A headline here\n\n{opening}Officials said the talks had ended.\n")
    assert document.metadata.dateline == dateline
    assert document.sentences[0].text == "Officials said the talks had ended."


@pytest.mark.parametrize("opening", ["UPDATE: ", "BREAKING NEWS — ", "EDITOR'S NOTE: "])
def test_labels_are_not_datelines(opening):
    document = parse(f"A headline here\n\n{opening}Officials said the talks had ended.\n")
    assert document.metadata.dateline is None


def test_a_line_introducing_a_quotation_is_kept():
    line = "The mayor answered:"
    document = parse(article(line))
    assert line in [p.text for p in document.paragraphs]


def test_a_sentence_that_mentions_boilerplate_words_is_kept():
    line = "Readers can share the article on Facebook, the editor said on Monday."
    document = parse(article(line))
    assert line in [p.text for p in document.paragraphs]
    assert document.dropped == []


def test_hard_wrapped_lines_join_into_one_paragraph():
    text = "The council met on Monday and voted\nto approve the plan, which\nstarts in May.\n"
    document = parse(text)
    assert len(document.paragraphs) == 1
    assert document.sentences[0].text == text.strip()


def test_a_hard_wrap_after_a_lowercase_letter_of_any_script_or_a_one_letter_word():
    # Hungarian ends a line in "ű", or in its article "A"
    text = (
        "A hideg édességet a hegyekből hozatott hóval kevert, fagylaltszerű\n"
        "italkülönlegesség volt. A\n"
        "vizsgálatok célja az volt. They chose Plan B\n"
        "after the vote.\n"
    )
    document = parse(text)
    assert len(document.paragraphs) == 1
    assert len(document.sentences) == 3


def test_a_line_ending_in_a_number_or_an_acronym_is_no_wrap():
    # more often a heading or a list item before a lowercase line than a wrapped sentence
    lines = split_lines("Budget 2020\nthe council approved it.\nTalks with the FBI\nresumed.\n")
    assert len(lines) == 4


def test_a_blank_line_always_ends_a_paragraph():
    document = parse("council votes on budget\n\nthe council met on monday. it voted.\n")
    assert document.title is not None and document.title.text == "council votes on budget"
    assert len(document.paragraphs) == 1


def test_single_line_paragraphs_stay_apart():
    text = "A headline\nThe first paragraph ends here.\nThe second one starts here.\n"
    document = parse(text)
    assert document.title is not None and document.title.text == "A headline"
    assert len(document.paragraphs) == 2


def test_external_title_is_not_looked_for_in_the_text():
    document = parse("Short line\n\nBody sentence here.", title="Given title")
    assert document.title is not None
    assert document.title.text == "Given title" and document.title.start is None
    assert document.paragraphs[0].text == "Short line"


@pytest.mark.parametrize(
    "line, dateline",
    [
        ("LONDON 1996-08-30", "LONDON"),
        ("WASHINGTON, Jan 8", "WASHINGTON"),
        ("UPDATE 1996-08-30", None),
    ],
)
def test_a_dateline_on_its_own_line(line, dateline):
    document = parse(f"Talks end without a deal\n\n{line}\n\nOfficials said the talks had ended.\n")
    assert document.metadata.dateline == dateline
    if dateline is not None:
        assert document.sentences[0].text == "Officials said the talks had ended."


@pytest.mark.parametrize(
    "line",
    [
        "1. Gail Devers (U.S.) 10.89 seconds",
        "Brechin 3 0 3 0 2 2 3",
        "May 13 Arrive in London",
        "M. Slater run out 9",
        '"I\'m an emotional player," said the 104th-ranked Tarango. "',
    ],
)
def test_results_rows_and_quotations_going_on_are_not_headlines(line):
    assert line in [p.text for p in parse(article(line)).paragraphs]
