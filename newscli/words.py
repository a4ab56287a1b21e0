"""Content words of a sentence, for the analyses that compare sentences by vocabulary.

English (and text with no language to tell) reads a small English stop list and a light
suffix stripper: enough to match "strike", "strikes" and "striking" without importing
NLTK's stemmers (and their start-up cost).

Every other language reads its stop words from the `stop-words` package and its stems
from Snowball's stemmer for it (PyStemmer), each loaded when the first article in that
language is met. A language with neither is read as plain lower-cased words; Chinese
and Japanese, written without spaces, as pairs of adjacent characters (what a word of two
characters is; on Chinese Parallel UD they match the English summary's choice far more
often than single characters: see docs/commands/summarize.md).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from newscli.language import UNDETERMINED
from newscli.lexicon import STOPWORDS
from newscli.segment import CJK

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")

#: the languages read with newscli's own English list and stripper
OWN_LANGUAGES = frozenset({"en", UNDETERMINED})

# Other languages: a word is a run of letters and digits, apostrophes and hyphens split it
# (French "l'économie" and Italian "dell'anno" give their noun), and a run of Chinese or
# Japanese script is read as its overlapping pairs of characters.
_PLAIN_WORD = re.compile(rf"[^\W_{CJK}]+|[{CJK}]+")
_CJK_RUN = re.compile(rf"[{CJK}]+")

#: ISO 639-1 codes (CLD2's, and --lang's) -> the name under which `stop-words` keeps the
#: language's stop list and Snowball its stemmer (both use English names)
PACKAGE_NAMES = {
    "ar": "arabic",
    "bg": "bulgarian",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "gu": "gujarati",
    "he": "hebrew",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "ja": "japanese",
    "ko": "korean",
    "lt": "lithuanian",
    "ms": "malaysian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sr": "serbian",
    "st": "sesotho",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "uk": "ukrainian",
    "vi": "vietnamese",
    "yi": "yiddish",
    "zh": "chinese",
}
#: how many stems of one language are remembered: a news vocabulary's worth
_STEM_CACHE = 1 << 16


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Strip one common inflectional suffix, keeping at least a four-letter stem."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            return word + "y" if suffix == "ies" else word
    return word


def content_terms(text: str, language: str = "en") -> list[str]:
    """Lower-cased, stemmed words of `text` that are not stop words or numbers, read as
    `language` (an ISO 639 code) reads them."""
    if language not in OWN_LANGUAGES:
        return vocabulary(language).terms(text)
    terms = []
    for match in _WORD.finditer(text.lower()):
        word = match.group().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if word in STOPWORDS or word.isdigit() or len(word) < 2:
            continue
        terms.append(stem(word))
    return terms


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """How one language's words become content terms."""

    stop_words: frozenset[str]
    #: a word's stem; None where the language has no stemmer
    stem: Callable[[str], str] | None

    def terms(self, text: str) -> list[str]:
        terms: list[str] = []
        stop_words, stem_of = self.stop_words, self.stem
        for match in _PLAIN_WORD.finditer(text.lower()):
            word = match.group()
            if _CJK_RUN.fullmatch(word):
                pairs = [word[i : i + 2] for i in range(len(word) - 1)] or [word]
                terms.extend(pair for pair in pairs if pair not in stop_words)
                continue
            if word in stop_words or word.isdigit() or len(word) < 2:
                continue
            terms.append(stem_of(word) if stem_of else word)
        return terms


@cache
def vocabulary(language: str) -> Vocabulary:
    """`language`'s stop words and stemmer, loaded once; plain words where it has none."""
    name = PACKAGE_NAMES.get(language)
    if name is None:
        return Vocabulary(frozenset(), None)
    return Vocabulary(_stop_words(name), _stemmer(name))


def _stop_words(name: str) -> frozenset[str]:
    """The `stop-words` package's list, with the parts of a word it splits ("aujourd'hui",
    "qu'il") as `Vocabulary.terms` splits them."""
    from stop_words import safe_get_stop_words

    words = set()
    for entry in safe_get_stop_words(name):
        words.update(_PLAIN_WORD.findall(entry.lower()))
    return frozenset(words)


def _stemmer(name: str) -> Callable[[str], str] | None:
    import Stemmer

    if name not in Stemmer.algorithms():
        return None
    return lru_cache(maxsize=_STEM_CACHE)(Stemmer.Stemmer(name).stemWord)


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))
