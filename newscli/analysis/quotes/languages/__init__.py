"""Quotations and their speakers in German, French, Spanish, Italian, Portuguese and Dutch.

The same stages as English (find → attribute → inherit → resolve → indirect), driven by
each language's words (`newscli.lexicon`'s QUOTATION_WORDS) instead of English patterns:

1. find: the quotation marks as the language uses them (`newscli.quotemarks`: German
   »…« and „…“, French « … », Spanish «… “…” …», Dutch ‘…’).
2. attribute: the named rules of RULES, tried in order, each with an invented example:
   a cue after the quotation with its subject inverted (`„…“, sagte Müller`), a cue and
   its subject before it (`Müller sagte: „…“`), a preposition (`selon le ministre`).
   Speakers are read from the words next to the cue (a pronoun, a role and the name after
   it, a title and a name, a capitalised run), not from the entity tagger alone, whose
   spans only add the people the article names.
3. inherit: a quotation with no attribution of its own takes the speaker of the one it
   continues, or of the sentence before that introduces it.
4. resolve: a surname to the fullest name the article gives, a pronoun to the last person
   of its grammatical gender, a role ("la ministra") to the last person holding it.
5. indirect: reported speech without marks (`Er sagte, er sei …`), on request.
"""

from collections.abc import Iterable
from typing import Any

from newscli import schema
from newscli.analysis.quotes.find import (
    SCARE_MAX_WORDS,
    Quote,
    find_quotations,
    opens_paragraph,
    sentence_at,
    sentence_bounds,
    to_record,
    trimmed,
)
from newscli.analysis.quotes.languages.attribute import RULES, Attribution
from newscli.analysis.quotes.languages.people import Reader
from newscli.analysis.quotes.languages.words import (
    DOUBLE_MARKS,
    LANGUAGES,
    MARKS,
    Phrase,
    tokens,
)
from newscli.document import Document
from newscli.schema import QuoteKind

__all__ = ["LANGUAGES", "RULES", "quotations", "quotes"]


def quotes(
    document: Document,
    language: str,
    *,
    include_all: bool = False,
    indirect: bool = False,
    entities: Iterable[Any] | None = None,
) -> list[schema.Quote]:
    """Quote records in text order, as `newscli.analysis.quotes.quotes` gives them, for an
    article in `language` (one of LANGUAGES)."""
    return [
        to_record(document, quote)
        for quote in quotations(document, language, indirect=indirect, entities=entities)
        if include_all or quote.kind != QuoteKind.scare
    ]


def quotations(
    document: Document,
    language: str,
    *,
    indirect: bool = False,
    entities: Iterable[Any] | None = None,
) -> list[Quote]:
    """Every quotation (and with `indirect` reported speech) in text order, attributed and
    resolved, each with the ids of the rules that did it."""
    found = find_quotations(document, language)
    if not found and not indirect:
        return []
    if entities is None:
        from newscli import ner

        entities = ner.tag_document(document)
    reader = Reader(document, language, entities)
    reader.quoted = [(q.start, q.end) for q in found]
    phrases: dict[int, Phrase | None] = {}
    earliest = 0
    for index, quote in enumerate(found):
        quote.sentence = sentence_at(document.sentences, quote.start)
        if reader.names_a_title(quote):
            quote.rules.append("names_a_title")
            continue
        found_by = reader.attribute(quote, earliest)
        if found_by is None:
            continue
        _attributed(quote, found_by, document.text)
        phrases[index] = found_by.phrase
        if found_by.until > quote.end:
            earliest = found_by.until  # '„A“, sagte er, „B“': B's attribution is not A's
    continued = _inherit(reader, found, phrases)
    reader.gather_people(p for p in phrases.values() if p is not None)
    previous: Quote | None = None
    for index, quote in enumerate(found):
        if index in continued:
            source = found[continued[index]]
            quote.speaker, quote.role = source.speaker, source.role
        elif index in phrases:
            reader.resolve(quote, phrases[index], previous)
        else:
            continue
        previous = quote
    _classify(document, found)
    if indirect:
        found.extend(reported_speech(reader, found))
        found.sort(key=lambda q: q.start)
    return found


def _attributed(quote: Quote, found: Attribution, text: str) -> None:
    quote.rules.append(found.rule)
    quote.cue = found.cue
    quote.attributed = True
    quote.attribution_end = found.until
    if found.phrase is not None:
        quote.speaker_start, quote.speaker_end = found.phrase.start, found.phrase.end
        quote.speaker_mention = text[found.phrase.start : found.phrase.end]


def _inherit(
    reader: Reader, found: list[Quote], phrases: dict[int, Phrase | None]
) -> dict[int, int]:
    """continuation and previous_sentence, for each quotation with no attribution of its
    own: the attributed quotation each continues, by index; a sentence's attribution is
    set on the quotation it introduces."""
    continued: dict[int, int] = {}
    last: int | None = None
    for index, quote in enumerate(found):
        if quote.in_title:
            continue
        if quote.attributed:
            last = index
            continue
        if "names_a_title" in quote.rules:
            continue
        if last is not None and _continues(reader, found[last], quote):
            source = found[last]
            quote.cue, quote.attributed = source.cue, True
            quote.rules.append("continuation")
            quote.speaker_mention = source.speaker_mention
            quote.speaker_start, quote.speaker_end = source.speaker_start, source.speaker_end
            continued[index] = continued.get(last, last)
            last = index
            continue
        introduced = reader.introduced_by(quote)
        if introduced is not None:
            _attributed(quote, introduced, reader.text)
            phrases[index] = introduced.phrase
            last = index
    return continued


def _continues(reader: Reader, previous: Quote, quote: Quote) -> bool:
    """Whether an unattributed quotation goes on with the attributed one before it: in its
    paragraph, or opening the next one, with no other cue between them."""
    text = reader.text
    gap_start = max(previous.end, previous.attribution_end)
    if quote.paragraph == previous.paragraph:
        gap = text[gap_start : quote.start]
    elif quote.paragraph == previous.paragraph + 1 and opens_paragraph(reader.document, quote):
        gap = text[gap_start : reader.document.paragraphs[previous.paragraph].end]
    else:
        return False
    if len(gap) > 200:
        return False
    return not any(
        reader.cue_at(row, i)
        for row in [tokens(text, gap_start, gap_start + len(gap))]
        for i in range(len(row))
    )


def _classify(document: Document, found: list[Quote]) -> None:
    """Direct, partial (a phrase inside a sentence that reports it) or scare (a few
    words no one is said to have said)."""
    text = document.text
    for quote in found:
        quoted = text[quote.start : quote.end]
        words = len(quoted.split())
        sentence_start, _ = sentence_bounds(document, quote)
        lead = text[sentence_start : quote.start].rstrip(MARKS + " \u00a0\u202f")
        embedded = bool(lead) and not lead.endswith((":", ","))
        if "names_a_title" in quote.rules or not quote.attributed and words <= SCARE_MAX_WORDS:
            quote.kind = QuoteKind.scare
            quote.rules.append("scare_quote")
        elif embedded and (quoted[:1].islower() or words <= SCARE_MAX_WORDS):
            quote.kind = QuoteKind.partial
        else:
            quote.kind = QuoteKind.direct


def reported_speech(reader: Reader, found: list[Quote]) -> list[Quote]:
    """indirect_subjunctive and indirect_complementizer: reported speech in a sentence
    without quotation marks, after a cue and its subject: "Er sagte, er sei …" (German's
    Konjunktiv I marks it by itself), "El ministro dijo que …"."""
    document = reader.document
    text = reader.text
    words = reader.words
    quoted = {q.sentence for q in found}
    reported: list[Quote] = []
    for sentence in document.sentences:
        if sentence.index in quoted or any(mark in sentence.text for mark in DOUBLE_MARKS):
            continue
        row = tokens(text, sentence.start, sentence.end)
        for i in range(len(row)):
            cue = reader.cue_at(row, i)
            if cue is None:
                continue
            cue_end, pronoun = cue
            subject = reader.subject_before(row, i)
            clause_at = cue_end
            if subject is None:
                subject = pronoun or reader.subject_after(row, cue_end)
                clause_at = subject.next_index if subject is not None else cue_end
            if subject is None:
                continue
            comma = clause_at < len(row) and row[clause_at].text == ","
            clause_at += comma
            if clause_at < len(row) and row[clause_at].lower in words.complementizers:
                rule_id, clause_at = "indirect_complementizer", clause_at + 1
            elif comma and any(
                t.lower in words.subjunctive_forms for t in row[clause_at : clause_at + 8]
            ):
                rule_id = "indirect_subjunctive"
            else:
                continue
            if clause_at >= len(row):
                break
            clause = trimmed(text, row[clause_at].start, sentence.end)
            if clause is None or clause[1] - clause[0] < 10:
                break
            indirect = Quote(
                start=clause[0],
                end=clause[1],
                paragraph=sentence.paragraph,
                quotation=-1,
                sentence=sentence.index,
                kind=QuoteKind.indirect,
                cue=text[row[i].start : row[cue_end - 1].end],
                speaker_mention=text[subject.start : subject.end],
                speaker_start=subject.start,
                speaker_end=subject.end,
                rules=[rule_id],
            )
            reader.resolve(indirect, subject, None)
            reported.append(indirect)
            break
    return reported
