"""textstat's word, syllable and familiar-word rules, restated so that textstat is not imported.

Importing any part of textstat runs its package ``__init__``, which imports its CMUdict
loader, which imports all of NLTK: about 380 ms (over a second where scipy is installed)
before a word is counted, for a loader newscli replaces anyway. These are textstat
0.7.13's rules (MIT licence, © 2016 Shivam Bansal; the text is in
``newscli/data/textstat/LICENSE``; its familiar-word lists are read from the installed
textstat, a dependency, without importing it), and
`tests/test_textstat_suite.py` and `tests/test_readability.py` hold them to the installed
textstat's results:

- a word is a whitespace-separated token once punctuation is removed; an apostrophe stays
  only where a contraction follows it (``don't``, ``Iran's``), and a token of punctuation
  alone is no word;
- syllables: CMUdict's first pronunciation where the language is English and the word is
  in it, else Pyphen's hyphenation points plus one, with the language's dictionary;
- a familiar word is one on the language's list (textstat ships lists for English --
  Dale-Chall's -- and Spanish).
"""

import re
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# textstat's constants.RE_NONCONTRACTION_APOSTROPHE and remove_punctuation's class
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")

# Curly apostrophes and ligatures, as typeset news has them, read as plain letters: textstat
# would drop "’" from "doesn’t" and miss the word in CMUdict, and "ﬁ" is no letter it knows.
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff"})


def plain_typography(text: str) -> str:
    return text.translate(_TYPOGRAPHY)


def words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: punctuation removed but for contractions' apostrophes."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def letters_only(word: str) -> str:
    """A word as textstat's ``rm_apostrophe=True`` lists it: what long and short words measure."""
    return word.replace("'", "")


@cache
def _hyphenator(dictionary: str) -> Any:
    # imported when a word is first not in CMUdict: English text may never need it
    from newscli.analysis.readability.hyphenation import hyphenator

    return hyphenator(dictionary)


@lru_cache(maxsize=1 << 16)
def syllables(word: str, dictionary: str, cmudict: bool) -> int:
    """textstat's ``count_syllables`` of one word from `words`, with `dictionary` for Pyphen."""
    word = word.lower()
    if cmudict:
        from newscli.pronunciations import CMUDICT

        try:
            phones = CMUDICT[word][0]
        except (KeyError, IndexError):
            pass
        else:
            return sum(1 for phone in phones if phone[-1].isdigit())
    if word.isdecimal():
        # Pyphen's patterns hold no digits and never break within two characters of an
        # end, so a number has no hyphenation point: one syllable, without loading it.
        return 1
    return len(_hyphenator(dictionary).positions(word)) + 1


@cache
def familiar_words(language: str) -> frozenset[str]:
    """textstat's easy-word list for `language` (lower case), as its loader strips each line,
    read from the installed textstat package without importing it."""
    spec = find_spec("textstat")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("textstat is not installed: pip install newscli again")
    path = Path(spec.origin).parent / "resources" / language / "easy_words.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
