"""Parse and sketch a stream of articles, in this process or in worker processes.

Results come back in input order whatever the number of workers, and at most a few
chunks of texts are in flight, so a million-article corpus streams through in bounded
memory. A failure on one article is returned in its place, never raised.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from itertools import chain, islice
from typing import TypeVar

from newscli.dedupe import SHINGLE
from newscli.dedupe.sketch import Sketch, sketch, sketch_many
from newscli.document import Document, parse
from newscli.inputs import Article

#: articles parsed and sketched together (one numpy pass, one message to a worker)
CHUNK = 256
#: chunks in flight per worker
WINDOW = 3

Tag = TypeVar("Tag")
#: what sketching an article gives: its sketch and parsed title, or the exception it raised
Result = tuple[Sketch, str | None] | Exception


def sketch_texts(items: list[tuple[str, str | None]], shingle: int = SHINGLE) -> list[Result]:
    """Parse and sketch (text, given title) pairs; each failure is returned in its place."""
    parsed: list[Document | Exception] = []
    for text, title in items:
        try:
            parsed.append(parse(text, title=title))
        except Exception as exc:  # noqa: BLE001 - reported for this article alone
            parsed.append(exc)
    documents = [d for d in parsed if isinstance(d, Document)]
    sketches: Iterator[Sketch | Exception]
    try:
        sketches = iter(sketch_many(documents, shingle=shingle))
    except Exception:  # noqa: BLE001 - find the article that fails, one at a time
        sketches = iter([_one(document, shingle) for document in documents])
    out: list[Result] = []
    for document in parsed:
        if isinstance(document, Exception):
            out.append(document)
            continue
        result = next(sketches)
        if isinstance(result, Exception):
            out.append(result)
        else:
            out.append((result, document.title.text if document.title else None))
    return out


def _one(document: Document, shingle: int) -> Sketch | Exception:
    try:
        return sketch(document, shingle=shingle)
    except Exception as exc:  # noqa: BLE001
        return exc


def sketch_articles(
    items: Iterable[tuple[Tag, Article]], *, shingle: int = SHINGLE, jobs: int = 1
) -> Iterator[tuple[Tag, Article, Result]]:
    """Sketch each (tag, article), yielding (tag, article, result) in the order given.

    With `jobs` > 1, chunks go to that many worker processes -- but only once there is
    more than one chunk, so a handful of articles never pays for starting them.
    """
    chunks = _chunks(items)
    head = list(islice(chunks, 2))
    if jobs <= 1 or len(head) < 2:
        for chunk in chain(head, chunks):
            yield from _zip(chunk, sketch_texts(_texts(chunk), shingle))
        return
    import os
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_watch_parent, initargs=(os.getpid(),)
    ) as pool:
        window: deque[tuple[list[tuple[Tag, Article]], Future[list[Result]]]] = deque()
        for chunk in chain(head, chunks):
            window.append((chunk, pool.submit(sketch_texts, _texts(chunk), shingle)))
            if len(window) >= jobs * WINDOW:
                yield from _collect(*window.popleft(), shingle)
        while window:
            yield from _collect(*window.popleft(), shingle)


def _watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the parent is gone (killed, say), not linger."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _chunks(items: Iterable[tuple[Tag, Article]]) -> Iterator[list[tuple[Tag, Article]]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _texts(chunk: list[tuple[Tag, Article]]) -> list[tuple[str, str | None]]:
    return [(article.text, article.title) for _, article in chunk]


def _zip(
    chunk: list[tuple[Tag, Article]], results: list[Result]
) -> Iterator[tuple[Tag, Article, Result]]:
    for (tag, article), result in zip(chunk, results, strict=True):
        yield tag, article, result


def _collect(
    chunk: list[tuple[Tag, Article]], future: "Future[list[Result]]", shingle: int
) -> Iterator[tuple[Tag, Article, Result]]:
    try:
        results = future.result()
    except Exception:  # noqa: BLE001 - a result that cannot cross processes: redo it here
        results = sketch_texts(_texts(chunk), shingle)
    yield from _zip(chunk, results)
