"""Web archives (WARC and ARC, compressed or not) as a stream of pages.

warcio reads the archive one record at a time, so a crawl of any size streams through in
the memory of its largest record. Every `response` record whose payload is HTML is one
article, named `FILE:OFFSET` (the record's byte offset in the file as stored, compressed
or not: `warcio extract FILE OFFSET` or a seek to OFFSET finds it again). Other records --
requests, metadata, redirects, images, PDFs -- are skipped and counted, never errors.
A file cut off mid-record keeps the records before the cut.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

from newscli.errors import InputError
from newscli.inputs import READ_ERRORS, Article, open_input, read_error

#: payload types that are web pages
HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_articles(
    path: Path,
    source: str,
    encoding: str | None,
    note: Callable[[str, str], None] | None = None,
) -> Iterator[Article | InputError]:
    """Each HTML response in the archive as a page, in file order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from newscli.webpage import decode_page

    try:
        stream = open_input(path, source)
    except InputError as err:
        yield err
        return
    pages = skipped = 0
    with stream:
        records = ArchiveIterator(stream, arc2warc=True)
        try:
            for record in records:
                content_type = record.http_headers and record.http_headers.get_header(
                    "Content-Type", ""
                )
                status = record.http_headers and record.http_headers.get_statuscode()
                if (
                    record.rec_type != "response"
                    or not content_type
                    or not content_type.split(";")[0].strip().lower() in HTML_TYPES
                    or status != "200"
                ):
                    skipped += 1
                    continue
                where = f"{source}:{records.get_record_offset()}"
                data = record.content_stream().read()
                pages += 1
                yield Article(
                    source=where,
                    text=decode_page(data, where, encoding, declared=_charset(content_type)),
                    html=True,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    captured=record.rec_headers.get_header("WARC-Date"),
                )
        except (ArchiveLoadFailed, *READ_ERRORS, ValueError) as err:
            error = read_error(err, source)
            error.problem += f"; {pages} pages before the damage were read"
            yield error
    if note is not None and skipped:
        note(source, f"{pages} HTML pages read; {skipped} other records skipped")


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
