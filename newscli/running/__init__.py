"""Running a command: read its inputs, map its analysis over them, write, report.

One module per concern, each importing only those below it (import-linter holds the order,
pyproject.toml's [tool.importlinter]):

    runner       run_each, run_shards, run_corpus, run_on_workers: the loops every command
                 runs through (the last: a corpus command whose workers read the inputs)
    shards | cluster | progress
                 --output-dir's shards and manifest; a Dask cluster's map; the progress line
    pool         the local process pool: work mapped over chunks, in input order

This face holds what the command line uses.
"""

from newscli.running.pool import MapChunks
from newscli.running.runner import (
    Inputs,
    Run,
    run_corpus,
    run_each,
    run_on_workers,
    run_shards,
)

__all__ = [
    "Inputs",
    "MapChunks",
    "Run",
    "run_corpus",
    "run_each",
    "run_on_workers",
    "run_shards",
]
