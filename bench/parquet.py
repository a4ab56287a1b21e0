"""Parquet beside JSON Lines for the same articles: reading a corpus, writing and reading
shards -- time and bytes.

    python -m bench.parquet [--n 100000] [--sample 500]

The corpus is `bench.commands`' (real news cycled to N articles, else synthetic), as JSONL
and as its Parquet twin (zstd, the row groups pyarrow chooses). Reading: every article
through newscli's own readers (`--jsonl`, `--parquet`), in this process. Shards: the
`analyze` records of the first --sample articles, cycled to N, written as a shard is
(`newscli.running.shards`: JSON Lines gzipped, or Parquet typed from schema.py) and read
back (json.loads of each line; pyarrow's `to_pylist`); their bytes a record on the sample
written once, since cycled copies would flatter Parquet's encodings. This measures the
formats, not the analysis: analyzing 100,000 articles takes the better part of an hour on
one core.
"""

import argparse
import gzip
import io
import json
import time
from itertools import cycle, islice
from pathlib import Path

from bench.commands import corpus
from bench.dedupe import CACHE

MB = 1e6


def _timed(work):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def _read_all(path: Path, **kind: bool) -> int:
    from newscli.inputs.read import read_articles

    return sum(1 for _ in read_articles([str(path)], stdin=io.BytesIO(), **kind))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=500)
    options = parser.parse_args()
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newscli.commands import COMMANDS
    from newscli.inputs.read import read_articles
    from newscli.records import analyze_chunk
    from newscli.running.shards import _shard_writer

    jsonl = corpus(options.n)
    twin = CACHE / f"{jsonl.stem}.parquet"
    if not twin.exists():
        with jsonl.open(encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines]
        pq.write_table(pa.Table.from_pylist(rows), twin, compression="zstd")
        del rows
    gzipped = CACHE / f"{jsonl.name}.gz"
    if not gzipped.exists():
        gzipped.write_bytes(gzip.compress(jsonl.read_bytes()))

    print(f"corpus: {options.n:,} articles ({jsonl.name})")
    print("| | JSONL | JSONL.gz | Parquet |")
    print("|---|---:|---:|---:|")
    sizes = [jsonl.stat().st_size, gzipped.stat().st_size, twin.stat().st_size]
    print("| corpus, MB | " + " | ".join(f"{s / MB:,.1f}" for s in sizes) + " |")
    read = [
        _timed(lambda: _read_all(jsonl, jsonl=True)),
        _timed(lambda: _read_all(gzipped, jsonl=True)),
        _timed(lambda: _read_all(twin, parquet=True)),
    ]
    assert len({count for _, count in read}) == 1, read
    print("| read every article, s | " + " | ".join(f"{s:.2f}" for s, _ in read) + " |")

    analyze = COMMANDS["analyze"].analysis(**COMMANDS["analyze"].values({}))
    sample = list(
        islice(read_articles([str(jsonl)], stdin=io.BytesIO(), jsonl=True), options.sample)
    )
    records = [
        r
        for r in analyze_chunk(analyze, sample, max_chars=1_000_000, with_text=False)
        if isinstance(r, dict)
    ]
    shard_jsonl, shard_parquet = CACHE / "bench-shard.jsonl.gz", CACHE / "bench-shard.parquet"

    def write(path: Path, types: tuple[type, ...] | None, n: int = options.n) -> None:
        with _shard_writer(str(path), types) as out:
            for record in islice(cycle(records), n):
                out.write(record)

    written = [
        _timed(lambda: write(shard_jsonl, None))[0],
        _timed(lambda: write(shard_parquet, COMMANDS["analyze"].records))[0],
    ]

    def read_jsonl_shard() -> int:
        with gzip.open(shard_jsonl, "rt", encoding="utf-8") as lines:
            return sum(1 for line in lines if json.loads(line))

    back = [
        _timed(read_jsonl_shard)[0],
        _timed(lambda: len(pq.read_table(shard_parquet).to_pylist()))[0],
    ]
    print(f"\nanalyze shards: {options.n:,} records ({len(records)} cycled)")
    print("| | JSONL.gz | Parquet |")
    print("|---|---:|---:|")
    print("| write, s | " + " | ".join(f"{s:.2f}" for s in written) + " |")
    print("| read back as dicts, s | " + " | ".join(f"{s:.2f}" for s in back) + " |")
    # bytes on the sample written once: cycled copies would flatter Parquet's encodings
    write(shard_jsonl, None, len(records))
    write(shard_parquet, COMMANDS["analyze"].records, len(records))
    per_record = [path.stat().st_size / len(records) for path in (shard_jsonl, shard_parquet)]
    print(
        f"| bytes a record ({len(records)} distinct) | "
        + " | ".join(f"{b:,.0f}" for b in per_record)
        + " |"
    )
    shard_jsonl.unlink()
    shard_parquet.unlink()


if __name__ == "__main__":
    main()
