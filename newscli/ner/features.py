"""Tokens and word-level features for the entity tagger, identical at training and run time.

Every feature is a property of one token (its form, shape, affixes, lexicon entries, word
frequency) plus a few context flags: whether it opens its sentence, whether the sentence is
a headline (all capitals or Title Case), whether its neighbours are capitalised, and how the
document writes the same word elsewhere.
The model weighs each token's features at relative positions -2..2, so the summed weights of
one (word, flags) pair can be computed once and cached.

Headline sentences are truecased before their features are taken: "LEICESTERSHIRE TAKE OVER"
becomes "Leicestershire take over" from the casing the rest of the document uses, or from
word frequency when the document never writes the word otherwise.

This module imports nothing heavy: the lexicon comes from the model file.
"""

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import chain
from operator import itemgetter, or_

from newscli import segment

# Lexicon bits: which gazetteer lists a lowercase word appears in (set at training time from
# openly licensed lists, baked into the model file).
LEXICON_BITS = (
    "country",
    "country_part",
    "city",
    "city_part",
    "state",
    "continent",
    "first_name",
    "last_name",
    "demonym",
    "org_word",
    "title_word",
    "month_day",
)
FREQUENCY_BINS = 8  # zipf frequency of the lowercase form, rounded down, capped at 7

# Context flags, part of the cache key.
SENTENCE_START = 1
HEADLINE = 2
SEEN_LOWER = 4  # the document writes this word in lowercase elsewhere (not sentence-initial)
SEEN_CAPITALISED = 8  # ... or capitalised in the middle of a sentence elsewhere
AFTER_CAPITALISED = 16  # the token before is capitalised and does not open the sentence
BEFORE_CAPITALISED = 32  # the token after is capitalised
FLAG_VALUES = 64  # distinct combinations of the flags above

_LETTER = re.compile(r"[^\W\d_]")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """newscli's tokens of text[start:end], with a possessive 's split off ("Iran", "’s") and
    an initial kept with its period ("W." in "W. Hegg")."""
    if not _has_possessive_or_initial(text, start, end):
        return segment.token_spans(text, start, end)  # most sentences: nothing to do
    spans: list[tuple[int, int]] = []
    for token_start, token_end in segment.token_spans(text, start, end):
        if (
            token_end - token_start > 2
            and text[token_end - 1] == "s"
            and text[token_end - 2] in "'’"
            and text[token_end - 3].isalnum()
        ):
            spans.append((token_start, token_end - 2))
            spans.append((token_end - 2, token_end))
        elif (
            text[token_start] == "."
            and spans
            and spans[-1][1] == token_start
            and spans[-1][1] - spans[-1][0] == 1
            and text[token_start - 1].isupper()
        ):
            spans[-1] = (spans[-1][0], token_end)
        else:
            spans.append((token_start, token_end))
    return spans


def token_words(text: str, start: int, end: int) -> list[str]:
    """The text of each of `tokens`' tokens of text[start:end]."""
    if not _has_possessive_or_initial(text, start, end):
        return segment.token_texts(text, start, end)
    return [text[s:e] for s, e in tokens(text, start, end)]


def token_starts(text: str, start: int, words: Sequence[str]) -> list[int]:
    """Where each of `token_words(text, start, ...)` starts: only whitespace lies between
    two tokens (any other character starts one), so each is the next occurrence of its text."""
    starts = []
    position = start
    for word in words:
        position = text.find(word, position)
        starts.append(position)
        position += len(word)
    return starts


def _has_possessive_or_initial(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has an 's or a period after a capital, without which `tokens`
    changes none of newscli's tokens."""
    if text.find("'s", start, end) >= 0 or text.find("’s", start, end) >= 0:
        return True
    period = text.find(".", start + 1, end)
    while period >= 0:
        if text[period - 1].isupper():
            return True
        period = text.find(".", period + 1, end)
    return False


def case_class(word: str) -> str:
    """U: Capitalised, A: ALL CAPS, L: lowercase, M: mIxed, D: digits, P: no letters."""
    if not _LETTER.search(word):
        return "D" if any(c.isdigit() for c in word) else "P"
    if word.islower():
        return "L"
    if word.isupper():
        return "A" if sum(c.isalpha() for c in word) > 1 else "U"
    if word[0].isupper() and word[1:].islower():
        return "U"
    return "M"


def shape(word: str) -> str:
    """Character classes with runs collapsed: "McDonald" -> "XxXx", "1996-08-30" -> "d-d-d"."""
    out: list[str] = []
    for char in word:
        if char.isupper():
            kind = "X"
        elif char.islower():
            kind = "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out[:6])


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lowercase word -> lexicon bits and frequency bin (bits >> 16), from the model file.

    `language`: empty for the English model; for the model shared by other languages
    (`newscli.ner.languages`), the language whose word frequencies and lists these are,
    which also names a copy of the casing features that only that language's data weighs
    (German capitalises every noun: a capitalised common word means something else there)."""

    entries: dict[str, int]
    language: str = ""

    def features(self, lower: str) -> list[str]:
        value = self.entries.get(lower)
        return ["f=n"] if value is None else list(_entry_features(value))

    def frequency(self, lower: str) -> int:
        value = self.entries.get(lower)
        return -1 if value is None else value >> 16

    def is_listed(self, lower: str) -> bool:
        """Whether the word is in any gazetteer list (a place, a name, a demonym...)."""
        return bool(self.entries.get(lower, 0) & 0xFFFF)


@cache
def _entry_features(value: int) -> tuple[str, ...]:
    """A lexicon entry's lists and frequency bin as features (entries share few values)."""
    lists = [f"g={name}" for bit, name in enumerate(LEXICON_BITS) if value >> bit & 1]
    return (*lists, f"f={value >> 16}")


CASES = "ULAMDP"  # `case_class`'s classes, in the order of the model's context rows


def word_features(word: str, flags: int, lexicon: Lexicon) -> list[str]:
    """The features of one token (already truecased when its sentence is a headline)."""
    return lexical_features(word, bool(flags & HEADLINE), lexicon) + context_features(
        case_class(word), flags, lexicon.language
    )


def lexical_features(word: str, headline: bool, lexicon: Lexicon) -> list[str]:
    """The features of a token that depend on its word alone (and on whether it is a
    headline's): the model weighs each word once, whatever its context flags."""
    lower = word.lower()
    case = case_class(word)
    features = [
        "b",
        "w=" + lower,
        "s=" + shape(word),
        "c=" + case,
        "cf=" + case + str(lexicon.frequency(lower)),
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "x2=" + lower[-2:],
        "x3=" + lower[-3:],
        "x4=" + lower[-4:],
    ]
    if headline:
        features.append("hw=" + lower)
    if "-" in word:
        features.append("hy")
    if "." in word and len(word) > 1:
        features.append("dot")
    features.extend(lexicon.features(lower))
    if lexicon.language:
        features.append(lexicon.language + ":" + features[4])  # cf=, the language's own
    return features


def context_features(case: str, flags: int, language: str = "") -> list[str]:
    """The features of a token that depend on its case class and context flags alone (and,
    in the shared model of other languages, a copy of them for the token's language)."""
    features = ["c@=" + case + str(flags & (SENTENCE_START | HEADLINE))]
    if case in "UAM":
        # a capitalised word inside a run of them, or alone: case conjoined with the neighbours'
        features.append(f"n={case}{flags >> 4 & 3}{flags & SENTENCE_START}")
    if flags & SEEN_LOWER:
        features.append("dl=" + case)
    if flags & SEEN_CAPITALISED:
        features.append("dc=" + case)
    if language:
        features += [language + ":" + feature for feature in features]
    return features


PAD_FEATURES = {-1: ["BOS"], 1: ["EOS"]}


def is_headline(words: Sequence[str]) -> bool:
    """Mostly capitals (also a lone "STOCKHOLM 1996-08-30"), or Title Case throughout (at
    least three words of four letters or more)."""
    lowercase = list(filter(str.islower, words))
    if 5 * len(lowercase) > 2 * len(words) and max(map(len, lowercase)) > 3:
        # most sentences, told without a loop in Python: with over 40% of its words in
        # lowercase, under 60% of its lettered words are capitals, and a lowercase word of
        # four letters or more breaks Title Case
        return False
    lettered = [word for word in words if word.isalpha() or _LETTER.search(word)]
    upper = sum(len(word) > 1 and word.isupper() for word in lettered)
    if upper and upper >= 0.6 * len(lettered):
        return True
    long_words = [word for word in lettered if len(word) > 3]
    return (
        len(lettered) >= 4
        and len(long_words) >= 3
        and all(word[0].isupper() for word in long_words)
    )


_AFTER_CAPITALISED = (0, AFTER_CAPITALISED)  # by whether the token before is capitalised
_BEFORE_CAPITALISED = (0, BEFORE_CAPITALISED)


class DocumentCasing:
    """How a document writes each word outside headlines, away from sentence starts."""

    def __init__(self, sentences: Sequence[Sequence[str]], headlines: Sequence[bool]):
        self.lowercase: dict[str, int] = {}  # lowercase word -> times written in lowercase
        self.capitalised: dict[str, int] = {}  # ... and written otherwise
        # each distinct word once: a document repeats its words
        self._counted = counted = Counter(
            chain.from_iterable(
                words[1:]
                for words, headline in zip(sentences, headlines, strict=True)
                if not headline
            )
        )
        lowercase, capitalised = self.lowercase, self.capitalised
        for word, times in counted.items():
            lower = word.lower()
            if word != lower:  # a capital: a letter
                capitalised[lower] = capitalised.get(lower, 0) + times
            elif word.isalpha() or _LETTER.search(word):
                lowercase[lower] = lowercase.get(lower, 0) + times
        # what an occurrence that was counted sees of the others: `flags` less itself, for
        # every word counted at once (a word without letters sees nothing)
        self.seen_by_counted = {
            word: (SEEN_LOWER if lowercase.get(lower := word.lower(), 0) > (word == lower) else 0)
            | (SEEN_CAPITALISED if capitalised.get(lower, 0) > (word != lower) else 0)
            for word in counted
        }

    @cached_property
    def forms(self) -> dict[str, dict[str, int]]:
        """Lowercase word -> how many times the document writes it in each form (asked for
        only in documents with a headline)."""
        forms: dict[str, dict[str, int]] = {}
        for word, times in self._counted.items():
            if word.isalpha() or _LETTER.search(word):
                forms.setdefault(word.lower(), {})[word] = times
        return forms

    def truecase(self, word: str, lexicon: Lexicon) -> str:
        """The document's usual form of a headline word, else a guess from frequency."""
        forms = self.forms.get(word.lower())
        if forms:
            return max(sorted(forms), key=forms.__getitem__)
        if not _LETTER.search(word):
            return word
        lower = word.lower()
        if lexicon.frequency(lower) >= 4 and not lexicon.is_listed(lower):
            return lower  # a common word and no name
        if word.isupper() and len(word) <= 4:
            return word  # NATO, BBC, U.S.
        return word[0].upper() + word[1:].lower()

    def flags(self, word: str) -> int:
        """SEEN_LOWER / SEEN_CAPITALISED of an occurrence that was not counted (a sentence's
        first word, a headline's)."""
        lower = word.lower()
        return (SEEN_LOWER if self.lowercase.get(lower, 0) > 0 else 0) | (
            SEEN_CAPITALISED if self.capitalised.get(lower, 0) > 0 else 0
        )


class _Memo(dict[str, int]):
    """function(key) for each key asked for, computed once."""

    def __init__(self, function: Callable[[str], int]):
        super().__init__()
        self.function = function

    def __missing__(self, key: str) -> int:
        value = self[key] = self.function(key)
        return value


#: one sentence's cache keys: its (truecased) words, and each word's context flags
SentenceKeys = tuple[list[str], list[int]]


def document_keys(sentences: Sequence[Sequence[str]], lexicon: Lexicon) -> list[SentenceKeys]:
    """The truecased words and context flags of each sentence of one document: the cache
    keys, word by word."""
    headlines = [is_headline(words) for words in sentences]
    casing = DocumentCasing(sentences, headlines)
    # the document's casing of each word, computed once per word: words repeat
    seen_counted = casing.seen_by_counted
    seen_uncounted = _Memo(casing.flags)
    found: list[SentenceKeys] = []
    for words, headline in zip(sentences, headlines, strict=True):
        if not words:
            found.append(([], []))
            continue
        words = [casing.truecase(word, lexicon) for word in words] if headline else list(words)
        # whether each token is capitalised, the sentence's first word counting as no
        # capital; each flag made by one call into C per sentence
        capitalised = list(map(str.isupper, map(itemgetter(0), words)))
        capitalised[0] = False
        after = [0, *map(_AFTER_CAPITALISED.__getitem__, capitalised[:-1])]
        before = [*map(_BEFORE_CAPITALISED.__getitem__, capitalised[1:]), 0]
        seen = seen_uncounted if headline else seen_counted  # as `casing` counted them
        flags = list(
            map(
                or_,
                map(or_, after, before),
                [seen_uncounted[words[0]], *map(seen.__getitem__, words[1:])],
            )
        )
        flags[0] |= SENTENCE_START
        if headline:
            flags = [word_flags | HEADLINE for word_flags in flags]
        found.append((words, flags))
    return found
