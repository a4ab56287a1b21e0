"""Summarizing speed, in one warm process: newscli's default method beside sumy's TextRank.

    python -m bench.summarize [--n 200] [--data PATH]

The articles are the first N of BBC News (shared/data/summarize/bbc-dev.jsonl beside the
repository) when it is there, otherwise seeds/*.txt over and over up to N. newscli is
timed as `newscli summarize` works: parse + summarize. sumy is handed newscli's parse (so
it needs no NLTK tokenizer data; the parse is not timed) and timed building its document
and summarizing. Each side runs once on every article to warm up, then PASSES times over
all of them; the fastest pass counts.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

from eval.summarize import BUDGET, SENTENCES, sumy_pick, sumy_summarizer
from newscli.analysis.summarize import DEFAULT_METHOD, summarize
from newscli.document import Document, parse

PASSES = 3
ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "summarize" / "bbc-dev.jsonl"


def articles(path: Path, n: int) -> tuple[str, list[str]]:
    """A description of the articles, and their texts."""
    if path.exists():
        with path.open(encoding="utf-8") as lines:
            texts = [json.loads(line)["text"] for line in islice(lines, n)]
        return f"the first {len(texts)} BBC News articles ({path.name})", texts
    seeds = [seed.read_text(encoding="utf-8") for seed in sorted(ROOT.glob("seeds/*.txt"))]
    texts = list(islice(cycle(seeds), n))
    return f"{len(seeds)} seeds/*.txt repeated to {n} ({path} not found)", texts


def fastest_pass_ms(run: Callable[[], object]) -> float:
    """The fastest of PASSES runs, in milliseconds, after one to warm up."""
    run()
    fastest = float("inf")
    for _ in range(PASSES):
        started = time.perf_counter()
        run()
        fastest = min(fastest, time.perf_counter() - started)
    return 1000 * fastest


SEED = ROOT / "seeds" / "iran-missiles-live-updates.txt"
SHELL_RUNS = 5
# sumy from the shell, as it has to run offline: newscli's sentences, sumy's TextRank
SUMY_ONE_ARTICLE = (
    "import sys; from eval.summarize import sumy_pick, sumy_summarizer; "
    "from newscli.document import parse; "
    "print(sumy_pick(sumy_summarizer('TextRank'), parse(open(sys.argv[1]).read())))"
)


def shell_ms(command: list[str]) -> float:
    """Median wall time of a fresh process, in milliseconds, after one to warm up."""
    times = []
    for _ in range(SHELL_RUNS + 1):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description="Summarizing speed: newscli vs sumy TextRank.")
    parser.add_argument("--n", type=int, default=200, help="articles to summarize (200)")
    parser.add_argument("--data", type=Path, default=BBC, help=f"BBC JSONL (default {BBC})")
    args = parser.parse_args()

    described, texts = articles(args.data, args.n)
    # sumy's input is newscli's parse, made here so that only sumy's own work is timed
    documents: list[Document] = [parse(text) for text in texts]
    textrank = sumy_summarizer("TextRank")

    newscli_ms = fastest_pass_ms(
        lambda: [summarize(parse(text), budget=BUDGET, method=DEFAULT_METHOD) for text in texts]
    )
    sumy_ms = fastest_pass_ms(lambda: [sumy_pick(textrank, document) for document in documents])

    print(f"{SENTENCES}-sentence summaries of {described}; fastest of {PASSES} warm passes")
    print(f"  {'system':<70} {'ms/article':>10}")
    rows = (
        (f"newscli, method {DEFAULT_METHOD} (parse + summarize)", newscli_ms),
        ("sumy TextRank (build its document from newscli's parse + summarize)", sumy_ms),
    )
    for label, ms in rows:
        print(f"  {label:<70} {ms / len(texts):10.2f}")
    if newscli_ms <= sumy_ms:
        print(f"newscli is {sumy_ms / newscli_ms:.1f}x as fast as sumy TextRank")
    else:
        print(f"newscli is {newscli_ms / sumy_ms:.1f}x as slow as sumy TextRank")

    newscli_command = [str(Path(sys.executable).with_name("newscli")), "summarize", str(SEED)]
    newscli_shell = shell_ms(newscli_command)
    sumy_shell = shell_ms([sys.executable, "-c", SUMY_ONE_ARTICLE, str(SEED)])
    print(f"one article from the shell ({SEED.name}), median of {SHELL_RUNS} fresh processes")
    print(f"  {'newscli summarize':<70} {newscli_shell:10.0f} ms")
    print(f"  {'sumy TextRank (python -c, given newscli sentences)':<70} {sumy_shell:10.0f} ms")
    print(f"newscli is {sumy_shell / newscli_shell:.1f}x as fast from the shell")


if __name__ == "__main__":
    main()
