"""The Typer app: one thin function per command; shared options declared once.

Each command names its inputs, its analysis and its layout; `_run` does the rest: read
each input, parse it once, analyse it, write the record, report failures, exit 1 if any
input failed. Heavy modules (nltk, textstat, rich tables) are imported inside the
functions that need them, so start-up stays fast.
"""

import codecs
import inspect
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import partial, wraps
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newscli import __version__
from newscli.environment import Environment
from newscli.errors import InputError, NewscliError
from newscli.inputs import Article, expects_many, read_articles
from newscli.render import Format, Layout, Record, Writer

if TYPE_CHECKING:
    from newscli.progress import Progress

app = typer.Typer(
    name="newscli",
    help="A command-line toolkit for news text. Tables on a terminal, JSON Lines in a pipe.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _check_encoding(value: str | None) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {value!r}; try utf-8 or latin-1") from None
    return value


Files = Annotated[
    list[str] | None,
    typer.Argument(
        help="Articles: text, HTML or WARC files (also .gz, .bz2, .xz), directories of "
        "them, or - for stdin. With none given, piped stdin is read.",
        show_default=False,
        metavar="FILE",
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="auto: a table on a terminal, JSON Lines otherwise.",
        case_sensitive=False,
    ),
]
JsonlOption = Annotated[
    bool, typer.Option("--jsonl", help="Inputs are JSON Lines, one article record per line.")
]
TextFieldOption = Annotated[
    str,
    typer.Option(
        "--text-field", metavar="FIELD", help="The JSONL field that holds the article text."
    ),
]
HtmlOption = Annotated[
    bool,
    typer.Option("--html", help="Standard input (and files named otherwise) is a web page's HTML."),
]
HtmlFieldOption = Annotated[
    str | None,
    typer.Option(
        "--html-field",
        metavar="FIELD",
        show_default=False,
        help="With --jsonl: the field that holds a web page's HTML, to extract the article from.",
    ),
]
WithTextOption = Annotated[
    bool,
    typer.Option(
        "--with-text",
        help="Put the article's text (a page's: as extracted) in each record; offsets index it.",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="CODEC",
        help="Decode inputs with this codec instead of UTF-8.",
        callback=_check_encoding,
        show_default=False,
    ),
]

JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        show_default=False,
        help="Worker processes for many inputs (default: one per CPU); output is the same.",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar on stderr (errors still show).")
]
MaxCharsOption = Annotated[
    int,
    typer.Option(
        "--max-chars",
        min=1,
        metavar="N",
        help="Cut longer articles here; the record says `truncated`.",
    ),
]
#: generous: ten times a very long feature article
MAX_CHARS = 1_000_000


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newscli {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """A command-line toolkit for news text. Tables on a terminal, JSON Lines in a pipe."""
    if not isinstance(ctx.obj, Environment):
        ctx.obj = Environment()
    ctx.meta["debug"] = debug


def _report(ctx: typer.Context, error: NewscliError) -> None:
    env: Environment = ctx.obj
    if ctx.meta.get("debug") and error.__cause__ is not None:
        traceback.print_exception(error.__cause__, file=env.stderr)
    env.stderr.write(error.message() + "\n")
    env.stderr.flush()


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


#: Inputs' fields as command-line options: (annotation with the option, default)
_INPUT_OPTIONS: dict[str, tuple[Any, Any]] = {
    "fmt": (FormatOption, Format.auto),
    "jsonl": (JsonlOption, False),
    "text_field": (TextFieldOption, "text"),
    "html": (HtmlOption, False),
    "html_field": (HtmlFieldOption, None),
    "with_text": (WithTextOption, False),
    "encoding": (EncodingOption, None),
    "jobs": (JobsOption, None),
    "quiet": (QuietOption, False),
    "max_chars": (MaxCharsOption, MAX_CHARS),
}


def input_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the shared options, declared here once: Typer reads them from the
    signature, and the command receives them together as `inputs`."""
    signature = inspect.signature(command)
    own = [p for p in signature.parameters.values() if p.name != "inputs"]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=option)
        for name, (option, default) in _INPUT_OPTIONS.items()
    ]

    @wraps(command)
    def with_inputs(*args: Any, **kwargs: Any) -> None:
        inputs = Inputs(**{name: kwargs.pop(name) for name in _INPUT_OPTIONS})
        command(*args, inputs=inputs, **kwargs)

    with_inputs.__signature__ = signature.replace(parameters=[*own, *shared])  # type: ignore[attr-defined]
    with_inputs.__annotations__ = {
        **{k: v for k, v in command.__annotations__.items() if k != "inputs"},
        **{name: option for name, (option, _) in _INPUT_OPTIONS.items()},
    }
    return with_inputs


def _run(
    ctx: typer.Context,
    files: list[str] | None,
    inputs: Inputs,
    *,
    layout: Layout,
    analyse: Callable[[Article], Record],
) -> None:
    """Read, analyse and write each input, in input order, in worker processes when there
    are many; one bad input never stops the others.

    `analyse` must pickle (a module-level function or a partial of one) to reach workers.
    """
    from newscli.parallel import ordered_map
    from newscli.records import analyse_chunk

    env: Environment = ctx.obj
    args = _input_args(ctx, files)
    writer = Writer(inputs.fmt, layout, env, many=expects_many(args, inputs.jsonl))
    work = partial(analyse_chunk, analyse, max_chars=inputs.max_chars, with_text=inputs.with_text)
    items = _read(ctx, args, inputs)
    # tracebacks do not cross processes: --debug runs everything here
    jobs = 1 if ctx.meta.get("debug") else _jobs(inputs.jobs)
    with _progress(env, inputs, writer) as progress:
        try:
            for item, outcome in ordered_map(work, items, jobs=jobs, chunk=CHUNK):
                if isinstance(outcome, Exception):
                    _report_failure(ctx, item, outcome)
                else:
                    writer.write(outcome)
                progress.advance(failed=isinstance(outcome, Exception))
        finally:
            writer.close()
    _finish(ctx, progress)


#: articles per message to a worker process
CHUNK = 16


def _read(ctx: typer.Context, args: list[str], inputs: Inputs) -> Iterator[Article | InputError]:
    env: Environment = ctx.obj
    if inputs.html_field is not None and not inputs.jsonl:
        raise typer.BadParameter("reads a JSONL field; add --jsonl", param_hint="--html-field")
    return read_articles(
        args,
        stdin=env.stdin,
        jsonl=inputs.jsonl,
        text_field=inputs.text_field,
        encoding=inputs.encoding,
        html=inputs.html,
        html_field=inputs.html_field,
        note=None if inputs.quiet else partial(_note, env),
    )


def _note(env: Environment, source: str, message: str) -> None:
    env.stderr.write(f"newscli: {source}: {message}\n")
    env.stderr.flush()


def _input_args(ctx: typer.Context, files: list[str] | None) -> list[str]:
    env: Environment = ctx.obj
    args = list(files or [])
    if not args:
        if env.stdin_is_terminal():
            ctx.fail("no input given; name files or directories, or pipe text in")
        args = ["-"]
    return args


def _jobs(jobs: int | None) -> int:
    import os

    return jobs or os.cpu_count() or 1


def _progress(env: Environment, inputs: Inputs, writer: Writer) -> "Progress":
    from newscli.progress import Progress

    # a bar on the terminal stdout writes to as it goes would tear the output
    shares_terminal = env.stdout_is_terminal() and not writer.buffers
    return Progress(env, enabled=not inputs.quiet and not shares_terminal)


def _report_failure(ctx: typer.Context, item: Any, outcome: Exception) -> None:
    if isinstance(outcome, NewscliError):
        _report(ctx, outcome)
        return
    error = NewscliError(
        f"internal error ({type(outcome).__name__}: {outcome})",
        source=item.source,
        hint="rerun with --debug and report it",
    )
    error.__cause__ = outcome
    _report(ctx, error)


def _finish(ctx: typer.Context, progress: "Progress") -> None:
    """Exit 1 when any input failed, after saying how many of how many."""
    env: Environment = ctx.obj
    if progress.failed:
        if progress.done > 1:
            env.stderr.write(f"newscli: {progress.failed} of {progress.done} inputs failed\n")
        raise typer.Exit(1)


@app.command("parse", short_help="Title, metadata, dropped boilerplate and sentences.")
@input_options
def parse_command(
    ctx: typer.Context,
    files: Files = None,
    tokens: Annotated[bool, typer.Option("--tokens", help="Also list every token.")] = False,
    *,
    inputs: Inputs,
) -> None:
    """Show how newscli reads an article: title, metadata, dropped boilerplate, sentences."""
    from newscli.records import parse_record
    from newscli.render import PARSE

    analyse = partial(parse_record, tokens=tokens)
    _run(
        ctx,
        files,
        inputs,
        layout=PARSE,
        analyse=analyse,
    )


class ReadabilityUnit(StrEnum):
    document = "document"
    paragraph = "paragraph"


@app.command("readability", short_help="Readability formulas and counts on the body.")
@input_options
def readability_command(
    ctx: typer.Context,
    files: Files = None,
    by: Annotated[
        ReadabilityUnit,
        typer.Option("--by", help="Score each document, or each body paragraph."),
    ] = ReadabilityUnit.document,
    *,
    inputs: Inputs,
) -> None:
    """Readability formulas on the cleaned body, with the counts behind them."""
    from newscli.records import readability_record
    from newscli.render import READABILITY

    analyse = partial(readability_record, by_paragraph=by is ReadabilityUnit.paragraph)
    _run(
        ctx,
        files,
        inputs,
        layout=READABILITY,
        analyse=analyse,
    )


class SummaryMethod(StrEnum):
    newscli = "newscli"
    lead = "lead"
    textrank = "textrank"
    lexrank = "lexrank"


class SummaryOrder(StrEnum):
    document = "document"
    score = "score"


@app.command("summarize", short_help="Extractive summaries with scores and offsets.")
@input_options
def summarize_command(
    ctx: typer.Context,
    files: Files = None,
    sentences: Annotated[
        int | None,
        typer.Option(
            "--sentences",
            "-n",
            min=1,
            show_default=False,
            help="How many sentences (default 3, or as many as --words allows).",
        ),
    ] = None,
    ratio: Annotated[
        float | None,
        typer.Option(
            "--ratio",
            min=0.0,
            max=1.0,
            show_default=False,
            help="Keep this share of the body's sentences instead.",
        ),
    ] = None,
    words: Annotated[
        int | None,
        typer.Option("--words", min=1, show_default=False, help="At most this many words."),
    ] = None,
    method: Annotated[
        SummaryMethod,
        typer.Option(
            "--method", help="newscli (position, centrality, headline, coherence) or a baseline."
        ),
    ] = SummaryMethod.newscli,
    order: Annotated[
        SummaryOrder,
        typer.Option("--order", help="List chosen sentences in document or score order."),
    ] = SummaryOrder.document,
    all_sentences: Annotated[
        bool, typer.Option("--all", help="Also score and rank every sentence.")
    ] = False,
    *,
    inputs: Inputs,
) -> None:
    """An extractive summary of the cleaned body: whole sentences, with scores and offsets."""
    from newscli.analysis.summarize import Budget
    from newscli.records import summary_record
    from newscli.render import SUMMARY

    if sentences is not None and ratio is not None:
        raise typer.BadParameter("give --sentences or --ratio, not both", param_hint="--ratio")
    if ratio == 0:
        raise typer.BadParameter("must be more than 0", param_hint="--ratio")
    budget = Budget(sentences=sentences, ratio=ratio, words=words)

    analyse = partial(
        summary_record,
        budget=budget,
        method=method.value,
        order=order.value,
        ranking=all_sentences,
    )
    _run(
        ctx,
        files,
        inputs,
        layout=SUMMARY,
        analyse=analyse,
    )


class QuotesView(StrEnum):
    quote = "quote"
    speaker = "speaker"


@app.command("quotes", short_help="Who said what: quotations with resolved speakers.")
@input_options
def quotes_command(
    ctx: typer.Context,
    files: Files = None,
    by: Annotated[
        QuotesView,
        typer.Option("--by", help="A row per quote, or per speaker with their quote counts."),
    ] = QuotesView.quote,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            metavar="NAME",
            show_default=False,
            help="Only quotes whose speaker's name contains NAME (any case).",
        ),
    ] = None,
    include_all: Annotated[
        bool, typer.Option("--all", help="Also scare quotes and titles (a “slap”).")
    ] = False,
    indirect: Annotated[
        bool, typer.Option("--indirect", help="Also reported speech (Zarif said that ...).")
    ] = False,
    *,
    inputs: Inputs,
) -> None:
    """Every quotation in the body with its speaker, cue and offsets; who gets quoted."""
    from newscli.records import quotes_record
    from newscli.render import QUOTES

    analyse = partial(
        quotes_record,
        include_all=include_all,
        indirect=indirect,
        speaker=speaker,
        by_speaker=by is QuotesView.speaker,
    )
    _run(
        ctx,
        files,
        inputs,
        layout=QUOTES,
        analyse=analyse,
    )


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    MISC = "MISC"


@app.command("entities", short_help="People, organisations and places, one row per referent.")
@input_options
def entities_command(
    ctx: typer.Context,
    files: Files = None,
    types: Annotated[
        list[EntityType] | None,
        typer.Option(
            "--type",
            "-t",
            help="Only entities of this type (repeat for several).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="A table or CSV row per mention, not per entity.")
    ] = False,
    *,
    inputs: Inputs,
) -> None:
    """Typed named entities from newscli's own tagger, grouped into one entity per referent
    with a canonical name, role, mentions and salience."""
    from newscli.records import entities_record
    from newscli.render import ENTITIES, ENTITY_MENTIONS

    analyse = partial(entities_record, types=frozenset(t.value for t in types or ()))
    _run(
        ctx,
        files,
        inputs,
        layout=ENTITY_MENTIONS if mentions else ENTITIES,
        analyse=analyse,
    )


@app.command("analyze", short_help="Every per-document analysis in one record: for corpora.")
@input_options
def analyze_command(
    ctx: typer.Context,
    files: Files = None,
    *,
    inputs: Inputs,
) -> None:
    """Parse each article once and run readability, summarize, quotes and entities on it,
    with their default options: one record per article, in input order."""
    from newscli.records import analyze_record
    from newscli.render import ANALYZE

    _run(
        ctx,
        files,
        inputs,
        layout=ANALYZE,
        analyse=analyze_record,
    )


# --- dedupe --------------------------------------------------------------------------


def _run_corpus(
    ctx: typer.Context,
    files: list[str] | None,
    inputs: Inputs,
    *,
    layout: Layout,
    analyse: Callable[[Any, Callable[[Article, Exception], None]], Any],
    line: Callable[[Record], str | None] | None = None,
) -> None:
    """`_run` for a command that needs every input before it can write a record.

    `analyse` takes the stream of readable articles (unreadable ones are reported as they
    come; long ones cut at --max-chars) and a function that reports a failure on one
    article; its records are written at the end -- or, with `line`, each record as one
    line of plain text (None: skipped).
    """
    env: Environment = ctx.obj
    args = _input_args(ctx, files)
    writer = Writer(inputs.fmt, layout, env, many=expects_many(args, inputs.jsonl))

    def articles() -> Any:
        for item in _read(ctx, args, inputs):
            progress.advance(failed=isinstance(item, InputError))
            if isinstance(item, InputError):
                _report(ctx, item)
            else:
                yield item.cut(inputs.max_chars)

    def on_failure(article: Article, exc: Exception) -> None:
        progress.failure()
        _report_failure(ctx, article, exc)

    with _progress(env, inputs, writer) as progress:
        try:
            records = analyse(articles(), on_failure)
        except NewscliError as error:  # about the run as a whole, not one input
            _report(ctx, error)
            raise typer.Exit(error.exit_status) from None
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
    _finish(ctx, progress)


@app.command("dedupe", short_help="Exact and near-duplicate clusters across a corpus.")
@input_options
def dedupe_command(
    ctx: typer.Context,
    files: Files = None,
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold",
            min=0.0,
            max=1.0,
            help="How much of the shorter body must be in the longer one (containment).",
        ),
    ] = 0.7,
    shingle: Annotated[
        int | None,
        typer.Option(
            "--shingle",
            min=1,
            max=10,
            show_default=False,
            help="Words per shingle (default 4, or the index's).",
        ),
    ] = None,
    pairs: Annotated[
        bool, typer.Option("--pairs", help="List the duplicate pairs instead of documents.")
    ] = False,
    unique: Annotated[
        bool,
        typer.Option("--unique", help="Print only the sources to keep, one per cluster, as lines."),
    ] = False,
    index: Annotated[
        str | None,
        typer.Option(
            "--index",
            metavar="DB",
            show_default=False,
            help="An SQLite index: check the inputs against it and add the new ones.",
        ),
    ] = None,
    *,
    inputs: Inputs,
) -> None:
    """Cluster exact and near-duplicate articles: a shortened copy counts as a duplicate."""
    from pathlib import Path

    from newscli.dedupe.run import dedupe
    from newscli.render import DEDUPE, DEDUPE_PAIRS

    if pairs and unique:
        raise typer.BadParameter("give --pairs or --unique, not both", param_hint="--unique")

    def analyse(articles: Any, on_failure: Callable[[Article, Exception], None]) -> Any:
        return dedupe(
            articles,
            on_failure,
            threshold=threshold,
            shingle=shingle,
            jobs=1 if ctx.meta.get("debug") else _jobs(inputs.jobs),
            index=None if index is None else Path(index),
            pairs=pairs,
        )

    _run_corpus(
        ctx,
        files,
        inputs,
        layout=DEDUPE_PAIRS if pairs else DEDUPE,
        analyse=analyse,
        line=_representative_source if unique else None,
    )


def _representative_source(record: Record) -> str | None:
    return record["source"] if record["duplicate_of"] is None else None
