"""The Typer app: one thin function per command; shared options declared once.

Each command names its inputs, its analysis and its layout; `_run` does the rest: read
each input, parse it once, analyse it, write the record, report failures, exit 1 if any
input failed. Heavy modules (nltk, textstat, rich tables) are imported inside the
functions that need them, so start-up stays fast.
"""

import codecs
import traceback
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer

from newscli import __version__
from newscli.environment import Environment
from newscli.errors import InputError, NewscliError
from newscli.inputs import Article, expects_many, read_articles
from newscli.render import Format, Layout, Record, Writer

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
        help="Articles: files, directories (their .txt and .md files) or - for stdin. "
        "With none given, piped stdin is read.",
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


def _run(
    ctx: typer.Context,
    files: list[str] | None,
    *,
    fmt: Format,
    jsonl: bool,
    text_field: str,
    encoding: str | None,
    layout: Layout,
    analyse: Callable[[Article], Record],
) -> None:
    """Read, analyse and write each input; one bad input never stops the others."""
    env: Environment = ctx.obj
    args = list(files or [])
    if not args:
        if env.stdin_is_terminal():
            ctx.fail("no input given; name files or directories, or pipe text in")
        args = ["-"]
    writer = Writer(fmt, layout, env, many=expects_many(args, jsonl))
    total = failed = 0
    try:
        for item in read_articles(
            args, stdin=env.stdin, jsonl=jsonl, text_field=text_field, encoding=encoding
        ):
            total += 1
            if isinstance(item, InputError):
                failed += 1
                _report(ctx, item)
                continue
            try:
                record = analyse(item)
            except Exception as exc:  # noqa: BLE001 - a bug on one input must not lose the rest
                failed += 1
                error = NewscliError(
                    f"internal error ({type(exc).__name__}: {exc})",
                    source=item.source,
                    hint="rerun with --debug and report it",
                )
                error.__cause__ = exc
                _report(ctx, error)
                continue
            writer.write(record)
    finally:
        writer.close()
    if failed:
        if total > 1:
            env.stderr.write(f"newscli: {failed} of {total} inputs failed\n")
        raise typer.Exit(1)


def _base_record(article: Article, title: str | None) -> Record:
    record: Record = {"source": article.source}
    if article.id is not None:
        record["id"] = article.id
    record["title"] = title
    return record


def _parsed(article: Article) -> Any:
    from newscli.document import parse

    return parse(article.text, title=article.title)


@app.command("parse", short_help="Title, metadata, dropped boilerplate and sentences.")
def parse_command(
    ctx: typer.Context,
    files: Files = None,
    tokens: Annotated[bool, typer.Option("--tokens", help="Also list every token.")] = False,
    fmt: FormatOption = Format.auto,
    jsonl: JsonlOption = False,
    text_field: TextFieldOption = "text",
    encoding: EncodingOption = None,
) -> None:
    """Show how newscli reads an article: title, metadata, dropped boilerplate, sentences."""
    from newscli.analysis.parse import parse_record
    from newscli.render import PARSE

    def analyse(article: Article) -> Record:
        document = _parsed(article)
        record = _base_record(article, None)
        record.update(parse_record(document, tokens=tokens))
        return record

    _run(
        ctx,
        files,
        fmt=fmt,
        jsonl=jsonl,
        text_field=text_field,
        encoding=encoding,
        layout=PARSE,
        analyse=analyse,
    )


class ReadabilityUnit(StrEnum):
    document = "document"
    paragraph = "paragraph"


@app.command("readability", short_help="Readability formulas and counts on the body.")
def readability_command(
    ctx: typer.Context,
    files: Files = None,
    by: Annotated[
        ReadabilityUnit,
        typer.Option("--by", help="Score each document, or each body paragraph."),
    ] = ReadabilityUnit.document,
    fmt: FormatOption = Format.auto,
    jsonl: JsonlOption = False,
    text_field: TextFieldOption = "text",
    encoding: EncodingOption = None,
) -> None:
    """Readability formulas on the cleaned body, with the counts behind them."""
    from newscli.analysis.readability import readability, readability_by_paragraph
    from newscli.render import READABILITY

    def analyse(article: Article) -> Record:
        document = _parsed(article)
        record = _base_record(article, document.title.text if document.title else None)
        if by is ReadabilityUnit.paragraph:
            record["paragraphs"] = readability_by_paragraph(document)
        else:
            record.update(readability(document))
        return record

    _run(
        ctx,
        files,
        fmt=fmt,
        jsonl=jsonl,
        text_field=text_field,
        encoding=encoding,
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
    fmt: FormatOption = Format.auto,
    jsonl: JsonlOption = False,
    text_field: TextFieldOption = "text",
    encoding: EncodingOption = None,
) -> None:
    """An extractive summary of the cleaned body: whole sentences, with scores and offsets."""
    from newscli.analysis.summarize import Budget, summarize
    from newscli.render import SUMMARY

    if sentences is not None and ratio is not None:
        raise typer.BadParameter("give --sentences or --ratio, not both", param_hint="--ratio")
    if ratio == 0:
        raise typer.BadParameter("must be more than 0", param_hint="--ratio")
    budget = Budget(sentences=sentences, ratio=ratio, words=words)

    def analyse(article: Article) -> Record:
        document = _parsed(article)
        record = _base_record(article, document.title.text if document.title else None)
        record.update(
            summarize(document, budget=budget, method=method, order=order, ranking=all_sentences)
        )
        return record

    _run(
        ctx,
        files,
        fmt=fmt,
        jsonl=jsonl,
        text_field=text_field,
        encoding=encoding,
        layout=SUMMARY,
        analyse=analyse,
    )


class QuotesView(StrEnum):
    quote = "quote"
    speaker = "speaker"


@app.command("quotes", short_help="Who said what: quotations with resolved speakers.")
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
    fmt: FormatOption = Format.auto,
    jsonl: JsonlOption = False,
    text_field: TextFieldOption = "text",
    encoding: EncodingOption = None,
) -> None:
    """Every quotation in the body with its speaker, cue and offsets; who gets quoted."""
    from newscli.analysis.quotes import quotes, speakers
    from newscli.render import QUOTES

    def analyse(article: Article) -> Record:
        document = _parsed(article)
        record = _base_record(article, document.title.text if document.title else None)
        found = quotes(document, include_all=include_all, indirect=indirect)
        if speaker is not None:
            wanted = speaker.lower()
            found = [
                q
                for q in found
                if wanted in (q["speaker"] or "").lower()
                or wanted in (q["speaker_mention"] or "").lower()
            ]
        record["quotes"] = found
        if by is QuotesView.speaker:
            record["speakers"] = speakers(found)
        return record

    _run(
        ctx,
        files,
        fmt=fmt,
        jsonl=jsonl,
        text_field=text_field,
        encoding=encoding,
        layout=QUOTES,
        analyse=analyse,
    )


# --- dedupe --------------------------------------------------------------------------


def _run_corpus(
    ctx: typer.Context,
    files: list[str] | None,
    *,
    fmt: Format,
    jsonl: bool,
    text_field: str,
    encoding: str | None,
    layout: Layout,
    analyse: Callable[[Any, Callable[[Article, Exception], None]], Any],
    line: Callable[[Record], str | None] | None = None,
) -> None:
    """`_run` for a command that needs every input before it can write a record.

    `analyse` takes the stream of readable articles (unreadable ones are reported as they
    come) and a function that reports a failure on one article; its records are written
    at the end -- or, with `line`, each record as one line of plain text (None: skipped).
    """
    env: Environment = ctx.obj
    args = list(files or [])
    if not args:
        if env.stdin_is_terminal():
            ctx.fail("no input given; name files or directories, or pipe text in")
        args = ["-"]
    total = failed = 0

    def articles() -> Any:
        nonlocal total, failed
        for item in read_articles(
            args, stdin=env.stdin, jsonl=jsonl, text_field=text_field, encoding=encoding
        ):
            total += 1
            if isinstance(item, InputError):
                failed += 1
                _report(ctx, item)
                continue
            yield item

    def on_failure(article: Article, exc: Exception) -> None:
        nonlocal failed
        failed += 1
        error = NewscliError(
            f"internal error ({type(exc).__name__}: {exc})",
            source=article.source,
            hint="rerun with --debug and report it",
        )
        error.__cause__ = exc
        _report(ctx, error)

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
        writer = Writer(fmt, layout, env, many=expects_many(args, jsonl))
        try:
            for record in records:
                writer.write(record)
        finally:
            writer.close()
    if failed:
        if total > 1:
            env.stderr.write(f"newscli: {failed} of {total} inputs failed\n")
        raise typer.Exit(1)


@app.command("dedupe", short_help="Exact and near-duplicate clusters across a corpus.")
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
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            show_default=False,
            help="Processes that parse inputs (default: one per CPU).",
        ),
    ] = None,
    fmt: FormatOption = Format.auto,
    jsonl: JsonlOption = False,
    text_field: TextFieldOption = "text",
    encoding: EncodingOption = None,
) -> None:
    """Cluster exact and near-duplicate articles: a shortened copy counts as a duplicate."""
    import os
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
            jobs=jobs or os.cpu_count() or 1,
            index=None if index is None else Path(index),
            pairs=pairs,
        )

    _run_corpus(
        ctx,
        files,
        fmt=fmt,
        jsonl=jsonl,
        text_field=text_field,
        encoding=encoding,
        layout=DEDUPE_PAIRS if pairs else DEDUPE,
        analyse=analyse,
        line=_representative_source if unique else None,
    )


def _representative_source(record: Record) -> str | None:
    return record["source"] if record["duplicate_of"] is None else None
