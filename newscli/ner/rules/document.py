"""Rules over the whole document: a name keeps one type wherever it is written, a lowercase
tail is no part of a name, and mentions do not overlap."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newscli.lexicon import COMPANY_SUFFIXES
from newscli.ner.rules.common import COMMON_WORD, CUED_ORG, PLACE, Mention, Words, taken

if TYPE_CHECKING:
    from newscli.ner.model import Model

Name = tuple[str, ...]


def without_overlaps(document: Words, mentions: list[Mention]) -> list[Mention]:
    """The mentions less any that overlaps a longer one: a name that took in the word after
    it takes it from the mention the model made of it.

    Example: "Der Umsatz der Brankel AG stieg …" gives "Brankel AG" once, though the model
    and the company form (`languages.named_by_company_form`) each name it."""
    kept: list[tuple[int, int, int, str]] = []
    covered: set[tuple[int, int]] = set()
    for mention in sorted(mentions, key=lambda m: (m[1] - m[2], m)):
        sentence, first, end, _ = mention
        if not any((sentence, i) in covered for i in range(first, end)):
            kept.append(mention)
            covered.update((sentence, i) for i in range(first, end))
    return kept


def without_common_tail(document: Words, mention: Mention) -> Mention:
    """A name without the lowercase nouns the model read into its end ("Tianjin city",
    "Kosevo stadium", "Jiangsu province"): news writes them after the name, not in it; a
    people's name left alone is a people's (MISC: "Scottish league"). A particle that is
    part of the name stays ("Mohammed al-Jadaan").

    Example: "The match was played at the Brovnik stadium in front of a small crowd." gives
    "Brovnik", not "Brovnik stadium"."""
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    while (
        end - first > 1 and sentence_words[end - 1].isalpha() and sentence_words[end - 1].islower()
    ):
        end -= 1
    if end == mention[2]:
        return mention
    if end - first == 1 and sentence_words[first].lower() in document.tagger.groups:
        kind = "MISC"
    return sentence, first, end, kind


def consistent(document: Words, mentions: list[Mention]) -> list[Mention]:
    """The document's second pass: each name (case-insensitive) takes its most frequent type,
    a full name's surname counts as a person, and capitalised occurrences the tagger missed
    are added, unless the name is a common word.

    Example: "Analysts expect Varnex to report a loss. Shares of Varnex fell 3 percent, and
    Varnex said it would cut jobs." gives the company, ORG, all three times."""
    chosen = _types_by_name(document.tagger, document.lowered, mentions)
    return _found_again(document, chosen, mentions)


def _types_by_name(tagger: Model, lowered: list[list[str]], mentions: list[Mention]) -> dict:
    """The type each name (its words in lowercase) takes in the document."""
    kinds: dict[Name, Counter[str]] = {}
    surnames: set[Name] = set()
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
        if kind == CUED_ORG
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
        _with_parts(tagger, chosen, name)
    return chosen


def _with_parts(tagger: Model, chosen: dict[Name, str], name: Name) -> None:
    """The types a name gives its parts, and takes from them."""
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
            and not tagger.lexicon.entries.get(name[0], 0) & PLACE
        ):
            chosen[name[:1]] = "ORG"


def _found_again(
    document: Words, chosen: dict[Name, str], mentions: list[Mention]
) -> list[Mention]:
    """The mentions with the types `chosen`, and the names' capitalised occurrences the
    tagger missed, unless a one-word name is a common word."""
    tagger, lowered = document.tagger, document.lowered
    by_first_word: dict[str, list[Name]] = {}
    for name in sorted(chosen, key=len, reverse=True):
        if len(name) > 1 or tagger.lexicon.frequency(name[0]) < COMMON_WORD:
            by_first_word.setdefault(name[0], []).append(name)
    named = taken(mentions)
    found = [
        (s, first, end, chosen[tuple(lowered[s][first:end])])
        for s, first, end, _ in dict.fromkeys(m[:3] + ("",) for m in mentions)
    ]
    for sentence, sentence_words in enumerate(lowered):
        starts = [i for i in document.capitalised[sentence] if sentence_words[i] in by_first_word]
        resume = 0  # past the last name found: names do not overlap
        for i in starts:
            if i < resume or (sentence, i) in named:
                continue  # most starts are the mentions' own first words
            for name in by_first_word[sentence_words[i]]:
                end = i + len(name)
                candidate = tuple(sentence_words[i:end])
                if candidate == name and not any((sentence, j) in named for j in range(i, end)):
                    found.append((sentence, i, end, chosen[name]))
                    resume = end
                    break
    return found
