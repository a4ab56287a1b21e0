"""--scheduler and --output-dir on a real Dask cluster: two worker processes on this machine.

Every command runs as a user runs it, in a process of its own, against a LocalCluster the
tests start; its output is compared byte for byte with `--jobs 1`.
"""

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import generate
from tests.conftest import ROOT, SEEDS

distributed = pytest.importorskip("distributed")

NEWSCLI = [sys.executable, "-m", "newscli"]
COMMANDS = ("parse", "readability", "summarize", "quotes", "entities", "analyze", "dedupe")


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    yield cluster
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Enough articles for many chunks: generated news, and a failing line among them."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    lines = [json.dumps({"id": r["id"], "text": r["text"]}) for r in generate(120, seed=7)]
    lines.insert(50, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def newscli(*args, cwd=ROOT, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSCLI, *map(str, args)], capture_output=True, cwd=cwd, **kwargs)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_on_the_cluster_prints_what_jobs_1_prints(scheduler, corpus, command):
    local = newscli(command, "--jobs", "1", "--jsonl", corpus)
    on_cluster = newscli(command, "--scheduler", scheduler.scheduler_address, "--jsonl", corpus)
    assert local.returncode == on_cluster.returncode == 1  # the bad line
    assert on_cluster.stdout == local.stdout
    assert on_cluster.stderr == local.stderr


def test_the_address_may_come_from_the_environment(scheduler):
    env = {**os.environ, "DASK_SCHEDULER_ADDRESS": scheduler.scheduler_address}
    result = newscli("quotes", SEEDS, env=env)
    assert result.returncode == 0
    assert result.stdout == newscli("quotes", "--jobs", "1", SEEDS).stdout


def test_a_worker_killed_mid_run_loses_nothing(scheduler, corpus):
    expected = newscli("analyze", "--jobs", "1", "--jsonl", corpus).stdout
    run = subprocess.Popen(
        [*NEWSCLI, "analyze", "--scheduler", scheduler.scheduler_address, "--jsonl", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    client = distributed.Client(scheduler.scheduler_address)
    try:
        deadline = time.monotonic() + 60
        while not any(client.processing().values()) and time.monotonic() < deadline:
            time.sleep(0.05)
        pid = next(iter(client.run(os.getpid).values()))
        os.kill(pid, signal.SIGKILL)
    finally:
        client.close()
    stdout, _ = run.communicate(timeout=300)
    assert run.returncode == 1  # the bad line, as before
    assert stdout == expected


def test_an_unreachable_scheduler_is_a_usage_error():
    result = newscli("parse", "--scheduler", "tcp://127.0.0.1:9", SEEDS)
    assert result.returncode == 2
    assert result.stdout == b""
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("newscli: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


# --- shards --------------------------------------------------------------------------


def write_inputs(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, part in enumerate(range(count)):
        path = folder / f"part-{number}.jsonl.gz"
        lines = [json.dumps({"id": r["id"], "text": r["text"]}) for r in generate(15, seed=part)]
        path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
        paths.append(path)
    return paths


def read_shard(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


@pytest.mark.parametrize("where", ["local", "cluster"])
def test_shards_hold_what_the_command_prints_and_a_rerun_resumes(scheduler, tmp_path, where):
    inputs = write_inputs(tmp_path / "in", 6)
    out = tmp_path / "out"
    placement = ["--scheduler", scheduler.scheduler_address] if where == "cluster" else ["-j", "2"]
    command = [
        *NEWSCLI,
        "quotes",
        "--jsonl",
        *placement,
        "--output-dir",
        str(out),
        *map(str, inputs),
    ]
    # a run killed once its first shards are done
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (
        (out / "manifest.jsonl").exists() and (out / "manifest.jsonl").read_text().count("\n") >= 2
    ):
        time.sleep(0.02)
    first.kill()
    first.wait()
    done_before = (out / "manifest.jsonl").read_text().count("\n")
    rerun = subprocess.run(command, cwd=ROOT, capture_output=True)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout == b""
    if done_before < len(inputs):
        assert f"{done_before} shards done before; skipped" in rerun.stderr.decode()
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(entry["input"] for entry in manifest) == sorted(map(str, inputs))
    assert sum(entry["records"] for entry in manifest) == 6 * 15
    assert all(entry["failures"] == 0 and entry["seconds"] >= 0 for entry in manifest)
    for path in inputs:
        expected = newscli("quotes", "--jobs", "1", "--jsonl", path).stdout
        assert read_shard(out / path.name) == expected  # part-0.jsonl.gz
    assert not list(out.glob(".*.partial"))


def test_a_shard_records_its_failures_and_an_unreadable_input_is_tried_again(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A headline\n\nThe council met. It voted.\n", encoding="utf-8")
    page = tmp_path / "empty.html"
    page.write_text("<!doctype html><html><body></body></html>", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    result = newscli("parse", "--output-dir", out, good, page, missing)
    assert result.returncode == 1
    errors = result.stderr.decode().splitlines()
    assert errors[-1] == "newscli: 2 of 3 inputs failed, in 3 shards"
    manifest = {e["input"]: e for e in map(json.loads, (out / "manifest.jsonl").open())}
    assert manifest[str(good)]["records"] == 1
    assert manifest[str(page)]["failures"] == 1
    assert str(missing) not in manifest  # nothing of it read: no shard
    missing.write_text("Now it is here. It has two sentences.\n", encoding="utf-8")
    again = newscli("parse", "--output-dir", out, good, page, missing)
    assert again.returncode == 0
    assert "2 shards done before; skipped" in again.stderr.decode()


def test_shards_are_named_for_their_inputs_and_the_manifest_holds_absolute_paths(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The council met. It voted.\n", encoding="utf-8")
    (folder / "b.jsonl").write_text('{"text": "The mayor spoke. She left."}\n', encoding="utf-8")
    result = newscli("parse", "--output-dir", "out", "in/a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = newscli("parse", "--jsonl", "--output-dir", "out", "in/b.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.gz")) == [
        "a.txt.jsonl.gz",
        "b.jsonl.gz",
    ]
    entries = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").open()]
    assert all(Path(e["input"]).is_absolute() and Path(e["output"]).is_absolute() for e in entries)
    # a rerun from elsewhere finds the shards done
    again = newscli("parse", "--output-dir", tmp_path / "out", folder / "a.txt", cwd=ROOT)
    assert "1 shards done before; skipped" in again.stderr.decode()
    # a shard that would replace its input
    (folder / "c.jsonl.gz").write_bytes(gzip.compress(b'{"text": "One. Two."}\n'))
    same = newscli("parse", "--jsonl", "--output-dir", folder, folder / "c.jsonl.gz")
    assert same.returncode == 2 and b"would overwrite it" in same.stderr


def test_output_dir_usage_errors(tmp_path):
    assert newscli("parse", "--output-dir", tmp_path, "-", input=b"Text.").returncode == 2
    assert newscli("dedupe", "--output-dir", tmp_path, SEEDS).returncode == 2


# --- addresses that are not a scheduler ----------------------------------------------


@pytest.fixture
def server():
    """A TCP server on a free port that does what it is told with each connection."""
    import socket
    import threading

    listening = []

    def start(answer):
        sock = socket.create_server(("127.0.0.1", 0))
        listening.append(sock)

        def serve():
            while True:
                try:
                    connection, _ = sock.accept()
                except OSError:
                    return
                answer(connection)

        threading.Thread(target=serve, daemon=True).start()
        return f"tcp://127.0.0.1:{sock.getsockname()[1]}"

    yield start
    for sock in listening:
        sock.close()


def silent(connection):
    """Accepts and never answers (an HTTP server waits for a request)."""


def banner(connection):
    connection.sendall(b"SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n")


def hangs_up(connection):
    connection.close()


@pytest.mark.parametrize("answer", [silent, banner, hangs_up])
def test_a_server_that_is_no_scheduler_is_a_usage_error_within_seconds(server, answer):
    from newscli.running.cluster import PROBE_SECONDS

    address = server(answer)
    started = time.monotonic()
    result = newscli("parse", "--scheduler", address, SEEDS, timeout=60)
    elapsed = time.monotonic() - started
    assert result.returncode == 2
    assert result.stdout == b""
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"newscli: cannot reach the Dask scheduler at {address} (")
    assert elapsed < 2 * PROBE_SECONDS + 10  # start-up and Dask's import, generously


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("nonsense.invalid", "no such host"),
        ("tcp://host:port", "is no scheduler address"),
        ("tcp://", "names no host"),
    ],
)
def test_a_malformed_address_is_a_usage_error_at_once(address, says):
    result = newscli("parse", "--scheduler", address, SEEDS, timeout=60)
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert says in line


def test_parquet_shards_on_the_cluster_hold_what_jobs_1_writes(scheduler, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = tmp_path / "corpus.parquet"
    rows = [{"id": r["id"], "text": r["text"]} for r in generate(40, seed=11)]
    pq.write_table(pa.Table.from_pylist(rows), corpus, row_group_size=16)
    shards = {}
    for where in ("local", "cluster"):
        placement = ["--scheduler", scheduler.scheduler_address] if where == "cluster" else []
        out = tmp_path / where
        result = newscli(
            "analyze",
            "--parquet",
            *placement,
            "-j",
            "1",
            "--output-dir",
            out,
            "-f",
            "parquet",
            corpus,
        )
        assert result.returncode == 0, result.stderr
        shards[where] = pq.read_table(out / "corpus.parquet")
    assert shards["cluster"].num_rows == len(rows)
    assert shards["cluster"].equals(shards["local"])


# --- dedupe on the workers -------------------------------------------------------------


def test_dedupe_on_the_cluster_prints_what_jobs_1_prints_over_many_files(scheduler, tmp_path):
    write_inputs(tmp_path / "in", 5)
    # an exact copy of the first input's first story, in a file of its own
    first = next(generate(15, seed=0))["text"]
    (tmp_path / "in" / "copy.jsonl").write_text(json.dumps({"text": first}), encoding="utf-8")
    for extra in (
        [],
        ["--unique"],
        ["--pairs", "-f", "jsonl"],
        ["-f", "csv", "--threshold", "0.5", "--shingle", "3"],
    ):
        local = newscli("dedupe", "--jobs", "1", "--jsonl", *extra, tmp_path / "in")
        on_cluster = newscli(
            "dedupe", "--scheduler", scheduler.scheduler_address, "--jsonl", *extra, tmp_path / "in"
        )
        assert local.returncode == on_cluster.returncode == 0, on_cluster.stderr
        assert on_cluster.stdout == local.stdout
    assert b'"kind": "exact"' in newscli("dedupe", "--jsonl", "-f", "jsonl", tmp_path / "in").stdout


def test_dedupe_shards_from_the_cluster_and_a_rerun_resumes(scheduler, tmp_path):
    inputs = write_inputs(tmp_path / "in", 4)
    out = tmp_path / "out"
    command = ["dedupe", "--jsonl", "--scheduler", scheduler.scheduler_address, "--output-dir"]
    result = newscli(*command, out, *inputs)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    expected = newscli("dedupe", "--jobs", "1", "--jsonl", "-f", "jsonl", *inputs).stdout
    assert b"".join(read_shard(out / path.name) for path in inputs) == expected
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert [entry["input"] for entry in manifest] == list(map(str, inputs))
    assert sum(entry["records"] for entry in manifest) == 4 * 15
    # a run killed before its last shard: the rerun writes that one alone
    (out / "manifest.jsonl").write_text(
        "".join(json.dumps(entry) + "\n" for entry in manifest[:3]), encoding="utf-8"
    )
    written = [(out / path.name).stat().st_mtime_ns for path in inputs]
    again = newscli(*command, out, *inputs)
    assert again.returncode == 0, again.stderr
    assert "3 shards done before; skipped" in again.stderr.decode()
    assert [(out / path.name).stat().st_mtime_ns for path in inputs][:3] == written[:3]
    assert b"".join(read_shard(out / path.name) for path in inputs) == expected


def test_dedupe_on_the_cluster_usage_errors(scheduler, tmp_path):
    address = ["--scheduler", scheduler.scheduler_address]
    for args, says in (
        (["--index", tmp_path / "archive.db", SEEDS], "--index"),
        (["--pairs", "--output-dir", tmp_path, SEEDS], "--pairs"),
        (["-"], "standard input"),
        (["--unique", "--output-dir", tmp_path, SEEDS], "--unique"),
    ):
        result = newscli("dedupe", *address, *args, input=b"")
        assert result.returncode == 2, result.stderr
        assert says in result.stderr.decode()
    for listed in ([], ["--pairs"]):
        missing = newscli("dedupe", *address, *listed, SEEDS, tmp_path / "missing.txt")
        assert missing.returncode == 1
        assert "missing.txt" in missing.stderr.decode()
        assert missing.stdout == newscli("dedupe", *listed, "-j", "1", SEEDS).stdout
