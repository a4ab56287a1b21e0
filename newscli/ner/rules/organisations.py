"""Rules that find organisations by news' context: cue words, places and bodies, "&", and
brands."""

from __future__ import annotations

import re

from newscli.lexicon import (
    BODY_WORDS_BEFORE_NAME,
    DETERMINERS,
    NAME_JOINERS,
    ORGANISATION_CUES_AFTER,
    ORGANISATION_CUES_BEFORE,
    ORGANISATION_NOUNS,
    PLACE_HEADS,
    SIDE_NOUNS,
)
from newscli.ner import features as feats
from newscli.ner.rules.common import (
    CUED_ORG,
    MAX_ORG_WORDS,
    MONTH_DAY,
    Mention,
    Words,
    capitalised_run_end,
    is_organisation_head,
    taken,
)

_CUE_WORDS = ORGANISATION_CUES_AFTER | ORGANISATION_CUES_BEFORE.keys() | BODY_WORDS_BEFORE_NAME
#: lowercase words for a kind of body a place may stand before ("a Cardiff bank"); not a
#: side, which in sports copy is the town's club
_BODY_NOUNS = ORGANISATION_NOUNS - SIDE_NOUNS
_MAX_PARTNER_WORDS = 3  # words on either side of "&" in a firm's name


def organisations_by_context(document: Words, mentions: list[Mention]) -> list[Mention]:
    """Names news' context makes organisations: a spokesman's, shares' and a chairman's
    ("Pirelli shares rose", "Ericsson spokesman Per Zetterquist", "shares of Jones", "an
    analyst at Salomon", "news agency Tanjug"), whatever the model read, as mentions of kind
    `CUED_ORG`; not a place ("Tokyo shares" are its market's), a nationality ("a British
    newspaper"), an adjective ("A London-based spokesman") nor a full name, and a person
    named in full elsewhere keeps his surname ("Trump spokesman Sean Spicer").

    Example: "A Dunmore spokesman declined to comment on the report." gives "Dunmore",
    ORG."""
    cues = _Cues(document, mentions)
    found = []
    for sentence, sentence_words in enumerate(document.words):
        # the cue words, lowercase but at the sentence's start: most sentences have none,
        # told by one set operation in C
        if not sentence_words or (
            _CUE_WORDS.isdisjoint(sentence_words) and sentence_words[0].lower() not in _CUE_WORDS
        ):
            continue
        at = [i for i, word in enumerate(sentence_words) if word in _CUE_WORDS]
        if sentence_words and sentence_words[0].lower() in _CUE_WORDS and at[:1] != [0]:
            at.insert(0, 0)
        if not at or feats.is_headline(sentence_words):
            continue
        for i in at:
            # a place's shares are its market's ("Tokyo shares"), a nationality's newspaper
            # any of its own ("a British newspaper"); a full name is a person's
            found += [
                (*name[:3], CUED_ORG)
                for name in cues.names(sentence, i)
                if name is not None
                and name[3] != "LOC"
                and " ".join(sentence_words[name[1] : name[2]]).lower()
                not in document.tagger.groups
                and (name[3] != "PER" or name[2] - name[1] == 1)
            ]
    return mentions + found


class _Cues:
    """The names a cue word makes organisations', in one document."""

    def __init__(self, document: Words, mentions: list[Mention]) -> None:
        self.document = document
        self.words = document.words
        self.by_end = {(m[0], m[2]): m for m in mentions}
        self.by_start = {(m[0], m[1]): m for m in mentions}
        self.taken = taken(mentions)

    def is_name_word(self, sentence: int, i: int) -> bool:
        word = self.words[sentence][i]
        return (
            word[:1].isupper()
            and (sentence, i) not in self.taken
            and word.lower() not in DETERMINERS
            and not word.rsplit("-", 1)[-1].islower()
            and not self.document.tagger.lexicon.entries.get(word.lower(), 0) & MONTH_DAY
        )

    def name_at(self, sentence: int, start: int) -> Mention | None:
        """The name from words[sentence][start] on: the model's mention there, else the run
        of capitalised words, unless it reads on into a longer name."""
        name = self.by_start.get((sentence, start))
        if name is not None:
            return name
        sentence_words = self.words[sentence]
        end = start
        while (
            end < len(sentence_words)
            and end - start < MAX_ORG_WORDS
            and self.is_name_word(sentence, end)
        ):
            end += 1
        longer = end + 1 < len(sentence_words) and (
            sentence_words[end] in NAME_JOINERS and sentence_words[end + 1][:1].isupper()
        )  # "the group Human Rights in China"
        return (sentence, start, end, "ORG") if start < end and not longer else None

    def name_before(self, sentence: int, i: int) -> Mention | None:
        """The name before the cue at words[sentence][i] ("Pirelli shares", "Ericsson's
        chief executive")."""
        sentence_words = self.words[sentence]
        end = i - (i > 1 and sentence_words[i - 1] in ("'s", "’s"))
        name = self.by_end.get((sentence, end))
        if name is None:
            first = end
            while first and end - first < MAX_ORG_WORDS and self.is_name_word(sentence, first - 1):
                first -= 1
            name = (sentence, first, end, "ORG") if first < end else None
        return name

    def names(self, sentence: int, i: int) -> list[Mention | None]:
        """The names the cue at words[sentence][i] makes organisations'."""
        sentence_words = self.words[sentence]
        cue = sentence_words[i].lower()
        name = self.name_before(sentence, i) if cue in ORGANISATION_CUES_AFTER and i else None
        start = i + 1
        if cue in ORGANISATION_CUES_BEFORE and start + 1 < len(sentence_words):
            start += sentence_words[start] in ORGANISATION_CUES_BEFORE[cue]
        if not (
            name is None
            and start < len(sentence_words)
            and (cue in BODY_WORDS_BEFORE_NAME or start == i + 2)
        ):
            return [name]
        names = [self.name_at(sentence, start)]
        after = names[0][2] if names[0] is not None else 0
        while after + 1 < len(sentence_words) and sentence_words[after] == "&":
            after = capitalised_run_end(sentence_words, after + 1, _MAX_PARTNER_WORDS)
        if (
            cue in ORGANISATION_CUES_BEFORE
            and after + 1 < len(sentence_words)
            and sentence_words[after] == "and"
        ):
            # "shares in Marks & Spencer and Ocado", "analysts at Barclays and Morgan
            # Stanley": the cue is both names', a full name's too
            joined = self.name_at(sentence, after + 1)
            if joined is not None:
                names.append((*joined[:3], "ORG" if joined[3] == "PER" else joined[3]))
        return names


#: a word written as a brand, not a name: capitals run into lowercase ("MTVu", "ITVBe"), or
#: lowercase into a capital ("eBay", "iTunes"); the model learned such words as people from
#: tweets' user names
_BRAND_SHAPE = re.compile(r"[A-Z]{2,}[a-z]+|[a-z]+[A-Z][A-Za-z]*")


def brands_as_organisations(document: Words, mentions: list[Mention]) -> list[Mention]:
    """A one-word person written as a brand ("an interview with MTVu") is an organisation,
    unless it is a user name ("@realDonaldTrump") or the document names a person with the
    word ("Jacob deGrom").

    Example: "In an interview with KLTVe, he spoke about the show." gives "KLTVe", ORG."""
    words = document.words
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


def place_named_organisations(document: Words, mentions: list[Mention]) -> list[Mention]:
    """A body named after its place or people: a place or nationality the model read,
    followed by capitalised words that end in an organisation word ("New York Stock
    Exchange", "American Stock Exchange", "China Daily"), is one organisation; so is a
    "place" that itself ends in one ("Budapest Stock Exchange"). Not a word that ends
    places' names too ("West Bank", "Atlantic City").

    Example: "Shares fell on the Ostrava Grain Exchange on Monday." gives "Ostrava Grain
    Exchange", ORG, not the place "Ostrava"."""
    tagger, words = document.tagger, document.words
    named = taken(mentions)
    found = []
    for sentence, first, end, kind in mentions:
        sentence_words = words[sentence]
        if kind in ("LOC", "MISC"):
            last = end
            while (
                last < len(sentence_words)
                and last - end < MAX_ORG_WORDS
                and sentence_words[last][:1].isupper()
                and (sentence, last) not in named
            ):
                last += 1
            head = sentence_words[last - 1]
            if (
                (last > end or end - first > 1)
                and is_organisation_head(tagger, head)
                and head.lower() not in PLACE_HEADS
                and not feats.is_headline(sentence_words)
            ):
                end, kind = last, "ORG"
        found.append((sentence, first, end, kind))
    return found


def place_before_a_body(document: Words, mention: Mention) -> Mention:
    """A place the model read as an organisation before a lowercase word for a body is
    where that body is ("customers of a Cardiff bank", "a Leeds hospital").

    Example: "Customers of a Cardiff bank lost money, the police said." gives "Cardiff", a
    place."""
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    if (
        kind == "ORG"
        and end < len(sentence_words)
        and sentence_words[end] in _BODY_NOUNS
        and " ".join(sentence_words[first:end]).lower() in document.tagger.places
    ):
        return sentence, first, end, "LOC"
    return mention


def joined_by_ampersand(document: Words, mentions: list[Mention]) -> list[Mention]:
    """Capitalised words on both sides of "&" are one firm's name ("Douglas & Lomason",
    "Edward D. Jones & Co", "Standard & Poor"), whatever pieces the model read, unless a side
    is a place ("Trinidad & Tobago"); a determiner or an adjective before it is not
    ("Family-controlled Douglas & Lomason").

    Example: "The firm Hobart & Quayle said profits rose." gives "Hobart & Quayle", ORG."""
    found = list(mentions)
    for sentence, sentence_words in enumerate(document.words):
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
            end = capitalised_run_end(sentence_words, k + 1, _MAX_PARTNER_WORDS)
            if first == k or end == k + 1:
                continue
            inside = [m for m in found if m[0] == sentence and m[1] < end and first < m[2]]
            if any(m[3] == "LOC" or m[1] < first or m[2] > end for m in inside):
                continue
            found = [m for m in found if m not in inside]
            found.append((sentence, first, end, "ORG"))
    return found
