"""`newscli dedupe` on a Dask cluster: the clusters of `cluster.find_clusters`, in stages
on the workers, joined by Dask DataFrame shuffles.

The client holds the task graph (a few entries per input file) and one partition of records
at a time; no stage gathers a row per document to it.

1. Sketch: each input file is read and sketched on a worker, one partition per file. A
   document's *order* is its input's number, then its row there: input order, as an
   integer that every later stage sorts and breaks ties by, as positions do locally.
2. Exact: shuffled by body hash, each body's copies agree on one of them, its *node* (the
   smallest source, as locally).
3. Candidates: each node's sampled shingles, shuffled by shingle; each shingle's list of
   nodes, sorted by body hash, gives its pairs as `cluster.list_pairs` does locally, and a
   shuffle by pair sums how many lists gave each.
4. Verification: each candidate joined with both nodes' sketches (two merges) and checked
   by `cluster.verified`, the local rule.
5. Components: over the edges -- each copy to its node, each verified pair -- rounds of
   large-star and small-star (Kiveris et al., 2014), each a shuffle by vertex, until the
   graph stops changing: then each component is a star around its smallest order.
6. Representatives: each component shuffled together picks the node with the most words,
   then the smallest body hash; each member's similarity is counted against it; the
   results are shuffled back to their documents' partitions, in input order.

With --pairs, the exact copies and the verified pairs are joined to their documents' labels
instead and sorted on the cluster into the local order.

Nothing depends on how many workers or partitions there are, or on the order of inputs
beyond what the local path's ties depend on: every choice is by hash, words, source or
order, never by where a row landed. Dask is imported only here (`newscli[dask]`).
"""

import io
import json
from dataclasses import dataclass, field
from typing import Any

from newscli.duplicates import SHINGLE, THRESHOLD
from newscli.duplicates.cluster import (
    EXACT,
    NEAR,
    UNIQUE,
    cluster_name,
    intersections,
    list_pairs,
    runs,
    verified,
)
from newscli.duplicates.pipeline import CHUNK, sketch_each
from newscli.duplicates.run import dedupe_pair_record, dedupe_record
from newscli.errors import InputError, as_error
from newscli.inputs.read import read_articles
from newscli.schema import DedupePairRecord, DedupeRecord

#: a document's order: its input's number above these bits, its row in the input below
ROW_BITS = 32

#: the columns of stage 1, one row per document (or per message: a failure, a note)
_DOCUMENT_COLUMNS = {
    "body_hash": "uint64",
    "words": "int64",
    "sample": "object",
    "lede": "object",
    "title": "object",
    "source": "object",
    "id": "object",
    "headline": "object",
    "language": "object",
    "url": "object",
    "captured": "object",
    #: a line for stderr: an article that failed, or an input's note
    "message": "object",
    "failed": "bool",
}
#: what the clustering stages carry of a document: pyarrow-typed, for Dask's shuffles
_BODY_COLUMNS = [
    *("order", "body_hash", "words", "sample", "lede", "title"),
    *("source", "id_json", "language"),
]


@dataclass
class Partition:
    """One input's records, in input order, with the lines to say on stderr."""

    #: a record per document (with --pairs, per pair)
    records: list[DedupeRecord | DedupePairRecord] = field(default_factory=list)
    #: the articles that failed, a line each
    messages: list[str] = field(default_factory=list)
    #: what reading the input said that is no error (a crawl's skipped records)
    notes: list[str] = field(default_factory=list)
    #: the articles read and sketched (with --pairs, their records come apart)
    documents: int = 0


def records_by_input(
    sources: list[str],
    reading: dict[str, Any],
    *,
    threshold: float = THRESHOLD,
    shingle: int | None = None,
    max_chars: int | None = None,
    pairs: bool = False,
) -> list[tuple[str, Any]]:
    """Each input with the Dask Delayed that makes its `Partition`, in input order; the
    clustering itself (every stage but the last) is done when this returns.

    With `pairs`, the Delayeds make the verified pairs' records instead, in the local
    order (exact copies by the copy's order, then near pairs by their bodies' hashes),
    each labelled with an empty source."""
    import dask
    import dask.dataframe as dd

    if not sources:
        return []
    with dask.config.set({"dataframe.convert-string": False}):
        documents = dd.from_map(
            _read_input,
            list(enumerate(sources)),
            reading=reading,
            shingle=shingle or SHINGLE,
            max_chars=max_chars,
            meta=_empty_documents(),
            divisions=[i << ROW_BITS for i in range(len(sources))] + [len(sources) << ROW_BITS],
            enforce_metadata=False,
        ).persist()
        exact, near, outcome = _clusters(documents, threshold)
        outcome = outcome.persist()
        unwrap = dask.delayed(_unwrap)
        if pairs:
            # each input's failures and notes first, then the pairs
            read = documents.map_partitions(_read_outcome, meta=_meta(["partition"]))
            inputs = [(s, unwrap(p)) for s, p in zip(sources, read.to_delayed(), strict=True)]
            return [*inputs, *(("", part) for part in _pair_parts(exact, near, outcome))]
        placed = outcome.set_index("order", divisions=documents.divisions).persist()
        parts = dd.map_partitions(
            _partition, documents, placed, align_dataframes=False, meta=_meta(["partition"])
        )
        return [(s, unwrap(part)) for s, part in zip(sources, parts.to_delayed(), strict=True)]


def _unwrap(frame: Any) -> "Partition":
    return frame.partition.iloc[0]


# --- stage 1: read and sketch --------------------------------------------------------


def _empty_documents() -> Any:
    import pandas as pd

    frame = pd.DataFrame({k: pd.Series(dtype=v) for k, v in _DOCUMENT_COLUMNS.items()})
    return frame.set_index(pd.Index([], dtype="int64", name="order"))


def _read_input(
    numbered: tuple[int, str], *, reading: dict[str, Any], shingle: int, max_chars: int | None
) -> Any:
    """On a worker: one input's documents, sketched, as stage 1's rows."""
    import pandas as pd

    number, source = numbered
    rows: list[dict[str, Any]] = []

    def note(where: str, message: str) -> None:
        rows.append(_message(f"newscli: {where}: {message}", failed=False))

    articles = read_articles([source], stdin=io.BytesIO(), note=note, **reading)
    chunk: list[Any] = []

    def flush() -> None:
        readable = [a for a in chunk if not isinstance(a, InputError)]
        results = iter(sketch_each(readable, shingle, max_chars))
        for item in chunk:
            if isinstance(item, InputError):
                rows.append(_message(item.message(), failed=True))
                continue
            result = next(results)
            if isinstance(result, Exception):
                rows.append(_message(as_error(item, result).message(), failed=True))
                continue
            sketch, title, url, language = result
            rows.append(
                {
                    "body_hash": sketch.body_hash,
                    "words": sketch.words,
                    "sample": sketch.sample,
                    "lede": sketch.lede,
                    "title": sketch.title,
                    "source": item.source,
                    "id": item.id,
                    "headline": title,
                    "language": language,
                    "url": url,
                    "captured": item.captured,
                    "message": None,
                    "failed": False,
                }
            )
        chunk.clear()

    for item in articles:
        # cut as `runner.run_corpus` cuts: a web page once extracted (by `sketch_each`)
        if isinstance(item, InputError) or item.html or max_chars is None:
            chunk.append(item)
        else:
            chunk.append(item.cut(max_chars))
        if len(chunk) >= CHUNK:
            flush()
    flush()
    frame = pd.DataFrame(rows, columns=list(_DOCUMENT_COLUMNS)) if rows else _empty_documents()
    frame = frame.astype(_DOCUMENT_COLUMNS)
    frame.index = pd.Index(
        [(number << ROW_BITS) | row for row in range(len(frame))], dtype="int64", name="order"
    )
    return frame


def _message(line: str, *, failed: bool) -> dict[str, Any]:
    empty = {"body_hash": 0, "words": -1, "sample": b"", "lede": b"", "title": b""}
    labels = dict.fromkeys(("source", "id", "headline", "language", "url", "captured"))
    return {**empty, **labels, "message": line, "failed": failed}


# --- stages 2-6: the clusters --------------------------------------------------------


def _clusters(documents: Any, threshold: float) -> tuple[Any, Any, Any]:
    """Each document with a body and its node (`exact`), the verified pairs of nodes
    (`near`), and per document in a cluster of two or more its representative and how it
    relates (lazy)."""
    bodies = documents[documents.words > 0].reset_index()
    bodies = bodies.assign(id_json=bodies.id.map(json.dumps, meta=("id", "object")))
    exact = (
        bodies[_BODY_COLUMNS]
        .shuffle("body_hash")
        .map_partitions(_exact_nodes, meta=_meta(_BODY_COLUMNS + ["node"]))
        .persist()
    )
    nodes = exact[exact.order == exact.node]
    shingles = nodes.map_partitions(_sampled_shingles, meta=_meta(["shingle", *_ENDS]))
    listed = shingles.shuffle("shingle").map_partitions(
        _listed_pairs, meta=_meta(["a", "b", "a_order", "b_order", "listed"])
    )
    counted = listed.shuffle("a").map_partitions(
        _counted_pairs, meta=_meta(["a", "b", "a_order", "b_order", "listed"])
    )
    sketches = nodes[["body_hash", "words", "sample", "lede", "title"]]
    joined = counted
    for end in ("a", "b"):
        renamed = {k: f"{k}_{end}" for k in ("words", "sample", "lede", "title")}
        joined = joined.merge(
            sketches.rename(columns=renamed), left_on=end, right_on="body_hash"
        ).drop(columns="body_hash")
    near = joined.map_partitions(
        _verified_pairs, threshold=threshold, meta=_meta(_NEAR_COLUMNS)
    ).persist()
    copies = exact[exact.order != exact.node][["order", "node"]].rename(
        columns={"order": "u", "node": "v"}
    )
    labels = _components(_concat([copies, near[["u", "v"]]]))
    members = labels.merge(exact, left_on="vertex", right_on="order").drop(columns="vertex")
    outcome = members.shuffle("label").map_partitions(
        _representatives, meta=_meta(["order", *_OUTCOME])
    )
    return exact, near, outcome


#: the per-node columns each shingle row carries
_ENDS = ["body_hash", "order"]
#: a verified pair: its nodes' orders (u, v), its first node's hash as a signed sort key
#: and the second's hash (a pair's nodes are in hash order), which is the copy, and the
#: containment
_NEAR_COLUMNS = ["u", "v", "key", "b", "copy", "original", "similarity"]
#: what stage 6 gives each clustered document
_OUTCOME = ["rep_source", "rep_id_json", "cluster", "kind", "similarity", "size"]
_TYPES = {
    "order": "int64",
    "node": "int64",
    "body_hash": "uint64",
    "words": "int64",
    "shingle": "uint32",
    "a": "uint64",
    "b": "uint64",
    "a_order": "int64",
    "b_order": "int64",
    "listed": "int64",
    "u": "int64",
    "v": "int64",
    "vertex": "int64",
    "label": "int64",
    "key": "int64",
    "copy": "int64",
    "original": "int64",
    "similarity": "float64",
    "size": "int64",
    "count": "int64",
    "sum": "int64",
}


def _meta(columns: list[str]) -> Any:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=_TYPES.get(c, "object")) for c in columns})


def _frame(columns: dict[str, Any]) -> Any:
    import pandas as pd

    return pd.DataFrame(
        {c: pd.Series(v, dtype=_TYPES.get(c, "object")) for c, v in columns.items()}
    )


def _concat(frames: list[Any]) -> Any:
    import dask.dataframe as dd

    return dd.concat(frames, ignore_index=True)


def _exact_nodes(frame: Any) -> Any:
    """Each body's node: of its copies, the one with the smallest source, then order."""
    import numpy as np

    frame = frame.sort_values(["body_hash", "source", "order"], kind="stable")
    starts, sizes = runs(frame.body_hash.to_numpy())
    node = np.repeat(frame.order.to_numpy()[starts], sizes)
    return frame.assign(node=node).reset_index(drop=True)


def _values(column: Any) -> tuple[Any, Any]:
    """(offsets, values) of a column of uint32 sets in bytes, as `cluster` indexes them."""
    import numpy as np

    data = list(column)
    lengths = np.fromiter((len(d) // 4 for d in data), dtype=np.int64, count=len(data))
    offsets = np.zeros(len(data) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return offsets, np.frombuffer(b"".join(data), dtype=np.uint32)


def _sampled_shingles(frame: Any) -> Any:
    """One row per node and sampled shingle, with the node's hash and order."""
    import numpy as np

    offsets, values = _values(frame["sample"])
    length = np.diff(offsets)
    return _frame(
        {
            "shingle": values,
            "body_hash": np.repeat(frame.body_hash.to_numpy(), length),
            "order": np.repeat(frame.order.to_numpy(), length),
        }
    )


def _listed_pairs(frame: Any) -> Any:
    """The pairs this partition's shingle lists give, as locally, with how many gave each.

    Locally bodies are numbered by hash over the whole corpus; numbering those here by
    hash keeps every list in the same order, so each list gives the same pairs.
    """
    import numpy as np

    frame = frame.sort_values(["shingle", "body_hash"], kind="stable")
    hashes = frame.body_hash.to_numpy()
    bodies, number = np.unique(hashes, return_inverse=True)
    m = len(bodies)
    starts, sizes = runs(frame.shingle.to_numpy())
    found = list_pairs(number.astype(np.int64), starts, sizes, m)
    found, listed = np.unique(found, return_counts=True)
    a, b = found // max(m, 1), found % max(m, 1)
    order = np.zeros(m, dtype=np.int64)
    order[number] = frame.order.to_numpy()
    return _frame(
        {"a": bodies[a], "b": bodies[b], "a_order": order[a], "b_order": order[b], "listed": listed}
    )


def _counted_pairs(frame: Any) -> Any:
    """Every pair once, with how many lists on all partitions gave it."""
    counted = frame.groupby(["a", "b", "a_order", "b_order"], sort=False).listed.sum()
    return counted.reset_index().astype({c: _TYPES[c] for c in counted.index.names})


def _verified_pairs(frame: Any, threshold: float) -> Any:
    """The candidates that are near duplicates, each with its copy: the body with fewer
    words (of two as long, the one with the larger hash), as locally."""
    import numpy as np

    n = len(frame)
    a, b = np.arange(n), np.arange(n, 2 * n)

    def both(name: str) -> tuple[Any, Any]:
        return _values([*frame[f"{name}_a"], *frame[f"{name}_b"]])

    a, b, containment = verified(
        a, b, frame.listed.to_numpy(), both("sample"), both("lede"), both("title"), threshold
    )
    orders = np.concatenate([frame.a_order.to_numpy(), frame.b_order.to_numpy()])
    hashes = np.concatenate([frame.a.to_numpy(), frame.b.to_numpy()])
    words = np.concatenate([frame.words_a.to_numpy(), frame.words_b.to_numpy()])
    a_copies = words[a] < words[b]
    return _frame(
        {
            "u": orders[a],
            "v": orders[b],
            # a's hash with its top bit flipped: signed order is then the hashes' order
            # (Dask's sort takes uint64 for signed)
            "key": (hashes[a] ^ np.uint64(1 << 63)).view(np.int64),
            "b": hashes[b],
            "copy": np.where(a_copies, orders[a], orders[b]),
            "original": np.where(a_copies, orders[b], orders[a]),
            "similarity": containment,
        }
    )


# --- stage 5: connected components ---------------------------------------------------


def _components(edges: Any) -> Any:
    """(vertex, label) for each vertex of the edges: label the smallest order it reaches.

    Large-star then small-star, until the edges are what they were a round before; they
    are then stars, each around its component's smallest vertex.
    """
    last: tuple[int, int] | None = None
    partitions = edges.npartitions
    edges = edges.persist()
    while True:
        swapped = edges.rename(columns={"u": "v", "v": "u"})[["u", "v"]]
        large = (
            _concat([edges, swapped])
            .shuffle("u", npartitions=partitions)
            .map_partitions(_large_star, meta=_meta(["u", "v"]))
        )
        # small-star's input, each edge from its larger end: its fingerprint says whether
        # the graph changed
        canonical = (
            large.map_partitions(_larger_first, meta=_meta(["u", "v"]))
            .shuffle("u", npartitions=partitions)
            .persist()
        )
        fingerprint = canonical.map_partitions(_fingerprint, meta=_meta(["count", "sum"])).sum()
        counts = tuple(int(x) for x in fingerprint.compute())
        edges = canonical.map_partitions(_small_star, meta=_meta(["u", "v"])).persist()
        if counts == last:
            break
        last = counts  # type: ignore[assignment]
    leaves = edges.rename(columns={"u": "vertex", "v": "label"})
    centres = edges[["v"]].assign(vertex=edges.v).rename(columns={"v": "label"})
    # a vertex is listed once per edge that names it: stage 6 keeps one row of each
    return _concat([leaves, centres[["vertex", "label"]]])


def _stars(frame: Any) -> tuple[Any, Any, Any]:
    """Edges (u, v) of a partition sorted by u, without repeats, and each u's smallest
    neighbour or itself."""
    import numpy as np

    frame = frame.drop_duplicates().sort_values(["u", "v"], kind="stable")
    u, v = frame.u.to_numpy(), frame.v.to_numpy()
    if not len(u):
        return u, v, u
    starts, sizes = runs(u)
    smallest = np.minimum(np.minimum.reduceat(v, starts), u[starts])
    return u, v, np.repeat(smallest, sizes)


def _large_star(frame: Any) -> Any:
    """Each vertex's larger neighbours are linked to its smallest neighbour (or itself)."""
    u, v, m = _stars(frame)
    larger = v > u
    return _frame({"u": v[larger], "v": m[larger]})


def _larger_first(frame: Any) -> Any:
    import numpy as np

    u, v = frame.u.to_numpy(), frame.v.to_numpy()
    keep = u != v
    return _frame({"u": np.maximum(u, v)[keep], "v": np.minimum(u, v)[keep]})


def _small_star(frame: Any) -> Any:
    """Each vertex and its smaller neighbours are linked to the smallest of them."""
    import numpy as np

    u, v, m = _stars(frame)
    first = runs(u)[0]
    ends = np.concatenate([v, u[first]])
    centre = np.concatenate([m, m[first]])
    keep = ends != centre
    return _frame({"u": ends[keep], "v": centre[keep]})


def _fingerprint(frame: Any) -> Any:
    """A partition's edges (no repeats) as a count and a 64-bit sum of mixed hashes."""
    import numpy as np
    import pandas as pd

    frame = frame.drop_duplicates()
    mixed = frame.u.to_numpy().astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    mixed ^= frame.v.to_numpy().astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
    # 30 bits an edge: a sum exact in int64 up to 2**33 edges, whatever the partitions
    total = int((mixed >> np.uint64(34)).sum(dtype=np.uint64))
    return pd.DataFrame({"count": [len(frame)], "sum": [total]})


# --- stage 6: representatives ----------------------------------------------------------


def _representatives(frame: Any) -> Any:
    """Per component: the node with the most words, then the smallest body hash; each
    member's kind, similarity to it and the component's size."""
    import numpy as np

    frame = frame.drop_duplicates("order").sort_values(["label", "order"], kind="stable")
    frame = frame.reset_index(drop=True)
    label = frame.label.to_numpy()
    if not len(label):
        return _meta(["order", *_OUTCOME])
    starts, sizes = runs(label)
    component = np.repeat(np.arange(len(starts)), sizes)
    is_node = (frame.order == frame.node).to_numpy()
    nodes = np.flatnonzero(is_node)
    ranked = nodes[
        np.lexsort(
            (frame.body_hash.to_numpy()[nodes], -frame.words.to_numpy()[nodes], component[nodes])
        )
    ]
    first = ranked[runs(component[ranked])[0]]
    rep = np.empty(len(starts), dtype=np.int64)
    rep[component[first]] = first
    rep = rep[component]  # each member's representative, as a row here
    hashes = frame.body_hash.to_numpy()
    own = np.arange(len(frame))
    exact = hashes == hashes[rep]
    kind = np.where(own == rep, UNIQUE, np.where(exact, EXACT, NEAR))
    similarity = np.full(len(frame), np.nan)
    similarity[exact & (own != rep)] = 1.0
    near = np.flatnonzero(~exact)
    if len(near):
        sample = _values(frame["sample"])
        shared = intersections(near, rep[near], sample)
        length = np.diff(sample[0])
        similarity[near] = shared / np.maximum(np.minimum(length[near], length[rep[near]]), 1)
    return _frame(
        {
            "order": frame.order.to_numpy(),
            "rep_source": frame.source.to_numpy()[rep],
            "rep_id_json": frame.id_json.to_numpy()[rep],
            "cluster": [format(h, "016x") for h in hashes[rep].tolist()],
            "kind": kind,
            "similarity": similarity,
            "size": sizes[component],
        }
    )


# --- --pairs ---------------------------------------------------------------------------


def _pair_parts(exact: Any, near: Any, outcome: Any) -> list[Any]:
    """Delayeds of the pairs' records, a `Partition` each, in the local order: each exact
    copy with the copy its body was matched to, by the copy's order; then the near pairs,
    by their bodies' hashes."""
    import dask

    labels = ["source", "id_json", "language"]
    nodes = exact[exact.order == exact.node][["order", *labels]]
    originals = nodes.drop(columns="language").rename(
        columns={"source": "duplicate_of", "id_json": "duplicate_of_id_json"}
    )
    cluster_of = outcome[["order", "cluster"]]
    copies = (
        exact[exact.order != exact.node][["order", "node", *labels]]
        .merge(originals.rename(columns={"order": "node"}), on="node")
        .merge(cluster_of, on="order")
        .assign(similarity=1.0, kind=EXACT)
        .set_index("order")
    )
    near_pairs = (
        near[["key", "b", "copy", "original", "similarity"]]
        .merge(nodes.rename(columns={"order": "copy"}), on="copy")
        .merge(originals.rename(columns={"order": "original"}), on="original")
        .merge(cluster_of.rename(columns={"order": "copy"}), on="copy")
        .assign(kind=NEAR)
        .set_index("key")
    )
    make = dask.delayed(_pair_partition)
    return [make(part) for part in [*copies.to_delayed(), *near_pairs.to_delayed()]]


def _pair_partition(frame: Any) -> Partition:
    """The pairs of a partition sorted by its index (then the second body's hash)."""
    frame = frame.reset_index().sort_values(
        [frame.index.name, *(["b"] if "b" in frame else [])], kind="stable"
    )
    part = Partition()
    for row in frame.itertuples(index=False):
        part.records.append(
            dedupe_pair_record(
                source=row.source,
                id=json.loads(row.id_json),
                language=_none(row.language),
                duplicate_of=row.duplicate_of,
                duplicate_of_id=json.loads(row.duplicate_of_id_json),
                similarity=float(row.similarity),
                kind=str(row.kind),
                cluster=str(row.cluster),
            )
        )
    return part


def _read_outcome(documents: Any) -> Any:
    """An input's failures and notes, and how many of its articles were sketched: a
    one-row frame holding its `Partition` (with --pairs, the records come apart)."""
    import pandas as pd

    part = Partition()
    for message, failed in zip(documents.message, documents.failed, strict=True):
        if isinstance(message, str):
            (part.messages if failed else part.notes).append(message)
        else:
            part.documents += 1
    return pd.DataFrame({"partition": [part]})


def _partition(documents: Any, placed: Any) -> Any:
    """One input's records, in input order: a one-row frame holding its `Partition`."""
    import pandas as pd

    part = Partition()
    got = placed.reindex(documents.index)
    labels = ("source", "id", "headline", "language", "url", "captured")
    rows = zip(
        *(documents[c] for c in ("message", "failed", "body_hash", "words", *labels)),
        *(got[c] for c in _OUTCOME),
        strict=True,
    )
    for message, failed, body_hash, words, source, id, title, language, url, captured, *out in rows:
        if isinstance(message, str):
            (part.messages if failed else part.notes).append(message)
            continue
        rep_source, rep_id_json, cluster, kind, similarity, size = out
        if not isinstance(rep_source, str):  # in no cluster: its own
            cluster, kind, size = cluster_name(int(body_hash), int(words), source), UNIQUE, 1
        part.records.append(
            dedupe_record(
                source=source,
                id=_none(id),
                url=_none(url),
                captured=_none(captured),
                title=_none(title),
                language=_none(language),
                cluster=cluster,
                size=int(size),
                kind=str(kind),
                duplicate_of=rep_source if kind != UNIQUE else None,
                duplicate_of_id=json.loads(rep_id_json) if kind != UNIQUE else None,
                similarity=float(similarity),
            )
        )
    part.documents = len(part.records)
    return pd.DataFrame({"partition": [part]})


def _none(value: Any) -> Any:
    """A label as it was given: pandas reads a missing one back as nan."""
    return None if isinstance(value, float) and value != value else value
