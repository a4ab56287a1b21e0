"""What the attribution of one quotation leaves to the next, and what kind each is.

A quotation with no attribution of its own takes the speaker of the other part of a split
quotation (`“A,” he said. “B.”`), of the previous sentence (`X said on Tuesday. “Q.”`,
`X issued this statement: “Q”`) or of the previous paragraph's quotation, which it
continues. Then each is classified: direct, partial (a phrase inside a sentence) or scare
(a few unattributed words, a title).
"""

import re

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
from newscli.lexicon import ADVERBS, CUES, LEADING_FILLERS, NAMING_CUES, WORK_PREPOSITIONS
from newscli.schema import QuoteKind

#: a byline right after a quotation that ends in a comma: '“Headline,” by Times’ Ben Sisario'
_BYLINE = re.compile(r"(?<=,)[”\"»]\s*by\s+[A-Z]")


def inherit_speakers(document: Document, found: list[Quote], referents: Referents) -> None:
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
            rule = "split_quotation"
            right_after = previous is not None and _right_after(document, previous, quote)
            if source is None and not right_after:
                # 'But her spokesman insisted ... . “Q.”': a sentence between them that
                # names its own speaker
                source = _previous_sentence_speaker(document, quote, referents)
                rule = "previous_sentence"
            if (
                source is None
                and previous is not None
                and previous.attributed
                and (_opens_sentence(document, quote) or right_after)
            ):
                same_paragraph = previous.paragraph == quote.paragraph
                next_paragraph = previous.paragraph == quote.paragraph - 1 and opens_paragraph(
                    document, quote
                )
                if same_paragraph or next_paragraph:
                    source = previous
                    rule = "continuation"
            if source is not None:
                quote.rules.append(rule)
                quote.cue = source.cue
                quote.speaker_mention = source.speaker_mention
                quote.speaker_start = source.speaker_start
                quote.speaker_end = source.speaker_end
                quote.relative = source.relative
                quote.attributed = True
                if source is previous:
                    _relative_clause(document, previous, quote)
        if not quote.in_title and (quote.attributed or not _is_label(document, quote)):
            previous = quote


#: ', who added that': a relative clause opening right after an attribution, and its cue
_RELATIVE_CLAUSE = re.compile(r"\s*,\s*(who|which)((?:\s+[a-z]+\b){1,3})")


def _relative_clause(document: Document, previous: Quote, quote: Quote) -> None:
    """'“A,” said Scott Reed, who added that “b”': the speaker of the attribution before,
    by the relative pronoun and cue that attribute this part."""
    clause = _RELATIVE_CLAUSE.match(document.text, previous.attribution_end, quote.start)
    if clause is None:
        return
    for word in clause[2].split():  # "who added", "who has also said"
        if word in CUES:
            quote.cue = word
            quote.relative = clause.start(1), clause.end(1)
        if word not in ADVERBS:
            return


def _is_label(document: Document, quote: Quote) -> bool:
    """'Clinton said on ABC’s “This Week”': a few quoted words or a title inside a sentence,
    which do not interrupt who is speaking around them."""
    quoted = document.text[quote.start : quote.end]
    short = len(quoted.split()) <= SCARE_MAX_WORDS
    # inside a sentence, its full stop may stand inside the marks: 'on ABC’s “This Week.”'
    title = is_title(quoted.removesuffix("."))
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
    lower_case = text[quote.start].islower()
    aside = gap.strip().startswith(",") or gap.strip().endswith(",")
    # "Beck joked, again using a Southern accent, “B”": a participle set off by commas
    # describes how the speaker went on
    set_off = gap.strip().startswith(",") and gap.strip().endswith(",")
    participle = any(
        w.endswith("ing") and (w in CUES or set_off and len(w) > 4)
        for w in gap.lower().replace(",", " ").split()
    )
    # "Clinton said at a town hall on Monday, “we would be ...”", "Axelrod tweeted last
    # January, “Q”": where or when it was said
    words = gap.split()
    when = gap.strip().endswith(",") and not any(w.strip(",") in CUES for w in words)
    where = when and (len(words) <= 4 or lower_case and patterns.circumstance(gap.strip()))
    continues = text[previous.end - 1] == "," and lower_case
    return participle or where or continues and aside and len(gap) <= 120


def _opens_sentence(document: Document, quote: Quote) -> bool:
    """Whether the quote starts its sentence (or follows a colon): a quotation, not a phrase."""
    sentence_start, _ = sentence_bounds(document, quote)
    lead = document.text[sentence_start : quote.start].rstrip(' “"«„`')
    # "Instead, “he just acts like a defeated man.”": a word or two set off by a comma
    return (
        not lead
        or lead.endswith(":")
        or lead.endswith(",")
        and len(lead.split()) <= 2
        or lead.lower() in LEADING_FILLERS  # 'But “Q.”'
    )


def _previous_sentence_speaker(
    document: Document, quote: Quote, referents: Referents
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
    found = patterns.attribution_before(document.text, before.start, before.end)
    if found is None and before.text.rstrip().endswith(":"):
        found = patterns.subject_of(document.text, before.start, before.end, referents.is_speaker)
    if found is None or not before.text.rstrip().endswith((":", ".")):
        return None
    if len(before.text.split()) > 30:
        return None
    source = Quote(0, 0, 0, -1)
    source.cue, source.speaker_mention = found.cue, found.text
    source.speaker_start, source.speaker_end = found.start, found.end
    return source


def classify(document: Document, found: list[Quote]) -> None:
    text = document.text
    for quote in found:
        words = len(text[quote.start : quote.end].split())
        sentence_start, _ = sentence_bounds(document, quote)
        lead = text[max(sentence_start, quote.start - LOOKBACK) : quote.start].rstrip(' “"«„`')
        embedded = bool(lead) and not lead.endswith((":", ",")) and not _cue_ends(lead)
        said_after = quote.attribution_end > quote.end  # '“No,” said Zarif': speech
        # 'Sanders had said, “We’ll see,”': words after a cue and its comma are speech, not
        # a title (but 'who wrote “Peter Pan”', 'a show called, “Brokers”' name one)
        said_before = (
            quote.attributed
            and lead.endswith((",", ":"))
            and _cue_ends(lead)
            and _last_word(lead) not in NAMING_CUES
        )
        scare = _scare_rule(document, quote, words, said_after or said_before)
        if scare is not None:
            quote.rules.append(scare)
            quote.kind = QuoteKind.scare
        elif embedded and (text[quote.start].islower() or words <= SCARE_MAX_WORDS):
            quote.rules.append("partial")
            quote.kind = QuoteKind.partial
        else:
            quote.kind = QuoteKind.direct


def _scare_rule(document: Document, quote: Quote, words: int, said: bool) -> str | None:
    """The id of the rule that makes a quote a scare quote, if one does: a work's title no
    cue introduces, a title after a preposition or an owner, a headline and its byline, or
    a few words no one is said to have said."""
    text = document.text
    if is_title(text[quote.start : quote.end]) and not said:
        return "title"
    if names_a_work(document, quote):
        return "names_a_title"
    if _BYLINE.match(text, quote.end):
        # '“Met accused of whitewashing baby Jesus,” by Post’s Kathianne Boniello': a
        # headline and its byline, as newsletters list stories
        return "headline_byline"
    # a few words no one is said to have said; 'touted it as a “slap”' is the speaker's
    # word (news annotation counts it, and so do readers)
    if not quote.attributed and words <= SCARE_MAX_WORDS:
        return "scare_quote"
    return None


def names_a_work(document: Document, quote: Quote) -> bool:
    """'on “Meet the Press,” Sanders said', 'MSNBC’s “Morning Joe”': a title after a
    preposition or an owner names a show or a work, whoever speaks next."""
    text = document.text
    sentence_start, _ = sentence_bounds(document, quote)
    lead = text[max(sentence_start, quote.start - LOOKBACK) : quote.start].rstrip(' “"«„`')
    return _names_a_work(lead) and is_title(text[quote.start : quote.end].rstrip(" .,"))


def _names_a_work(lead: str) -> bool:
    words = lead.rsplit(None, 1)
    last = words[-1] if words else ""
    return last.lower() in WORK_PREPOSITIONS or last.endswith(("’s", "'s"))


def _cue_ends(lead: str) -> bool:
    last = _last_word(lead)
    return last in CUES or last == "that"


def _last_word(lead: str) -> str:
    words = lead.rsplit(None, 1)
    return words[-1].strip(",:;").lower() if words else ""
