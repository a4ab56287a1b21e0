"""Rules for organisations named by acronyms and organisation words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscli.lexicon import NAME_JOINERS, NOT_ACRONYMS
from newscli.ner import features as feats
from newscli.ner.rules.common import (
    COMMON_WORD,
    MAX_ORG_WORDS,
    ORG_WORD,
    Mention,
    Words,
    is_organisation_head,
    taken,
)

if TYPE_CHECKING:
    from newscli.ner.model import Model


def organisations_by_shape(document: Words, mentions: list[Mention]) -> list[Mention]:
    """Organisations the model misses, by two conventions of news: an acronym ("PMU",
    "NATO"), and capitalised words ending in an organisation word ("CBS News", "Tehran
    University"). Only untagged words, and never in an ALL-CAPS headline.

    Example: "Officials said the PMVR would review the case next week." gives "PMVR", ORG."""
    tagger, words, capitalised = document.tagger, document.words, document.capitalised
    named = taken(mentions)
    found = []
    for sentence, sentence_words in enumerate(words):
        # runs of untagged capitalised words, cut into pieces of at most MAX_ORG_WORDS
        runs: list[list[int]] = []
        for i in capitalised[sentence]:
            if (sentence, i) not in named:
                if runs and runs[-1][-1] == i - 1 and len(runs[-1]) < MAX_ORG_WORDS:
                    runs[-1].append(i)
                else:
                    runs.append([i])
        in_sentence = [
            (sentence, run[0], run[-1] + 1, "ORG")
            for run in runs
            if _names_organisation(
                tagger, sentence_words[run[0] : run[-1] + 1], at_start=run[0] == 0
            )
        ]
        if in_sentence and not feats.is_headline(sentence_words):
            found += in_sentence
    return mentions + found


def _names_organisation(tagger: Model, run: list[str], at_start: bool) -> bool:
    last = run[-1].lower()
    if len(run) > 1 and tagger.lexicon.entries.get(last, 0) & ORG_WORD:
        return not (at_start and len(run) == 2 and run[0].lower() in ("the", "a"))
    word = run[0]
    return (
        len(run) == 1
        and 2 <= len(word) <= 5
        and word.isalpha()
        and word.isupper()
        and word.lower() not in NOT_ACRONYMS
        and word.lower() not in tagger.places
        and tagger.lexicon.frequency(word.lower()) < COMMON_WORD - 1
    )


def defined_acronyms(document: Words, mentions: list[Mention]) -> list[Mention]:
    """An acronym defined in the text, "the World Boxing Council (WBC)": the name before
    the parentheses is one entity, whatever pieces the model read, and when it or its
    acronym reads as an organisation, both are one (an acronym in parentheses is news'
    way of naming a body it will mention again).

    Example: "Talks led by the Organisation for Grain and Seed Trade (OGST) resumed on
    Monday." gives the whole name, not "Organisation for Grain", and "OGST", both ORG."""
    tagger, words = document.tagger, document.words
    found = list(mentions)
    for sentence, sentence_words in enumerate(words):
        if "(" not in sentence_words:
            continue
        for i in range(1, len(sentence_words) - 2):
            acronym = sentence_words[i + 1]
            if not (
                sentence_words[i] == "("
                and sentence_words[i + 2] == ")"
                and 2 <= len(acronym) <= 8
                and acronym[:1].isupper()
                and sum(c.isupper() for c in acronym) >= 2
            ):
                continue
            first = _long_form(sentence_words, i, acronym)
            if first is None:
                continue
            inside = [m for m in found if m[0] == sentence and m[1] < i and first < m[2]]
            at = [m for m in found if m[0] == sentence and m[1] == i + 1]
            if not (
                is_organisation_head(tagger, sentence_words[i - 1])
                or any(m[3] == "ORG" for m in inside)
            ):
                continue
            if any(m[1] < first for m in inside):
                continue  # a name that begins before the spelled-out words
            found = [m for m in found if m not in inside and m not in at]
            found += [(sentence, first, i, "ORG"), (sentence, i + 1, i + 2, "ORG")]
    return found


def _long_form(words: list[str], opening: int, acronym: str) -> int | None:
    """Where the name spelled by `acronym` starts, in the words before `opening`: the
    shortest run of capitalised words and joiners whose letters hold the acronym's in
    order, the first at a word's start (Schwartz and Hearst's rule), or None."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    first = opening
    while first > 0 and opening - first < len(letters) + 4:
        first -= 1
        word = words[first]
        if not (word[:1].isupper() or word.lower() in NAME_JOINERS):
            return None
        if (
            word[:1].isupper()
            and word[0].lower() == letters[0]
            and _spells(letters, " ".join(words[first:opening]).lower())
        ):
            if first > 1 and words[first - 1] in NAME_JOINERS and words[first - 2][:1].isupper():
                return None  # the name begins earlier: "the Return of [Refugees ...]"
            return first
    return None


def _spells(letters: list[str], name: str) -> bool:
    position = len(name) - 1
    for n, letter in enumerate(reversed(letters)):
        at_start = n == len(letters) - 1
        while position >= 0 and (
            name[position] != letter or (at_start and position > 0 and name[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True
