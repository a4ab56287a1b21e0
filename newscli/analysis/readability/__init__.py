"""Readability formulas over the cleaned body, from newscli's own sentence counts.

textstat counts sentences with a regex that splits "U.S." and misses "year.The", and it
runs on whatever text it is given, boilerplate included. Here the counts come from the
parse -- body sentences only -- while words, syllables and familiar words follow
textstat's own rules (`rules`), so on text without such ambiguities every formula gives
textstat's value. Each language gets the formulas made for it (`languages`); the others
are None.

    analyze(document, language="en")        # one record for the body
    analyze_by_paragraph(document, "de")     # one per body paragraph, with its offsets

`LANGUAGES` holds the ISO 639-1 codes the analysis scores; a caller checks it first and
skips the analysis for other languages.
"""

from collections.abc import Sequence
from typing import Any, cast

from newscli.analysis.readability.counts import count
from newscli.analysis.readability.formulas import dale_chall_grade, scores
from newscli.analysis.readability.languages import LANGUAGES, RULES
from newscli.document import Document, Paragraph, Sentence
from newscli.schema import ParagraphReadability, ReadabilityScores, fields

__all__ = ["LANGUAGES", "METRICS", "COUNTS", "analyze", "analyze_by_paragraph", "dale_chall_grade"]

#: the scores that have been there from the start, in their order: the eight formulas and
#: the consensus of six of them
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
#: what the formulas count
COUNTS = (
    "sentences",
    "words",
    "syllables",
    "polysyllabic_words",
    "difficult_words",
    "characters",
    "letters",
    "monosyllabic_words",
    "long_words",
    "miniwords",
    "spache_difficult_words",
    "complex_words",
    "whitespace_tokens",
)
_FIELDS = fields(ReadabilityScores)
#: what a text without words has no value for: every score and ratio (its reading time is 0)
UNSCORED = frozenset(_FIELDS) - set(COUNTS) - {"reading_time_seconds"}


def _measure(sentences: Sequence[Sentence], language: str) -> ReadabilityScores:
    try:
        rules = RULES[language]
    except KeyError:
        raise ValueError(
            f"no readability rules for language {language!r}; check LANGUAGES first"
        ) from None
    c = count(sentences, rules)
    values: dict[str, Any] = scores(c, rules)
    if not c.words:
        # no words, no score: null, where the formulas' arithmetic gave 0.0
        values = {name: None if name in UNSCORED else value for name, value in values.items()}
    values.update({name: getattr(c, name) for name in COUNTS})
    return cast(ReadabilityScores, {name: _rounded(values[name]) for name in _FIELDS})


def _rounded(value: Any) -> Any:
    return round(value, 2) if isinstance(value, float) else value


def analyze(document: Document, language: str = "en") -> ReadabilityScores:
    """Every formula and count for the document's body, by `language`'s rules.

    `language` is an ISO 639-1 code in `LANGUAGES`; another raises ValueError.
    """
    return _measure(document.sentences, language)


def analyze_by_paragraph(document: Document, language: str = "en") -> list[ParagraphReadability]:
    """A record per body paragraph, with the paragraph's offsets."""
    return [_paragraph_record(document, p, language) for p in document.paragraphs]


def _paragraph_record(
    document: Document, paragraph: Paragraph, language: str
) -> ParagraphReadability:
    return {
        "paragraph": paragraph.index,
        "start": paragraph.start,
        "end": paragraph.end,
        **_measure(document.sentences_in(paragraph), language),
    }
