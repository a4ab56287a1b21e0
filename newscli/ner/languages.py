"""Entities in languages other than English: one tagger shared by all of them.

One set of weights (`languages.npz`), trained on every language's open data together
(`newscli.ner.train_languages`), and a lexicon per language (`lexicon-<code>.npz`): its word
frequencies (wordfreq), its names of countries (ISO 3166 in the language, from pycountry's
translations), the cities of GeoNames with their other names, first names, and its cue
words (`newscli.lexicon`: company forms, bodies, titles). Features that mean the same in
every language (shape, case in context, frequency, the lists) carry what the model learnt
from the languages with data to those without (Spanish, Italian); the casing features have
a copy per language as well, which only that language's data weighs (German capitalises its
nouns).

A language's lexicon and the shared weights are loaded when the first article in it is met;
an English run loads neither. The document pass keeps the rules that hold in any language:
a name takes the type the document gives it most often and is found again wherever it is
written capitalised, a full name's surname is the person's, a lowercase word the model read
into a name's end is not the name's; and the language's company forms make a name a firm's
("Siemens AG"), its titles stay out of a person's name ("Bundeskanzler Olaf Scholz").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from newscli.lexicon import COMPANY_FORMS, ELIDED_WORDS
from newscli.ner import features as feats
from newscli.ner.rules import BY_ID, Mention, Rule, Words, apply

if TYPE_CHECKING:
    from newscli.ner.model import Model
    from newscli.ner.tagger import EntitySpan

MODEL_DIRECTORY = Path(__file__).parent
WEIGHTS_PATH = MODEL_DIRECTORY / "languages.npz"
#: the languages the shared model was trained for and ships a lexicon of, with the reason
#: each is there in docs/commands/entities.md ("Entities in other languages")
LANGUAGES = frozenset("de fr es it pt nl da sv fi hr sr sk".split())

# "l'Europe", "dell'Unione", "d’Emmanuel": an elided article or preposition, then a word
_ELISION = re.compile(r"([^\W\d_]{1,7})['’](?=[^\W\d_])")
_TITLE_WORD = 1 << feats.LEXICON_BITS.index("title_word")
_COUNTRY = 1 << feats.LEXICON_BITS.index("country")
_COUNTRY_PART = 1 << feats.LEXICON_BITS.index("country_part")
_FIRST_NAME = 1 << feats.LEXICON_BITS.index("first_name")
_MAX_FIRM_WORDS = 4  # capitalised words before a company form that name the firm


def lexicon_path(language: str) -> Path:
    return MODEL_DIRECTORY / f"lexicon-{language}.npz"


@cache
def load_model(language: str) -> Model:
    """The shared weights with `language`'s lexicon, loaded on first use."""
    from newscli.ner.model import Model

    return Model.load_parts(WEIGHTS_PATH, lexicon_path(language), language)


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`features.tokens`, with an elided article or preposition its own token ("l'",
    "Europe"), as the treebanks the model learnt from write it."""
    spans = feats.tokens(text, start, end)
    if text.find("'", start, end) < 0 and text.find("’", start, end) < 0:
        return spans
    split: list[tuple[int, int]] = []
    for token_start, token_end in spans:
        elision = _ELISION.match(text, token_start, token_end)
        if elision is not None and elision.group(1).lower() in ELIDED_WORDS:
            split.append((token_start, elision.end()))
            split.append((elision.end(), token_end))
        else:
            split.append((token_start, token_end))
    return split


def token_words(text: str, start: int, end: int) -> list[str]:
    return [text[s:e] for s, e in tokens(text, start, end)]


def tag_texts(
    documents: Sequence[tuple[str, list[tuple[int, int]], Collection[tuple[int, int]]]],
    language: str,
    leave_out: Collection[str] = (),
) -> list[list[EntitySpan]]:
    """`newscli.ner.tag_texts` of documents in `language` (one of LANGUAGES)."""
    from newscli.ner.tagger import entity_spans, mentions_of

    tagger = load_model(language)
    words = [
        [token_words(text, start, end) for start, end in sentences]
        for text, sentences, _ in documents
    ]
    keys = [feats.document_keys(document, tagger.lexicon) for document in words]
    tags = iter(tagger.tag(list(chain.from_iterable(keys))))
    found = []
    for (text, sentences, _), document in zip(documents, words, strict=True):
        read = Words(
            tagger,
            document,
            [[word.lower() for word in sentence_words] for sentence_words in document],
            [
                [i for i, word in enumerate(sentence_words) if word[:1].isupper()]
                for sentence_words in document
            ],
        )
        tagged = mentions_of(list(islice(tags, len(document))))
        corrected = apply(RULES, read, tagged, leave_out)
        found.append(entity_spans(tagger, text, sentences, document, corrected, abbreviated=False))
    return found


def is_lowercase_misc(document: Words, mention: Mention) -> bool:
    """A word derived from a name ("deutschen", "bayerische": GermEval's MISC) is no name.

    Example: "Der bayerische Ministerpräsident Roland Kessler sagte …" has no entity
    "bayerische"."""
    sentence, first, end, kind = mention
    return kind == "MISC" and all(word.islower() for word in document.words[sentence][first:end])


def _is_company_form(word: str) -> bool:
    return word.lower().replace(".", "") in COMPANY_FORMS


def with_company_form(document: Words, mention: Mention) -> Mention:
    """A name with a company form after it, or ending in one, is the firm's: "Siemens AG",
    "Telecom Italia S.p.A.".

    Example: "La Banca Verdalli s.p.a. ha chiuso l'anno in utile …" gives "Banca Verdalli
    s.p.a.", ORG."""
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    after = sentence_words[end] if end < len(sentence_words) else ""
    if _is_company_form(after) and (after[:1].isupper() or "." in after):
        return sentence, first, end + 1, "ORG"
    if end - first > 1 and _is_company_form(sentence_words[end - 1]):
        return sentence, first, end, "ORG"
    return mention


def country_as_place(document: Words, mention: Mention) -> Mention:
    """A country's name is a place, however the model read it ("Regno Unito"), unless it is
    a first name too ("Jordan").

    Example: "Il Regno Unito e la Francia hanno firmato martedì un accordo …" gives "Regno
    Unito", a place."""
    sentence, first, end, kind = mention
    if kind not in ("PER", "ORG"):
        return mention
    tagger = document.tagger
    name = document.lowered[sentence][first:end]
    entries = tagger.lexicon.entries
    if entries.get(name[0], 0) & _FIRST_NAME:
        return mention
    if (len(name) == 1 and entries.get(name[0], 0) & _COUNTRY) or (
        len(name) > 1
        and all(entries.get(word, 0) & _COUNTRY_PART for word in name)
        and " ".join(name) in tagger.places
    ):
        return sentence, first, end, "LOC"
    return mention


def named_by_company_form(document: Words, mentions: list[Mention]) -> list[Mention]:
    """The capitalised words before a company form name a firm, whether or not the model
    read them as a name ("Renault SA", "Philips NV"); the longest mention wins later.

    Example: "Die Aktie von Vorlander Tessmann GmbH fiel am Montag …" gives "Vorlander
    Tessmann GmbH", ORG, not "Tessmann GmbH"."""
    found = []
    for sentence, positions in enumerate(document.capitalised):
        sentence_words = document.words[sentence]
        for form in positions:
            if form == 0 or not _is_company_form(sentence_words[form]):
                continue
            first = form
            while (
                first > 0
                and form - first < _MAX_FIRM_WORDS
                and sentence_words[first - 1][:1].isupper()
                and not _is_company_form(sentence_words[first - 1])
            ):
                first -= 1
            if first < form:
                found.append((sentence, first, form + 1, "ORG"))
    return mentions + found


def without_title_words(document: Words, mention: Mention) -> Mention:
    """A person's name without the titles the model read into its start (the language's
    title words, and a stray period).

    Example: "El martes Reina Lucía Marteles dijo en Madrid …" gives "Lucía Marteles"."""
    sentence, first, end, kind = mention
    if kind != "PER":
        return mention
    sentence_words = document.words[sentence]
    entries = document.tagger.lexicon.entries
    while end - first > 1 and (
        entries.get(sentence_words[first].lower().rstrip("."), 0) & _TITLE_WORD
        or sentence_words[first] == "."
    ):
        first += 1
    return sentence, first, end, kind


#: the rules of English (`newscli.ner.rules`) that hold in any language, by id
SHARED_RULES = ("without_common_tail", "consistent", "without_overlaps")
#: the rules applied to other languages, in order: English's shared ones and their own
RULES: tuple[Rule, ...] = (
    BY_ID["without_common_tail"],
    BY_ID["consistent"],
    Rule("with_company_form", with_company_form, "mention"),
    Rule("named_by_company_form", named_by_company_form),
    Rule("without_title_words", without_title_words, "mention"),
    Rule("country_as_place", country_as_place, "mention"),
    Rule("is_lowercase_misc", is_lowercase_misc, "drop"),
    BY_ID["without_overlaps"],
)
