"""The tagger: the shipped model, loaded once, tags sentences; its BIO tags become
mentions, the rules after tagging (`newscli.ner.rules`) correct them, and the mentions
become entities with offsets and a type."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from newscli.ner import features as feats
from newscli.ner.rules.acronyms import _defined_acronyms, _organisations
from newscli.ner.rules.common import _LAST_NAME
from newscli.ner.rules.document import _consistent, _without_common_tail, _without_overlaps
from newscli.ner.rules.names import _as_agreement, _is_era
from newscli.ner.rules.organisations import (
    _brands_as_organisations,
    _joined_by_ampersand,
    _organisations_by_context,
    _place_before_a_body,
    _place_named_organisations,
)
from newscli.ner.rules.people import (
    _is_title_alone,
    _no_person_after_the,
    _with_first_names,
    _with_regnal_number,
    _without_home,
    _without_title,
)
from newscli.ner.rules.places import _dateline_places
from newscli.ner.rules.sports import _fixtures, _is_sports, _results_rows, _teams
from newscli.schema import EntityType

if TYPE_CHECKING:
    from newscli.ner.model import Model


MODEL_PATH = Path(__file__).with_name("model.npz")
LABELS = tuple(EntityType)


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


#: company suffixes written with a period ("NationsBank Corp."), lowercase
_ABBREVIATED_SUFFIXES = frozenset("inc corp co cos ltd bros".split())


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
