"""dedupe's stages on Dask (`duplicates.shuffled`) give the local clusters, record for record.

Run here on Dask's synchronous scheduler, where each stage is the same code as on a cluster
(its shuffles done by tasks instead of P2P): quick, and a monkeypatched limit reaches every
stage. `tests/test_cluster.py` runs the command on a real two-worker cluster.
"""

import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.corpus import generate
from newscli.duplicates import cluster
from newscli.duplicates.run import dedupe
from newscli.inputs.read import read_articles

dask = pytest.importorskip("dask")
pytest.importorskip("dask.dataframe")

from newscli.duplicates import shuffled  # noqa: E402 - needs dask

READING = {"jsonl": True, "text_field": "text"}
#: the id of the document with an empty body
EMPTY = 17


@pytest.fixture(scope="module")
def documents() -> list[dict]:
    """Generated stories with their variants (exact copies among them), an empty body, a
    numeric id, and a story copied more times than a shingle's list is long."""
    records = [{"id": r["id"], "text": r["text"]} for r in generate(240, seed=11)]
    records.insert(17, {"id": EMPTY, "text": ""})
    story = records[3]["text"].split(" ")
    for i in range(cluster.CLIQUE_LIMIT + 6):
        edited = story[:]
        edited[min(10 + i, len(edited) - 1)] = f"word{i}"
        records.insert(40 + 2 * i, {"id": f"copy{i}", "text": " ".join(edited)})
    return records


def write_files(directory: Path, records: list[dict], files: int) -> list[str]:
    """The records in `files` JSON Lines files, in order; a line that fails in the first."""
    directory.mkdir(parents=True, exist_ok=True)
    size = -(-len(records) // files)
    paths = []
    for k in range(files):
        lines = [json.dumps(r) for r in records[k * size : (k + 1) * size]]
        if k == 0:
            lines.insert(2, "{not json")
        path = directory / f"part{k}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def on_dask(paths: list[str], **options) -> tuple[list[dict], list[str]]:
    records, messages = [], []
    with dask.config.set(scheduler="synchronous"):
        for _, part in shuffled.records_by_input(paths, READING, **options):
            (computed,) = dask.compute(part)
            records.extend(computed.records)
            messages.extend(computed.messages)
    return records, messages


def locally(paths: list[str], **options) -> list[dict]:
    read = read_articles(paths, stdin=io.BytesIO(), **READING)
    articles = (a for a in read if not isinstance(a, Exception))
    return list(dedupe(articles, **options))


@pytest.mark.parametrize("files", [1, 3, 7])
def test_the_stages_give_the_local_records(tmp_path, documents, files):
    paths = write_files(tmp_path, documents, files)
    records, messages = on_dask(paths)
    assert records == locally(paths)
    assert len(messages) == 1 and "part0.jsonl:3: not valid JSON" in messages[0]
    kinds = {r["kind"] for r in records}
    assert kinds == {"exact", "near", "unique"}


def test_the_same_clusters_whatever_the_files_and_their_order(tmp_path, documents):
    def by_id(records: list[dict]) -> dict:
        # sources are named for their files, and of a body's exact copies the one with the
        # smallest source represents it (an empty body's cluster is named for its source):
        # which copy it is may change, nothing else
        return {
            r["id"]: (r["cluster"], r["cluster_size"], r["kind"] == "near", r["similarity"] or 1.0)
            for r in records
            if r["id"] != EMPTY
        }

    expected = by_id(on_dask(write_files(tmp_path / "one", documents, 1))[0])
    shuffled_documents = documents[:]
    random.Random(3).shuffle(shuffled_documents)
    paths = write_files(tmp_path / "five", shuffled_documents, 5)
    assert by_id(on_dask(paths[::-1])[0]) == expected


def test_short_lists_and_a_threshold_as_locally(tmp_path, documents, monkeypatch):
    # every shingle in more than 3 bodies pairs each with the first 3 only: which 3 must
    # be the same in a partition as in the whole corpus
    monkeypatch.setattr(cluster, "CLIQUE_LIMIT", 3)
    monkeypatch.setattr(cluster, "STAR_LINKS", 3)
    paths = write_files(tmp_path, documents, 4)
    for threshold in (0.5, 0.9):
        records, _ = on_dask(paths, threshold=threshold, shingle=3)
        assert records == locally(paths, threshold=threshold, shingle=3)


edge_lists = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edges=edge_lists, partitions=st.integers(1, 4))
def test_components_label_each_vertex_with_the_smallest_it_reaches(edges, partitions):
    import dask.dataframe as dd
    import numpy as np
    import pandas as pd

    edges = [(u, v) for u, v in edges if u != v]
    frame = pd.DataFrame(edges or np.zeros((0, 2), dtype=np.int64), columns=["u", "v"])
    frame = frame.astype("int64")
    with dask.config.set(scheduler="synchronous"):
        labels = shuffled._components(dd.from_pandas(frame, npartitions=partitions)).compute()
    found = dict(labels.drop_duplicates().itertuples(index=False))
    vertices = sorted({x for edge in edges for x in edge})
    expected = cluster._components(
        41, np.array([u for u, _ in edges], dtype=np.int64), np.array([v for _, v in edges])
    )
    assert found == {x: int(expected[x]) for x in vertices}


def test_pairs_as_locally(tmp_path, documents):
    # exact copies by the copy's order, then near pairs by their bodies' hashes: a sort
    # on the cluster of hashes that do not fit a signed integer
    paths = write_files(tmp_path, documents, 3)
    records, messages = on_dask(paths, pairs=True)
    assert len(messages) == 1  # the bad line, though it is in no pair
    expected = locally(paths, pairs=True)
    assert {r["kind"] for r in expected} == {"exact", "near"}
    assert records == expected
