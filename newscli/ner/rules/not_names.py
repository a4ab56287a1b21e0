"""Rules for words that look like names and are not, or not all of one: market codes
beside a name, a faith's adjective read as a person, a body's word in a
role, a town after a person's "of"; and a stage name with a number."""

from __future__ import annotations

import re

from newscli.lexicon import BODY_MEMBER_NOUNS, CURRENCY_CODES, FAITH_ADJECTIVES, ROLE_NOUNS
from newscli.ner.rules.common import FIRST_NAME, LAST_NAME, Mention, Words, is_organisation_head

#: a market's code for an instrument (Reuters' "LCOc1", "CLc1": a contract month after the
#: letters; ".DJI", ".SPX": an index)
_INSTRUMENT_CODE = re.compile(r"[A-Z]{1,4}[a-z]\d{1,2}|\.[A-Z]{2,5}")
#: a number in a stage name ("Andre 3000"), not a year ("Obama 2008")
_STAGE_NUMBER = re.compile(r"\d{2,5}")
_YEARS = range(1000, 2100)
_ROLES_IN_A_BODY = ROLE_NOUNS | BODY_MEMBER_NOUNS


def _is_market_code(words: list[str], index: int) -> bool:
    word = words[index]
    after = words[index + 1] if index + 1 < len(words) else ""
    return bool(
        _INSTRUMENT_CODE.fullmatch(word)
        or (word.isupper() and word.lower() in CURRENCY_CODES)
        or (after == "=" and word.isupper() and word.isalpha())
    )


def without_market_codes(document: Words, mentions: list[Mention]) -> list[Mention]:
    """Market codes are no names, nor part of one: a name ending in one ("Brent LCOc1",
    "Sterling GBP=") loses it, and what is left is no person but the commodity or currency
    the code stands for (MISC); a code alone is no entity.

    Example: "Brent LCOc1 fell 2% and Sterling GBP= was last at $1.29." gives "Brent" and
    "Sterling", MISC, not two people."""
    words = document.words
    found = []
    for sentence, first, end, kind in mentions:
        sentence_words = words[sentence]
        codes = end
        while codes > first and _is_market_code(sentence_words, codes - 1):
            codes -= 1
        if codes == end:
            found.append((sentence, first, end, kind))
        elif codes > first:
            found.append((sentence, first, codes, "MISC" if kind == "PER" else kind))
    return found


def is_body_word_in_role(document: Words, mention: Mention) -> bool:
    """Whether a one-word organisation is a body's word before a role ("Council member
    Priya Raman", "Board members said"): part of the role, no name; no entity.

    Example: "Council member Tova Brandt chairs the committee." has no entity "Council"."""
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    if kind != "ORG" or end - first != 1 or end >= len(sentence_words):
        return False
    word = sentence_words[first]
    return (
        not word.isupper()
        and sentence_words[end] in _ROLES_IN_A_BODY
        and is_organisation_head(document.tagger, word)
    )


def faiths_not_people(document: Words, mention: Mention) -> Mention:
    """A "person" whose last word is a faith's adjective and no surname ("Roman Catholic
    bishops", "Orthodox Jewish") is the faith's name (MISC), not a person. (Not a people's
    adjective: "Mark Cuban", "Ronnie Irani" and "Dawn French" are people.)

    Example: "Roman Catholic bishops met on Monday." gives "Roman Catholic", no person."""
    sentence, first, end, kind = mention
    last = document.words[sentence][end - 1].lower()
    if (
        kind == "PER"
        and last in FAITH_ADJECTIVES
        and not document.tagger.lexicon.entries.get(last, 0) & LAST_NAME
    ):
        return sentence, first, end, "MISC"
    return mention


def home_of_a_person(document: Words, mentions: list[Mention]) -> list[Mention]:
    """A one-word "person" after a person's name and "of" that is a town ("Marian Orr of
    Cheyenne") is the place the person is of (a town named like a first name).

    Example: "Mayor Rhoda Finch of Cheyenne cut the ribbon." gives the person "Rhoda Finch"
    and the place "Cheyenne"."""
    people_ends = {(sentence, end) for sentence, _, end, kind in mentions if kind == "PER"}
    words = document.words
    places = document.tagger.places
    found = []
    for sentence, first, end, kind in mentions:
        if (
            kind == "PER"
            and end - first == 1
            and first >= 2
            and words[sentence][first - 1] == "of"
            and (sentence, first - 1) in people_ends
            and words[sentence][first].lower() in places
        ):
            kind = "LOC"
        found.append((sentence, first, end, kind))
    return found


def with_stage_number(document: Words, mention: Mention) -> Mention:
    """A first name alone with a number after it that is no year is one stage name
    ("Andre 3000"), outside sports copy (where a number after a name is a score).

    Example: "The rapper Dante 3000 released an album." gives "Dante 3000"."""
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    if kind != "PER" or end - first != 1 or end >= len(sentence_words) or document.sports:
        return mention
    number = sentence_words[end]
    if (
        not _STAGE_NUMBER.fullmatch(number)
        or int(number) in _YEARS
        or not document.tagger.lexicon.entries.get(sentence_words[first].lower(), 0) & FIRST_NAME
    ):
        return mention
    after = sentence_words[end + 1] if end + 1 < len(sentence_words) else ""
    if after[:1].isdigit():
        return mention  # a table's row: "Andre 12 15"
    return sentence, first, end + 1, kind
