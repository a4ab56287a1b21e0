"""Ctrl-C at any moment of any mode: exit 130 within a second or two, one line on
standard error, no traceback, no worker left behind, no output cut short that looks whole.

Each case starts the installed command in a session of its own and sends SIGINT to its
whole process group, as a terminal's Ctrl-C does (the workers get it too), after a random
delay. NEWSCLI_INTERRUPTS sets how many times each mode is interrupted (a few here; `make
fuzz` sends a few hundred).
"""

import contextlib
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import generate
from tests.conftest import ROOT

NEWSCLI = [sys.executable, "-m", "newscli"]
ROUNDS = int(os.environ.get("NEWSCLI_INTERRUPTS", "3"))
#: how long an interrupted run may take to end: newscli's grace, and a loaded machine
ENDS_WITHIN = 4.0
#: the earliest Ctrl-C: before this the interpreter is still starting, and Python's own
#: handler (a KeyboardInterrupt traceback) is the one in place
EARLIEST = 0.15


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpora")
    paths = []
    for seed in (1, 2):
        path = folder / f"part{seed}.jsonl"
        lines = [json.dumps({"id": r["id"], "text": r["text"]}) for r in generate(150, seed=seed)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _group_alive(group: int) -> bool:
    """Whether any process of the group still runs (zombies, awaiting their reaper, do not)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


def interrupt(args: list, delay: float, stdout) -> tuple[int, str, float]:
    """Run newscli, Ctrl-C it after `delay` seconds; its exit status, standard error, and
    how long it took to end once interrupted (its workers included)."""
    process = subprocess.Popen(
        [*NEWSCLI, *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,
    )
    time.sleep(delay)
    sent = time.monotonic()
    with contextlib.suppress(ProcessLookupError):  # it had finished
        os.killpg(process.pid, signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise AssertionError(f"hung after Ctrl-C at {delay:.2f} s: {args}") from None
    while _group_alive(process.pid) and time.monotonic() - sent < 10:
        time.sleep(0.05)
    assert not _group_alive(process.pid), f"a worker outlived Ctrl-C at {delay:.2f} s"
    return process.returncode, stderr.decode(), time.monotonic() - sent


def check(status: int, stderr: str, took: float, delay: float) -> bool:
    """Whether the run was interrupted (it may have finished first), having checked how."""
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    if status == 0:
        return False
    assert status == 130, (delay, status, stderr)
    assert stderr.splitlines()[-1] == "newscli: interrupted", stderr
    assert stderr.count("newscli: interrupted") == 1, stderr
    assert took < ENDS_WITHIN, (delay, took)
    return True


MODES = {
    "one process": ["analyze", "-j", "1", "--jsonl"],
    "jobs": ["analyze", "-j", "2", "--jsonl"],
    "json array": ["parse", "-f", "json", "-j", "2", "--jsonl"],
    "html page": ["quotes", "-f", "html", "-j", "2", "--jsonl"],
    "dedupe": ["dedupe", "-j", "2", "--jsonl"],
}


@pytest.mark.parametrize("mode", MODES)
def test_ctrl_c_at_random_moments(corpora, tmp_path, mode):
    chance = random.Random(f"{mode}-{ROUNDS}")
    out = tmp_path / "out"
    for _ in range(ROUNDS):
        delay = chance.uniform(EARLIEST, 3.0)
        with out.open("wb") as stdout:
            status, stderr, took = interrupt([*MODES[mode], *corpora], delay, stdout)
        if not check(status, stderr, took, delay):
            continue
        written = out.read_text(encoding="utf-8")
        if mode == "json array":
            # an array cut short is not closed: it must not parse as a whole one
            with pytest.raises(json.JSONDecodeError):
                json.loads(written)
        elif mode == "html page":
            assert "</html>" not in written
        else:
            for line in written.splitlines(keepends=True):
                if line.endswith("\n"):
                    json.loads(line)


def test_ctrl_c_with_output_dir_leaves_no_shard_that_looks_whole(corpora, tmp_path):
    chance = random.Random(f"shards-{ROUNDS}")
    for number in range(ROUNDS):
        out = tmp_path / f"out{number}"
        args = ["quotes", "-j", "2", "--jsonl", "--output-dir", out, *corpora]
        delay = chance.uniform(EARLIEST, 3.0)
        status, stderr, took = interrupt(args, delay, subprocess.DEVNULL)
        check(status, stderr, took, delay)
        # a shard is whole (listed in the manifest) or under its temporary name; a rerun
        # finishes the work, and then every shard holds what the command prints
        again = subprocess.run([*NEWSCLI, *map(str, args)], capture_output=True, cwd=ROOT)
        assert again.returncode == 0, again.stderr
        assert not list(out.glob(".*.partial"))
        for corpus in corpora:
            expected = subprocess.run(
                [*NEWSCLI, "quotes", "-j", "1", "--jsonl", corpus], capture_output=True, cwd=ROOT
            ).stdout
            assert gzip.decompress((out / (corpus.name + ".gz")).read_bytes()) == expected


def test_ctrl_c_on_a_dask_cluster(corpora, tmp_path):
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        chance = random.Random(f"dask-{ROUNDS}")
        for _ in range(ROUNDS):
            args = ["analyze", "--scheduler", cluster.scheduler_address, "--jsonl", *corpora]
            delay = chance.uniform(EARLIEST, 4.0)
            status, stderr, took = interrupt(args, delay, subprocess.DEVNULL)
            check(status, stderr, took, delay)
    finally:
        cluster.close()
