"""Hostile inputs through a real process: each finishes with records for what is readable,
one clear line per unreadable input, the right exit code, and never a traceback.

Sizes are the ones users hit (megabytes of quote marks, a 50 MB line, a million empty
lines, 10,000 files); long articles are cut at --max-chars, so the analyses see at most a
million characters of each. Time is not asserted (that is `make bench`'s job): a
regression into quadratic work shows up as a test that does not finish.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest


def newscli(*args: object, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newscli", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=600,
    )


def assert_clean_failure(result: subprocess.CompletedProcess, source: str, problem: str) -> None:
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len([line for line in lines if source in line]) == 1
    assert problem in stderr


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "marks.txt").write_text("\"“”«»‘’'" * 1_250_000, encoding="utf-8")  # 10 M chars
    (folder / "alternating.txt").write_text('a “ b ” c " d " ' * 5_000, encoding="utf-8")
    (folder / "one-line.txt").write_text("word " * 10_000_000, encoding="utf-8")  # 50 MB
    (folder / "empty-lines.txt").write_text("\n" * 1_000_000, encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["quotes", "analyze"])
def test_megabytes_of_quote_marks(hostile, command):
    result = newscli(command, hostile / "marks.txt", hostile / "alternating.txt")
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["truncated"] == 1_000_000
    assert "truncated" not in records[1]
    assert all(q["text"] == "b" or q["text"] == "d" for q in records[1]["quotes"])


def test_a_fifty_megabyte_line_is_cut_and_analysed(hostile):
    result = newscli("analyze", hostile / "one-line.txt")
    assert result.returncode == 0, result.stderr.decode()
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["truncated"] == 1_000_000
    assert record["readability"]["words"] == 200_000


def test_a_million_empty_lines_is_an_empty_article(hostile):
    result = newscli("analyze", hostile / "empty-lines.txt")
    assert result.returncode == 0, result.stderr.decode()
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["quotes"] == record["entities"] == []
    assert record["readability"]["words"] == 0


def test_nul_bytes_and_invalid_utf8_are_one_line_each_and_the_rest_is_written(tmp_path):
    (tmp_path / "a-good.txt").write_text("The council met. It voted.\n", encoding="utf-8")
    (tmp_path / "b-binary.txt").write_bytes(b"PK\x03\x04\x00\x00" * 1000)
    (tmp_path / "c-latin1.txt").write_bytes("Café society met.\n".encode("latin-1"))
    (tmp_path / "d-good.txt").write_text("Another story. It ends.\n", encoding="utf-8")
    result = newscli("quotes", tmp_path)
    assert result.returncode == 1
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert [Path(s).name for s in sources] == ["a-good.txt", "d-good.txt"]
    assert_clean_failure(result, "b-binary.txt", "NUL bytes")
    assert_clean_failure(result, "c-latin1.txt", "not valid UTF-8")
    assert result.stderr.decode().splitlines()[-1] == "newscli: 2 of 4 inputs failed"


def test_a_directory_of_ten_thousand_small_files(tmp_path):
    for n in range(10_000):
        (tmp_path / f"{n:05d}.txt").write_text(f"Story {n}\n\nThe council met on day {n}.\n")
    result = newscli("parse", tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == [f"{n:05d}.txt" for n in range(10_000)]


def test_a_truncated_jsonl_line_costs_only_itself():
    lines = [json.dumps({"id": n, "text": f"Story {n} is short. It ends."}) for n in range(100)]
    lines[-1] = lines[-1][:20]  # the corpus was cut off mid-record
    lines[50] = lines[50][:25]
    result = newscli("summarize", "--jsonl", "-", stdin="\n".join(lines).encode())
    assert result.returncode == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [n for n in range(99) if n != 50]
    assert_clean_failure(result, "<stdin>:51", "not valid JSON")
    assert_clean_failure(result, "<stdin>:100", "not valid JSON")


def test_dedupe_takes_hostile_inputs_too(hostile, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01" * 100)
    result = newscli("dedupe", hostile / "marks.txt", hostile / "one-line.txt", tmp_path)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2
    assert_clean_failure(result, "binary.txt", "NUL bytes")


def test_one_person_quoted_thousands_of_times(tmp_path):
    """Every pronoun and "the mayor" resolved against a bounded look-back: linear work."""
    path = tmp_path / "interview.txt"
    path.write_text(
        "“We will rebuild,” Ann Lee said. “It will take years,” she said. The mayor left. "
        "“Nobody asked me,” the mayor said.\n\n" * 3000
    )
    result = newscli("quotes", path)
    assert result.returncode == 0, result.stderr.decode()
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(record["quotes"]) == 9000
    assert {q["speaker"] for q in record["quotes"][:2]} == {"Ann Lee"}
