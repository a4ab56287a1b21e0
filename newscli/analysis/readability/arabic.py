"""textstat's Arabic counts for Osman's formula (textstat 0.7.13, MIT; see `rules`).

Pyphen has no Arabic dictionary, so textstat counts Arabic syllables by its own rule: a
short vowel mark (fatha, damma, kasra) is a short syllable, one before alef, waw or ya a
long one, and tanween and shadda stress one; text without vowel marks -- most news --
counts its letters other than alef, less two. That rule is applied to the whole text at
once (the "less two" is once per text), as textstat applies it, and so is each count here.
"""

import re

from newscli.analysis.readability import rules

_TASHKEEL = re.compile("[\u064e\u064b\u064f\u064c\u0650\u064d\u0651\u0652\u0653\u0657\u0658]")
_SHORT_VOWELS = ("\u064e", "\u064f", "\u0650")
_LONG_AFTER = frozenset("\u0627\u0648\u064a")
_STRESS = re.compile("[\u064b\u064c\u064d\u0651]")
_NOT_COUNTED = re.compile(r"[\u0627\u0649\?\.\!\,\s*]")
_COMPLEX_MARKS = re.compile("[\u064e\u064b\u064f\u064c\u0650\u064d\u0651]")
_FASEEH_LETTERS = re.compile("[\u0626\u0621\u0624\u0630\u0638]")
_FASEEH_PAIRS = re.compile("(\u0648\u0627|\u0648\u0646)")


def _words(text: str) -> list[str]:
    """textstat's ``list_words(text, rm_apostrophe=True)``."""
    return [rules.letters_only(word) for word in rules.words(text)]


def syllables(text: str) -> int:
    """textstat's ``count_arabic_syllables``."""
    short = long = 0
    characters = [c for word in _words(text) for c in word]
    for vowel in _SHORT_VOWELS:
        for i, c in enumerate(characters):
            if c != vowel:
                continue
            if i + 1 < len(characters) and characters[i + 1] in _LONG_AFTER:
                long += 1
            else:
                short += 1
    stress = len(_STRESS.findall(text))
    if short == 0:
        short = len(_NOT_COUNTED.sub("", text)) - 2
    return short + 2 * (long + stress)


def complex_words(text: str) -> int:
    """textstat's ``count_complex_arabic_words``: more than five vowel marks."""
    return sum(1 for word in _words(text) if len(_COMPLEX_MARKS.findall(word)) > 5)


def long_words(text: str) -> int:
    """textstat's ``count_arabic_long_words``: more than five letters, vowel marks aside."""
    return sum(1 for word in _words(_TASHKEEL.sub("", text)) if len(word) > 5)


def faseeh(text: str) -> int:
    """textstat's ``count_faseeh``: words of more than five syllables with a faseeh letter."""
    count = 0
    for word in _words(text):
        marks = len(_FASEEH_LETTERS.findall(word)) + len(_FASEEH_PAIRS.findall(word))
        if syllables(word) > 5 and marks > 0:
            count += 1
    return count


def osman_terms(text: str) -> int:
    """What Osman's formula adds up and divides by the words: complex, long and faseeh
    words and syllables."""
    return complex_words(text) + long_words(text) + syllables(text) + faseeh(text)
