"""Entry point: run the app and turn what escapes it into an exit code.

Usage errors (exit 2), interrupts (130) and a reader closing the pipe are handled by
Typer's standalone mode; per-input errors are reported inside the commands. What is left
here is a closed pipe while Python flushes, and bugs: one line, or a traceback with
--debug.
"""

import os
import sys

from newscli.errors import ExitStatus, NewscliError, report


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush cannot fail again.

    The recipe from the Python docs (signal module, "Note on SIGPIPE").
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    from newscli.cli import app

    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    if os.environ.get("_NEWSCLI_COMPLETE"):
        # a completion script asks for candidates: register Typer's bash, zsh and fish
        # completers, which Typer does only with add_completion, whose options guess the
        # shell and edit its startup files (`newscli completion SHELL` prints instead);
        # the app then answers and exits
        from typer.completion import completion_init

        completion_init()
    try:
        app(args=argv, prog_name="newscli")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitStatus.INPUT_FAILED)
    except NewscliError as err:
        report(err, sys.stderr)
        sys.exit(err.exit_status)
    except Exception as err:
        if debug:
            raise
        internal = NewscliError(
            f"internal error ({type(err).__name__}: {err})", hint="rerun with --debug and report it"
        )
        report(internal, sys.stderr)
        sys.exit(internal.exit_status)


if __name__ == "__main__":
    main()
