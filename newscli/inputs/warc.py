"""Web archives (WARC and ARC, compressed or not) as a stream of pages.

warcio reads the archive one record at a time, so a crawl of any size streams through in
the memory of its largest record. Every `response` record whose payload is HTML is one
article, named `FILE:OFFSET`: the record's byte offset in the file as stored, for a
.warc or a .warc.gz (`warcio extract FILE OFFSET`, or a seek to OFFSET, finds it again);
in the decompressed stream for a WARC compressed whole with bz2, xz or zstd. Other records --
requests, metadata, redirects, images, PDFs -- are skipped and counted, never errors.
A file cut off mid-record keeps the records before the cut.
"""

import gzip
import logging
import lzma
import zlib
from collections.abc import Callable, Generator, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from newscli.errors import InputError
from newscli.inputs.article import Article
from newscli.inputs.compression import READ_ERRORS, open_input, open_raw, read_error
from newscli.inputs.decoding import decode_page
from newscli.inputs.kinds import split_name

# warcio logs what it mends in a record (spaces in a URL); a message line, not ours to print
logging.getLogger("warcio").addHandler(logging.NullHandler())

#: payload types that are web pages
HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_articles(
    path: Path,
    source: str,
    encoding: str | None,
    note: Callable[[str, str], None] | None = None,
) -> Iterator[Article | InputError]:
    """Each HTML response in the archive as a page, in file order. A damaged gzip member of
    a .warc.gz costs that record only: reading goes on at the next member."""
    try:
        _check_start(path, source)
    except InputError as err:
        yield err
        return
    # warcio reads gzip itself, member by member, so offsets are the stored file's, and a
    # damaged member can be stepped over
    members = split_name(path.name)[1] == ".gz"
    tally = {"pages": 0, "skipped": 0}
    start: int | None = 0
    while start is not None:
        try:
            stream = open_raw(path, source) if members else open_input(path, source)
        except InputError as err:
            yield err
            return
        with stream:
            if start:
                stream.seek(start)
            start = yield from _read_from(stream, source, encoding, tally, members, path)
    if note is not None and tally["skipped"]:
        note(
            source,
            f"{_count(tally['pages'], 'HTML page')} read; "
            f"{_count(tally['skipped'], 'other record')} skipped",
        )


def _read_from(
    stream: Any,
    source: str,
    encoding: str | None,
    tally: dict[str, int],
    members: bool,
    path: Path,
) -> Generator[Article | InputError, None, int | None]:
    """The pages from where `stream` stands; returns where to go on after a damaged gzip
    member (None: at the end, or nothing after the damage can be read)."""
    from warcio.exceptions import ArchiveLoadFailed

    records = _archive_iterator()(stream, arc2warc=True)
    try:
        for record in records:
            if record.rec_type == "response" and _is_page(record):
                data = record.content_stream().read()
                _check_whole(record)
                # asked after the read: warcio finds the offset by reading to the end
                where = f"{source}:{records.get_record_offset()}"
                tally["pages"] += 1
                yield Article(
                    source=where,
                    text=decode_page(data, where, encoding, declared=_charset(record)),
                    html=True,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    captured=record.rec_headers.get_header("WARC-Date"),
                )
                continue
            while record.raw_stream.read(_BLOCK):
                pass
            _check_whole(record)
            tally["skipped"] += 1
    except _CutOff as err:
        error = InputError(str(err), source=source, hint="download or copy it again")
        error.problem += f"; the {tally['pages']} pages before it were read"
        yield error
    except (ArchiveLoadFailed, *READ_ERRORS, ValueError) as err:
        damaged = records.offset
        resume = _next_member(path, damaged + 1) if members else None
        if resume is None:
            after = f"the {tally['pages']} pages before it were read"
        else:
            after = f"reading goes on at byte {resume}"
        yield InputError(
            f"damaged record at byte {damaged} ({_damage(err)}); {after}",
            source=source,
            hint="download or copy it again",
        )
        return resume
    return None


@cache
def _archive_iterator() -> Any:
    """warcio's ArchiveIterator, without the warning it writes to stderr itself about a
    record not followed by a blank line, which quotes the line's raw bytes; the record is
    read all the same."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
        INC_RECORD = ""

    return QuietArchiveIterator


def _damage(err: BaseException) -> str:
    """What is wrong, in words: warcio's message quotes the record's raw bytes."""
    if isinstance(err, EOFError):
        return "its compressed data ends early"
    if isinstance(err, zlib.error | lzma.LZMAError | gzip.BadGzipFile):
        return "its compressed data is damaged"
    return "not a WARC or ARC record"


#: how a gzip member begins: magic, and deflate
_GZIP_MEMBER = b"\x1f\x8b\x08"


def _next_member(path: Path, after: int) -> int | None:
    """The offset of the next gzip member at or after `after` that holds the start of a
    WARC record (a match inside compressed data is tried and passed over)."""
    with path.open("rb") as raw:
        raw.seek(after)
        offset, pending = after, b""
        while block := raw.read(_BLOCK):
            data = pending + block
            found = data.find(_GZIP_MEMBER)
            while found != -1:
                if _opens_a_record(
                    data[found:] if len(data) - found >= 512 else None, raw, offset + found
                ):
                    return offset + found
                found = data.find(_GZIP_MEMBER, found + 1)
            # a magic split across blocks is found in the next round
            pending = data[-(len(_GZIP_MEMBER) - 1) :]
            offset += len(data) - len(pending)
    return None


def _opens_a_record(head: bytes | None, raw: Any, at: int) -> bool:
    """Whether the gzip member at byte `at` decompresses to the start of a record."""
    if head is None:
        position = raw.tell()
        raw.seek(at)
        head = raw.read(4096)
        raw.seek(position)
    try:
        start = zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return False
    return start.lstrip(b"\r\n").startswith(_MAGIC)


#: bytes read at a time from a record that is skipped
_BLOCK = 1 << 16
#: how a WARC record (WARC/1.0, WARC/1.1) and an ARC file (its filedesc record) begin
_MAGIC = (b"WARC/", b"filedesc://")


class _CutOff(Exception):
    """A record ends before its declared length: the file was cut there."""


def _check_start(path: Path, source: str) -> None:
    """A file that does not begin like a web archive is not read as one."""
    with open_input(path, source) as stream:
        try:
            start = stream.read(16).lstrip(b"\r\n")
        except READ_ERRORS as err:
            raise read_error(err, source) from None
    if not start.startswith(_MAGIC):
        begins = start[:12].decode("ascii", "replace")
        shown = repr(begins) if begins.isprintable() else "with binary data"
        raise InputError(
            f"is not a WARC or ARC file (it begins {shown})",
            source=source,
            hint="check the file; its name's suffix must match what it holds",
        )


def _check_whole(record: Any) -> None:
    # warcio stops quietly at the end of a cut file: what is left of a record's declared
    # length tells, or a WARC record's headers that end before their Content-Length
    cut_in_headers = record.format.startswith("warc") and not record.rec_headers.get_header(
        "Content-Length"
    )
    if cut_in_headers or record.raw_stream.limit > 0:
        raise _CutOff(f"cut off inside a {record.rec_type} record")


def _is_page(record: Any) -> bool:
    headers = record.http_headers
    if headers is None or headers.get_statuscode() != "200":
        return False
    content_type = headers.get_header("Content-Type", "")
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _charset(record: Any) -> str | None:
    content_type = record.http_headers.get_header("Content-Type", "")
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
