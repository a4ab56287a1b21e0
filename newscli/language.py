"""Which language an article is in, and which analyses read it.

The parsing core identifies each article's language from its title and cleaned body
(`Document.language`); `--lang CODE` gives it instead. An analysis declares the languages
it reads (`English`, or `ANY`); `left_out` says why it skips an article in another one,
so a record says "entities: English only; article is ru" instead of tagging every
capitalised Russian word a person.
"""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: BCP 47's "undetermined": text with nothing to tell its language by
UNDETERMINED = "und"
#: the analyses that read English only
ENGLISH = frozenset({"en"})
#: for an analysis that reads any language (parse, dedupe, lead summaries)
ANY: frozenset[str] = frozenset()

#: how much of the title and body the identifier reads: a few paragraphs tell the language
#: as surely as the whole article, and the cost grows with the text
SAMPLE_CHARS = 2000
#: the percentage of a text in English that makes it an English one (see `identify`)
ENGLISH_SHARE = 30
#: an analysis reading at most this many languages names them in its `skipped` reason
LISTED_LANGUAGES = 15
#: CLD2's codes that are not ISO 639's (Traditional Chinese is Chinese; "un": unknown)
_ISO = {"iw": "he", "jw": "jv", "zh-Hant": "zh", "sr-ME": "sr", "un": UNDETERMINED}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Identification:
    #: ISO 639-1 code where there is one (ISO 639-3 otherwise), or UNDETERMINED
    code: str
    #: the share of the text read as that language (0-1); None when --lang gave it, or for
    #: UNDETERMINED
    confidence: float | None


def identify(text: str) -> Identification:
    """The language of `text` (the start of it: SAMPLE_CHARS).

    CLD2 is told to expect English: on short English text (headlines, lines of names) that
    halves the share it takes for another language, at a small cost on short text in other
    languages and none on articles. A text it reads as at least ENGLISH_SHARE English is
    English: an English results table of Serbian club names is still an English article
    (make eval). `confidence` is the share of the text CLD2 read as the language.
    """
    import pycld2

    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return Identification(UNDETERMINED, None)
    # CLD2 takes control characters and lone surrogates (from broken pages) for bad UTF-8
    clean = _CONTROL.sub(" ", sample).encode("utf-8", "replace")
    try:
        _, _, found = pycld2.detect(clean, hintLanguage="en")
    except pycld2.error:  # whatever else it cannot read tells no language
        return Identification(UNDETERMINED, None)
    english = sum(percent for _, code, percent, _ in found if code == "en")
    _, code, percent, _ = found[0]
    if english >= ENGLISH_SHARE:
        code, percent = "en", english
    code = _ISO.get(code, code)
    if code == UNDETERMINED or code.startswith(("xx", "zz")):  # unknown, or a script alone
        return Identification(UNDETERMINED, None)
    return Identification(code, percent / 100)


def given(code: str) -> Identification:
    """A language given by the user (--lang): no confidence to report."""
    return Identification(code, None)


def left_out(analysis: str, languages: frozenset[str], language: str) -> str | None:
    """Why `analysis`, which reads `languages` (ANY: every one), skips an article in
    `language`; None when it reads it. Text with no language to tell reads as any."""
    if not languages or language in languages or language == UNDETERMINED:
        return None
    return f"{analysis}: {_reads(languages)} only; article is {language}"


def _reads(languages: Iterable[str]) -> str:
    names = sorted(languages)
    if names == ["en"]:
        return "English"
    # entities and quotes read a dozen or so: their codes, so a reader learns which; readability
    # reads dozens: their number, not a line of codes in every record
    return ", ".join(names) if len(names) <= LISTED_LANGUAGES else f"{len(names)} languages"


class Skips:
    """The articles of a run that an analysis was left out of: one warning at the end."""

    def __init__(self) -> None:
        #: articles by language
        self.languages: Counter[str] = Counter()
        #: the analyses left out, by what they read ("English only"), in the order first met
        self.left_out: dict[str, dict[str, None]] = {}

    def add(self, record: Mapping[str, Any]) -> None:
        reasons = record.get("skipped")
        if reasons:
            self.languages[record["language"]] += 1
            for reason in reasons:
                analysis, _, rest = reason.partition(": ")
                reads = rest.partition("; ")[0]
                self.left_out.setdefault(reads, {})[analysis] = None

    def update(self, other: "Skips") -> None:
        self.languages.update(other.languages)
        for reads, analyses in other.left_out.items():
            self.left_out.setdefault(reads, {}).update(analyses)

    def warning(self, articles: int) -> str | None:
        """One line: how many articles, in which languages, lost which analyses; None if none."""
        if not self.languages:
            return None
        count = sum(self.languages.values())
        found = ", ".join(f"{code} {n}" for code, n in self.languages.most_common())
        what = "; ".join(
            f"{', '.join(analyses)} ({reads})" for reads, analyses in self.left_out.items()
        )
        return f"{count} of {articles} articles in other languages ({found}); left out: {what}"
