"""The same work on a Dask cluster: chunks to workers, results back in input order.

`cluster_map` is `pool.ordered_map` with a Dask distributed scheduler in place of
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
from newscli.running.pool import WINDOW, chunks

Item = TypeVar("Item")
Result = TypeVar("Result")
#: how long to wait for a scheduler before saying it cannot be reached
CONNECT_SECONDS = 10
#: how long the probe waits to connect, and then for the scheduler's first words: a wrong
#: address costs at most twice this, plus a name lookup
PROBE_SECONDS = 3
#: a Dask comm's first message, the listener's handshake, is a few hundred bytes: its
#: 8-byte length prefix above this is someone else's protocol (an SSH banner reads as
#: exabytes)
HANDSHAKE_MAX_BYTES = 1 << 20
#: the port a scheduler listens on when the address names none (`dask scheduler`'s)
DEFAULT_PORT = 8786


def connect(address: str) -> Any:
    """A client of the Dask scheduler at `address`, or a usage error saying why not."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(
            "--scheduler needs Dask's distributed scheduler",
            hint="pip install 'newscli[dask]'",
        ) from None
    probe(address)
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except Exception as err:  # noqa: BLE001 - whatever the client met: the address is wrong
        raise _unreachable(address, f"{type(err).__name__}: {err}") from None


def _unreachable(address: str, why: str) -> UsageError:
    return UsageError(
        f"cannot reach the Dask scheduler at {address} ({why})",
        hint="check the address, or start one with `dask scheduler`",
    )


def probe(address: str) -> None:
    """Check, within a few seconds, that a TCP address answers as a Dask scheduler does
    -- it speaks first, its handshake -- before Dask's client, which waits on a silent
    port and reads a banner's bytes as a message's length, is given it."""
    import socket
    import struct

    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme != "tcp":  # tls, ucx, ws...: their own handshakes; Dask's client checks
            return
        host, port = parse_host_port(location, DEFAULT_PORT)
    except ValueError as err:
        raise UsageError(
            f"--scheduler {address!r} is no scheduler address ({err})",
            hint="give tcp://HOST:PORT, as `dask scheduler` prints it",
        ) from None
    if not host:
        raise UsageError(
            f"--scheduler {address!r} names no host", hint="give tcp://HOST:PORT"
        ) from None
    try:
        with socket.create_connection((host, port), timeout=PROBE_SECONDS) as connection:
            head = b""
            while len(head) < 8:
                data = connection.recv(8 - len(head))
                if not data:
                    raise _unreachable(address, "it closed the connection without a word")
                head += data
    except socket.gaierror as err:
        raise _unreachable(address, f"no such host: {err.strerror}") from None
    except TimeoutError:
        raise _unreachable(
            address, f"no Dask scheduler answered within {PROBE_SECONDS} s"
        ) from None
    except OSError as err:
        raise _unreachable(address, err.strerror or str(err)) from None
    (length,) = struct.unpack("<Q", head)
    if not 0 < length <= HANDSHAKE_MAX_BYTES:
        raise _unreachable(address, "what answers there is not a Dask scheduler")


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
