"""Turn command-line inputs into articles: text, HTML, WARC, JSONL (compressed or not) and
Parquet.

Everything here streams: a directory is walked lazily, a JSONL corpus is read a line at a
time and a WARC a record at a time, so a million-line corpus or a 10 GB crawl is never
held in memory. A bad input becomes an `InputError` in the stream, in input order, so
the caller can report it and go on.

A web page (an .html file, a WARC response, --html) leaves here as an `Article` holding
its decoded HTML; `extracted` turns it into the article's text where the work is done --
in the worker processes -- because extraction costs far more than reading.
"""

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from newscli.errors import InputError
from newscli.inputs.article import Article
from newscli.inputs.compression import READ_ERRORS, decompressed_stdin, read_all, read_error
from newscli.inputs.decoding import check_text, decode, decode_page
from newscli.inputs.files import expand
from newscli.inputs.jsonl import read_jsonl
from newscli.inputs.kinds import STDIN_NAME, Kind, looks_like_html, split_name


def extracted(article: Article) -> Article:
    """The article's text: a web page's extracted from its HTML; any other as it is."""
    if not article.html:
        return article
    from newscli.inputs.webpage import extract

    return extract(article)


def _page(data: bytes, source: str, encoding: str | None) -> Article:
    return Article(
        source=source, text=check_text(decode_page(data, source, encoding), source), html=True
    )


def read_articles(
    args: list[str],
    *,
    stdin: BinaryIO,
    jsonl: bool = False,
    parquet: bool = False,
    text_field: str = "text",
    encoding: str | None = None,
    html: bool = False,
    html_field: str | None = None,
    note: Callable[[str, str], None] | None = None,
    root: str | None = None,
    language: str | None = None,
) -> Iterator[Article | InputError]:
    """Yield each input's articles (or errors), in order. Nothing is read ahead.

    `html`: standard input and files whose names tell nothing are HTML pages. `html_field`: a
    JSONL record's (or Parquet row's) page is the HTML in this field. `parquet`: each file
    is a Parquet table, a row an article (needs pyarrow). `note(source, message)` hears what is
    worth saying but is no error (a WARC's records that are not pages, skipped). `root`:
    where relative paths are (a worker's own directory is not the client's); sources keep
    the names as given. `language`: every article's, as the user gave it.
    """
    for item in _read_each(
        args, stdin, jsonl, parquet, text_field, encoding, html, html_field, note, root
    ):
        if language is None or isinstance(item, InputError):
            yield item
        else:
            yield dataclasses.replace(item, language=language)


def _read_each(
    args: list[str],
    stdin: BinaryIO,
    jsonl: bool,
    parquet: bool,
    text_field: str,
    encoding: str | None,
    html: bool,
    html_field: str | None,
    note: Callable[[str, str], None] | None,
    root: str | None,
) -> Iterator[Article | InputError]:
    for item in expand(args, jsonl, parquet):
        if isinstance(item, InputError):
            yield item
            continue
        source = item
        kind = None if source == STDIN_NAME else split_name(source)[0]
        path = Path(root or "", source)
        if parquet:
            from newscli.inputs.parquet import read_parquet

            yield from read_parquet(source, path, text_field, html_field)
        elif jsonl:
            yield from read_jsonl(source, path, stdin, text_field, encoding, html_field)
        elif kind is Kind.warc:
            from newscli.inputs.warc import warc_articles

            yield from warc_articles(path, source, encoding, note)
        else:
            try:
                if source == STDIN_NAME:
                    source = "<stdin>"
                    try:
                        data = decompressed_stdin(stdin).read()
                    except READ_ERRORS as err:
                        raise read_error(err, source) from None
                else:
                    data = read_all(path, source)
                # an ASCII-compatible look at the start is enough to sniff, whatever the charset
                if (
                    kind is Kind.html
                    or (kind is None and html)
                    or looks_like_html(data[:512].decode("latin-1"))
                ):
                    yield _page(data, source, encoding)
                else:
                    yield Article(
                        source=source, text=check_text(decode(data, source, encoding), source)
                    )
            except InputError as err:
                yield err
