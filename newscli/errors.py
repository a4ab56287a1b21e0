"""The error types newscli raises on purpose, and the exit codes they stand for.

Every expected failure is a `NewscliError`; `report` turns it into one stderr line,
``newscli: <source>: <problem>; <what to do>``, and its `exit_status` is the exit code.
Nothing else in the package prints errors.
"""

from enum import IntEnum
from typing import Any, TextIO


class ExitStatus(IntEnum):
    OK = 0
    #: at least one input failed; the others were processed and written
    INPUT_FAILED = 1
    USAGE = 2
    #: 128 + SIGINT, as shells report an interrupted command
    INTERRUPTED = 130


class NewscliError(Exception):
    """A failure the user can act on: what went wrong, where, and what to do."""

    exit_status = ExitStatus.INPUT_FAILED

    def __init__(self, problem: str, *, source: str | None = None, hint: str | None = None):
        super().__init__(problem)
        self.problem = problem
        self.source = source
        self.hint = hint

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled (from a worker process) with its source and hint, not just the problem
        return (type(self), (self.problem,), self.__dict__)

    def message(self) -> str:
        parts = ["newscli"]
        if self.source is not None:
            parts.append(self.source)
        text = ": ".join(parts) + ": " + self.problem
        if self.hint:
            text += "; " + self.hint
        return text


class InputError(NewscliError):
    """One input could not be read or parsed; the run goes on with the others."""


class UsageError(NewscliError):
    """The command line itself is wrong; nothing was processed."""

    exit_status = ExitStatus.USAGE


def report(error: NewscliError, stream: TextIO, *, debug: bool = False) -> None:
    """Say what went wrong in one line; with --debug, the traceback of its cause first."""
    if debug and error.__cause__ is not None:
        import traceback

        traceback.print_exception(error.__cause__, file=stream)
    stream.write(error.message() + "\n")
    stream.flush()


def as_error(item: Any, failure: Exception) -> NewscliError:
    """A failure on one input as ours: ours as it is, anything else as an internal error
    (its traceback kept as the cause, for --debug)."""
    if isinstance(failure, NewscliError):
        return failure
    error = NewscliError(
        f"internal error ({type(failure).__name__}: {failure})",
        source=item.source,
        hint="rerun with --debug and report it",
    )
    error.__cause__ = failure
    return error
