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

The code: `tagger` loads the model, tags sentences and turns the tags into mentions and
the mentions into entities; `rules` holds the rules after tagging that correct the
mentions, one module a family, applied in the order `rules.RULES` lists them by id. All of
the above is English's. `tag_documents` gives an article in one of
`languages.LANGUAGES` (German, French, Spanish, Italian, Portuguese, Dutch and more) to the
model those languages share, with its own document pass (`newscli.ner.languages`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from newscli.ner.tagger import (
    LABELS,
    MODEL_PATH,
    EntitySpan,
    load_model,
    tag_spans,
    tag_texts,
)

if TYPE_CHECKING:
    from newscli.document import Document

__all__ = [
    "LABELS",
    "MODEL_PATH",
    "EntitySpan",
    "load_model",
    "tag_document",
    "tag_documents",
    "tag_spans",
    "tag_texts",
]


def tag_document(
    document: Document,
    dropped_reasons: Collection[str] = ("dateline",),
    leave_out: Collection[str] = (),
) -> list[EntitySpan]:
    """Entities in a parsed article: its title (when it has offsets), every body sentence,
    and the dropped spans with one of `dropped_reasons` (by default the dateline).
    `leave_out`: ids of rules after tagging not to apply (`rules.RULES`,
    `languages.RULES`)."""
    return tag_documents([document], dropped_reasons, leave_out)[0]


def tag_documents(
    documents: Sequence[Document],
    dropped_reasons: Collection[str] = ("dateline",),
    leave_out: Collection[str] = (),
) -> list[list[EntitySpan]]:
    """`tag_document` of each document, all tagged in one call (`tag_texts`). A document
    in one of `languages.LANGUAGES` is tagged by the model of those languages, with the
    others in its language; every other one as English."""
    from newscli.ner import languages

    texts = [(d.text, _sentences(d, dropped_reasons), _datelines(d)) for d in documents]
    codes = [d.language.code for d in documents]
    if languages.LANGUAGES.isdisjoint(codes):
        return tag_texts(texts, leave_out)
    by_language: dict[str, list[int]] = {}
    for index, code in enumerate(codes):
        by_language.setdefault(code if code in languages.LANGUAGES else "en", []).append(index)
    found: list[list[EntitySpan]] = [[] for _ in documents]
    for code, indices in by_language.items():
        batch = [texts[index] for index in indices]
        tagged = (
            tag_texts(batch, leave_out)
            if code == "en"
            else languages.tag_texts(batch, code, leave_out)
        )
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
