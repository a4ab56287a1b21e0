"""The same work on a Dask cluster: chunks to workers, results back in input order.

`cluster_map` is `parallel.ordered_map` with a Dask distributed scheduler in place of
the local process pool: the same chunks go to the cluster's workers, at most WINDOW per
worker thread in flight (so a corpus of any size streams through in bounded memory), and
the results come back in input order. A worker lost mid-run costs nothing: the scheduler
runs its chunks again elsewhere, and a chunk that fails on the cluster itself is redone
here. Dask is imported only when a scheduler is named (`pip install 'newscli[dask]'`).
"""

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from newscli.errors import UsageError
from newscli.parallel import WINDOW, chunks

Item = TypeVar("Item")
Result = TypeVar("Result")
#: how long to wait for a scheduler before saying it cannot be reached
CONNECT_SECONDS = 10


def connect(address: str) -> Any:
    """A client of the Dask scheduler at `address`, or a usage error saying why not."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(
            "--scheduler needs Dask's distributed scheduler",
            hint="pip install 'newscli[dask]'",
        ) from None
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise UsageError(
            f"cannot reach the Dask scheduler at {address} ({err})",
            hint="check the address, or start one with `dask scheduler`",
        ) from None


def cluster_map(
    client: Any,
    work: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    *,
    chunk: int,
) -> Iterator[tuple[Item, Result]]:
    """Yield (item, result) in input order; `work` maps a chunk to one result per item and
    runs on the cluster's workers (it and the items must pickle)."""
    threads = sum(client.nthreads().values()) or 1
    window: deque[tuple[list[Item], Any]] = deque()
    try:
        for part in chunks(items, chunk):
            window.append((part, client.submit(work, part, pure=False)))
            if len(window) >= threads * WINDOW:
                yield from _collect(work, *window.popleft())
        while window:
            yield from _collect(work, *window.popleft())
    finally:
        # a reader that stops early (| head) leaves nothing running on the cluster
        client.cancel([future for _, future in window])


def _collect(
    work: Callable[[list[Item]], list[Result]], part: list[Item], future: Any
) -> Iterator[tuple[Item, Result]]:
    try:
        results = future.result()
    except Exception:  # noqa: BLE001 - a chunk the cluster could not run: redo it here
        results = work(part)
    yield from zip(part, results, strict=True)
