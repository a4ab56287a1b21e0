"""One long article: each command's time and memory as its length grows.

    python -m bench.long [--sizes 10000,100000,1000000,10000000] [--commands parse,...]

The article is news paragraphs joined until it reaches each size -- real news (BBC News and
PolNeAR articles from ../shared/data, as `bench.commands` reads them) when it is there, else
the seeded generator (`bench.corpus`), whose invented words make every page's vocabulary
new, which real text's is not: one text file, read as a user reads it, with --max-chars above its
length so nothing is cut. Each command runs in its own process; wall time and the peak
resident memory of the process tree, as `bench.dedupe` measures them. Cost should grow
at most n log n with the length: the last column is the time per million characters.
"""

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.commands import REAL
from bench.corpus import generate
from bench.dedupe import CACHE, NEWSCLI, measure

COMMANDS = ("parse", "readability", "summarize", "quotes", "entities", "analyze", "dedupe")
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
MiB = 1 << 20


def _paragraphs() -> Iterator[str]:
    """News paragraphs without end: real ones when they are there."""
    if all(path.exists() for path in REAL):
        texts = [json.loads(line)["text"] for path in REAL for line in path.open(encoding="utf-8")]
    else:
        print("bench.long: real news not found: measuring synthetic text", file=sys.stderr)
        texts = [record["text"] for record in generate(2000, seed=0)]
    while True:
        for text in texts:
            yield from (p for p in text.split("\n\n")[1:] if p.strip())  # not its headline


def article(size: int) -> Path:
    """A text file of `size` characters: a headline, then news paragraphs."""
    real = all(path.exists() for path in REAL)
    path = CACHE / f"long-{'real' if real else 'synthetic'}-{size}.txt"
    if path.exists():
        return path
    parts, length = ["A long read: the week in the news"], 0
    for paragraph in _paragraphs():
        if length >= size:
            break
        parts.append(paragraph)
        length += len(paragraph) + 2
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(parts)[:size], encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--commands", default=",".join(COMMANDS))
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    print("| command | characters | seconds | peak MiB | seconds per 1M characters |")
    print("|---|---:|---:|---:|---:|")
    for command in options.commands.split(","):
        for size in sizes:
            path = article(size)
            argv = [str(NEWSCLI), command, "--max-chars", str(size + 1), "-q", str(path)]
            if command == "dedupe":
                argv.insert(-1, str(path))  # two copies: a pair to find
            seconds, peak = measure(argv, CACHE / "long.out")
            print(
                f"| {command} | {size:,} | {seconds:.2f} | {peak / MiB:.0f} "
                f"| {seconds / size * 1e6:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
