"""Named entities: a statistical tagger the project trains itself (`newscli.ner.train`).

An averaged structured perceptron over word features in a five-token window, BIO tags and
Viterbi decoding (`model`, `features`), trained on UNER English-EWT, the open genres of GUM,
and the Broad Twitter Corpus and WNUT 2017 tweets whose names are capitalised. The model file
ships in the package and needs only numpy; it is loaded once per process, on first use.
Importing this module imports neither numpy nor the model.

Types. The model tags PER, ORG, LOC and MISC (UNER's OTHER spans, such as nationalities, and
GUM's other named mentions). They are reported as:

- PER -> PERSON.
- ORG -> ORG.
- LOC -> GPE when the span (less a leading "the") is a country (GeoNames, ISO 3166, or a short
  form such as "U.S."), a US state or a city of GeoNames' 15,000+ inhabitants list;
  otherwise LOC: regions, continents, rivers, mountains, streets.
- In sports copy (several sports words and scores in the document), a town, county or state
  named as a side is the club, ORG ("Leicestershire beat Somerset"), unless it follows "in",
  "at"... or is a dateline's; a country stays a place, as news wires tag national sides.
- MISC -> NORP when the span is a nationality, a religious or a political group ("Iranian",
  "Shiite", "Democrats": demonyms derived from country names, and a short list); otherwise
  MISC: events, works, products and other names.

Offsets are Python string indices into the text given: ``text[span.start:span.end] ==
span.text``. A possessive ’s is not part of an entity ("Iran" in "Iran’s").

All of the above is English's. `tag_documents` gives an article in one of
`languages.LANGUAGES` (German, French, Spanish, Italian, Portuguese, Dutch and more) to the
model those languages share, with its own document pass (`newscli.ner.languages`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from newscli.lexicon import (
    BE_FORMS,
    COMPANY_SUFFIXES,
    DETERMINERS,
    HOME_NATIONS,
    ORGANISATION_NOUNS,
    SPORTS_WORDS,
    SPORTS_WORDS_TOO,
    VENUE_PREPOSITIONS,
)
from newscli.ner import features as feats
from newscli.schema import EntityType

if TYPE_CHECKING:
    from newscli.document import Document
    from newscli.ner.model import Model

MODEL_PATH = Path(__file__).with_name("model.npz")
LABELS = tuple(EntityType)
COMMON_WORD = 5  # zipf frequency from which a one-word name is not spread to other mentions


@dataclass(frozen=True, slots=True)
class EntitySpan:
    start: int
    end: int
    text: str
    label: str


@cache
def load_model() -> Model:
    """The shipped model, loaded on first use."""
    from newscli.ner.model import Model

    return Model.load(MODEL_PATH)


def tag_spans(
    text: str,
    sentences: list[tuple[int, int]],
    datelines: Collection[tuple[int, int]] = (),
) -> list[EntitySpan]:
    """Entities in the given sentence spans of `text`, in text order.

    The sentences together are one document: how a word is written in one of them helps
    read it in another (an ALL-CAPS headline, a sentence-initial name), and a name gets the
    type the document gives it most often, wherever it appears capitalised. The sentences
    that are also in `datelines` name the places the story was filed from."""
    return tag_texts([(text, sentences, datelines)])[0]


def tag_texts(
    documents: Sequence[tuple[str, list[tuple[int, int]], Collection[tuple[int, int]]]],
) -> list[list[EntitySpan]]:
    """`tag_spans` of each (text, sentence spans, dateline spans), all documents' sentences
    decoded in one call: a batch of sentences costs little more to decode than its longest
    sentence."""
    tagger = load_model()
    words = [
        [feats.token_words(text, start, end) for start, end in sentences]
        for text, sentences, _ in documents
    ]
    keys = [feats.document_keys(document, tagger.lexicon) for document in words]
    tags = iter(tagger.tag(list(chain.from_iterable(keys))))
    return [
        _entities(tagger, text, sentences, datelines, document, list(islice(tags, len(document))))
        for (text, sentences, datelines), document in zip(documents, words, strict=True)
    ]


def _entities(
    tagger: Model,
    text: str,
    sentences: list[tuple[int, int]],
    datelines: Collection[tuple[int, int]],
    words: list[list[str]],
    tags: list[list[str]],
) -> list[EntitySpan]:
    """The document pass over one document's tags, and the entities it gives."""
    # where the capitalised words are, for both passes: the others can start no name; and
    # every word in lowercase, for the passes that compare words (each a call into C)
    capitalised = [
        list(
            compress(
                range(len(sentence_words)), map(str.isupper, map(itemgetter(0), sentence_words))
            )
        )
        for sentence_words in words
    ]
    lowered = [list(map(str.lower, sentence_words)) for sentence_words in words]
    tagged = [
        split
        for mention in _mentions(tags)
        for split in _without_home(tagger, words, _without_common_tail(tagger, words, mention))
    ]
    cued = _organisations_by_context(tagger, words, tagged)
    mentions = _consistent(tagger, lowered, capitalised, tagged + cued)
    mentions += _organisations(tagger, words, capitalised, mentions)
    mentions = _place_named_organisations(tagger, words, mentions)
    mentions = [_place_before_a_body(tagger, words, mention) for mention in mentions]
    mentions = _defined_acronyms(tagger, words, mentions)
    mentions = _joined_by_ampersand(words, mentions)
    mentions = [m for m in mentions if not _is_era(words, m)]
    if _is_sports(lowered):
        mentions = _teams(tagger, words, _results_rows(tagger, words, mentions))
        mentions = _fixtures(tagger, words, mentions)
    mentions = [_without_title(tagger, words, mention) for mention in mentions]
    mentions = [m for m in mentions if not _is_title_alone(tagger, words, m)]
    mentions = _with_first_names(tagger, words, mentions)
    mentions = [_with_regnal_number(words, mention) for mention in mentions]
    mentions = [_as_agreement(words, mention) for mention in mentions]
    mentions = [_no_person_after_the(tagger, words, mention) for mention in mentions]
    mentions = _brands_as_organisations(words, mentions)
    mentions = _without_overlaps(mentions)
    filed_from = {i for i, sentence in enumerate(sentences) if sentence in datelines}
    if filed_from:
        mentions = _dateline_places(tagger, words, mentions, filed_from)
    # token offsets, in the sentences with an entity only and up to the last one's end
    reach: dict[int, int] = {}
    for sentence, _, last, _ in mentions:
        reach[sentence] = max(reach.get(sentence, 0), last)
    starts = {
        sentence: feats.token_starts(text, sentences[sentence][0], words[sentence][:last])
        for sentence, last in reach.items()
    }
    found = []
    for sentence, first, last, kind in mentions:
        start = starts[sentence][first]
        end = starts[sentence][last - 1] + len(words[sentence][last - 1])
        if (
            kind == "ORG"
            and last + 1 < len(words[sentence])
            and text[end : end + 1] == "."
            and words[sentence][last - 1].lower() in _ABBREVIATED_SUFFIXES
        ):
            # the period of "NationsBank Corp. said" is the name's; at a sentence's end it
            # is the sentence's too, where news leaves it out of the name
            end += 1
        label = _label(tagger, kind, text[start:end])
        found.append(EntitySpan(start, end, text[start:end], label))
    return sorted(found, key=lambda span: (span.start, span.end))


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


def _mentions(tags: list[list[str]]) -> list[tuple[int, int, int, str]]:
    """(sentence, first token, end token, model type) of each BIO span."""
    found = []
    for sentence, sentence_tags in enumerate(tags):
        if sentence_tags.count("O") == len(sentence_tags):
            continue  # a sentence that names no one, told by one pass in C
        for first in [i for i, tag in enumerate(sentence_tags) if tag.startswith("B-")]:
            end = first + 1
            while end < len(sentence_tags) and sentence_tags[end].startswith("I-"):
                end += 1
            found.append((sentence, first, end, sentence_tags[first][2:]))
    return found


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


#: the kind `_organisations_by_context` gives: an organisation, whatever else the model read
_CUED_ORG = "ORG!"
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


#: what follows a year: "500 BC", "AD 79"
_ERAS = frozenset("bc bce ad ce".split())


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


def _is_era(words: list[list[str]], mention: tuple[int, int, int, str]) -> bool:
    """Whether a one-word mention is an era beside a number ("44 BC", "AD 79", "the 5th
    century BC")."""
    sentence, first, end, _ = mention
    if end - first != 1 or words[sentence][first].lower().rstrip(".") not in _ERAS:
        return False
    beside = words[sentence][max(first - 1, 0) : first + 2]
    return any(word[:1].isdigit() or word in ("century", "millennium") for word in beside)


#: all-capital words that are not names of organisations
_NOT_ACRONYMS = frozenset(
    "ceo cfo coo mp pm am tv ok id dj pc faq ap gmt est usa uk us un bc bce ad ce".split()
)
_ORG_WORD = 1 << feats.LEXICON_BITS.index("org_word")
_MAX_ORG_WORDS = 5


def _organisations(
    tagger: Model, words: list[list[str]], capitalised: list[list[int]], mentions: list
) -> list:
    """Organisations the model misses, by two conventions of news: an acronym ("PMU",
    "NATO"), and capitalised words ending in an organisation word ("CBS News", "Tehran
    University"). Only untagged words, and never in an ALL-CAPS headline."""
    taken = {(sentence, i) for sentence, first, end, _ in mentions for i in range(first, end)}
    found = []
    for sentence, sentence_words in enumerate(words):
        # runs of untagged capitalised words, cut into pieces of at most _MAX_ORG_WORDS
        runs: list[list[int]] = []
        for i in capitalised[sentence]:
            if (sentence, i) not in taken:
                if runs and runs[-1][-1] == i - 1 and len(runs[-1]) < _MAX_ORG_WORDS:
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
    return found


def _names_organisation(tagger: Model, run: list[str], at_start: bool) -> bool:
    last = run[-1].lower()
    if len(run) > 1 and tagger.lexicon.entries.get(last, 0) & _ORG_WORD:
        return not (at_start and len(run) == 2 and run[0].lower() in ("the", "a"))
    word = run[0]
    return (
        len(run) == 1
        and 2 <= len(word) <= 5
        and word.isalpha()
        and word.isupper()
        and word.lower() not in _NOT_ACRONYMS
        and word.lower() not in tagger.places
        and tagger.lexicon.frequency(word.lower()) < COMMON_WORD - 1
    )


#: company suffixes written with a period ("NationsBank Corp."), lowercase
_ABBREVIATED_SUFFIXES = frozenset("inc corp co cos ltd bros".split())
#: words that end an organisation's name beside the lexicon's organisation words
_MORE_ORGANISATION_HEADS = frozenset("exchange daily".split())
#: organisation words that also end places' names ("West Bank", "Atlantic City", "Soviet
#: Union", "Central Clinical Hospital"): after a place they do not make it a body
_PLACE_HEADS = frozenset("bank city union club hospital church school college court".split())


def _is_organisation_head(tagger: Model, word: str) -> bool:
    lower = word.lower()
    listed = tagger.lexicon.entries.get(lower, 0) & _ORG_WORD
    return bool(listed) or lower in _MORE_ORGANISATION_HEADS


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


def _capitalised_run_end(words: list[str], start: int, most: int) -> int:
    """Where the run of at most `most` capitalised words from words[start] ends."""
    end = start
    while end < len(words) and end - start < most and words[end][:1].isupper():
        end += 1
    return end


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


#: lowercase words inside a name its acronym skips ("Organisation for Security and ...")
_NAME_JOINERS = frozenset("of for and the in on de du des la del & -".split())


def _defined_acronyms(tagger: Model, words: list[list[str]], mentions: list) -> list:
    """An acronym defined in the text, "the World Boxing Council (WBC)": the name before
    the parentheses is one entity, whatever pieces the model read, and when it or its
    acronym reads as an organisation, both are one (an acronym in parentheses is news'
    way of naming a body it will mention again)."""
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
                _is_organisation_head(tagger, sentence_words[i - 1])
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
        if not (word[:1].isupper() or word.lower() in _NAME_JOINERS):
            return None
        if (
            word[:1].isupper()
            and word[0].lower() == letters[0]
            and _spells(letters, " ".join(words[first:opening]).lower())
        ):
            if first > 1 and words[first - 1] in _NAME_JOINERS and words[first - 2][:1].isupper():
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


_SPORTS_DOCUMENT = 3  # distinct sports words, and scores such as "2-1" (two at most)
_SPORTS_DENSITY = 0.01  # sports words (and scores) a word of the document, at least
_COUNTRY = 1 << feats.LEXICON_BITS.index("country")
_COUNTRY_PART = 1 << feats.LEXICON_BITS.index("country_part")
_CONTINENT = 1 << feats.LEXICON_BITS.index("continent")
_TOWN = sum(1 << feats.LEXICON_BITS.index(b) for b in ("city", "city_part", "state"))
_ROW_PUNCTUATION = frozenset("- . , ( ) : / %".split())
_MONTH_DAY = 1 << feats.LEXICON_BITS.index("month_day")


def _is_sports(lowered: list[list[str]]) -> bool:
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


def _is_country(tagger: Model, name: list[str]) -> bool:
    """Whether a place name is a country's (or a continent's, or a home nation's)."""
    lowered = [w.lower() for w in name]
    if len(lowered) == 1 and lowered[0] in HOME_NATIONS:
        return True
    entries = tagger.lexicon.entries
    if len(lowered) == 1:
        if entries.get(lowered[0], 0) & (_COUNTRY | _CONTINENT):
            return True
    elif all(entries.get(w, 0) & _COUNTRY_PART for w in lowered if w not in ("of", "the")):
        return True
    # "U.S.", "Britain": a place news names that is no city or state
    return " ".join(lowered) in tagger.places and not any(
        entries.get(w, 0) & _TOWN for w in lowered
    )


def _teams(tagger: Model, words: list[list[str]], mentions: list) -> list:
    """Sports copy names clubs by their town, county or state ("Leicestershire beat
    Somerset") and national sides by their country ("Belgium beat Sweden"): a town is the
    club, an organisation, unless it is where something happens ("at Hove") or where the
    story was filed; a country is the nation, a place, as news wires tag national sides."""
    found = []
    for sentence, first, end, kind in mentions:
        if kind in ("LOC", "ORG"):
            name = words[sentence][first:end]
            if _is_country(tagger, name):
                kind = "LOC"
            elif kind == "LOC" and not _is_venue(tagger, words[sentence], first, end):
                kind = "ORG"
        found.append((sentence, first, end, kind))
    return found


def _results_rows(tagger: Model, words: list[list[str]], mentions: list) -> list:
    """The sides in results and standings rows of sports copy ("Tranmere 4 2 1 1 6 4 7",
    "DETROIT 4 Kansas City 1"), lines of names and numbers alone: each capitalised run
    followed by a number is a side (a club; a country's, a place), unless the model read it
    as a person's full name (golf and athletics rows list people). An ALL-CAPS headline
    ("BELGIUM BEAT TURKEY 2-1") is no row: its common words give it away."""
    entries = tagger.lexicon.entries
    rows = [
        sentence
        for sentence, sentence_words in enumerate(words)
        if any(w[:1].isdigit() for w in sentence_words)
        and all(w[:1].isupper() or w[:1].isdigit() or w in _ROW_PUNCTUATION for w in sentence_words)
        and not any(
            w.isupper()
            and len(w) > 1
            and tagger.lexicon.frequency(w.lower()) >= COMMON_WORD
            and not entries.get(w.lower(), 0) & _PLACE
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
                    kind = "LOC" if _is_country(tagger, name) else "ORG"
                    sides.append((sentence, start, i, kind))
            start = None
    covered = {(sentence, i) for sentence, first, end, _ in sides for i in range(first, end)}
    kept = [m for m in mentions if not any((m[0], i) in covered for i in range(m[1], m[2]))]
    return kept + sides


#: what stands between two sides in a fixture: "Birmingham v Barnsley"
_VERSUS = frozenset("v v. vs vs.".split())
_MAX_SIDE_WORDS = 3


def _fixtures(tagger: Model, words: list[list[str]], mentions: list) -> list:
    """The sides either side of "v" in sports copy ("Postponed: Birmingham v Barnsley,
    Manchester City v Charlton"): each capitalised run is a side, a club (ORG) or a country's
    (a place), whatever pieces the model read."""
    found = list(mentions)
    for sentence, sentence_words in enumerate(words):
        # lowercase only: an ALL-CAPS headline's capitals hide where a side ends ("ENGLAND V
        # PAKISTAN ONE-DAY SCOREBOARD")
        for i in [i for i, word in enumerate(sentence_words) if word in _VERSUS]:
            first = i
            while first and i - first < _MAX_SIDE_WORDS and sentence_words[first - 1][:1].isupper():
                first -= 1
            end = _capitalised_run_end(sentence_words, i + 1, _MAX_SIDE_WORDS)
            longer = end + 1 < len(sentence_words) and (
                sentence_words[end] in _NAME_JOINERS and sentence_words[end + 1][:1].isupper()
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
                kind = "LOC" if _is_country(tagger, name) else "ORG"
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
        or bool(tagger.lexicon.entries.get(after.lower(), 0) & _MONTH_DAY)
    )


_PLACE = sum(
    1 << feats.LEXICON_BITS.index(bit)
    for bit in ("country", "country_part", "city", "city_part", "state", "continent")
)
_COMMON = 4  # zipf frequency from which a word in a dateline is no place name ("CRICKET -")


def _dateline_places(
    tagger: Model, words: list[list[str]], mentions: list, datelines: set[int]
) -> list:
    """A dateline's capitalised runs are the places the story was filed from ("PORT ELLIS,
    Maine —", "HERZLIYA, Israel 1996-08-31"), whatever the model read in them (a headline's
    casing hides which word is a name); a run of common words is no place ("CRICKET -"),
    and what stands in parentheses keeps the model's reading ("(Reuters)")."""
    found = []
    for mention in mentions:
        sentence, first, end, _ = mention
        if sentence not in datelines:
            found.append(mention)
            continue
        before = words[sentence][:first]
        if before.count("(") > before.count(")"):
            found.append(mention)
    entries = tagger.lexicon.entries
    for sentence in sorted(datelines):
        depth = 0
        run: list[int] = []
        for i, word in enumerate([*words[sentence], ""]):
            depth += (word == "(") - (word == ")")
            if depth == 0 and word[:1].isupper():
                run.append(i)
                continue
            if run and any(
                entries.get(w.lower(), 0) & _PLACE or tagger.lexicon.frequency(w.lower()) < _COMMON
                for w in words[sentence][run[0] : run[-1] + 1]
            ):
                found.append((sentence, run[0], run[-1] + 1, "LOC"))
            run = []
    return found


_FIRST_NAME = 1 << feats.LEXICON_BITS.index("first_name")
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


_TITLE_WORD = 1 << feats.LEXICON_BITS.index("title_word")
_LAST_NAME = 1 << feats.LEXICON_BITS.index("last_name")


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


#: what a place names when it is a pact's: "the Paris Agreement", "the Kigali Amendment"
_AGREEMENTS = frozenset(
    "agreement agreements accord accords treaty protocol convention amendment declaration "
    "pact".split()
)


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


#: what ends an event's name: "the Olympic Games", "the World Cup"
_EVENTS = frozenset("games olympics cup championship championships".split())


def _as_agreement(words: list[list[str]], mention: tuple) -> tuple:
    """A place named in a pact's name ("the Paris Agreement", "the Treaty of London") is the
    pact's, a name of its own (MISC), not the place (nor a person: "the Treaty of Tientsin")."""
    sentence, first, end, kind = mention
    sentence_words = words[sentence]
    if kind == "MISC":
        return mention
    after = sentence_words[end] if end < len(sentence_words) else ""
    if after[:1].isupper() and after.lower() in _AGREEMENTS and kind == "LOC":
        return sentence, first, end + 1, "MISC"
    if end - first > 1 and sentence_words[end - 1].lower() in _EVENTS:
        return sentence, first, end, "MISC"  # "the Olympic Games", "the World Cup"
    if (
        first >= 2
        and sentence_words[first - 1] == "of"
        and sentence_words[first - 2][:1].isupper()
        and sentence_words[first - 2].lower() in _AGREEMENTS
    ):
        return sentence, first - 2, end, "MISC"
    return mention


def tag_document(
    document: Document, dropped_reasons: Collection[str] = ("dateline",)
) -> list[EntitySpan]:
    """Entities in a parsed article: its title (when it has offsets), every body sentence,
    and the dropped spans with one of `dropped_reasons` (by default the dateline)."""
    return tag_documents([document], dropped_reasons)[0]


def tag_documents(
    documents: Sequence[Document], dropped_reasons: Collection[str] = ("dateline",)
) -> list[list[EntitySpan]]:
    """`tag_document` of each document, all tagged in one call (`tag_texts`). A document
    in one of `languages.LANGUAGES` is tagged by the model of those languages, with the
    others in its language; every other one as English."""
    from newscli.ner import languages

    texts = [(d.text, _sentences(d, dropped_reasons), _datelines(d)) for d in documents]
    codes = [d.language.code for d in documents]
    if languages.LANGUAGES.isdisjoint(codes):
        return tag_texts(texts)
    by_language: dict[str, list[int]] = {}
    for index, code in enumerate(codes):
        by_language.setdefault(code if code in languages.LANGUAGES else "en", []).append(index)
    found: list[list[EntitySpan]] = [[] for _ in documents]
    for code, indices in by_language.items():
        batch = [texts[index] for index in indices]
        tagged = tag_texts(batch) if code == "en" else languages.tag_texts(batch, code)
        for index, spans in zip(indices, tagged, strict=True):
            found[index] = spans
    return found


def _sentences(document: Document, dropped_reasons: Collection[str]) -> list[tuple[int, int]]:
    """The spans `tag_document` tags, in text order."""
    sentences = [(s.start, s.end) for s in document.sentences]
    title = document.title
    if title is not None and title.start is not None and title.end is not None:
        sentences.append((title.start, title.end))
    sentences += [(d.start, d.end) for d in document.dropped if d.reason in dropped_reasons]
    return sorted(sentences)


def _datelines(document: Document) -> set[tuple[int, int]]:
    return {(d.start, d.end) for d in document.dropped if d.reason == "dateline"}


def _label(tagger: Model, kind: str, text: str) -> str:
    name = text.lower()
    if kind in ("PER", "LOC") and name in tagger.groups:
        # "Israeli", "Russian": a people, whatever the model read ("Dawn French" stays hers)
        value = tagger.lexicon.entries.get(name, 0)
        if kind == "LOC" or not value & _LAST_NAME:
            return "NORP"
    if kind == "PER":
        return "PERSON"
    if kind == "LOC":
        return "GPE" if name.removeprefix("the ") in tagger.places else "LOC"
    if kind == "MISC":
        return "NORP" if name in tagger.groups else "MISC"
    return kind
