"""Compressed inputs: a file opened as its name says (gzip, bz2, xz, zstd), standard input
as its first bytes say, and a broken stream's error in words."""

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from newscli.errors import InputError
from newscli.inputs.kinds import split_name


def open_input(path: Path, source: str) -> BinaryIO:
    """The file as a binary stream, decompressed as its name says; a read error is an
    `InputError` naming the source."""
    return _open(path, source, split_name(path.name)[1])


def open_raw(path: Path, source: str) -> BinaryIO:
    """The file's bytes as stored, compressed or not."""
    return _open(path, source, None)


_OPENERS: dict[str | None, Callable[..., Any]] = {
    ".gz": gzip.open,
    ".bz2": bz2.open,
    ".xz": lzma.open,
    None: open,
}


def _open(path: Path, source: str, compression: str | None) -> BinaryIO:
    try:
        if compression == ".zst":
            try:
                import zstandard
            except ImportError:
                raise InputError(
                    "is compressed with zstd, which needs the zstandard package",
                    source=source,
                    hint="pip install zstandard, or decompress it first",
                ) from None
            return zstandard.open(path, "rb")  # type: ignore[no-any-return]
        return _OPENERS[compression](path, "rb")  # type: ignore[no-any-return]
    except FileNotFoundError:
        raise InputError("no such file", source=source, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory", source=source) from None
    except PermissionError:
        raise InputError("permission denied", source=source, hint="check its permissions") from None
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror})", source=source) from None


#: how a compressed stream begins -> the module whose `open` reads it (standard input
#: has no name to tell)
COMPRESSION_MAGIC = {b"\x1f\x8b": gzip, b"BZh": bz2, b"\xfd7zXZ\x00": lzma}


class _Prefixed(io.RawIOBase):
    """A stream's first bytes, already read, and then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.head[: len(buffer)] if self.head else self.rest.read(len(buffer))
        self.head = self.head[len(data) :]
        buffer[: len(data)] = data
        return len(data)


def decompressed_stdin(stdin: BinaryIO) -> BinaryIO:
    """Standard input, decompressed when it begins as gzip, bz2 or xz data does
    (`zcat` is not needed: `newscli parse < article.txt.gz`)."""
    head = stdin.read(6)
    stream = io.BufferedReader(_Prefixed(head, stdin))
    for magic, module in COMPRESSION_MAGIC.items():
        if head.startswith(magic):
            return module.open(stream, "rb")  # type: ignore[no-any-return]
    return stream


#: what a broken compressed stream or a failing disk raises while it is read
READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


def _without_bytes(detail: str) -> str:
    """A library's message without the raw bytes it may quote ("Not a gzipped file
    (b'\\x00\\x8b')"): an error line names what is wrong, never prints payload."""
    quoted = [i for i in (detail.find("b'"), detail.find('b"')) if i >= 0]
    if quoted:
        detail = detail[: min(quoted)].rstrip(" (:,")
    return "".join(c if c.isprintable() else "?" for c in detail)[:200]


def read_error(err: BaseException, source: str) -> InputError:
    """A failure while reading a stream, as one line naming the input and what to do."""
    detail = _without_bytes(str(err)) or type(err).__name__
    if isinstance(err, EOFError):
        return InputError(
            f"ends before its compressed stream does ({detail})",
            source=source,
            hint="the file is cut off; download or copy it again",
        )
    if (
        isinstance(err, zlib.error | lzma.LZMAError | gzip.BadGzipFile)
        or "compress" in detail.lower()
    ):
        return InputError(
            f"is not a valid compressed file ({detail})",
            source=source,
            hint="check the file; its name's suffix must match its compression",
        )
    return InputError(f"cannot be read ({detail})", source=source)


def read_all(path: Path, source: str) -> bytes:
    with open_input(path, source) as stream:
        try:
            return stream.read()
        except READ_ERRORS as err:
            raise read_error(err, source) from None
