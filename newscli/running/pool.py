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
#: articles per message to a worker process (the runner's, and a shard's chunks)
CHUNK = 16


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
    import signal
    from concurrent.futures import ProcessPoolExecutor

    # Ctrl-C is the parent's to handle: the workers, forked on the first submit, start with
    # it blocked and then ignore it (a worker interrupted while holding the pool's queue
    # lock hung the run for good, and printed its own traceback)
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = ProcessPoolExecutor(
            max_workers=jobs, initializer=_watch_parent, initargs=(os.getpid(),)
        )
        first = head[0]
        window: deque[tuple[list[Item], Future[list[Result]]]] = deque(
            [(first, pool.submit(work, first))]
        )
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    interrupted = False
    try:
        for part in chain(head[1:], parts):
            window.append((part, pool.submit(work, part)))
            if len(window) >= jobs * WINDOW:
                yield from _collect(work, *window.popleft())
        while window:
            yield from _collect(work, *window.popleft())
    except KeyboardInterrupt:
        # the chunks in flight are not waited for: the workers are ended
        import multiprocessing

        interrupted = True
        for process in multiprocessing.active_children():
            process.terminate()
        raise
    finally:
        # a reader that stops early (| head) does not wait for the chunks not yet started
        pool.shutdown(wait=not interrupted, cancel_futures=True)


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
    """In a worker: leave Ctrl-C to the parent, and exit as soon as the parent is gone
    (killed, say), not linger."""
    import os
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
