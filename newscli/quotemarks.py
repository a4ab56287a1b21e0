"""Double quotation marks: which open, which close, and where quotations run.

Curly marks (“ ”), guillemets (« »), the low mark („) and the ``...'' of tokenized corpora
say which way they face; a straight mark (") is read from its neighbours: after a space
or an opening bracket it opens, before a space or punctuation it closes. Single quotes are
left alone here: at the top level they are mostly apostrophes.

Articles in the languages of `MARK_RULES` are read by their conventions instead (`language`
given): German »…« faces the other way from French « … », so a guillemet is read from its
neighbours; inside guillemets, curly and straight marks are inner quotations (Spanish
«… “…” …»); Dutch also quotes with single marks (‘…’, '…').
"""

import re
from collections.abc import Iterator
from typing import Literal

Direction = Literal["open", "close"]

OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
# A straight mark after one of these opens a quotation; before one of these it closes one.
_BEFORE_OPENING = frozenset(" \t\n\r([{—–-:")
_AFTER_CLOSING = frozenset(" \t\n\r.,;:!?)]}—–-…")


_SPACE = frozenset(" \t\n\r\u202a\u202c")
_ENDS_SENTENCE = frozenset(".!?,—–…")


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def mark_at(text: str, i: int) -> tuple[Direction, int] | None:
    """The direction and length of a double quotation mark starting at text[i], if any."""
    char = text[i]
    if char in OPENING:
        # "... the victims.“" : an opening mark typed where a quotation ends
        if char == "“" and i and text[i - 1] in _ENDS_SENTENCE and _after(text, i) in _SPACE:
            return "close", 1
        return "open", 1
    if char in CLOSING:
        # "... aides ”get close to Ben", a paragraph opening "” … they are": a closing mark
        # typed where a quotation opens
        before = _before(text, i)
        if char == "”" and (
            before in _SPACE and _after(text, i) not in _AFTER_CLOSING or before == "\n" or i == 0
        ):
            return "open", 1
        return "close", 1
    if char == "`" and text.startswith("``", i):
        return "open", 2
    if char == "'" and text.startswith("''", i):
        return "close", 2
    if char != '"':
        return None
    before, after = _before(text, i), _after(text, i)
    if before in _BEFORE_OPENING and after not in _AFTER_CLOSING:
        return "open", 1
    if after in _AFTER_CLOSING and before not in _BEFORE_OPENING:
        return "close", 1
    # "... said 'Well done,' " / " 'Oh,' he said": set off by a space from a single mark
    # inside it, as news style has it
    if before == " " and after in " \n" and i > 1 and text[i - 2] in "'’":
        return "close", 1
    if after == " " and before in " \n" and text[i + 2 : i + 3] in ("'", "‘"):
        return "open", 1
    return None  # a mark between spaces, or glued between letters: no direction to trust


_CANDIDATE = re.compile("[“”«»„\"`']")


def marks(text: str, start: int, end: int) -> Iterator[tuple[int, Direction, int]]:
    """(position, direction, length) of each double quotation mark in text[start:end]."""
    skip_to = start
    opened_by = ""  # the mark that opened the quotation now open, if any
    for candidate in _CANDIDATE.finditer(text, start, end):
        i = candidate.start()
        if i < skip_to:
            continue  # the second character of `` or ''
        mark = mark_at(text, i)
        if mark is not None:
            direction = mark[0]
            if opened_by and text[i] in CLOSING:
                direction = "close"  # a closing mark typed with a space after the words
            elif opened_by == "„" and text[i] == "“":
                direction = "close"  # „German style“
            opened_by = text[i] if direction == "open" else ""
            yield i, direction, mark[1]
            skip_to = i + mark[1]


def _guillemets_by_neighbours(text: str, i: int) -> Direction | None:
    """marks_guillemets: a guillemet after a space and before a word opens, one after a
    word and before a space or punctuation closes, whichever way it faces (German »Wir
    schaffen das«, Swiss «Wir schaffen das»); French « … » with spaces inside faces as drawn."""
    before, after = _before(text, i), _after(text, i)
    if before in _BEFORE_OPENING and after not in _SPACE and after not in _AFTER_CLOSING:
        return "open"
    if before not in _SPACE and before not in _BEFORE_OPENING and after in _AFTER_CLOSING:
        return "close"
    return None


#: Dutch clitics written with an apostrophe at the start of a word ('s avonds, 't, 'n)
_CLITIC = re.compile(r"['’][stn]\b")


def _dutch_single(text: str, i: int, opened_by: str) -> Direction | None:
    """marks_dutch_single: Dutch news quotes with single marks (‘Dat klopt niet’, zei hij;
    'Dat klopt niet', zei hij); an apostrophe inside a word (auto's) or opening a clitic
    ('s avonds) is none."""
    before, after = _before(text, i), _after(text, i)
    if opened_by in ("‘", "'") and before not in _SPACE and after in _AFTER_CLOSING:
        return "close" if text[i] in "’'" else None
    if opened_by or text[i] == "’" or _CLITIC.match(text, i):
        return None
    if before in _BEFORE_OPENING and after not in _SPACE and after not in _AFTER_CLOSING:
        return "open"
    return None


#: the quotation-mark rules of the languages read by their own conventions, by id
MARK_RULES = {
    "marks_guillemets": _guillemets_by_neighbours,
    "marks_dutch_single": _dutch_single,
}
#: the languages whose articles are read by their own conventions (`marks_in_language`)
LANGUAGE_MARKS = frozenset({"de", "fr", "es", "it", "pt", "nl"})
_DOUBLE = frozenset('“”„"`')
_CANDIDATE_IN_LANGUAGE = re.compile("[“”«»„\"`'‘’]")


def mark_in_language(
    text: str, i: int, language: str, opened_by: str = ""
) -> tuple[Direction, int] | None:
    """The direction and length of a quotation mark at text[i] in an article in `language`,
    given the mark that opened the quotation now open ("" if none)."""
    char = text[i]
    if char in "«»":
        direction = _guillemets_by_neighbours(text, i)
        if direction is None:
            opens = char == "«" and opened_by not in ("«", "»")
            direction = "open" if opens else "close"
        return direction, 1
    if opened_by in ("«", "»") and (char in _DOUBLE or char in "'‘’"):
        return None  # «… “inner” …»: an inner quotation, part of the outer one
    if char in "'‘’":
        if language != "nl" or opened_by in _DOUBLE:
            return None
        direction = _dutch_single(text, i, opened_by)
        return (direction, 1) if direction else None
    if opened_by in ("‘", "'"):
        return None  # a double mark inside a single-quoted Dutch quotation
    mark = mark_at(text, i)
    if mark is not None and opened_by and text[i] in CLOSING:
        return "close", mark[1]
    if mark is not None and opened_by == "„" and char == "“":
        return "close", 1  # „German style“
    return mark


def marks_in_language(
    text: str, start: int, end: int, language: str
) -> Iterator[tuple[int, Direction, int]]:
    """(position, direction, length) of each quotation mark in text[start:end] of an
    article in `language`, one of LANGUAGE_MARKS."""
    skip_to = start
    opened_by = ""
    for candidate in _CANDIDATE_IN_LANGUAGE.finditer(text, start, end):
        i = candidate.start()
        if i < skip_to:
            continue
        mark = mark_in_language(text, i, language, opened_by)
        if mark is None:
            continue
        direction, length = mark
        if direction == "close" and not opened_by:
            yield i, direction, length  # a stray closing mark: `find` passes over it
            continue
        opened_by = text[i] if direction == "open" else ""
        yield i, direction, length
        skip_to = i + length


def open_after(text: str, start: int, end: int, open_quote: bool) -> bool:
    """Whether a quotation is open at `end`, given whether one was open at `start`."""
    for _, direction, _ in marks(text, start, end):
        open_quote = direction == "open"
    return open_quote


def starts_with_opening(text: str) -> bool:
    return bool(text) and (mark_at(text, 0) or ("", 0))[0] == "open"
