"""Double quotation marks: which open, which close, and where quotations run.

Curly marks (“ ”), guillemets (« »), the low mark („) and the ``...'' of tokenized corpora
say which way they face; a straight mark (") is read from its neighbours: after a space
or an opening bracket it opens, before a space or punctuation it closes. Single quotes are
left alone here: at the top level they are mostly apostrophes.
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


def open_after(text: str, start: int, end: int, open_quote: bool) -> bool:
    """Whether a quotation is open at `end`, given whether one was open at `start`."""
    for _, direction, _ in marks(text, start, end):
        open_quote = direction == "open"
    return open_quote


def starts_with_opening(text: str) -> bool:
    return bool(text) and (mark_at(text, 0) or ("", 0))[0] == "open"
