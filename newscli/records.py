"""One record per article for each per-document command: parse once, analyze, label.

These are plain module-level functions of an `Article` and the command's options, so
that `newscli.parallel` can send them to worker processes (a `functools.partial` of one
pickles). The analyses they call are imported when first used, which keeps start-up fast
and lets a worker load only what its command needs.
"""

from typing import Any

from newscli.document import Document
from newscli.errors import NewscliError
from newscli.inputs import Article, extracted

Record = dict[str, Any]
#: what analysing one input gives: its record, or the error it raised
Outcome = Record | Exception


def analyze_chunk(
    analyze: Any,
    items: list[Article | NewscliError],
    *,
    max_chars: int | None = None,
    with_text: bool = False,
) -> list[Outcome]:
    """Each article's record, or the exception analysing it raised (never raised here).

    Unreadable inputs (errors from `read_articles`) pass through in their place. A web
    page's text is extracted first. An article longer than `max_chars` is then cut there
    and its record says so; `with_text` puts the text the offsets index in the record.
    """
    out: list[Outcome] = []
    for item in items:
        if isinstance(item, Exception):
            out.append(item)
            continue
        try:
            whole = extracted(item)
            article = whole if max_chars is None else whole.cut(max_chars)
            record = analyze(article)
        except Exception as exc:  # noqa: BLE001 - one bad article must not lose the rest
            out.append(exc)
            continue
        if article is not whole:
            record["truncated"] = max_chars
        if with_text:
            record["text"] = article.text
        out.append(record)
    return out


def parsed(article: Article) -> Document:
    from newscli.document import parse

    return parse(article.text, title=article.title, page=article.page)


def base_record(article: Article, document: Document | None) -> Record:
    """source, id (for JSONL records that have one), a web page's url and capture date,
    and the title the parse found."""
    record: Record = {"source": article.source}
    if article.id is not None:
        record["id"] = article.id
    if article.url is not None:
        record["url"] = article.url
    if article.captured is not None:
        record["captured"] = article.captured
    if document is not None:
        record["title"] = document.title.text if document.title else None
    return record


def parse_record(article: Article, *, tokens: bool = False) -> Record:
    from newscli.analysis.parse import describe

    record = base_record(article, None)
    record.update(describe(parsed(article), tokens=tokens))
    if article.page is not None:  # the text the offsets index is not the input's
        record["text"] = article.text
    return record


def readability_record(article: Article, *, by_paragraph: bool = False) -> Record:
    from newscli.analysis import readability

    document = parsed(article)
    record = base_record(article, document)
    if by_paragraph:
        record["paragraphs"] = readability.readability_by_paragraph(document)
    else:
        record.update(readability.readability(document))
    return record


def summary_record(article: Article, **options: Any) -> Record:
    """`options` are `analysis.summarize.summarize`'s: budget, method, order, ranking."""
    from newscli.analysis.summarize import summarize

    document = parsed(article)
    record = base_record(article, document)
    record.update(summarize(document, **options))
    return record


def quotes_record(
    article: Article,
    *,
    include_all: bool = False,
    indirect: bool = False,
    speaker: str | None = None,
    by_speaker: bool = False,
) -> Record:
    from newscli.analysis.quotes import quotes, speakers

    document = parsed(article)
    record = base_record(article, document)
    found = quotes(document, include_all=include_all, indirect=indirect)
    if speaker is not None:
        wanted = speaker.lower()
        found = [
            q
            for q in found
            if wanted in (q["speaker"] or "").lower()
            or wanted in (q["speaker_mention"] or "").lower()
        ]
    record["quotes"] = found
    if by_speaker:
        record["speakers"] = speakers(found)
    return record


def entities_record(article: Article, *, types: frozenset[str] = frozenset()) -> Record:
    from newscli.analysis.entities import analyze

    document = parsed(article)
    record = base_record(article, document)
    record["entities"] = [e for e in analyze(document) if not types or e["type"] in types]
    return record


def analyze_record(article: Article) -> Record:
    """Every per-document analysis of one parse: the corpus command's record."""
    from newscli import ner
    from newscli.analysis import entities, quotes, readability, summarize

    document = parsed(article)
    record = base_record(article, document)
    record["readability"] = readability.readability(document)
    summary = summarize.summarize(document)
    record["summary"] = {"text": summary["summary"], "sentences": summary["sentences"]}
    spans = ner.tag_document(document)
    record["quotes"] = quotes.quotes(document, entities=spans)
    record["entities"] = entities.entities(document, spans)
    return record
