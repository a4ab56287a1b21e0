"""The tagger: the shipped model, loaded once, tags sentences; its BIO tags become
mentions, the rules after tagging (`newscli.ner.rules`) correct them, and the mentions
become entities with offsets and a type."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from newscli.lexicon import ABBREVIATED_COMPANY_SUFFIXES
from newscli.ner import features as feats
from newscli.ner.rules import RULES, apply, english_words
from newscli.ner.rules.common import LAST_NAME, Mention
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
    leave_out: Collection[str] = (),
) -> list[list[EntitySpan]]:
    """`tag_spans` of each (text, sentence spans, dateline spans), all documents' sentences
    decoded in one call: a batch of sentences costs little more to decode than its longest
    sentence. `leave_out`: ids of rules not to apply (`rules.RULES`)."""
    tagger = load_model()
    words = [
        [feats.token_words(text, start, end) for start, end in sentences]
        for text, sentences, _ in documents
    ]
    keys = [feats.document_keys(document, tagger.lexicon) for document in words]
    tags = iter(tagger.tag(list(chain.from_iterable(keys))))
    found = []
    for (text, sentences, datelines), document in zip(documents, words, strict=True):
        filed_from = frozenset(i for i, sentence in enumerate(sentences) if sentence in datelines)
        read = english_words(tagger, document, filed_from)
        tagged = mentions_of(list(islice(tags, len(document))))
        corrected = apply(RULES, read, tagged, leave_out)
        found.append(entity_spans(tagger, text, sentences, document, corrected))
    return found


def mentions_of(tags: list[list[str]]) -> list[Mention]:
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


def entity_spans(
    tagger: Model,
    text: str,
    sentences: list[tuple[int, int]],
    words: list[list[str]],
    mentions: list[Mention],
    abbreviated: bool = True,
) -> list[EntitySpan]:
    """The entities the mentions name, in text order, with their offsets and types;
    `abbreviated`: whether an organisation takes the period of an abbreviated company suffix
    (English)."""
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
            abbreviated
            and kind == "ORG"
            and last + 1 < len(words[sentence])
            and text[end : end + 1] == "."
            and words[sentence][last - 1].lower() in ABBREVIATED_COMPANY_SUFFIXES
        ):
            # the period of "NationsBank Corp. said" is the name's; at a sentence's end it
            # is the sentence's too, where news leaves it out of the name
            end += 1
        found.append(EntitySpan(start, end, text[start:end], label(tagger, kind, text[start:end])))
    return sorted(found, key=lambda span: (span.start, span.end))


def label(tagger: Model, kind: str, text: str) -> str:
    """The type reported for a mention the model typed `kind` (see `newscli.ner`)."""
    name = text.lower()
    if kind in ("PER", "LOC") and name in tagger.groups:
        # "Israeli", "Russian": a people, whatever the model read ("Dawn French" stays hers)
        value = tagger.lexicon.entries.get(name, 0)
        if kind == "LOC" or not value & LAST_NAME:
            return "NORP"
    if kind == "PER":
        return "PERSON"
    if kind == "LOC":
        return "GPE" if name.removeprefix("the ") in tagger.places else "LOC"
    if kind == "MISC":
        return "NORP" if name in tagger.groups else "MISC"
    return kind
