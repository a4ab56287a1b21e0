"""The parsing core's own view of a document: what `newscli parse` prints."""

from dataclasses import asdict
from typing import cast

from newscli.document import Document
from newscli.schema import DroppedSpan, Metadata, ParseView


def dropped_spans(document: Document) -> list[DroppedSpan]:
    """What cleaning left out of the body, and why."""
    return [
        {"text": d.text, "start": d.start, "end": d.end, "reason": d.reason}
        for d in document.dropped
    ]


def describe(document: Document, *, tokens: bool = False) -> ParseView:
    """Title, metadata, dropped spans, paragraphs and sentences, with their offsets."""
    title = document.title
    record: ParseView = {
        "title": None
        if title is None
        else {"text": title.text, "start": title.start, "end": title.end},
        "language": document.language.code,
        "language_confidence": document.language.confidence,
        "metadata": cast(Metadata, asdict(document.metadata)),
        "dropped": dropped_spans(document),
        "paragraphs": [
            {"index": p.index, "text": p.text, "start": p.start, "end": p.end}
            for p in document.paragraphs
        ],
        "sentences": [
            {
                "index": s.index,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
            }
            for s in document.sentences
        ],
    }
    if tokens:
        record["tokens"] = [
            {"text": t.text, "start": t.start, "end": t.end, "sentence": t.sentence}
            for t in document.tokens
        ]
    return record
