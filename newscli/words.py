"""Content words of a sentence, for the analyses that compare sentences by vocabulary.

A small English stop list and a light suffix stripper: enough to match "strike",
"strikes" and "striking" without importing NLTK's stemmers (and their start-up cost).
"""

import re
from functools import lru_cache

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves said says say told according would could may might must
    shall us mr mrs ms one two new also like just get got go going make made many much s t
    re ve ll d n't cnn""".split()
)

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
