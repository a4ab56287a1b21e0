"""The Typer app: the commands and their options, the shared ones declared once.

Each command is declared in `newscli.commands` (its options, record and layout) and made
a Typer command here (`_command`); `newscli.running` does the rest: read
each input, parse it once, analyze it, write the record, report failures, and the exit
status. Heavy modules (nltk, textstat, rich tables) are imported inside the functions
that need them, so start-up stays fast.
"""

import codecs
import inspect
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Annotated, Any

import typer

from newscli import __version__
from newscli.commands import (
    COMMANDS,
    MAX_CHARS,
    RECORDS,
    Command,
    Option,
    OptionError,
    flag,
    json_schema,
)
from newscli.environment import Environment
from newscli.errors import ExitStatus, UsageError
from newscli.inputs import Article
from newscli.render.writer import Format, Record
from newscli.running import (
    Inputs,
    MapChunks,
    Run,
    run_corpus,
    run_each,
    run_on_workers,
    run_shards,
)

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
        help="auto: a table on a terminal, JSON Lines otherwise; html: one self-contained page; "
        "parquet: with --output-dir, Parquet shards.",
        case_sensitive=False,
    ),
]
JsonlOption = Annotated[
    bool, typer.Option("--jsonl", help="Inputs are JSON Lines, one article record per line.")
]
ParquetOption = Annotated[
    bool,
    typer.Option(
        "--parquet",
        help="Inputs are Parquet files (or directories of them), one article a row. "
        "Needs newscli[parquet].",
    ),
]
TextFieldOption = Annotated[
    str,
    typer.Option(
        "--text-field",
        metavar="FIELD",
        help="The JSONL field (or Parquet column) that holds the article text.",
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
        help="With --jsonl or --parquet: the field that holds a web page's HTML, to extract "
        "the article from.",
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
        help="Write each input file's records to DIR/<name>.jsonl.gz (--format parquet: "
        "<name>.parquet), with a manifest; a rerun skips finished files.",
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
    "parquet": (ParquetOption, False),
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


def _option(option: Option) -> Any:
    """A declared option as Typer reads it from a signature."""
    return Annotated[option.type, typer.Option(*option.flags, help=option.help, **option.settings)]


def _command(command: Command) -> Callable[..., None]:
    """The Typer command of a declaration: its files, its own options, then the shared
    ones, which Typer reads from the signature; they reach the command as `Inputs`."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [
        inspect.Parameter("ctx", keyword, annotation=typer.Context),
        inspect.Parameter("files", keyword, default=None, annotation=Files),
        *(
            inspect.Parameter(o.name, keyword, default=o.default, annotation=_option(o))
            for o in command.options
        ),
        *(
            inspect.Parameter(name, keyword, default=default, annotation=option)
            for name, (option, default) in _INPUT_OPTIONS.items()
        ),
    ]
    run = _each if command.per_document else _corpus

    def invoke(ctx: typer.Context, files: list[str] | None, **given: Any) -> None:
        inputs = Inputs(**{name: given.pop(name) for name in _INPUT_OPTIONS})
        try:
            values = command.values(given)
        except OptionError as error:
            raise typer.BadParameter(error.naming(flag), param_hint=flag(error.option)) from None
        run(ctx, files, inputs, command, given, values)

    invoke.__doc__ = command.help
    invoke.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    invoke.__annotations__ = {p.name: p.annotation for p in parameters}
    return invoke


def _run(ctx: typer.Context, files: list[str] | None, inputs: Inputs) -> Run:
    """This invocation, its inputs resolved: the files named, or piped standard input."""
    env: Environment = ctx.obj
    args = list(files or [])
    if not args:
        if env.stdin_is_terminal():
            ctx.fail("no input given; name files or directories, or pipe text in")
        args = ["-"]
    fielded = inputs.jsonl or inputs.parquet
    if inputs.html_field is not None and not fielded:
        raise typer.BadParameter(
            "reads a JSONL field; add --jsonl (or --parquet)", param_hint="--html-field"
        )
    given = ctx.get_parameter_source("text_field")
    if given is not None and given.name != "DEFAULT" and not fielded:
        raise typer.BadParameter(
            "reads a JSONL field; add --jsonl (or --parquet)", param_hint="--text-field"
        )
    if inputs.parquet:
        if inputs.jsonl:
            raise typer.BadParameter("an input is JSONL or Parquet; drop one", param_hint="--jsonl")
        if "-" in args:
            raise typer.BadParameter(
                "Parquet is read from files, not standard input; save it to a file first",
                param_hint="--parquet",
            )
    if inputs.fmt is Format.parquet and inputs.output_dir is None:
        raise typer.BadParameter(
            "Parquet is no stream for standard output; add --output-dir DIR for Parquet shards",
            param_hint="--format",
        )
    if inputs.parquet or inputs.fmt is Format.parquet:
        from newscli.inputs.parquet import require_pyarrow

        flag = "--parquet" if inputs.parquet else "--format"
        try:
            require_pyarrow(flag)
        except UsageError as error:
            raise typer.BadParameter(f"{error.problem}; {error.hint}", param_hint=flag) from None
    return Run(env, args, inputs, debug=bool(ctx.meta.get("debug")))


def _exit(status: ExitStatus) -> None:
    if status is not ExitStatus.OK:
        raise typer.Exit(status)


def _each(
    ctx: typer.Context,
    files: list[str] | None,
    inputs: Inputs,
    command: Command,
    given: Mapping[str, Any],
    values: Mapping[str, Any],
) -> None:
    """A per-document command: each article's record as it comes."""
    run = _run(ctx, files, inputs)
    analyze = command.analysis(**values)
    if inputs.output_dir is not None:
        if inputs.fmt is Format.html:
            raise typer.BadParameter(
                "shards are JSON Lines; an HTML page goes to standard output: drop --output-dir",
                param_hint="--format",
            )
        _exit(run_shards(run, analyze=analyze, record_types=command.records))
    else:
        _exit(run_each(run, layout=command.layout_for(given), analyze=analyze))


def _corpus(
    ctx: typer.Context,
    files: list[str] | None,
    inputs: Inputs,
    command: Command,
    given: Mapping[str, Any],
    values: Mapping[str, Any],
) -> None:
    """dedupe: every input at once -- here, or with --scheduler on the cluster's workers."""
    from pathlib import Path

    from newscli.duplicates.run import dedupe

    run = _run(ctx, files, inputs)
    index = values["index"]
    line = _representative_source if given["unique"] else None
    if inputs.scheduler is not None and not run.debug:
        return _corpus_on_workers(run, command, given, values, line)
    if inputs.output_dir is not None:
        raise typer.BadParameter(
            f"{command.name} needs every input at once: redirect its output, or add "
            "--scheduler to write shards from a Dask cluster",
            param_hint="--output-dir",
        )

    def analyze(
        articles: Any, on_failure: Callable[[Article, Exception], None], map_chunks: MapChunks
    ) -> Any:
        return dedupe(
            articles,
            on_failure,
            **{**values, "index": None if index is None else Path(index)},
            map_chunks=map_chunks,
            max_chars=inputs.max_chars,
        )

    _exit(run_corpus(run, layout=command.layout_for(given), analyze=analyze, line=line))


def _corpus_on_workers(
    run: Run,
    command: Command,
    given: Mapping[str, Any],
    values: Mapping[str, Any],
    line: Callable[[Record], str | None] | None,
) -> None:
    """dedupe --scheduler: the workers read, sketch and cluster; the records come back (or
    go to --output-dir's shards) input by input."""
    from functools import partial

    from newscli.duplicates.shuffled import records_by_input

    if values["index"] is not None:
        raise typer.BadParameter(
            "an index is an SQLite file on this machine, not the cluster's: drop --scheduler "
            "to use it, or dedupe the whole corpus, old inputs and new, on the cluster",
            param_hint="--index",
        )
    for printed in ("unique", "pairs"):
        if given[printed] and run.inputs.output_dir is not None:
            raise typer.BadParameter(
                f"shards hold one record per document; --{printed} prints to standard output: "
                "drop --output-dir",
                param_hint=f"--{printed}",
            )
    analyze = partial(
        records_by_input,
        threshold=values["threshold"],
        shingle=values["shingle"],
        max_chars=run.inputs.max_chars,
        pairs=values["pairs"],
    )
    status = run_on_workers(
        run,
        layout=command.layout_for(given),
        analyze=analyze,
        line=line,
        record_types=command.records,
    )
    _exit(status)


def _representative_source(record: Record) -> str | None:
    return record["source"] if record["duplicate_of"] is None else None


for _declared in COMMANDS.values():
    app.command(_declared.name, short_help=_declared.short_help)(_command(_declared))


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


#: the commands whose records have a schema
RecordOf = StrEnum("RecordOf", {name: name for name in RECORDS})  # type: ignore[misc]


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

    env: Environment = ctx.obj
    env.stdout.write(json.dumps(json_schema(command.value), indent=2, ensure_ascii=False) + "\n")
