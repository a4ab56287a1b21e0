"""Rules for sports copy: results rows, fixtures, and towns that are clubs. They apply
only to a document that reads as sports copy (`is_sports`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscli.lexicon import (
    HOME_NATIONS,
    NAME_JOINERS,
    ROW_PUNCTUATION,
    SPORTS_WORDS,
    SPORTS_WORDS_TOO,
    VENUE_PREPOSITIONS,
    VERSUS,
)
from newscli.ner.rules.common import (
    COMMON_WORD,
    CONTINENT,
    COUNTRY,
    COUNTRY_PART,
    MONTH_DAY,
    PLACE,
    TOWN,
    Mention,
    Words,
    capitalised_run_end,
)

if TYPE_CHECKING:
    from newscli.ner.model import Model

_SPORTS_DOCUMENT = 3  # distinct sports words, and scores such as "2-1" (two at most)
_SPORTS_DENSITY = 0.01  # sports words (and scores) a word of the document, at least
_MAX_SIDE_WORDS = 3


def is_sports(lowered: list[list[str]]) -> bool:
    """Whether a document reports games (`lowered`: its words in lowercase): several sports
    words, results ("2-1") and words sport shares with politics ("beat", "won"), these
    counting half; and as sports copy is dense with them, at least one in a hundred of its
    words (politics mentions a goal, a golf club and a race, and wins a lot)."""
    strong: set[str] = set()
    weak: set[str] = set()
    scores = 0
    mentions = 0.0
    tokens = 0
    for sentence in lowered:
        tokens += len(sentence)
        if found := SPORTS_WORDS.intersection(sentence):
            strong.update(found)
            mentions += sum(map(SPORTS_WORDS.__contains__, sentence))
        if found := SPORTS_WORDS_TOO.intersection(sentence):
            weak.update(found)
            mentions += sum(map(SPORTS_WORDS_TOO.__contains__, sentence)) / 2
        if "-" in sentence:
            scores += sum(
                _is_score(sentence, i)
                for i, word in enumerate(sentence)
                if word == "-" and 0 < i < len(sentence) - 1
            )
    # without a word only sport uses, it is not sports copy
    return (
        bool(strong)
        and len(strong) + len(weak) / 2 + min(scores, 2) >= _SPORTS_DOCUMENT
        and mentions + min(scores, 2) >= _SPORTS_DENSITY * tokens
    )


def _is_score(words: list[str], dash: int) -> bool:
    """Whether the "-" at words[dash] joins a score ("2-1"), not a date ("1996-08-30")."""
    before, after = words[dash - 1], words[dash + 1]
    return (
        before.isdigit()
        and after.isdigit()
        and len(before) <= 3
        and len(after) <= 3
        and (dash < 2 or words[dash - 2] != "-")
        and (dash + 2 >= len(words) or words[dash + 2] != "-")
    )


def is_country(tagger: Model, name: list[str]) -> bool:
    """Whether a place name is a country's (or a continent's, or a home nation's)."""
    lowered = [w.lower() for w in name]
    if len(lowered) == 1 and lowered[0] in HOME_NATIONS:
        return True
    entries = tagger.lexicon.entries
    if len(lowered) == 1:
        if entries.get(lowered[0], 0) & (COUNTRY | CONTINENT):
            return True
    elif all(entries.get(w, 0) & COUNTRY_PART for w in lowered if w not in ("of", "the")):
        return True
    # "U.S.", "Britain": a place news names that is no city or state
    return " ".join(lowered) in tagger.places and not any(entries.get(w, 0) & TOWN for w in lowered)


def teams(document: Words, mentions: list[Mention]) -> list[Mention]:
    """Sports copy names clubs by their town, county or state ("Leicestershire beat
    Somerset") and national sides by their country ("Belgium beat Sweden"): a town is the
    club, an organisation, unless it is where something happens ("at Hove") or where the
    story was filed; a country is the nation, a place, as news wires tag national sides.

    Example: in a county cricket report, "Swindon beat Exeter by six wickets" gives the
    club "Swindon", ORG, not the town."""
    if not document.sports:
        return mentions
    tagger, words = document.tagger, document.words
    found = []
    for sentence, first, end, kind in mentions:
        if kind in ("LOC", "ORG"):
            name = words[sentence][first:end]
            if is_country(tagger, name):
                kind = "LOC"
            elif kind == "LOC" and not _is_venue(tagger, words[sentence], first, end):
                kind = "ORG"
        found.append((sentence, first, end, kind))
    return found


def results_rows(document: Words, mentions: list[Mention]) -> list[Mention]:
    """The sides in results and standings rows of sports copy ("Tranmere 4 2 1 1 6 4 7",
    "DETROIT 4 Kansas City 1"), lines of names and numbers alone: each capitalised run
    followed by a number is a side (a club; a country's, a place), unless the model read it
    as a person's full name (golf and athletics rows list people). An ALL-CAPS headline
    ("BELGIUM BEAT TURKEY 2-1") is no row: its common words give it away.

    Example: in a list of league results, the line "Swindon 3 Reading 1" gives two clubs,
    ORG."""
    if not document.sports:
        return mentions
    tagger, words = document.tagger, document.words
    entries = tagger.lexicon.entries
    rows = [
        sentence
        for sentence, sentence_words in enumerate(words)
        if any(w[:1].isdigit() for w in sentence_words)
        and all(w[:1].isupper() or w[:1].isdigit() or w in ROW_PUNCTUATION for w in sentence_words)
        and not any(
            w.isupper()
            and len(w) > 1
            and tagger.lexicon.frequency(w.lower()) >= COMMON_WORD
            and not entries.get(w.lower(), 0) & PLACE
            for w in sentence_words
        )
    ]
    if not rows:
        return mentions
    by_start = {(m[0], m[1]): m for m in mentions}
    sides = []
    for sentence in rows:
        sentence_words = words[sentence]
        start = None
        for i, word in enumerate([*sentence_words, ""]):
            if word[:1].isupper():
                start = i if start is None else start
                continue
            if start is not None and word[:1].isdigit():
                known = by_start.get((sentence, start))
                if not (known and known[3] == "PER" and known[2] - start > 1):
                    name = sentence_words[start:i]
                    kind = "LOC" if is_country(tagger, name) else "ORG"
                    sides.append((sentence, start, i, kind))
            start = None
    covered = {(sentence, i) for sentence, first, end, _ in sides for i in range(first, end)}
    kept = [m for m in mentions if not any((m[0], i) in covered for i in range(m[1], m[2]))]
    return kept + sides


def fixtures(document: Words, mentions: list[Mention]) -> list[Mention]:
    """The sides either side of "v" in sports copy ("Postponed: Birmingham v Barnsley,
    Manchester City v Charlton"): each capitalised run is a side, a club (ORG) or a country's
    (a place), whatever pieces the model read.

    Example: in a list of fixtures, "Saturday: Swindon v Reading, Oxford v Exeter." gives
    four clubs, ORG."""
    if not document.sports:
        return mentions
    tagger, words = document.tagger, document.words
    found = list(mentions)
    for sentence, sentence_words in enumerate(words):
        # lowercase only: an ALL-CAPS headline's capitals hide where a side ends ("ENGLAND V
        # PAKISTAN ONE-DAY SCOREBOARD")
        for i in [i for i, word in enumerate(sentence_words) if word in VERSUS]:
            first = i
            while first and i - first < _MAX_SIDE_WORDS and sentence_words[first - 1][:1].isupper():
                first -= 1
            end = capitalised_run_end(sentence_words, i + 1, _MAX_SIDE_WORDS)
            longer = end + 1 < len(sentence_words) and (
                sentence_words[end] in NAME_JOINERS and sentence_words[end + 1][:1].isupper()
            )  # "v Duke of Norfolk's XI"
            for side_first, side_end in ((first, i), (i + 1, end)):
                if side_first == side_end or (longer and side_end == end):
                    continue
                inside = [
                    m for m in found if m[0] == sentence and m[1] < side_end and side_first < m[2]
                ]
                if any(m[1] < side_first or m[2] > side_end or m[3] == "PER" for m in inside):
                    continue  # a longer name, or a player ("Sampras v Agassi")
                name = sentence_words[side_first:side_end]
                kind = "LOC" if is_country(tagger, name) else "ORG"
                found = [m for m in found if m not in inside]
                found.append((sentence, side_first, side_end, kind))
    return found


def _is_venue(tagger: Model, words: list[str], first: int, end: int) -> bool:
    """Whether the place words[first:end] is where something happens ("in Leeds", "at
    Hove", the town after a ground: "at Edgbaston, Birmingham"), a dateline's ("LONDON
    1996-08-30", "HERZLIYA, Israel") or the ground a results line opens with ("Hove:
    Sussex 363")."""
    after = words[end] if end < len(words) else ""
    if first:
        # "(at Edgbaston, Birmingham)", but not the subject after "At the Oval, Surrey ..."
        return words[first - 1].lower() in VENUE_PREPOSITIONS or (
            words[first - 1] == ","
            and after in (")", ",", ".", "")
            and any(w.lower() in ("at", "in") for w in words[max(first - 5, 0) : first - 2])
        )
    return (
        after in (",", ":")
        or (after.isdigit() and len(after) == 4)
        or bool(tagger.lexicon.entries.get(after.lower(), 0) & MONTH_DAY)
    )
