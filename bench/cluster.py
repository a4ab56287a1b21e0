"""`--scheduler` on a two-worker Dask LocalCluster beside `--jobs 2`, same run and corpus.

    python -m bench.cluster [--n 100000] [--command analyze]

The corpus is `bench.commands`' (real news cycled to size when ../shared/data is there).
Each run is the installed entry point in its own process, from the JSONL file to its
output; the two outputs are compared byte for byte. The cluster's overhead per article is
the difference of the two wall times over the articles; from the measured cost per
article, the arithmetic for 100 million articles on N workers follows.
"""

import argparse
import sys

from bench.commands import corpus, run
from bench.dedupe import NEWSCLI


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles (100,000)")
    parser.add_argument("--command", default="analyze")
    args = parser.parse_args()
    try:
        from distributed import LocalCluster
    except ImportError:
        print("bench.cluster: needs newscli[dask]; skipped", file=sys.stderr)
        return
    path = corpus(args.n)
    command = [str(NEWSCLI), args.command, "--jsonl", str(path), "-q"]
    local_seconds, local_peak, local_digest = run([*command, "--jobs", "2"])
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        cluster_seconds, _, cluster_digest = run(
            [*command, "--scheduler", cluster.scheduler_address]
        )
    finally:
        cluster.close()
    n = args.n
    overhead = (cluster_seconds - local_seconds) / local_seconds
    print(f"{n:,} articles, newscli {args.command}, 2 CPUs ({path.name})")
    print(f"| {n:,} articles | wall s | µs/article | overhead |")
    print("|---|---|---|---|")
    print(f"| `--jobs 2` | {local_seconds:.1f} | {local_seconds / n * 1e6:,.0f} | |")
    print(
        f"| `--scheduler`, LocalCluster of 2 workers | {cluster_seconds:.1f} | "
        f"{cluster_seconds / n * 1e6:,.0f} | {overhead:+.1%} |"
    )
    print(f"same output: {'yes' if local_digest == cluster_digest else 'NO'}")
    per_core = cluster_seconds * 2 / n  # one core's seconds per article, on the cluster
    for workers in (64, 256, 1024):
        hours = 100e6 * per_core / workers / 3600
        print(f"100 million articles on {workers} one-core workers: {hours:.1f} hours")


if __name__ == "__main__":
    main()
