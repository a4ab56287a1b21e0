"""Running a command over its inputs: read, analyze, write, report, and say how it went.

Every command runs through one of three loops. `run_each` is for the per-document
commands: each input is read, parsed and analyzed (in worker processes, or on a Dask
cluster, when there are many) and its record written as soon as it is done, in input
order. `run_shards` is the same with --output-dir: each input file is one task, whose
records go to a file of their own. `run_corpus` is for a command that needs every input
before it can write a record (dedupe). All report each failing input as one line and go
on; the exit status says whether any input failed.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from newscli.environment import Environment
from newscli.errors import ExitStatus, InputError, NewscliError, UsageError, as_error, report
from newscli.inputs.article import Article
from newscli.inputs.files import expand, expects_many
from newscli.inputs.kinds import crawl_of
from newscli.inputs.read import read_articles
from newscli.language import Skips
from newscli.render.writer import Format, Layout, Record, Writer
from newscli.running.pool import CHUNK, MapChunks, ordered_map

if TYPE_CHECKING:
    from newscli.records import Analysis
    from newscli.running.progress import Progress

#: articles per task on a cluster: a task's round trip through the scheduler costs more than
#: a local pipe; at 16 the cluster was 22% slower than --jobs 2 here, at 64 3% (bench.cluster)
CLUSTER_CHUNK = 64


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
    #: the articles' language as given (--lang); None: identify each one's
    language: str | None = None
    #: a Dask scheduler's address: the work goes to its workers
    scheduler: str | None = None
    #: each input file's records to DIR/<its name>.jsonl.gz, with a manifest
    output_dir: str | None = None
    #: inputs are Parquet files (or directories of them), a row an article
    parquet: bool = False


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

    @contextmanager
    def mapper(self) -> Iterator[MapChunks]:
        """How this run maps work over chunks: on the Dask cluster it names, or in local
        processes. Raises UsageError when the scheduler cannot be reached."""
        if self.inputs.scheduler is None or self.debug:
            yield partial(ordered_map, jobs=self.jobs())
            return
        from newscli.running.cluster import cluster_map, connect

        client = connect(self.inputs.scheduler)
        try:
            yield partial(cluster_map, client)
        finally:
            client.close()

    def chunk(self) -> int:
        """Articles per message to a worker: more when it goes over the network."""
        return CLUSTER_CHUNK if self.inputs.scheduler and not self.debug else CHUNK

    def writer(self, layout: Layout) -> Writer:
        many = expects_many(self.args, self.inputs.jsonl, self.inputs.parquet)
        return Writer(self.inputs.fmt, layout, self.env, many=many)

    def read(self) -> Iterator[Article | InputError]:
        inputs = self.inputs
        return read_articles(
            self.args,
            stdin=self.env.stdin,
            jsonl=inputs.jsonl,
            parquet=inputs.parquet,
            text_field=inputs.text_field,
            encoding=inputs.encoding,
            html=inputs.html,
            html_field=inputs.html_field,
            language=inputs.language,
            note=None if inputs.quiet else self.note,
        )

    def note(self, source: str, message: str) -> None:
        """A line worth saying that is no error (a crawl's skipped records)."""
        self.env.stderr.write(f"newscli: {source}: {message}\n")
        self.env.stderr.flush()

    def warn_skips(self, skips: Skips, articles: int) -> None:
        """One line for the articles some analysis was left out of (their language)."""
        warning = skips.warning(articles)
        if warning is not None and not self.inputs.quiet:
            self.env.stderr.write(f"newscli: warning: {warning}\n")
            self.env.stderr.flush()

    def report(self, error: NewscliError) -> None:
        report(error, self.env.stderr, debug=self.debug)

    def report_failure(self, item: Any, outcome: Exception) -> None:
        """A failure on one input: ours as it is, anything else as an internal error."""
        self.report(as_error(item, outcome))

    def progress(self, writer: Writer | None) -> "Progress":
        """A progress line on stderr; `writer`, where records go to stdout as they come."""
        from newscli.running.progress import Progress

        # a bar on the terminal stdout writes to as it goes would tear the output
        writes = writer is not None and not writer.buffers
        shares_terminal = self.env.stdout_is_terminal() and writes
        return Progress(self.env, enabled=not self.inputs.quiet and not shares_terminal)

    def finish(self, progress: "Progress") -> ExitStatus:
        """INPUT_FAILED when any input failed, after saying how many of how many."""
        if not progress.failed:
            return ExitStatus.OK
        if progress.inputs > 1:
            self.env.stderr.write(
                f"newscli: {progress.failed_inputs} of {progress.inputs} inputs failed\n"
            )
        return ExitStatus.INPUT_FAILED


@contextmanager
def _closed_unless_interrupted(writer: Writer) -> Iterator[None]:
    """Close the output when the run ends (a JSON array's bracket, an HTML page's end),
    but not when Ctrl-C ends it: output cut short must not look whole."""
    try:
        yield
    except KeyboardInterrupt:
        raise
    except BaseException:
        writer.close()
        raise
    writer.close()


def run_each(run: Run, *, layout: Layout, analyze: "Analysis") -> ExitStatus:
    """Read, analyze and write each input, in input order, in worker processes (or on a
    cluster) when there are many; one bad input never stops the others.

    `analyze` must pickle (a module-level function or a partial of one) to reach workers.
    """
    from newscli.records import analyze_chunk

    writer = run.writer(layout)
    inputs = run.inputs
    work = partial(
        analyze_chunk,
        analyze,
        max_chars=inputs.max_chars,
        with_text=inputs.with_text or writer.needs_article,
        with_dropped=writer.needs_article,
    )
    skips = Skips()
    try:
        with (
            run.mapper() as map_chunks,
            run.progress(writer) as progress,
            _closed_unless_interrupted(writer),
        ):
            for item, outcome in map_chunks(work, run.read(), chunk=run.chunk()):
                if isinstance(outcome, Exception):
                    run.report_failure(item, outcome)
                else:
                    writer.write(outcome)
                    skips.add(outcome)
                progress.advance(failed=isinstance(outcome, Exception), input=crawl_of(item.source))
    except UsageError as error:  # the scheduler cannot be reached: nothing was read
        run.report(error)
        return error.exit_status
    run.warn_skips(skips, progress.done)
    return run.finish(progress)


def run_shards(run: Run, *, analyze: "Analysis", record_types: tuple[type, ...] = ()) -> ExitStatus:
    """`run_each` with --output-dir: each input file is one task (on the cluster, or in a
    local process), its records written to a shard of their own (JSON Lines, or with
    --format parquet a Parquet file whose schema is `record_types`'); shards a run finished
    before are skipped. Only messages reach the terminal."""
    import os
    from pathlib import Path

    from newscli.running import shards

    inputs = run.inputs
    # workers have directories of their own: every path they get is absolute
    directory = Path(inputs.output_dir or ".").absolute()
    unreadable = 0
    try:
        if "-" in run.args:
            raise UsageError(
                "--output-dir reads files: standard input has no name to give its shard",
                hint="save it to a file first",
            )
        sources = []
        for source in expand(run.args, inputs.jsonl, inputs.parquet):
            if isinstance(source, InputError):
                run.report(source)
                unreadable += 1
            else:
                sources.append(source)
        suffix = shards.suffix(inputs.fmt)
        names = [shards.shard_path(directory, s, suffix).name for s in sources]
        if len(set(names)) < len(names):
            twice = sorted({n for n in names if names.count(n) > 1})[0]
            raise UsageError(
                f"two inputs would write one shard, {twice}",
                hint="give the inputs distinct file names",
            )
        directory.mkdir(parents=True, exist_ok=True)
    except (UsageError, OSError) as error:
        if isinstance(error, OSError):
            error = UsageError(f"--output-dir {directory} cannot be made ({error.strerror})")
        run.report(error)
        return error.exit_status
    done = shards.completed(directory)
    todo = [s for s in sources if str(Path(s).absolute()) not in done]
    overwritten = [s for s in todo if shards.shard_path(directory, s, suffix) == Path(s).absolute()]
    if overwritten:
        clash = UsageError(
            f"{overwritten[0]}'s shard would overwrite it", hint="give another --output-dir"
        )
        run.report(clash)
        return clash.exit_status
    if done and not inputs.quiet:
        run.note(str(directory), f"{len(sources) - len(todo)} shards done before; skipped")
    task = partial(
        shards.write_shards,
        directory=str(directory),
        analyze=analyze,
        reading={
            "root": os.getcwd(),
            "jsonl": inputs.jsonl,
            "parquet": inputs.parquet,
            "text_field": inputs.text_field,
            "encoding": inputs.encoding,
            "html": inputs.html,
            "html_field": inputs.html_field,
            "language": inputs.language,
        },
        max_chars=inputs.max_chars,
        with_text=inputs.with_text,
        parquet_records=record_types if inputs.fmt is Format.parquet else None,
    )
    records, failures = 0, unreadable
    skips = Skips()
    try:
        with run.mapper() as map_chunks, run.progress(None) as progress:
            for _, shard in map_chunks(task, todo, chunk=1):
                for line in shard.messages if inputs.quiet else [*shard.notes, *shard.messages]:
                    run.env.stderr.write(line + "\n")
                if shard.output:  # else nothing of the input was read: no shard
                    shards.add_to_manifest(directory, shard)
                records += shard.records
                failures += shard.failures
                skips.update(shard.skips)
                progress.advance(failed=bool(shard.failures))
    except UsageError as error:
        run.report(error)
        return error.exit_status
    run.warn_skips(skips, records)
    if failures:
        run.env.stderr.write(
            f"newscli: {failures} of {records + failures} inputs failed, in {len(todo)} shards\n"
        )
        return ExitStatus.INPUT_FAILED
    return ExitStatus.OK


#: a corpus command's analysis: (readable articles, report a failure, how to map work over
#: chunks) -> its records
CorpusAnalysis = Callable[[Iterator[Article], Callable[[Article, Exception], None], MapChunks], Any]


def run_corpus(
    run: Run,
    *,
    layout: Layout,
    analyze: CorpusAnalysis,
    line: Callable[[Record], str | None] | None = None,
) -> ExitStatus:
    """`run_each` for a command that needs every input before it can write a record.

    `analyze` takes the stream of readable articles (unreadable ones are reported as they
    come; long ones cut at --max-chars, a web page's text once extracted, by `analyze`), a
    function that reports a failure on one article, and the run's way to map work over
    chunks; its records are written at the end -- or,
    with `line`, each record as one line of plain text (None: skipped).
    """
    env = run.env
    writer = run.writer(layout)

    def articles() -> Iterator[Article]:
        for item in run.read():
            crawl = crawl_of(item.source) if item.source else None
            progress.advance(failed=isinstance(item, InputError), input=crawl)
            if isinstance(item, InputError):
                run.report(item)
            elif item.html:  # cut once extracted, as the other commands do
                yield item
            else:
                yield item.cut(run.inputs.max_chars)

    def on_failure(article: Article, exc: Exception) -> None:
        progress.failure()
        run.report_failure(article, exc)

    try:
        with run.mapper() as map_chunks, run.progress(writer) as progress:
            records = analyze(articles(), on_failure, map_chunks)
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
        with _closed_unless_interrupted(writer):
            for record in records:
                writer.write(record)
    return run.finish(progress)
