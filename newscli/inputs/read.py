"""Turn command-line inputs into articles: text, HTML, WARC and JSONL, compressed or not.

Everything here streams: a directory is walked lazily, a JSONL corpus is read a line at a
time and a WARC a record at a time, so a million-line corpus or a 10 GB crawl is never
held in memory. A bad input becomes an `InputError` in the stream, in input order, so
the caller can report it and go on.

A web page (an .html file, a WARC response, --html) leaves here as an `Article` holding
its decoded HTML; `extracted` turns it into the article's text where the work is done --
in the worker processes -- because extraction costs far more than reading.
"""

import bz2
import dataclasses
import gzip
import io
import json
import lzma
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from newscli.errors import InputError, UsageError

STDIN_NAME = "-"


class Kind(StrEnum):
    """What an input file holds, told by its name."""

    text = "text"
    html = "html"
    warc = "warc"


#: the suffix before any compression suffix -> what the file holds
KIND_SUFFIXES = {
    ".txt": Kind.text,
    ".md": Kind.text,
    ".html": Kind.html,
    ".htm": Kind.html,
    ".xhtml": Kind.html,
    ".warc": Kind.warc,
    ".arc": Kind.warc,
}
#: compression suffix -> the module whose `open` reads it (zstandard: when installed)
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


@dataclass(frozen=True, slots=True)
class Page:
    """What the markup of a web page said about the article it holds."""

    byline: str | None = None
    date: str | None = None
    site_name: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from its input, before any parsing.

    `text` is the article's text -- or, while `html` is set, the page's decoded HTML,
    which `extracted` turns into text. An article extracted from a page carries `page`:
    its lines are then the page's blocks (paragraphs, headings, list items), one a line.
    """

    source: str
    text: str
    id: str | int | None = None
    title: str | None = None
    html: bool = False
    #: the page's address: the WARC record's target, or the page's own canonical URL
    url: str | None = None
    #: when a crawler fetched the page (the WARC record's date, ISO 8601)
    captured: str | None = None
    page: Page | None = None
    #: the article's language as the user gave it (--lang); None: identify it
    language: str | None = None

    def cut(self, max_chars: int) -> "Article":
        """This article, its text cut at max_chars when longer (--max-chars)."""
        if len(self.text) <= max_chars:
            return self
        return dataclasses.replace(self, text=self.text[:max_chars])


def extracted(article: Article) -> Article:
    """The article's text: a web page's extracted from its HTML; any other as it is."""
    if not article.html:
        return article
    from newscli.webpage import extract

    return extract(article)


def decode(data: bytes, source: str, encoding: str | None) -> str:
    """Decode bytes as UTF-8 (a BOM is accepted and removed) or as `encoding`."""
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise UsageError(
                f"unknown encoding {encoding!r}", hint="name a Python codec, e.g. latin-1"
            ) from None
        except UnicodeDecodeError as err:
            raise InputError(
                f"cannot be decoded as {encoding} (byte 0x{data[err.start]:02x} at offset "
                f"{err.start})",
                source=source,
                hint="pass the file's real encoding with --encoding",
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
            source=source,
            hint="pass its encoding, e.g. --encoding cp1252",
        ) from None


def _check_text(text: str, source: str) -> str:
    if "\x00" in text:
        raise InputError(
            "contains NUL bytes; it looks like a binary file",
            source=source,
            hint="pass plain-text articles (or --encoding utf-16 if that is what it is)",
        )
    return text


def split_name(name: str) -> tuple[Kind | None, str | None]:
    """What a file holds and how it is compressed, from its name: ("html", ".gz")."""
    lower = name.lower()
    compression = next((c for c in COMPRESSION_SUFFIXES if lower.endswith(c)), None)
    if compression is not None:
        lower = lower[: -len(compression)]
    return KIND_SUFFIXES.get(os.path.splitext(lower)[1]), compression


#: what a JSONL corpus's files are called, before any compression suffix (--jsonl)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _is_jsonl(name: str) -> bool:
    lower = name.lower()
    compression = split_name(lower)[1]
    return lower.removesuffix(compression or "").endswith(JSONL_SUFFIXES)


def _files_in(directory: Path, jsonl: bool) -> list[str | InputError]:
    """The directory's article files (with `jsonl`: its JSONL files), recursively, in
    sorted order; a subdirectory that cannot be read, or a link to nothing, among them as
    an error (a failed input, not a silent gap)."""
    found: list[tuple[Path, str | InputError]] = []

    def unreadable(err: OSError) -> None:
        where = Path(err.filename or directory)
        problem = f"cannot be read ({err.strerror or err})"
        found.append((where, InputError(problem, source=str(where), hint="check its permissions")))

    seen: set[str] = set()
    for root, subdirectories, names in os.walk(directory, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree: walked already
            subdirectories.clear()
            continue
        seen.add(real)
        for name in names:
            if not (_is_jsonl(name) if jsonl else split_name(name)[0]):
                continue
            path = Path(root, name)
            if path.is_file():
                found.append((path, str(path)))
            elif path.is_symlink() and not path.exists():
                found.append(
                    (
                        path,
                        InputError(
                            f"is a link to {os.readlink(path)}, which does not exist",
                            source=str(path),
                            hint="remove the link or restore its target",
                        ),
                    )
                )
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def open_input(path: Path, source: str) -> BinaryIO:
    """The file as a binary stream, decompressed as its name says; a read error is an
    `InputError` naming the source."""
    return _open(path, source, split_name(path.name)[1])


def open_raw(path: Path, source: str) -> BinaryIO:
    """The file's bytes as stored, compressed or not."""
    return _open(path, source, None)


_OPENERS: dict[str | None, Callable[..., Any]] = {
    ".gz": gzip.open,
    ".bz2": bz2.open,
    ".xz": lzma.open,
    None: open,
}


def _open(path: Path, source: str, compression: str | None) -> BinaryIO:
    try:
        if compression == ".zst":
            try:
                import zstandard
            except ImportError:
                raise InputError(
                    "is compressed with zstd, which needs the zstandard package",
                    source=source,
                    hint="pip install zstandard, or decompress it first",
                ) from None
            return zstandard.open(path, "rb")  # type: ignore[no-any-return]
        return _OPENERS[compression](path, "rb")  # type: ignore[no-any-return]
    except FileNotFoundError:
        raise InputError("no such file", source=source, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory", source=source) from None
    except PermissionError:
        raise InputError("permission denied", source=source, hint="check its permissions") from None
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror})", source=source) from None


#: how a compressed stream begins -> the module whose `open` reads it (standard input
#: has no name to tell)
COMPRESSION_MAGIC = {b"\x1f\x8b": gzip, b"BZh": bz2, b"\xfd7zXZ\x00": lzma}


class _Prefixed(io.RawIOBase):
    """A stream's first bytes, already read, and then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.head[: len(buffer)] if self.head else self.rest.read(len(buffer))
        self.head = self.head[len(data) :]
        buffer[: len(data)] = data
        return len(data)


def decompressed_stdin(stdin: BinaryIO) -> BinaryIO:
    """Standard input, decompressed when it begins as gzip, bz2 or xz data does
    (`zcat` is not needed: `newscli parse < article.txt.gz`)."""
    head = stdin.read(6)
    stream = io.BufferedReader(_Prefixed(head, stdin))
    for magic, module in COMPRESSION_MAGIC.items():
        if head.startswith(magic):
            return module.open(stream, "rb")  # type: ignore[no-any-return]
    return stream


#: what a broken compressed stream or a failing disk raises while it is read
READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


def _without_bytes(detail: str) -> str:
    """A library's message without the raw bytes it may quote ("Not a gzipped file
    (b'\\x00\\x8b')"): an error line names what is wrong, never prints payload."""
    quoted = [i for i in (detail.find("b'"), detail.find('b"')) if i >= 0]
    if quoted:
        detail = detail[: min(quoted)].rstrip(" (:,")
    return "".join(c if c.isprintable() else "?" for c in detail)[:200]


def read_error(err: BaseException, source: str) -> InputError:
    """A failure while reading a stream, as one line naming the input and what to do."""
    detail = _without_bytes(str(err)) or type(err).__name__
    if isinstance(err, EOFError):
        return InputError(
            f"ends before its compressed stream does ({detail})",
            source=source,
            hint="the file is cut off; download or copy it again",
        )
    if (
        isinstance(err, zlib.error | lzma.LZMAError | gzip.BadGzipFile)
        or "compress" in detail.lower()
    ):
        return InputError(
            f"is not a valid compressed file ({detail})",
            source=source,
            hint="check the file; its name's suffix must match its compression",
        )
    return InputError(f"cannot be read ({detail})", source=source)


def _read_all(path: Path, source: str) -> bytes:
    with open_input(path, source) as stream:
        try:
            return stream.read()
        except READ_ERRORS as err:
            raise read_error(err, source) from None


def expand(args: list[str], jsonl: bool = False) -> Iterator[str | InputError]:
    """Expand directories into their article files (with `jsonl`: their JSONL files),
    keeping argument order."""
    for arg in args:
        if arg == STDIN_NAME:
            yield arg
            continue
        path = Path(arg)
        if path.is_dir():
            files = _files_in(path, jsonl)
            if not files and jsonl:
                yield InputError(
                    "directory holds no JSONL files (.jsonl, .ndjson, also compressed)",
                    source=arg,
                    hint="name the files themselves",
                )
            elif not files:
                yield InputError(
                    "directory holds no article files (.txt, .md, .html, .htm, .warc, .arc)",
                    source=arg,
                    hint="name the files themselves, or use --jsonl for a JSONL corpus",
                )
            yield from files
        else:
            yield arg


def looks_like_html(text: str) -> bool:
    """Whether a text plainly is an HTML document: it opens with a doctype or <html>."""
    # a BOM, decoded or as the latin-1 characters of its UTF-8 bytes, may come first
    head = text[:512].lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<?xml") and "<html" in head
    )


def _jsonl_articles(
    lines: Iterable[bytes],
    source: str,
    text_field: str,
    encoding: str | None,
    html_field: str | None,
) -> Iterator[Article | InputError]:
    field = html_field or text_field
    hint = (
        "name the HTML field with --html-field"
        if html_field
        else "name the text field with --text-field"
    )
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(decode(raw, where, encoding))
        except InputError as err:
            yield err
            continue
        except json.JSONDecodeError as err:
            yield InputError(
                f"not valid JSON ({err.msg.removesuffix(' at')} at column {err.colno})",
                source=where,
                hint="each line of a --jsonl input must be one JSON object",
            )
            continue
        if not isinstance(record, dict):
            yield InputError(
                "is not a JSON object", source=where, hint="each line must be one JSON object"
            )
            continue
        text = record.get(field)
        if not isinstance(text, str):
            problem = (
                f"has no {field!r} field" if text is None else f"field {field!r} is not a string"
            )
            yield InputError(problem, source=where, hint=hint)
            continue
        try:
            text = _check_text(text, where)
        except InputError as err:
            yield err
            continue
        record_id, title, url = record.get("id"), record.get("title"), record.get("url")
        yield Article(
            source=where,
            text=text,
            id=record_id if isinstance(record_id, str | int) else None,
            title=title if isinstance(title, str) else None,
            html=html_field is not None or looks_like_html(text),
            url=url if isinstance(url, str) else None,
        )


def _page(data: bytes, source: str, encoding: str | None) -> Article:
    from newscli.webpage import decode_page

    return Article(
        source=source, text=_check_text(decode_page(data, source, encoding), source), html=True
    )


def read_articles(
    args: list[str],
    *,
    stdin: BinaryIO,
    jsonl: bool = False,
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
    JSONL record's page is the HTML in this field. `note(source, message)` hears what is
    worth saying but is no error (a WARC's records that are not pages, skipped). `root`:
    where relative paths are (a worker's own directory is not the client's); sources keep
    the names as given. `language`: every article's, as the user gave it.
    """
    for item in _read_each(args, stdin, jsonl, text_field, encoding, html, html_field, note, root):
        if language is None or isinstance(item, InputError):
            yield item
        else:
            yield dataclasses.replace(item, language=language)


def _read_each(
    args: list[str],
    stdin: BinaryIO,
    jsonl: bool,
    text_field: str,
    encoding: str | None,
    html: bool,
    html_field: str | None,
    note: Callable[[str, str], None] | None,
    root: str | None,
) -> Iterator[Article | InputError]:
    for item in expand(args, jsonl):
        if isinstance(item, InputError):
            yield item
            continue
        source = item
        kind = None if source == STDIN_NAME else split_name(source)[0]
        path = Path(root or "", source)
        if jsonl:
            yield from _read_jsonl(source, path, stdin, text_field, encoding, html_field)
        elif kind is Kind.warc:
            from newscli.warc import warc_articles

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
                    data = _read_all(path, source)
                # an ASCII-compatible look at the start is enough to sniff, whatever the charset
                if (
                    kind is Kind.html
                    or (kind is None and html)
                    or looks_like_html(data[:512].decode("latin-1"))
                ):
                    yield _page(data, source, encoding)
                else:
                    yield Article(
                        source=source, text=_check_text(decode(data, source, encoding), source)
                    )
            except InputError as err:
                yield err


def _read_jsonl(
    source: str,
    path: Path,
    stdin: BinaryIO,
    text_field: str,
    encoding: str | None,
    html_field: str | None,
) -> Iterator[Article | InputError]:
    if source == STDIN_NAME:
        try:
            yield from _jsonl_articles(
                decompressed_stdin(stdin), "<stdin>", text_field, encoding, html_field
            )
        except READ_ERRORS as err:
            yield read_error(err, "<stdin>")
        return
    try:
        handle = open_input(path, source)
    except InputError as err:
        yield err
        return
    with handle:
        try:
            yield from _jsonl_articles(handle, source, text_field, encoding, html_field)
        except READ_ERRORS as err:
            yield read_error(err, source)


def crawl_of(source: str) -> str | None:
    """The crawl a source is a record of (`crawl.warc.gz:565` -> `crawl.warc.gz`), or the
    crawl itself (an error about it); None for any other source."""
    path, _, offset = source.rpartition(":")
    if offset.isdigit() and split_name(path)[0] is Kind.warc:
        return path
    return source if split_name(source)[0] is Kind.warc else None


def expects_many(args: list[str], jsonl: bool) -> bool:
    """Whether an invocation names (possibly) several articles, fixing the JSON shape."""
    return (
        jsonl
        or len(args) > 1
        or any(os.path.isdir(a) or split_name(a)[0] is Kind.warc for a in args if a != STDIN_NAME)
    )
