"""Named entities: a statistical tagger the project trains itself (`newscli.ner.train`).

An averaged structured perceptron over word features in a five-token window, BIO tags and
Viterbi decoding (`model`, `features`), trained on UNER English-EWT and the open genres of
GUM. The model file ships in the package and needs only numpy; it is loaded once per
process, on first use. Importing this module imports neither numpy nor the model.

Types. The model tags PER, ORG, LOC and MISC (UNER's OTHER spans, such as nationalities, and
GUM's other named mentions). They are reported as:

- PER -> PERSON.
- ORG -> ORG.
- LOC -> GPE when the span (less a leading "the") is a country (GeoNames, ISO 3166, or a short
  form such as "U.S."), a US state or a city of GeoNames' 15,000+ inhabitants list;
  otherwise LOC: regions, continents, rivers, mountains, streets.
- MISC -> NORP when the span is a nationality, a religious or a political group ("Iranian",
  "Shiite", "Democrats": demonyms derived from country names, and a short list); otherwise
  MISC: events, works, products and other names.

Offsets are Python string indices into the text given: ``text[span.start:span.end] ==
span.text``. A possessive ’s is not part of an entity ("Iran" in "Iran’s").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

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


def tag_spans(text: str, sentences: list[tuple[int, int]]) -> list[EntitySpan]:
    """Entities in the given sentence spans of `text`, in text order.

    The sentences together are one document: how a word is written in one of them helps
    read it in another (an ALL-CAPS headline, a sentence-initial name), and a name gets the
    type the document gives it most often, wherever it appears capitalised."""
    return tag_texts([(text, sentences)])[0]


def tag_texts(documents: Sequence[tuple[str, list[tuple[int, int]]]]) -> list[list[EntitySpan]]:
    """`tag_spans` of each (text, sentence spans), all documents' sentences decoded in one
    call: a batch of sentences costs little more to decode than its longest sentence."""
    tagger = load_model()
    words = [
        [feats.token_words(text, start, end) for start, end in sentences]
        for text, sentences in documents
    ]
    keys = [feats.document_keys(document, tagger.lexicon) for document in words]
    tags = iter(tagger.tag(list(chain.from_iterable(keys))))
    return [
        _entities(tagger, text, sentences, document, list(islice(tags, len(document))))
        for (text, sentences), document in zip(documents, words, strict=True)
    ]


def _entities(
    tagger: Model,
    text: str,
    sentences: list[tuple[int, int]],
    words: list[list[str]],
    tags: list[list[str]],
) -> list[EntitySpan]:
    """The document pass over one document's tags, and the entities it gives."""
    # where the capitalised words are, for both passes: the others can start no name
    capitalised = [
        [i for i, word in enumerate(sentence_words) if word[:1].isupper()]
        for sentence_words in words
    ]
    mentions = _consistent(tagger, words, capitalised, _mentions(tags))
    mentions += _organisations(tagger, words, capitalised, mentions)
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


def _consistent(
    tagger: Model, words: list[list[str]], capitalised: list[list[int]], mentions: list
) -> list:
    """The document's second pass: each name (case-insensitive) takes its most frequent type,
    a full name's surname counts as a person, and capitalised occurrences the tagger missed
    are added, unless the name is a common word."""
    kinds: dict[tuple[str, ...], Counter[str]] = {}
    for sentence, first, end, kind in mentions:
        name = tuple(w.lower() for w in words[sentence][first:end])
        kinds.setdefault(name, Counter())[kind] += 1
        if kind == "PER" and len(name) > 1 and name[-1][:1].isalpha():
            # news names a person in full once, then by surname: "Palmer" is her too
            kinds.setdefault(name[-1:], Counter())[kind] += 1
    chosen = {name: max(sorted(counts), key=counts.__getitem__) for name, counts in kinds.items()}
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(chosen, key=len, reverse=True):
        if len(name) > 1 or tagger.lexicon.frequency(name[0]) < COMMON_WORD:
            by_first_word.setdefault(name[0], []).append(name)
    taken = {(sentence, i) for sentence, first, end, _ in mentions for i in range(first, end)}
    found = [
        (s, first, end, chosen[tuple(w.lower() for w in words[s][first:end])])
        for s, first, end, _ in mentions
    ]
    for sentence, sentence_words in enumerate(words):
        starts = [i for i in capitalised[sentence] if sentence_words[i].lower() in by_first_word]
        resume = 0  # past the last name found: names do not overlap
        for i in starts:
            if i < resume:
                continue
            for name in by_first_word[sentence_words[i].lower()]:
                end = i + len(name)
                candidate = tuple(w.lower() for w in sentence_words[i:end])
                if candidate == name and not any((sentence, j) in taken for j in range(i, end)):
                    found.append((sentence, i, end, chosen[name]))
                    resume = end
                    break
    return found


#: all-capital words that are not names of organisations
_NOT_ACRONYMS = frozenset("ceo cfo coo mp pm am tv ok id dj pc faq ap gmt est usa uk us un".split())
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


def tag_document(
    document: Document, dropped_reasons: Collection[str] = ("dateline",)
) -> list[EntitySpan]:
    """Entities in a parsed article: its title (when it has offsets), every body sentence,
    and the dropped spans with one of `dropped_reasons` (by default the dateline)."""
    return tag_documents([document], dropped_reasons)[0]


def tag_documents(
    documents: Sequence[Document], dropped_reasons: Collection[str] = ("dateline",)
) -> list[list[EntitySpan]]:
    """`tag_document` of each document, all tagged in one call (`tag_texts`)."""
    return tag_texts([(d.text, _sentences(d, dropped_reasons)) for d in documents])


def _sentences(document: Document, dropped_reasons: Collection[str]) -> list[tuple[int, int]]:
    """The spans `tag_document` tags, in text order."""
    sentences = [(s.start, s.end) for s in document.sentences]
    title = document.title
    if title is not None and title.start is not None and title.end is not None:
        sentences.append((title.start, title.end))
    sentences += [(d.start, d.end) for d in document.dropped if d.reason in dropped_reasons]
    return sorted(sentences)


def _label(tagger: Model, kind: str, text: str) -> str:
    name = text.lower()
    if kind == "PER":
        return "PERSON"
    if kind == "LOC":
        return "GPE" if name.removeprefix("the ") in tagger.places else "LOC"
    if kind == "MISC":
        return "NORP" if name in tagger.groups else "MISC"
    return kind
