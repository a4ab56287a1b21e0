"""Find web boilerplate, captions and article metadata as spans to skip.

Cleaning never rewrites the text: it looks at each line of an article and says whether
it is body, metadata (byline, date, dateline, category tags) or boilerplate, each with
offsets into the original input. `document.parse` builds the body from what is left.

Each rule is deliberately narrow -- a line must look like boilerplate as a whole, not
merely contain a trigger word -- because dropping a real sentence costs every analysis.
"""

import re
from dataclasses import dataclass, field

from newscli.lexicon import SECTION_WORDS
from newscli.schema import DropReason


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line (or hard-wrapped lines joined), trimmed of surrounding space."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Drop:
    start: int
    end: int
    reason: DropReason


@dataclass(slots=True)
class Metadata:
    byline: str | None = None
    dateline: str | None = None
    date: str | None = None
    category_tags: list[str] = field(default_factory=list)
    #: the site's name, as a web page gives it
    site_name: str | None = None


@dataclass(slots=True)
class Cleaning:
    """What cleaning found: dropped spans, metadata, and the body lines that remain."""

    drops: list[Drop]
    metadata: Metadata
    body: list[Line]


_LINE = re.compile(r"[^\r\n]+")
#: besides a lowercase letter, a line ending in one of these continues on the next line
#: when that starts in lowercase
_CONTINUING_MARKS = frozenset(",;")


def _continues(line: str) -> bool:
    """Whether a line may run on into a next one that starts in lowercase: it ends in a
    lowercase letter of any script ("sűrűn"), a comma or semicolon, or a one-letter word
    (Hungarian's article "A", "Plan B"). A line ending in a number or an acronym is more
    often a heading or a list item than a wrap (GUM's texts)."""
    last = line[-1]
    one_letter_word = last.isalpha() and line[-2:-1] in ("", " ")
    return last.islower() or last in _CONTINUING_MARKS or one_letter_word


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with offsets; a hard-wrapped line joins the line it continues.

    A line that may continue (`_continues`) followed by a line starting in lowercase is one
    paragraph wrapped at a fixed width, not two paragraphs.
    """
    lines: list[Line] = []
    previous_end = -1
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            previous_end = -1
            continue
        if (
            lines
            and previous_end == lines[-1].end
            and text.count("\n", lines[-1].end, start) <= 1  # a blank line ends a paragraph
            and _continues(lines[-1].text)
            and text[start].islower()
        ):
            start = lines.pop().start
        lines.append(Line(start, end, text[start:end]))
        previous_end = end
    return lines


def _whole_line(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$", re.IGNORECASE)


_TAG_PREFIX = re.compile(
    r"^(?:tags|tagged|categories|category|filed under|posted in|topics|sections?)\s*[:|]",
    re.IGNORECASE,
)
_TAG_LINE = re.compile(r"^[A-Z][\w.&'’-]*(?:[ ,|·/]+(?:[A-Z][\w.&'’-]*|and|&|of))*$")
_COMMENTS = _whole_line(
    r"leave a (?:reply|comment)|post a comment|add (?:a )?comment|\d+ comments?|comments?"
    r"(?: \(\d+\))?|join the (?:discussion|conversation)|cancel reply|show comments|"
    r"view comments|be the first to comment.*|you must be logged in to post a comment.*"
)
_SHARE_WORD = r"share|tweet|email|e-mail|print|pin|whatsapp|facebook|twitter|x|linkedin|reddit|"
_SHARE_WORD += r"messenger|telegram|pinterest|copy link|comment|save"
_SHARE = re.compile(
    rf"^(?:(?:click to )?share(?: this(?: article| story| post)?)?(?: (?:on|via) \w+)?"
    rf"(?: \(opens in new window\))?:?|(?:(?:{_SHARE_WORD})[\s|,·•/]*)+)$",
    re.IGNORECASE,
)
_SUBSCRIBE = re.compile(
    r"^(?:subscribe\b|sign up\b|get (?:our|the) .{0,40}(?:newsletter|in your inbox)|follow us\b|"
    r"download (?:our|the) .{0,20}app|never miss a story|support (?:our|independent) journalism|"
    # "Follow Newsbeat on Instagram, Facebook ...", "Follow AP's full coverage of X at https://"
    r"follow [^.!?]{1,60}\bon (?:facebook|twitter|instagram|youtube|linkedin|tiktok|threads)\b|"
    r"follow [^.!?]{1,60}\bcoverage\b)"
    r".{0,150}$",
    re.IGNORECASE,
)
_ADVERTISEMENT = _whole_line(
    r"advertisement|ad|ads|sponsored(?: content)?|paid content|promoted(?: content)?|"
    r"story continues below(?: advertisement)?|continue reading(?: the main story| below)?|"
    r"skip (?:ad|advertisement)|scroll to continue(?: with content)?"
)
_RELATED = re.compile(
    r"^(?:related(?: (?:coverage|stories|articles|content|links|news))?|read more|read also|"
    r"also read|see also|more|more from [\w .]{1,30}|recommended|watch|listen|you may also like|"
    r"most read|trending|don[’']t miss)(?:\s*[:|>»—–-]\s*.{0,200}|\s*(?:\.\.\.|…))?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s*\d{4}|copyright\b).{0,200}$|^.{0,150}\ball rights reserved\.?$", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|and|&)){0,6})"
    r"(?:\s*(?:,|\||-|–|—|/)\s*.{0,60})?$",
    re.IGNORECASE,
)
_CREDITS = re.compile(
    r"^\(?(?:(?:additional )?reporting by|writing by|editing by|compiled by|contributing:)"
    r".{0,250}$",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"
_DAY_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}\S*)?)"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published)(?: on)?:?\s*)?"
    rf"(?:{_TIME},?\s+)?{_DAY_DATE}(?:,?\s*(?:at\s+)?{_TIME})?"
    rf"(?:\s*[|;,]\s*(?:updated:?\s*)?(?:{_TIME},?\s+)?(?:{_DAY_DATE})?(?:,?\s*{_TIME})?)?$",
    re.IGNORECASE,
)
_PHOTO_LABEL = re.compile(
    r"^\(?(?:photo|image|picture|pictured|file photo|caption|credit|photograph|video|graphic)"
    r"(?:\s+(?:by|credit))?\s*[:/|-]",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|Reuters|AP Photo|AFP|Getty Images|EPA(?:-EFE)?|Shutterstock|Bloomberg)"
    r"\s*/\s*[A-Z][\w.'’ -]{1,40}|\((?:AP|Reuters|AFP|Getty|EPA)[^)]{0,40}\)"
    r"|\((?:photo|image|picture)[^)]{0,60}\)"
    r"|\s(?:image|photo|photograph|picture|credit)s?:\s[^.!?:]{1,60})\s*\.?$",
    re.IGNORECASE,
)
# "WASHINGTON (Reuters) -", "BEIRUT, Lebanon (AP) —", "Evansville, Indiana, United States -"
_NOT_A_PLACE = (
    r"(?!(?:UPDATE[SD]?|BREAKING(?: NEWS)?|EXCLUSIVE|WATCH|LISTEN|NOTE|EDITOR'?S NOTE|ANALYSIS|"
    r"OPINION|LIVE|CORRECTION|FACT CHECK|Q|A)\b)"
)
_DATELINE = re.compile(
    r"^" + _NOT_A_PLACE + r"(?P<dateline>(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)+)"
    r"(?:,?\s*(?:" + _MONTH + r"\s+\d{1,2}|\d{4}))?"
    r"(?:\s*\((?:[A-Z][\w .&'’-]{0,30})\))?)\s*(?:[-–—]{1,2}|:)\s+(?=\S)"
)
_SENTENCE_CLOSERS = "\"'”’»)]"
# "LONDON 1996-08-30", "WASHINGTON, Jan 8": a wire story's dateline on a line of its own
_STANDALONE_DATELINE = re.compile(
    r"^" + _NOT_A_PLACE + r"(?P<dateline>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"
    r"(?:,\s*[A-Z][\w.'’-]*)*),?\s+"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|(?i:{_MONTH})\s+\d{{1,2}}(?:,?\s+\d{{4}})?)$"
)
#: lines this close to the top may be a standalone dateline
_DATELINE_LINES = 3
# a results row or schedule entry ("Brechin 3 0 3 0", "May 13 Arrive in London"): data,
# not a headline
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_ENDS_WITH_SCORE = re.compile(r"\s\d+$")
_STARTS_WITH_DATE = re.compile(rf"^{_MONTH}\s+\d{{1,2}}\b", re.IGNORECASE)
_DOTTED_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
_KICKER = re.compile(r"^[^:“”\"]{2,40}:\s")
_HEADLINE_MAX_WORDS = 20
# Patterns anchored at the end of a line are searched in its last _TAIL characters, longer
# than any of their matches: re.search tries every start position, and on long paragraphs
# that made cleaning the slowest part of parsing.
_TAIL = 200


def _search_end(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text, max(0, len(text) - _TAIL))


def _ends_with_stop(text: str) -> bool:
    """Whether the line ends in . ! ? or …, perhaps inside closing quotes or brackets."""
    # '... said Rios. "' -- a quotation going on in the next line -- ends a sentence too
    return text.rstrip(_SENTENCE_CLOSERS + " “")[-1:] in (".", "!", "?", "…")


def _ends_with_initials(text: str) -> bool:
    """Whether the line ends in a dotted abbreviation like "U.S."."""
    return (
        text.endswith(".") and text[-2:-1].isupper() and _search_end(_DOTTED_END, text) is not None
    )


def _words(text: str, limit: int) -> int:
    """The number of words, counted up to limit + 1: long paragraphs are not split whole."""
    return len(text.split(None, limit))


def _is_category_line(text: str) -> bool:
    if _TAG_PREFIX.match(text):
        return True
    if _words(text, 8) > 8 or not _TAG_LINE.match(text):
        return False
    words = {w.strip(",|·/").lower() for w in text.split()}
    return bool(words & SECTION_WORDS)


def ends_like_sentence(text: str) -> bool:
    """Whether a line ends with sentence punctuation (an abbreviation like "U.S." doesn't)."""
    return _ends_with_stop(text) and not _ends_with_initials(text)


def looks_like_title(text: str) -> bool:
    """A headline: short, and not ending like a running sentence."""
    words = _words(text, 30)
    if words > 30 or text[-1] in ".:;,":
        return False
    return not (text.rstrip("\"'”’)").endswith(("?", "!")) and words > 15)


def _looks_like_headline(text: str) -> bool:
    """A related-headline caption or subheading: a short line that is not a sentence."""
    if _words(text, _HEADLINE_MAX_WORDS) > _HEADLINE_MAX_WORDS or text.endswith((":", ",", ";")):
        return False  # "... and Breitbart News responded:" introduces what follows
    if (
        _STARTS_WITH_DATE.match(text)
        or _ENDS_WITH_SCORE.search(text)
        or len(_NUMBER.findall(text)) >= 2
    ):
        return False
    if not _ends_with_stop(text):
        return True
    # "Iran foreign minister: Soleimani killing was ... by U.S." -- a kicker and no real end
    return _ends_with_initials(text) and _KICKER.match(text) is not None


def _has_photo_credit(text: str) -> bool:
    # every credit form has a slash, a bracket or a colon: most paragraphs skip the regex
    tail = text[-_TAIL:]
    if "/" not in tail and "(" not in tail and ":" not in tail:
        return False
    return _search_end(_PHOTO_CREDIT, text) is not None


def _boilerplate_reason(text: str) -> DropReason | None:
    words = _words(text, 60)
    if _COMMENTS.match(text):
        return DropReason.comments
    if words <= 8 and _SHARE.match(text):
        return DropReason.share
    if _ADVERTISEMENT.match(text):
        return DropReason.advertisement
    if words <= 25 and _RELATED.match(text):
        return DropReason.related_link
    if words <= 25 and _SUBSCRIBE.match(text):
        return DropReason.subscribe
    if len(text) <= _TAIL + 20 and _COPYRIGHT.match(text):
        return DropReason.copyright
    if _CREDITS.match(text):
        return DropReason.credits
    if _PHOTO_LABEL.match(text) or (words <= 60 and _has_photo_credit(text)):
        return DropReason.photo_caption
    return None


def clean(lines: list[Line], *, structured: bool = False) -> Cleaning:
    """Classify each line (the title already removed) as body, metadata or boilerplate.

    `structured`: each line is a block a web page's markup marked (paragraph, heading,
    list item), so a short line is a heading or a short paragraph of the article, not a
    related-headline caption the plain text cannot tell from one.
    """
    metadata = Metadata()
    drops: dict[int, Drop] = {}
    for index, line in enumerate(lines):
        text = line.text
        reason = _boilerplate_reason(text)
        if reason is None and _words(text, 12) <= 12 and (byline := _BYLINE.match(text)):
            reason = DropReason.byline
            metadata.byline = metadata.byline or byline["name"]
        elif reason is None and _DATE_LINE.match(text):
            reason = DropReason.date
            metadata.date = metadata.date or text
        elif (
            reason is None
            and index < _DATELINE_LINES
            and (standalone := _STANDALONE_DATELINE.match(text))
        ):
            reason = DropReason.dateline
            metadata.dateline = metadata.dateline or standalone["dateline"]
        if reason is not None:
            drops[index] = Drop(line.start, line.end, reason)

    body_indices = [i for i in range(len(lines)) if i not in drops]
    _drop_categories(lines, body_indices, drops, metadata)
    if not structured:
        body_indices = [i for i in range(len(lines)) if i not in drops]
        _drop_headlines(lines, body_indices, drops)

    body = [lines[i] for i in range(len(lines)) if i not in drops]
    dropped = sorted(drops.values(), key=lambda d: d.start)
    if body:
        first = body[0]
        match = _DATELINE.match(first.text)
        if match and match.end() < len(first.text):
            metadata.dateline = match["dateline"]
            dropped.append(Drop(first.start, first.start + match.end(), DropReason.dateline))
            dropped.sort(key=lambda d: d.start)
            rest = first.start + match.end()
            body[0] = Line(rest, first.end, first.text[match.end() :])
    return Cleaning(drops=dropped, metadata=metadata, body=body)


def _drop_categories(
    lines: list[Line], body_indices: list[int], drops: dict[int, Drop], metadata: Metadata
) -> None:
    """Category tag lines sit before the first or after the last body paragraph."""
    sentences = [i for i in body_indices if ends_like_sentence(lines[i].text)]
    first_sentence = sentences[0] if sentences else len(lines)
    last_sentence = sentences[-1] if sentences else -1
    for index in body_indices:
        text = lines[index].text
        outside_body = index < first_sentence or index > last_sentence
        if (outside_body or _TAG_PREFIX.match(text)) and _is_category_line(text):
            drops[index] = Drop(lines[index].start, lines[index].end, DropReason.category)
            metadata.category_tags.append(text)


def _drop_headlines(lines: list[Line], body_indices: list[int], drops: dict[int, Drop]) -> None:
    """Short unpunctuated lines with body paragraphs on both sides are not body text."""
    paragraphs = [i for i in body_indices if not _looks_like_headline(lines[i].text)]
    if len(paragraphs) < 2:
        return
    first, last = paragraphs[0], paragraphs[-1]
    for index in body_indices:
        if first < index < last and _looks_like_headline(lines[index].text):
            drops[index] = Drop(lines[index].start, lines[index].end, DropReason.headline)
