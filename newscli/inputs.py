"""Turn command-line inputs into articles: files, directories, '-' and JSONL records.

Everything here streams: a directory is walked lazily and a JSONL corpus is read a line
at a time, so a million-line corpus is never held in memory. A bad input becomes an
`InputError` in the stream, in input order, so the caller can report it and go on.
"""

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newscli.errors import InputError, UsageError

ARTICLE_SUFFIXES = (".txt", ".md")
STDIN_NAME = "-"


@dataclass(frozen=True, slots=True)
class Article:
    """One article's text as decoded from its input, before any parsing."""

    source: str
    text: str
    id: str | int | None = None
    title: str | None = None

    def cut(self, max_chars: int) -> "Article":
        """This article, its text cut at max_chars when longer (--max-chars)."""
        if len(self.text) <= max_chars:
            return self
        return Article(self.source, self.text[:max_chars], self.id, self.title)


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


def _files_in(directory: Path) -> list[Path]:
    return sorted(
        p for p in directory.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
    )


def _read_path(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=source, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory", source=source) from None
    except PermissionError:
        raise InputError("permission denied", source=source, hint="check its permissions") from None
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror})", source=source) from None


def _sources(args: list[str]) -> Iterator[str | InputError]:
    """Expand directories into their article files, keeping argument order."""
    for arg in args:
        if arg == STDIN_NAME:
            yield arg
            continue
        path = Path(arg)
        if path.is_dir():
            files = _files_in(path)
            if not files:
                yield InputError(
                    "directory holds no .txt or .md files",
                    source=arg,
                    hint="name the files themselves, or use --jsonl for a JSONL corpus",
                )
            yield from (str(f) for f in files)
        else:
            yield arg


def _jsonl_articles(
    lines: Iterable[bytes], source: str, text_field: str, encoding: str | None
) -> Iterator[Article | InputError]:
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
                f"not valid JSON ({err.msg} at column {err.colno})",
                source=where,
                hint="each line of a --jsonl input must be one JSON object",
            )
            continue
        if not isinstance(record, dict):
            yield InputError(
                "is not a JSON object", source=where, hint="each line must be one JSON object"
            )
            continue
        text = record.get(text_field)
        if not isinstance(text, str):
            problem = (
                f"has no {text_field!r} field"
                if text is None
                else f"field {text_field!r} is not a string"
            )
            yield InputError(problem, source=where, hint="name the text field with --text-field")
            continue
        try:
            text = _check_text(text, where)
        except InputError as err:
            yield err
            continue
        record_id = record.get("id")
        title = record.get("title")
        yield Article(
            source=where,
            text=text,
            id=record_id if isinstance(record_id, str | int) else None,
            title=title if isinstance(title, str) else None,
        )


def read_articles(
    args: list[str],
    *,
    stdin: BinaryIO,
    jsonl: bool = False,
    text_field: str = "text",
    encoding: str | None = None,
) -> Iterator[Article | InputError]:
    """Yield each input's article (or its error), in order. Nothing is read ahead."""
    for item in _sources(args):
        if isinstance(item, InputError):
            yield item
            continue
        source = item
        if jsonl:
            if source == STDIN_NAME:
                yield from _jsonl_articles(stdin, "<stdin>", text_field, encoding)
                continue
            try:
                handle = open(source, "rb")  # noqa: SIM115 - closed below, streamed line by line
            except OSError:
                try:
                    _read_path(Path(source), source)
                except InputError as err:
                    yield err
                continue
            with handle:
                yield from _jsonl_articles(handle, source, text_field, encoding)
            continue
        try:
            if source == STDIN_NAME:
                data = stdin.read()
                source = "<stdin>"
            else:
                data = _read_path(Path(source), source)
            text = _check_text(decode(data, source, encoding), source)
        except InputError as err:
            yield err
            continue
        yield Article(source=source, text=text)


def expects_many(args: list[str], jsonl: bool) -> bool:
    """Whether an invocation names (possibly) several articles, fixing the JSON shape."""
    return jsonl or len(args) > 1 or any(os.path.isdir(a) for a in args if a != STDIN_NAME)
