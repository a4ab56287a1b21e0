"""The tagger's linear model: weights per word feature and relative position, BIO transitions,
Viterbi decoding, and the pickle-free model file.

A token's score for each tag is the sum, over the tokens at relative positions -2..2, of the
weights of their word features at that position. So a token contributes one (5, tags) block
that depends only on its cache key (truecased word, context flags): computed once per
process, a sentence is scored with five array additions and decoded with Viterbi.
"""

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newscli.ner import features as feats

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
WINDOW = 2  # relative positions -WINDOW..WINDOW
OFFSETS = 2 * WINDOW + 1
FORBIDDEN = -1e6
BLOCK_CACHE_SIZE = 2**16  # cached cache keys (about 12 MB) before the cache starts over
MAX_SENTENCE = 256  # tokens decoded as one sequence; a longer "sentence" goes in pieces
BATCH_TOKENS = 4096  # tokens decoded in one batch


def allowed_transitions() -> np.ndarray:
    """(tags + 1, tags): 0 where BIO allows the move, FORBIDDEN where not; the last row is
    the start of a sentence."""
    mask = np.zeros((len(TAGS) + 1, len(TAGS)))
    for to, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            for source, previous in enumerate(TAGS):
                if previous[2:] != tag[2:]:
                    mask[source, to] = FORBIDDEN
            mask[len(TAGS), to] = FORBIDDEN
    return mask


def viterbi(emissions: np.ndarray, lengths: Sequence[int], transitions: np.ndarray) -> list:
    """Best tag sequence of each sentence. emissions: (sentences, max length, tags);
    transitions: (tags + 1, tags), the last row from the start, BIO mask included."""
    batch, longest, tags = emissions.shape
    step, start = transitions[:-1].astype(np.float32), transitions[-1]
    # (length, batch, from, to): transition plus emission, then plus the best score so far
    moves = emissions.transpose(1, 0, 2)[:, :, None, :] + step
    best = np.empty((longest, batch, tags), dtype=moves.dtype)  # best score ending in each tag
    best[0] = emissions[:, 0] + start
    add, maximum = np.add, np.maximum.reduce
    for t in range(1, longest):
        add(moves[t], best[t - 1][:, :, None], out=moves[t])
        maximum(moves[t], axis=1, out=best[t])
    backpointers = moves.argmax(axis=2)  # all steps at once (step 0's row is never read)
    final = best[np.array(lengths) - 1, np.arange(batch)]
    last = final.argmax(axis=1).tolist()
    pointers = backpointers.transpose(1, 0, 2).tolist()
    paths = []
    for b, length in enumerate(lengths):
        tag = last[b]
        path = [tag]
        rows = pointers[b]
        for t in range(length - 1, 0, -1):
            tag = rows[t][tag]
            path.append(tag)
        path.reverse()
        paths.append(path)
    return paths


class Model:
    """A trained tagger: feature weights, transitions, lexicon and the post-tagging lists."""

    def __init__(
        self,
        feature_names: list[str],
        weights: np.ndarray,
        transitions: np.ndarray,
        lexicon: feats.Lexicon,
        places: frozenset[str],
        groups: frozenset[str],
    ):
        self.index = {name: i for i, name in enumerate(feature_names)}
        self.feature_names = feature_names
        self.weights = weights  # (features, OFFSETS, tags)
        self.transitions = transitions  # (tags + 1, tags), BIO mask not included
        self.lexicon = lexicon
        self.places = places  # lowercase country, state and city names: GPE
        self.groups = groups  # lowercase nationalities, religious and political groups: NORP
        self._decode_transitions = transitions + allowed_transitions()
        # the summed block of each cache key seen, one row each; rows 0 and 1: the padding
        self._rows: dict[tuple[str, int], int] = {}
        self._blocks = np.empty((1024, OFFSETS, len(TAGS)), dtype=np.float32)
        self._clear()

    def _clear(self) -> None:
        self._rows.clear()
        for row, side in enumerate((-1, 1)):
            self._blocks[row] = self._sum(feats.PAD_FEATURES[side])

    def _sum(self, names: list[str]) -> np.ndarray:
        index = self.index
        return self.weights[[index[f] for f in names if f in index]].sum(axis=0, dtype=np.float32)

    def _row(self, key: tuple[str, int]) -> int:
        """The row of `_blocks` holding what a token with this cache key adds at each relative
        position."""
        row = len(self._rows) + 2
        if row == len(self._blocks):
            self._blocks = np.concatenate([self._blocks, np.empty_like(self._blocks)])
        self._blocks[row] = self._sum(feats.word_features(key[0], key[1], self.lexicon))
        self._rows[key] = row
        return row

    def emissions(self, sentences: list[list[tuple[str, int]]]) -> tuple[np.ndarray, list[int]]:
        """(sentences, max length, tags) scores of the sentences' cache keys, and lengths."""
        if len(self._rows) + sum(map(len, sentences)) > BLOCK_CACHE_SIZE:
            self._clear()  # before, not while, rows are handed out for this call
        rows_of = self._rows
        rows: list[int] = []
        lengths = []
        for keys in sentences:
            rows += (0,) * WINDOW
            rows += [rows_of.get(key) or self._row(key) for key in keys]
            rows += (1,) * WINDOW
            lengths.append(len(keys))
        stacked = self._blocks[rows]
        total = len(rows) - 2 * WINDOW
        summed = stacked[0:total, 0].copy()
        for k in range(1, OFFSETS):
            summed += stacked[k : k + total, k]
        # token positions of `summed` laid out as (sentence, position), padding at the end
        longest = max(lengths)
        where = np.zeros((len(sentences), longest), dtype=np.intp)
        position = 0
        for row, length in enumerate(lengths):
            where[row, :length] = range(position, position + length)
            position += length + 2 * WINDOW
        return summed[where], lengths

    def tag(self, sentences: list[list[tuple[str, int]]]) -> list[list[str]]:
        """BIO tags for each sentence of cache keys (empty sentences allowed).

        Sentences are decoded together in batches of about BATCH_TOKENS tokens, and a
        "sentence" longer than MAX_SENTENCE tokens (a table, a page of quote marks) in
        pieces, so memory stays bounded whatever the input."""
        tags: list[list[str]] = [[] for _ in sentences]
        batch: list[tuple[int, list[tuple[str, int]]]] = []
        size = 0
        for index, keys in enumerate(sentences):
            for start in range(0, len(keys), MAX_SENTENCE):
                piece = keys[start : start + MAX_SENTENCE]
                batch.append((index, piece))
                size += len(piece)
                if size >= BATCH_TOKENS:
                    self._decode(batch, tags)
                    batch, size = [], 0
        if batch:
            self._decode(batch, tags)
        return tags

    def _decode(
        self, batch: list[tuple[int, list[tuple[str, int]]]], tags: list[list[str]]
    ) -> None:
        scores, lengths = self.emissions([keys for _, keys in batch])
        for (index, _), path in zip(
            batch, viterbi(scores, lengths, self._decode_transitions), strict=True
        ):
            tags[index] += [TAGS[t] for t in path]

    def save(self, path: Path) -> None:
        """An .npz file, byte-identical for identical models (no timestamps inside)."""
        lexicon_words = sorted(self.lexicon.entries)
        arrays = dict(
            feature_names=_pack(self.feature_names),
            weights=self.weights.astype(np.float16),
            transitions=self.transitions.astype(np.float32),
            lexicon_words=_pack(lexicon_words),
            lexicon_values=np.array(
                [self.lexicon.entries[w] for w in lexicon_words], dtype=np.uint32
            ),
            places=_pack(sorted(self.places)),
            groups=_pack(sorted(self.groups)),
        )
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                buffer = io.BytesIO()
                np.lib.format.write_array(buffer, array, allow_pickle=False)
                entry = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> "Model":
        with np.load(path, allow_pickle=False) as data:
            lexicon_words = _unpack(data["lexicon_words"])
            return cls(
                _unpack(data["feature_names"]),
                data["weights"],
                data["transitions"],
                feats.Lexicon(
                    dict(zip(lexicon_words, data["lexicon_values"].tolist(), strict=True))
                ),
                frozenset(_unpack(data["places"])),
                frozenset(_unpack(data["groups"])),
            )


def _pack(strings: list[str]) -> np.ndarray:
    """Strings as one newline-joined UTF-8 byte array (no pickle, no fixed-width padding)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _unpack(array: np.ndarray) -> list[str]:
    return array.tobytes().decode("utf-8").split("\n")
