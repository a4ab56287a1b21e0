"""The two halves of a set we tune on: choose a rule on "tune", keep it only if "check" moves too.

A document's half is fixed by the CRC-32 of its id (UTF-8): even is "tune", odd is "check".
CRC-32 is stable across runs, machines and Python versions (unlike `hash`), and a document
keeps its half whatever else the file holds or in what order. PolNeAR documents are keyed
by their `id`; CoNLL-2003 documents, which have none, by `conll2003-dev-N`, N counting the
`-DOCSTART-` lines from 1.
"""

import zlib

TUNE = "tune"
CHECK = "check"
HALVES = (TUNE, CHECK)


def half(document_id: str) -> str:
    """The half a document belongs to."""
    return CHECK if zlib.crc32(document_id.encode("utf-8")) % 2 else TUNE
