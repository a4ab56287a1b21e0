"""The on-disk index (`--index`): every document dedupe has seen, as sketches, in SQLite.

Tables:
- ``documents``: one row per indexed input -- its source, JSONL id, title, the hash of its
  raw input (`input_key`), its sketch, and its cluster (the id of the representative's
  row), kind and similarity. Rows are numbered 1, 2, 3 ... in the order they were added.
- ``staging``: sketches of the current run's new inputs, written every STAGE_BATCH
  articles, so a run that is killed does not parse them again.
- ``meta``: the schema and sketch versions and the shingle size.

A run reads the index, sketches (or finds staged) the inputs it has not seen, clusters
everything, and then adds the new documents and empties the staging table in one
transaction. Killed at any point, the index holds exactly the runs that completed; the
next run picks up the staged sketches. An input already indexed -- same source, same
text -- is recognised and not added again, so a repeated run changes nothing.
"""

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscli.duplicates import SHINGLE
from newscli.duplicates.cluster import Clusters, Corpus
from newscli.duplicates.sketch import SKETCH_VERSION, Sketch
from newscli.errors import NewscliError, UsageError
from newscli.inputs.article import Article

SCHEMA_VERSION = "1"
#: staged sketches are committed this often
STAGE_BATCH = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    record_id,
    title TEXT,
    input_key BLOB NOT NULL,
    body_hash INTEGER NOT NULL,
    words INTEGER NOT NULL,
    shingles INTEGER NOT NULL,
    sample BLOB NOT NULL,
    lede BLOB NOT NULL,
    title_words BLOB NOT NULL,
    cluster INTEGER NOT NULL REFERENCES documents (id),
    kind TEXT NOT NULL,
    similarity REAL,
    language TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_input ON documents (source, input_key);
CREATE TABLE IF NOT EXISTS staging (
    source TEXT NOT NULL,
    input_key BLOB NOT NULL,
    record_id,
    title TEXT,
    body_hash INTEGER NOT NULL,
    words INTEGER NOT NULL,
    shingles INTEGER NOT NULL,
    sample BLOB NOT NULL,
    lede BLOB NOT NULL,
    title_words BLOB NOT NULL,
    language TEXT,
    PRIMARY KEY (source, input_key)
);
"""
#: columns added since SCHEMA_VERSION 1, each to an index made before it (NULL in old rows)
_ADDED_COLUMNS = {"documents": ["language TEXT"], "staging": ["language TEXT"]}
_SKETCH_COLUMNS = "body_hash, words, shingles, sample, lede, title_words"


def input_key(article: Article) -> bytes:
    """Identifies an input's content: its text and any title given with it."""
    digest = hashlib.blake2b(article.text.encode(), digest_size=16)
    digest.update(b"\x00" + (article.title or "").encode())
    return digest.digest()


def _signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def _sketch(row: Any) -> Sketch:
    body_hash, words, shingles, sample, lede, title = row
    return Sketch(_unsigned(body_hash), words, shingles, sample, lede, title)


@dataclass
class _New:
    position: int
    key: bytes
    #: order among this run's inputs (new rows are numbered in it)
    order: int


class Index:
    """An open index. `load` it into a corpus, add the new inputs, then `commit`."""

    def __init__(self, path: Path, *, shingle: int | None = None):
        self.path = path
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=60)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(_SCHEMA)
            self._add_columns()
            meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as err:
            raise UsageError(
                f"cannot open the index ({err})",
                source=str(path),
                hint="name a new file or an index made by newscli dedupe",
            ) from None
        if not meta:
            self.shingle = SHINGLE if shingle is None else shingle
            meta = {
                "schema": SCHEMA_VERSION,
                "sketch": SKETCH_VERSION,
                "shingle": str(self.shingle),
            }
            with self._transaction():
                self.db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        if (meta.get("schema"), meta.get("sketch")) != (SCHEMA_VERSION, SKETCH_VERSION):
            raise UsageError(
                "the index was made by another version of newscli",
                source=str(path),
                hint="start a new index",
            )
        self.shingle = int(meta["shingle"])
        if shingle is not None and shingle != self.shingle:
            raise UsageError(
                f"the index was made with --shingle {self.shingle}",
                source=str(path),
                hint=f"give --shingle {self.shingle}, or start a new index",
            )
        self.indexed = 0
        self._new: list[_New] = []
        self._staged_rows: list[tuple[Any, ...]] = []

    def _add_columns(self) -> None:
        for table, columns in _ADDED_COLUMNS.items():
            have = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
            for column in columns:
                if column.split()[0] not in have:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")

    def close(self) -> None:
        self.db.close()

    def _transaction(self) -> "_Transaction":
        return _Transaction(self.db)

    def load(self, corpus: Corpus) -> None:
        """Put every indexed document into the (empty) corpus: row id N at position N-1."""
        rows = self.db.execute(
            f"SELECT id, source, record_id, title, language, cluster, {_SKETCH_COLUMNS} "
            "FROM documents ORDER BY id"
        )
        for row_id, source, record_id, title, language, cluster, *sketch in rows:
            if row_id != len(corpus) + 1:
                raise UsageError(
                    "the index is damaged (rows are missing)",
                    source=str(self.path),
                    hint="start a new index",
                )
            corpus.add(
                _sketch(sketch),
                source=source,
                id=record_id,
                title=title,
                language=language,
                fixed=cluster - 1,
            )
        self.indexed = len(corpus)

    def find(self, source: str, key: bytes) -> int | None:
        """The corpus position of this input if it is indexed already."""
        row = self.db.execute(
            "SELECT id FROM documents WHERE source = ? AND input_key = ?", (source, key)
        ).fetchone()
        return None if row is None else row[0] - 1

    def staged(self, source: str, key: bytes) -> tuple[Sketch, str | None, str | None] | None:
        """A sketch an interrupted run staged for this input, its parsed title and language."""
        row = self.db.execute(
            f"SELECT title, language, {_SKETCH_COLUMNS} FROM staging "
            "WHERE source = ? AND input_key = ?",
            (source, key),
        ).fetchone()
        return None if row is None else (_sketch(row[2:]), row[0], row[1])

    def stage(
        self, article: Article, key: bytes, sketch: Sketch, title: str | None, language: str
    ) -> None:
        self._staged_rows.append(
            (
                article.source,
                key,
                article.id,
                title,
                _signed(sketch.body_hash),
                sketch.words,
                sketch.shingles,
                sketch.sample,
                sketch.lede,
                sketch.title,
                language,
            )
        )
        if len(self._staged_rows) >= STAGE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self._staged_rows:
            with self._transaction():
                self.db.executemany(
                    "INSERT OR REPLACE INTO staging (source, input_key, record_id, title, "
                    f"{_SKETCH_COLUMNS}, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    self._staged_rows,
                )
            self._staged_rows = []

    def add(self, position: int, key: bytes, order: int) -> None:
        """Mark a corpus position as a new input, `order`-th among this run's inputs."""
        self._new.append(_New(position, key, order))

    def commit(self, corpus: Corpus, clusters: Clusters) -> None:
        """Add the new documents, record merged clusters, and empty the staging table."""
        new = sorted(self._new, key=lambda n: n.order)
        row_id = {n.position: self.indexed + 1 + rank for rank, n in enumerate(new)}

        def id_of(position: int) -> int:
            return row_id[position] if position >= self.indexed else position + 1

        rows = []
        for n in new:
            p = n.position
            sketch = corpus.sketch(p)
            rows.append(
                (
                    row_id[p],
                    corpus.sources[p],
                    corpus.ids[p],
                    corpus.titles[p],
                    n.key,
                    _signed(sketch.body_hash),
                    sketch.words,
                    sketch.shingles,
                    sketch.sample,
                    sketch.lede,
                    sketch.title,
                    id_of(int(clusters.representative[p])),
                    clusters.kind[p],
                    _similarity(clusters, p),
                    corpus.languages[p],
                )
            )
        merged = [
            (
                id_of(int(clusters.representative[p])),
                clusters.kind[p],
                _similarity(clusters, p),
                p + 1,
            )
            for p in range(self.indexed)
            if clusters.representative[p] != corpus.fixed[p]
        ]
        self.flush()
        staged = self.db.execute("SELECT EXISTS (SELECT 1 FROM staging)").fetchone()[0]
        if not rows and not merged and not staged:
            return  # nothing new: the index stays as it was, byte for byte
        with self._transaction():
            (count,) = self.db.execute("SELECT count(*) FROM documents").fetchone()
            if count != self.indexed:
                raise NewscliError(
                    "another run added to the index while this one was working; nothing was added",
                    source=str(self.path),
                    hint="run again (one run at a time per index)",
                )
            self.db.executemany(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
            )
            self.db.executemany(
                "UPDATE documents SET cluster = ?, kind = ?, similarity = ? WHERE id = ?", merged
            )
            self.db.execute("DELETE FROM staging")


def _similarity(clusters: Clusters, position: int) -> float | None:
    value = float(clusters.similarity[position])
    return None if value != value else value  # nan: a representative


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
