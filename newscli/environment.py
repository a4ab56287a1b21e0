"""Where the CLI's streams are and what they are connected to, asked in one place.

Tests pass an `Environment` with the answers they want (``CliRunner.invoke(app, args,
obj=Environment(stdout_isatty=True))``) instead of patching `sys`.
"""

import os
import shutil
import sys
from dataclasses import dataclass
from typing import BinaryIO, TextIO


@dataclass
class Environment:
    stdout_isatty: bool | None = None
    stdin_isatty: bool | None = None
    stderr_isatty: bool | None = None
    #: NO_COLOR (https://no-color.org): any non-empty value turns colour off
    no_color: bool | None = None

    @property
    def stdout(self) -> TextIO:
        return sys.stdout

    @property
    def stderr(self) -> TextIO:
        return sys.stderr

    @property
    def stdin(self) -> BinaryIO:
        return sys.stdin.buffer

    def stdout_is_terminal(self) -> bool:
        if self.stdout_isatty is not None:
            return self.stdout_isatty
        return _isatty(sys.stdout)

    def stdin_is_terminal(self) -> bool:
        if self.stdin_isatty is not None:
            return self.stdin_isatty
        return _isatty(sys.stdin)

    def stderr_is_terminal(self) -> bool:
        if self.stderr_isatty is not None:
            return self.stderr_isatty
        return _isatty(sys.stderr)

    def width(self) -> int:
        """The terminal's width when stdout really is one; 80 columns otherwise."""
        if self.stdout_isatty is None and _isatty(sys.stdout):
            return shutil.get_terminal_size((80, 24)).columns
        return 80

    def colour(self) -> bool:
        if self.no_color is not None:
            return not self.no_color
        return not os.environ.get("NO_COLOR")


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
