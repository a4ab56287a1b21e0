"""Rules over the whole document: a name keeps one type, and mentions do not overlap."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newscli.lexicon import (
    COMPANY_SUFFIXES,
)
from newscli.ner.rules.common import _CUED_ORG, _PLACE, COMMON_WORD

if TYPE_CHECKING:
    from newscli.ner.model import Model


def _without_overlaps(mentions: list) -> list:
    """The mentions less any that overlaps a longer one: a name that took in the word after
    it ("Henry VIII", "the Paris Agreement") takes it from the mention the model made of it."""
    kept: list[tuple[int, int, int, str]] = []
    taken: set[tuple[int, int]] = set()
    for mention in sorted(mentions, key=lambda m: (m[1] - m[2], m)):
        sentence, first, end, _ = mention
        if not any((sentence, i) in taken for i in range(first, end)):
            kept.append(mention)
            taken.update((sentence, i) for i in range(first, end))
    return kept


def _without_common_tail(tagger: Model, words: list[list[str]], mention: tuple) -> tuple:
    """A name without the lowercase nouns the model read into its end ("Tianjin city",
    "Kosevo stadium", "Jiangsu province"): news writes them after the name, not in it; a
    people's name left alone is a people's (MISC: "Scottish league"). A particle that is
    part of the name stays ("Mohammed al-Jadaan")."""
    sentence, first, end, kind = mention
    sentence_words = words[sentence]
    while (
        end - first > 1 and sentence_words[end - 1].isalpha() and sentence_words[end - 1].islower()
    ):
        end -= 1
    if end == mention[2]:
        return mention
    if end - first == 1 and sentence_words[first].lower() in tagger.groups:
        kind = "MISC"
    return sentence, first, end, kind


def _consistent(
    tagger: Model, lowered: list[list[str]], capitalised: list[list[int]], mentions: list
) -> list:
    """The document's second pass: each name (case-insensitive) takes its most frequent type,
    a full name's surname counts as a person, and capitalised occurrences the tagger missed
    are added, unless the name is a common word. `lowered`: the document's words in
    lowercase; `capitalised`: where the capitalised ones are."""
    kinds: dict[tuple[str, ...], Counter[str]] = {}
    surnames: set[tuple[str, ...]] = set()
    for sentence, first, end, kind in mentions:
        name = tuple(lowered[sentence][first:end])
        counts = kinds.get(name)
        if counts is None:  # a Counter made only for a new name: most names repeat
            counts = kinds[name] = Counter()
        counts[kind] += 1
        if kind == "PER" and len(name) > 1 and name[-1][:1].isalpha():
            # news names a person in full once, then by surname: "Palmer" is her too,
            # however the tagger reads the surname alone ("Julian White" ... "White")
            if name[-1:] not in kinds:
                kinds[name[-1:]] = Counter()
            surnames.add(name[-1:])
    organisations = {
        tuple(lowered[sentence][first:end])
        for sentence, first, end, kind in mentions
        if kind == _CUED_ORG
    }
    chosen = {
        name: "PER"
        if name in surnames
        else "ORG"
        if name in organisations
        else max(sorted(counts), key=counts.__getitem__)
        for name, counts in kinds.items()
    }
    for name in list(chosen):
        if (
            len(name) == 2
            and chosen[name] != "PER"
            and chosen.get(name[:1]) == "PER"
            and chosen.get(name[1:]) == "PER"
        ):
            # "Ozzy Osbourne" read as a place once, "Ozzy" and "Osbourne" people throughout
            chosen[name] = "PER"
        if chosen[name] == "ORG" and len(name) > 1 and name[-1].rstrip(".") in COMPANY_SUFFIXES:
            # "Pirelli SpA" once, then "Pirelli": the company, however the model read it; and
            # "Magna International Inc", then "Magna", when that first word is no common one
            # and no place ("Wuxi Pirelli Cable Co Ltd")
            chosen[name[:-1]] = "ORG"
            if (
                len(name) > 2
                and tagger.lexicon.frequency(name[0]) < COMMON_WORD - 1
                and name[0] not in tagger.places
                and not tagger.lexicon.entries.get(name[0], 0) & _PLACE
            ):
                chosen[name[:1]] = "ORG"
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(chosen, key=len, reverse=True):
        if len(name) > 1 or tagger.lexicon.frequency(name[0]) < COMMON_WORD:
            by_first_word.setdefault(name[0], []).append(name)
    taken = {(sentence, i) for sentence, first, end, _ in mentions for i in range(first, end)}
    found = [
        (s, first, end, chosen[tuple(lowered[s][first:end])])
        for s, first, end, _ in dict.fromkeys(m[:3] + ("",) for m in mentions)
    ]
    for sentence, sentence_words in enumerate(lowered):
        starts = [i for i in capitalised[sentence] if sentence_words[i] in by_first_word]
        resume = 0  # past the last name found: names do not overlap
        for i in starts:
            if i < resume or (sentence, i) in taken:
                continue  # most starts are the mentions' own first words
            for name in by_first_word[sentence_words[i]]:
                end = i + len(name)
                candidate = tuple(sentence_words[i:end])
                if candidate == name and not any((sentence, j) in taken for j in range(i, end)):
                    found.append((sentence, i, end, chosen[name]))
                    resume = end
                    break
    return found
