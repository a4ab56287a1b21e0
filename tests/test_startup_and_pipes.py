"""The installed command in real processes: start-up imports, pipes, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

NEWSCLI = Path(sys.executable).with_name("newscli")


def newscli(*args, **kwargs) -> subprocess.CompletedProcess:
    command = [str(NEWSCLI)] if NEWSCLI.exists() else [sys.executable, "-m", "newscli"]
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, cwd=ROOT, **kwargs
    )


def test_importing_the_cli_loads_no_heavy_module():
    code = (
        "import sys, newscli.cli\n"
        "heavy = ('nltk', 'textstat', 'rich.table', 'rich.console', 'trafilatura', 'warcio',"
        " 'lxml', 'dask', 'distributed', 'jsonschema', 'newscli.render.html', 'pyphen',"
        " 'newscli.analysis.readability', 'stop_words', 'Stemmer')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_module_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "newscli", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("newscli ")


def test_json_pipes_into_json_tool():
    seeds = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))
    command = [str(NEWSCLI), "readability", "-f", "json", *seeds]
    producer = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    tool = subprocess.run(
        [sys.executable, "-m", "json.tool"], stdin=producer.stdout, capture_output=True, text=True
    )
    producer.stdout.close()
    assert producer.wait() == 0
    assert tool.returncode == 0
    assert len(json.loads(tool.stdout)) == len(seeds)


def test_json_lines_pipe_into_json_tool():
    producer = subprocess.Popen([str(NEWSCLI), "parse", "seeds/"], stdout=subprocess.PIPE, cwd=ROOT)
    tool = subprocess.run(
        [sys.executable, "-m", "json.tool", "--json-lines"],
        stdin=producer.stdout,
        capture_output=True,
        text=True,
    )
    producer.stdout.close()
    assert producer.wait() == 0 and tool.returncode == 0


def test_closing_the_pipe_early_prints_no_traceback(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    line = json.dumps({"text": SEED.read_text(encoding="utf-8")}) + "\n"
    corpus.write_text(line * 400, encoding="utf-8")
    result = subprocess.run(
        f"'{NEWSCLI}' parse --jsonl '{corpus}' | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["source"].endswith(":1")
    assert result.stderr == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closing_the_pipe_early_exits_0_under_pipefail(tmp_path, jobs):
    """As ripgrep does: the reader took what it wanted, and no input failed."""
    corpus = tmp_path / "corpus.jsonl"
    line = json.dumps({"text": SEED.read_text(encoding="utf-8")}) + "\n"
    corpus.write_text(line * 200, encoding="utf-8")
    for command in ("quotes seeds/", f"parse -j {jobs} --jsonl '{corpus}'"):
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", f"'{NEWSCLI}' {command} | head -c5"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert (result.returncode, result.stderr) == (0, ""), command


def test_an_unknown_option_is_suggested_only_a_name_like_it():
    bogus = newscli("readability", "--bogus", SEED)
    assert bogus.returncode == 2
    assert bogus.stderr.splitlines()[-1] == "Error: No such option: --bogus"
    typo = newscli("readability", "--jbos", "2", SEED)
    assert (
        typo.stderr.splitlines()[-1] == "Error: No such option: --jbos (Possible options: --jobs)"
    )


def test_exit_codes_in_a_real_process(tmp_path):
    assert newscli("readability", SEED).returncode == 0
    missing = newscli("readability", SEED, tmp_path / "missing.txt")
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[0].endswith("missing.txt: no such file; check the path")
    assert newscli("readability", "--bogus").returncode == 2
    assert newscli("frobnicate").returncode == 2


@pytest.mark.skipif(not NEWSCLI.exists(), reason="needs the installed entry point")
def test_nothing_is_written_to_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(tmp_path / "nltk")}
    result = newscli("readability", SEED, env=env)
    assert result.returncode == 0, result.stderr
    assert list(home.iterdir()) == []
    assert not (tmp_path / "nltk").exists()
