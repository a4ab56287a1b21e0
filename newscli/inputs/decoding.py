"""Bytes to text: UTF-8 or the encoding the user names, and a web page's charset as a
browser finds it."""

import codecs
import re

from newscli.errors import InputError, UsageError


def decode(data: bytes, source: str, encoding: str | None) -> str:
    """Decode bytes as UTF-8 (a BOM is accepted and removed) or as `encoding`."""
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise UsageError(
                f"unknown encoding {encoding!r}", hint="name a Python codec, e.g. latin-1"
            ) from None
        except UnicodeDecodeError as err:
            raise InputError(
                f"cannot be decoded as {encoding} (byte 0x{data[err.start]:02x} at offset "
                f"{err.start})",
                source=source,
                hint="pass the file's real encoding with --encoding",
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
            source=source,
            hint="pass its encoding, e.g. --encoding cp1252",
        ) from None


def check_text(text: str, source: str) -> str:
    if "\x00" in text:
        raise InputError(
            "contains NUL bytes; it looks like a binary file",
            source=source,
            hint="pass plain-text articles (or --encoding utf-16 if that is what it is)",
        )
    return text


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE
)
#: how far into a page its <meta charset> is looked for (the HTML standard's prescan: 1024)
_PRESCAN = 4096
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: labels browsers read as windows-1252 (the WHATWG Encoding Standard), which is a
#: superset of them: pages labelled Latin-1 are nearly always written in it
_AS_WINDOWS_1252 = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})


def _codec(label: str | bytes | None) -> str | None:
    """The Python codec for a charset label, or None for a label no codec knows."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def decode_page(
    data: bytes, source: str, encoding: str | None = None, *, declared: str | None = None
) -> str:
    """A page's text: its charset from --encoding, the BOM, its <meta charset>, the
    HTTP header `declared`, then UTF-8. A page whose label lies (or that has none and is
    not UTF-8) is read as windows-1252, as browsers do; bytes that fit no candidate
    become U+FFFD. Never raises for the bytes alone."""
    if encoding is not None:
        return decode(data, source, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    meta = _META_CHARSET.search(data, 0, _PRESCAN)
    candidates = [_codec(meta[1] if meta else None), _codec(declared), "utf-8", "cp1252"]
    tried = [c for i, c in enumerate(candidates) if c and c not in candidates[:i]]
    for codec in tried:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(tried[0], errors="replace")
