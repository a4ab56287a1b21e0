"""dedupe: sketches, the comparison rule, clusters, the command line and the index."""

import csv
import io
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from functools import partial
from itertools import combinations
from pathlib import Path

import pytest

from bench.corpus import generate
from newscli.document import parse
from newscli.duplicates import SHINGLE, THRESHOLD, cluster, pipeline
from newscli.duplicates.cluster import Corpus, compare, find_clusters
from newscli.duplicates.run import dedupe
from newscli.duplicates.sketch import Sketch, normalise, sketch, word_hashes
from newscli.errors import NewscliError
from newscli.inputs import Article
from newscli.running.pool import ordered_map
from tests.conftest import ROOT, SEEDS

WIRE = (SEEDS / "senate-water-bill-wire.txt").read_text(encoding="utf-8")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

STORY = """Harbor bridge to close for six months of repairs

The Harbor Street bridge will close to traffic on Monday for six months while crews replace its deck, the city transport department said on Thursday.

About 40,000 vehicles cross the bridge every day. Buses will be diverted over the Mill Road bridge, adding about ten minutes to most journeys, officials said.

"We know this will be hard for commuters, but the deck is at the end of its life," said transport director Alma Reyes. Inspectors found corroded steel under the eastern lanes last spring.

The work will cost $48 million, paid for by a state grant and the city's capital budget. Shops near the bridge have asked the council for help with lost trade during the closure.

Council member Peter Lund said a relief fund for the shops would be discussed at next week's meeting. The bridge is expected to reopen in early spring.
"""
OTHER = """Library system extends weekend opening hours

The county library system will open its twelve branches on Sunday afternoons from next month, the library board decided on Wednesday after a survey of readers.

More than 6,000 people answered the survey, and most asked for longer weekend hours. The change will cost about $900,000 a year, the board said.

Branch staff will work rotating shifts, and the board will hire ten part-time assistants. Union representatives said they had agreed to the new schedule.
"""


def paragraphs(text: str) -> list[str]:
    return text.strip().split("\n\n")


def sk(text: str, **kwargs) -> Sketch:
    return sketch(parse(text, **kwargs))


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def corpus_of(texts: dict[str, str]) -> tuple[Corpus, dict[str, int]]:
    corpus = Corpus()
    positions = {name: corpus.add(sk(text), source=name) for name, text in texts.items()}
    return corpus, positions


@pytest.fixture(scope="module")
def generated() -> list[dict]:
    return list(generate(300, seed=7))


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- sketches --------------------------------------------------------------------------


def test_normalising_ignores_case_whitespace_quotes_and_dashes():
    assert normalise("“Don’t”  —\n it’s FINE") == normalise("\"don't\" -  it's fine")


def test_exact_hash_ignores_restyling_and_dropped_boilerplate():
    restyled = WIRE.replace('"', "“").replace(" - ", " — ").replace(". ", ".  ").upper()
    padded = WIRE.replace("By Dana Whitfield\n", "By Dana Whitfield\n\nAdvertisement\n")
    padded += "\nShare this article\n\nFacebook Twitter Email\n"
    assert sk(restyled).body_hash == sk(WIRE).body_hash
    assert sk(padded).body_hash == sk(WIRE).body_hash
    assert sk(WIRE.replace("68-31", "68-32")).body_hash != sk(WIRE).body_hash


def test_sketch_keeps_hashes_not_text_and_is_stable():
    s = sk(STORY)
    assert s.words == len(re.findall(r"[^\W_]+", " ".join(paragraphs(STORY)[1:])))
    assert 0 < len(s.sample) // 4 < s.shingles
    # the hashes are part of the index format: they must not change between versions
    assert s.body_hash == 0x2121E86ACFC0E9C0
    assert s.sample[:8].hex() == "23a5370676e2650a"
    assert b"Harbor" not in s.sample + s.lede + s.title


def test_words_are_runs_of_letters_and_digits_hashed_alike_everywhere():
    texts = [
        normalise(t)
        for t in (
            "Hello, world! It's £2bn for snake_case “naïve” cafés; 42 ½ 3² Œuvre straße",
            "",
            "world hello",
            "— …",
        )
    ]
    hashes, counts = word_hashes(texts)
    words = [w for t in texts for w in re.findall(r"[^\W_]+", t)]
    assert counts.tolist() == [len(re.findall(r"[^\W_]+", t)) for t in texts]
    same = {}
    for word, value in zip(words, hashes.tolist(), strict=True):
        assert same.setdefault(word, value) == value
    assert len(set(same.values())) == len(same)


def test_short_and_empty_bodies():
    assert sk("Hi.").shingles == 1
    empty = sk("")
    assert (empty.words, empty.shingles, empty.sample) == (0, 0, b"")


# --- the comparison rule ----------------------------------------------------------------


def test_a_shortened_copy_is_a_near_duplicate_of_the_full_story():
    short = "\n\n".join(paragraphs(STORY)[:4])
    result = compare(sk(short), sk(STORY))
    assert result.containment > 0.9 and result.cover < THRESHOLD
    assert result.duplicate()


def test_unrelated_stories_are_not_duplicates():
    result = compare(sk(STORY), sk(OTHER))
    assert result.shared == 0 and not result.duplicate()


def test_an_article_quoting_another_whole_is_not_its_duplicate():
    # OTHER's body inside a different story: OTHER is contained, but the two share
    # neither their opening nor their headline
    host = paragraphs(STORY)
    quoting = "\n\n".join([host[0], host[1], *paragraphs(OTHER)[1:], *host[2:]])
    result = compare(sk(OTHER), sk(quoting))
    assert result.containment > 0.9
    assert not result.duplicate()
    # ... while the story it was inserted into is still found
    assert compare(sk(STORY), sk(quoting)).duplicate()


# --- clusters ----------------------------------------------------------------------


def test_kinds_representative_and_cluster_ids():
    short = "\n\n".join(paragraphs(STORY)[:4])
    corpus, at = corpus_of(
        {
            "short": short,
            "full": STORY,
            "restyled": STORY.replace("'", "’").replace(". ", ".  ").upper(),
            "other": OTHER,
            "empty": "Advertisement\n",
            "empty2": "",
        }
    )
    clusters = find_clusters(corpus)
    kind = dict(zip(at, clusters.kind, strict=True))
    assert kind == {
        "short": "near",
        "full": "unique",
        "restyled": "exact",
        "other": "unique",
        "empty": "unique",
        "empty2": "unique",
    }
    full = at["full"]
    assert clusters.representative[at["short"]] == full  # the longest body
    assert clusters.representative[at["restyled"]] == full  # "full" < "restyled"
    assert clusters.cluster_id(corpus, at["short"]) == format(corpus.body_hash[full], "016x")
    assert clusters.size[full] == 3 and clusters.size[at["empty"]] == 1
    # empty bodies are clusters of their own, each with its own id
    assert clusters.cluster_id(corpus, at["empty"]) != clusters.cluster_id(corpus, at["empty2"])
    assert clusters.similarity[at["restyled"]] == 1.0
    assert 0.9 < clusters.similarity[at["short"]] <= 1.0


def sketches_of(records: list[dict]) -> Corpus:
    corpus = Corpus()
    for i, r in enumerate(records):
        corpus.add(sk(r["text"]), source=f"{i:04d}")
    return corpus


def brute_force_pairs(corpus: Corpus, threshold: float) -> set[tuple[int, int]]:
    sketches = [corpus.sketch(i) for i in range(len(corpus))]
    bodies: dict[int, int] = {}
    for i, s in enumerate(sketches):
        if s.words:
            bodies.setdefault(s.body_hash, i)
    nodes = sorted(bodies.values())
    return {
        (a, b)
        for a, b in combinations(nodes, 2)
        if compare(sketches[a], sketches[b]).duplicate(threshold)
    }


@pytest.mark.parametrize("threshold", [0.5, THRESHOLD, 0.9])
def test_clustering_finds_exactly_the_pairs_the_rule_accepts(generated, threshold):
    corpus = sketches_of(generated[:150])
    expected = brute_force_pairs(corpus, threshold)
    found = find_clusters(corpus, threshold=threshold).pairs
    assert {tuple(sorted((p.a, p.b))) for p in found if p.kind == "near"} == expected
    assert expected  # the corpus has near duplicates


def test_a_story_copied_a_hundred_times_is_one_cluster():
    # its shingles are each in more than CLIQUE_LIMIT bodies: every copy is paired with
    # the first few only, and they still all join
    words = STORY.split(" ")
    copies = {}
    for i in range(100):
        edited = words[:]
        edited[20 + i] = f"word{i}"
        copies[f"copy{i:03d}"] = " ".join(edited)
    assert len(copies) > cluster.CLIQUE_LIMIT
    corpus, _ = corpus_of(copies)
    clusters = find_clusters(corpus)
    assert len(set(clusters.representative.tolist())) == 1
    assert sum(p.kind == "near" for p in clusters.pairs) < 100 * cluster.STAR_LINKS


def test_limited_lists_find_only_true_pairs(generated, monkeypatch):
    corpus = sketches_of(generated[:150])
    expected = brute_force_pairs(corpus, THRESHOLD)
    clusters = find_clusters(corpus)
    # a shingle in more than 3 bodies pairs each of them with the first 3 only
    monkeypatch.setattr(cluster, "CLIQUE_LIMIT", 3)
    monkeypatch.setattr(cluster, "STAR_LINKS", 3)
    limited = find_clusters(corpus)
    found = {tuple(sorted((p.a, p.b))) for p in limited.pairs if p.kind == "near"}
    assert found <= expected and len(found) > 0.9 * len(expected)
    # no cluster is merged that should not be
    same = clusters.representative[limited.representative]
    assert (same == clusters.representative).all()


def cluster_f1(groups: list[str], labels: list) -> tuple[float, float]:
    def pairs(keys):
        members: dict = {}
        for i, key in enumerate(keys):
            members.setdefault(key, []).append(i)
        return {p for m in members.values() for p in combinations(m, 2)}

    gold, found = pairs(groups), pairs(labels)
    precision = len(gold & found) / len(found)
    recall = len(gold & found) / len(gold)
    return precision, 2 * precision * recall / (precision + recall)


def test_generated_variants_are_found(generated):
    records = list(dedupe(Article(r["id"], r["text"]) for r in generated))
    precision, f1 = cluster_f1([r["group"] for r in generated], [r["cluster"] for r in records])
    assert precision > 0.99 and f1 > 0.95


def outcome(records) -> dict:
    return {
        r["source"]: (r["cluster"], r["kind"], r["duplicate_of"], r["similarity"]) for r in records
    }


def test_the_same_clusters_whatever_the_input_order(generated):
    articles = [Article(r["id"], r["text"]) for r in generated]
    expected = outcome(dedupe(articles))
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert outcome(dedupe(shuffled)) == expected


def test_the_same_clusters_whatever_the_number_of_workers(generated, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 32)
    articles = [Article(r["id"], r["text"]) for r in generated]
    in_two = partial(ordered_map, jobs=2)
    assert outcome(dedupe(articles, map_chunks=in_two)) == outcome(dedupe(articles))


# --- the command line --------------------------------------------------------------


@pytest.fixture
def corpus_file(tmp_path, generated) -> Path:
    return write_jsonl(tmp_path / "corpus.jsonl", generated[:60])


def test_one_record_per_document_in_input_order(run, corpus_file, generated):
    result = run(["dedupe", "--jsonl", corpus_file])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == [g["id"] for g in generated[:60]]
    assert [r["source"] for r in records] == [f"{corpus_file}:{i}" for i in range(1, 61)]
    first = records[0]
    assert list(first) == [
        "source",
        "id",
        "title",
        "language",
        "cluster",
        "cluster_size",
        "kind",
        "duplicate_of",
        "similarity",
    ]
    by_source = {r["source"]: r for r in records}
    for r in records:
        assert r["kind"] in {"exact", "near", "unique"}
        if r["kind"] == "unique":
            assert r["duplicate_of"] is None and r["similarity"] is None
        else:
            representative = by_source[r["duplicate_of"]]
            assert representative["kind"] == "unique"
            assert representative["cluster"] == r["cluster"]
            assert r["duplicate_of_id"] == representative["id"]
            assert 0 < r["similarity"] <= 1
    assert any(r["kind"] == "exact" for r in records)
    assert any(r["kind"] == "near" for r in records)


def test_files_and_stdin(run, tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(paragraphs(STORY)[:4]), encoding="utf-8")
    (tmp_path / "c.txt").write_text(OTHER, encoding="utf-8")
    records = jsonl(run(["dedupe", tmp_path]).stdout)
    assert [(Path(r["source"]).name, r["kind"]) for r in records] == [
        ("a.txt", "unique"),
        ("b.txt", "near"),
        ("c.txt", "unique"),
    ]
    assert records[1]["duplicate_of"] == str(tmp_path / "a.txt")
    assert jsonl(run(["dedupe"], input=STORY).stdout)[0]["source"] == "<stdin>"


def test_pairs(run, corpus_file):
    result = run(["dedupe", "--pairs", "--jsonl", corpus_file])
    pairs = jsonl(result.stdout)
    assert pairs and {p["kind"] for p in pairs} == {"exact", "near"}
    assert set(pairs[0]) >= {"source", "duplicate_of", "similarity", "kind", "cluster"}
    documents = {r["source"]: r for r in jsonl(run(["dedupe", "--jsonl", corpus_file]).stdout)}
    for pair in pairs:
        assert documents[pair["source"]]["cluster"] == pair["cluster"]
        assert documents[pair["duplicate_of"]]["cluster"] == pair["cluster"]


def test_unique_prints_the_sources_to_keep(run, corpus_file):
    result = run(["dedupe", "--unique", "--jsonl", corpus_file])
    records = jsonl(run(["dedupe", "--jsonl", corpus_file]).stdout)
    assert result.stdout.splitlines() == [r["source"] for r in records if r["kind"] == "unique"]
    assert run(["dedupe", "--unique", "--pairs", corpus_file]).exit_code == 2


def test_table_csv_and_json(run, corpus_file):
    table = run(["dedupe", "--jsonl", corpus_file], stdout_isatty=True)
    assert table.exit_code == 0
    visible = ANSI.sub("", table.stdout)
    assert max(len(line) for line in visible.splitlines()) <= 80
    assert "60 documents:" in visible and "exact" in visible and "near" in visible
    pair_table = run(["dedupe", "--pairs", "-f", "table", "--jsonl", corpus_file]).stdout
    pair_table = ANSI.sub("", pair_table)
    assert max(len(line) for line in pair_table.splitlines()) <= 80
    rows = list(
        csv.DictReader(io.StringIO(run(["dedupe", "-f", "csv", "--jsonl", corpus_file]).stdout))
    )
    assert len(rows) == 60 and rows[0]["source"].endswith(":1") and "cluster" in rows[0]
    assert len(json.loads(run(["dedupe", "-f", "json", "--jsonl", corpus_file]).stdout)) == 60


def test_options_have_measured_defaults_and_bounds(run, corpus_file):
    help_text = run(["dedupe", "--help"]).stdout
    assert "--threshold" in help_text and "--shingle" in help_text and "--format" in help_text
    assert f"default: {THRESHOLD}" in help_text and f"default {SHINGLE}" in help_text
    assert run(["dedupe", "--threshold", "1.5", corpus_file]).exit_code == 2
    assert run(["dedupe", "--shingle", "0", corpus_file]).exit_code == 2
    loose = jsonl(run(["dedupe", "--threshold", "0.3", "--jsonl", corpus_file]).stdout)
    strict = jsonl(run(["dedupe", "--threshold", "1", "--jsonl", corpus_file]).stdout)
    assert sum(r["kind"] == "near" for r in loose) > sum(r["kind"] == "near" for r in strict)


def test_a_bad_input_is_reported_and_the_rest_clustered(run, tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY.replace("six months", "six months."), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    result = run(["dedupe", tmp_path / "a.txt", tmp_path / "bad.txt", tmp_path / "b.txt"])
    assert result.exit_code == 1
    assert [r["kind"] for r in jsonl(result.stdout)] == ["unique", "near"]
    lines = result.stderr.splitlines()
    assert "bad.txt: not valid UTF-8" in lines[0]
    assert lines[1] == "newscli: 1 of 3 inputs failed"


def test_a_bug_on_one_article_is_reported_and_the_rest_clustered(run, tmp_path, monkeypatch):
    from newscli.duplicates import sketch as sketch_module

    real = sketch_module.body_text

    def fails_on_other(document):
        if document.text.startswith("Library"):
            raise ValueError("boom")
        return real(document)

    monkeypatch.setattr(sketch_module, "body_text", fails_on_other)
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    result = run(["dedupe", tmp_path / "a.txt", tmp_path / "b.txt"])
    assert result.exit_code == 1
    assert [Path(r["source"]).name for r in jsonl(result.stdout)] == ["a.txt"]
    assert result.stderr.splitlines()[0] == (
        f"newscli: {tmp_path / 'b.txt'}: internal error (ValueError: boom); "
        "rerun with --debug and report it"
    )


# --- the index -----------------------------------------------------------------------


def dump(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = connection.execute("SELECT * FROM documents ORDER BY id").fetchall()
    return rows


def partition(records: list[dict]) -> set[frozenset[int]]:
    members: dict[str, set[int]] = {}
    for i, record in enumerate(records):
        members.setdefault(record["cluster"], set()).add(i)
    return {frozenset(m) for m in members.values()}


def check_consistent(db: Path) -> list[tuple]:
    """Every document's cluster is a row that represents itself; ids are 1..N."""
    rows = dump(db)
    with sqlite3.connect(db) as connection:
        bad = connection.execute(
            "SELECT count(*) FROM documents d LEFT JOIN documents r ON r.id = d.cluster "
            "WHERE r.id IS NULL OR r.cluster != r.id OR (d.id = d.cluster) != (d.kind = 'unique')"
        ).fetchone()[0]
    assert bad == 0
    assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    return rows


def test_index_reports_duplicates_of_earlier_runs_and_adds_the_new(run, tmp_path, generated):
    first = write_jsonl(tmp_path / "first.jsonl", generated[:150])
    second = write_jsonl(tmp_path / "second.jsonl", generated[100:250])
    db = tmp_path / "archive.db"
    one = jsonl(run(["dedupe", "--index", db, "--jsonl", first]).stdout)
    assert all(r["added"] for r in one)
    assert one == [{**r, "added": True} for r in jsonl(run(["dedupe", "--jsonl", first]).stdout)]
    assert len(check_consistent(db)) == 150

    two = jsonl(run(["dedupe", "--index", db, "--jsonl", second]).stdout)
    assert len(check_consistent(db)) == 300  # other sources: all new
    # documents 100-149 again, under new names: duplicates of the first run's clusters,
    # whose representatives stay
    for record, earlier in zip(two[:50], one[100:], strict=True):
        assert record["cluster"] == earlier["cluster"]
        if earlier["kind"] == "unique":
            assert record["kind"] == "exact" and record["duplicate_of"] == earlier["source"]
        else:
            assert record["kind"] == earlier["kind"]
            assert record["duplicate_of"] == earlier["duplicate_of"]
    # the index now clusters the two files as one run over both would
    final = jsonl(run(["dedupe", "--index", db, "--jsonl", first, second]).stdout)
    assert not any(r["added"] for r in final)
    together = jsonl(run(["dedupe", "--jsonl", first, second]).stdout)
    assert partition(final) == partition(together)


def test_index_rerun_changes_nothing(run, tmp_path, generated):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", generated[:120])
    db = tmp_path / "archive.db"
    first = jsonl(run(["dedupe", "--index", db, "--jsonl", corpus]).stdout)
    before = dump(db)
    again = jsonl(run(["dedupe", "--index", db, "--jsonl", corpus]).stdout)
    assert dump(db) == before
    assert again == [{**r, "added": False} for r in first]
    unique = run(["dedupe", "--index", db, "--unique", "--jsonl", corpus]).stdout
    assert unique.splitlines() == [r["source"] for r in first if r["kind"] == "unique"]


def test_index_settings_and_bad_files_are_usage_errors(run, tmp_path, corpus_file):
    db = tmp_path / "archive.db"
    assert run(["dedupe", "--index", db, "--shingle", "5", "--jsonl", corpus_file]).exit_code == 0
    wrong = run(["dedupe", "--index", db, "--shingle", "4", "--jsonl", corpus_file])
    assert wrong.exit_code == 2 and wrong.stdout == ""
    assert "made with --shingle 5" in wrong.stderr
    assert run(["dedupe", "--index", db, "--jsonl", corpus_file]).exit_code == 0
    junk = tmp_path / "junk.db"
    junk.write_text("not a database " * 100, encoding="utf-8")
    result = run(["dedupe", "--index", junk, corpus_file])
    assert result.exit_code == 2 and "cannot open the index" in result.stderr


def test_a_failed_commit_leaves_the_index_as_it_was(tmp_path, generated, monkeypatch):
    from newscli.duplicates import index as index_module

    db = tmp_path / "archive.db"
    list(dedupe((Article(r["id"], r["text"]) for r in generated[:50]), index=db))
    before = dump(db)

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(index_module, "_similarity", fail)  # during the commit
    with pytest.raises(sqlite3.OperationalError):
        dedupe((Article(r["id"], r["text"]) for r in generated[50:100]), index=db)
    assert dump(db) == before


def newscli_process(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newscli", "dedupe", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )


def staged(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as connection:
            return connection.execute("SELECT count(*) FROM staging").fetchone()[0]
    except sqlite3.OperationalError:  # not there yet, or locked for a moment
        return 0


BIG = 1200


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[Path, list[tuple]]:
    """A corpus, and the index an uninterrupted run makes of it."""
    folder = tmp_path_factory.mktemp("big")
    corpus = write_jsonl(folder / "corpus.jsonl", list(generate(BIG, seed=11)))
    reference = folder / "reference.db"
    assert newscli_process("--index", reference, "--jsonl", corpus, "--jobs", "1").wait() == 0
    return corpus, dump(reference)


def kill_when(db: Path, process: subprocess.Popen, ready) -> bool:
    """Kill the run once `ready(staged)` holds; False when it finished first (a fast run
    can commit between two looks), which only a finished run may do."""
    deadline = time.monotonic() + 60
    while not ready(staged(db)) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    code = process.wait()
    assert code in (0, -signal.SIGKILL)
    return code == -signal.SIGKILL


def test_an_index_survives_being_killed_mid_run(tmp_path, big):
    corpus, reference = big
    db = tmp_path / "archive.db"
    process = newscli_process("--index", db, "--jsonl", corpus, "--jobs", "1")
    assert kill_when(db, process, lambda count: count > 0)
    assert 0 < staged(db) < BIG  # killed while sketching, with some sketches staged
    assert check_consistent(db) == []  # nothing half-added

    rerun = newscli_process("--index", db, "--jsonl", corpus, "--jobs", "1")
    assert rerun.wait() == 0
    assert staged(db) == 0
    assert check_consistent(db) == reference


def test_an_index_killed_while_committing_has_all_or_nothing(tmp_path, big):
    corpus, reference = big
    db = tmp_path / "archive.db"
    process = newscli_process("--index", db, "--jsonl", corpus, "--jobs", "1")
    # every sketch is staged just before the documents are added
    kill_when(db, process, lambda count: count == BIG)
    rows = check_consistent(db)
    assert (rows, staged(db)) in (([], BIG), (reference, 0))
    assert newscli_process("--index", db, "--jsonl", corpus, "--jobs", "1").wait() == 0
    assert (check_consistent(db), staged(db)) == (reference, 0)


def test_a_document_linking_two_indexed_clusters_merges_them(tmp_path):
    title, *body = paragraphs(STORY)
    start = "\n\n".join([title, *body[:3]])
    end = "\n\n".join([title, *body[2:]])
    db = tmp_path / "archive.db"
    for name, text in (("start", start), ("end", end)):
        [record] = dedupe([Article(name, text)], index=db)
        assert record["kind"] == "unique"
    # the whole story contains both: the two clusters become one, under the older
    records = list(dedupe([Article("end", end), Article("whole", STORY)], index=db))
    assert [(r["source"], r["kind"], r["duplicate_of"], r["added"]) for r in records] == [
        ("end", "near", "start", False),
        ("whole", "near", "start", True),
    ]
    rows = check_consistent(db)
    assert [(row[1], row[11]) for row in rows] == [("start", 1), ("end", 1), ("whole", 1)]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_workers_do_not_outlive_a_killed_run(tmp_path, big):
    corpus, _ = big
    process = newscli_process("--jsonl", corpus, "--jobs", "2")
    deadline = time.monotonic() + 30
    while len(workers := children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(workers) >= 2
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    for worker in workers:  # gone, or a zombie waiting for its parent
        status = Path(f"/proc/{worker}/status")
        assert not status.exists() or "zombie" in status.read_text()


def test_two_runs_at_once_on_one_index_cannot_mix(tmp_path, generated, monkeypatch):
    from newscli.duplicates.index import Index

    db = tmp_path / "archive.db"
    real = Index.commit

    def another_run_commits_first(self, corpus, clusters):
        monkeypatch.setattr(Index, "commit", real)
        list(dedupe((Article(r["id"], r["text"]) for r in generated[100:150]), index=db))
        real(self, corpus, clusters)

    monkeypatch.setattr(Index, "commit", another_run_commits_first)
    with pytest.raises(NewscliError, match="another run added to the index"):
        dedupe((Article(r["id"], r["text"]) for r in generated[:50]), index=db)
    assert [row[1] for row in check_consistent(db)] == [r["id"] for r in generated[100:150]]
