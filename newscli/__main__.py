"""Entry point: run the app and turn what escapes it into an exit code.

The app runs outside Typer's standalone mode, so that this one place decides what every
way out means: usage errors exit 2 (Click's message, its suggestions checked), Ctrl-C
exits 130 with one line, a reader closing the pipe ends the run quietly with 0, as
ripgrep does (the reader took what it wanted; 1 would tell a `set -o pipefail` script
that an input failed), and bugs give one line, or a traceback with --debug. Per-input
errors are reported inside the commands.
"""

import contextlib
import os
import signal
import sys
import threading
from typing import Any

from newscli.errors import ExitStatus, NewscliError, report

#: seconds an interrupted run has to wind down (stop its workers, cancel its cluster
#: tasks) before the process ends regardless
INTERRUPT_GRACE = 1.5
#: how alike an unknown option's name must be to a real one to be suggested
SUGGESTION_CUTOFF = 0.6


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush cannot fail again.

    The recipe from the Python docs (signal module, "Note on SIGPIPE").
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


#: held by the one thread that says the run was interrupted (the main thread, or the timer)
_ENDING = threading.Lock()


def _end_now(*_: Any) -> None:
    """End the process at once, with its workers: what was written stays written, nothing
    more is (not sys.exit: exit hooks would wait for worker threads and processes)."""
    if not _ENDING.acquire(timeout=1):
        os._exit(ExitStatus.INTERRUPTED)  # the other thread is saying it
    try:
        if "multiprocessing" in sys.modules:
            import multiprocessing

            for child in multiprocessing.active_children():
                child.terminate()
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        sys.stderr.write("newscli: interrupted\n")
        sys.stderr.flush()
    finally:
        os._exit(ExitStatus.INTERRUPTED)


def _interrupt(signum: int, frame: Any) -> None:
    """The first Ctrl-C unwinds the run (KeyboardInterrupt), which stops its workers; a
    second one, or unwinding that outlasts INTERRUPT_GRACE, ends the process at once."""
    signal.signal(signal.SIGINT, _end_now)
    timer = threading.Timer(INTERRUPT_GRACE, _end_now)
    timer.daemon = True
    timer.start()
    raise KeyboardInterrupt


def _suggestions(error: Any) -> None:
    """Keep only the suggestions for an unknown option that look like it: Click compares
    the names with their dashes, so '--bogus' looked like '--jobs'."""
    from difflib import SequenceMatcher

    name = error.option_name.lstrip("-")
    error.possibilities = [
        option
        for option in error.possibilities or ()
        if SequenceMatcher(None, name, option.lstrip("-")).ratio() >= SUGGESTION_CUTOFF
    ]


def _run_app(argv: list[str] | None) -> int:
    """The app's exit status; raises what it does not turn into one (Ctrl-C, a closed
    pipe), which Typer's own main would turn into exit statuses of its choosing."""
    from typer._click.exceptions import ClickException, NoSuchOption
    from typer.exceptions import Abort, Exit
    from typer.main import get_command

    from newscli.cli import app

    command = get_command(app)
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        with command.make_context("newscli", args) as ctx:
            command.invoke(ctx)
    except Exit as done:
        return done.exit_code
    except NoSuchOption as error:
        _suggestions(error)
        error.show()
        return error.exit_code
    except ClickException as error:
        error.show()
        return error.exit_code
    except Abort:
        raise KeyboardInterrupt from None
    return ExitStatus.OK


def main(argv: list[str] | None = None) -> None:
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    if os.environ.get("_NEWSCLI_COMPLETE"):
        # a completion script asks for candidates: register Typer's bash, zsh and fish
        # completers, which Typer does only with add_completion, whose options guess the
        # shell and edit its startup files (`newscli completion SHELL` prints instead);
        # the app then answers and exits
        from typer.completion import completion_init

        from newscli.cli import app

        completion_init()
        app(args=argv, prog_name="newscli")
        return
    handles_signals = threading.current_thread() is threading.main_thread()
    if handles_signals:
        signal.signal(signal.SIGINT, _interrupt)
    try:
        status = _run_app(argv)
    except KeyboardInterrupt:
        _end_now()
    except BrokenPipeError:
        _silence_stdout()
        status = ExitStatus.OK
    except NewscliError as err:
        report(err, sys.stderr)
        status = err.exit_status
    except Exception as err:
        if debug:
            raise
        internal = NewscliError(
            f"internal error ({type(err).__name__}: {err})", hint="rerun with --debug and report it"
        )
        report(internal, sys.stderr)
        status = internal.exit_status
    if handles_signals:
        # the run is over: a Ctrl-C now would only cut short the interpreter's exit
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(status)


if __name__ == "__main__":
    main()
