"""Rules for people: titles, first names, regnal numbers, a home after "of"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscli.lexicon import (
    BE_FORMS,
)
from newscli.ner.rules.common import _FIRST_NAME, _LAST_NAME, _TITLE_WORD

if TYPE_CHECKING:
    from newscli.ner.model import Model


def _without_home(tagger: Model, words: list[list[str]], mention: tuple) -> list[tuple]:
    """A full name and the place it is "of", read as one person ("Sen. Rand Paul of
    Kentucky"), are the person and the place; not a ruler's "of" ("Isabella of France")."""
    sentence, first, end, kind = mention
    sentence_words = words[sentence]
    if kind != "PER" or end - first < 4 or "of" not in sentence_words[first + 2 : end - 1]:
        return [mention]
    of = sentence_words.index("of", first + 2, end - 1)
    if " ".join(sentence_words[of + 1 : end]).lower() not in tagger.places:
        return [mention]
    return [(sentence, first, of, "PER"), (sentence, of + 1, end, "LOC")]


_RARE = 3  # zipf frequency below which a capitalised word is most likely a name


def _with_first_names(tagger: Model, words: list[list[str]], mentions: list) -> list:
    """A person's name takes in the capitalised word before it when that word is a first
    name or a rare word, and no title ("Melania Trump" opening a sentence, where the model
    reads "Melania" as the sentence's capital)."""
    taken = {(sentence, i) for sentence, first, end, _ in mentions for i in range(first, end)}
    entries = tagger.lexicon
    found = []
    for sentence, first, end, kind in mentions:
        if kind == "PER" and first and (sentence, first - 1) not in taken:
            word = words[sentence][first - 1]
            lower = word.lower()
            value = entries.entries.get(lower, 0)
            if (
                word[:1].isupper()
                and word.isalpha()
                and not value & _TITLE_WORD
                and (value & _FIRST_NAME or entries.frequency(lower) < _RARE)
            ):
                first -= 1
        found.append((sentence, first, end, kind))
    return found


def _without_title(tagger: Model, words: list[list[str]], mention: tuple) -> tuple:
    """A person's name without the title before it ("Ms Pugh", "President Putin"): the
    title is a role, which news tags apart from the name; an organisation's without "the"."""
    sentence, first, end, kind = mention
    entries = tagger.lexicon.entries
    while (
        kind == "PER"
        and end - first > 1
        and entries.get(words[sentence][first].lower().rstrip("."), 0) & _TITLE_WORD
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


#: rulers' titles the lexicon's title words lack; alone they are a role ("each Emperor")
_RULERS = frozenset("emperor empress tsar tsarina czar kaiser sultan pharaoh".split())


def _is_title_alone(tagger: Model, words: list[list[str]], mention: tuple) -> bool:
    """Whether a person is a title alone ("the Emperor", "the President said"): a role, not
    a name (unless a surname too: "King")."""
    sentence, first, end, kind = mention
    word = words[sentence][first].lower().rstrip(".")
    value = tagger.lexicon.entries.get(word, 0)
    return (
        kind == "PER"
        and end - first == 1
        and (value & (_TITLE_WORD | _LAST_NAME) == _TITLE_WORD or word in _RULERS)
    )


_REGNAL_NUMBER = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


#: what may follow a ruler's "I" ("Henry I and", "Pedro I,"), where the pronoun would not
_AFTER_REGNAL_I = frozenset("and of in on at with to from by who whose the a".split())


def _with_regnal_number(words: list[list[str]], mention: tuple) -> tuple:
    """A person's name takes in the Roman number after it ("Henry VIII", "Leopold III"), and
    an "I" too where it cannot be the pronoun ("Pedro I,", "Henry I and")."""
    sentence, first, end, kind = mention
    sentence_words = words[sentence]
    if kind != "PER" or end >= len(sentence_words):
        return mention
    number = sentence_words[end]
    if not number or not _REGNAL_NUMBER.fullmatch(number):
        return mention
    after = sentence_words[end + 1] if end + 1 < len(sentence_words) else ""
    if number == "I" and after[:1].isalnum() and after not in _AFTER_REGNAL_I:
        return mention
    return sentence, first, end + 1, kind


def _no_person_after_the(tagger: Model, words: list[list[str]], mention: tuple) -> tuple:
    """English puts no "the" before a person's name: a one-word "person" after "the" that is
    no known first name or surname is a people ("the Romans", "the Khitans"), a word that
    qualifies the noun after it ("the Yazidi women": MISC), or else a place ("the Danevirke
    had fallen", "the Clyde.")."""
    sentence, first, end, kind = mention
    sentence_words = words[sentence]
    if kind != "PER" or end - first != 1 or not first:
        return mention
    word = sentence_words[first]
    if sentence_words[first - 1].lower() != "the" or tagger.lexicon.entries.get(word.lower(), 0) & (
        _FIRST_NAME | _LAST_NAME
    ):
        return mention
    after = sentence_words[end] if end < len(sentence_words) else ""
    if word.endswith("s") or (after.isalpha() and after.islower() and after not in _AUXILIARIES):
        return sentence, first, end, "MISC"
    return sentence, first, end, "LOC"


#: verbs that show the word before them is the sentence's subject, not a qualifier
_AUXILIARIES = BE_FORMS | frozenset("has had have will would could can did does may might".split())
