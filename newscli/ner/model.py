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
BLOCK_CACHE_SIZE = 200_000


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
    batch, longest, _ = emissions.shape
    step, start = transitions[:-1], transitions[-1]
    score = emissions[:, 0] + start
    final = np.empty_like(score)
    ending: dict[int, list[int]] = {}
    for b, length in enumerate(lengths):
        ending.setdefault(length - 1, []).append(b)
    if 0 in ending:
        final[ending[0]] = score[ending[0]]
    backpointers = np.zeros((longest, batch, len(TAGS)), dtype=np.intp)
    for t in range(1, longest):
        candidates = score[:, :, None] + step
        best = candidates.argmax(axis=1)
        backpointers[t] = best
        score = np.take_along_axis(candidates, best[:, None, :], axis=1)[:, 0] + emissions[:, t]
        if t in ending:
            final[ending[t]] = score[ending[t]]
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
        self._blocks: dict[tuple[str, int], np.ndarray] = {}
        self._pads = {
            side: self._sum([self.index[f] for f in names if f in self.index])
            for side, names in feats.PAD_FEATURES.items()
        }

    def _sum(self, ids: list[int]) -> np.ndarray:
        return self.weights[ids].sum(axis=0, dtype=np.float32)

    def block(self, key: tuple[str, int]) -> np.ndarray:
        """(OFFSETS, tags): what a token with this cache key adds at each relative position."""
        found = self._blocks.get(key)
        if found is None:
            if len(self._blocks) >= BLOCK_CACHE_SIZE:
                self._blocks.clear()
            index = self.index
            names = feats.word_features(key[0], key[1], self.lexicon)
            found = self._sum([index[f] for f in names if f in index])
            self._blocks[key] = found
        return found

    def emissions(self, sentences: list[list[tuple[str, int]]]) -> tuple[np.ndarray, list[int]]:
        """(sentences, max length, tags) scores of the sentences' cache keys, and lengths."""
        before, after = self._pads[-1], self._pads[1]
        blocks = []
        lengths = []
        for keys in sentences:
            blocks += [before] * WINDOW
            blocks += [self.block(key) for key in keys]
            blocks += [after] * WINDOW
            lengths.append(len(keys))
        stacked = np.stack(blocks)
        total = len(blocks) - 2 * WINDOW
        summed = sum(
            stacked[WINDOW + k : WINDOW + k + total, WINDOW + k] for k in range(-WINDOW, WINDOW + 1)
        )
        scores = np.zeros((len(sentences), max(lengths), len(TAGS)), dtype=np.float32)
        position = 0
        for row, length in enumerate(lengths):
            scores[row, :length] = summed[position : position + length]
            position += length + 2 * WINDOW
        return scores, lengths

    def tag(self, sentences: list[list[tuple[str, int]]]) -> list[list[str]]:
        """BIO tags for each sentence of cache keys (empty sentences allowed)."""
        filled = [keys for keys in sentences if keys]
        decoded = iter([])
        if filled:
            scores, lengths = self.emissions(filled)
            decoded = iter(viterbi(scores, lengths, self._decode_transitions))
        return [[TAGS[t] for t in next(decoded)] if keys else [] for keys in sentences]

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
