"""Near-duplicate evaluation: newscli dedupe beside datasketch's MinHashLSH, same run.

    python -m eval.dedupe PATH/bbc-neardup-dev.jsonl [--thresholds 0.5,0.6,...]

Each line is a document with a `group`; documents of one group are duplicates of each
other (a BBC article and its edited variants), every other pair is not. Scores:

- **pairs**: the pairs a system declares duplicates directly -- newscli's verified pairs
  (`--pairs`: exact copies with the copy they match, near pairs that passed the check),
  datasketch's LSH query results -- against the gold pairs (all same-group pairs).
- **clusters**: the pairs the clustering puts together (every two documents in one
  cluster; for datasketch, connected components of its pairs) against the gold pairs:
  precision = co-clustered pairs that are gold / co-clustered pairs, recall = gold pairs
  co-clustered / gold pairs. Merging two groups of 5 costs 25 false pairs, so cluster
  precision punishes chaining as pair counting should. B-cubed F1 is given beside it.
- time: sketching (parsing included for newscli) and clustering, in this process.

datasketch (MinHash, 128 permutations; MinHashLSH at each threshold) is given what its
users usually give it, the 5-word shingles of the lower-cased text, and, in a second set
of rows, the very shingles newscli uses (words of the cleaned body, `--shingle` words).
The groups are also split in two halves by a hash of their name, and newscli's default
scored on each half, to show how much the figures move with the sample.
"""

import argparse
import hashlib
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from eval import figures
from newscli.document import parse
from newscli.duplicates import SHINGLE, THRESHOLD
from newscli.duplicates.cluster import Corpus, find_clusters
from newscli.duplicates.pipeline import sketch_articles
from newscli.duplicates.sketch import body_text, normalise
from newscli.inputs import Article

NEWSCLI_THRESHOLDS = (0.5, 0.6, THRESHOLD, 0.8, 0.9)
DATASKETCH_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
PERMUTATIONS = 128
#: the precision the goal asks for; the best F1 at or above it is reported
PRECISION_GOAL = 0.995
_WORD = re.compile(r"[^\W_]+")

Pair = tuple[int, int]


@dataclass
class Score:
    system: str
    threshold: float
    pair_p: float
    pair_r: float
    pair_f: float
    cluster_p: float
    cluster_r: float
    cluster_f: float
    bcubed_f: float
    seconds: float


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def gold_pairs(groups: list[str]) -> set[Pair]:
    members: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[group].append(i)
    return {pair for m in members.values() for pair in combinations(m, 2)}


def components(n: int, pairs: Iterable[Pair]) -> list[int]:
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    return [root(i) for i in range(n)]


def score(
    system: str,
    threshold: float,
    pairs: set[Pair],
    labels: list[int],
    groups: list[str],
    gold: set[Pair],
    seconds: float,
) -> Score:
    pairs = {(min(a, b), max(a, b)) for a, b in pairs}
    true = len(pairs & gold)
    pair_p = true / len(pairs) if pairs else 1.0
    pair_r = true / len(gold)
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    clustered = {pair for m in members.values() for pair in combinations(sorted(m), 2)}
    true = len(clustered & gold)
    cluster_p = true / len(clustered) if clustered else 1.0
    cluster_r = true / len(gold)
    # B-cubed: per document, the share of its cluster in its group and of its group in
    # its cluster, averaged
    group_size = Counter(groups)
    precision = recall = 0.0
    for m in members.values():
        in_group = Counter(groups[i] for i in m)
        for i in m:
            precision += in_group[groups[i]] / len(m)
            recall += in_group[groups[i]] / group_size[groups[i]]
    bcubed = f1(precision / len(groups), recall / len(groups))
    return Score(
        system,
        threshold,
        pair_p,
        pair_r,
        f1(pair_p, pair_r),
        cluster_p,
        cluster_r,
        f1(cluster_p, cluster_r),
        bcubed,
        seconds,
    )


def newscli_scores(
    records: list[dict[str, Any]], groups: list[str], gold: set[Pair], thresholds: Iterable[float]
) -> tuple[list[Score], Callable[[float], list[int]]]:
    started = time.perf_counter()
    articles = (
        (i, Article(source=str(r.get("id", i)), text=r["text"], title=r.get("title")))
        for i, r in enumerate(records)
    )
    corpus = Corpus()
    for i, article, result in sketch_articles(articles, shingle=SHINGLE):
        if isinstance(result, Exception):
            raise result
        assert i == len(corpus)
        corpus.add(result[0], source=article.source)
    sketched = time.perf_counter() - started
    scores = []

    def labels_at(threshold: float) -> list[int]:
        return find_clusters(corpus, threshold=threshold).representative.tolist()

    for threshold in thresholds:
        started = time.perf_counter()
        clusters = find_clusters(corpus, threshold=threshold)
        seconds = sketched + time.perf_counter() - started
        pairs = {(p.a, p.b) for p in clusters.pairs}
        labels = clusters.representative.tolist()
        scores.append(score("newscli", threshold, pairs, labels, groups, gold, seconds))
    return scores, labels_at


def shingles_raw(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))}


def shingles_body(text: str) -> set[bytes]:
    words = _WORD.findall(normalise(body_text(parse(text))))
    width = SHINGLE
    return {" ".join(words[i : i + width]).encode() for i in range(max(1, len(words) - width + 1))}


def datasketch_scores(
    name: str,
    texts: list[str],
    shingles: Callable[[str], set[bytes]],
    groups: list[str],
    gold: set[Pair],
    thresholds: Iterable[float],
) -> list[Score]:
    from datasketch import MinHash, MinHashLSH

    started = time.perf_counter()
    hashes = []
    for text in texts:
        minhash = MinHash(num_perm=PERMUTATIONS)
        minhash.update_batch(list(shingles(text)))
        hashes.append(minhash)
    sketched = time.perf_counter() - started
    scores = []
    for threshold in thresholds:
        started = time.perf_counter()
        lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
        for i, minhash in enumerate(hashes):
            lsh.insert(i, minhash)
        pairs = {(i, j) for i, m in enumerate(hashes) for j in lsh.query(m) if j != i}
        labels = components(len(texts), pairs)
        seconds = sketched + time.perf_counter() - started
        scores.append(score(name, threshold, pairs, labels, groups, gold, seconds))
    return scores


def print_table(scores: list[Score]) -> None:
    print(
        f"  {'system':<36} {'thr':>4}  {'pairs P':>7} {'R':>6} {'F1':>6}"
        f"  {'clusters P':>10} {'R':>6} {'F1':>6}  {'B3 F1':>6} {'time':>6}"
    )
    for s in scores:
        print(
            f"  {s.system:<36} {s.threshold:>4.2f}  {s.pair_p:7.4f} {s.pair_r:6.4f} "
            f"{s.pair_f:6.4f}  {s.cluster_p:10.4f} {s.cluster_r:6.4f} {s.cluster_f:6.4f}  "
            f"{s.bcubed_f:6.4f} {s.seconds:5.1f}s"
        )


def best(scores: list[Score], system: str) -> str:
    eligible = [s for s in scores if s.system == system and s.cluster_p >= PRECISION_GOAL]
    if not eligible:
        return f"  {system}: no threshold reaches cluster precision {PRECISION_GOAL}"
    top = max(eligible, key=lambda s: s.cluster_f)
    return (
        f"  {system}: cluster F1 {top.cluster_f:.4f} (P {top.cluster_p:.4f}, "
        f"R {top.cluster_r:.4f}) at threshold {top.threshold:.2f}"
    )


def half(group: str) -> int:
    return hashlib.blake2b(group.encode(), digest_size=1).digest()[0] % 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="bbc-neardup-dev.jsonl")
    parser.add_argument(
        "--no-datasketch", action="store_true", help="score newscli alone (no peer)"
    )
    args = parser.parse_args()

    with args.path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    groups = [r["group"] for r in records]
    gold = gold_pairs(groups)
    texts = [r["text"] for r in records]
    sizes = Counter(Counter(groups).values())
    print(
        f"{args.path.name}: {len(records)} documents, {len(set(groups))} groups "
        f"({sizes[1]} of one document), {len(gold)} duplicate pairs"
    )
    scores, labels_at = newscli_scores(records, groups, gold, NEWSCLI_THRESHOLDS)
    if not args.no_datasketch:
        scores += datasketch_scores(
            "datasketch, 5-word shingles of text",
            texts,
            shingles_raw,
            groups,
            gold,
            DATASKETCH_THRESHOLDS,
        )
        scores += datasketch_scores(
            f"datasketch, newscli's {SHINGLE}-shingles",
            texts,
            shingles_body,
            groups,
            gold,
            DATASKETCH_THRESHOLDS,
        )
    print()
    print_table(scores)
    print()
    print(f"Best cluster F1 with cluster precision >= {PRECISION_GOAL}:")
    for system in dict.fromkeys(s.system for s in scores):
        print(best(scores, system))
    default = next(s for s in scores if s.system == "newscli" and s.threshold == THRESHOLD)
    figures.record("dedupe.bbc.cluster_precision", default.cluster_p)
    figures.record("dedupe.bbc.cluster_recall", default.cluster_r)
    figures.record("dedupe.bbc.cluster_f1", default.cluster_f)
    figures.record("dedupe.bbc.bcubed_f1", default.bcubed_f)

    print()
    print(f"newscli at its default threshold ({THRESHOLD}) on each half of the groups:")
    labels = labels_at(THRESHOLD)
    for part in (0, 1):
        keep = [i for i, g in enumerate(groups) if half(g) == part]
        sub_groups = [groups[i] for i in keep]
        sub_labels = [labels[i] for i in keep]
        sub_gold = gold_pairs(sub_groups)
        s = score("newscli", THRESHOLD, set(), sub_labels, sub_groups, sub_gold, 0.0)
        print(
            f"  half {part + 1}: {len(keep)} documents, cluster P {s.cluster_p:.4f} "
            f"R {s.cluster_r:.4f} F1 {s.cluster_f:.4f}, B3 F1 {s.bcubed_f:.4f}"
        )


if __name__ == "__main__":
    main()
