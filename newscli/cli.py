"""The Typer app: the commands and their options, the shared ones declared once.

Each command names its analysis and its layout; `newscli.running` does the rest: read
each input, parse it once, analyze it, write the record, report failures, and the exit
status. Heavy modules (nltk, textstat, rich tables) are imported inside the functions
that need them, so start-up stays fast.
"""

import codecs
import inspect
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import partial, wraps
from typing import Annotated, Any

import typer

from newscli import __version__
from newscli.environment import Environment
from newscli.errors import ExitStatus
from newscli.inputs import Article
from newscli.render.writer import Format, Layout, Record
from newscli.running import Inputs, MapChunks, Run, run_corpus, run_each, run_shards
from newscli.schema import EntityType, SummaryMethod

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
        help="auto: a table on a terminal, JSON Lines otherwise; html: one self-contained page.",
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


def _check_language(value: str) -> str | None:
    """None for auto (identify each article's language), else an ISO 639 code: given as
    one, or as the language's English name (english, German)."""
    code = value.strip().lower()
    if code == "auto":
        return None
    if 2 <= len(code) <= 3 and code.isascii() and code.isalpha():
        return code
    # the names CLD2 knows, which identifies languages here anyway
    import pycld2

    by_name = {
        name.lower(): known
        for name, known in pycld2.LANGUAGES
        if not known.startswith("xx-") and known != "un"  # scripts, and 'unknown'
    }
    if code in by_name:
        return str(by_name[code]).split("-")[0]
    raise typer.BadParameter(
        f"{value!r} is no language code or name; give an ISO 639 code such as en, de, ru, "
        "a name such as english, or auto"
    )


LanguageOption = Annotated[
    str,
    typer.Option(
        "--lang",
        metavar="CODE",
        callback=_check_language,
        help="The articles' language (ISO 639: en, de, ru...); auto identifies each one's. "
        "Analyses that do not read it are left out, and say so.",
    ),
]
#: generous: ten times a very long feature article
MAX_CHARS = 1_000_000
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        envvar="DASK_SCHEDULER_ADDRESS",
        show_default=False,
        help="Run on this Dask scheduler's workers (tcp://host:8786) instead of local "
        "processes; output is the same. Needs newscli[dask].",
    ),
]
OutputDirOption = Annotated[
    str | None,
    typer.Option(
        "--output-dir",
        metavar="DIR",
        show_default=False,
        help="Write each input file's records to DIR/<name>.jsonl.gz, with a manifest; "
        "a rerun skips finished files.",
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
    "language": (LanguageOption, "auto"),
    "scheduler": (SchedulerOption, None),
    "output_dir": (OutputDirOption, None),
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


def _run(ctx: typer.Context, files: list[str] | None, inputs: Inputs) -> Run:
    """This invocation, its inputs resolved: the files named, or piped standard input."""
    env: Environment = ctx.obj
    args = list(files or [])
    if not args:
        if env.stdin_is_terminal():
            ctx.fail("no input given; name files or directories, or pipe text in")
        args = ["-"]
    if inputs.html_field is not None and not inputs.jsonl:
        raise typer.BadParameter("reads a JSONL field; add --jsonl", param_hint="--html-field")
    given = ctx.get_parameter_source("text_field")
    if given is not None and given.name != "DEFAULT" and not inputs.jsonl:
        raise typer.BadParameter("reads a JSONL field; add --jsonl", param_hint="--text-field")
    return Run(env, args, inputs, debug=bool(ctx.meta.get("debug")))


def _exit(status: ExitStatus) -> None:
    if status is not ExitStatus.OK:
        raise typer.Exit(status)


def _each(
    ctx: typer.Context,
    files: list[str] | None,
    inputs: Inputs,
    *,
    layout: Layout,
    analyze: Callable[[Article], Mapping[str, Any]],
) -> None:
    run = _run(ctx, files, inputs)
    if inputs.output_dir is not None:
        if inputs.fmt is Format.html:
            raise typer.BadParameter(
                "shards are JSON Lines; an HTML page goes to standard output: drop --output-dir",
                param_hint="--format",
            )
        _exit(run_shards(run, analyze=analyze))
    else:
        _exit(run_each(run, layout=layout, analyze=analyze))


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
    from newscli.render.layouts import PARSE

    analyze = partial(parse_record, tokens=tokens)
    _each(
        ctx,
        files,
        inputs,
        layout=PARSE,
        analyze=analyze,
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
    from newscli.render.layouts import READABILITY

    analyze = partial(readability_record, by_paragraph=by is ReadabilityUnit.paragraph)
    _each(
        ctx,
        files,
        inputs,
        layout=READABILITY,
        analyze=analyze,
    )


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
    from newscli.render.layouts import SUMMARY

    if sentences is not None and ratio is not None:
        raise typer.BadParameter("give --sentences or --ratio, not both", param_hint="--ratio")
    if ratio == 0:
        raise typer.BadParameter("must be more than 0", param_hint="--ratio")
    budget = Budget(sentences=sentences, ratio=ratio, words=words)

    analyze = partial(
        summary_record,
        budget=budget,
        method=method.value,
        order=order.value,
        ranking=all_sentences,
    )
    _each(
        ctx,
        files,
        inputs,
        layout=SUMMARY,
        analyze=analyze,
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
    from newscli.render.layouts import QUOTES

    analyze = partial(
        quotes_record,
        include_all=include_all,
        indirect=indirect,
        speaker=speaker,
        by_speaker=by is QuotesView.speaker,
    )
    _each(
        ctx,
        files,
        inputs,
        layout=QUOTES,
        analyze=analyze,
    )


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
    from newscli.render.layouts import ENTITIES, ENTITY_MENTIONS

    analyze = partial(entities_record, types=frozenset(t.value for t in types or ()))
    _each(
        ctx,
        files,
        inputs,
        layout=ENTITY_MENTIONS if mentions else ENTITIES,
        analyze=analyze,
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
    from newscli.render.layouts import ANALYZE

    _each(
        ctx,
        files,
        inputs,
        layout=ANALYZE,
        analyze=analyze_record,
    )


# --- dedupe --------------------------------------------------------------------------


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

    from newscli.duplicates.run import dedupe
    from newscli.render.layouts import DEDUPE, DEDUPE_PAIRS

    if pairs and unique:
        raise typer.BadParameter("give --pairs or --unique, not both", param_hint="--unique")

    if inputs.output_dir is not None:
        raise typer.BadParameter(
            "dedupe needs every input at once; redirect its output instead",
            param_hint="--output-dir",
        )
    run = _run(ctx, files, inputs)

    def analyze(
        articles: Any, on_failure: Callable[[Article, Exception], None], map_chunks: MapChunks
    ) -> Any:
        return dedupe(
            articles,
            on_failure,
            threshold=threshold,
            shingle=shingle,
            map_chunks=map_chunks,
            index=None if index is None else Path(index),
            pairs=pairs,
            max_chars=inputs.max_chars,
        )

    status = run_corpus(
        run,
        layout=DEDUPE_PAIRS if pairs else DEDUPE,
        analyze=analyze,
        line=_representative_source if unique else None,
    )
    _exit(status)


def _representative_source(record: Record) -> str | None:
    return record["source"] if record["duplicate_of"] is None else None


# --- completion ----------------------------------------------------------------------


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


#: the environment variable a completion script sets when it asks newscli for candidates
COMPLETE_VAR = "_NEWSCLI_COMPLETE"


@app.command("completion", short_help="The tab-completion script for bash, zsh or fish.")
def completion_command(
    ctx: typer.Context,
    shell: Annotated[Shell, typer.Argument(help="The shell to complete in.", show_default=False)],
) -> None:
    """Print the shell's completion script: commands, options and their values complete.
    bash: eval "$(newscli completion bash)" in ~/.bashrc; zsh: the same in ~/.zshrc;
    fish: newscli completion fish > ~/.config/fish/completions/newscli.fish"""
    # Typer's scripts, for the protocol `__main__` answers; not typer's own options
    # (--install-completion guesses the shell and edits its startup file)
    from typer._completion_shared import get_completion_script

    env: Environment = ctx.obj
    script = get_completion_script(prog_name="newscli", complete_var=COMPLETE_VAR, shell=shell)
    env.stdout.write(script + "\n")


# --- schema --------------------------------------------------------------------------


class RecordOf(StrEnum):
    """The commands whose records have a schema."""

    parse = "parse"
    readability = "readability"
    summarize = "summarize"
    quotes = "quotes"
    entities = "entities"
    analyze = "analyze"
    dedupe = "dedupe"


@app.command("schema", short_help="The JSON Schema of a command's records.")
def schema_command(
    ctx: typer.Context,
    command: Annotated[
        RecordOf,
        typer.Argument(
            help="The command whose records to describe.", show_default=False, metavar="COMMAND"
        ),
    ],
) -> None:
    """Print the JSON Schema (draft 2020-12) of a command's JSON records, to validate them or
    generate types from them."""
    import json

    from newscli.schema import json_schema

    env: Environment = ctx.obj
    env.stdout.write(json.dumps(json_schema(command.value), indent=2, ensure_ascii=False) + "\n")
