"""The writer: records to stdout as rich tables, JSON, JSON Lines, CSV or an HTML page.

Commands hand records (plain dicts, one per input document) to a `Writer`; a `Layout`
(`newscli.render.layouts`) says how a command's records look as a table, as CSV rows and
which HTML page shows them (`newscli.render.html`). JSON output is the records themselves.
rich is imported only when a table is drawn, the HTML module only when a page is written.
"""

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TextIO

from newscli.environment import Environment
from newscli.schema import Record


class Format(StrEnum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"
    #: with --output-dir only: each shard a Parquet file
    parquet = "parquet"


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
    #: the HTML page that shows them: a key of `newscli.render.html.PAGES`
    html: str = "articles"


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
        self._page: Any = None
        if self.format is Format.html:
            from newscli.render.html import PAGES

            self._page = PAGES[layout.html](self.out, many=many)

    @property
    def buffers(self) -> bool:
        """Whether records wait for `close` (a table is drawn once every row is known)."""
        return self.format is Format.table

    @property
    def needs_article(self) -> bool:
        """Whether records must carry the article's text and what cleaning dropped: an
        HTML page shows the text with every span marked."""
        return self.format is Format.html

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
        elif self.format is Format.html:
            self._page.write(record)
            self.out.flush()
        else:
            self._table_records.append(record)
        self._count += 1

    def close(self) -> None:
        if self.format is Format.json and self.many:
            self.out.write("[]\n" if self._count == 0 else "\n]\n")
        elif self.format is Format.table and self._table_records:
            self._draw_tables()
        elif self.format is Format.html:
            self._page.close()
        self.out.flush()

    def _write_csv(self, record: Record) -> None:
        if self._csv is None:
            # a crawl's rows say which page they come from: the columns follow the first record
            self._page_fields = list(PAGE_FIELDS) if any(f in record for f in PAGE_FIELDS) else []
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
PAGE_FIELDS = ("url", "captured", "byline", "date", "site_name")


def _indented(record: Record) -> str:
    return "  " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _csv_value(value: Any) -> Any:
    # booleans as JSON writes them, not Python's True and False
    if isinstance(value, bool | list | dict):
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


def note(text: str) -> Any:
    """A line under a heading: what a table leaves out, and why."""
    from rich.text import Text

    return Text(text, style="dim")


def source_label(record: Record) -> str:
    label = str(record["source"])
    if record.get("id") is not None:
        label += f" ({record['id']})"
    return label
