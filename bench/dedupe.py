"""Dedupe speed and memory at corpus scale: newscli beside datasketch's MinHashLSH.

    python -m bench.dedupe [--sizes 10000,100000] [--million] [--seed 0]

Corpora come from the seeded generator (`bench.corpus`: synthetic articles, a quarter of
them seeds with 1-4 edited variants each), written once to a cache in the temporary
directory. Each system runs in its own process, from the JSONL file to its clusters:

- newscli: ``newscli dedupe --jsonl FILE`` as a user runs it (parse, clean, sketch,
  cluster, write a record per document to /dev/null) with its default workers (one per
  CPU), and with ``--jobs 1``;
- datasketch: MinHash (128 permutations) of each text's lower-cased 5-word shingles,
  MinHashLSH at threshold 0.5, a query per document, connected components.

Then, to show where newscli's time goes, its stages timed apart in one process:
`document.parse` (cleaning, paragraphs, sentences), sketching (normalise, shingle, hash,
sample) and clustering -- beside datasketch's own work (MinHash and LSH), timed alike.

Wall time, and peak memory: the largest total resident size of the process and its
workers, sampled every 50 ms from /proc. Cluster F1 (pairs within clusters, as in
`eval.dedupe`) against the generator's groups is printed as a sanity check.
`--million` adds newscli alone on 1,000,000 documents.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.corpus import write

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "newscli-bench"
NEWSCLI = Path(sys.executable).with_name("newscli")
DATASKETCH_THRESHOLD = 0.5
PERMUTATIONS = 128


def corpus(n: int, seed: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"synthetic-{n}-seed{seed}.jsonl"
    if not path.exists():
        started = time.perf_counter()
        write(path, n, seed=seed)
        print(f"  (generated {path} in {time.perf_counter() - started:.0f} s)", flush=True)
    return path


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def measure(command: list[str], output: Path) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of a command, its stdout sent to `output`."""
    started = time.perf_counter()
    with output.open("w") as out:
        process = subprocess.Popen(command, stdout=out, cwd=ROOT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed with exit code {process.returncode}")
    return seconds, peak


def cluster_f1(groups: list[str], labels: list[str]) -> float:
    """F1 of the pairs put in one cluster against the pairs of one group."""

    def pairs(counts: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    together = pairs(Counter(zip(groups, labels, strict=True)))
    predicted, gold = pairs(Counter(labels)), pairs(Counter(groups))
    precision = together / predicted if predicted else 1.0
    recall = together / gold if gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def groups_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["group"] for line in lines]


def run_newscli(path: Path, jobs: int | None) -> tuple[float, int, float]:
    command = [str(NEWSCLI), "dedupe", "--jsonl", str(path), "-f", "jsonl"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    output = CACHE / f"newscli-{os.getpid()}.out.jsonl"
    seconds, peak = measure(command, output)
    with output.open(encoding="utf-8") as lines:
        labels = [json.loads(line)["cluster"] for line in lines]
    output.unlink()
    return seconds, peak, cluster_f1(groups_of(path), labels)


def run_datasketch(path: Path) -> tuple[float, int, float]:
    output = CACHE / f"datasketch-{os.getpid()}.out"
    command = [sys.executable, "-m", "bench.dedupe", "--datasketch-worker", str(path)]
    seconds, peak = measure(command, output)
    labels = output.read_text(encoding="utf-8").split()
    output.unlink()
    return seconds, peak, cluster_f1(groups_of(path), labels)


def datasketch_worker(path: Path) -> None:
    """The peer, end to end: read, shingle, MinHash, LSH, components; print labels."""
    import re

    from datasketch import MinHash, MinHashLSH

    word = re.compile(r"[^\W_]+")
    lsh = MinHashLSH(threshold=DATASKETCH_THRESHOLD, num_perm=PERMUTATIONS)
    hashes = []
    with path.open(encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            words = word.findall(json.loads(line)["text"].lower())
            shingles = {" ".join(words[j : j + 5]).encode() for j in range(max(1, len(words) - 4))}
            minhash = MinHash(num_perm=PERMUTATIONS)
            minhash.update_batch(list(shingles))
            lsh.insert(i, minhash)
            hashes.append(minhash)
    parent = list(range(len(hashes)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, minhash in enumerate(hashes):
        for j in lsh.query(minhash):
            parent[root(i)] = root(j)
    sys.stdout.write("\n".join(str(root(i)) for i in range(len(hashes))) + "\n")


def stage_worker(path: Path) -> None:
    """newscli's stages timed apart, in this process; datasketch's too. Prints JSON."""
    import re

    from datasketch import MinHash, MinHashLSH

    from newscli.document import parse
    from newscli.duplicates.cluster import Corpus, find_clusters
    from newscli.duplicates.sketch import sketch_many

    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    times = Counter[str]()
    corpus = Corpus()
    for start in range(0, len(texts), 256):
        started = time.perf_counter()
        documents = [parse(text) for text in texts[start : start + 256]]
        parsed = time.perf_counter()
        for sketch in sketch_many(documents):
            corpus.add(sketch, source="")
        times["newscli sketch"] += time.perf_counter() - parsed
        times["newscli parse"] += parsed - started
    started = time.perf_counter()
    find_clusters(corpus, pairs=False)
    times["newscli cluster"] = time.perf_counter() - started

    word = re.compile(r"[^\W_]+")
    started = time.perf_counter()
    hashes = []
    for text in texts:
        words = word.findall(text.lower())
        minhash = MinHash(num_perm=PERMUTATIONS)
        minhash.update_batch(
            list({" ".join(words[j : j + 5]).encode() for j in range(max(1, len(words) - 4))})
        )
        hashes.append(minhash)
    lsh_started = time.perf_counter()
    times["datasketch minhash"] = lsh_started - started
    lsh = MinHashLSH(threshold=DATASKETCH_THRESHOLD, num_perm=PERMUTATIONS)
    for i, minhash in enumerate(hashes):
        lsh.insert(i, minhash)
    for minhash in hashes:
        lsh.query(minhash)
    times["datasketch lsh"] = time.perf_counter() - lsh_started
    print(json.dumps(times))


def stages(path: Path, n: int) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.dedupe", "--stage-worker", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    t = json.loads(result.stdout)
    ours = t["newscli sketch"] + t["newscli cluster"]
    theirs = t["datasketch minhash"] + t["datasketch lsh"]
    print(
        f"  stages in one process: newscli parse {t['newscli parse']:.1f} s, sketch "
        f"{t['newscli sketch']:.1f} s, cluster {t['newscli cluster']:.1f} s; datasketch "
        f"MinHash {t['datasketch minhash']:.1f} s, LSH {t['datasketch lsh']:.1f} s"
    )
    print(
        f"  dedupe proper (sketch + cluster vs MinHash + LSH, parsing aside): newscli is "
        f"{theirs / ours:.1f}x as fast at {n:,}"
    )


def row(name: str, n: int, seconds: float, peak: int, f1: float) -> None:
    print(
        f"  {name:<34} {n:>9,} {seconds:9.1f} {1e6 * seconds / n:9.0f} {peak / 2**20:9.0f}"
        f" {f1:8.4f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes (10000,100000)")
    parser.add_argument("--million", action="store_true", help="also newscli on 1,000,000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--datasketch-worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stage-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.datasketch_worker:
        datasketch_worker(args.datasketch_worker)
        return
    if args.stage_worker:
        stage_worker(args.stage_worker)
        return

    sizes = [int(size) for size in args.sizes.split(",") if size]
    print(f"dedupe on synthetic corpora (bench.corpus, seed {args.seed}); {os.cpu_count()} CPUs")
    print(
        f"  {'system':<34} {'documents':>9} {'wall s':>9} {'us/doc':>9} {'peak MiB':>9}"
        f" {'clust F1':>8}"
    )
    for n in sizes:
        path = corpus(n, args.seed)
        newscli = run_newscli(path, None)
        row("newscli dedupe (one worker/CPU)", n, *newscli)
        row("newscli dedupe --jobs 1", n, *run_newscli(path, 1))
        peer = run_datasketch(path)
        row(f"datasketch MinHashLSH t={DATASKETCH_THRESHOLD}", n, *peer)
        print(
            f"  end to end: newscli is {peer[0] / newscli[0]:.1f}x as fast as datasketch at {n:,}"
        )
        stages(path, n)
    if args.million:
        n = 1_000_000
        path = corpus(n, args.seed)
        row("newscli dedupe (one worker/CPU)", n, *run_newscli(path, None))


if __name__ == "__main__":
    main()
