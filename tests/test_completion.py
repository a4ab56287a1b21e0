"""Shell completion: `newscli completion SHELL`, and the protocol its scripts speak."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
NEWSCLI = BIN / "newscli"
pytestmark = pytest.mark.skipif(not NEWSCLI.exists(), reason="needs the installed entry point")


def complete(shell: str, words: str, **extra: str) -> list[str]:
    """What newscli answers a completion script asking about the command line `words`."""
    env = {**os.environ, "_NEWSCLI_COMPLETE": f"complete_{shell}", **extra}
    if shell == "bash":
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": words}
    result = subprocess.run([NEWSCLI], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    "words, expected",
    [
        ("newscli qu", ["quotes"]),
        ("newscli ", ["parse", "readability", "summarize", "quotes", "entities", "analyze"]),
        ("newscli quotes --fo", ["--format"]),
        ("newscli analyze --format ", ["auto", "table", "json", "jsonl", "csv", "html"]),
        ("newscli summarize --method ", ["newscli", "lead", "textrank", "lexrank"]),
        ("newscli entities -t P", ["PERSON"]),
        ("newscli readability --by ", ["document", "paragraph"]),
        ("newscli completion ", ["bash", "zsh", "fish"]),
        ("newscli dedupe --un", ["--unique"]),
    ],
)
def test_bash_completes_commands_options_and_their_values(words, expected):
    found = complete("bash", words)
    assert [c for c in found if c in expected] == expected


def test_zsh_and_fish_complete_with_the_same_answers():
    assert '"quotes":"Who said what' in complete("zsh", "newscli qu")[0]
    fish = complete("fish", "newscli analyze --format ", _TYPER_COMPLETE_FISH_ACTION="get-args")
    assert fish == ["auto", "table", "json", "jsonl", "csv", "html", "parquet"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_that_calls_back_with_its_protocol(shell):
    result = subprocess.run([NEWSCLI, "completion", shell], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == ""
    assert f"_NEWSCLI_COMPLETE=complete_{shell}" in result.stdout
    checker = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}
    if shutil.which(checker[shell][0]):
        syntax = subprocess.run(checker[shell], input=result.stdout, capture_output=True, text=True)
        assert syntax.returncode == 0, syntax.stderr


def test_an_unknown_shell_is_a_usage_error():
    result = subprocess.run([NEWSCLI, "completion", "tcsh"], capture_output=True, text=True)
    assert result.returncode == 2 and "tcsh" in result.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_a_bash_session_completes_through_the_script():
    session = (
        'eval "$(newscli completion bash)"\n'
        "complete -p newscli\n"
        "COMP_WORDS=(newscli qu); COMP_CWORD=1; _newscli_completion newscli\n"
        'echo "${COMPREPLY[@]}"\n'
        'COMP_WORDS=(newscli analyze --format ""); COMP_CWORD=3; _newscli_completion newscli\n'
        'echo "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile"],
        input=session,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "complete -o default -F _newscli_completion newscli",
        "quotes",
        "auto table json jsonl csv html parquet",
    ]
