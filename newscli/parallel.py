"""Map a function over a stream in chunks, here or in worker processes, in input order.

Every corpus command streams through `ordered_map`: the items are cut into chunks, each
chunk goes to a worker as one message, and results come back in input order whatever the
number of workers. At most WINDOW chunks per worker are in flight, so a million-line
corpus streams through in bounded memory. With one job, or fewer than two chunks of
input, no process is started: a handful of articles never pays for starting workers.
"""

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from itertools import chain, islice
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
#: a way to map work over chunks of items: (work, items, *, chunk) -> (item, result) pairs in
#: input order; `ordered_map` with its jobs here, or `cluster.cluster_map` with a client
MapChunks = Callable[..., Iterator[tuple[Any, Any]]]
#: chunks in flight per worker
WINDOW = 3


def ordered_map(
    work: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    *,
    jobs: int = 1,
    chunk: int = 64,
) -> Iterator[tuple[Item, Result]]:
    """Yield (item, result) in input order; `work` maps a chunk to one result per item.

    `work` and the items must pickle when `jobs` > 1. `work` should return failures in
    its results rather than raise; a chunk whose results cannot come back from a worker
    is redone in this process.
    """
    parts = chunks(items, chunk)
    head = list(islice(parts, 2))
    if jobs <= 1 or len(head) < 2:
        for part in chain(head, parts):
            yield from zip(part, work(part), strict=True)
        return
    import os
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_watch_parent, initargs=(os.getpid(),))
    try:
        window: deque[tuple[list[Item], Future[list[Result]]]] = deque()
        for part in chain(head, parts):
            window.append((part, pool.submit(work, part)))
            if len(window) >= jobs * WINDOW:
                yield from _collect(work, *window.popleft())
        while window:
            yield from _collect(work, *window.popleft())
    finally:
        # a reader that stops early (| head) must not wait for the chunks in flight
        pool.shutdown(wait=True, cancel_futures=True)


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while part := list(islice(iterator, size)):
        yield part


def _collect(
    work: Callable[[list[Item]], list[Result]], part: list[Item], future: "Future[list[Result]]"
) -> Iterator[tuple[Item, Result]]:
    try:
        results = future.result()
    except Exception:  # noqa: BLE001 - a result that cannot cross processes: redo it here
        results = work(part)
    yield from zip(part, results, strict=True)


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
