"""The tagger's linear model: weights per word feature and relative position, BIO transitions,
Viterbi decoding, and the pickle-free model file.

A token's score for each tag is the sum, over the tokens at relative positions -2..2, of the
weights of their word features at that position. So a token contributes one (5, tags) block:
the block of its word's features (computed once per word and process) plus the block of its
context features, which depend only on its case class and flags (a few hundred, computed
when the model loads). A sentence is then scored with array additions and decoded with
Viterbi.
"""

import io
import zipfile
from collections.abc import Sequence
from itertools import chain, compress, repeat
from pathlib import Path

import numpy as np

from newscli.ner import features as feats

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
WINDOW = 2  # relative positions -WINDOW..WINDOW
OFFSETS = 2 * WINDOW + 1
FORBIDDEN = -1e6
BLOCK_CACHE_SIZE = 2**16  # cached words (about 12 MB) before the cache starts over
MAX_SENTENCE = 256  # tokens decoded as one sequence; a longer "sentence" goes in pieces
BATCH_TOKENS = 4096  # tokens decoded in one batch
FEW_SENTENCES = 8  # batches up to this size are traced back in Python (measured: ~12 breaks even)


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
    # (length, from, to, sentence), contiguous: with the sentences innermost and the previous
    # tag outermost, a step is two whole-array operations, the maximum over `from` elementwise
    moves = np.ascontiguousarray(emissions.transpose(1, 2, 0))[:, None] + step[:, :, None]
    best = np.empty((longest, tags, batch), dtype=moves.dtype)  # best score ending in each tag
    best[0] = emissions[:, 0].T + start[:, None]
    add, maximum = np.add, np.maximum.reduce
    # the views of each step made by iteration, not by indexing: on arrays this small,
    # indexing is a good part of a step's cost
    for step_moves, previous, current in zip(moves[1:], best[:-1, :, None], best[1:], strict=True):
        add(step_moves, previous, out=step_moves)
        maximum(step_moves, axis=0, out=current)
    ends = np.array(lengths) - 1
    columns = np.arange(batch)
    last = best[ends, :, columns].argmax(axis=1)
    if batch <= FEW_SENTENCES:
        # every best previous tag in one call, then each path followed in Python: for a few
        # sentences, cheaper than the numpy calls of each step below
        back = moves[1:].argmax(axis=1).transpose(2, 0, 1).tolist()  # (sentence, step, tag)
        found = []
        for steps, end, tag in zip(back, ends.tolist(), last.tolist(), strict=True):
            path = [tag]
            for t in range(end - 1, -1, -1):
                tag = steps[t][tag]
                path.append(tag)
            path.reverse()
            found.append(path)
        return found
    ending_at: dict[int, list[int]] = {}
    for sentence, end in enumerate(ends.tolist()):
        ending_at.setdefault(end, []).append(sentence)
    # back from the longest sentence's end, all sentences at once; each sentence's column
    # holds its own last tag from its own end on. The best previous tag is looked up only for
    # the tag each sentence takes (the first of equals, as argmax over all would give).
    paths = np.empty((longest, batch), dtype=np.intp)
    tag = np.zeros(batch, dtype=np.intp)
    for t in range(longest - 1, -1, -1):
        ending = ending_at.get(t)
        if ending is not None:
            tag[ending] = last[ending]
        paths[t] = tag
        if t:
            tag = moves[t][:, tag, columns].argmax(axis=0)
    return [path[:length] for path, length in zip(paths.T.tolist(), lengths, strict=True)]


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
        # summed in float32: converted once here (a few ms), not on every gather; the last
        # row, zeros, is what an unknown feature adds
        self._weights32 = np.zeros((len(weights) + 1, *weights.shape[1:]), dtype=np.float32)
        self._weights32[:-1] = weights
        self.transitions = transitions  # (tags + 1, tags), BIO mask not included
        self.lexicon = lexicon
        self.places = places  # lowercase country, state and city names: GPE
        self.groups = groups  # lowercase nationalities, religious and political groups: NORP
        self._decode_transitions = transitions + allowed_transitions()
        # the summed lexical block of each word seen, one row each (rows 0 and 1: the
        # padding), found by word: body words and headline words apart (a headline's weigh
        # hw= too)
        self._rows: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self._blocks = np.empty((1024, OFFSETS, len(TAGS)), dtype=np.float32)
        # each row's word's case class (`feats.CASES`), for its context rows; the padding has
        # none
        self._cases = np.empty(1024, dtype=np.intp)
        # the context block of each (case class, flags), and last a zero row for the padding
        self._context_blocks = np.zeros(
            (len(feats.CASES) * feats.FLAG_VALUES + 1, OFFSETS, len(TAGS)), dtype=np.float32
        )
        self._context_blocks[:-1] = self._sums(
            [
                feats.context_features(case, flags, lexicon.language)
                for case in feats.CASES
                for flags in range(feats.FLAG_VALUES)
            ]
        )
        self._clear()

    def _clear(self) -> None:
        for rows in self._rows:
            rows.clear()
        self._blocks[:2] = self._sums([feats.PAD_FEATURES[side] for side in (-1, 1)])

    def _sums(self, feature_lists: list[list[str]]) -> np.ndarray:
        """(lists, OFFSETS, tags): the summed weights of each list's features, in float32 and
        in list order (float addition does not reassociate), all lists at once. An unknown
        feature, and the padding after a shorter list, add the zero row: a sum that starts at
        +0.0 is never -0.0, so adding +0.0 leaves it as it is, bit for bit."""
        zero_row = len(self._weights32) - 1
        counts = np.array([len(names) for names in feature_lists], dtype=np.intp)
        width = int(counts.max(initial=0))
        ids = np.full((len(feature_lists), width), zero_row, dtype=np.intp)
        ids[np.arange(width) < counts[:, None]] = list(
            map(self.index.get, chain.from_iterable(feature_lists), repeat(zero_row))
        )
        summed = np.zeros((len(feature_lists), OFFSETS, len(TAGS)), dtype=np.float32)
        for position in range(width):
            summed += self._weights32[ids[:, position]]
        return summed

    def _add_rows(self, words: list[tuple[bool, str]]) -> None:
        """Rows of `_blocks` for new (headline, word) pairs: what a token with the word adds
        at each relative position, less its context."""
        first = len(self._rows[0]) + len(self._rows[1]) + 2
        size = len(self._blocks)
        while first + len(words) > size:
            size *= 2
        if size > len(self._blocks):
            grown = np.empty((size, OFFSETS, len(TAGS)), dtype=np.float32)
            grown[:first] = self._blocks[:first]
            self._blocks = grown
            self._cases = np.resize(self._cases, size)
        lexicon = self.lexicon
        self._blocks[first : first + len(words)] = self._sums(
            [feats.lexical_features(word, headline, lexicon) for headline, word in words]
        )
        self._cases[first : first + len(words)] = [
            feats.CASES.index(feats.case_class(word)) for _, word in words
        ]
        for row, (headline, word) in enumerate(words, first):
            self._rows[headline][word] = row

    def _rows_of(self, words: Sequence[str], headlines: list[tuple[int, int]]) -> np.ndarray:
        """The row of `_blocks` of each word, new words' rows computed first; the words in
        each (start, end) of `headlines` are a headline's."""
        cached = len(self._rows[0]) + len(self._rows[1])
        if cached + len(words) > BLOCK_CACHE_SIZE:
            self._clear()  # before, not while, rows are handed out for this call
        body_rows, headline_rows = self._rows
        # one dictionary lookup a token: the words not cached yet are those that found no row
        found = list(map(body_rows.get, words, repeat(-1)))
        for start, end in headlines:
            found[start:end] = map(headline_rows.get, words[start:end], repeat(-1))
        rows = np.array(found, dtype=np.intp)
        missing = rows < 0
        if missing.any():
            in_headline = np.zeros(len(words), dtype=bool)
            for start, end in headlines:
                in_headline[start:end] = True
            new = list(
                zip(in_headline[missing].tolist(), compress(words, missing.tolist()), strict=True)
            )
            self._add_rows(sorted(set(new)))  # sorted: the same rows run to run
            rows[missing] = [self._rows[headline][word] for headline, word in new]
        return rows

    def _scores(self, rows: np.ndarray, flags: np.ndarray, lengths: list[int]) -> np.ndarray:
        """(sentences, max length, tags) scores of sentences whose tokens' rows of `_blocks`
        are `rows` and context flags `flags`, one sentence after the other. Past a
        sentence's end, the scores are those of the end padding: finite, and never read
        back by `viterbi`."""
        longest = max(lengths)
        # each sentence's rows with WINDOW padding rows before (0) and after (1) it: token j
        # takes the block of the token at j + k - WINDOW at relative position k; the
        # padding has no context (the zero row)
        padded = np.ones((len(lengths), longest + 2 * WINDOW), dtype=np.intp)
        padded[:, :WINDOW] = 0
        contexts = np.full(padded.shape, len(self._context_blocks) - 1, dtype=np.intp)
        inside = np.arange(longest) < np.array(lengths)[:, None]
        padded[:, WINDOW : WINDOW + longest][inside] = rows
        contexts[:, WINDOW : WINDOW + longest][inside] = (
            self._cases[rows] * feats.FLAG_VALUES + flags
        )
        # (sentences, longest + 2 * WINDOW, OFFSETS, tags)
        stacked = self._blocks[padded] + self._context_blocks[contexts]
        # the same additions in the same order for every token, however the batch is made
        summed = stacked[:, :longest, 0].copy()
        for k in range(1, OFFSETS):
            summed += stacked[:, k : k + longest, k]
        return summed

    def tag(self, sentences: list[feats.SentenceKeys]) -> list[list[str]]:
        """BIO tags for each sentence of cache keys (empty sentences allowed).

        Sentences are decoded together, shortest first, in batches of about BATCH_TOKENS
        tokens: a batch takes as many Viterbi steps as its longest sentence, so sentences
        of like length go together (each sentence's path is the same in any batch). A
        "sentence" longer than MAX_SENTENCE tokens (a table, a page of quote marks) goes in
        pieces, so memory stays bounded whatever the input."""
        # (length, sentence, first token) of each piece
        pieces = [
            (min(MAX_SENTENCE, len(words) - first), index, first)
            for index, (words, _) in enumerate(sentences)
            for first in range(0, len(words), MAX_SENTENCE)
        ]
        pieces.sort()
        paths: dict[tuple[int, int], list[int]] = {}
        batch: list[tuple[int, int, int]] = []
        size = 0
        for piece in pieces:
            batch.append(piece)
            size += piece[0]
            if size >= BATCH_TOKENS:
                self._decode(sentences, batch, paths)
                batch, size = [], 0
        if batch:
            self._decode(sentences, batch, paths)
        return [
            list(
                map(
                    TAGS.__getitem__,
                    chain.from_iterable(
                        paths[index, first] for first in range(0, len(words), MAX_SENTENCE)
                    ),
                )
            )
            for index, (words, _) in enumerate(sentences)
        ]

    def _decode(
        self,
        sentences: list[feats.SentenceKeys],
        batch: list[tuple[int, int, int]],
        paths: dict[tuple[int, int], list[int]],
    ) -> None:
        """The best path of each (length, sentence, first token) piece of `batch`."""
        lengths = [length for length, _, _ in batch]
        pieces = [(sentences[index], first, first + length) for length, index, first in batch]
        words = list(chain.from_iterable(keys[0][first:end] for keys, first, end in pieces))
        flags = np.fromiter(
            chain.from_iterable(keys[1][first:end] for keys, first, end in pieces),
            dtype=np.intp,
            count=len(words),
        )
        # where the headlines' pieces lie among the keys
        headlines = []
        start = 0
        for length, index, first in batch:
            if sentences[index][1][first] & feats.HEADLINE:
                headlines.append((start, start + length))
            start += length
        rows = self._rows_of(words, headlines)
        scores = self._scores(rows, flags, lengths)
        for (_, index, first), path in zip(
            batch, viterbi(scores, lengths, self._decode_transitions), strict=True
        ):
            paths[index, first] = path

    def save(self, path: Path) -> None:
        """An .npz file, byte-identical for identical models (no timestamps inside)."""
        write_arrays(path, {**self.weight_arrays(), **self.lexicon_arrays()})

    def weight_arrays(self) -> dict[str, np.ndarray]:
        """What the model weighs: its features, their weights and the transitions."""
        return dict(
            feature_names=pack_strings(self.feature_names),
            weights=self.weights.astype(np.float16),
            transitions=self.transitions.astype(np.float32),
        )

    def lexicon_arrays(self) -> dict[str, np.ndarray]:
        """What it knows of words: the lexicon, and the place and group names."""
        lexicon_words = sorted(self.lexicon.entries)
        return dict(
            lexicon_words=pack_strings(lexicon_words),
            lexicon_values=np.array(
                [self.lexicon.entries[w] for w in lexicon_words], dtype=np.uint32
            ),
            places=pack_strings(sorted(self.places)),
            groups=pack_strings(sorted(self.groups)),
        )

    @classmethod
    def load(cls, path: Path) -> "Model":
        return cls.load_parts(path, path)

    @classmethod
    def load_parts(cls, weights_path: Path, lexicon_path: Path, language: str = "") -> "Model":
        """A model whose weights and lexicon are in two files (the same file for English);
        `language` names the lexicon's language in a model shared by several."""
        with np.load(lexicon_path, allow_pickle=False) as data:
            lexicon_words = _unpack(data["lexicon_words"])
            lexicon = feats.Lexicon(
                dict(zip(lexicon_words, data["lexicon_values"].tolist(), strict=True)), language
            )
            places = frozenset(_unpack(data["places"]))
            groups = frozenset(_unpack(data["groups"]))
            if weights_path == lexicon_path:
                return cls._with_weights(data, lexicon, places, groups)
        with np.load(weights_path, allow_pickle=False) as data:
            # the place names every language shares (cities), kept once
            places |= frozenset(_unpack(data["places"]))
            return cls._with_weights(data, lexicon, places, groups)

    @classmethod
    def _with_weights(
        cls, data, lexicon: feats.Lexicon, places: frozenset[str], groups: frozenset[str]
    ) -> "Model":
        return cls(
            _unpack(data["feature_names"]),
            data["weights"],
            data["transitions"],
            lexicon,
            places,
            groups,
        )


def write_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Arrays as an .npz file, byte-identical for identical arrays (no timestamps inside)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            entry = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, buffer.getvalue())


def pack_strings(strings: list[str]) -> np.ndarray:
    """Strings as one newline-joined UTF-8 byte array (no pickle, no fixed-width padding)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _unpack(array: np.ndarray) -> list[str]:
    return array.tobytes().decode("utf-8").split("\n")
