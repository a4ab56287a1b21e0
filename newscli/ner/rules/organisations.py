"""Rules that find organisations by news' context: cue words, places before bodies, "&"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscli.lexicon import (
    DETERMINERS,
    ORGANISATION_NOUNS,
)
from newscli.ner import features as feats
from newscli.ner.rules.common import (
    _CUED_ORG,
    _MAX_ORG_WORDS,
    _MONTH_DAY,
    _NAME_JOINERS,
    _capitalised_run_end,
    _is_organisation_head,
)

if TYPE_CHECKING:
    from newscli.ner.model import Model


#: words after a name that make it a company's or a body's ("Pirelli shares", "a Harley-
#: Davidson spokeswoman", "Ericsson's chief executive", "Zycie Warszawy daily said")
_ORGANISATION_AFTER = frozenset(
    "spokesman spokeswoman spokesperson shareholders shares chairman chairwoman subsidiary "
    "board daily newspaper".split()
)


#: ... and before it, with the preposition between ("shares of Jones", "an analyst at
#: Salomon", "chief executive officer of Petofi")
_ORGANISATION_BEFORE = {
    "shares": frozenset(("of", "in")),
    "stake": frozenset(("in",)),
    **dict.fromkeys("subsidiary executive officer manager chairman".split(), frozenset(("of",))),
    **dict.fromkeys("analyst analysts economist economists strategist".split(), frozenset(("at",))),
}


#: what news calls a body right before its name ("news agency Tanjug", "the daily Zycie
#: Warszawy", "mineral water firm Multico", "first division team Deportivo Coruna")
_ORGANISATION_BEFORE_NAME = frozenset(
    """company firm airline group agency bank newspaper daily broadcaster network club
    team side giant maker carmaker insurer publisher retailer""".split()
)


_CUE_WORDS = _ORGANISATION_AFTER | _ORGANISATION_BEFORE.keys() | _ORGANISATION_BEFORE_NAME


def _organisations_by_context(tagger: Model, words: list[list[str]], mentions: list) -> list:
    """Names news' context makes organisations: a spokesman's, shares' and a chairman's
    ("Pirelli shares rose", "Ericsson spokesman Per Zetterquist", "shares of Jones", "an
    analyst at Salomon", "news agency Tanjug"), whatever the model read, as mentions of kind
    `_CUED_ORG`; not a place ("Tokyo shares" are its market's), a nationality ("a British
    newspaper"), an adjective ("A London-based spokesman") nor a full name, and a person
    named in full elsewhere keeps his surname ("Trump spokesman Sean Spicer")."""
    by_end = {(m[0], m[2]): m for m in mentions}
    by_start = {(m[0], m[1]): m for m in mentions}
    taken = {(sentence, i) for sentence, first, end, _ in mentions for i in range(first, end)}

    def is_name_word(sentence: int, i: int) -> bool:
        word = words[sentence][i]
        return (
            word[:1].isupper()
            and (sentence, i) not in taken
            and word.lower() not in DETERMINERS
            and not word.rsplit("-", 1)[-1].islower()
            and not tagger.lexicon.entries.get(word.lower(), 0) & _MONTH_DAY
        )

    def name_at(sentence: int, start: int) -> tuple | None:
        """The name from words[sentence][start] on: the model's mention there, else the run
        of capitalised words, unless it reads on into a longer name."""
        name = by_start.get((sentence, start))
        if name is not None:
            return name
        sentence_words = words[sentence]
        end = start
        while (
            end < len(sentence_words)
            and end - start < _MAX_ORG_WORDS
            and is_name_word(sentence, end)
        ):
            end += 1
        longer = end + 1 < len(sentence_words) and (
            sentence_words[end] in _NAME_JOINERS and sentence_words[end + 1][:1].isupper()
        )  # "the group Human Rights in China"
        return (sentence, start, end, "ORG") if start < end and not longer else None

    found = []
    for sentence, sentence_words in enumerate(words):
        # the cue words, lowercase but at the sentence's start: most sentences have none,
        # told by one set operation in C
        if not sentence_words or (
            _CUE_WORDS.isdisjoint(sentence_words) and sentence_words[0].lower() not in _CUE_WORDS
        ):
            continue
        cues = [i for i, word in enumerate(sentence_words) if word in _CUE_WORDS]
        if sentence_words and sentence_words[0].lower() in _CUE_WORDS and cues[:1] != [0]:
            cues.insert(0, 0)
        if not cues or feats.is_headline(sentence_words):
            continue
        for i in cues:
            cue = sentence_words[i].lower()
            name = None
            if cue in _ORGANISATION_AFTER and i:
                end = i - (i > 1 and sentence_words[i - 1] in ("'s", "’s"))
                name = by_end.get((sentence, end))
                if name is None:
                    first = end
                    while (
                        first and end - first < _MAX_ORG_WORDS and is_name_word(sentence, first - 1)
                    ):
                        first -= 1
                    name = (sentence, first, end, "ORG") if first < end else None
            start = i + 1
            if cue in _ORGANISATION_BEFORE and start + 1 < len(sentence_words):
                start += sentence_words[start] in _ORGANISATION_BEFORE[cue]
            names = [name]
            if (
                name is None
                and start < len(sentence_words)
                and (cue in _ORGANISATION_BEFORE_NAME or start == i + 2)
            ):
                names = [name_at(sentence, start)]
                after = names[0][2] if names[0] is not None else 0
                while after + 1 < len(sentence_words) and sentence_words[after] == "&":
                    after = _capitalised_run_end(sentence_words, after + 1, _MAX_PARTNER_WORDS)
                if (
                    cue in _ORGANISATION_BEFORE
                    and after + 1 < len(sentence_words)
                    and sentence_words[after] == "and"
                ):
                    # "shares in Marks & Spencer and Ocado", "analysts at Barclays and
                    # Morgan Stanley": the cue is both names', a full name's too
                    joined = name_at(sentence, after + 1)
                    if joined is not None:
                        names.append((*joined[:3], "ORG" if joined[3] == "PER" else joined[3]))
            # a place's shares are its market's ("Tokyo shares"), a nationality's newspaper
            # any of its own ("a British newspaper"); a full name is a person's
            found += [
                (*name[:3], _CUED_ORG)
                for name in names
                if name is not None
                and name[3] != "LOC"
                and " ".join(sentence_words[name[1] : name[2]]).lower() not in tagger.groups
                and (name[3] != "PER" or name[2] - name[1] == 1)
            ]
    return found


#: a word written as a brand, not a name: capitals run into lowercase ("MTVu", "ITVBe"), or
#: lowercase into a capital ("eBay", "iTunes"); the model learned such words as people from
#: tweets' user names
_BRAND_SHAPE = re.compile(r"[A-Z]{2,}[a-z]+|[a-z]+[A-Z][A-Za-z]*")


def _brands_as_organisations(words: list[list[str]], mentions: list) -> list:
    """A one-word person written as a brand ("an interview with MTVu") is an organisation,
    unless it is a user name ("@realDonaldTrump") or the document names a person with the
    word ("Jacob deGrom")."""
    in_names = {
        words[sentence][i]
        for sentence, first, end, kind in mentions
        if kind == "PER" and end - first > 1
        for i in range(first, end)
    }
    return [
        (sentence, first, end, "ORG")
        if kind == "PER"
        and end - first == 1
        and words[sentence][first] not in in_names
        and (first == 0 or words[sentence][first - 1] != "@")
        and _BRAND_SHAPE.fullmatch(words[sentence][first])
        else (sentence, first, end, kind)
        for sentence, first, end, kind in mentions
    ]


#: organisation words that also end places' names ("West Bank", "Atlantic City", "Soviet
#: Union", "Central Clinical Hospital"): after a place they do not make it a body
_PLACE_HEADS = frozenset("bank city union club hospital church school college court".split())


def _place_named_organisations(tagger: Model, words: list[list[str]], mentions: list) -> list:
    """A body named after its place or people: a place or nationality the model read,
    followed by capitalised words that end in an organisation word ("New York Stock
    Exchange", "American Stock Exchange", "China Daily"), is one organisation; so is a
    "place" that itself ends in one ("Budapest Stock Exchange"). Not a word that ends
    places' names too ("West Bank", "Atlantic City")."""
    taken = {(sentence, i) for sentence, first, end, _ in mentions for i in range(first, end)}
    found = []
    for sentence, first, end, kind in mentions:
        sentence_words = words[sentence]
        if kind in ("LOC", "MISC"):
            last = end
            while (
                last < len(sentence_words)
                and last - end < _MAX_ORG_WORDS
                and sentence_words[last][:1].isupper()
                and (sentence, last) not in taken
            ):
                last += 1
            head = sentence_words[last - 1]
            if (
                (last > end or end - first > 1)
                and _is_organisation_head(tagger, head)
                and head.lower() not in _PLACE_HEADS
                and not feats.is_headline(sentence_words)
            ):
                end, kind = last, "ORG"
        found.append((sentence, first, end, kind))
    return found


#: lowercase words for a kind of body a place may stand before ("a Cardiff bank"); not a
#: side, which in sports copy is the town's club
_BODY_NOUNS = ORGANISATION_NOUNS - {"club", "team"}


def _place_before_a_body(tagger: Model, words: list[list[str]], mention: tuple) -> tuple:
    """A place the model read as an organisation before a lowercase word for a body is
    where that body is ("customers of a Cardiff bank", "a Leeds hospital")."""
    sentence, first, end, kind = mention
    sentence_words = words[sentence]
    if (
        kind == "ORG"
        and end < len(sentence_words)
        and sentence_words[end] in _BODY_NOUNS
        and " ".join(sentence_words[first:end]).lower() in tagger.places
    ):
        return sentence, first, end, "LOC"
    return mention


_MAX_PARTNER_WORDS = 3  # words on either side of "&" in a firm's name


def _joined_by_ampersand(words: list[list[str]], mentions: list) -> list:
    """Capitalised words on both sides of "&" are one firm's name ("Douglas & Lomason",
    "Edward D. Jones & Co", "Standard & Poor"), whatever pieces the model read, unless a side
    is a place ("Trinidad & Tobago"); a determiner or an adjective before it is not
    ("Family-controlled Douglas & Lomason")."""
    found = list(mentions)
    for sentence, sentence_words in enumerate(words):
        if "&" not in sentence_words or feats.is_headline(sentence_words):
            continue
        for k in [i for i, word in enumerate(sentence_words) if word == "&"]:
            first = k
            while (
                first
                and k - first < _MAX_PARTNER_WORDS
                and sentence_words[first - 1][:1].isupper()
                and sentence_words[first - 1].lower() not in DETERMINERS
                and not sentence_words[first - 1].rsplit("-", 1)[-1].islower()
            ):
                first -= 1
            end = _capitalised_run_end(sentence_words, k + 1, _MAX_PARTNER_WORDS)
            if first == k or end == k + 1:
                continue
            inside = [m for m in found if m[0] == sentence and m[1] < end and first < m[2]]
            if any(m[3] == "LOC" or m[1] < first or m[2] > end for m in inside):
                continue
            found = [m for m in found if m not in inside]
            found.append((sentence, first, end, "ORG"))
    return found
