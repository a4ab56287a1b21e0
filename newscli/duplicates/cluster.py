"""Exact and near-duplicate clusters from sketches: candidates, verification, components.

1. Exact: documents whose normalised bodies hash alike are one *body*; a body's copies go
   together from here on. An empty body is nobody's duplicate.
2. Candidates: every two bodies sharing a sampled shingle, found by sorting all samples
   (an inverted index, in numpy). A shingle in more than CLIQUE_LIMIT bodies -- a stock
   phrase, or a story copied by many -- pairs each of them with the first STAR_LINKS only,
   so the work stays linear.
3. Verification (`compare`, done for all candidates at once): a pair is a near duplicate
   when at least `threshold` of the smaller body's sample is in the larger one's
   (containment: a shortened copy is a duplicate of the full story), they share at least
   MIN_SHARED sampled shingles, and they are one story -- the shared part is `threshold`
   of the larger body too, or their ledes overlap by LEDE_OVERLAP, or their headlines
   share TITLE_OVERLAP of the words. Without that last check an article that quotes
   another whole would be its duplicate.
4. Clusters are the connected components. The representative is the body with the most
   words, then the smallest body hash; of its exact copies, the one with the smallest
   source. With an index, a cluster keeps the representative it had when first indexed,
   and clusters that a new document links keep the older one's.

Nothing here depends on the order documents came in: bodies are numbered by hash, and
every tie is broken by hash or source.
"""

import hashlib
from array import array
from dataclasses import dataclass, field
from typing import Any

from newscli.duplicates import THRESHOLD
from newscli.duplicates.sketch import Sketch

#: one story: the two ledes share this share of the smaller one's shingles ...
LEDE_OVERLAP = 0.3
#: ... or the headlines this share of the shorter headline's words
TITLE_OVERLAP = 0.5
#: a near duplicate shares at least this many sampled shingles
MIN_SHARED = 2
CLIQUE_LIMIT = 64
STAR_LINKS = 8
#: pairs whose shared shingles, as counted from the lists, reach this share of the
#: threshold are counted exactly (a long list pairs each body with the first few only)
PREFILTER = 0.5
#: how many values `intersections` gathers at once, and bodies `_near_pairs` indexes at
#: once (they bound the memory of temporary arrays)
_CHUNK = 1 << 22
_NODES_AT_ONCE = 1 << 16

EXACT = "exact"
NEAR = "near"
UNIQUE = "unique"


@dataclass(frozen=True, slots=True)
class Comparison:
    """How two sketches compare; `duplicate` applies the rule above."""

    shared: int
    containment: float
    cover: float
    lede: float
    title: float

    def duplicate(self, threshold: float = THRESHOLD) -> bool:
        return (
            self.shared >= MIN_SHARED
            and self.containment >= threshold
            and (
                self.cover >= threshold or self.lede >= LEDE_OVERLAP or self.title >= TITLE_OVERLAP
            )
        )


def _values(data: bytes) -> set[int]:
    return set(array("I", data))


def _overlap(a: bytes, b: bytes) -> float:
    x, y = _values(a), _values(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def compare(a: Sketch, b: Sketch) -> Comparison:
    """Compare two sketches (the clustering does the same for all pairs at once)."""
    x, y = _values(a.sample), _values(b.sample)
    shared = len(x & y)
    small, large = sorted((len(x), len(y)))
    return Comparison(
        shared=shared,
        containment=shared / small if small else 0.0,
        cover=shared / large if large else 0.0,
        lede=_overlap(a.lede, b.lede),
        title=_overlap(a.title, b.title),
    )


class Corpus:
    """Many sketches, column by column: no Python object per document but its labels."""

    def __init__(self) -> None:
        self.body_hash = array("Q")
        self.words = array("q")
        self.shingles = array("q")
        self._sample = array("I")
        self._sample_end = array("q")
        self._lede = array("I")
        self._lede_end = array("q")
        self._title = array("I")
        self._title_end = array("q")
        self.sources: list[str] = []
        self.ids: list[str | int | None] = []
        self.titles: list[str | None] = []
        #: None for a document indexed before newscli identified languages
        self.languages: list[str | None] = []
        #: a web page's url and capture date, by position (only pages have them)
        self.pages: dict[int, tuple[str | None, str | None]] = {}
        #: for documents from an index: the corpus position of their representative
        self.fixed = array("q")

    def __len__(self) -> int:
        return len(self.sources)

    def add(
        self,
        sketch: Sketch,
        *,
        source: str,
        id: str | int | None = None,
        title: str | None = None,
        fixed: int = -1,
        url: str | None = None,
        captured: str | None = None,
        language: str | None = None,
    ) -> int:
        self.body_hash.append(sketch.body_hash)
        self.words.append(sketch.words)
        self.shingles.append(sketch.shingles)
        for values, ends, data in (
            (self._sample, self._sample_end, sketch.sample),
            (self._lede, self._lede_end, sketch.lede),
            (self._title, self._title_end, sketch.title),
        ):
            values.frombytes(data)
            ends.append(len(values))
        self.sources.append(source)
        self.ids.append(id)
        self.titles.append(title)
        self.languages.append(language)
        self.fixed.append(fixed)
        if url is not None or captured is not None:
            self.pages[len(self.sources) - 1] = (url, captured)
        return len(self.sources) - 1

    def sketch(self, index: int) -> Sketch:
        def part(values: "array[int]", ends: "array[int]") -> bytes:
            start = ends[index - 1] if index else 0
            return values[start : ends[index]].tobytes()

        return Sketch(
            body_hash=self.body_hash[index],
            words=self.words[index],
            shingles=self.shingles[index],
            sample=part(self._sample, self._sample_end),
            lede=part(self._lede, self._lede_end),
            title=part(self._title, self._title_end),
        )

    def columns(self) -> "_Columns":
        import numpy as np

        def offsets(ends: "array[int]") -> Any:
            return np.concatenate([[0], np.frombuffer(ends, dtype=np.int64)]).astype(np.int64)

        return _Columns(
            body_hash=np.frombuffer(self.body_hash, dtype=np.uint64),
            words=np.frombuffer(self.words, dtype=np.int64),
            sample=(offsets(self._sample_end), np.frombuffer(self._sample, dtype=np.uint32)),
            lede=(offsets(self._lede_end), np.frombuffer(self._lede, dtype=np.uint32)),
            title=(offsets(self._title_end), np.frombuffer(self._title, dtype=np.uint32)),
            fixed=np.frombuffer(self.fixed, dtype=np.int64),
        )


@dataclass
class _Columns:
    body_hash: Any
    words: Any
    #: (offsets, values): document i's values are values[offsets[i]:offsets[i + 1]]
    sample: tuple[Any, Any]
    lede: tuple[Any, Any]
    title: tuple[Any, Any]
    fixed: Any


@dataclass
class Pair:
    """A verified duplicate pair (corpus positions; `a` is the copy, `b` what it copies)."""

    a: int
    b: int
    similarity: float
    kind: str


@dataclass
class Clusters:
    """Per document (by corpus position): its representative, kind, similarity, size."""

    representative: Any
    kind: list[str]
    #: containment between the document and its representative; nan for representatives
    similarity: Any
    size: Any
    pairs: list[Pair] = field(default_factory=list)

    def cluster_id(self, corpus: Corpus, index: int) -> str:
        """The representative's body hash in hex; for an empty body, a hash of its source."""
        representative = int(self.representative[index])
        return cluster_name(
            corpus.body_hash[representative],
            corpus.words[representative],
            corpus.sources[representative],
        )


def cluster_name(body_hash: int, words: int, source: str) -> str:
    """A cluster's id from its representative: the body hash in hex; for an empty body,
    a hash of its source."""
    if words == 0:
        return hashlib.blake2b(b"empty\x00" + source.encode(), digest_size=8).hexdigest()
    return format(body_hash, "016x")


def find_clusters(corpus: Corpus, *, threshold: float = THRESHOLD, pairs: bool = True) -> Clusters:
    """Cluster every document of the corpus (documents with `fixed` set keep theirs).

    With `pairs`, also list the verified pairs (`Clusters.pairs`).
    """
    import numpy as np

    n = len(corpus)
    cols = corpus.columns()
    old = cols.fixed >= 0
    node = _exact_bodies(corpus, cols)
    nodes = np.unique(node[node >= 0])
    a, b, similarity = _near_pairs(cols, nodes, old, threshold)

    # components over: copies -> their body, near pairs, indexed documents -> their cluster
    has_body = node >= 0
    left = np.concatenate([np.flatnonzero(has_body), a, np.flatnonzero(old)])
    right = np.concatenate([node[has_body], b, cols.fixed[old]])
    label = _components(n, left, right)

    representative = _representatives(cols, label, nodes, old)[label]
    rep_hash = cols.body_hash[representative]
    exact = (cols.body_hash == rep_hash) & has_body
    is_rep = representative == np.arange(n)
    kind = np.where(is_rep, UNIQUE, np.where(exact, EXACT, NEAR)).tolist()
    sim = np.full(n, np.nan)
    sim[exact & ~is_rep] = 1.0
    near = np.flatnonzero(~exact & ~is_rep & has_body)
    if len(near):
        mine, theirs = node[near], node[representative[near]]
        shared = intersections(mine, theirs, cols.sample)
        offsets = cols.sample[0]
        smaller = np.minimum(
            offsets[mine + 1] - offsets[mine], offsets[theirs + 1] - offsets[theirs]
        )
        sim[near] = shared / np.maximum(smaller, 1)
    size = np.bincount(label, minlength=n)[label]
    clusters = Clusters(representative, kind, sim, size)
    if pairs:
        clusters.pairs = _pairs(corpus, node, a, b, similarity, old)
    return clusters


def _exact_bodies(corpus: Corpus, cols: _Columns) -> Any:
    """Each document's body: the position of one copy of it (-1: an empty body).

    The copy chosen is an indexed document if there is one (the earliest), otherwise the
    copy with the smallest source (then the first given).
    """
    import numpy as np

    n = len(corpus)
    node = np.full(n, -1, dtype=np.int64)
    present = np.flatnonzero(cols.words > 0)
    order = present[np.argsort(cols.body_hash[present], kind="stable")]
    starts, sizes = runs(cols.body_hash[order])
    node[order] = np.repeat(order[starts], sizes)
    fixed = cols.fixed
    copies = sizes > 1
    for start, size in zip(starts[copies].tolist(), sizes[copies].tolist(), strict=True):
        members = order[start : start + size].tolist()
        best = min(
            members,
            key=lambda i: (fixed[i] < 0, i if fixed[i] >= 0 else 0, corpus.sources[i], i),
        )
        node[members] = best
    return node


def _near_pairs(cols: _Columns, nodes: Any, old: Any, threshold: float) -> tuple[Any, Any, Any]:
    """Verified near-duplicate pairs of bodies (corpus positions) and their similarity."""
    import numpy as np

    offsets, values = cols.sample
    length = offsets[1:] - offsets[:-1]
    # bodies are numbered by hash, so that everything below is in an order of their own
    nodes = nodes[np.argsort(cols.body_hash[nodes], kind="stable")]
    m = len(nodes)
    counts = length[nodes]
    # one 64-bit key per sampled shingle: its hash, then its body's number; sorted, the
    # bodies sharing a shingle are side by side (an inverted index in 8 bytes a shingle)
    keys = np.empty(int(counts.sum()), dtype=np.uint64)
    filled = 0
    for lo in range(0, m, _NODES_AT_ONCE):
        part, sizes = nodes[lo : lo + _NODES_AT_ONCE], counts[lo : lo + _NODES_AT_ONCE]
        chunk = values[_gather(offsets[part], sizes)].astype(np.uint64) << np.uint64(32)
        chunk |= np.repeat(np.arange(lo, lo + len(part), dtype=np.uint64), sizes)
        keys[filled : filled + len(chunk)] = chunk
        filled += len(chunk)
    if old.any():
        # bodies from the index are already clustered: only shingles of new ones matter
        fresh = ~old[nodes][(keys & np.uint64(0xFFFFFFFF)).astype(np.int64)]
        keys = keys[np.isin(keys >> np.uint64(32), keys[fresh] >> np.uint64(32))]
    keys.sort()
    # the two halves of each key, without copies: (body number, hash) as uint32 pairs
    halves = keys.view(np.uint32).reshape(-1, 2)
    owner, hashes = (halves[:, 0], halves[:, 1]) if np.little_endian else halves.T[::-1]
    starts, sizes = runs(hashes)

    found = list_pairs(owner, starts, sizes, m)
    del keys, halves, owner, hashes, starts, sizes
    found.sort()
    first, listed = runs(found)
    found = found[first]
    a, b = nodes[found // m], nodes[found % m]
    if old.any():
        fresh = ~(old[a] & old[b])
        a, b, listed = a[fresh], b[fresh], listed[fresh]
    return verified(a, b, listed, cols.sample, cols.lede, cols.title, threshold)


def list_pairs(owner: Any, starts: Any, sizes: Any, m: int) -> Any:
    """The candidate pairs the lists of bodies sharing a shingle give, as a * m + b (with
    repeats: a pair is listed once per shingle it shares).

    `owner` holds the lists one after another (list k is owner[starts[k]:starts[k] +
    sizes[k]]), each sorted by body number, numbers below `m`. Every two bodies on a short
    list are a pair; on a long one, each body with the first STAR_LINKS.
    """
    import numpy as np

    found: list[Any] = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= CLIQUE_LIMIT)]).tolist():
        members = owner[starts[sizes == size][:, None] + np.arange(size)].astype(np.int64)
        i, j = np.triu_indices(size, 1)
        found.append(members[:, i].ravel() * m + members[:, j].ravel())
    long_lists = sizes > CLIQUE_LIMIT
    for start, size in zip(starts[long_lists].tolist(), sizes[long_lists].tolist(), strict=True):
        members = owner[start : start + size].astype(np.int64)
        found.extend(members[k] * m + members[k + 1 :] for k in range(STAR_LINKS))
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def prefiltered(listed: Any, length_a: Any, length_b: Any, threshold: float) -> Any:
    """Which candidates to count exactly: a count from the lists is short of the shingles
    whose long lists only paired a body with the first few, so pairs near the threshold
    are counted again."""
    import numpy as np

    return listed >= PREFILTER * threshold * np.maximum(np.minimum(length_a, length_b), 1)


def verified(
    a: Any,
    b: Any,
    listed: Any,
    sample: tuple[Any, Any],
    lede: tuple[Any, Any],
    title: tuple[Any, Any],
    threshold: float,
) -> tuple[Any, Any, Any]:
    """The candidate pairs (a[i], b[i]) that are near duplicates, and their containment.

    `listed` is how many shingle lists gave each pair; the columns are (offsets, values)
    of the documents' samples, ledes and titles, indexed by a and b.
    """
    import numpy as np

    offsets = sample[0]
    length = offsets[1:] - offsets[:-1]
    near = prefiltered(listed, length[a], length[b], threshold)
    a, b = a[near], b[near]
    shared = intersections(a, b, sample)
    small = np.maximum(np.minimum(length[a], length[b]), 1)
    large = np.maximum(np.maximum(length[a], length[b]), 1)
    containment = shared / small
    keep = (shared >= MIN_SHARED) & (containment >= threshold)
    a, b, shared, containment = a[keep], b[keep], shared[keep], containment[keep]
    one_story = shared / large[keep] >= threshold
    check = np.flatnonzero(~one_story)
    if len(check):
        lede_overlap = _overlaps(a[check], b[check], lede)
        title_overlap = _overlaps(a[check], b[check], title)
        one_story[check] = (lede_overlap >= LEDE_OVERLAP) | (title_overlap >= TITLE_OVERLAP)
    return a[one_story], b[one_story], containment[one_story]


def runs(values: Any) -> tuple[Any, Any]:
    """Where each run of equal values starts in a sorted array, and how long it is."""
    import numpy as np

    if not len(values):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return starts, np.diff(np.append(starts, len(values)))


def _gather(starts: Any, counts: Any) -> Any:
    """Indices starts[0] .. starts[0]+counts[0]-1, starts[1] ..., concatenated."""
    import numpy as np

    total = int(counts.sum())
    return np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)


def intersections(a: Any, b: Any, column: tuple[Any, Any]) -> Any:
    """How many values documents a[i] and b[i] share (each one's values distinct)."""
    import numpy as np

    offsets, values = column
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    out = np.zeros(len(a), dtype=np.int64)
    length = offsets[1:] - offsets[:-1]
    gathered = np.cumsum(length[a] + length[b])
    # chunks of pairs with about _CHUNK values each
    cuts = np.searchsorted(gathered, np.arange(_CHUNK, gathered[-1] if len(a) else 0, _CHUNK))
    bounds = np.unique(np.concatenate([[0], cuts, [len(a)]]))
    for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        pa, pb = a[start:end], b[start:end]
        la, lb = length[pa], length[pb]
        pair = np.arange(end - start, dtype=np.uint64) << np.uint64(32)
        # (pair, value) as one 64-bit key: a value both documents of a pair have is
        # there twice, and sorting puts the two side by side
        keys = np.concatenate(
            [
                np.repeat(pair, la) | values[_gather(offsets[pa], la)],
                np.repeat(pair, lb) | values[_gather(offsets[pb], lb)],
            ]
        )
        keys.sort()
        twice = keys[1:][keys[1:] == keys[:-1]]
        out[start:end] = np.bincount(
            (twice >> np.uint64(32)).astype(np.int64), minlength=end - start
        )
    return out


def _overlaps(a: Any, b: Any, column: tuple[Any, Any]) -> Any:
    """Shared values over the smaller document's count (0 when either has none)."""
    import numpy as np

    offsets = column[0]
    length = offsets[1:] - offsets[:-1]
    smaller = np.minimum(length[a], length[b])
    shared = intersections(a, b, column)
    return np.where(smaller > 0, shared / np.maximum(smaller, 1), 0.0)


def _components(n: int, left: Any, right: Any) -> Any:
    """Connected components: each position's label is the smallest position it reaches."""
    import numpy as np

    parent = np.arange(n, dtype=np.int64)
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    while True:
        ra, rb = parent[left], parent[right]
        differ = ra != rb
        if not differ.any():
            return parent
        left, right = left[differ], right[differ]
        ra, rb = ra[differ], rb[differ]
        np.minimum.at(parent, np.maximum(ra, rb), np.minimum(ra, rb))
        while True:  # point every position at its root
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand


def _representatives(cols: _Columns, label: Any, nodes: Any, old: Any) -> Any:
    """For each component label: the position of its representative."""
    import numpy as np

    n = len(label)
    rep = np.arange(n, dtype=np.int64)  # a component with no body: its own smallest member
    if len(nodes):
        order = np.lexsort((cols.body_hash[nodes], -cols.words[nodes], label[nodes]))
        ranked = nodes[order]
        first = np.r_[True, label[ranked][1:] != label[ranked][:-1]]
        rep[label[ranked[first]]] = ranked[first]
    if old.any():
        oldest = np.full(n, n, dtype=np.int64)
        members = np.flatnonzero(old)
        np.minimum.at(oldest, label[members], cols.fixed[members])
        kept = oldest < n
        rep[kept] = oldest[kept]
    return rep


def _pairs(corpus: Corpus, node: Any, a: Any, b: Any, similarity: Any, old: Any) -> list[Pair]:
    """Exact copies with the copy they were matched to, then near pairs, new ones only."""
    import numpy as np

    pairs: list[Pair] = []
    copies = np.flatnonzero((node >= 0) & (node != np.arange(len(node))) & ~old)
    pairs.extend(Pair(int(i), int(node[i]), 1.0, EXACT) for i in copies)
    words = np.frombuffer(corpus.words, dtype=np.int64)
    for x, y, s in zip(a.tolist(), b.tolist(), similarity.tolist(), strict=True):
        # the shorter body is the copy; the longer one (or the smaller hash) is the original
        if (words[x], -corpus.body_hash[x]) > (words[y], -corpus.body_hash[y]):
            x, y = y, x
        pairs.append(Pair(x, y, s, NEAR))
    return pairs
