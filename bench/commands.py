"""Every per-document command on a corpus, beside its peer, and how cost grows with size.

    python -m bench.commands [--n 1000] [--sizes 1000,10000,100000] [--check-jobs]
                             [--commands parse,readability,...]

The corpus is real news cycled to the size asked for: BBC News and PolNeAR articles
from ../shared/data when they are there (numbered copies: the same text many times costs
what it costs once), else the seeded synthetic generator (`bench.corpus`). Each system
runs in its own process from the JSONL file to its output, as a user runs it, and is
measured like `bench.dedupe`: wall time and the peak resident memory of the process
tree.

1. Throughput, one process each (--jobs 1), on N articles: every newscli command, and the
   peers that exist offline -- textstat computing every English score of newscli's
   `readability` record (on the raw text: what its users do) and sumy's TextRank for
   `summarize` (handed newscli's sentences,
   since sumy cannot split sentences without NLTK data; the parse is counted on its side
   too). No offline peer exists for quotes or entities (textacy/spaCy need model
   downloads), so those rows stand alone.
2. Scaling: `newscli analyze --jobs 2` at each of --sizes, microseconds per article and
   peak memory, which should stay flat; with --check-jobs, also --jobs 1, and the two
   outputs compared byte for byte.
"""

import argparse
import hashlib
import json
import sys
import time
from itertools import cycle, islice
from pathlib import Path

from bench.dedupe import CACHE, NEWSCLI, ROOT, measure

SHARED = ROOT.parent / "shared" / "data"
REAL = (SHARED / "summarize" / "bbc-dev.jsonl", SHARED / "quotes" / "polnear-train.jsonl")
COMMANDS = ("parse", "readability", "summarize", "quotes", "entities", "analyze")
PEERS = {"readability": "textstat", "summarize": "sumy TextRank"}
MiB = 1 << 20


def corpus(n: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    real = all(path.exists() for path in REAL)
    path = CACHE / f"{'real' if real else 'synthetic'}-news-{n}.jsonl"
    if path.exists():
        return path
    if real:
        texts = []
        for source in REAL:
            with source.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines]
    else:
        from bench.corpus import write

        # said where it cannot be missed: figures on synthetic text do not compare with
        # figures on real news
        missing = ", ".join(str(source) for source in REAL if not source.exists())
        print(
            f"bench.commands: real news not found ({missing}): measuring the synthetic corpus",
            file=sys.stderr,
        )
        synthetic = CACHE / f"synthetic-{n}-seed0.jsonl"
        if not synthetic.exists():
            write(synthetic, n, seed=0)
        return synthetic
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(islice(cycle(texts), n)):
            out.write(json.dumps({"id": number, "text": text}, ensure_ascii=False) + "\n")
    return path


def run(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak bytes and the SHA-256 of stdout."""
    output = CACHE / "bench-commands.out"
    seconds, peak = measure(command, output)
    digest = hashlib.sha256(output.read_bytes()).hexdigest()
    output.unlink()
    return seconds, peak, digest


def newscli(command: str, path: Path, jobs: int) -> list[str]:
    return [str(NEWSCLI), command, "--jsonl", str(path), "-q", "--jobs", str(jobs)]


def peer_worker(name: str, path: Path) -> None:
    """A peer end to end on the corpus: read each article, score it, print a line."""
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    if name == "textstat":
        from eval.readability import offline_textstat

        # newscli's offline CMUdict: textstat would otherwise download it
        textstat = offline_textstat()
        # every English score newscli's readability record holds, by textstat's names
        formulas = (
            textstat.flesch_reading_ease,
            textstat.flesch_kincaid_grade,
            textstat.gunning_fog,
            textstat.smog_index,
            textstat.coleman_liau_index,
            textstat.automated_readability_index,
            textstat.dale_chall_readability_score,
            textstat.linsear_write_formula,
            textstat.text_standard,
            textstat.dale_chall_readability_score_v2,
            textstat.spache_readability,
            textstat.mcalpine_eflaw,
            textstat.lix,
            textstat.rix,
            textstat.words_per_sentence,
            textstat.avg_syllables_per_word,
            textstat.avg_character_per_word,
            textstat.avg_letter_per_word,
            textstat.avg_sentence_per_word,
            textstat.reading_time,
        )
        for text in texts:
            print(json.dumps([formula(text) for formula in formulas]))
    else:
        from eval.summarize import sumy_pick, sumy_summarizer
        from newscli.document import parse

        summarizer = sumy_summarizer("TextRank")
        for text in texts:
            print(json.dumps(sumy_pick(summarizer, parse(text))))


def throughput(n: int, commands: list[str]) -> None:
    path = corpus(n)
    print(f"\nthroughput on {n:,} articles ({path.name}), one process each")
    print(f"  {'system':<30}{'wall s':>9}{'articles/s':>12}{'peak MiB':>10}{'ratio':>8}")
    for command in commands:
        seconds, peak, _ = run(newscli(command, path, 1))
        print(
            f"  {'newscli ' + command:<30}{seconds:>9.1f}{n / seconds:>12,.0f}{peak / MiB:>10.0f}"
        )
        peer = PEERS.get(command)
        if peer is not None:
            worker = [sys.executable, "-m", "bench.commands", "--peer", peer.split()[0], str(path)]
            theirs, their_peak, _ = run(worker)
            print(
                f"  {peer:<30}{theirs:>9.1f}{n / theirs:>12,.0f}{their_peak / MiB:>10.0f}"
                f"{theirs / seconds:>7.1f}x"
            )


def scaling(sizes: list[int], check_jobs: bool) -> None:
    print("\nscaling: newscli analyze --jobs 2")
    header = f"  {'articles':>10}{'wall s':>9}{'us/article':>12}{'peak MiB':>10}"
    print(header + ("  --jobs 1 s  same output" if check_jobs else ""))
    for n in sizes:
        path = corpus(n)
        seconds, peak, digest = run(newscli("analyze", path, 2))
        line = f"  {n:>10,}{seconds:>9.1f}{seconds / n * 1e6:>12,.0f}{peak / MiB:>10.0f}"
        if check_jobs:
            one, _, one_digest = run(newscli("analyze", path, 1))
            line += f"{one:>11.1f}  {'yes' if one_digest == digest else 'NO'}"
        print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="articles for the throughput table")
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes to scale over")
    parser.add_argument("--check-jobs", action="store_true", help="also --jobs 1, outputs compared")
    parser.add_argument(
        "--commands", default=",".join(COMMANDS), help="the commands for the throughput table"
    )
    parser.add_argument("--peer", nargs=2, metavar=("NAME", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer:
        peer_worker(args.peer[0], Path(args.peer[1]))
        return
    started = time.perf_counter()
    throughput(args.n, args.commands.split(","))
    sizes = [int(size) for size in args.sizes.split(",") if size]
    if sizes:  # --sizes '' leaves the scaling table out
        scaling(sizes, args.check_jobs)
    print(f"\n({time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
