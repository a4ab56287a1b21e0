"""Running a command over its inputs: read, analyze, write, report, and say how it went.

Every command runs through one of two loops. `run_each` is for the per-document
commands: each input is read, parsed and analyzed (in worker processes when there are
many) and its record written as soon as it is done, in input order. `run_corpus` is for a
command that needs every input before it can write a record (dedupe). Both report each
failing input as one line and go on; the exit status says whether any input failed.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from newscli.environment import Environment
from newscli.errors import ExitStatus, InputError, NewscliError, report
from newscli.inputs import Article, expects_many, read_articles
from newscli.render.writer import Format, Layout, Record, Writer

if TYPE_CHECKING:
    from newscli.progress import Progress

#: articles per message to a worker process
CHUNK = 16


@dataclass(frozen=True)
class Inputs:
    """The options every command shares: how to read inputs and run over them."""

    fmt: Format
    jsonl: bool
    text_field: str
    html: bool
    html_field: str | None
    with_text: bool
    encoding: str | None
    jobs: int | None
    quiet: bool
    max_chars: int


@dataclass(frozen=True)
class Run:
    """One invocation: where it writes, what it reads and how."""

    env: Environment
    args: list[str]
    inputs: Inputs
    #: tracebacks with errors, and everything in one process so they are whole
    debug: bool = False

    def jobs(self) -> int:
        import os

        return 1 if self.debug else self.inputs.jobs or os.cpu_count() or 1

    def writer(self, layout: Layout) -> Writer:
        many = expects_many(self.args, self.inputs.jsonl)
        return Writer(self.inputs.fmt, layout, self.env, many=many)

    def read(self) -> Iterator[Article | InputError]:
        inputs = self.inputs
        return read_articles(
            self.args,
            stdin=self.env.stdin,
            jsonl=inputs.jsonl,
            text_field=inputs.text_field,
            encoding=inputs.encoding,
            html=inputs.html,
            html_field=inputs.html_field,
            note=None if inputs.quiet else self.note,
        )

    def note(self, source: str, message: str) -> None:
        """A line worth saying that is no error (a crawl's skipped records)."""
        self.env.stderr.write(f"newscli: {source}: {message}\n")
        self.env.stderr.flush()

    def report(self, error: NewscliError) -> None:
        report(error, self.env.stderr, debug=self.debug)

    def report_failure(self, item: Any, outcome: Exception) -> None:
        """A failure on one input: ours as it is, anything else as an internal error."""
        if not isinstance(outcome, NewscliError):
            error = NewscliError(
                f"internal error ({type(outcome).__name__}: {outcome})",
                source=item.source,
                hint="rerun with --debug and report it",
            )
            error.__cause__ = outcome
            outcome = error
        self.report(outcome)

    def progress(self, writer: Writer) -> "Progress":
        from newscli.progress import Progress

        # a bar on the terminal stdout writes to as it goes would tear the output
        shares_terminal = self.env.stdout_is_terminal() and not writer.buffers
        return Progress(self.env, enabled=not self.inputs.quiet and not shares_terminal)

    def finish(self, progress: "Progress") -> ExitStatus:
        """INPUT_FAILED when any input failed, after saying how many of how many."""
        if not progress.failed:
            return ExitStatus.OK
        if progress.done > 1:
            self.env.stderr.write(f"newscli: {progress.failed} of {progress.done} inputs failed\n")
        return ExitStatus.INPUT_FAILED


def run_each(
    run: Run, *, layout: Layout, analyze: Callable[[Article], Mapping[str, Any]]
) -> ExitStatus:
    """Read, analyze and write each input, in input order, in worker processes when there
    are many; one bad input never stops the others.

    `analyze` must pickle (a module-level function or a partial of one) to reach workers.
    """
    from newscli.parallel import ordered_map
    from newscli.records import analyze_chunk

    writer = run.writer(layout)
    inputs = run.inputs
    work = partial(analyze_chunk, analyze, max_chars=inputs.max_chars, with_text=inputs.with_text)
    with run.progress(writer) as progress:
        try:
            for item, outcome in ordered_map(work, run.read(), jobs=run.jobs(), chunk=CHUNK):
                if isinstance(outcome, Exception):
                    run.report_failure(item, outcome)
                else:
                    writer.write(outcome)
                progress.advance(failed=isinstance(outcome, Exception))
        finally:
            writer.close()
    return run.finish(progress)


#: a corpus command's analysis: (readable articles, report a failure) -> its records
CorpusAnalysis = Callable[[Iterator[Article], Callable[[Article, Exception], None]], Any]


def run_corpus(
    run: Run,
    *,
    layout: Layout,
    analyze: CorpusAnalysis,
    line: Callable[[Record], str | None] | None = None,
) -> ExitStatus:
    """`run_each` for a command that needs every input before it can write a record.

    `analyze` takes the stream of readable articles (unreadable ones are reported as they
    come; long ones cut at --max-chars) and a function that reports a failure on one
    article; its records are written at the end -- or, with `line`, each record as one
    line of plain text (None: skipped).
    """
    env = run.env
    writer = run.writer(layout)

    def articles() -> Iterator[Article]:
        for item in run.read():
            progress.advance(failed=isinstance(item, InputError))
            if isinstance(item, InputError):
                run.report(item)
            else:
                yield item.cut(run.inputs.max_chars)

    def on_failure(article: Article, exc: Exception) -> None:
        progress.failure()
        run.report_failure(article, exc)

    with run.progress(writer) as progress:
        try:
            records = analyze(articles(), on_failure)
        except NewscliError as error:  # about the run as a whole, not one input
            run.report(error)
            return error.exit_status
    if line is not None:
        for record in records:
            text = line(record)
            if text is not None:
                env.stdout.write(text + "\n")
        env.stdout.flush()
    else:
        try:
            for record in records:
                writer.write(record)
        finally:
            writer.close()
    return run.finish(progress)
