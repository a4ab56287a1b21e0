"""Pyphen's hyphenation points, its dictionary's patterns parsed as words need them.

Pyphen parses every pattern of a dictionary when it opens it: about 50 ms for en_US and
500 ms for de_DE or hu_HU, on every `newscli readability` run, although an English article
sends Pyphen only the few words CMUdict lacks. Here the dictionary's lines are indexed by
their letters in a few passes over the whole text (C loops: 10 ms for en_US, 80 ms for
de_DE), and a pattern is parsed by Pyphen's own code when a word first reaches for it;
Pyphen's `HyphDict.positions` and `Pyphen.positions` do the rest. The points are
Pyphen's: tests compare them with its own on every word of the test texts in each
language.
"""

import re
from pathlib import Path
from typing import Any

import pyphen

_DIGIT = re.compile(r"\d")
# Pyphen strips each line of whitespace (but a line break ends a line)
_EDGE_SPACE = re.compile(r"^[^\S\n]+|[^\S\n]+$", re.MULTILINE)
# Lines whose letters are not simply the line without its digits: hex escapes ("^^e4") and
# nonstandard hyphenation ("c1k/k=k,1,2", the part after "/" is no pattern)
_SPECIAL = re.compile(r"^.*[\^/].*$", re.MULTILINE)
_Parsed = tuple[int, tuple[int, ...]] | None


def _hex(pattern: str) -> str:
    return pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), pattern)


def _letters(pattern: str) -> str:
    """What `_parse` gives as a line's letters, without parsing its values."""
    pattern = _hex(pattern)
    if "/" in pattern and "=" in pattern:
        pattern = pattern.split("/", 1)[0]
    return _DIGIT.sub("", pattern)


def _parse(pattern: str) -> tuple[str, _Parsed]:
    """One pattern line as Pyphen's `HyphDict.__init__` reads it: its letters, and its
    start offset and values (None when they are all zero: Pyphen skips such a line)."""
    pattern = _hex(pattern)
    factory: Any = int
    if "/" in pattern and "=" in pattern:
        pattern, alternative = pattern.split("/", 1)
        factory = pyphen.AlternativeParser(pattern, alternative)
    pairs = [(string, factory(i or "0")) for i, string in pyphen.parse(pattern)]
    tags, values = zip(*pairs, strict=True)
    if max(values) == 0:
        return "".join(tags), None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return "".join(tags), (start, values[start:end])


class _Patterns:
    """The ``patterns`` mapping of a `pyphen.HyphDict`, filled as it is asked."""

    def __init__(self, path: Path):
        with path.open("rb") as fd:
            encoding = fd.readline().decode().strip()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        text = _EDGE_SPACE.sub("", path.read_text(encoding))
        # the first line names the encoding; a line's letters are its text without digits
        self._lines = text.split("\n")
        self._letters = _DIGIT.sub("", text).split("\n")
        numbers = range(len(self._letters))
        self._last = dict(zip(self._letters, numbers, strict=True))
        self._first = dict(zip(reversed(self._letters), reversed(numbers), strict=True))
        self._special: dict[str, list[int]] = {}
        number, position = 0, 0
        for match in _SPECIAL.finditer(text):
            number += text.count("\n", position, match.start())
            position = match.start()
            if number and not match.group().startswith(pyphen.ignored):
                self._special.setdefault(_letters(match.group()), []).append(number)
        self.maxlen = max(map(len, self._letters))
        self._parsed: dict[str, _Parsed] = {}

    def _candidates(self, key: str) -> list[int]:
        """The numbers of the lines whose letters may be `key`, in file order."""
        numbers = set(self._special.get(key, ()))
        if key in self._last:
            first, last = self._first[key], self._last[key]
            numbers.update(n for n in range(first, last + 1) if self._letters[n] == key)
        numbers.discard(0)  # the encoding
        return sorted(numbers)

    def get(self, key: str) -> _Parsed:
        if key not in self._parsed:
            found: _Parsed = None
            for number in self._candidates(key):
                line = self._lines[number]
                if not line or line.startswith(pyphen.ignored):
                    continue
                letters, parsed = _parse(line)
                if letters == key and parsed is not None:
                    found = parsed  # a later line overrides an earlier one, as in Pyphen
            self._parsed[key] = found
        return self._parsed[key]


class _HyphDict(pyphen.HyphDict):  # type: ignore[misc]
    """Pyphen's `HyphDict`, its patterns read lazily; its `positions` is Pyphen's."""

    def __init__(self, path: Path):
        self.patterns = _Patterns(path)
        self.maxlen = self.patterns.maxlen
        self.cache: dict[str, Any] = {}


def hyphenator(dictionary: str) -> Any:
    """`pyphen.Pyphen(lang=dictionary)`, on a lazily read dictionary."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(dictionary)]
    # Pyphen keeps one HyphDict per file in this cache, and uses the one it finds there
    pyphen.hdcache.setdefault(path, _HyphDict(path))
    return pyphen.Pyphen(lang=dictionary)
