"""Sentence boundaries and tokens for news prose, as offsets into the original text.

A rule-based splitter measured against gold news sentences (docs/commands/parse.md): a period,
question or exclamation mark, or ellipsis ends a sentence when what follows looks like
a sentence start. News is full of periods that do not end sentences -- "U.S.", "Gen.",
"Jan. 8", "a.m.", initials -- and of sentences that end inside a quotation
(``.” he said``). Abbreviations come in three kinds: those that never end a sentence
(titles before a name), those before a number ("No. 5", "Jan. 8"), and those that may
(U.S., Inc., a.m.), which end one only when the next word is a common sentence opener.

The splitter works on one paragraph at a time; paragraph breaks are always boundaries.
"""

import re
from collections.abc import Iterator

from newscli.lexicon import (
    AMBIGUOUS_ABBREVIATIONS,
    INNER_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    ORDINAL_NOUNS,
    SENTENCE_OPENERS,
    TITLE_ABBREVIATIONS,
)

_OPENING_PUNCT = "\"'“‘«([{`"
_CLOSING_PUNCT = "\"'”’»)]}"
_DASHES = "-–—"

#: Chinese and Japanese script: no spaces between words, full stops with no space after
CJK = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# A sentence-ending run of punctuation, any closing quotes or brackets after it, and then
# either whitespace or, for the common "year.The" typo, a capitalised word glued on. Other
# scripts' marks end one as "?" does: Arabic's question mark and Urdu's full stop, the
# Devanagari danda, the Armenian and Ethiopic full stops. A CJK full stop, question or
# exclamation mark (and its closing quotes) ends one whatever follows. The lookahead first
# names every mark a match can start with: it lets the scan skip the other characters four
# times faster than trying both alternatives at each one.
_TERMINATOR = re.compile(
    r"(?=[.…!?؟۔।॥։።。！？｡])"
    r"(?:(?P<term>\.{2,}|…|[.!?؟۔।॥։።]+)(?P<close>[\"'”’“‘»)\]]*(?: '')?)"
    r"(?=(?P<space>\s)|(?P<glued>[A-Z][a-z]))"
    r"|(?P<cjk>[。！？｡]+)[”’」』）)]*)"
)
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$")
_NEXT_WORD = re.compile(r"\S+")
_CREDIT_LABEL = re.compile(r"(?<=[^\s.!?…])\s+(?=(?:Image|Photo|Photograph|Picture|Credit)s?:\s)")
_CREDIT_WORDS = ("Image", "Photo", "Picture", "Credit")  # what a credit label starts with
_ENUMERATOR = re.compile(r"\s*(?:\d{1,3}\.)*\d{1,3}")
_ROMAN = re.compile(r"[IVXLC]+\b")
_CITATION = re.compile(r"\[\d+(?:\s*[-–,]\s*\d+)*\]")


def _word_before(text: str, position: int, lower_bound: int) -> str:
    """The whitespace-delimited chunk ending at `position`, stripped of opening marks."""
    start = position
    while start > lower_bound and not text[start - 1].isspace():
        start -= 1
    return text[start:position].lstrip(_OPENING_PUNCT)


def _is_boundary(term: str, previous: str, following: str, caseless: bool) -> bool:
    """Decide whether `term` (after `previous`, before `following`) ends a sentence."""
    bare_next = following.lstrip(_OPENING_PUNCT)
    if not bare_next:
        return bool(following)  # an opening mark on its own: a quotation starts
    first = bare_next[0]
    if _CITATION.match(following):
        return False  # "... in 1805. [19] He" keeps its reference mark
    if (first.islower() and not caseless) or first in _DASHES or first in ",;:":
        return False  # '.” he said', '“Why?” she asked', 'e.g. this'
    if term != ".":
        return True  # '?', '!', '...' before a capital, digit or quotation
    key = previous.lower()
    if key in TITLE_ABBREVIATIONS or key in INNER_ABBREVIATIONS:
        return False
    word = bare_next.rstrip(_CLOSING_PUNCT + ".,;:!?").lower()
    if previous.isdecimal() and len(previous) <= 3 and word in ORDINAL_NOUNS:
        return False  # "am 3. Oktober"
    if len(previous) == 1 and previous.islower() and not caseless:
        return False  # "z. B.", "u. a.", "d. h.": a lowercase letter alone is abbreviated
    if key in NUMBER_ABBREVIATIONS and (first.isdigit() or _ROMAN.match(bare_next)):
        return False
    ambiguous = (
        key in AMBIGUOUS_ABBREVIATIONS
        or _DOTTED_ABBREVIATION.match(previous) is not None
        # an initial: "John F. Kennedy"
        or (len(previous) == 1 and (previous.isalpha() if caseless else previous.isupper()))
    )
    if ambiguous:
        return word in SENTENCE_OPENERS or len(bare_next) != len(following)
    return True


def sentence_spans(
    text: str, start: int, end: int, *, caseless: bool = False
) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in text[start:end], trimmed of whitespace.

    text[start:end] must be one paragraph: line breaks inside it are taken for hard wraps,
    not boundaries (`document.parse` splits paragraphs first). A photo credit run on after
    a caption ("Crowds at the expo Image: Jo Lee.") is a unit of its own.

    `caseless` is for text that was lower-cased (some corpora are): a lowercase word may
    then start a sentence.
    """
    # the label's words looked for first: a paragraph seldom has one, and `find` is far
    # cheaper than the pattern's scan of every space
    if any(text.find(word, start, end) >= 0 for word in _CREDIT_WORDS):
        for credit in _CREDIT_LABEL.finditer(text, start, end):
            yield from _sentences(text, start, credit.start(), caseless)
            start = credit.start()
    yield from _sentences(text, start, end, caseless)


def _sentences(text: str, start: int, end: int, caseless: bool) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _TERMINATOR.finditer(text, start, end):
        boundary = match.end()
        if match["cjk"]:
            span = _trim(text, cursor, boundary)
            if span:
                yield span
            cursor = boundary
            continue
        if (
            match["term"] in ("...", "…")
            and match.start() > start
            and text[match.start() - 1] == " "
        ):
            continue  # a spaced ellipsis marks an omission ("Scientology. ... The next")
        if match["term"] == "." and _is_enumerator(text, cursor, match.start()):
            continue  # "1. First item", "2.1. Scope"
        if match["glued"]:
            previous = _word_before(text, match.start(), start)
            # only "year.The": a lowercase word glued to a capitalised one
            if not (previous[-2:].isalpha() and previous[-2:].islower()):
                continue
            following = text[boundary : boundary + 40]
        else:
            previous = _word_before(text, match.start(), start)
            next_match = _NEXT_WORD.search(text, boundary, end)
            if next_match is None:
                break
            following = next_match.group()
        if not _is_boundary(match["term"], previous, following, caseless):
            continue
        span = _trim(text, cursor, boundary)
        if span:
            yield span
        cursor = boundary
    span = _trim(text, cursor, end)
    if span:
        yield span


def _is_enumerator(text: str, sentence_start: int, position: int) -> bool:
    """Whether only a list or section number precedes `position` in the sentence."""
    return _ENUMERATOR.fullmatch(text, sentence_start, position) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# Tokens: dotted abbreviations keep their periods (U.S.), numbers keep their separators
# (1,000.5, 10:30), words keep inner apostrophes and hyphens (don't, Iran’s, de-escalate).
# Chinese and Japanese characters are a token each: the scripts put no space between words.
_WORD = rf"[^\W{CJK}]+"
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|\d+(?:[.,:]\d+)*"
    rf"|{_WORD}(?:['’]{_WORD})*(?:[-‐]{_WORD}(?:['’]{_WORD})*)*"
    r"|\.{3}|--+"
    r"|\S",
)


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each token in text[start:end]."""
    # a list comprehension, not a generator: the entity tagger asks for every token
    return [match.span() for match in _TOKEN.finditer(text, start, end)]


def token_texts(text: str, start: int, end: int) -> list[str]:
    """The text of each token in text[start:end]: `token_spans` without the match objects,
    for a caller that needs the words of every sentence and the offsets of a few."""
    return _TOKEN.findall(text, start, end)
