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

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from newscli import records
from newscli.errors import NewscliError
from newscli.inputs import Article, looks_like_html
from newscli.schema import (
    AnalyzeRecord,
    DedupePairRecord,
    DedupeRecord,
    EntitiesRecord,
    ParseRecord,
    QuotesRecord,
    ReadabilityByParagraphRecord,
    ReadabilityRecord,
    SummaryRecord,
)

#: what a record says its source is when the caller names none
SOURCE = "<text>"
#: the command line's --max-chars default
MAX_CHARS = 1_000_000


def _record(
    analyze: Callable[[Article], Any],
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


def parse(
    text: str,
    *,
    tokens: bool = False,
    source: str = SOURCE,
    id: str | int | None = None,
    title: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    max_chars: int = MAX_CHARS,
    with_text: bool = False,
    language: str | None = None,
) -> ParseRecord:
    """`newscli parse`: title, metadata, dropped boilerplate, paragraphs and sentences.

    Common to every function: `source`, `id`, `title` and `url` label the record as a
    JSONL input's fields would; `html` says the text is a web page's HTML (None: when it
    plainly starts as one); `max_chars` and `with_text` are the options of those names;
    `language` is `--lang`'s code (None: identified, as `--lang auto`).
    """
    analyze = partial(records.parse_record, tokens=tokens)
    return _record(analyze, text, **_labels(locals()))  # type: ignore[no-any-return]


def readability(
    text: str,
    *,
    by_paragraph: bool = False,
    source: str = SOURCE,
    id: str | int | None = None,
    title: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    max_chars: int = MAX_CHARS,
    with_text: bool = False,
    language: str | None = None,
) -> ReadabilityRecord | ReadabilityByParagraphRecord:
    """`newscli readability` (`by_paragraph`: `--by paragraph`)."""
    analyze = partial(records.readability_record, by_paragraph=by_paragraph)
    return _record(analyze, text, **_labels(locals()))  # type: ignore[no-any-return]


def summarize(
    text: str,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    method: str = "newscli",
    order: str = "document",
    all: bool = False,
    source: str = SOURCE,
    id: str | int | None = None,
    title: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    max_chars: int = MAX_CHARS,
    with_text: bool = False,
    language: str | None = None,
) -> SummaryRecord:
    """`newscli summarize`: `sentences`, `ratio`, `words`, `method`, `order` and `all` are
    its options."""
    from newscli.analysis.summarize import METHODS, Budget

    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if sentences is not None and ratio is not None:
        raise ValueError("give sentences or ratio, not both")
    analyze = partial(
        records.summary_record,
        budget=Budget(sentences=sentences, ratio=ratio, words=words),
        method=method,
        order=order,
        ranking=all,
    )
    return _record(analyze, text, **_labels(locals()))  # type: ignore[no-any-return]


def quotes(
    text: str,
    *,
    all: bool = False,
    indirect: bool = False,
    speaker: str | None = None,
    by_speaker: bool = False,
    source: str = SOURCE,
    id: str | int | None = None,
    title: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    max_chars: int = MAX_CHARS,
    with_text: bool = False,
    language: str | None = None,
) -> QuotesRecord:
    """`newscli quotes`: `all`, `indirect`, `speaker` and `by_speaker` (`--by speaker`)."""
    analyze = partial(
        records.quotes_record,
        include_all=all,
        indirect=indirect,
        speaker=speaker,
        by_speaker=by_speaker,
    )
    return _record(analyze, text, **_labels(locals()))  # type: ignore[no-any-return]


def entities(
    text: str,
    *,
    types: Iterable[str] = (),
    source: str = SOURCE,
    id: str | int | None = None,
    title: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    max_chars: int = MAX_CHARS,
    with_text: bool = False,
    language: str | None = None,
) -> EntitiesRecord:
    """`newscli entities`: `types` keeps only entities of those types (`--type`)."""
    analyze = partial(records.entities_record, types=frozenset(t.upper() for t in types))
    return _record(analyze, text, **_labels(locals()))  # type: ignore[no-any-return]


def analyze(
    text: str,
    *,
    source: str = SOURCE,
    id: str | int | None = None,
    title: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    max_chars: int = MAX_CHARS,
    with_text: bool = False,
    language: str | None = None,
) -> AnalyzeRecord:
    """`newscli analyze`: every per-document analysis of one parse."""
    return _record(records.analyze_record, text, **_labels(locals()))  # type: ignore[no-any-return]


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


_LABELS = ("source", "id", "title", "url", "html", "max_chars", "with_text", "language")


def _labels(arguments: dict[str, Any]) -> dict[str, Any]:
    return {name: arguments[name] for name in _LABELS}
