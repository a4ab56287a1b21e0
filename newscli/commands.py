"""Every command declared once: its name, help, options, record, layout and languages.

The rest is derived from `COMMANDS`: the Typer commands (`newscli.cli`), the Python API's
functions and their keywords (`newscli.api`), `newscli.__all__`, the schema registry
(`RECORDS`, `json_schema`), and what the docs list of each command (`reference`). An
option has one name, the command line's (`--max-chars` is `max_chars`), in the CLI, the
API and the record function alike.

Nothing heavy is imported here: the record functions (`newscli.records`) and layouts
(`newscli.render.layouts`) are named, and looked up when a command runs, so that
`newscli --help` stays fast.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, get_args, get_origin

from newscli.schema import (
    AnalyzeRecord,
    DedupePairRecord,
    DedupeRecord,
    EntitiesRecord,
    EntityType,
    ParseRecord,
    QuotesRecord,
    ReadabilityByParagraphRecord,
    ReadabilityRecord,
    SkippedRecord,
    SummaryMethod,
    SummaryRecord,
)

if TYPE_CHECKING:
    from newscli.records import Analysis
    from newscli.render.writer import Layout

#: generous: ten times a very long feature article (the --max-chars default)
MAX_CHARS = 1_000_000


class ReadabilityUnit(StrEnum):
    document = "document"
    paragraph = "paragraph"


class SummaryOrder(StrEnum):
    document = "document"
    score = "score"


class QuotesView(StrEnum):
    quote = "quote"
    speaker = "speaker"


class OptionError(ValueError):
    """Options that do not go together. The message names options as `{name}`: the
    command line writes them as flags (`--ratio`), the API as keywords (`ratio`)."""

    def __init__(self, message: str, option: str):
        super().__init__(message)
        self.message = message
        self.option = option

    def naming(self, name: Callable[[str], str]) -> str:
        return self.message.format_map(_Names(name))


class _Names(dict[str, str]):
    def __init__(self, name: Callable[[str], str]):
        super().__init__()
        self.name = name

    def __missing__(self, key: str) -> str:
        return self.name(key)


def flag(name: str) -> str:
    """An option's flag: max_chars is --max-chars."""
    return "--" + name.replace("_", "-")


@dataclass(frozen=True)
class Option:
    """One of a command's own options."""

    #: the keyword (API, record function) and, dashed, the flag: max_chars, --max-chars
    name: str
    #: the value's type as Typer reads it: bool, int | None, an enum, list[enum] | None
    type: Any
    default: Any
    help: str
    #: a short flag: -n
    short: str | None = None
    #: Typer's further settings: min, max, metavar, show_default, case_sensitive
    settings: Mapping[str, Any] = field(default_factory=dict)
    #: False for an option that changes how records are shown, not what they hold: the
    #: command line's alone (the API returns records)
    shapes_record: bool = True

    @property
    def flag(self) -> str:
        return flag(self.name)

    @property
    def flags(self) -> tuple[str, ...]:
        return (self.flag,) if self.short is None else (self.flag, self.short)

    @property
    def choices(self) -> type[StrEnum] | None:
        """The enum whose values the option takes, if it takes one (or several)."""
        for candidate in (self.type, *get_args(self.type)):
            for kind in (candidate, *get_args(candidate)):
                if isinstance(kind, type) and issubclass(kind, StrEnum):
                    return kind
        return None

    @property
    def multiple(self) -> bool:
        return any(get_origin(kind) is list for kind in (self.type, *get_args(self.type)))

    def value(self, given: Any) -> Any:
        """The value the record function takes: an enum's value as a plain string (a
        tuple of them for a repeated option), checked against the choices."""
        choices = self.choices
        if choices is None:
            return given
        if self.multiple:
            return tuple(self._choice(choices, each) for each in given or ())
        return self._choice(choices, given)

    def _choice(self, choices: type[StrEnum], given: Any) -> str:
        text = given.value if isinstance(given, StrEnum) else given
        fold = not self.settings.get("case_sensitive", True) and isinstance(text, str)
        for member in choices:
            if member.value == text or (fold and member.value.lower() == text.lower()):
                return member.value
        known = ", ".join(member.value for member in choices)
        raise ValueError(f"{self.name} must be one of {known}, not {given!r}")


@dataclass(frozen=True)
class Command:
    """One command, declared once."""

    name: str
    #: the line `newscli --help` lists it with
    short_help: str
    #: `newscli NAME --help`'s text
    help: str
    options: tuple[Option, ...]
    #: the types of its JSON records (several: one of them, as its options choose)
    records: tuple[type, ...]
    #: its table and CSV layout: a name in `newscli.render.layouts`; None: a table of the
    #: record's own fields (`layouts.fields_layout`)
    layout: str | None = None
    #: another layout while a (boolean) option is given: {option: layout}
    layout_if: Mapping[str, str] = field(default_factory=dict)
    #: the function of `newscli.records` that builds one article's record
    record: str | None = None
    #: instead of `record`: the analysis ("module:function", Document -> its fields, the
    #: options as keywords) whose fields follow the article's labels and title in the
    #: record (`records.analysis_record`); the module's LANGUAGES, if any, are those it
    #: reads. A command with neither runs over a whole corpus (dedupe).
    analyze: str | None = None
    #: the function of `newscli.records` that says whether it reads a document's entity
    #: tags (they are then tagged a chunk at a time); None: it never does
    tags: str | None = None
    #: the analyses it runs, whose languages it reads (`newscli.records.reads`)
    analyses: tuple[str, ...] = ()
    #: raises `OptionError` for options that do not go together
    check: Callable[[Mapping[str, Any]], None] | None = None

    @property
    def per_document(self) -> bool:
        return self.record is not None or self.analyze is not None

    @property
    def record_options(self) -> tuple[Option, ...]:
        return tuple(option for option in self.options if option.shapes_record)

    def values(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The options that shape the record, as its function takes them: defaults where
        not given, enums as strings; raises ValueError (`OptionError`) for bad ones."""
        values = {
            option.name: option.value(given.get(option.name, option.default))
            for option in self.record_options
        }
        if self.check is not None:
            self.check({**given, **values})
        return values

    def analysis(self, **given: Any) -> "Analysis":
        """What a chunk of articles goes through (`records.analyze_chunk`) with these
        options."""
        from functools import partial

        from newscli import records

        if self.record is not None:
            record = getattr(records, self.record)
        elif self.analyze is not None:
            record = partial(records.analysis_record, command=self.name, analyze=self.analyze)
        else:
            raise TypeError(f"{self.name} runs over a whole corpus, not article by article")
        return records.Analysis(
            record,
            self.values(given),
            None if self.tags is None else getattr(records, self.tags),
        )

    def layout_for(self, given: Mapping[str, Any]) -> "Layout":
        from newscli.render import layouts

        chosen = next((name for option, name in self.layout_if.items() if given[option]), None)
        name = chosen or self.layout
        if name is None:
            return layouts.fields_layout(self.records[0])
        layout: Layout = getattr(layouts, name)
        return layout


def _one_budget(options: Mapping[str, Any]) -> None:
    if options["sentences"] is not None and options["ratio"] is not None:
        raise OptionError("give {sentences} or {ratio}, not both", "ratio")
    if options["ratio"] == 0:
        raise OptionError("must be more than 0", "ratio")


def _one_view(options: Mapping[str, Any]) -> None:
    if options["pairs"] and options.get("unique"):
        raise OptionError("give {pairs} or {unique}, not both", "unique")


def _all(help: str) -> Option:
    return Option("all", bool, False, help)


COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command(
            "parse",
            short_help="Title, metadata, dropped boilerplate and sentences.",
            help="Show how newscli reads an article: title, metadata, dropped boilerplate, "
            "sentences.",
            options=(Option("tokens", bool, False, "Also list every token."),),
            records=(ParseRecord,),
            layout="PARSE",
            record="parse_record",
        ),
        Command(
            "readability",
            short_help="Readability formulas and counts on the body.",
            help="Readability formulas on the cleaned body, with the counts behind them.",
            options=(
                Option(
                    "by",
                    ReadabilityUnit,
                    ReadabilityUnit.document,
                    "Score each document, or each body paragraph.",
                ),
            ),
            records=(ReadabilityRecord, ReadabilityByParagraphRecord, SkippedRecord),
            layout="READABILITY",
            record="readability_record",
            analyses=("readability",),
        ),
        Command(
            "summarize",
            short_help="Extractive summaries with scores and offsets.",
            help="An extractive summary of the cleaned body: whole sentences, with scores "
            "and offsets.",
            options=(
                Option(
                    "sentences",
                    int | None,
                    None,
                    "How many sentences (default 3, or as many as --words allows).",
                    short="-n",
                    settings={"min": 1, "show_default": False},
                ),
                Option(
                    "ratio",
                    float | None,
                    None,
                    "Keep this share of the body's sentences instead.",
                    settings={"min": 0.0, "max": 1.0, "show_default": False},
                ),
                Option(
                    "words",
                    int | None,
                    None,
                    "At most this many words.",
                    settings={"min": 1, "show_default": False},
                ),
                Option(
                    "method",
                    SummaryMethod,
                    SummaryMethod.newscli,
                    "newscli (position, centrality, headline, coherence) or a baseline.",
                ),
                Option(
                    "order",
                    SummaryOrder,
                    SummaryOrder.document,
                    "List chosen sentences in document or score order.",
                ),
                _all("Also score and rank every sentence."),
            ),
            records=(SummaryRecord,),
            layout="SUMMARY",
            record="summary_record",
            analyses=("summary",),
            check=_one_budget,
        ),
        Command(
            "quotes",
            short_help="Who said what: quotations with resolved speakers.",
            help="Every quotation in the body with its speaker, cue and offsets; who gets quoted.",
            options=(
                Option(
                    "by",
                    QuotesView,
                    QuotesView.quote,
                    "A row per quote, or per speaker with their quote counts.",
                ),
                Option(
                    "speaker",
                    str | None,
                    None,
                    "Only quotes whose speaker's name contains NAME (any case).",
                    settings={"metavar": "NAME", "show_default": False},
                ),
                _all("Also scare quotes and titles (a “slap”)."),
                Option("indirect", bool, False, "Also reported speech (Zarif said that ...)."),
            ),
            records=(QuotesRecord,),
            layout="QUOTES",
            record="quotes_record",
            tags="quotes_tags",
            analyses=("quotes",),
        ),
        Command(
            "entities",
            short_help="People, organisations and places, one row per referent.",
            help="Typed named entities from newscli's own tagger, grouped into one entity "
            "per referent with a canonical name, role, mentions and salience.",
            options=(
                Option(
                    "type",
                    list[EntityType] | None,
                    None,
                    "Only entities of this type (repeat for several).",
                    short="-t",
                    settings={"case_sensitive": False, "show_default": False},
                ),
                Option(
                    "mentions",
                    bool,
                    False,
                    "A table or CSV row per mention, not per entity.",
                    shapes_record=False,
                ),
            ),
            records=(EntitiesRecord,),
            layout="ENTITIES",
            layout_if={"mentions": "ENTITY_MENTIONS"},
            record="entities_record",
            tags="entities_tags",
            analyses=("entities",),
        ),
        Command(
            "analyze",
            short_help="Every per-document analysis in one record: for corpora.",
            help="Parse each article once and run readability, summarize, quotes and "
            "entities on it, with their default options: one record per article, in input "
            "order.",
            options=(),
            records=(AnalyzeRecord,),
            layout="ANALYZE",
            record="analyze_record",
            tags="analyze_tags",
            analyses=("readability", "summary", "quotes", "entities"),
        ),
        Command(
            "dedupe",
            short_help="Exact and near-duplicate clusters across a corpus.",
            help="Cluster exact and near-duplicate articles: a shortened copy counts as a "
            "duplicate.",
            options=(
                Option(
                    "threshold",
                    float,
                    0.7,
                    "How much of the shorter body must be in the longer one (containment).",
                    settings={"min": 0.0, "max": 1.0},
                ),
                Option(
                    "shingle",
                    int | None,
                    None,
                    "Words per shingle (default 4, or the index's).",
                    settings={"min": 1, "max": 10, "show_default": False},
                ),
                Option("pairs", bool, False, "List the duplicate pairs instead of documents."),
                Option(
                    "unique",
                    bool,
                    False,
                    "Print only the sources to keep, one per cluster, as lines.",
                    shapes_record=False,
                ),
                Option(
                    "index",
                    str | None,
                    None,
                    "An SQLite index: check the inputs against it and add the new ones.",
                    settings={"metavar": "DB", "show_default": False},
                ),
            ),
            records=(DedupeRecord, DedupePairRecord),
            layout="DEDUPE",
            layout_if={"pairs": "DEDUPE_PAIRS"},
            check=_one_view,
        ),
    )
}

#: each command's record types (several: one of them, as its options choose)
RECORDS: dict[str, tuple[type, ...]] = {name: c.records for name, c in COMMANDS.items()}


def json_schema(command: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a command's record."""
    from newscli import schema

    return schema.json_schema(command, RECORDS[command])


def languages(command: Command) -> dict[str, frozenset[str]]:
    """The languages each of the command's analyses reads (empty: every one); the
    summary's by its default method."""
    from newscli.records import reads

    return {analysis: reads(analysis) for analysis in command.analyses}


def reference() -> Iterator[dict[str, Any]]:
    """What the docs list of each command: its name, help and own options, each with its
    flags, help, default and choices (the options every command shares are the Typer
    app's: `newscli.cli`)."""
    for command in COMMANDS.values():
        yield {
            "name": command.name,
            "short_help": command.short_help,
            "help": command.help,
            "options": [
                {
                    "name": option.name,
                    "flags": option.flags,
                    "help": option.help,
                    "default": option.default.value
                    if isinstance(option.default, StrEnum)
                    else option.default,
                    "choices": None
                    if option.choices is None
                    else [member.value for member in option.choices],
                    "multiple": option.multiple,
                    "api": option.shapes_record,
                }
                for option in command.options
            ],
        }
