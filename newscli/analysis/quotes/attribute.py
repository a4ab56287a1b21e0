"""Each quotation attributed from its own sentence: the patterns of `patterns` tried in
order, a speaker the article names preferred where a pattern needs one.
"""

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from newscli.analysis.quotes import patterns
from newscli.analysis.quotes.find import (
    LOOKBACK,
    SCARE_MAX_WORDS,
    Quote,
    is_title,
    opens_paragraph,
    sentence_bounds,
)
from newscli.analysis.quotes.resolve import Referents
from newscli.document import Document
from newscli.lexicon import ADVERBS, CUES, DATE_WORDS, DOCUMENTS

#: the most words of a line introducing a document ('The full statement from Acme Corp:')
_LABEL_WORDS = 12


def _signed(
    document: Document, quote: Quote, is_speaker: Callable[[str], bool]
) -> patterns.Speaker | None:
    """A quotation that ends its paragraph, signed on the next line: '“Q.”' / '- Bernie
    Sanders.' or '—Michelle Marks, Philadelphia.'"""
    text = document.text
    paragraph = document.paragraphs[quote.paragraph]
    if text[quote.end : paragraph.end].strip(' ”"».,!?') or quote.paragraph + 1 >= len(
        document.paragraphs
    ):
        return None
    following = document.paragraphs[quote.paragraph + 1]
    line = text[following.start : following.end]
    if not line.startswith(("-", "—", "–")) or len(line.split()) > 10:
        return None
    name_part = line.strip("-—–. ").split(",")[0].split()
    if not all(word[:1].isupper() or len(word) <= 3 for word in name_part):
        return None  # "– Ready to quiz Trump –": a heading, not a signature
    words = patterns.read_words(text, following.start, following.end)
    span = patterns.phrase_after(words, 0)
    if span is None:
        return None
    name = text[words[span[0]].start : words[span[1]].end]
    # a dash and a capitalised name on a line of its own is a signature, known name or not
    signature = all(word[:1].isupper() for word in name.split()) and len(name.split()) <= 4
    if not (signature or is_speaker(name)):
        return None
    return patterns.make_speaker(text, words, span, "—", 0, "signature")


def _introduced(document: Document, quote: Quote) -> patterns.Speaker | None:
    """A quotation opening the paragraph after a short line that introduces a document
    ('Transcript as follows:', 'The full statement from Acme Corp:'): the document speaks."""
    if quote.paragraph == 0 or not opens_paragraph(document, quote):
        return None
    line = document.paragraphs[quote.paragraph - 1]
    text = document.text
    label = text[line.start : line.end].rstrip()
    if (
        not label.endswith(":")
        or len(label.split()) > _LABEL_WORDS
        or any(mark in label for mark in '“"«„')
    ):
        return None
    words = patterns.read_words(text, line.start, line.start + len(label) - 1)
    noun = next((k for k, w in enumerate(words) if w.text.lower() in DOCUMENTS), None)
    if noun is None:
        return None
    first = noun
    while first > 0 and words[first - 1].text.replace("-", "").isalpha():
        first -= 1  # "The full statement", "Partial transcript"
    return patterns.make_speaker(text, words, (first, noun), ":", 0, "introduced_document")


class _Surroundings(NamedTuple):
    """Where a quotation's attribution is read: its sentence, and the text around it."""

    sentence_start: int
    sentence_end: int
    #: the sentence's subject was not read for an earlier part of the quotation
    whole_sentence: bool
    #: past the closing mark and its punctuation
    close: int
    #: where the words after the quotation are read up to
    after_end: int
    #: the last character before the opening mark
    opening: int
    #: '“… in life.”' or, in British style, '“… in life”.': the sentence ends with it
    ends_sentence: bool


def _surroundings(document: Document, quote: Quote, earliest: int) -> _Surroundings:
    """Where the attribution of `quote` is read; `earliest` is where the text before it
    may start (after the previous quotation, whose attribution is its own)."""
    text = document.text
    sentence_start, sentence_end = sentence_bounds(document, quote)
    # the sentence's subject was read for an earlier part of the quotation ('“A” by X,
    # Clinton said at a town hall, “B”'): B's subject is not in what is left
    whole_sentence = earliest <= sentence_start
    # an attribution stands within a few hundred characters of its quotation; bounding
    # the look-back keeps a giant "sentence" of many quotations linear
    sentence_start = max(sentence_start, earliest, quote.start - LOOKBACK)
    close = quote.end
    while close < len(text) and (text[close] in "”»\"'" or text[close] in ".,?!"):
        close += 1
    after_end = sentence_end
    if close >= sentence_end:
        # '“Q.” he said' can leave the attribution in the next sentence of our split
        paragraph_end = (
            document.title.end or 0
            if quote.in_title and document.title
            else document.paragraphs[quote.paragraph].end
        )
        after_end = min(paragraph_end, close + 120)
    opening = quote.start - 1
    while opening > sentence_start and text[opening] in '“«„"`':
        opening -= 1
    quoted = text[quote.start : quote.end]
    ends_sentence = quoted.rstrip().endswith(".") or text[quote.end : close].endswith(".")
    return _Surroundings(
        sentence_start, sentence_end, whole_sentence, close, after_end, opening, ends_sentence
    )


def _candidates(
    document: Document, quote: Quote, around: _Surroundings, is_speaker: Callable[[str], bool]
) -> Iterator[patterns.Speaker | None]:
    """What each pattern finds, in the order they are tried: each only if the ones before
    found no one."""
    text = document.text
    sentence_start, sentence_end = around.sentence_start, around.sentence_end
    close, opening, ends_sentence = around.close, around.opening, around.ends_sentence
    after = patterns.attribution_after(text, close, around.after_end, ends_sentence, is_speaker)
    # inside a sentence that names its speaker first ("Carter said the approach was
    # “Q”, but he also warned"), the words after the quotation are a new clause
    embedded = bool(text[sentence_start:opening].strip(' “"«„`'))
    if embedded and after is not None and after.cue not in CUES:
        after = None  # 'found Bush has the “best experience,” Trump leads': no speech
    if embedded and ends_sentence and after is not None and after.start >= sentence_end:
        # 'he added that his side were “not afraid of anyone”. Robbie Keane, skipper for
        # the night, echoed ...': a sentence that leads into its quotation ends with it
        after = None
    # 'X reached out, writing in an email: “Q.” Adler said ...': a sentence that
    # introduces its quotation with a colon and ends with it is that quotation's
    # attribution, and the next sentence is a new one
    introduced = ends_sentence and text[sentence_start : opening + 1].rstrip(' “"«„`').endswith(":")
    if after is not None and not introduced and _right_behind(text, close, after):
        yield after  # '“Q,” said Dunn' / '“Q,” Dunn said', whatever came before
    # 'Pollsters agree - Carl Bialik: “Q”': a name and a colon, all that stands after
    # a dash or a "from", is a label, whatever verb came before it
    yield patterns.labelled(text, sentence_start, opening + 1, is_speaker)
    if embedded:
        yield patterns.attribution_before(text, sentence_start, opening + 1, is_speaker)
    yield after
    if not embedded:
        yield patterns.attribution_before(text, sentence_start, opening + 1, is_speaker)
    if sentence_end - close <= LOOKBACK:  # near enough, and linear on a giant sentence
        yield patterns.sentence_final(text, close, sentence_end, is_speaker)
    if not quote.in_title:
        yield _signed(document, quote, is_speaker)
        yield _introduced(document, quote)


def attribute(
    document: Document,
    quote: Quote,
    earliest: int,
    referents: Referents,
) -> None:
    """Attribute from the quote's own sentence; `earliest` is where the text before it may
    start (after the previous quotation, whose attribution is its own)."""
    around = _surroundings(document, quote, earliest)
    is_speaker = referents.is_speaker
    found = next(
        (
            c
            for c in _candidates(document, quote, around, is_speaker)
            if c is not None
            and c.text.lower() not in DATE_WORDS
            and not referents.in_quotation(c.start)  # 'in the spot titled “Dangerous,”'
        ),
        None,
    )
    quoted = document.text[quote.start : quote.end]
    if found is None and around.whole_sentence and not is_title(quoted):
        found = patterns.subject_of(
            document.text,
            around.sentence_start,
            around.opening + 1,
            is_speaker,
            opens_clause=len(quoted.split()) <= SCARE_MAX_WORDS,
        )
    if found is None:
        return
    quote.rules.append(found.rule)
    quote.cue = found.cue
    quote.speaker_mention = found.text
    quote.speaker_start = found.start
    quote.speaker_end = found.end
    quote.attributed = True
    quote.attribution_end = found.until
    quote.relative = _relative_pronoun(document.text, found)


#: "who" or "which" and up to four words ("has previously") before a cue
_RELATIVE = re.compile(r"[\s,](who|which)((?:\s+[a-z]+){0,4}?)\s*$")


def _relative_pronoun(text: str, found: patterns.Speaker) -> tuple[int, int] | None:
    """Where "who" stands between a speaker and its cue ('Scott Reed, who added that',
    'Trump, who has previously said'): the relative pronoun that is the cue's subject."""
    cue_start = found.until - len(found.cue)
    if cue_start <= found.end or text[cue_start : found.until].lower() != found.cue:
        return None  # the speaker follows its cue ('said Reed'), or stands right before it
    relative = _RELATIVE.search(text, max(found.end, cue_start - 60), cue_start)
    if relative is None or any(word not in ADVERBS for word in relative[2].split()):
        return None  # "which some have argued": "some" argued
    return relative.start(1), relative.end(1)


def _right_behind(text: str, close: int, found: patterns.Speaker) -> bool:
    """Whether an attribution starts right after the quotation: its speaker, or its cue
    and then the speaker ('“Q,” Dunn said', '“Q,” said Dunn'), not '“Q”, but he warned'."""
    between = text[close : found.start].strip(" ,—–-").lower()
    return between in ("", found.cue)
