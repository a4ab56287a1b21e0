from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscli.cli import app
from newscli.environment import Environment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "iran-missiles-live-updates.txt"


@pytest.fixture
def run():
    """Invoke the app as a pipe would (stdout and stdin not terminals) unless told otherwise."""
    runner = CliRunner()

    def invoke(
        args,
        *,
        input=None,
        stdout_isatty=False,
        stdin_isatty=False,
        stderr_isatty=False,
        no_color=True,
    ):
        env = Environment(
            stdout_isatty=stdout_isatty,
            stdin_isatty=stdin_isatty,
            stderr_isatty=stderr_isatty,
            no_color=no_color,
        )
        return runner.invoke(app, [str(a) for a in args], input=input, obj=env)

    return invoke


@pytest.fixture
def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def seeds():
    return SEEDS
