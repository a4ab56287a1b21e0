"""JSONL corpora: one article a line, its text (or a page's HTML) in a field."""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newscli.errors import InputError
from newscli.inputs.article import Article
from newscli.inputs.compression import READ_ERRORS, decompressed_stdin, open_input, read_error
from newscli.inputs.decoding import decode
from newscli.inputs.kinds import STDIN_NAME
from newscli.inputs.record import article_of_record


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
        yield article_of_record(
            where, text, record.get("id"), record.get("title"), record.get("url"), html_field
        )


def read_jsonl(
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
