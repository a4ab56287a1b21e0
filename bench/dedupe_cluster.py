"""`dedupe --scheduler` on a two-worker LocalCluster beside the local `dedupe`, by size.

    python -m bench.dedupe_cluster [--sizes 250000,500000,1000000,2000000] [--per-file 10000]

The corpora are `bench.dedupe`'s (synthetic articles from `bench.corpus`, seed 0), cut into
files of `--per-file` lines: on a cluster each input file is one partition, read by a
worker. For each size:

- local: ``newscli dedupe --jsonl FILES -f jsonl`` with ``--jobs 1`` and with one worker per
  CPU (the default); wall time and peak resident memory of the process and its workers;
- cluster: a LocalCluster of two one-thread worker processes, started afresh in a process
  of its own, then ``newscli dedupe --scheduler ADDRESS`` on the same files; wall time,
  the client's peak (the newscli process alone) and the cluster's (scheduler and workers),
  and the bytes the P2P shuffles moved (the scheduler's metrics);
- the two outputs compared byte for byte.

Then, from the largest size's per-document costs, what 100 million and a billion documents
need. Peaks are sampled every 50 ms from /proc.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.dedupe import CACHE, NEWSCLI, ROOT, _tree_rss, corpus

SIZES = "250000,500000,1000000,2000000"
#: what a worker of the model has: cores and memory
MODEL_WORKER_MEMORY = 8 * 2**30


def split(n: int, per_file: int, largest: int) -> list[Path]:
    """The corpus of n documents as files of `per_file` lines: the first files of the
    largest corpus's (a corpus of n is the first n documents of a larger one)."""
    directory = CACHE / f"split-{largest}-{per_file}"
    done = directory / ".done"
    if not done.exists():
        directory.mkdir(parents=True, exist_ok=True)
        with corpus(largest, 0).open(encoding="utf-8") as lines:
            part, out = 0, None
            for i, line in enumerate(lines):
                if i % per_file == 0:
                    if out:
                        out.close()
                    out = (directory / f"part-{part:05d}.jsonl").open("w", encoding="utf-8")
                    part += 1
                assert out is not None
                out.write(line)
            if out:
                out.close()
        done.touch()
    return sorted(directory.glob("part-*.jsonl"))[: -(-n // per_file)]


def watch(command: list[str], output: Path, also: int | None = None) -> tuple[float, int, int]:
    """Wall seconds, the command's peak resident bytes (with its children), and the peak
    of process `also` and its children (the cluster) meanwhile."""
    started = time.perf_counter()
    with output.open("w") as out:
        process = subprocess.Popen(command, stdout=out, cwd=ROOT)
        peak = other = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            if also is not None:
                other = max(other, _tree_rss(also))
            time.sleep(0.05)
    if process.returncode != 0:
        raise SystemExit(f"{command[1]} failed with exit code {process.returncode}")
    return time.perf_counter() - started, peak, other


def start_cluster() -> tuple[subprocess.Popen, str]:
    """A LocalCluster of two one-thread worker processes, in a process of its own."""
    script = (
        "import sys, time\n"
        "from distributed import LocalCluster\n"
        "c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,"
        " dashboard_address=None)\n"
        "print(c.scheduler_address, flush=True)\n"
        "sys.stdin.read()\n"
        "c.close()\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def shuffled_bytes(address: str) -> int:
    """The bytes the P2P shuffles sent between workers, from the scheduler's metrics."""
    from distributed import Client

    def metrics(dask_scheduler) -> dict:  # type: ignore[no-untyped-def]
        return {str(k): v for k, v in dask_scheduler.cumulative_worker_metrics.items()}

    with Client(address) as client:
        found = client.run_on_scheduler(metrics)
    return int(sum(v for k, v in found.items() if "'p2p-shards'" in k and "'bytes'" in k))


def row(name: str, n: int, seconds: float, client: int, cluster: int | None) -> None:
    other = f"{cluster / 2**20:,.0f}" if cluster is not None else ""
    print(
        f"| {name} | {n:,} | {seconds:,.1f} | {1e6 * seconds / n:,.0f} | "
        f"{client / 2**20:,.0f} | {other} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=SIZES)
    parser.add_argument("--per-file", type=int, default=10_000)
    parser.add_argument("--no-local", action="store_true", help="the cluster runs alone")
    parser.add_argument(
        "--jobs-1-up-to", type=int, default=1_000_000, help="local --jobs 1 at sizes up to this"
    )
    args = parser.parse_args()
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("bench.dedupe_cluster: needs newscli[dask]; skipped", file=sys.stderr)
        return
    print(f"dedupe on synthetic corpora in files of {args.per_file:,}; {os.cpu_count()} CPUs")
    print("| run | documents | wall s | µs/doc | peak MiB (client) | peak MiB (cluster) |")
    print("|---|---|---|---|---|---|")
    last = None
    sizes = [int(size) for size in args.sizes.split(",") if size]
    for n in sizes:
        files = [str(f) for f in split(n, args.per_file, max(sizes))]
        command = [str(NEWSCLI), "dedupe", "--jsonl", "-f", "jsonl", "-q", *files]
        local_outs = []
        if not args.no_local:
            if n <= args.jobs_1_up_to:
                local_outs.append(CACHE / f"dedupe-jobs-1-{n}.jsonl")
                measured = watch([*command, "--jobs", "1"], local_outs[-1])
                row("local, --jobs 1", n, *measured[:2], None)
            local_outs.append(CACHE / f"dedupe-local-{n}.jsonl")
            row("local, one worker a CPU", n, *watch(command, local_outs[-1])[:2], None)
        cluster, address = start_cluster()
        time.sleep(2)
        idle = _tree_rss(cluster.pid)
        try:
            cluster_out = CACHE / f"dedupe-cluster-{n}.jsonl"
            seconds, client, workers = watch(
                [*command, "--scheduler", address], cluster_out, also=cluster.pid
            )
            moved = shuffled_bytes(address)
        finally:
            assert cluster.stdin is not None
            cluster.stdin.close()
            cluster.wait(timeout=60)
        row("cluster, 2 workers", n, seconds, client, workers)
        print(f"|  | the cluster idle: {idle / 2**20:,.0f} MiB |")
        same = "not compared"
        if local_outs:
            expected = cluster_out.read_bytes()
            same = ", ".join(
                f"{'yes' if out.read_bytes() == expected else 'NO'} ({out.name})"
                for out in local_outs
            )
        print(f"|  | shuffled {moved / n:,.0f} bytes a document; same records as local: {same} |")
        last = (n, seconds, client, workers - idle, moved)
        for out in (cluster_out, *local_outs):
            out.unlink()
    if last is not None:
        model(*last)


def model(n: int, seconds: float, client: int, workers: int, moved: int) -> None:
    """What 100 million and a billion documents need, from one run's per-document costs."""
    core_seconds = seconds * 2 / n  # two one-core workers
    memory = workers / n  # the cluster's peak above its idle size, per document
    print(f"\nfrom {n:,} documents: {1e3 * core_seconds:.2f} core-ms, {memory:,.0f} bytes of")
    shuffled = moved / n
    print(f"cluster memory and {shuffled:,.0f} shuffled bytes a document")
    for total in (100_000_000, 1_000_000_000):
        need = total * memory
        workers_for_memory = max(1, -(-int(need) // MODEL_WORKER_MEMORY))
        for count in sorted({workers_for_memory, 256, 1024}):
            hours = total * core_seconds / count / 3600
            print(
                f"- {total:,} documents on {count:,} one-core workers of "
                f"{MODEL_WORKER_MEMORY / 2**30:.0f} GiB: {hours:,.1f} h, "
                f"{need / 2**30:,.0f} GiB held in all, {total * shuffled / 2**40:,.2f} TiB"
                " shuffled"
            )


if __name__ == "__main__":
    main()
