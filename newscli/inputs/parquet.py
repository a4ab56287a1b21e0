"""Parquet corpora (--parquet): one article a row, its text (or a page's HTML) in a column.

A file is read a batch of rows at a time (`ParquetFile.iter_batches`), its column chunks as
buffered streams, and only the columns an article needs, so a corpus of any size is read in
bounded memory. pyarrow is imported here only, when the first Parquet file is met; it comes
with `pip install 'newscli[parquet]'`.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newscli.errors import InputError, UsageError
from newscli.inputs.article import Article
from newscli.inputs.record import article_of_record

#: rows per batch: a few MB of news text, whatever the file's row groups
BATCH_ROWS = 1024
#: bytes read from the file at a time: a column chunk is read as a stream, not whole (a
#: 100,000-article file in one row group: 140 MB peak, 96 of them pyarrow's own, not 267)
READ_BUFFER = 1 << 20
#: what the extra that brings pyarrow is called
INSTALL_HINT = "pip install 'newscli[parquet]'"


def require_pyarrow(flag: str) -> None:
    """A usage error naming the extra to install when pyarrow is not installed."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise UsageError(f"{flag} needs pyarrow", hint=f"install it: {INSTALL_HINT}") from None


def read_parquet(
    source: str, path: Path, text_field: str, html_field: str | None
) -> Iterator[Article | InputError]:
    """Each row of the Parquet file as an article (source `FILE:ROW`, rows counted from 1),
    its text in `text_field` (a page's HTML in `html_field`), and `id`, `title`, `url` where
    the file has those columns. A missing or non-text column fails the input as a whole."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    field = html_field or text_field
    flag = "--html-field" if html_field else "--text-field"
    try:
        # no pre-buffering nor threads: they read ahead whole column chunks and row groups
        parquet = pq.ParquetFile(path, buffer_size=READ_BUFFER, pre_buffer=False)
    except (pa.ArrowException, OSError) as err:
        yield _unreadable(source, err)
        return
    with parquet:
        schema = parquet.schema_arrow
        if schema.get_field_index(field) < 0:
            columns = ", ".join(schema.names[:8]) + (", ..." if len(schema.names) > 8 else "")
            yield InputError(
                f"has no {field!r} column (it has {columns})",
                source=source,
                hint=f"name the column that holds the article with {flag}",
            )
            return
        kind = schema.field(field).type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            yield InputError(
                f"column {field!r} holds {kind}, not text",
                source=source,
                hint=f"name the column that holds the article with {flag}",
            )
            return
        labels = [name for name in ("id", "title", "url") if schema.get_field_index(name) >= 0]
        row = 0
        try:
            batches = parquet.iter_batches(
                batch_size=BATCH_ROWS, columns=[field, *labels], use_threads=False
            )
            for batch in batches:
                values = {name: batch.column(name).to_pylist() for name in [field, *labels]}
                for index, text in enumerate(values[field]):
                    row += 1
                    yield _article(f"{source}:{row}", text, field, flag, html_field, values, index)
        except (pa.ArrowException, OSError) as err:
            yield _unreadable(source if row == 0 else f"{source}:{row + 1}", err)


def _article(
    where: str,
    text: Any,
    field: str,
    flag: str,
    html_field: str | None,
    values: dict[str, list[Any]],
    index: int,
) -> Article | InputError:
    if text is None:
        return InputError(f"has no {field!r} (null)", source=where, hint=f"check {flag}")
    record_id, title, url = (
        values[n][index] if n in values else None for n in ("id", "title", "url")
    )
    return article_of_record(where, text, record_id, title, url, html_field)


def _unreadable(source: str, err: Exception) -> InputError:
    return InputError(
        f"is not a readable Parquet file ({err})",
        source=source,
        hint="check the file; --parquet reads .parquet files as Spark, Dask, pandas and "
        "pyarrow write them",
    )
