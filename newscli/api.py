"""The Python API: each command as a function of an article's text, giving its record.

    import newscli
    record = newscli.quotes(text)                 # the dict `newscli quotes` prints
    record = newscli.analyze(html, html=True)     # a web page: its article extracted first
    clusters = newscli.dedupe(texts_or_records)   # one record per document, in order

Each function takes the article's text and the command's options as keyword arguments,
and returns exactly the record the command writes as JSON (tests hold them equal). What
the command line would report for one input and go on -- a page with no article in it,
say -- is raised here as `newscli.errors.InputError`.
"""

import inspect
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from newscli import records
from newscli.commands import COMMANDS, MAX_CHARS, Command, OptionError
from newscli.errors import NewscliError
from newscli.inputs import Article, looks_like_html
from newscli.schema import DedupePairRecord, DedupeRecord

#: what a record says its source is when the caller names none
SOURCE = "<text>"

_KEYWORD = inspect.Parameter.KEYWORD_ONLY
#: what every per-document function takes besides the command's own options
_LABELS = (
    inspect.Parameter("source", _KEYWORD, default=SOURCE, annotation=str),
    inspect.Parameter("id", _KEYWORD, default=None, annotation=str | int | None),
    inspect.Parameter("title", _KEYWORD, default=None, annotation=str | None),
    inspect.Parameter("url", _KEYWORD, default=None, annotation=str | None),
    inspect.Parameter("html", _KEYWORD, default=None, annotation=bool | None),
    inspect.Parameter("max_chars", _KEYWORD, default=MAX_CHARS, annotation=int),
    inspect.Parameter("with_text", _KEYWORD, default=False, annotation=bool),
    inspect.Parameter("language", _KEYWORD, default=None, annotation=str | None),
)
_COMMON = """
Common to every function: `source`, `id`, `title` and `url` label the record as a JSONL
input's fields would; `html` says the text is a web page's HTML (None: when it plainly
starts as one); `max_chars` and `with_text` are the options of those names; `language` is
`--lang`'s code (None: identified, as `--lang auto`)."""


def _function(command: Command) -> Callable[..., Any]:
    """A per-document command as a function of an article's text: its own options (those
    that shape the record), then the labels, all keyword-only."""
    own = [
        inspect.Parameter(option.name, _KEYWORD, default=option.default, annotation=option.type)
        for option in command.record_options
    ]
    text = inspect.Parameter("text", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=str)
    returns = command.records[0] if len(command.records) == 1 else Any
    signature = inspect.Signature([text, *own, *_LABELS], return_annotation=returns)

    def function(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        given = dict(bound.arguments)
        try:
            analyze = command.analysis(**{option.name: given[option.name] for option in own})
        except OptionError as error:
            raise ValueError(f"{error.option}: {error.naming(str)}") from None
        return _record(analyze, given["text"], **{p.name: given[p.name] for p in _LABELS})

    function.__name__ = function.__qualname__ = command.name
    function.__module__ = __name__
    flags = ", ".join(f"`{option.name}` ({option.flag})" for option in command.record_options)
    function.__doc__ = (
        f"`newscli {command.name}`: {command.short_help}"
        + (f"\n\nIts options: {flags}." if flags else "")
        + "\n"
        + _COMMON
    )
    function.__signature__ = signature  # type: ignore[attr-defined]
    return function


def _record(
    analyze: records.Analysis,
    text: str,
    *,
    source: str,
    id: str | int | None,
    title: str | None,
    url: str | None,
    html: bool | None,
    max_chars: int,
    with_text: bool,
    language: str | None,
) -> Any:
    if isinstance(text, bytes | bytearray):
        raise TypeError("newscli takes an article's text as str; decode bytes first")
    if not isinstance(text, str):
        raise TypeError(f"newscli takes an article's text as str, not {type(text).__name__}")
    article = Article(
        source=source,
        text=text,
        id=id,
        title=title,
        html=looks_like_html(text) if html is None else html,
        url=url,
        language=language,
    )
    [outcome] = records.analyze_chunk(analyze, [article], max_chars=max_chars, with_text=with_text)
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


#: the per-document commands' functions, by name (dedupe's, over a corpus, follows)
FUNCTIONS = {name: _function(command) for name, command in COMMANDS.items() if command.per_document}


def __getattr__(name: str) -> Callable[..., Any]:
    if name in FUNCTIONS:
        return FUNCTIONS[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def dedupe(
    documents: Iterable[str | Mapping[str, Any]],
    *,
    threshold: float = 0.7,
    shingle: int | None = None,
    pairs: bool = False,
    index: str | Path | None = None,
    text_field: str = "text",
    html_field: str | None = None,
    jobs: int = 1,
    language: str | None = None,
) -> list[DedupeRecord] | list[DedupePairRecord]:
    """`newscli dedupe` over texts, or over records (mappings) with the text in
    `text_field` (or a page's HTML in `html_field`) and, optionally, `id`, `title`, `url`
    and `source`. A document's source is its `source`, else its position ("0", "1", ...).
    One record per document in input order (with `pairs`, per duplicate pair)."""
    from functools import partial

    from newscli.duplicates.run import dedupe as cluster
    from newscli.running.pool import ordered_map

    found = cluster(
        (
            _document(position, d, text_field, html_field, language)
            for position, d in enumerate(documents)
        ),
        threshold=threshold,
        shingle=shingle,
        map_chunks=partial(ordered_map, jobs=jobs),
        index=None if index is None else Path(index),
        pairs=pairs,
    )
    return list(found)  # type: ignore[return-value]


def _document(
    position: int,
    document: str | Mapping[str, Any],
    text_field: str,
    html_field: str | None,
    language: str | None,
) -> Article:
    if isinstance(document, str):
        return Article(
            source=str(position), text=document, html=looks_like_html(document), language=language
        )
    field = html_field or text_field
    text = document.get(field)
    if not isinstance(text, str):
        raise NewscliError(f"document {position} has no {field!r} text")
    return Article(
        source=str(document.get("source", position)),
        text=text,
        id=document.get("id"),
        title=document.get("title"),
        html=html_field is not None or looks_like_html(text),
        url=document.get("url"),
        language=language,
    )
