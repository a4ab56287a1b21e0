"""What an input holds and how it is compressed, told by its name (or, for text that
plainly is a web page, by its first characters)."""

import os
from enum import StrEnum

STDIN_NAME = "-"


class Kind(StrEnum):
    """What an input file holds, told by its name."""

    text = "text"
    html = "html"
    warc = "warc"


#: the suffix before any compression suffix -> what the file holds
KIND_SUFFIXES = {
    ".txt": Kind.text,
    ".md": Kind.text,
    ".html": Kind.html,
    ".htm": Kind.html,
    ".xhtml": Kind.html,
    ".warc": Kind.warc,
    ".arc": Kind.warc,
}
#: compression suffix -> the module whose `open` reads it (zstandard: when installed)
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


def split_name(name: str) -> tuple[Kind | None, str | None]:
    """What a file holds and how it is compressed, from its name: ("html", ".gz")."""
    lower = name.lower()
    compression = next((c for c in COMPRESSION_SUFFIXES if lower.endswith(c)), None)
    if compression is not None:
        lower = lower[: -len(compression)]
    return KIND_SUFFIXES.get(os.path.splitext(lower)[1]), compression


#: what a JSONL corpus's files are called, before any compression suffix (--jsonl)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def is_jsonl(name: str) -> bool:
    lower = name.lower()
    compression = split_name(lower)[1]
    return lower.removesuffix(compression or "").endswith(JSONL_SUFFIXES)


#: what a Parquet corpus's files are called (--parquet): Spark and Dask write part-*.parquet
PARQUET_SUFFIX = ".parquet"


def is_parquet(name: str) -> bool:
    return name.lower().endswith(PARQUET_SUFFIX)


def looks_like_html(text: str) -> bool:
    """Whether a text plainly is an HTML document: it opens with a doctype or <html>."""
    # a BOM, decoded or as the latin-1 characters of its UTF-8 bytes, may come first
    head = text[:512].lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<?xml") and "<html" in head
    )


def crawl_of(source: str) -> str | None:
    """The crawl a source is a record of (`crawl.warc.gz:565` -> `crawl.warc.gz`), or the
    crawl itself (an error about it); None for any other source."""
    path, _, offset = source.rpartition(":")
    if offset.isdigit() and split_name(path)[0] is Kind.warc:
        return path
    return source if split_name(source)[0] is Kind.warc else None
