"""Corpus runs: worker processes, progress, per-article limits and the `analyze` record."""

import json
from pathlib import Path

import pytest

from newscli.running import progress
from tests.conftest import SEEDS

PER_DOCUMENT = ("parse", "readability", "summarize", "quotes", "entities", "analyze")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """70 JSONL records (several chunks), every seed with a numbered line, one bad line."""
    seeds = sorted(SEEDS.glob("*.txt"))
    lines = []
    for n in range(70):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        lines.append(json.dumps({"id": n, "text": f"{text}\nThis is copy number {n}.\n"}))
    lines.insert(33, '{"id": "broken", "text": ')
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.mark.parametrize("command", PER_DOCUMENT)
def test_workers_give_the_same_output_in_input_order(run, corpus, command):
    one = run([command, "--jsonl", corpus, "--jobs", "1"])
    two = run([command, "--jsonl", corpus, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the broken line
    assert one.stdout == two.stdout
    assert [r["id"] for r in records(two.stdout)] == list(range(70))
    assert two.stderr.count("corpus.jsonl:34") == 1
    assert two.stderr.strip().endswith("1 of 71 inputs failed")


def test_dedupe_workers_give_the_same_output(run, corpus):
    one = run(["dedupe", "--jsonl", corpus, "--jobs", "1"])
    two = run(["dedupe", "--jsonl", corpus, "--jobs", "2"])
    assert one.stdout == two.stdout
    assert two.stderr.strip().endswith("1 of 71 inputs failed")


def test_max_chars_cuts_long_articles_and_says_so(run, tmp_path, seed_text):
    path = tmp_path / "long.txt"
    path.write_text(seed_text, encoding="utf-8")
    (record,) = records(run(["parse", "--max-chars", "500", path]).stdout)
    assert record["truncated"] == 500
    assert all(s["end"] <= 500 for s in record["sentences"])
    (whole,) = records(run(["parse", path]).stdout)
    assert "truncated" not in whole


def test_progress_shows_on_a_terminal_stderr_only_for_long_runs(run, corpus, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    shown = run(["parse", "--jsonl", corpus, "-j", "1"], stderr_isatty=True)
    assert "articles" in shown.stderr
    assert records(shown.stdout)  # stdout holds the records alone
    quiet = run(["parse", "--jsonl", corpus, "-j", "1", "--quiet"], stderr_isatty=True)
    assert "articles" not in quiet.stderr
    assert quiet.stdout == shown.stdout
    monkeypatch.setattr(progress, "DELAY", 3600.0)
    short = run(["parse", "--jsonl", corpus, "-j", "1"], stderr_isatty=True)
    assert "articles" not in short.stderr


def test_no_progress_when_records_stream_to_the_same_terminal(run, corpus, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    result = run(
        ["parse", "--jsonl", corpus, "-f", "jsonl"], stdout_isatty=True, stderr_isatty=True
    )
    assert "articles" not in result.stderr


def test_analyze_runs_every_analysis_on_one_parse(run, seeds):
    result = run(["analyze", seeds / "iran-missiles-live-updates.txt"])
    assert result.exit_code == 0, result.stderr
    (record,) = records(result.stdout)
    assert set(record) >= {"source", "title", "readability", "summary", "quotes", "entities"}
    assert record["readability"]["consensus_grade"] > 0
    assert len(record["summary"]["sentences"]) == 3
    assert {q["speaker"] for q in record["quotes"]} >= {"Ali Khamenei", "Hassan Rouhani"}
    assert "Mohammad Javad Zarif" in {e["name"] for e in record["entities"]}


def test_analyze_table_and_csv(run, seeds):
    table = run(["analyze", "-f", "table", seeds])
    assert table.exit_code == 0
    assert "summary" in table.stdout and "grade" in table.stdout
    rows = run(["analyze", "-f", "csv", seeds]).stdout.splitlines()
    assert rows[0].startswith("source,id,title,language,grade")
    assert len(rows) == 1 + len(list(seeds.glob("*.txt"))) + len(list(seeds.glob("*.html")))
