"""Quotations found from their marks, and where each stands: its sentence, its paragraph,
whether it looks like a title, and the record it becomes.

One left-to-right pass over each paragraph's quotation marks (`newscli.quotemarks`), so any
input, even a megabyte of stray marks, takes linear time.
"""

from bisect import bisect_right
from dataclasses import dataclass, field

from newscli import schema
from newscli.document import Document, Sentence
from newscli.quotemarks import LANGUAGE_MARKS, mark_at, mark_in_language, marks, marks_in_language
from newscli.schema import QuoteKind

#: an unattributed quotation this short is a scare or title quote ("a “slap”")
SCARE_MAX_WORDS = 4

#: characters before a quotation searched for its attribution
LOOKBACK = 600


@dataclass
class Quote:
    start: int
    end: int
    paragraph: int
    #: the parts of one quotation share it (reported speech, without marks, is none: -1)
    quotation: int
    in_title: bool = False
    sentence: int | None = None
    kind: QuoteKind = QuoteKind.direct
    cue: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None
    role: str | None = None
    #: where "who" or "which" stands for the speaker ("Reed, who added that ..."): the
    #: mention reported, while the phrase it refers to is what resolves to a name
    relative: tuple[int, int] | None = None
    attributed: bool = field(default=False)
    #: where this quote's own attribution ends; a later quote's may not reach back past it
    attribution_end: int = 0
    #: the ids of the rules that attributed it, resolved its speaker and chose its kind:
    #: `quotes.RULES` in English, `quotes.languages.RULES` in the languages it reads
    rules: list[str] = field(default_factory=list)


def find_quotations(document: Document, language: str | None = None) -> list[Quote]:
    """Every double-quoted span of the title and body, marks excluded, in text order;
    with `language` (one of `quotemarks.LANGUAGE_MARKS`), the marks as that language
    uses them."""
    text = document.text
    quotes: list[Quote] = []
    title = document.title
    next_id = 0
    if title is not None and title.start is not None and title.end is not None:
        for start, end, *_ in _spans_in(text, title.start, title.end, language):
            quotes.append(Quote(start, end, -1, next_id, in_title=True))
            next_id += 1
    pending: list[Quote] = []  # the open quotation of the previous paragraph, if any
    for paragraph in document.paragraphs:
        spans = _spans_in(text, paragraph.start, paragraph.end, language)
        reopens = bool(spans) and spans[0][0] == _after_opening_mark(
            text, paragraph.start, language
        )
        if pending and reopens:
            quotes.extend(pending)  # the quotation runs on into this paragraph
            quotation = pending[0].quotation
        else:
            quotation = -1
        pending = []
        for index, (start, end, closed, continued) in enumerate(spans):
            if not closed and not _may_run_on(text, paragraph.start, start, language):
                continue  # a stray mark: it costs only its own paragraph
            if index == 0 and quotation >= 0:
                part = Quote(start, end, paragraph.index, quotation)
            elif continued and quotes:
                part = Quote(start, end, paragraph.index, quotes[-1].quotation)
            else:
                part = Quote(start, end, paragraph.index, next_id)
                next_id += 1
            if closed:
                quotes.append(part)
            else:
                pending = [part]
    # An unclosed quotation counts when the next paragraph reopens it (a quotation over
    # paragraphs), or in the last paragraph when it opens that paragraph; else its mark
    # was stray, and it costs only its own paragraph.
    last = document.paragraphs[-1] if document.paragraphs else None
    if (
        pending
        and last is not None
        and pending[0].start != _after_opening_mark(text, last.start, language)
    ):
        pending = []
    quotes.extend(pending)
    return sorted(quotes, key=lambda q: q.start)


def _may_run_on(text: str, paragraph_start: int, start: int, language: str | None) -> bool:
    """An unclosed quotation may run on into the next paragraph when it opens its paragraph
    or a sentence (`X said. “Q`, `X said: “Q`), not mid-sentence (`met “on Monday`)."""
    before = text[max(paragraph_start, start - 4) : start].rstrip('“"«„` ')
    return start == _after_opening_mark(text, paragraph_start, language) or (
        text[start].isupper() and (not before or before[-1] in '.!?:”"')
    )


def _after_opening_mark(text: str, position: int, language: str | None) -> int:
    if language in LANGUAGE_MARKS:
        mark = mark_in_language(text, position, language)
    else:
        mark = mark_at(text, position)
    return position + mark[1] if mark and mark[0] == "open" else -1


def _spans_in(
    text: str, start: int, end: int, language: str | None = None
) -> list[tuple[int, int, bool, bool]]:
    """(start, end, closed, continued) of each quotation in text[start:end]; the last may
    be open. A continued span goes on with the quotation before it: the paragraphs of a
    quotation run together into one line, each reopened and none closed but the last
    ('He said: "We will win. "I think so."')."""
    spans: list[tuple[int, int, bool, bool]] = []
    open_at = -1
    continued = False
    found = (
        marks_in_language(text, start, end, language)
        if language in LANGUAGE_MARKS
        else marks(text, start, end)
    )
    for i, direction, length in found:
        if direction == "open":
            runs_on = (
                open_at >= 0
                and text[open_at:i].rstrip().endswith((".", "!", "?"))
                and text[i + length : i + length + 1].isupper()
            )
            if runs_on:
                inner = trimmed(text, open_at, i)
                if inner:
                    spans.append((*inner, True, continued))
            continued = runs_on
            open_at = i + length  # else a second opening mark means the first was stray
        elif open_at >= 0:
            inner = trimmed(text, open_at, i)
            if inner:
                spans.append((*inner, True, continued))
            open_at = -1
            continued = False
    if open_at >= 0:
        inner = trimmed(text, open_at, end)
        if inner:
            spans.append((*inner, False, continued))
    return spans


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_at(sentences: list[Sentence], position: int) -> int | None:
    index = bisect_right(sentences, position, key=lambda s: s.start) - 1
    if index >= 0 and position < sentences[index].end:
        return sentences[index].index
    return None


def sentence_bounds(document: Document, quote: Quote) -> tuple[int, int]:
    if quote.in_title and document.title is not None:
        return document.title.start or 0, document.title.end or 0
    first = sentence_at(document.sentences, quote.start)
    last = sentence_at(document.sentences, max(quote.start, quote.end - 1))
    if first is None or last is None:
        paragraph = document.paragraphs[quote.paragraph]
        return paragraph.start, paragraph.end
    return document.sentences[first].start, document.sentences[last].end


def is_paragraph(document: Document, quote: Quote) -> bool:
    """Whether the quotation is its whole paragraph, a sentence or more long."""
    paragraph = document.paragraphs[quote.paragraph]
    text = document.text
    return (
        opens_paragraph(document, quote)
        and not text[quote.end : paragraph.end].strip(' ”"».,!?')
        and len(text[quote.start : quote.end].split()) > SCARE_MAX_WORDS
    )


def opens_paragraph(document: Document, quote: Quote) -> bool:
    paragraph = document.paragraphs[quote.paragraph]
    return document.text[paragraph.start : quote.start].strip(' “"«„`') == ""


def is_title(quoted: str) -> bool:
    """A work's title ("Good Morning America", "Orange Is the New Black"): every longer
    word capitalised and no sentence punctuation."""
    words = quoted.rstrip(",").split()
    if not words or len(words) > 8 or quoted.rstrip().endswith((".", "!", "?", "…")):
        return False
    return all(w[:1].isupper() or len(w) <= 3 for w in words) and words[0][:1].isupper()


def to_record(document: Document, quote: Quote) -> schema.Quote:
    return {
        "text": document.text[quote.start : quote.end],
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_mention": quote.speaker_mention,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "cue": quote.cue,
        "role": quote.role,
        "paragraph": None if quote.in_title else quote.paragraph,
        "sentence": quote.sentence,
        "quotation": None if quote.kind is QuoteKind.indirect else quote.quotation,
        "in_title": quote.in_title,
    }
