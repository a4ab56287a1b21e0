"""The one place that writes results: rich tables, JSON, JSON Lines and CSV.

Commands hand records (plain dicts, one per input document) to a `Writer`; a `Layout`
says how a command's records look as a table and as CSV rows. JSON output is the
records themselves. rich is imported only when a table is drawn.
"""

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TextIO

from newscli.environment import Environment

Record = dict[str, Any]


class Format(StrEnum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def resolve_format(fmt: Format, env: Environment) -> Format:
    """`auto` is a table on a terminal and JSON Lines anywhere else."""
    if fmt is Format.auto:
        return Format.table if env.stdout_is_terminal() else Format.jsonl
    return fmt


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    numeric: bool = False
    #: share of the spare width a wrapping text column takes
    ratio: int | None = None


@dataclass(frozen=True)
class Layout:
    """How one command's records look as tables and as CSV rows."""

    #: record(s) -> rich renderables; called with every record once the run is over
    table: Callable[[Sequence[Record]], list[Any]]
    #: record -> the CSV rows of its items (a row per quote, entity, paragraph ...)
    csv_rows: Callable[[Record], Iterable[Record]]
    csv_fields: Sequence[str] = field(default_factory=tuple)


def _json_line(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False)


class Writer:
    """Streams records to stdout in the chosen format; a table is drawn at `close`."""

    def __init__(self, fmt: Format, layout: Layout, env: Environment, *, many: bool):
        self.format = resolve_format(fmt, env)
        self.layout = layout
        self.env = env
        self.many = many
        self.out: TextIO = env.stdout
        self._count = 0
        self._table_records: list[Record] = []
        self._csv: Any = None
        self._page_fields: list[str] = []

    @property
    def buffers(self) -> bool:
        """Whether records wait for `close` (a table is drawn once every row is known)."""
        return self.format is Format.table

    def write(self, record: Record) -> None:
        if self.format is Format.jsonl:
            self.out.write(_json_line(record) + "\n")
            self.out.flush()
        elif self.format is Format.json:
            if not self.many:
                self.out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
            else:
                self.out.write(("[\n" if self._count == 0 else ",\n") + _indented(record))
            self.out.flush()
        elif self.format is Format.csv:
            self._write_csv(record)
        else:
            self._table_records.append(record)
        self._count += 1

    def close(self) -> None:
        if self.format is Format.json and self.many:
            self.out.write("[]\n" if self._count == 0 else "\n]\n")
        elif self.format is Format.table and self._table_records:
            self._draw_tables()
        self.out.flush()

    def _write_csv(self, record: Record) -> None:
        if self._csv is None:
            # a crawl's rows say which page they come from: the columns follow the first record
            self._page_fields = [f for f in PAGE_FIELDS if f in record]
            self._csv = csv.DictWriter(
                self.out,
                fieldnames=[*self.layout.csv_fields, *self._page_fields],
                extrasaction="ignore",
            )
            self._csv.writeheader()
        page = {field: record.get(field) for field in self._page_fields}
        for row in self.layout.csv_rows(record):
            self._csv.writerow({key: _csv_value(value) for key, value in {**row, **page}.items()})
        self.out.flush()

    def _draw_tables(self) -> None:
        console = make_console(self.out, self.env)
        for renderable in self.layout.table(self._table_records):
            console.print(renderable)


#: a web page's labels in its record, given as the last CSV columns
PAGE_FIELDS = ("url", "captured")


def _indented(record: Record) -> str:
    return "  " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def make_console(stream: TextIO, env: Environment) -> Any:
    from rich.console import Console

    return Console(
        file=stream,
        no_color=not env.colour(),
        highlight=False,
        soft_wrap=False,
        force_terminal=None if env.stdout_isatty is None else env.stdout_isatty,
        width=env.width(),
    )


# --- tables --------------------------------------------------------------------------


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)


def make_table(columns: Sequence[Column], rows: Iterable[Record]) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, expand=False)
    for column in columns:
        table.add_column(
            column.header,
            justify="right" if column.numeric else "left",
            overflow="fold",
            ratio=column.ratio,
            no_wrap=column.numeric,
        )
    for row in rows:
        table.add_row(*(_number(row.get(column.key)) for column in columns))
    return table


def heading(text: str) -> Any:
    from rich.markup import escape
    from rich.rule import Rule

    return Rule(f"[bold cyan]{escape(text)}[/]", align="left", style="cyan")


def source_label(record: Record) -> str:
    label = str(record["source"])
    if record.get("id") is not None:
        label += f" ({record['id']})"
    return label


# --- parse ---------------------------------------------------------------------------

PARSE_CSV_FIELDS = ("source", "id", "item", "index", "paragraph", "start", "end", "reason", "text")


def _parse_table(records: Sequence[Record]) -> list[Any]:
    out: list[Any] = []
    for record in records:
        title = record["title"]["text"] if record["title"] else "(no title)"
        out.append(heading(f"{source_label(record)}: {title}"))
        metadata = [
            {"field": key, "value": "; ".join(value) if isinstance(value, list) else value}
            for key, value in record["metadata"].items()
            if value
        ]
        if metadata:
            out.append(
                make_table(
                    [Column("field", "metadata"), Column("value", "value", ratio=1)], metadata
                )
            )
        if record["dropped"]:
            out.append(
                make_table(
                    [
                        Column("reason", "dropped"),
                        Column("start", "start", numeric=True),
                        Column("end", "end", numeric=True),
                        Column("text", "text", ratio=1),
                    ],
                    record["dropped"],
                )
            )
        out.append(
            make_table(
                [
                    Column("paragraph", "¶", numeric=True),
                    Column("index", "#", numeric=True),
                    Column("start", "start", numeric=True),
                    Column("end", "end", numeric=True),
                    Column("text", "sentence", ratio=1),
                ],
                record["sentences"],
            )
        )
    return out


def _parse_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    if record["title"]:
        yield {**base, "item": "title", **record["title"]}
    for dropped in record["dropped"]:
        yield {**base, "item": "dropped", **dropped}
    for sentence in record["sentences"]:
        yield {**base, "item": "sentence", **sentence}


PARSE = Layout(table=_parse_table, csv_rows=_parse_csv_rows, csv_fields=PARSE_CSV_FIELDS)

# --- readability ---------------------------------------------------------------------

READABILITY_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale-Chall",
    "linsear_write_formula": "Linsear Write",
    "consensus_grade": "consensus grade",
    "sentences": "sentences",
    "words": "words",
    "syllables": "syllables",
    "polysyllabic_words": "polysyllabic words",
    "difficult_words": "difficult words",
    "characters": "characters",
    "letters": "letters",
    "reading_time_seconds": "reading time (s)",
}
# Several documents or paragraphs share one table: the columns that fit 80 characters.
_READABILITY_SUMMARY = (
    Column("sentences", "sent", numeric=True),
    Column("words", "words", numeric=True),
    Column("flesch_reading_ease", "FRE", numeric=True),
    Column("flesch_kincaid_grade", "FK", numeric=True),
    Column("gunning_fog", "fog", numeric=True),
    Column("smog_index", "SMOG", numeric=True),
    Column("consensus_grade", "grade", numeric=True),
)


def _readability_table(records: Sequence[Record]) -> list[Any]:
    if any("paragraphs" in r for r in records):
        out = []
        for record in records:
            out.append(heading(source_label(record)))
            rows = record["paragraphs"]
            columns = [Column("paragraph", "¶", numeric=True), *_READABILITY_SUMMARY]
            out.append(make_table(columns, rows))
        return out
    if len(records) == 1:
        record = records[0]
        rows = [
            {"metric": label, "value": record[key]} for key, label in READABILITY_LABELS.items()
        ]
        columns = [Column("metric", "metric"), Column("value", "value", numeric=True)]
        return [heading(source_label(record)), make_table(columns, rows)]
    rows = [{**r, "source": source_label(r)} for r in records]
    return [make_table([Column("source", "source", ratio=1), *_READABILITY_SUMMARY], rows)]


def _readability_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    if "paragraphs" in record:
        for paragraph in record["paragraphs"]:
            yield {**base, **paragraph}
    else:
        yield {**base, **record}


READABILITY = Layout(
    table=_readability_table,
    csv_rows=_readability_csv_rows,
    csv_fields=("source", "id", "paragraph", "start", "end", *READABILITY_LABELS),
)

# --- summarize -----------------------------------------------------------------------

_SUMMARY_COLUMNS = (
    Column("index", "#", numeric=True),
    Column("rank", "rank", numeric=True),
    Column("score", "score", numeric=True),
    Column("text", "sentence", ratio=1),
)


def _summary_table(records: Sequence[Record]) -> list[Any]:
    out: list[Any] = []
    for record in records:
        title = f": {record['title']}" if record.get("title") else ""
        out.append(heading(f"{source_label(record)}{title}"))
        if "ranking" in record:
            rows = [{**r, "chosen": "✓" if r["selected"] else ""} for r in record["ranking"]]
            out.append(make_table([Column("chosen", "✓"), *_SUMMARY_COLUMNS], rows))
        else:
            out.append(make_table(_SUMMARY_COLUMNS, record["sentences"]))
    return out


def _summary_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id"), "method": record["method"]}
    sentences: list[Record] = record["ranking"] if "ranking" in record else record["sentences"]
    for sentence in sentences:
        yield {**base, "selected": sentence.get("selected", True), **sentence}


SUMMARY = Layout(
    table=_summary_table,
    csv_rows=_summary_csv_rows,
    csv_fields=(
        "source",
        "id",
        "method",
        "index",
        "rank",
        "score",
        "selected",
        "start",
        "end",
        "text",
    ),
)

# --- quotes --------------------------------------------------------------------------

_QUOTE_COLUMNS = (
    Column("speaker", "speaker"),
    Column("cue", "cue"),
    Column("kind", "kind"),
    Column("text", "quotation", ratio=1),
)
_SPEAKER_COLUMNS = (
    Column("speaker", "speaker"),
    Column("role", "role", ratio=1),
    Column("quotes", "quotes", numeric=True),
)


def _quotes_table(records: Sequence[Record]) -> list[Any]:
    out: list[Any] = []
    for record in records:
        title = f": {record['title']}" if record.get("title") else ""
        out.append(heading(f"{source_label(record)}{title}"))
        if "speakers" in record:
            out.append(make_table(_SPEAKER_COLUMNS, record["speakers"]))
        else:
            rows = [{**q, "speaker": q["speaker"] or "(unknown)"} for q in record["quotes"]]
            out.append(make_table(_QUOTE_COLUMNS, rows))
    return out


def _quotes_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    items: list[Record] = record["speakers"] if "speakers" in record else record["quotes"]
    for item in items:
        yield {**base, **item}


QUOTES = Layout(
    table=_quotes_table,
    csv_rows=_quotes_csv_rows,
    csv_fields=(
        "source",
        "id",
        "speaker",
        "role",
        "quotes",
        "kind",
        "cue",
        "text",
        "start",
        "end",
        "speaker_mention",
        "speaker_start",
        "speaker_end",
        "paragraph",
        "sentence",
        "quotation",
        "in_title",
    ),
)

# --- entities ------------------------------------------------------------------------

_ENTITY_COLUMNS = (
    Column("name", "entity", ratio=2),
    Column("type", "type"),
    Column("role", "role", ratio=1),
    Column("count", "mentions", numeric=True),
    Column("salience", "salience", numeric=True),
)
_MENTION_COLUMNS = (
    Column("text", "mention", ratio=1),
    Column("label", "tagged"),
    Column("name", "entity", ratio=1),
    Column("type", "type"),
    Column("start", "start", numeric=True),
)


def _entity_rows(record: Record) -> list[Record]:
    return [{**e, "role": e["role"] or ""} for e in record["entities"]]


def _mention_rows(record: Record) -> list[Record]:
    rows = [
        {**m, "name": e["name"], "type": e["type"]}
        for e in record["entities"]
        for m in e["mentions"]
    ]
    return sorted(rows, key=lambda row: row["start"])


def _titled_tables(
    columns: Sequence[Column], rows_of: Callable[[Record], list[Record]]
) -> Callable[[Sequence[Record]], list[Any]]:
    def draw(records: Sequence[Record]) -> list[Any]:
        out: list[Any] = []
        for record in records:
            title = f": {record['title']}" if record.get("title") else ""
            out.append(heading(f"{source_label(record)}{title}"))
            out.append(make_table(columns, rows_of(record)))
        return out

    return draw


def _entity_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    for entity in record["entities"]:
        yield {**base, **entity, "aliases": " | ".join(entity["aliases"])}


def _mention_csv_rows(record: Record) -> Iterable[Record]:
    base = {"source": record["source"], "id": record.get("id")}
    for row in _mention_rows(record):
        yield {**base, **row}


ENTITIES = Layout(
    table=_titled_tables(_ENTITY_COLUMNS, _entity_rows),
    csv_rows=_entity_csv_rows,
    csv_fields=(
        "source",
        "id",
        "name",
        "type",
        "role",
        "count",
        "salience",
        "start",
        "end",
        "aliases",
    ),
)
ENTITY_MENTIONS = Layout(
    table=_titled_tables(_MENTION_COLUMNS, _mention_rows),
    csv_rows=_mention_csv_rows,
    csv_fields=("source", "id", "text", "start", "end", "label", "name", "type"),
)

# --- analyze -------------------------------------------------------------------------

_ANALYZE_COLUMNS = (
    Column("source", "source", ratio=1),
    Column("grade", "grade", numeric=True),
    Column("quotes", "quotes", numeric=True),
    Column("entities", "main entities", ratio=2),
    Column("summary", "summary", ratio=3),
)
#: entities named per document in the table and CSV (JSON has all of them)
_TOP_ENTITIES = 5


def _analyze_row(record: Record) -> Record:
    return {
        "source": record["source"],
        "id": record.get("id"),
        "title": record.get("title"),
        "grade": record["readability"]["consensus_grade"],
        "words": record["readability"]["words"],
        "quotes": len(record["quotes"]),
        "speakers": len({q["speaker"] for q in record["quotes"] if q["speaker"]}),
        "entities": ", ".join(e["name"] for e in record["entities"][:_TOP_ENTITIES]),
        "summary": record["summary"]["text"],
    }


def _analyze_table(records: Sequence[Record]) -> list[Any]:
    return [make_table(_ANALYZE_COLUMNS, [_analyze_row(r) for r in records])]


ANALYZE = Layout(
    table=_analyze_table,
    csv_rows=lambda record: [_analyze_row(record)],
    csv_fields=(
        "source",
        "id",
        "title",
        "grade",
        "words",
        "quotes",
        "speakers",
        "entities",
        "summary",
    ),
)

# --- dedupe --------------------------------------------------------------------------

_DEDUPE_COLUMNS = (
    Column("cluster", "cluster"),
    Column("kind", "kind"),
    Column("similarity", "sim", numeric=True),
    Column("source", "source", ratio=1),
)
_DEDUPE_PAIR_COLUMNS = (
    Column("similarity", "sim", numeric=True),
    Column("kind", "kind"),
    Column("source", "copy", ratio=1),
    Column("duplicate_of", "duplicate of", ratio=1),
)
_KIND_ORDER = {"unique": 0, "indexed": 0, "exact": 1, "near": 2}


def _dedupe_label(record: Record, prefix: str = "") -> str:
    key = f"{prefix}_id" if prefix else "id"
    label = str(record[prefix or "source"])
    return label + (f" ({record[key]})" if record.get(key) is not None else "")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _dedupe_table(records: Sequence[Record]) -> list[Any]:
    """The clusters with duplicates, representative first; a count of the rest."""
    clusters: dict[str, list[Record]] = {}
    for record in records:
        if record["cluster_size"] > 1:
            clusters.setdefault(record["cluster"], []).append(record)
    rows: list[Record] = []
    for cluster, members in clusters.items():
        if all(m["duplicate_of"] is not None for m in members):
            # the representative was indexed by an earlier run
            kept = {**members[0], "kind": "indexed", "similarity": None, "id": None}
            kept["source"] = members[0]["duplicate_of"]
            kept["id"] = members[0].get("duplicate_of_id")
            members = [kept, *members]
        members.sort(key=lambda m: (_KIND_ORDER[m["kind"]], -(m["similarity"] or 0)))
        for number, member in enumerate(members):
            label = cluster[:8] if number == 0 else ""
            rows.append({**member, "cluster": label, "source": _dedupe_label(member)})
    duplicates = sum(1 for r in records if r["duplicate_of"] is not None)
    summary = (
        f"{_count(len(records), 'document')}: {_count(duplicates, 'duplicate')} in "
        f"{_count(len(clusters), 'cluster')}, {len(records) - duplicates} to keep"
    )
    out: list[Any] = [heading(summary)]
    if rows:
        out.append(make_table(_DEDUPE_COLUMNS, rows))
    return out


def _dedupe_pairs_table(records: Sequence[Record]) -> list[Any]:
    rows = [
        {
            **r,
            "source": _dedupe_label(r),
            "duplicate_of": _dedupe_label(r, "duplicate_of"),
        }
        for r in records
    ]
    out: list[Any] = [heading(_count(len(records), "duplicate pair"))]
    if rows:
        out.append(make_table(_DEDUPE_PAIR_COLUMNS, rows))
    return out


def _one_row(record: Record) -> Iterable[Record]:
    yield record


DEDUPE = Layout(
    table=_dedupe_table,
    csv_rows=_one_row,
    csv_fields=(
        "source",
        "id",
        "title",
        "cluster",
        "cluster_size",
        "kind",
        "duplicate_of",
        "duplicate_of_id",
        "similarity",
        "added",
    ),
)
DEDUPE_PAIRS = Layout(
    table=_dedupe_pairs_table,
    csv_rows=_one_row,
    csv_fields=(
        "source",
        "id",
        "duplicate_of",
        "duplicate_of_id",
        "similarity",
        "kind",
        "cluster",
    ),
)
