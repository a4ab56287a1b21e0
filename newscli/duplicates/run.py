"""`newscli dedupe` without the command line: inputs in, one record per document out.

Every input is parsed and sketched once (in worker processes if asked); then the whole
corpus -- with an index, everything indexed before too -- is clustered at once, so the
records can only be written at the end. Texts are dropped as soon as they are sketched.
"""

from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newscli.duplicates import SHINGLE, THRESHOLD
from newscli.duplicates.cluster import Clusters, Corpus, Pair, find_clusters
from newscli.duplicates.pipeline import MapChunks, sketch_articles
from newscli.inputs.article import Article
from newscli.schema import DedupePairRecord, DedupeRecord, DuplicateKind, ordered

#: called with an article whose parsing or sketching raised, and the exception
OnFailure = Callable[[Article, Exception], None]


def dedupe(
    articles: Iterable[Article],
    on_failure: OnFailure | None = None,
    *,
    threshold: float = THRESHOLD,
    shingle: int | None = None,
    map_chunks: MapChunks | None = None,
    index: Path | None = None,
    pairs: bool = False,
    max_chars: int | None = None,
) -> Iterator[DedupeRecord] | Iterator[DedupePairRecord]:
    """Cluster the articles; return one record per article (or per pair, with `pairs`).

    All the work is done before this returns; the records are made as they are read. An
    article that cannot be parsed or sketched goes to `on_failure` (by default, raised).
    A text longer than `max_chars` is cut there (a web page's once extracted). The work
    is mapped as `map_chunks` says (the local pool, a Dask cluster), else done here.
    """
    from newscli.duplicates.index import Index, input_key

    corpus = Corpus()
    store = Index(index, shingle=shingle) if index is not None else None
    try:
        if store is not None:
            store.load(corpus)
            shingle = store.shingle
        #: the corpus position of each input, in input order (-1: it failed)
        positions = array("q")
        #: an input given twice in one run: its later places -> its first
        again: dict[int, int] = {}
        keys: dict[int, bytes] = {}
        first: dict[tuple[str, bytes], int] = {}

        def to_sketch() -> Iterator[tuple[int, Article]]:
            for article in articles:
                order = len(positions)
                positions.append(-1)
                if store is not None:
                    key = input_key(article)
                    if (article.source, key) in first:
                        again[order] = first[article.source, key]
                        continue
                    first[article.source, key] = order
                    found = store.find(article.source, key)
                    if found is None and (staged := store.staged(article.source, key)):
                        sketch, title, language = staged
                        found = corpus.add(
                            sketch,
                            source=article.source,
                            id=article.id,
                            title=title,
                            language=language,
                        )
                        store.add(found, key, order)
                    if found is not None:
                        positions[order] = found
                        continue
                    keys[order] = key
                yield order, article

        for order, article, result in sketch_articles(
            to_sketch(),
            shingle=shingle or SHINGLE,
            map_chunks=map_chunks,
            max_chars=max_chars,
        ):
            if isinstance(result, Exception):
                if on_failure is None:
                    raise result
                on_failure(article, result)
                continue
            sketch, title, url, language = result
            position = corpus.add(
                sketch,
                source=article.source,
                id=article.id,
                title=title,
                url=url,
                captured=article.captured,
                language=language,
            )
            positions[order] = position
            if store is not None:
                key = keys.pop(order)
                store.stage(article, key, sketch, title, language)
                store.add(position, key, order)
        for order, earlier in again.items():
            positions[order] = positions[earlier]
        clusters = find_clusters(corpus, threshold=threshold, pairs=pairs)
        if store is not None:
            store.commit(corpus, clusters)
        indexed = store.indexed if store is not None else None
    finally:
        if store is not None:
            store.close()
    if pairs:
        return (pair_record(corpus, clusters, pair) for pair in clusters.pairs)
    return (
        document_record(corpus, clusters, p, added=None if indexed is None else p >= indexed)
        for p in positions
        if p >= 0
    )


def document_record(
    corpus: Corpus, clusters: Clusters, position: int, *, added: bool | None = None
) -> DedupeRecord:
    """What the command prints for one document."""
    representative = int(clusters.representative[position])
    url, captured = corpus.pages.get(position, (None, None))
    copy = representative != position
    return dedupe_record(
        source=corpus.sources[position],
        id=corpus.ids[position],
        url=url,
        captured=captured,
        title=corpus.titles[position],
        language=corpus.languages[position],
        cluster=clusters.cluster_id(corpus, position),
        size=int(clusters.size[position]),
        kind=clusters.kind[position],
        duplicate_of=corpus.sources[representative] if copy else None,
        duplicate_of_id=corpus.ids[representative] if copy else None,
        similarity=float(clusters.similarity[position]),
        added=added,
    )


def dedupe_record(
    *,
    source: str,
    id: str | int | None,
    url: str | None,
    captured: str | None,
    title: str | None,
    language: str | None,
    cluster: str,
    size: int,
    kind: str,
    duplicate_of: str | None,
    duplicate_of_id: str | int | None,
    similarity: float,
    added: bool | None = None,
) -> DedupeRecord:
    """One document's record from its labels and its place in a cluster (`similarity`
    nan for a representative); made here for the local clusters and the cluster's alike."""
    record: DedupeRecord = {
        "source": source,
        "title": title,
        "language": language,
        "cluster": cluster,
        "cluster_size": size,
        "kind": DuplicateKind(kind),
        "duplicate_of": duplicate_of,
        "similarity": None if similarity != similarity else round(similarity, 3),
    }
    if id is not None:
        record["id"] = id
    if url is not None:
        record["url"] = url
    if captured is not None:
        record["captured"] = captured
    if duplicate_of is not None and duplicate_of_id is not None:
        record["duplicate_of_id"] = duplicate_of_id
    if added is not None:
        record["added"] = added
    return ordered(record, DedupeRecord)


def pair_record(corpus: Corpus, clusters: Clusters, pair: Pair) -> DedupePairRecord:
    """What `--pairs` prints for a verified pair: the copy, then what it copies."""
    return dedupe_pair_record(
        source=corpus.sources[pair.a],
        id=corpus.ids[pair.a],
        language=corpus.languages[pair.a],
        duplicate_of=corpus.sources[pair.b],
        duplicate_of_id=corpus.ids[pair.b],
        similarity=pair.similarity,
        kind=pair.kind,
        cluster=clusters.cluster_id(corpus, pair.a),
    )


def dedupe_pair_record(
    *,
    source: str,
    id: str | int | None,
    language: str | None,
    duplicate_of: str,
    duplicate_of_id: str | int | None,
    similarity: float,
    kind: str,
    cluster: str,
) -> DedupePairRecord:
    """One pair's record (the local clusters' and the cluster's alike)."""
    record: DedupePairRecord = {
        "source": source,
        "language": language,
        "duplicate_of": duplicate_of,
        "similarity": round(similarity, 3),
        "kind": DuplicateKind(kind),
        "cluster": cluster,
    }
    if id is not None:
        record["id"] = id
    if duplicate_of_id is not None:
        record["duplicate_of_id"] = duplicate_of_id
    return ordered(record, DedupePairRecord)
