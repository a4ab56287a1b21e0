"""What dedupe keeps of a document: hashes and a sample of its shingles, never its text.

A document's body (the cleaned paragraphs of `document.parse`) is normalised -- case
folded, curly quotes and long dashes made plain, whitespace collapsed -- and hashed for
exact duplicates. Its words (letters and digits; punctuation is ignored) make shingles,
runs of `shingle` consecutive words, each hashed to 64 bits; SHINGLE = 4 words scored best
on the evaluation set (3 matches stock phrases of unrelated stories, 5 and 6 miss
reworded copies). The sketch keeps:

- the body's length in words and its number of distinct shingles;
- a *sample*: every shingle whose hash falls in the lowest 1/2**SAMPLE_BITS of the range
  (one in four). A shingle is sampled in every document that has it or in none, so the
  samples of two documents overlap exactly where the documents do, and
  |sample(A) & sample(B)| / |sample(A)| estimates how much of A is in B (containment;
  Broder's mod-m sketch);
- the *lede*: all shingles of the first LEDE_WORDS words (copies keep the opening);
- the hashes of the headline's words.

Sets of hashes are kept as 32 bits each. Hashes are the same in every process and on
every machine (BLAKE2 of each word, mixed by fixed multipliers), so an index written
today answers tomorrow; a test pins them.
"""

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newscli.document import Document
from newscli.duplicates import SHINGLE
from newscli.segment import CJK

#: a shingle is sampled when the top SAMPLE_BITS bits of its hash are 0: one in 4
SAMPLE_BITS = 2
#: the opening words compared to tell a shortened copy from an article quoting another
LEDE_WORDS = 30
#: for the index: sketches made with other settings cannot be compared
SKETCH_VERSION = f"1:s{SAMPLE_BITS}:l{LEDE_WORDS}"

#: what is not part of a word: punctuation, symbols, spaces and the underscore
_NOT_WORD = re.compile(r"[\W_]+")
#: Chinese and Japanese put no spaces between words: each character is a word of its own
_CJK_CHARACTER = re.compile(f"[{CJK}]")
_NOT_WORD_OR_CJK = re.compile(rf"[\W_]+|(?<=[{CJK}])|(?=[{CJK}])")
_PLAIN = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "«": '"',
    "»": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
}
_FANCY = re.compile("[" + "".join(_PLAIN) + "]")
# Odd 64-bit multipliers, one per word position in a shingle (up to MAX_SHINGLE words).
_MULTIPLIERS = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0x27D4EB2F165667C5,
    0xFF51AFD7ED558CCD,
    0xC4CEB9FE1A85EC53,
    0x94D049BB133111EB,
    0xBF58476D1CE4E5B9,
    0xD6E8FEB86659FD93,
    0xA0761D6478BD642F,
)
MAX_SHINGLE = len(_MULTIPLIERS)
_SAMPLE_LIMIT = 1 << (64 - SAMPLE_BITS)
#: a sampled hash is stored as its 32 bits below the SAMPLE_BITS zero bits
_SAMPLE_SHIFT = 32 - SAMPLE_BITS
#: the odd base of the words' polynomial hash
_WORD_BASE = 0xA0761D6478BD642F


@lru_cache(maxsize=1)
def _word_bytes() -> Any:
    """Which bytes of a normalised text are word bytes: a-z, 0-9 and non-ASCII."""
    import numpy as np

    table = np.zeros(256, dtype=bool)
    table[ord("a") : ord("z") + 1] = table[ord("0") : ord("9") + 1] = table[0x80:] = True
    return table


@dataclass(frozen=True, slots=True)
class Sketch:
    """A document as dedupe sees it. Hash sets are sorted, distinct uint32 in bytes."""

    #: 64-bit hash of the normalised body; equal hashes are exact duplicates
    body_hash: int
    #: words in the body
    words: int
    #: distinct shingles in the body
    shingles: int
    sample: bytes
    lede: bytes
    title: bytes


def normalise(text: str) -> str:
    """Case folded, quotes and dashes made plain, runs of whitespace one space."""
    text = text.casefold()
    if not text.isascii():
        text = _FANCY.sub(lambda match: _PLAIN[match.group()], text)
    return " ".join(text.split())


def body_text(document: Document) -> str:
    """The cleaned body: its paragraphs, without title, metadata and dropped spans."""
    return "\n\n".join(paragraph.text for paragraph in document.paragraphs)


def body_hash(normalised: str) -> int:
    return int.from_bytes(hashlib.blake2b(normalised.encode(), digest_size=8).digest(), "little")


def sketch(document: Document, *, shingle: int = SHINGLE) -> Sketch:
    """The sketch of one parsed document."""
    return sketch_many([document], shingle=shingle)[0]


def sketch_many(documents: Sequence[Document], *, shingle: int = SHINGLE) -> list[Sketch]:
    """Sketches of several documents, made together: numpy is called once per batch."""
    import numpy as np

    if not 1 <= shingle <= MAX_SHINGLE:
        raise ValueError(f"shingle must be 1 to {MAX_SHINGLE} words")
    count = len(documents)
    bodies = [normalise(body_text(document)) for document in documents]
    words, lengths = word_hashes(bodies)
    titles, title_lengths = word_hashes(
        [normalise(d.title.text) if d.title is not None else "" for d in documents]
    )
    # every body's words, then shingle-1 zeros, so that no shingle reaches into the next
    # body and a body shorter than a shingle is one shingle, padded
    body_of_word = np.repeat(np.arange(count), lengths)
    padded = np.zeros(len(words) + shingle * (count + 1), dtype=np.uint64)
    padded[np.arange(len(words)) + (shingle - 1) * body_of_word] = words
    starts = np.cumsum(lengths + shingle - 1) - (lengths + shingle - 1)
    span = len(padded) - shingle
    mixed = padded[:span] * np.uint64(_MULTIPLIERS[0])
    for j in range(1, shingle):
        mixed += padded[j : j + span] * np.uint64(_MULTIPLIERS[j])
    mixed = _finalise(mixed)

    width = np.maximum(lengths - shingle + 1, np.minimum(lengths, 1))  # shingles per body
    doc = np.repeat(np.arange(count, dtype=np.uint64), width)
    place = np.arange(int(width.sum())) - np.repeat(np.cumsum(width) - width, width)
    shingles = mixed[np.repeat(starts, width) + place]
    # distinct shingles per body: (body, top 40 bits of the hash), sorted, counted
    keys = _distinct(np.sort((doc << np.uint64(40)) | (shingles >> np.uint64(24))))
    distinct = np.bincount((keys >> np.uint64(40)).astype(np.int64), minlength=count)
    sampled = shingles < np.uint64(_SAMPLE_LIMIT)
    sample = _by_document(doc[sampled], shingles[sampled] >> np.uint64(_SAMPLE_SHIFT), count)
    opening = place < max(1, LEDE_WORDS - shingle + 1)
    lede = _by_document(doc[opening], shingles[opening] >> np.uint64(32), count)
    title_doc = np.repeat(np.arange(count, dtype=np.uint64), title_lengths)
    title = _by_document(title_doc, titles >> np.uint64(32), count)
    return [
        Sketch(
            body_hash=body_hash(bodies[i]),
            words=int(lengths[i]),
            shingles=int(distinct[i]),
            sample=sample[i],
            lede=lede[i],
            title=title[i],
        )
        for i in range(count)
    ]


def _word_runs(text: str) -> str:
    """The text's words separated by spaces, ASCII or not (see `word_hashes`)."""
    if text.isascii():
        return text
    if _CJK_CHARACTER.search(text):
        return _NOT_WORD_OR_CJK.sub(" ", text)
    return _NOT_WORD.sub(" ", text)


def word_hashes(texts: Sequence[str]) -> tuple[Any, Any]:
    """The 64-bit hashes of the words of normalised texts, all together, and each text's
    number of words.

    A word is a run of letters and digits (what ``[^\\W_]+`` finds), hashed from its UTF-8
    bytes b_0 .. b_n-1 as the polynomial sum of b_i * P**i (mod 2**64), then mixed. In
    numpy the whole batch takes a few passes: prefix sums of b_i * P**i give every word's
    sum, and a multiplication by P**-start moves it to its first byte.
    """
    import numpy as np

    # a non-ASCII text keeps its letters (as multi-byte runs) and loses the rest, so
    # that every byte left that is not an ASCII letter or digit separates words
    pieces = [_word_runs(text).encode() for text in texts]
    raw = np.frombuffer(b" ".join(pieces), dtype=np.uint8)
    in_word = np.concatenate([[False], _word_bytes()[raw], [False]]).view(np.int8)
    edge = np.diff(in_word)
    first, last = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
    powers, inverses = _powers(len(raw) + 1)
    sums = np.zeros(len(raw) + 1, dtype=np.uint64)
    np.cumsum(raw.astype(np.uint64) * powers[: len(raw)], out=sums[1:])
    hashes = _finalise((sums[last] - sums[first]) * inverses[first])
    # which text each word is in: texts are joined by one space
    ends = np.cumsum([len(piece) + 1 for piece in pieces])
    return hashes, np.bincount(np.searchsorted(ends, first, side="right"), minlength=len(texts))


_power_cache: list[Any] = []


def _powers(n: int) -> tuple[Any, Any]:
    """P**i and P**-i (mod 2**64) for i < n, computed once and grown as needed."""
    import numpy as np

    if not _power_cache or len(_power_cache[0]) < n:
        size = max(n, 1 << 20)
        powers = np.full(size, _WORD_BASE, dtype=np.uint64)
        powers[0] = 1
        inverses = np.full(size, pow(_WORD_BASE, -1, 1 << 64), dtype=np.uint64)
        inverses[0] = 1
        _power_cache[:] = [np.cumprod(powers), np.cumprod(inverses)]
    return _power_cache[0], _power_cache[1]


def _distinct(values: Any) -> Any:
    """A sorted array without its repeats."""
    import numpy as np

    keep = np.ones(len(values), dtype=bool)
    keep[1:] = values[1:] != values[:-1]
    return values[keep]


def _by_document(doc: Any, values: Any, count: int) -> list[bytes]:
    """Each document's distinct values (below 2**32), sorted, as uint32 bytes."""
    import numpy as np

    keys = _distinct(np.sort((doc << np.uint64(32)) | values))
    owner = keys >> np.uint64(32)
    cuts = np.searchsorted(owner, np.arange(count + 1, dtype=np.uint64)).tolist()
    data = (keys & np.uint64(0xFFFFFFFF)).astype(np.uint32).tobytes()
    return [data[4 * cuts[i] : 4 * cuts[i + 1]] for i in range(count)]


def _finalise(x: Any) -> Any:
    """SplitMix64's finaliser: every input bit flips about half the output bits."""
    import numpy as np

    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x
