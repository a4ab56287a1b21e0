"""Rules for people: titles, first names, regnal numbers, a home after "of", and no person
after "the"."""

from __future__ import annotations

import re

from newscli.lexicon import AFTER_REGNAL_I, AUXILIARY_VERBS, BE_FORMS, RULERS
from newscli.ner.rules.common import FIRST_NAME, LAST_NAME, TITLE_WORD, Mention, Words, taken

_RARE = 3  # zipf frequency below which a capitalised word is most likely a name
_REGNAL_NUMBER = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
#: verbs that show the word before them is the sentence's subject, not a qualifier
_AUXILIARIES = BE_FORMS | AUXILIARY_VERBS


def without_home(document: Words, mentions: list[Mention]) -> list[Mention]:
    """A full name and the place it is "of", read as one person ("Sen. Rand Paul of
    Kentucky"), are the person and the place; not a ruler's "of" ("Isabella of France").

    Example: "Gov. Mary Ann Pelt of Vermont signed the bill." gives the person "Mary Ann
    Pelt" and the place "Vermont"."""
    return [split for mention in mentions for split in _without_home(document, mention)]


def _without_home(document: Words, mention: Mention) -> list[Mention]:
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    if kind != "PER" or end - first < 4 or "of" not in sentence_words[first + 2 : end - 1]:
        return [mention]
    of = sentence_words.index("of", first + 2, end - 1)
    if " ".join(sentence_words[of + 1 : end]).lower() not in document.tagger.places:
        return [mention]
    return [(sentence, first, of, "PER"), (sentence, of + 1, end, "LOC")]


def with_first_names(document: Words, mentions: list[Mention]) -> list[Mention]:
    """A person's name takes in the capitalised word before it when that word is a first
    name or a rare word, and no title ("Melania Trump" opening a sentence, where the model
    reads "Melania" as the sentence's capital).

    Example: "Kestin spoke first. June Kestin spoke later." gives "June Kestin", not
    "Kestin" alone, in the second sentence."""
    words = document.words
    named = taken(mentions)
    entries = document.tagger.lexicon
    found = []
    for sentence, first, end, kind in mentions:
        if kind == "PER" and first and (sentence, first - 1) not in named:
            word = words[sentence][first - 1]
            lower = word.lower()
            value = entries.entries.get(lower, 0)
            if (
                word[:1].isupper()
                and word.isalpha()
                and not value & TITLE_WORD
                and (value & FIRST_NAME or entries.frequency(lower) < _RARE)
            ):
                first -= 1
        found.append((sentence, first, end, kind))
    return found


def without_title(document: Words, mention: Mention) -> Mention:
    """A person's name without the title before it ("Ms Pugh", "President Putin"): the
    title is a role, which news tags apart from the name; an organisation's without "the".

    Example: "Pope Gregor XVII met the bishops." gives "Gregor XVII"; "The Council for
    Coastal Fisheries Research (CCFR) published its report." gives the council without
    "The"."""
    sentence, first, end, kind = mention
    words = document.words
    entries = document.tagger.lexicon.entries
    while (
        kind == "PER"
        and end - first > 1
        and entries.get(words[sentence][first].lower().rstrip("."), 0) & TITLE_WORD
    ):
        first += 1
    # nor does an organisation's name take in "the" ("The State Department said"), nor any
    # name "a" ("A Ministry of Defence spokesman"; a work's may: "A Kind of Magic")
    article = words[sentence][first].lower()
    if end - first > 1 and (
        kind == "ORG" and article == "the" or kind != "MISC" and article in ("a", "an")
    ):
        first += 1
    return sentence, first, end, kind


def is_title_alone(document: Words, mention: Mention) -> bool:
    """Whether a person is a title alone ("the Emperor", "the President said"): a role, not
    a name (unless a surname too: "King"); no entity.

    Example: "The Emperor said the war was over." has no entity "Emperor"."""
    sentence, first, end, kind = mention
    word = document.words[sentence][first].lower().rstrip(".")
    value = document.tagger.lexicon.entries.get(word, 0)
    return (
        kind == "PER"
        and end - first == 1
        and (value & (TITLE_WORD | LAST_NAME) == TITLE_WORD or word in RULERS)
    )


def with_regnal_number(document: Words, mention: Mention) -> Mention:
    """A person's name takes in the Roman number after it ("Henry VIII", "Leopold III"), and
    an "I" too where it cannot be the pronoun ("Pedro I,", "Henry I and").

    Example: "Under Tomas I, the kingdom grew rich." gives "Tomas I"."""
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    if kind != "PER" or end >= len(sentence_words):
        return mention
    number = sentence_words[end]
    if not number or not _REGNAL_NUMBER.fullmatch(number):
        return mention
    after = sentence_words[end + 1] if end + 1 < len(sentence_words) else ""
    if number == "I" and after[:1].isalnum() and after not in AFTER_REGNAL_I:
        return mention
    return sentence, first, end + 1, kind


def no_person_after_the(document: Words, mention: Mention) -> Mention:
    """English puts no "the" before a person's name: a one-word "person" after "the" that is
    no known first name or surname is a people ("the Romans", "the Khitans"), a word that
    qualifies the noun after it ("the Yazidi women": MISC), or else a place ("the Danevirke
    had fallen", "the Clyde.").

    Example: "The Dravnik had fallen by the time the army arrived." gives "Dravnik", a
    place, not a person."""
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    if kind != "PER" or end - first != 1 or not first:
        return mention
    word = sentence_words[first]
    if sentence_words[first - 1].lower() != "the" or document.tagger.lexicon.entries.get(
        word.lower(), 0
    ) & (FIRST_NAME | LAST_NAME):
        return mention
    after = sentence_words[end] if end < len(sentence_words) else ""
    if word.endswith("s") or (after.isalpha() and after.islower() and after not in _AUXILIARIES):
        return sentence, first, end, "MISC"
    return sentence, first, end, "LOC"
