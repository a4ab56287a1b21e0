"""One record per article for each per-document command: parse once, analyze, label.

The record functions are plain module-level functions of an `Article`, its `Document`
and the command's options (named as on the command line), so that `newscli.running` can
send an `Analysis` of one to worker processes (it pickles). The analyses they call are
imported when first used, which keeps start-up fast and lets a worker load only what its
command needs.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newscli.document import Document
from newscli.errors import NewscliError
from newscli.inputs import Article, extracted
from newscli.language import ANY, left_out
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


@dataclass(frozen=True)
class Analysis:
    """A command's record function with its options given: what a chunk's articles go
    through. Only module-level functions and plain values, so that it pickles."""

    #: (article, document, **options) -> the record; `spans=` too when it reads tags
    record: Callable[..., Any]
    options: Mapping[str, Any] = field(default_factory=dict)
    #: (document, options) -> whether the record reads the document's entity tags
    tags: Callable[[Document, Mapping[str, Any]], bool] | None = None

    def __call__(
        self, article: Article, document: Document, spans: Sequence["EntitySpan"] | None = None
    ) -> Any:
        if spans is None:
            return self.record(article, document, **self.options)
        return self.record(article, document, spans=spans, **self.options)

    def wants_tags(self, document: Document) -> bool:
        return self.tags is not None and self.tags(document, self.options)


class Parses:
    """The articles of one chunk parsed, each once: `tagged_together`, the record function
    and `with_dropped` ask for the same parse. Made by `analyze_chunk` for its chunk and
    gone with it."""

    def __init__(self) -> None:
        #: by the article's identity; the article is kept so that the identity stays its own
        self._documents: dict[int, tuple[Article, Document]] = {}

    def __call__(self, article: Article) -> Document:
        known = self._documents.get(id(article))
        if known is not None:
            return known[1]
        from newscli.document import parse

        document = parse(
            article.text, title=article.title, page=article.page, language=article.language
        )
        self._documents[id(article)] = (article, document)
        return document


def analyze_chunk(
    analyze: Analysis,
    items: Sequence[Article | NewscliError],
    *,
    max_chars: int | None = None,
    with_text: bool = False,
    with_dropped: bool = False,
) -> list[Outcome]:
    """Each article's record, or the exception analysing it raised (never raised here).

    `analyze` is an `Analysis` (typed Any: the runner's modules name it a callable of an
    article). Unreadable inputs (errors from `read_articles`) pass through in their place. A web
    page's text is extracted first. An article longer than `max_chars` is then cut there
    and its record says so; `with_text` puts the text the offsets index in the record, and
    `with_dropped` the spans cleaning dropped (`parse`'s `dropped`), for an HTML page to
    show them. When `analyze` reads entity tags, the chunk's articles that need them are
    tagged in one call first (`tagged_together`).
    """
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
    parses = Parses()
    tagged = tagged_together(
        analyze, [entry[1] for entry in articles if not isinstance(entry, Exception)], parses
    )
    for entry in articles:
        if isinstance(entry, Exception):
            out.append(entry)
            continue
        whole, article = entry
        try:
            record = analyze(article, parses(article), tagged.get(id(article)))
        except Exception as exc:  # noqa: BLE001 - one bad article must not lose the rest
            out.append(exc)
            continue
        if article is not whole:
            record["truncated"] = max_chars
        if with_text:
            record["text"] = article.text
        if with_dropped and "dropped" not in record:
            from newscli.analysis.parse import dropped_spans

            record["dropped"] = dropped_spans(parses(article))
        out.append(record)
    return out


def tagged_together(
    analyze: Analysis, articles: list[Article], parses: Parses
) -> dict[int, list["EntitySpan"]]:
    """The entity spans of each article `analyze` would tag, by the article's identity, all
    tagged in one call: decoding a chunk's sentences together costs far less than one
    article at a time. Empty when `analyze` tags none of them (the model is then not even
    loaded); when the tagger fails on one, each article is left to fail alone."""
    if analyze.tags is None:
        return {}
    chosen: list[tuple[Article, Document]] = []
    for article in articles:
        try:
            document = parses(article)
        except Exception:  # noqa: BLE001 - its own analysis reports it
            continue
        if analyze.wants_tags(document):
            chosen.append((article, document))
    if not chosen:
        return {}
    from newscli import ner

    try:
        spans = ner.tag_documents([document for _, document in chosen])
    except Exception:  # noqa: BLE001 - each article is tagged alone, and fails alone
        return {}
    return {id(article): found for (article, _), found in zip(chosen, spans, strict=True)}


# --- which languages each analysis reads ---------------------------------------------


def reads(analysis: str, method: str = SummaryMethod.newscli) -> frozenset[str]:
    """The languages `analysis` reads (empty: every one): "readability", "summary" (by
    `method`), "quotes" or "entities". Its module is imported when first asked."""
    if analysis == "readability":
        from newscli.analysis import readability

        return readability.LANGUAGES
    if analysis == "summary":
        from newscli.analysis import summarize

        return summarize.languages(method)
    if analysis == "quotes":
        from newscli.analysis import quotes

        return quotes.LANGUAGES
    if analysis == "entities":
        from newscli.analysis import entities

        return entities.LANGUAGES
    raise ValueError(f"no analysis named {analysis!r}")


def _left_out(
    analysis: str, language: str, method: str = SummaryMethod.newscli, label: str | None = None
) -> str | None:
    """Why `analysis` skips an article in `language` (`language.left_out`, naming it
    `label`, else `analysis`); None when it reads it."""
    return left_out(label or analysis, reads(analysis, method), language)


# --- whether a command reads entity tags (`Analysis.tags`) ---------------------------


def entities_tags(document: Document, options: Mapping[str, Any]) -> bool:
    return _left_out("entities", document.language.code) is None


def quotes_tags(document: Document, options: Mapping[str, Any]) -> bool:
    """As `quotes` does: no tags for an article that quotes no one."""
    if _left_out("quotes", document.language.code) is not None:
        return False
    from newscli.analysis.quotes import find_quotations

    return bool(options["indirect"] or find_quotations(document))


def analyze_tags(document: Document, options: Mapping[str, Any]) -> bool:
    """Quotes or entities read the article's language."""
    return _tags_for_analyze(document.language.code)


def _tags_for_analyze(language: str) -> bool:
    return _left_out("quotes", language) is None or _left_out("entities", language) is None


# --- the records ---------------------------------------------------------------------


def analysis_record(
    article: Article, document: Document, *, command: str, analyze: str, **options: Any
) -> Titled:
    """The record of a command declared with an analysis ("module:function"): the
    article's labels and title, then the analysis's fields, unless the module's LANGUAGES
    leave the article's language out."""
    from importlib import import_module

    module_name, function = analyze.split(":")
    module = import_module(module_name)
    reason = left_out(command, getattr(module, "LANGUAGES", ANY), document.language.code)
    fields = {} if reason else getattr(module, function)(document, **options)
    record: Titled = {**titled(article, document, [reason]), **fields}
    return record


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


def parse_record(article: Article, document: Document, *, tokens: bool) -> ParseRecord:
    from newscli.analysis.parse import describe

    record: ParseRecord = {**labels(article), **describe(document, tokens=tokens)}
    if article.page is not None:  # the text the offsets index is not the input's
        record["text"] = article.text
    return record


def readability_record(
    article: Article, document: Document, *, by: str
) -> ReadabilityRecord | ReadabilityByParagraphRecord | SkippedRecord:
    from newscli.analysis import readability

    by_paragraph = by == "paragraph"
    reason = _left_out("readability", document.language.code)
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
    code = document.language.code
    return code if code in reads("readability") else "en"


def summary_record(
    article: Article,
    document: Document,
    *,
    sentences: int | None,
    ratio: float | None,
    words: int | None,
    method: str,
    order: str,
    all: bool,
) -> SummaryRecord:
    from newscli.analysis import summarize

    reason = _left_out("summary", document.language.code, method, f"summary ({method})")
    if reason is not None:
        skipped: SummaryRecord = {
            **titled(article, document, [reason]),
            "method": SummaryMethod(method),
            "summary": "",
            "sentences": [],
        }
        return skipped
    budget = summarize.Budget(sentences=sentences, ratio=ratio, words=words)
    record: SummaryRecord = {
        **titled(article, document),
        **summarize.summarize(document, budget=budget, method=method, order=order, ranking=all),
    }
    return record


def quotes_record(
    article: Article,
    document: Document,
    *,
    by: str,
    speaker: str | None,
    all: bool,
    indirect: bool,
    spans: Sequence["EntitySpan"] | None = None,
) -> QuotesRecord:
    """`spans`: the article's entity tags, when tagged already (`tagged_together`)."""
    from newscli.analysis.quotes import quotes, speakers

    reason = _left_out("quotes", document.language.code)
    found = [] if reason else quotes(document, include_all=all, indirect=indirect, entities=spans)
    if speaker is not None:
        wanted = speaker.lower()
        found = [
            q
            for q in found
            if wanted in (q["speaker"] or "").lower()
            or wanted in (q["speaker_mention"] or "").lower()
        ]
    record: QuotesRecord = {**titled(article, document, [reason]), "quotes": found}
    if by == "speaker":
        record["speakers"] = speakers(found)
    return record


def entities_record(
    article: Article,
    document: Document,
    *,
    type: Sequence[str],
    spans: Sequence["EntitySpan"] | None = None,
) -> EntitiesRecord:
    """`type`: only entities of these types (none: every one). `spans`: the article's
    entity tags, when tagged already (`tagged_together`)."""
    from newscli import ner
    from newscli.analysis.entities import entities

    reason = _left_out("entities", document.language.code)
    found = []
    if not reason:
        found = entities(document, ner.tag_document(document) if spans is None else spans)
    wanted = frozenset(type)
    record: EntitiesRecord = {
        **titled(article, document, [reason]),
        "entities": [e for e in found if not wanted or e["type"] in wanted],
    }
    return record


def analyze_record(
    article: Article, document: Document, *, spans: Sequence["EntitySpan"] | None = None
) -> AnalyzeRecord:
    """Every per-document analysis of one parse: the corpus command's record. An analysis
    that does not read the article's language is left out (null or empty) and says why.
    `spans`: the article's entity tags, when tagged already (`tagged_together`)."""
    from newscli import ner
    from newscli.analysis import entities, quotes, readability, summarize

    language = document.language.code
    reasons = {
        analysis: _left_out(analysis, language)
        for analysis in ("readability", "summary", "quotes", "entities")
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
