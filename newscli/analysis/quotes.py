"""Who said what: every quotation in an article, with its speaker resolved to a full name.

1. Quotations are found by one left-to-right pass over each paragraph's quotation marks
   (`newscli.quotemarks`), so any input, even a megabyte of stray marks, takes linear time.
   A mark left open at the end of a paragraph continues into the next paragraph only if
   that one re-opens it (a quotation over several paragraphs); otherwise it is a stray mark
   and costs nothing beyond itself.
2. Each quotation is attributed from its own sentence (`newscli.analysis.attribution` reads
   the patterns): a speech cue (said, told, insisted, according to, ...) after the closing
   mark (`“Q,” Zarif said`, `“Q,” said Zarif`) or before the opening one (`Zarif said: “Q”`,
   `Zarif said his country would strike “Q”`), with the speaker next to the cue, or else the
   subject of the cue's clause; a transcript label (`Clinton: “Q”`), a signature line after
   it (`- Bernie Sanders.`), or, for a long quotation inside a sentence, the sentence's
   subject (`Ryan worried that the net was becoming “Q”`). A quotation with none takes the
   speaker of the other part of a split quotation (`“A,” he said. “B.”`), of the previous
   sentence (`X said on Tuesday. “Q.”`, `X issued this statement: “Q”`) or of the previous
   paragraph's quotation, which it continues; a paragraph-long quotation with no attribution
   at all is whoever the text was just about.
3. The speaker mention is resolved through the article's names (`newscli.names`): a last
   name or misspelling to the fullest form the article gives, "he"/"she" to the first
   fitting person of the nearest sentence naming one (outside quotations), "the minister" to
   the last person with that role, "I" to the byline.
"""

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newscli import gender, schema
from newscli.analysis import attribution
from newscli.document import Document, Sentence
from newscli.language import ENGLISH
from newscli.names import (
    Mention,
    NameIndex,
    role_words,
    strip_possessive,
    tagged_mentions,
    with_missed_surnames,
)
from newscli.quotemarks import mark_at, marks
from newscli.schema import QuoteKind

#: an unattributed quotation this short is a scare or title quote ("a “slap”")
SCARE_MAX_WORDS = 4
#: attribution reads English cue verbs, pronouns and names
LANGUAGES = ENGLISH

#: "the mayor", "the minister": the last word is matched against people's roles
_ROLE_REFERENCE = re.compile(r"\b[Tt]he (?:[a-z]+ ){0,2}([a-z]+)\b")
#: "the company said": the last organisation named before
_ORGANISATION_NOUNS = frozenset(
    """company firm airline carrier group agency ministry department bank party union
    government campaign committee council club team university hospital school network
    newspaper channel station court organisation organization charity""".split()
)
# Cues that mark reported speech without quotation marks ("Zarif said that ...").
INDIRECT_CUES = frozenset(
    """said says told tells added adds insisted insists argued argues claimed claims warned
    warns explained explains noted notes stated announced announces acknowledged admitted
    suggested suggests stressed stresses maintained maintains conceded concedes predicted
    predicts confirmed confirms""".split()
)


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
    attributed: bool = field(default=False)
    #: where this quote's own attribution ends; a later quote's may not reach back past it
    attribution_end: int = 0


# --- finding quotations -------------------------------------------------------------------


def find_quotations(document: Document) -> list[Quote]:
    """Every double-quoted span of the title and body, marks excluded, in text order."""
    text = document.text
    quotes: list[Quote] = []
    title = document.title
    next_id = 0
    if title is not None and title.start is not None and title.end is not None:
        for start, end, *_ in _spans_in(text, title.start, title.end):
            quotes.append(Quote(start, end, -1, next_id, in_title=True))
            next_id += 1
    pending: list[Quote] = []  # the open quotation of the previous paragraph, if any
    for paragraph in document.paragraphs:
        spans = _spans_in(text, paragraph.start, paragraph.end)
        reopens = bool(spans) and spans[0][0] == _after_opening_mark(text, paragraph.start)
        if pending and reopens:
            quotes.extend(pending)  # the quotation runs on into this paragraph
            quotation = pending[0].quotation
        else:
            quotation = -1
        pending = []
        for index, (start, end, closed, continued) in enumerate(spans):
            if not closed and not _may_run_on(text, paragraph.start, start):
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
    if pending and last is not None and pending[0].start != _after_opening_mark(text, last.start):
        pending = []
    quotes.extend(pending)
    return sorted(quotes, key=lambda q: q.start)


def _may_run_on(text: str, paragraph_start: int, start: int) -> bool:
    """An unclosed quotation may run on into the next paragraph when it opens its paragraph
    or a sentence (`X said. “Q`, `X said: “Q`), not mid-sentence (`met “on Monday`)."""
    before = text[max(paragraph_start, start - 4) : start].rstrip('“"«„` ')
    return start == _after_opening_mark(text, paragraph_start) or (
        text[start].isupper() and (not before or before[-1] in '.!?:”"')
    )


def _after_opening_mark(text: str, position: int) -> int:
    mark = mark_at(text, position)
    return position + mark[1] if mark and mark[0] == "open" else -1


def _spans_in(text: str, start: int, end: int) -> list[tuple[int, int, bool, bool]]:
    """(start, end, closed, continued) of each quotation in text[start:end]; the last may
    be open. A continued span goes on with the quotation before it: the paragraphs of a
    quotation run together into one line, each reopened and none closed but the last
    ('He said: "We will win. "I think so."')."""
    spans: list[tuple[int, int, bool, bool]] = []
    open_at = -1
    continued = False
    for i, direction, length in marks(text, start, end):
        if direction == "open":
            runs_on = (
                open_at >= 0
                and text[open_at:i].rstrip().endswith((".", "!", "?"))
                and text[i + length : i + length + 1].isupper()
            )
            if runs_on:
                inner = _trimmed(text, open_at, i)
                if inner:
                    spans.append((*inner, True, continued))
            continued = runs_on
            open_at = i + length  # else a second opening mark means the first was stray
        elif open_at >= 0:
            inner = _trimmed(text, open_at, i)
            if inner:
                spans.append((*inner, True, continued))
            open_at = -1
            continued = False
    if open_at >= 0:
        inner = _trimmed(text, open_at, end)
        if inner:
            spans.append((*inner, False, continued))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# --- attribution --------------------------------------------------------------------------


def _signed(
    document: Document, quote: Quote, is_speaker: Callable[[str], bool]
) -> attribution.Speaker | None:
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
    words = attribution.read_words(text, following.start, following.end)
    span = attribution.phrase_after(words, 0)
    if span is None:
        return None
    name = text[words[span[0]][1] : words[span[1]][2]]
    # a dash and a capitalised name on a line of its own is a signature, known name or not
    signature = all(word[:1].isupper() for word in name.split()) and len(name.split()) <= 4
    if not (signature or is_speaker(name)):
        return None
    return attribution.make_speaker(text, words, span, "—", 0)


# --- who is who ---------------------------------------------------------------------------


#: "Powell’s office", "Trump’s campaign"
_OWNED = re.compile(r"(?P<owner>(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*)[’']s?\s(?P<thing>[a-z][a-z -]*)")
#: capitalised, but no one who speaks ("released a statement Wednesday saying")
_DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)

#: mentions looked back over to resolve a pronoun or "the minister": plenty for news, and
#: it keeps resolution linear on a hostile article naming one person thousands of times
_MENTIONS_BACK = 60


@dataclass
class _Referents:
    """Whom a speaker mention can refer to: the article's people and organisations, and
    where its quotations stand (a name inside one is rarely who "he" is)."""

    document: Document
    mentions: list[Mention]
    names: NameIndex
    #: (start, end) of every quotation, in text order
    quoted: list[tuple[int, int]]

    def is_person(self, name: str) -> bool:
        canonical = self.names.canonical(name)
        return canonical is not None and not self.names.is_organisation(canonical)

    def canonical(self, name: str) -> str | None:
        """The canonical name of a name as it stands in a sentence, with its role or title
        ("Illinois Attorney General Lisa M. Madigan" is Lisa M. Madigan)."""
        words = strip_possessive(name).split()
        for first in range(min(len(words), 6)):
            canonical = self.names.canonical(" ".join(words[first:]))
            if canonical is not None:
                return canonical
        return None

    def is_speaker(self, name: str) -> bool:
        """A person or organisation the article names."""
        return self.canonical(name) is not None

    def in_quotation(self, position: int) -> bool:
        found = bisect_right(self.quoted, (position, len(self.document.text))) - 1
        return found >= 0 and self.quoted[found][0] <= position < self.quoted[found][1]

    def mentions_before(self, position: int) -> list[Mention]:
        """The last _MENTIONS_BACK mentions starting before position, in text order."""
        end = bisect_left(self.mentions, position, key=lambda m: m.start)
        return self.mentions[max(0, end - _MENTIONS_BACK) : end]

    def resolved(
        self, mention: str, position: int, last_person: str | None, paragraph_start: int
    ) -> tuple[str | None, str | None]:
        """The full name a speaker mention refers to, and that person's role."""
        names = self.names
        lower = mention.lower()
        if lower == "i":
            return self.document.metadata.byline, None  # the writer, when the byline names one
        if lower == "we":
            return None, None
        if lower == "it":
            for earlier in reversed(self.mentions_before(position)):
                if earlier.organisation and not self.in_quotation(earlier.start):
                    return names.canonical(earlier.name) or earlier.name, None
            return None, None
        if lower in attribution.SUBJECT_PRONOUNS:
            fits = _fits_pronoun(lower, names)
            person = (
                self.last_person_before(position, paragraph_start, fits, lower)
                or (last_person if last_person is not None and fits(last_person) else None)
                or self.last_person_before(position, 0, fits, lower)
            )
            return person, names.role(person) if person else None
        words = mention.split()
        owner_pronoun = {"his": "he", "her": "she"}.get(words[0].lower())
        if owner_pronoun and len(words) > 1 and words[-1].islower():
            # "His office said": whose office, as "he" would be resolved
            fits = _fits_pronoun(owner_pronoun, names)
            holder = self.last_person_before(position, paragraph_start, fits) or (
                last_person if last_person is not None and fits(last_person) else None
            )
            if holder is not None:
                return f"{holder}’s {' '.join(words[1:])}", None
        if words[0].lower() in attribution.DETERMINERS and words[-1].islower():
            noun = words[-1].lower()
            for earlier in reversed(self.mentions_before(position)):
                if earlier.role and noun in role_words(earlier.role):
                    name = names.canonical(earlier.name) or earlier.name
                    return name, names.role(name)
                if earlier.organisation and noun in _ORGANISATION_NOUNS:
                    return names.canonical(earlier.name) or earlier.name, None
            # no one in the article holds that role: "the board" is the best name it gives
            return mention, None
        owner = _OWNED.fullmatch(mention)
        if owner is not None:
            # "Powell’s office": the office speaks; its owner by their full name
            full = self.canonical(owner["owner"]) or owner["owner"]
            return f"{full}’s {owner['thing']}", None
        candidates = [
            m
            for m in self.mentions_before(position + len(mention))
            if m.start >= position and m.end <= position + len(mention)
        ]
        name = candidates[-1].name if candidates else mention
        canonical = names.canonical(name) or name
        return canonical, names.role(canonical)

    def last_person_before(
        self, position: int, since: int, fits: Callable[[str], bool], pronoun: str = ""
    ) -> str | None:
        """The last person referred to in text[since:position] whom `fits` accepts, outside
        quotations: by name, or by a role they hold ("the mayor" after "Mayor Linda Okafor").
        A sentence that opens with the same `pronoun` is about the same person as the
        pronoun, so a name in it is passed over ("He portrayed Mr Ebbers as frugal. “Q,” he
        said": not Ebbers)."""
        text = self.document.text
        by_role: dict[str, str] = {}  # a role's last word -> who holds it
        # (possessive, start, person): "Plaid Cymru's spokesman Dai Lloyd" is about Lloyd
        referents: list[tuple[bool, int, str]] = []
        for mention in self.mentions_before(position):
            if mention.organisation or self.in_quotation(mention.start):
                continue
            canonical = self.names.canonical(mention.name)
            if not canonical:
                continue
            if mention.role:
                for word in role_words(mention.role):
                    by_role[word] = canonical
            if mention.start >= since:
                possessive = text.startswith(("’", "'"), mention.end)
                referents.append((possessive, mention.start, canonical))
        if by_role:
            window_start = max(since, position - _LOOKBACK)
            for match in _ROLE_REFERENCE.finditer(text, window_start, position):
                holder = by_role.get(match.group(1).lower())
                if holder is not None:
                    referents.append((False, match.start(), holder))
        # the nearest sentence naming someone who fits; in it, the first such person not
        # named as an owner nor in an opening subordinate clause, most often its subject
        # ("Bryant said he'll still back Trump. “Q,” he said": Bryant; "When Maddow pointed
        # out ..., Clinton seized upon it": Clinton)
        by_sentence: dict[int, list[tuple[bool, int, str]]] = {}
        for possessive, start, person in referents:
            if fits(person):
                by_sentence.setdefault(self.sentence_of(start), []).append(
                    (possessive, start, person)
                )
        if not by_sentence:
            return None
        nearest_first = sorted(by_sentence, reverse=True)
        chosen = next(
            (s for s in nearest_first if not pronoun or self.opening_word(s) != pronoun),
            nearest_first[0],
        )
        # the main clause is worked out for the one sentence chosen, not for every name
        main = self.main_clause_start(chosen)
        return min(by_sentence[chosen], key=lambda r: (r[0] or r[1] < main, r[1]))[2]

    def main_clause_start(self, sentence: int) -> int:
        """Where a sentence's main clause starts: after an opening phrase or clause set off
        by a comma ("When Maddow pointed out ..., Clinton seized upon it"), else at its start."""
        found = self.document.sentences[sentence]
        words = found.text.lstrip(' “"«„`').split(None, 2)
        if len(words) < 2 or not attribution.opens_with_phrase(words[0], words[1]):
            return found.start
        comma = self.document.text.find(",", found.start, found.end)
        return comma if comma >= 0 else found.start

    def opening_word(self, sentence: int) -> str:
        words = self.document.sentences[sentence].text.lstrip(' “"«„`').split(None, 1)
        return words[0].lower() if words else ""

    def sentence_of(self, position: int) -> int:
        return bisect_right(self.document.sentences, position, key=lambda s: s.start) - 1


# --- the analysis ---------------------------------------------------------------------------


def quotes(
    document: Document,
    *,
    include_all: bool = False,
    indirect: bool = False,
    entities: Iterable[Any] | None = None,
) -> list[schema.Quote]:
    """Quote records in text order: direct and partial quotes, plus scare quotes with
    `include_all` and indirect speech with `indirect`.

    Speakers are resolved through the people and organisations the entity tagger finds;
    `entities` passes its spans when they are at hand (`analyze` tags once for both)."""
    found = find_quotations(document)
    if not found and not indirect:
        return []  # no need to tag an article that quotes no one
    if entities is None:
        from newscli import ner

        entities = ner.tag_document(document)
    mentions = with_missed_surnames(document.text, tagged_mentions(document, entities))
    referents = _Referents(
        document, mentions, NameIndex(mentions), [(q.start, q.end) for q in found]
    )
    sentences = document.sentences
    earliest = 0
    for quote in found:
        quote.sentence = _sentence_at(sentences, quote.start)
        _attribute(document, quote, earliest, referents)
        if quote.attribution_end > quote.end:
            # its attribution follows it ('“Q,” X said'); a later quote may not reuse it
            earliest = quote.attribution_end
    _inherit_speakers(document, found, referents)
    _classify(document, found)
    _resolve(document, found, referents)
    records = [_record(document, q) for q in found if include_all or q.kind != QuoteKind.scare]
    if indirect:
        records.extend(_indirect(document, found, referents))
        records.sort(key=lambda r: r["start"])
    return records


def speakers(records: list[schema.Quote]) -> list[schema.Speaker]:
    """Who gets quoted: each speaker with their role and quote count, most quoted first."""
    counts: Counter[str] = Counter()
    roles: dict[str, str | None] = {}
    for record in records:
        name = record["speaker"]
        if name is None:
            continue
        counts[name] += 1
        roles.setdefault(name, record["role"])
    return [
        {"speaker": name, "role": roles[name], "quotes": count}
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _sentence_at(sentences: list[Sentence], position: int) -> int | None:
    index = bisect_right(sentences, position, key=lambda s: s.start) - 1
    if index >= 0 and position < sentences[index].end:
        return sentences[index].index
    return None


def _sentence_bounds(document: Document, quote: Quote) -> tuple[int, int]:
    if quote.in_title and document.title is not None:
        return document.title.start or 0, document.title.end or 0
    first = _sentence_at(document.sentences, quote.start)
    last = _sentence_at(document.sentences, max(quote.start, quote.end - 1))
    if first is None or last is None:
        paragraph = document.paragraphs[quote.paragraph]
        return paragraph.start, paragraph.end
    return document.sentences[first].start, document.sentences[last].end


#: characters before a quotation searched for its attribution
_LOOKBACK = 600


def _attribute(
    document: Document,
    quote: Quote,
    earliest: int,
    referents: _Referents,
) -> None:
    """Attribute from the quote's own sentence; `earliest` is where the text before it may
    start (after the previous quotation, whose attribution is its own)."""
    text = document.text
    sentence_start, sentence_end = _sentence_bounds(document, quote)
    # the sentence's subject was read for an earlier part of the quotation ('“A” by X,
    # Clinton said at a town hall, “B”'): B's subject is not in what is left
    whole_sentence = earliest <= sentence_start
    # an attribution stands within a few hundred characters of its quotation; bounding
    # the look-back keeps a giant "sentence" of many quotations linear
    sentence_start = max(sentence_start, earliest, quote.start - _LOOKBACK)
    close = quote.end
    while close < len(text) and (text[close] in "”»\"'" or text[close] in ".,?!"):
        close += 1
    after_sentence_end = sentence_end
    if close >= sentence_end:
        # '“Q.” he said' can leave the attribution in the next sentence of our split
        paragraph_end = (
            document.title.end or 0
            if quote.in_title and document.title
            else document.paragraphs[quote.paragraph].end
        )
        after_sentence_end = min(paragraph_end, close + 120)
    opening = quote.start - 1
    while opening > sentence_start and text[opening] in '“«„"`':
        opening -= 1
    quoted = text[quote.start : quote.end]
    ends_sentence = quoted.rstrip().endswith(".")
    is_speaker = referents.is_speaker

    def candidates() -> Iterator[attribution.Speaker | None]:
        # tried in this order, each only if the ones before found no one
        after = attribution.attribution_after(
            text, close, after_sentence_end, ends_sentence, is_speaker
        )
        # inside a sentence that names its speaker first ("Carter said the approach was
        # “Q”, but he also warned"), the words after the quotation are a new clause
        embedded = bool(text[sentence_start:opening].strip(' “"«„`'))
        if embedded and after is not None and after.cue not in attribution.CUES:
            after = None  # 'found Bush has the “best experience,” Trump leads': no speech
        if after is not None and _right_behind(text, close, after):
            yield after  # '“Q,” said Dunn' / '“Q,” Dunn said', whatever came before
        if embedded:
            yield attribution.attribution_before(text, sentence_start, opening + 1, is_speaker)
        yield after
        if not embedded:
            yield attribution.attribution_before(text, sentence_start, opening + 1, is_speaker)
        yield attribution.labelled(text, sentence_start, opening + 1, is_speaker)
        if sentence_end - close <= _LOOKBACK:  # near enough, and linear on a giant sentence
            yield attribution.sentence_final(text, close, sentence_end, is_speaker)
        if not quote.in_title:
            yield _signed(document, quote, is_speaker)

    found = next(
        (
            c
            for c in candidates()
            if c is not None
            and c.text.lower() not in _DATE_WORDS
            and not referents.in_quotation(c.start)  # 'in the spot titled “Dangerous,”'
        ),
        None,
    )
    if found is None and whole_sentence and not _is_title(quoted):
        found = attribution.subject_of(
            text,
            sentence_start,
            opening + 1,
            is_speaker,
            opens_clause=len(quoted.split()) <= SCARE_MAX_WORDS,
        )
    if found is None:
        return
    quote.cue = found.cue
    quote.speaker_mention = found.text
    quote.speaker_start = found.start
    quote.speaker_end = found.end
    quote.attributed = True
    quote.attribution_end = found.until


def _right_behind(text: str, close: int, found: attribution.Speaker) -> bool:
    """Whether an attribution starts right after the quotation: its speaker, or its cue
    and then the speaker ('“Q,” Dunn said', '“Q,” said Dunn'), not '“Q”, but he warned'."""
    between = text[close : found.start].strip(" ,—–-").lower()
    return between in ("", found.cue)


def _inherit_speakers(document: Document, found: list[Quote], referents: _Referents) -> None:
    """Unattributed parts take the speaker of the quotation, sentence or paragraph they
    continue."""
    by_quotation: dict[int, Quote] = {}
    for quote in found:
        if quote.attributed:
            by_quotation.setdefault(quote.quotation, quote)
    previous: Quote | None = None
    for quote in found:
        if not quote.attributed and not quote.in_title:
            source = by_quotation.get(quote.quotation)
            right_after = previous is not None and _right_after(document, previous, quote)
            if source is None and not right_after:
                # 'But her spokesman insisted ... . “Q.”': a sentence between them that
                # names its own speaker
                source = _previous_sentence_speaker(document, quote, referents)
            if (
                source is None
                and previous is not None
                and previous.attributed
                and (_opens_sentence(document, quote) or right_after)
            ):
                same_paragraph = previous.paragraph == quote.paragraph
                next_paragraph = previous.paragraph == quote.paragraph - 1 and _opens_paragraph(
                    document, quote
                )
                if same_paragraph or next_paragraph:
                    source = previous
            if source is not None:
                quote.cue = source.cue
                quote.speaker_mention = source.speaker_mention
                quote.speaker_start = source.speaker_start
                quote.speaker_end = source.speaker_end
                quote.attributed = True
        if not quote.in_title and (quote.attributed or not _is_label(document, quote)):
            previous = quote


def _is_paragraph(document: Document, quote: Quote) -> bool:
    """Whether the quotation is its whole paragraph, a sentence or more long."""
    paragraph = document.paragraphs[quote.paragraph]
    text = document.text
    return (
        _opens_paragraph(document, quote)
        and not text[quote.end : paragraph.end].strip(' ”"».,!?')
        and len(text[quote.start : quote.end].split()) > SCARE_MAX_WORDS
    )


def _is_label(document: Document, quote: Quote) -> bool:
    """'Clinton said on ABC’s “This Week”': a few quoted words or a title inside a sentence,
    which do not interrupt who is speaking around them."""
    quoted = document.text[quote.start : quote.end]
    short = len(quoted.split()) <= SCARE_MAX_WORDS
    # inside a sentence, its full stop may stand inside the marks: 'on ABC’s “This Week.”'
    title = _is_title(quoted.removesuffix("."))
    return (short or title) and not _opens_sentence(document, quote)


#: a short quoted title inside the words between two parts of a quotation
_TITLE_IN_GAP = re.compile(r'[“"][^“”"\n]{1,40}[”"]')


def _right_after(document: Document, previous: Quote, quote: Quote) -> bool:
    """'“A,” he said, “B.”', '“A,” said Sherman, speaking of politicians, “b”': only the
    previous part's attribution, and maybe a phrase in commas, stands between them."""
    if previous.attribution_end <= previous.end:
        return False
    gap = document.text[previous.attribution_end : quote.start].rstrip(' “"«„`')
    if gap.strip(' ,:;.”"»') in ("", "and", "but"):  # '“A,” he said, and “b”'
        return True
    # 'Graham said on MSNBC's "Morning Joe," adding, “B”': a title between is a name
    gap = _TITLE_IN_GAP.sub(" ", gap)
    # a phrase continuing the attribution: no sentence ends before the lower-case part
    text = document.text
    if len(gap) > 120 or any(c in gap for c in '.!?“”"'):
        return False
    # "Hollande said Tuesday in Paris, noting the nominee “makes you want to retch”"
    participle = any(
        w.endswith("ing") and w in attribution.CUES for w in gap.lower().replace(",", " ").split()
    )
    lower_case = text[quote.start].islower()
    aside = gap.strip().startswith(",") or gap.strip().endswith(",")
    # "Clinton said at a town hall on Monday, “we would be ...”", "Axelrod tweeted last
    # January, “Q”": where or when it was said
    words = gap.split()
    when = gap.strip().endswith(",") and not any(w.strip(",") in attribution.CUES for w in words)
    where = when and (len(words) <= 4 or lower_case and attribution.circumstance(gap.strip()))
    continues = text[previous.end - 1] == "," and lower_case
    return participle or where or continues and aside and len(gap) <= 120


def _opens_sentence(document: Document, quote: Quote) -> bool:
    """Whether the quote starts its sentence (or follows a colon): a quotation, not a phrase."""
    sentence_start, _ = _sentence_bounds(document, quote)
    lead = document.text[sentence_start : quote.start].rstrip(' “"«„`')
    # "Instead, “he just acts like a defeated man.”": a word or two set off by a comma
    return (
        not lead
        or lead.endswith(":")
        or lead.endswith(",")
        and len(lead.split()) <= 2
        or lead.lower() in attribution.LEADING_FILLERS  # 'But “Q.”'
    )


def _opens_paragraph(document: Document, quote: Quote) -> bool:
    paragraph = document.paragraphs[quote.paragraph]
    return document.text[paragraph.start : quote.start].strip(' “"«„`') == ""


def _previous_sentence_speaker(
    document: Document, quote: Quote, referents: _Referents
) -> Quote | None:
    """`Zarif said on Tuesday. “Q.”`: a quote opening its sentence, after one that ends in
    an attribution, or that introduces it (`Trump issued the following statement: “Q.”`)."""
    if quote.sentence is None or quote.sentence == 0:
        return None
    sentence = document.sentences[quote.sentence]
    if document.text[sentence.start : quote.start].strip(' “"«„`') != "":
        return None
    before = document.sentences[quote.sentence - 1]
    if any(c in before.text for c in '“”"') or referents.in_quotation(before.start):
        return None  # "... Here they are:" inside a quotation: not an attribution
    found = attribution.attribution_before(document.text, before.start, before.end)
    if found is None and before.text.rstrip().endswith(":"):
        found = attribution.subject_of(
            document.text, before.start, before.end, referents.is_speaker
        )
    if found is None or not before.text.rstrip().endswith((":", ".")):
        return None
    if len(before.text.split()) > 30:
        return None
    source = Quote(0, 0, 0, -1)
    source.cue, source.speaker_mention = found.cue, found.text
    source.speaker_start, source.speaker_end = found.start, found.end
    return source


def _classify(document: Document, found: list[Quote]) -> None:
    text = document.text
    for quote in found:
        words = len(text[quote.start : quote.end].split())
        sentence_start, _ = _sentence_bounds(document, quote)
        lead = text[max(sentence_start, quote.start - _LOOKBACK) : quote.start].rstrip(' “"«„`')
        embedded = bool(lead) and not lead.endswith((":", ",")) and not _cue_ends(lead)
        said_after = quote.attribution_end > quote.end  # '“No,” said Zarif': speech
        # 'as a “slap”': one quoted word after an article is a label, even from a speaker
        label = words == 1 and lead.rsplit(None, 1)[-1:] in (["a"], ["an"], ["the"])
        if (
            _is_title(text[quote.start : quote.end])
            and not said_after
            or (not quote.attributed or label)
            and (words <= SCARE_MAX_WORDS)
        ):
            quote.kind = QuoteKind.scare
        elif embedded and (text[quote.start].islower() or words <= SCARE_MAX_WORDS):
            quote.kind = QuoteKind.partial
        else:
            quote.kind = QuoteKind.direct


def _is_title(quoted: str) -> bool:
    """A work's title ("Good Morning America", "Orange Is the New Black"): every longer
    word capitalised and no sentence punctuation."""
    words = quoted.rstrip(",").split()
    if not words or len(words) > 8 or quoted.rstrip().endswith((".", "!", "?", "…")):
        return False
    return all(w[:1].isupper() or len(w) <= 3 for w in words) and words[0][:1].isupper()


def _cue_ends(lead: str) -> bool:
    words = lead.rsplit(None, 1)
    last = words[-1].strip(",:;").lower() if words else ""
    return last in attribution.CUES or last == "that"


def _resolve(document: Document, found: list[Quote], referents: _Referents) -> None:
    last_person: str | None = None
    for quote in found:
        mention = quote.speaker_mention
        if mention is None:
            if not quote.in_title and _is_paragraph(document, quote):
                # a paragraph-long quotation with no attribution: whoever the text was about
                since = _paragraph_start(document, quote.start)
                quote.speaker = referents.last_person_before(quote.start, since, lambda _: True)
                quote.role = referents.names.role(quote.speaker) if quote.speaker else None
            continue
        position = quote.speaker_start or 0
        quote.speaker, quote.role = referents.resolved(
            mention, position, last_person, _paragraph_start(document, position)
        )
        if quote.speaker is not None and referents.is_person(quote.speaker):
            last_person = quote.speaker


def _paragraph_start(document: Document, position: int) -> int:
    """Where the paragraph before position's paragraph starts: "he" looks back that far
    before falling back on whoever was quoted last."""
    found = bisect_right(document.paragraphs, position, key=lambda p: p.start) - 1
    if found >= 0 and position < document.paragraphs[found].end:
        return document.paragraphs[max(0, found - 1)].start
    return position


def _fits_pronoun(pronoun: str, names: NameIndex) -> Callable[[str], bool]:
    """Whether a person could be "he" or "she": not when their name or title says otherwise."""
    if pronoun not in ("he", "she"):
        return lambda _: True
    wrong = gender.FEMALE if pronoun == "he" else gender.MALE

    def fits(person: str) -> bool:
        return gender.of_person(person, names.role(person)) != wrong

    return fits


def _indirect(document: Document, found: list[Quote], referents: _Referents) -> list[schema.Quote]:
    """`Zarif said that ...` and `according to X, ...` in sentences without quotation marks."""
    quoted = {q.sentence for q in found}
    records: list[schema.Quote] = []
    text = document.text
    for sentence in document.sentences:
        if sentence.index in quoted or any(c in sentence.text for c in '“”"'):
            continue
        words = attribution.read_words(text, sentence.start, sentence.end)
        for position, (word, _, word_end) in enumerate(words):
            if word.lower() not in INDIRECT_CUES:
                continue
            span = attribution.phrase_before(words, position)
            if span is None:
                continue
            speaker = attribution.make_speaker(text, words, span, word, word_end)
            clause_start = word_end
            rest = text[clause_start : sentence.end]
            that = re.match(r"\s*(?:\w+\s+){0,3}?that\s+", rest)
            if that:
                clause_start += that.end()
            clause = _trimmed(text, clause_start, sentence.end)
            if clause is None or clause[1] - clause[0] < 10:
                break
            name, role = referents.resolved(speaker.text, speaker.start, None, sentence.start)
            indirect = Quote(
                start=clause[0],
                end=clause[1],
                paragraph=sentence.paragraph,
                quotation=-1,
                sentence=sentence.index,
                kind=QuoteKind.indirect,
                cue=speaker.cue,
                speaker_mention=speaker.text,
                speaker_start=speaker.start,
                speaker_end=speaker.end,
                speaker=name,
                role=role,
            )
            records.append(_record(document, indirect))
            break
    return records


def _record(document: Document, quote: Quote) -> schema.Quote:
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
