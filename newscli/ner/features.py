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
from collections.abc import Sequence
from dataclasses import dataclass

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

_LETTER = re.compile(r"[^\W\d_]")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """newscli's tokens of text[start:end], with a possessive 's split off ("Iran", "’s") and
    an initial kept with its period ("W." in "W. Hegg")."""
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
    """Lowercase word -> lexicon bits and frequency bin (bits >> 16), from the model file."""

    entries: dict[str, int]

    def features(self, lower: str) -> list[str]:
        value = self.entries.get(lower)
        if value is None:
            return ["f=n"]
        found = [f"g={name}" for bit, name in enumerate(LEXICON_BITS) if value >> bit & 1]
        found.append(f"f={value >> 16}")
        return found

    def frequency(self, lower: str) -> int:
        value = self.entries.get(lower)
        return -1 if value is None else value >> 16

    def is_listed(self, lower: str) -> bool:
        """Whether the word is in any gazetteer list (a place, a name, a demonym...)."""
        return bool(self.entries.get(lower, 0) & 0xFFFF)


def word_features(word: str, flags: int, lexicon: Lexicon) -> list[str]:
    """The features of one token (already truecased when its sentence is a headline)."""
    lower = word.lower()
    case = case_class(word)
    frequency = lexicon.frequency(lower)
    features = [
        "b",
        "w=" + lower,
        "s=" + shape(word),
        "c=" + case,
        "c@=" + case + str(flags & (SENTENCE_START | HEADLINE)),
        "cf=" + case + str(frequency),
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "x2=" + lower[-2:],
        "x3=" + lower[-3:],
        "x4=" + lower[-4:],
    ]
    if case in "UAM":
        # a capitalised word inside a run of them, or alone: case conjoined with the neighbours'
        features.append(f"n={case}{flags >> 4 & 3}{flags & SENTENCE_START}")
    if flags & HEADLINE:
        features.append("hw=" + lower)
    if flags & SEEN_LOWER:
        features.append("dl=" + case)
    if flags & SEEN_CAPITALISED:
        features.append("dc=" + case)
    if "-" in word:
        features.append("hy")
    if "." in word and len(word) > 1:
        features.append("dot")
    features.extend(lexicon.features(lower))
    return features


PAD_FEATURES = {-1: ["BOS"], 1: ["EOS"]}


def is_headline(words: Sequence[str]) -> bool:
    """Mostly capitals (also a lone "STOCKHOLM 1996-08-30"), or Title Case throughout (at
    least three words of four letters or more)."""
    lettered = upper = long_words = capitalised = 0
    for word in words:
        if not (word.isalpha() or _LETTER.search(word)):
            continue
        lettered += 1
        if len(word) > 1 and word.isupper():
            upper += 1
        if len(word) > 3:
            long_words += 1
            capitalised += word[0].isupper()
    if upper and upper >= 0.6 * lettered:
        return True
    return lettered >= 4 and long_words >= 3 and capitalised == long_words


class DocumentCasing:
    """How a document writes each word outside headlines, away from sentence starts."""

    def __init__(self, sentences: Sequence[Sequence[str]], headlines: Sequence[bool]):
        self.forms: dict[str, dict[str, int]] = {}
        self.lowercase: dict[str, int] = {}  # lowercase word -> times written in lowercase
        self.capitalised: dict[str, int] = {}  # ... and written otherwise
        for words, headline in zip(sentences, headlines, strict=True):
            if headline:
                continue
            for word in words[1:]:
                if not word.isalpha() and not _LETTER.search(word):
                    continue
                lower = word.lower()
                forms = self.forms.setdefault(lower, {})
                forms[word] = forms.get(word, 0) + 1
                counts = self.lowercase if word == lower else self.capitalised
                counts[lower] = counts.get(lower, 0) + 1

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

    def flags(self, word: str, counted: bool) -> int:
        """SEEN_LOWER / SEEN_CAPITALISED, not counting this occurrence (if it was counted)."""
        lower = word.lower()
        as_lower = self.lowercase.get(lower, 0)
        capitalised = self.capitalised.get(lower, 0)
        if counted:
            if word == lower:
                as_lower -= 1
            else:
                capitalised -= 1
        return (SEEN_LOWER if as_lower > 0 else 0) | (SEEN_CAPITALISED if capitalised > 0 else 0)


def document_keys(
    sentences: Sequence[Sequence[str]], lexicon: Lexicon
) -> list[list[tuple[str, int]]]:
    """(truecased word, context flags) for each token of each sentence of one document: the
    cache keys."""
    headlines = [is_headline(words) for words in sentences]
    casing = DocumentCasing(sentences, headlines)
    found = []
    for words, headline in zip(sentences, headlines, strict=True):
        if headline:
            words = [casing.truecase(word, lexicon) for word in words]
        capitalised = [word[:1].isupper() for word in words]
        keys = []
        for index, word in enumerate(words):
            flags = (SENTENCE_START if index == 0 else 0) | (HEADLINE if headline else 0)
            if index > 1 and capitalised[index - 1]:
                flags |= AFTER_CAPITALISED
            if index + 1 < len(words) and capitalised[index + 1]:
                flags |= BEFORE_CAPITALISED
            flags |= casing.flags(word, counted=index > 0 and not headline)
            keys.append((word, flags))
        found.append(keys)
    return found
