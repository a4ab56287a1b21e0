"""Content words of a sentence, for the analyses that compare sentences by vocabulary.

A small English stop list and a light suffix stripper: enough to match "strike",
"strikes" and "striking" without importing NLTK's stemmers (and their start-up cost).
"""

import re
from functools import lru_cache

from newscli.lexicon import STOPWORDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Strip one common inflectional suffix, keeping at least a four-letter stem."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            return word + "y" if suffix == "ies" else word
    return word


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words of `text` that are not stop words or numbers."""
    terms = []
    for match in _WORD.finditer(text.lower()):
        word = match.group().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if word in STOPWORDS or word.isdigit() or len(word) < 2:
            continue
        terms.append(stem(word))
    return terms


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))
