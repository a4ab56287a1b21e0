"""--format parquet: a command's records as a Parquet file, typed from `newscli.schema`.

The Arrow schema is derived from the command's record TypedDicts, so it cannot drift from
the JSON records: a sub-record is a struct, a list a list (never a JSON string), a StrEnum
a string, a key that is `NotRequired` (or may be null) a nullable column. A command with
several record shapes (readability's skipped articles) gets the union of their fields. An
id, which JSON gives as it was in the input (a string or a number), is a string column.
pyarrow is imported only here, when a shard is written.
"""

from enum import StrEnum
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from newscli.schema import Record, fields

#: records per row group written: a few MB, so a shard is written in bounded memory
ROWS_PER_GROUP = 1024


def _is_typed_dict(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "__required_keys__")


def _arrow_type(annotation: Any) -> tuple[Any, bool]:
    """The Arrow type of an annotation, and whether it may be null."""
    import pyarrow as pa

    scalars = {str: pa.string(), bool: pa.bool_(), int: pa.int64(), float: pa.float64()}
    if annotation in scalars:
        return scalars[annotation], False
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return pa.string(), False
    if _is_typed_dict(annotation):
        return pa.struct(_arrow_fields((annotation,))), False
    origin = get_origin(annotation)
    if origin is list:
        (item,) = get_args(annotation)
        item_type, item_nullable = _arrow_type(item)
        return pa.list_(pa.field("item", item_type, nullable=item_nullable)), False
    if origin in (Union, UnionType):
        members = [arg for arg in get_args(annotation) if arg is not NoneType]
        nullable = len(members) < len(get_args(annotation))
        if set(members) == {str, int}:  # an id as the input gave it
            return pa.string(), nullable
        if len(members) == 1:
            return _arrow_type(members[0])[0], nullable
    raise TypeError(f"no Arrow type for {annotation!r}")


def _arrow_fields(record_types: tuple[type, ...]) -> list[Any]:
    """The fields of one or several TypedDicts, in their declared order, the first's first;
    a field is nullable unless every one requires it and none lets it be null."""
    import pyarrow as pa

    found: dict[str, tuple[Any, bool]] = {}
    for record_type in record_types:
        hints = get_type_hints(record_type)
        for key in fields(record_type):
            arrow_type, nullable = _arrow_type(hints[key])
            if key in found:
                if found[key][0] != arrow_type:
                    raise TypeError(f"{key!r} is {found[key][0]} in one record, {arrow_type}")
                nullable = nullable or found[key][1]
            found[key] = (arrow_type, nullable)
    return [
        pa.field(
            key,
            arrow_type,
            nullable=nullable
            or not all(key in getattr(t, "__required_keys__", ()) for t in record_types),
        )
        for key, (arrow_type, nullable) in found.items()
    ]


def arrow_schema(record_types: tuple[type, ...]) -> Any:
    """The Arrow schema of a command's records (`newscli.commands.RECORDS`)."""
    import pyarrow as pa

    return pa.schema(_arrow_fields(record_types))


def _ids_as_strings(annotation: Any) -> bool:
    members = {arg for arg in get_args(annotation) if arg is not NoneType}
    return get_origin(annotation) in (Union, UnionType) and members == {str, int}


class ParquetRecords:
    """Writes records to one Parquet file, a row group every `ROWS_PER_GROUP` records."""

    def __init__(self, path: str, record_types: tuple[type, ...]):
        import pyarrow.parquet as pq

        self.schema = arrow_schema(record_types)
        hints: dict[str, Any] = {}
        for record_type in record_types:
            hints.update(get_type_hints(record_type))
        #: the top-level ids, which a string column holds whatever the input gave
        self._ids = [key for key, annotation in hints.items() if _ids_as_strings(annotation)]
        self._writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self._rows: list[Record] = []

    def write(self, record: Record) -> None:
        for key in self._ids:
            if record.get(key) is not None and not isinstance(record[key], str):
                record = {**record, key: str(record[key])}
        self._rows.append(record)
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def __enter__(self) -> "ParquetRecords":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
