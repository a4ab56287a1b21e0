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
    from pathlib import Path

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

    def reading(self) -> dict[str, Any]:
        """How a worker reads an input itself: `read_articles`' options, relative paths
        taken from this directory."""
        import os

        return {"root": os.getcwd(), **self._read_options()}

    def chunk(self) -> int:
        """Articles per message to a worker: more when it goes over the network."""
        return CLUSTER_CHUNK if self.inputs.scheduler and not self.debug else CHUNK

    def writer(self, layout: Layout) -> Writer:
        many = expects_many(self.args, self.inputs.jsonl, self.inputs.parquet)
        return Writer(self.inputs.fmt, layout, self.env, many=many)

    def read(self) -> Iterator[Article | InputError]:
        note = None if self.inputs.quiet else self.note
        return read_articles(self.args, stdin=self.env.stdin, note=note, **self._read_options())

    def _read_options(self) -> dict[str, Any]:
        """`read_articles`' options as the inputs give them."""
        inputs = self.inputs
        return {
            "jsonl": inputs.jsonl,
            "parquet": inputs.parquet,
            "text_field": inputs.text_field,
            "encoding": inputs.encoding,
            "html": inputs.html,
            "html_field": inputs.html_field,
            "language": inputs.language,
        }

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


@dataclass(frozen=True)
class _Shards:
    """Where --output-dir's shards go, and which inputs still need theirs."""

    #: absolute: workers have directories of their own
    directory: "Path"
    sources: list[str]
    todo: list[str]
    #: inputs named that are not there or cannot be listed (reported already)
    unreadable: int


def _plan_shards(run: Run) -> _Shards:
    """Check --output-dir and name each input's shard; shards a run finished before are
    done. Raises UsageError when the shards cannot be written as asked."""
    from pathlib import Path

    from newscli.running import shards

    directory = Path(run.inputs.output_dir or ".").absolute()
    if "-" in run.args:
        raise UsageError(
            "--output-dir reads files: standard input has no name to give its shard",
            hint="save it to a file first",
        )
    sources, unreadable = _input_files(run)
    suffix = shards.suffix(run.inputs.fmt)
    names = [shards.shard_path(directory, s, suffix).name for s in sources]
    if len(set(names)) < len(names):
        twice = sorted({n for n in names if names.count(n) > 1})[0]
        raise UsageError(
            f"two inputs would write one shard, {twice}",
            hint="give the inputs distinct file names",
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"--output-dir {directory} cannot be made ({error.strerror})") from None
    done = shards.completed(directory)
    todo = [s for s in sources if str(Path(s).absolute()) not in done]
    overwritten = [s for s in todo if shards.shard_path(directory, s, suffix) == Path(s).absolute()]
    if overwritten:
        raise UsageError(
            f"{overwritten[0]}'s shard would overwrite it", hint="give another --output-dir"
        )
    if done and not run.inputs.quiet:
        run.note(str(directory), f"{len(sources) - len(todo)} shards done before; skipped")
    return _Shards(directory, sources, todo, unreadable)


def _input_files(run: Run) -> tuple[list[str], int]:
    """The files the inputs name (directories listed), and how many inputs could not be
    (each reported)."""
    sources, unreadable = [], 0
    for source in expand(run.args, run.inputs.jsonl, run.inputs.parquet):
        if isinstance(source, InputError):
            run.report(source)
            unreadable += 1
        else:
            sources.append(source)
    return sources, unreadable


def run_shards(run: Run, *, analyze: "Analysis", record_types: tuple[type, ...] = ()) -> ExitStatus:
    """`run_each` with --output-dir: each input file is one task (on the cluster, or in a
    local process), its records written to a shard of their own (JSON Lines, or with
    --format parquet a Parquet file whose schema is `record_types`'); shards a run finished
    before are skipped. Only messages reach the terminal."""
    from newscli.running import shards

    inputs = run.inputs
    try:
        plan = _plan_shards(run)
    except UsageError as error:
        run.report(error)
        return error.exit_status
    directory, todo = plan.directory, plan.todo
    task = partial(
        shards.write_shards,
        directory=str(directory),
        analyze=analyze,
        reading=run.reading(),
        max_chars=inputs.max_chars,
        with_text=inputs.with_text,
        parquet_records=record_types if inputs.fmt is Format.parquet else None,
    )
    records, failures = 0, plan.unreadable
    skips = Skips()
    try:
        with run.mapper() as map_chunks, run.progress(None) as progress:
            for _, shard in map_chunks(task, todo, chunk=1):
                _say(run, shard.notes, shard.messages)
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


#: a corpus command's analysis on a cluster whose workers read the inputs: (input files, how
#: to read them) -> each input with a Dask Delayed of what it gives (records, messages and
#: notes: `duplicates.shuffled.Partition`), in input order
WorkerAnalysis = Callable[[list[str], dict[str, Any]], list[tuple[str, Any]]]


def run_on_workers(
    run: Run,
    *,
    layout: Layout,
    analyze: WorkerAnalysis,
    line: Callable[[Record], str | None] | None = None,
    record_types: tuple[type, ...] = (),
) -> ExitStatus:
    """`run_corpus` on the Dask cluster of --scheduler, for a corpus too large for this
    process: the workers read the input files themselves, and the records come back one
    input at a time, in input order -- or, with --output-dir, a worker writes each input's
    records to its shard (as `run_shards` does), and none pass through here."""
    from newscli.running.cluster import connect

    inputs = run.inputs
    assert inputs.scheduler is not None
    try:
        if "-" in run.args:
            raise UsageError(
                "with --scheduler, the workers read the inputs: standard input is not theirs",
                hint="save it to a file every worker can read",
            )
        plan = _plan_shards(run) if inputs.output_dir is not None else None
        sources, unreadable = (plan.sources, plan.unreadable) if plan else _input_files(run)
        client = connect(inputs.scheduler)
    except UsageError as error:
        run.report(error)
        return error.exit_status
    documents, failures = 0, unreadable
    try:
        with client.as_current():
            parts = analyze(sources, run.reading())
            if plan is not None:
                documents, failed = _write_shards_on_workers(run, plan, client, parts, record_types)
                failures += failed
            else:
                writer = run.writer(layout)
                with _closed_unless_interrupted(writer):
                    for part in _in_order(client, (part for _, part in parts)):
                        failures += _say(run, part.notes, part.messages)
                        documents += part.documents
                        for record in part.records:
                            if line is None:
                                writer.write(record)
                            elif (text := line(record)) is not None:
                                run.env.stdout.write(text + "\n")
                    run.env.stdout.flush()
    finally:
        client.close()
    if not failures:
        return ExitStatus.OK
    if documents + failures > 1:
        run.env.stderr.write(f"newscli: {failures} of {documents + failures} inputs failed\n")
    return ExitStatus.INPUT_FAILED


def _write_shards_on_workers(
    run: Run, plan: _Shards, client: Any, parts: list[tuple[str, Any]], record_types: tuple
) -> tuple[int, int]:
    """Each input's records to its shard, by a worker; the manifest's lines here. Returns
    how many records and failures."""
    import dask

    from newscli.running import shards

    todo = set(plan.todo)
    parquet_records = record_types if run.inputs.fmt is Format.parquet else None
    tasks = (
        dask.delayed(shards.write_records)(
            part, source=source, directory=str(plan.directory), parquet_records=parquet_records
        )
        for source, part in parts
        if source in todo
    )
    records, failures = 0, 0
    for shard in _in_order(client, tasks):
        failures += _say(run, shard.notes, shard.messages)
        if shard.output:
            shards.add_to_manifest(plan.directory, shard)
        records += shard.records
    return records, failures


def _say(run: Run, notes: list[str], messages: list[str]) -> int:
    """Write a partition's notes (unless --quiet) and failures; returns how many failed."""
    for text in messages if run.inputs.quiet else [*notes, *messages]:
        run.env.stderr.write(text + "\n")
    run.env.stderr.flush()
    return len(messages)


def _in_order(client: Any, tasks: Iterator[Any]) -> Iterator[Any]:
    """Compute Dask Delayeds on the cluster, a few ahead, and yield their results in order."""
    from collections import deque

    from newscli.running.pool import WINDOW

    ahead = WINDOW * (sum(client.nthreads().values()) or 1)
    window: deque[Any] = deque()
    try:
        for task in tasks:
            window.append(client.compute(task))
            if len(window) >= ahead:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        client.cancel(list(window))
