"""--output-dir: each input file is one task, its records a file of their own.

A task reads its input itself -- from a path every worker sees -- and writes its records,
exactly what the command would print as JSON Lines, to `DIR/<input name>.jsonl.gz` (with
--format parquet: the same records, typed, to `DIR/<input name>.parquet`): first
under a temporary name, then renamed, so a shard is either whole or absent. The client
then adds a line to `DIR/manifest.jsonl` (records, failures, seconds). A shard counts as
done when both are there, so a run killed at any point is resumed by running it again:
finished shards are skipped, an unfinished one is done again from the start, and nothing
is lost or written twice.
"""

import glob
import gzip
import io
import json
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscli.errors import InputError, as_error
from newscli.inputs.kinds import COMPRESSION_SUFFIXES
from newscli.inputs.read import read_articles
from newscli.language import Skips
from newscli.render.writer import Format
from newscli.running.pool import CHUNK, chunks

if TYPE_CHECKING:
    from newscli.records import Analysis

MANIFEST = "manifest.jsonl"
SUFFIX = ".jsonl.gz"
PARQUET_SUFFIX = ".parquet"


def suffix(fmt: Format) -> str:
    """What a shard's name ends in: Parquet's with --format parquet, else JSON Lines'."""
    return PARQUET_SUFFIX if fmt is Format.parquet else SUFFIX


@dataclass(frozen=True)
class Shard:
    """What one task did: its input, its file, and how it went."""

    input: str
    output: str
    records: int
    #: articles that failed (their records are missing from the shard)
    failures: int
    seconds: float
    #: the failures' messages and the inputs' notes, for the client to print
    messages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: the articles an analysis was left out of (their language), for the client's warning
    skips: Skips = field(default_factory=Skips)

    def manifest_line(self) -> str:
        entry = {k: v for k, v in asdict(self).items() if k not in ("messages", "notes", "skips")}
        return json.dumps(entry, ensure_ascii=False)


def shard_path(directory: Path, source: str, ending: str = SUFFIX) -> Path:
    """DIR/<the input's name>.jsonl.gz (or `ending`), its name without what says it is JSON
    Lines, Parquet or compressed: part00.jsonl.gz gives part00.jsonl.gz, a.txt
    a.txt.jsonl.gz, part-0.parquet part-0.jsonl.gz."""
    name = Path(source).name
    for known in (*COMPRESSION_SUFFIXES, ".jsonl", PARQUET_SUFFIX):
        if name.lower().endswith(known):
            name = name[: -len(known)]
    return directory / (name + ending)


def completed(directory: Path) -> dict[str, Shard]:
    """The shards a run finished before: in the manifest, and their file present."""
    manifest = directory / MANIFEST
    if not manifest.exists():
        return {}
    done = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        try:
            shard = Shard(**json.loads(line))
        except (json.JSONDecodeError, TypeError):
            continue  # a line cut short when a run was killed
        if Path(shard.output).exists():
            done[str(Path(shard.input).absolute())] = shard
    return done


def add_to_manifest(directory: Path, shard: Shard) -> None:
    """A line for a finished shard; its input and output as absolute paths, so that a
    rerun from another directory finds them."""
    from dataclasses import replace

    shard = replace(shard, input=str(Path(shard.input).absolute()))
    with (directory / MANIFEST).open("a", encoding="utf-8") as manifest:
        if manifest.tell():
            # a line a killed run cut short must not swallow this one
            with (directory / MANIFEST).open("rb") as written:
                written.seek(-1, os.SEEK_END)
                if written.read(1) != b"\n":
                    manifest.write("\n")
        manifest.write(shard.manifest_line() + "\n")
        manifest.flush()
        os.fsync(manifest.fileno())


def write_shards(sources: list[str], **options: Any) -> list[Shard]:
    """The task a worker runs: `write_shard` for each input (one, as the runner sends)."""
    return [write_shard(source, **options) for source in sources]


def write_shard(
    source: str,
    *,
    directory: str,
    analyze: "Analysis",
    reading: dict[str, Any],
    max_chars: int,
    with_text: bool,
    parquet_records: tuple[type, ...] | None = None,
) -> Shard:
    """Read one input, analyze each article and write the records to its shard (with
    `parquet_records`, the command's record types: as Parquet). An input that cannot be
    read at all gives no shard: the next run tries it again."""
    from newscli.records import analyze_chunk

    started = time.perf_counter()
    output, partial = _paths(directory, source, parquet_records)
    records, messages, notes = 0, [], []
    skips = Skips()

    def note(where: str, message: str) -> None:
        notes.append(f"newscli: {where}: {message}")

    try:
        with _shard_writer(str(partial), parquet_records) as out:
            articles = read_articles([source], stdin=io.BytesIO(), note=note, **reading)
            # a chunk at a time, as `run_each` hands them to workers: one tagger call each
            for part in chunks(articles, CHUNK):
                outcomes = analyze_chunk(analyze, part, max_chars=max_chars, with_text=with_text)
                for item, outcome in zip(part, outcomes, strict=True):
                    if isinstance(item, InputError) and item.source == source and not records:
                        raise item  # the input itself: nothing of it was read
                    if isinstance(outcome, Exception):
                        messages.append(as_error(item, outcome).message())
                    else:
                        out.write(outcome)
                        records += 1
                        skips.add(outcome)
        os.replace(partial, output)
    except InputError as err:
        partial.unlink(missing_ok=True)
        return Shard(source, "", 0, 1, 0.0, [err.message()], notes)
    except OSError as err:
        partial.unlink(missing_ok=True)
        problem = (
            f"newscli: {output}: cannot be written ({err.strerror or err}); check --output-dir"
        )
        messages.append(problem)
    seconds = round(time.perf_counter() - started, 3)
    return Shard(source, str(output), records, len(messages), seconds, messages, notes, skips)


def write_records(
    partition: Any,
    *,
    source: str,
    directory: str,
    parquet_records: tuple[type, ...] | None = None,
) -> Shard:
    """The task a worker runs for a corpus command: the records made on the cluster for one
    input (`duplicates.shuffled.Partition`) to its shard. An input of which nothing was
    read gives no shard: the next run tries it again."""
    started = time.perf_counter()
    messages, notes = partition.messages, partition.notes
    if messages and not partition.records:
        return Shard(source, "", 0, len(messages), 0.0, messages, notes)
    output, partial = _paths(directory, source, parquet_records)
    try:
        with _shard_writer(str(partial), parquet_records) as out:
            for record in partition.records:
                out.write(record)
        os.replace(partial, output)
    except OSError as err:
        partial.unlink(missing_ok=True)
        problem = (
            f"newscli: {output}: cannot be written ({err.strerror or err}); check --output-dir"
        )
        return Shard(source, "", 0, len(messages) + 1, 0.0, [*messages, problem], notes)
    seconds = round(time.perf_counter() - started, 3)
    records = len(partition.records)
    return Shard(source, str(output), records, len(messages), seconds, messages, notes)


def _paths(
    directory: str, source: str, parquet_records: tuple[type, ...] | None
) -> tuple[Path, Path]:
    """An input's shard, and the temporary name it is written under (what a killed run's
    worker left half-written of it is removed)."""
    ending = SUFFIX if parquet_records is None else PARQUET_SUFFIX
    output = shard_path(Path(directory), source, ending)
    for stale in output.parent.glob(f".{glob.escape(output.name)}.*.partial"):
        stale.unlink(missing_ok=True)
    return output, output.with_name(f".{output.name}.{uuid.uuid4().hex}.partial")


class _JsonLines:
    """Records as the command prints them with --format jsonl, to a gzipped file."""

    def __init__(self, out: Any):
        self._out = out

    def write(self, record: dict[str, Any]) -> None:
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")


@contextmanager
def _shard_writer(path: str, parquet_records: tuple[type, ...] | None) -> Iterator[Any]:
    """Where a shard's records go: JSON Lines, or Parquet typed as `parquet_records`."""
    if parquet_records is None:
        with gzip.open(path, "wt", encoding="utf-8") as out:
            yield _JsonLines(out)
        return
    from newscli.render.parquet import ParquetRecords

    with ParquetRecords(path, parquet_records) as records:
        yield records
