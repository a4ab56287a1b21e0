"""Parse and sketch a stream of articles, in this process or as the caller maps the work.

The caller gives the way to map work over chunks -- the runner's local process pool or
Dask cluster (`newscli.running`) -- so that dedupe, like the other analyses, knows nothing
of where it runs. Results come back in input order however the work is mapped. A failure
on one article is returned in its place, never raised.
"""

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from newscli.document import Document, parse
from newscli.duplicates import SHINGLE
from newscli.duplicates.sketch import Sketch, sketch, sketch_many
from newscli.inputs.article import Article
from newscli.inputs.read import extracted

#: articles parsed and sketched together (one numpy pass, one message to a worker)
CHUNK = 256
#: how the caller maps work over chunks of items: (work, items, *, chunk) -> (item, result)
#: pairs in input order (`newscli.running.pool.MapChunks`)
MapChunks = Callable[..., Iterator[tuple[Any, Any]]]

Tag = TypeVar("Tag")
#: what sketching an article gives: its sketch, parsed title, URL (a web page's own
#: canonical one, when its input named none) and language, or the exception it raised
Result = tuple[Sketch, str | None, str | None, str] | Exception


def sketch_each(
    articles: list[Article], shingle: int = SHINGLE, max_chars: int | None = None
) -> list[Result]:
    """Read (a web page's text extracted), cut at `max_chars`, parse and sketch articles;
    each failure is returned in its place."""
    parsed: list[Document | Exception] = []
    urls: list[str | None] = []
    for article in articles:
        try:
            text = extracted(article)
            if max_chars is not None:
                text = text.cut(max_chars)
            parsed.append(
                parse(text.text, title=text.title, page=text.page, language=text.language)
            )
            urls.append(text.url)
        except Exception as exc:  # noqa: BLE001 - reported for this article alone
            parsed.append(exc)
    documents = [d for d in parsed if isinstance(d, Document)]
    sketches: Iterator[Sketch | Exception]
    try:
        sketches = iter(sketch_many(documents, shingle=shingle))
    except Exception:  # noqa: BLE001 - find the article that fails, one at a time
        sketches = iter([_one(document, shingle) for document in documents])
    out: list[Result] = []
    read = iter(urls)
    for document in parsed:
        if isinstance(document, Exception):
            out.append(document)
            continue
        result, url = next(sketches), next(read)
        if isinstance(result, Exception):
            out.append(result)
        else:
            title = document.title.text if document.title else None
            out.append((result, title, url, document.language.code))
    return out


def _one(document: Document, shingle: int) -> Sketch | Exception:
    try:
        return sketch(document, shingle=shingle)
    except Exception as exc:  # noqa: BLE001
        return exc


def sketch_articles(
    items: Iterable[tuple[Tag, Article]],
    *,
    shingle: int = SHINGLE,
    map_chunks: MapChunks | None = None,
    max_chars: int | None = None,
) -> Iterator[tuple[Tag, Article, Result]]:
    """Sketch each (tag, article), yielding (tag, article, result) in the order given: in
    this process, or as `map_chunks` says (in local processes, on a Dask cluster)."""
    work = partial(_sketch_chunk, shingle=shingle, max_chars=max_chars)
    if map_chunks is None:
        mapped = _in_process(work, items)
    else:
        mapped = map_chunks(work, items, chunk=CHUNK)
    for (tag, article), result in mapped:
        yield tag, article, result


def _in_process(
    work: Callable[[list[Any]], list[Result]], items: Iterable[Any]
) -> Iterator[tuple[Any, Result]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield from zip(chunk, work(chunk), strict=True)


def _sketch_chunk(
    chunk: list[tuple[Tag, Article]], *, shingle: int, max_chars: int | None = None
) -> list[Result]:
    return sketch_each([article for _, article in chunk], shingle, max_chars)
