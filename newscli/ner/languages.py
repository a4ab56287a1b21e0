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

if TYPE_CHECKING:
    from newscli.ner import EntitySpan
    from newscli.ner.model import Model

MODEL_DIRECTORY = Path(__file__).parent
WEIGHTS_PATH = MODEL_DIRECTORY / "languages.npz"
#: the languages the shared model was trained for and ships a lexicon of, with the reason
#: each is there in the README ("Entities in other languages")
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
) -> list[list[EntitySpan]]:
    """`newscli.ner.tag_texts` of documents in `language` (one of LANGUAGES)."""
    tagger = load_model(language)
    words = [
        [token_words(text, start, end) for start, end in sentences]
        for text, sentences, _ in documents
    ]
    keys = [feats.document_keys(document, tagger.lexicon) for document in words]
    tags = iter(tagger.tag(list(chain.from_iterable(keys))))
    return [
        _entities(tagger, text, sentences, document, list(islice(tags, len(document))))
        for (text, sentences, _), document in zip(documents, words, strict=True)
    ]


def _entities(
    tagger: Model,
    text: str,
    sentences: list[tuple[int, int]],
    words: list[list[str]],
    tags: list[list[str]],
) -> list[EntitySpan]:
    """The document pass of other languages over one document's tags."""
    from newscli.ner.rules.document import _consistent, _without_common_tail, _without_overlaps
    from newscli.ner.tagger import EntitySpan, _label, _mentions

    capitalised = [
        [i for i, word in enumerate(sentence_words) if word[:1].isupper()]
        for sentence_words in words
    ]
    lowered = [[word.lower() for word in sentence_words] for sentence_words in words]
    tagged = [_without_common_tail(tagger, words, mention) for mention in _mentions(tags)]
    mentions = _consistent(tagger, lowered, capitalised, tagged)
    mentions = [_with_company_form(words, mention) for mention in mentions]
    mentions += _named_by_company_form(words, capitalised)
    mentions = [_without_title(tagger, words, mention) for mention in mentions]
    mentions = [_country_as_place(tagger, lowered, mention) for mention in mentions]
    mentions = _without_overlaps([m for m in mentions if not _is_lowercase_misc(words, m)])
    starts = {
        sentence: feats.token_starts(text, sentences[sentence][0], words[sentence])
        for sentence in {mention[0] for mention in mentions}
    }
    found = []
    for sentence, first, last, kind in mentions:
        start = starts[sentence][first]
        end = starts[sentence][last - 1] + len(words[sentence][last - 1])
        found.append(EntitySpan(start, end, text[start:end], _label(tagger, kind, text[start:end])))
    return sorted(found, key=lambda span: (span.start, span.end))


def _is_lowercase_misc(words: list[list[str]], mention: tuple) -> bool:
    """A word derived from a name ("deutschen", "bayerische": GermEval's MISC) is no name."""
    sentence, first, end, kind = mention
    return kind == "MISC" and all(word.islower() for word in words[sentence][first:end])


def _is_company_form(word: str) -> bool:
    return word.lower().replace(".", "") in COMPANY_FORMS


def _with_company_form(words: list[list[str]], mention: tuple) -> tuple:
    """A name with a company form after it, or ending in one, is the firm's: "Siemens AG",
    "Telecom Italia S.p.A."."""
    sentence, first, end, kind = mention
    sentence_words = words[sentence]
    after = sentence_words[end] if end < len(sentence_words) else ""
    if _is_company_form(after) and (after[:1].isupper() or "." in after):
        return sentence, first, end + 1, "ORG"
    if end - first > 1 and _is_company_form(sentence_words[end - 1]):
        return sentence, first, end, "ORG"
    return mention


def _country_as_place(tagger: Model, lowered: list[list[str]], mention: tuple) -> tuple:
    """A country's name is a place, however the model read it ("Regno Unito"), unless it is
    a first name too ("Jordan")."""
    sentence, first, end, kind = mention
    if kind not in ("PER", "ORG"):
        return mention
    name = lowered[sentence][first:end]
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


def _named_by_company_form(words: list[list[str]], capitalised: list[list[int]]) -> list:
    """The capitalised words before a company form name a firm, whether or not the model
    read them as a name ("Renault SA", "Philips NV"); the longest mention wins later."""
    found = []
    for sentence, positions in enumerate(capitalised):
        sentence_words = words[sentence]
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
    return found


def _without_title(tagger: Model, words: list[list[str]], mention: tuple) -> tuple:
    """A person's name without the titles the model read into its start."""
    sentence, first, end, kind = mention
    if kind != "PER":
        return mention
    sentence_words = words[sentence]
    while end - first > 1 and (
        tagger.lexicon.entries.get(sentence_words[first].lower().rstrip("."), 0) & _TITLE_WORD
        or sentence_words[first] == "."
    ):
        first += 1
    return sentence, first, end, kind
