"""One record per article for each per-document command: parse once, analyze, label.

These are plain module-level functions of an `Article` and the command's options, so
that `newscli.running` can send them to worker processes (a `functools.partial` of one
pickles). The analyses they call are imported when first used, which keeps start-up fast
and lets a worker load only what its command needs.
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from newscli.document import Document
from newscli.errors import NewscliError
from newscli.inputs import Article, extracted
from newscli.language import left_out
from newscli.schema import (
    AnalyzeRecord,
    EntitiesRecord,
    Labels,
    ParseRecord,
    QuotesRecord,
    ReadabilityByParagraphRecord,
    ReadabilityRecord,
    Record,
    SkippedRecord,
    SummaryMethod,
    SummaryRecord,
    Titled,
)

if TYPE_CHECKING:
    from newscli.ner import EntitySpan

#: what analysing one input gives: its record, or the error it raised
Outcome = Record | Exception


def analyze_chunk(
    analyze: Any,
    items: Sequence[Article | NewscliError],
    *,
    max_chars: int | None = None,
    with_text: bool = False,
    with_dropped: bool = False,
) -> list[Outcome]:
    """Each article's record, or the exception analysing it raised (never raised here).

    Unreadable inputs (errors from `read_articles`) pass through in their place. A web
    page's text is extracted first. An article longer than `max_chars` is then cut there
    and its record says so; `with_text` puts the text the offsets index in the record, and
    `with_dropped` the spans cleaning dropped (`parse`'s `dropped`), for an HTML page to
    show them. When `analyze` reads entity tags, the chunk's articles that need them are
    tagged in one call first (`tagged_together`).
    """
    global _keep_parses
    articles: list[tuple[Article, Article] | Exception] = []  # (as read, as analysed)
    for item in items:
        if isinstance(item, Exception):
            articles.append(item)
            continue
        try:
            whole = extracted(item)
            articles.append((whole, whole if max_chars is None else whole.cut(max_chars)))
        except Exception as exc:  # noqa: BLE001 - one bad article must not lose the rest
            articles.append(exc)
    out: list[Outcome] = []
    _keep_parses = True
    try:
        tagged = tagged_together(
            analyze, [entry[1] for entry in articles if not isinstance(entry, Exception)]
        )
        for entry in articles:
            if isinstance(entry, Exception):
                out.append(entry)
                continue
            whole, article = entry
            try:
                spans = tagged.get(id(article))
                record = analyze(article) if spans is None else analyze(article, spans=spans)
            except Exception as exc:  # noqa: BLE001 - one bad article must not lose the rest
                out.append(exc)
                continue
            if article is not whole:
                record["truncated"] = max_chars
            if with_text:
                record["text"] = article.text
            if with_dropped and "dropped" not in record:
                from newscli.analysis.parse import dropped_spans

                record["dropped"] = dropped_spans(parsed(article))
            out.append(record)
    finally:
        _keep_parses = False
        _parses.clear()
    return out


def tagged_together(analyze: Any, articles: list[Article]) -> dict[int, list["EntitySpan"]]:
    """The entity spans of each article `analyze` would tag, by the article's identity, all
    tagged in one call: decoding a chunk's sentences together costs far less than one
    article at a time. Empty when `analyze` tags none of them (the model is then not even
    loaded); when the tagger fails on one, each article is left to fail alone."""
    wants_tags = _wants_tags(analyze)
    if wants_tags is None:
        return {}
    chosen: list[tuple[Article, Document]] = []
    for article in articles:
        try:
            document = parsed(article)
        except Exception:  # noqa: BLE001 - its own analysis reports it
            continue
        if wants_tags(document):
            chosen.append((article, document))
    if not chosen:
        return {}
    from newscli import ner

    try:
        spans = ner.tag_documents([document for _, document in chosen])
    except Exception:  # noqa: BLE001 - each article is tagged alone, and fails alone
        return {}
    return {id(article): found for (article, _), found in zip(chosen, spans, strict=True)}


def _wants_tags(analyze: Any) -> Callable[[Document], bool] | None:
    """Which documents the record builder `analyze` (or a partial of one) tags, as it
    decides itself; None for a builder that never does."""
    builder = getattr(analyze, "func", analyze)
    if builder is entities_record:
        from newscli.analysis import entities

        return lambda document: (
            left_out("entities", entities.LANGUAGES, document.language.code) is None
        )
    if builder is quotes_record:
        from newscli.analysis import quotes

        indirect = getattr(analyze, "keywords", {}).get("indirect", False)
        # as `quotes` does: no tags for an article that quotes no one
        return lambda document: (
            left_out("quotes", quotes.LANGUAGES, document.language.code) is None
            and bool(indirect or quotes.find_quotations(document))
        )
    if builder is analyze_record:
        return lambda document: _tags_for_analyze(document.language.code)
    return None


#: articles' Documents by the article's identity: the record builder, `tagged_together`
#: before it and `with_dropped` after it ask for the same parse. Inside `analyze_chunk` it
#: holds the chunk's articles; outside, only the last one parsed.
_parses: dict[int, tuple[Article, Document]] = {}
_keep_parses = False


def parsed(article: Article) -> Document:
    known = _parses.get(id(article))
    if known is not None and known[0] is article:
        return known[1]
    from newscli.document import parse

    document = parse(
        article.text, title=article.title, page=article.page, language=article.language
    )
    if not _keep_parses:
        _parses.clear()
    _parses[id(article)] = (article, document)
    return document


def labels(article: Article) -> Labels:
    """source, id (for JSONL records that have one), a web page's url and capture date."""
    record: Labels = {"source": article.source}
    if article.id is not None:
        record["id"] = article.id
    if article.url is not None:
        record["url"] = article.url
    if article.captured is not None:
        record["captured"] = article.captured
    return record


def title_of(document: Document) -> str | None:
    return document.title.text if document.title else None


def titled(article: Article, document: Document, skipped: Sequence[str | None] = ()) -> Titled:
    """What every per-document record starts with: labels, title and language, and why
    any analysis was left out (`skipped`: each analysis's `left_out`, None where it ran)."""
    record: Titled = {
        **labels(article),
        "title": title_of(document),
        "language": document.language.code,
        "language_confidence": document.language.confidence,
    }
    page = article.page
    if page is not None:  # what a web page says of itself, where it says it
        if page.byline:
            record["byline"] = page.byline
        if page.date:
            record["date"] = page.date
        if page.site_name:
            record["site_name"] = page.site_name
    reasons = [reason for reason in skipped if reason is not None]
    if reasons:
        record["skipped"] = reasons
    return record


def parse_record(article: Article, *, tokens: bool = False) -> ParseRecord:
    from newscli.analysis.parse import describe

    record: ParseRecord = {**labels(article), **describe(parsed(article), tokens=tokens)}
    if article.page is not None:  # the text the offsets index is not the input's
        record["text"] = article.text
    return record


def readability_record(
    article: Article, *, by_paragraph: bool = False
) -> ReadabilityRecord | ReadabilityByParagraphRecord | SkippedRecord:
    from newscli.analysis import readability

    document = parsed(article)
    reason = left_out("readability", readability.LANGUAGES, document.language.code)
    if reason is not None and not by_paragraph:
        skipped: SkippedRecord = {**titled(article, document, [reason])}
        return skipped
    if by_paragraph:
        paragraphs: ReadabilityByParagraphRecord = {
            **titled(article, document, [reason]),
            "paragraphs": []
            if reason
            else readability.analyze_by_paragraph(document, _rules(document)),
        }
        return paragraphs
    whole: ReadabilityRecord = {
        **titled(article, document),
        **readability.analyze(document, _rules(document)),
    }
    return whole


def _rules(document: Document) -> str:
    """The language whose readability rules score the document: its own, or English for
    text with no language to tell (which `left_out` lets every analysis read)."""
    from newscli.analysis.readability import LANGUAGES

    code = document.language.code
    return code if code in LANGUAGES else "en"


def summary_record(article: Article, **options: Any) -> SummaryRecord:
    """`options` are `analysis.summarize.summarize`'s: budget, method, order, ranking."""
    from newscli.analysis import summarize

    document = parsed(article)
    method = options.get("method", SummaryMethod.newscli)
    reason = left_out(f"summary ({method})", summarize.languages(method), document.language.code)
    if reason is not None:
        skipped: SummaryRecord = {
            **titled(article, document, [reason]),
            "method": method,
            "summary": "",
            "sentences": [],
        }
        return skipped
    record: SummaryRecord = {
        **titled(article, document),
        **summarize.summarize(document, **options),
    }
    return record


def quotes_record(
    article: Article,
    *,
    include_all: bool = False,
    indirect: bool = False,
    speaker: str | None = None,
    by_speaker: bool = False,
    spans: Sequence["EntitySpan"] | None = None,
) -> QuotesRecord:
    """`spans`: the article's entity tags, when tagged already (`tagged_together`)."""
    from newscli.analysis.quotes import LANGUAGES, quotes, speakers

    document = parsed(article)
    reason = left_out("quotes", LANGUAGES, document.language.code)
    found = (
        []
        if reason
        else quotes(document, include_all=include_all, indirect=indirect, entities=spans)
    )
    if speaker is not None:
        wanted = speaker.lower()
        found = [
            q
            for q in found
            if wanted in (q["speaker"] or "").lower()
            or wanted in (q["speaker_mention"] or "").lower()
        ]
    record: QuotesRecord = {**titled(article, document, [reason]), "quotes": found}
    if by_speaker:
        record["speakers"] = speakers(found)
    return record


def entities_record(
    article: Article,
    *,
    types: frozenset[str] = frozenset(),
    spans: Sequence["EntitySpan"] | None = None,
) -> EntitiesRecord:
    """`spans`: the article's entity tags, when tagged already (`tagged_together`)."""
    from newscli import ner
    from newscli.analysis.entities import LANGUAGES, entities

    document = parsed(article)
    reason = left_out("entities", LANGUAGES, document.language.code)
    found = []
    if not reason:
        found = entities(document, ner.tag_document(document) if spans is None else spans)
    record: EntitiesRecord = {
        **titled(article, document, [reason]),
        "entities": [e for e in found if not types or e["type"] in types],
    }
    return record


def _tags_for_analyze(language: str) -> bool:
    """Whether `analyze_record` tags an article in `language`: quotes or entities read it."""
    from newscli.analysis import entities, quotes

    return (
        left_out("quotes", quotes.LANGUAGES, language) is None
        or left_out("entities", entities.LANGUAGES, language) is None
    )


def analyze_record(
    article: Article, *, spans: Sequence["EntitySpan"] | None = None
) -> AnalyzeRecord:
    """Every per-document analysis of one parse: the corpus command's record. An analysis
    that does not read the article's language is left out (null or empty) and says why.
    `spans`: the article's entity tags, when tagged already (`tagged_together`)."""
    from newscli import ner
    from newscli.analysis import entities, quotes, readability, summarize

    document = parsed(article)
    language = document.language.code
    reasons = {
        "readability": left_out("readability", readability.LANGUAGES, language),
        "summary": left_out("summary", summarize.languages(SummaryMethod.newscli), language),
        "quotes": left_out("quotes", quotes.LANGUAGES, language),
        "entities": left_out("entities", entities.LANGUAGES, language),
    }
    summary = None if reasons["summary"] else summarize.summarize(document)
    # the tagger's spans serve both quotes (speakers) and entities
    if spans is None:
        spans = ner.tag_document(document) if _tags_for_analyze(language) else []
    record: AnalyzeRecord = {
        **titled(article, document, list(reasons.values())),
        "readability": None
        if reasons["readability"]
        else readability.analyze(document, _rules(document)),
        "summary": None
        if summary is None
        else {"text": summary["summary"], "sentences": summary["sentences"]},
        "quotes": [] if reasons["quotes"] else quotes.quotes(document, entities=spans),
        "entities": [] if reasons["entities"] else entities.entities(document, spans),
    }
    return record
