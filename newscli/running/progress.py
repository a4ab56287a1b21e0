"""A progress line on stderr for long runs: inputs done, failures and rate.

Shown only when stderr is a terminal, the run has lasted more than DELAY seconds (a
single article never flashes a bar) and nothing else is being written to that terminal
as it goes: when stdout is the same terminal, records wait for the end (tables) or the
bar stays off. `--quiet` turns it off. rich is imported only when the bar appears.
"""

import time
from types import TracebackType
from typing import Any

from newscli.environment import Environment

#: seconds before the bar appears
DELAY = 1.0


class Progress:
    def __init__(self, env: Environment, *, enabled: bool, label: str = "articles"):
        self._env = env
        self._enabled = enabled and env.stderr_is_terminal()
        self._label = label
        self._started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None
        self.done = 0
        self.failed = 0
        #: inputs done and failed: a crawl's pages, which come one after another, are
        #: one input
        self.inputs = 0
        self.failed_inputs = 0
        self._input: str | None = None
        self._failed_input: str | None = None

    def __enter__(self) -> "Progress":
        return self

    def advance(self, *, failed: bool = False, input: str | None = None) -> None:
        """One article (or failure) more; `input`: the file it is part of, when that
        holds several articles that are not inputs of their own (a crawl)."""
        self.done += 1
        self.failed += failed
        if input is None or input != self._input:
            self.inputs += 1
        if failed and (input is None or input != self._failed_input):
            self.failed_inputs += 1
            self._failed_input = input
        self._input = input
        if not self._enabled:
            return
        if self._bar is None:
            if time.monotonic() - self._started < DELAY:
                return
            self._start()
        rate = self.done / max(time.monotonic() - self._started, 1e-9)
        self._bar.update(self._task, completed=self.done, failed=self.failed, rate=rate)

    def failure(self) -> None:
        """An input counted already has failed later on."""
        self.failed += 1
        self.failed_inputs += 1

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import Progress as Bar
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        # the environment has already said stderr is a terminal
        console = Console(
            file=self._env.stderr, force_terminal=True, no_color=not self._env.colour()
        )
        self._bar = Bar(
            SpinnerColumn(),
            TextColumn(f"{{task.completed:,}} {self._label}"),
            TextColumn("{task.fields[failed]:,} failed"),
            TextColumn("{task.fields[rate]:,.0f}/s"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("", total=None, failed=0, rate=0.0)
        self._bar.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
