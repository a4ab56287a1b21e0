"""textstat's formulas (0.7.13), from counts; None where a formula is not the language's.

Each formula returns 0 where textstat's does: when one of its inputs is zero (an empty
body), rather than dividing by it.
"""

import math
from collections import Counter
from statistics import mean

from newscli.analysis.readability.counts import Counts
from newscli.analysis.readability.languages import Language

#: textstat's reading speed
MS_PER_CHARACTER = 14.69
#: text_standard's grade is kept within kindergarten and graduate school, as textstat does
TEXT_STANDARD_GRADES = (1, 18)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def scores(c: Counts, language: Language) -> dict[str, float | str | None]:
    """Every formula's value for `language` (unrounded), None for those not its own."""
    words_per_sentence = _ratio(c.words, c.sentences)
    syllables_per_word = _ratio(c.syllables, c.words)
    sentences_per_word = _ratio(c.sentences, c.words)
    letters_per_word = _ratio(c.letters, c.words)
    chars_per_word = _ratio(c.characters, c.whitespace_tokens)
    per_word = {
        "words_per_sentence": words_per_sentence,
        "syllables_per_word": syllables_per_word,
        "chars_per_word": chars_per_word,
        "letters_per_word": letters_per_word,
        "sentences_per_word": sentences_per_word,
    }
    long_share = 100 * _ratio(c.long_words, c.words)
    values: dict[str, float | str | None] = {
        "lix": words_per_sentence + long_share if c.words else 0.0,
        "rix": _ratio(c.long_words, c.sentences),
        **per_word,
        "reading_time_seconds": c.characters * MS_PER_CHARACTER / 1000,
        "flesch_reading_ease": None,
    }
    if language.flesch is not None and words_per_sentence and syllables_per_word:
        base, per_sentence_word, per_syllable = language.flesch
        values["flesch_reading_ease"] = (
            base - per_sentence_word * words_per_sentence - per_syllable * syllables_per_word
        )
    elif language.flesch is not None:
        values["flesch_reading_ease"] = 0.0
    own = {
        **_english(c, per_word),
        **_wiener(c, words_per_sentence),
        **_spanish(c, language, per_word),
        "osman": (
            200.791 - 1.015 * words_per_sentence - 24.181 * c.osman_terms / c.words
            if c.osman_terms is not None and c.words
            else 0.0
        ),
        "gulpease_index": (
            300 * sentences_per_word - 10 * chars_per_word + 89
            if sentences_per_word and chars_per_word
            else 0.0
        ),
    }
    values.update(
        {name: value if name in language.formulas else None for name, value in own.items()}
    )
    english = "consensus_grade" in language.formulas
    values["consensus_grade"] = consensus_grade(values) if english else None
    values["text_standard"] = text_standard(values) if english else None
    return values


def _english(c: Counts, per_word: dict[str, float]) -> dict[str, float]:
    wps, spw = per_word["words_per_sentence"], per_word["syllables_per_word"]
    letters_100 = 100 * per_word["letters_per_word"]
    sentences_100 = 100 * per_word["sentences_per_word"]
    difficult_share = 100 * _ratio(c.difficult_words or 0, c.words)
    spache_share = 100 * _ratio(c.spache_difficult_words or 0, c.words)
    dale_chall = 0.1579 * difficult_share + 0.0496 * wps
    if difficult_share > 5:
        dale_chall += 3.6365
    dale_chall_v2 = 0.1579 * spache_share + 0.0496 * wps
    if dale_chall_v2 > 0.05:
        dale_chall_v2 += 3.6365
    linsear = _ratio(c.linsear_easy + 3 * c.linsear_hard, c.linsear_sentences)
    if c.linsear_sentences and linsear <= 20:
        linsear -= 2
    chars_per_word = per_word["chars_per_word"]
    return {
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59 if wps and spw else 0.0,
        "gunning_fog": 0.4 * (wps + 100 * _ratio(c.complex_words or 0, c.words)),
        "smog_index": (
            1.043 * math.sqrt(30 * c.polysyllabic_words / c.sentences) + 3.1291
            if c.sentences
            else 0.0
        ),
        "coleman_liau_index": (
            0.058 * letters_100 - 0.296 * sentences_100 - 15.8
            if letters_100 and sentences_100
            else 0.0
        ),
        "automated_readability_index": (
            4.71 * chars_per_word + 0.5 * wps - 21.43 if chars_per_word and wps else 0.0
        ),
        "dale_chall_readability_score": dale_chall if c.words else 0.0,
        "linsear_write_formula": linsear / 2,
        "dale_chall_readability_score_v2": dale_chall_v2 if c.words else 0.0,
        "spache_readability": 0.141 * wps + 0.086 * spache_share + 0.839 if c.words else 0.0,
        "mcalpine_eflaw": _ratio(c.words + c.miniwords, c.sentences),
    }


def _wiener(c: Counts, words_per_sentence: float) -> dict[str, float]:
    """The four Wiener Sachtextformeln (Bamberger & Vanecek), for German."""
    if not c.words:
        return dict.fromkeys((f"wiener_sachtextformel_{n}" for n in range(1, 5)), 0.0)
    ms = 100 * c.polysyllabic_words / c.words
    sl = words_per_sentence
    iw = 100 * c.long_words / c.words
    es = 100 * c.monosyllabic_words / c.words
    return {
        "wiener_sachtextformel_1": 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875,
        "wiener_sachtextformel_2": 0.2007 * ms + 0.1682 * sl + 0.1373 * iw - 2.779,
        "wiener_sachtextformel_3": 0.2963 * ms + 0.1905 * sl - 1.1144,
        "wiener_sachtextformel_4": 0.2744 * ms + 0.2656 * sl - 1.693,
    }


def _spanish(c: Counts, language: Language, per_word: dict[str, float]) -> dict[str, float]:
    wps, spw = per_word["words_per_sentence"], per_word["syllables_per_word"]
    lpw = per_word["letters_per_word"]
    sentences_100 = 100 * per_word["sentences_per_word"]
    # textstat takes Szigriszt-Pazos's base from the language's Flesch constants
    base = language.flesch[0] if language.flesch is not None else 0.0
    return {
        "fernandez_huerta": 206.84 - 60 * spw - 1.02 * wps if wps and spw else 0.0,
        "szigriszt_pazos": base - 62.3 * spw - wps if c.words and c.sentences else 0.0,
        "gutierrez_polini": 95.2 - 9.7 * lpw - 0.35 * wps if lpw and wps else 0.0,
        "crawford": (
            -0.205 * sentences_100 + 0.049 * 100 * spw - 3.407 if sentences_100 and spw else 0.0
        ),
    }


def consensus_grade(values: dict[str, float | str | None]) -> float:
    """One grade level: the mean of the whole-text grade formulas.

    Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau, ARI and Dale-Chall (put on the grade
    scale by its published table) each lean on a different signal -- sentence length,
    syllables, letters, familiar words -- and their mean cancels much of each one's
    noise. Linsear Write is left out: it scores only a 100-word sample. Flesch reading
    ease is not a grade. `make eval` measures how well this orders texts by difficulty.
    """
    grades = [
        _number(values["flesch_kincaid_grade"]),
        _number(values["gunning_fog"]),
        _number(values["smog_index"]),
        _number(values["coleman_liau_index"]),
        _number(values["automated_readability_index"]),
        dale_chall_grade(_number(values["dale_chall_readability_score"])),
    ]
    return mean(grades)


def _number(value: float | str | None) -> float:
    assert isinstance(value, float), value
    return value


def dale_chall_grade(score: float) -> float:
    """Dale-Chall's score-to-grade table (5.0-5.9: grades 5-6, 6.0-6.9: 7-8, ... 9.0-9.9:
    13-15), as a line through the middle of each band; below 5 the score is the grade."""
    return 2.0 * score - 5.0 if score >= 5.0 else score


def text_standard(values: dict[str, float | str | None]) -> str:
    """textstat's ``text_standard``: the grade most of eight formulas' floors, ceilings and
    roundings agree on (Flesch reading ease by its band), as "10th and 11th grade"."""
    grades: list[int] = []

    def around(name: str) -> None:
        score = _number(values[name])
        grades.extend((math.floor(score), math.ceil(score), round(score)))

    around("flesch_kincaid_grade")
    grades.extend(_flesch_band(_number(values["flesch_reading_ease"])))
    for name in (
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall_readability_score",
        "linsear_write_formula",
        "gunning_fog",
    ):
        around(name)
    # most_common keeps the first grade reached among equally common ones, as textstat's does
    grade = Counter(grades).most_common(1)[0][0]
    lowest, highest = TEXT_STANDARD_GRADES
    upper = int(max(lowest, min(grade, highest)))
    return f"{upper - 1}{_suffix(upper - 1)} and {upper}{_suffix(upper)} grade"


def _flesch_band(score: float) -> tuple[int, ...]:
    """The grades textstat reads from a Flesch reading ease score."""
    if 90 <= score < 100:
        return (5,)
    if 80 <= score < 90:
        return (6,)
    if 70 <= score < 80:
        return (7,)
    if 60 <= score < 70:
        return (8, 9)
    if 50 <= score < 60:
        return (10,)
    if 40 <= score < 50:
        return (11,)
    if 30 <= score < 40:
        return (12,)
    return (13,)


def _suffix(grade: int) -> str:
    if grade % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(grade % 10, "th")
