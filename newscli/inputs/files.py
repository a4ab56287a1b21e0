"""The files a command line names: directories expanded into their article (or JSONL, or
Parquet) files, lazily and in sorted order."""

import os
from collections.abc import Iterator
from pathlib import Path

from newscli.errors import InputError
from newscli.inputs.kinds import STDIN_NAME, Kind, is_jsonl, is_parquet, split_name


def _files_in(directory: Path, jsonl: bool, parquet: bool) -> list[str | InputError]:
    """The directory's article files (with `jsonl`: its JSONL files; with `parquet`: its
    Parquet files, as Spark and Dask write a dataset), recursively, in
    sorted order; a subdirectory that cannot be read, or a link to nothing, among them as
    an error (a failed input, not a silent gap)."""
    found: list[tuple[Path, str | InputError]] = []

    def unreadable(err: OSError) -> None:
        where = Path(err.filename or directory)
        problem = f"cannot be read ({err.strerror or err})"
        found.append((where, InputError(problem, source=str(where), hint="check its permissions")))

    seen: set[str] = set()
    for root, subdirectories, names in os.walk(directory, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree: walked already
            subdirectories.clear()
            continue
        seen.add(real)
        for name in names:
            if parquet:
                wanted = is_parquet(name)
            else:
                wanted = is_jsonl(name) if jsonl else split_name(name)[0] is not None
            if not wanted:
                continue
            path = Path(root, name)
            if path.is_file():
                found.append((path, str(path)))
            elif path.is_symlink() and not path.exists():
                found.append(
                    (
                        path,
                        InputError(
                            f"is a link to {os.readlink(path)}, which does not exist",
                            source=str(path),
                            hint="remove the link or restore its target",
                        ),
                    )
                )
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def expand(
    args: list[str], jsonl: bool = False, parquet: bool = False
) -> Iterator[str | InputError]:
    """Expand directories into their article files (with `jsonl`: their JSONL files; with
    `parquet`: their Parquet files), keeping argument order."""
    for arg in args:
        if arg == STDIN_NAME:
            yield arg
            continue
        path = Path(arg)
        if path.is_dir():
            files = _files_in(path, jsonl, parquet)
            if not files and parquet:
                yield InputError(
                    "directory holds no Parquet files (.parquet)",
                    source=arg,
                    hint="name the files themselves",
                )
            elif not files and jsonl:
                yield InputError(
                    "directory holds no JSONL files (.jsonl, .ndjson, also compressed)",
                    source=arg,
                    hint="name the files themselves",
                )
            elif not files:
                yield InputError(
                    "directory holds no article files (.txt, .md, .html, .htm, .warc, .arc)",
                    source=arg,
                    hint="name the files themselves, or use --jsonl for a JSONL corpus",
                )
            yield from files
        else:
            yield arg


def expects_many(args: list[str], jsonl: bool, parquet: bool = False) -> bool:
    """Whether an invocation names (possibly) several articles, fixing the JSON shape."""
    return (
        jsonl
        or parquet
        or len(args) > 1
        or any(os.path.isdir(a) or split_name(a)[0] is Kind.warc for a in args if a != STDIN_NAME)
    )
