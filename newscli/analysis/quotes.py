"""Who said what: every quotation in an article, with its speaker resolved to a full name.

1. Quotations are found by one left-to-right pass over each paragraph's quotation marks
   (`newscli.quotemarks`), so any input, even a megabyte of stray marks, takes linear time.
   A mark left open at the end of a paragraph continues into the next paragraph only if
   that one re-opens it (a quotation over several paragraphs); otherwise it is a stray mark
   and costs nothing beyond itself.
2. Each quotation is attributed from its own sentence: a speech cue (said, told, insisted,
   according to, ...) after the closing mark (`“Q,” Zarif said`, `“Q,” said Zarif`) or
   before the opening one (`Zarif said: “Q”`, `Zarif said his country would strike “Q”`),
   with the speaker next to the cue, or else the subject of the cue's clause; a transcript
   label (`Clinton: “Q”`), a signature line after it (`- Bernie Sanders.`), or, for a long
   quotation inside a sentence, the sentence's subject (`Ryan worried that the net was
   becoming “Q”`). A quotation with none takes the speaker of the other part of a split
   quotation (`“A,” he said. “B.”`), of the previous sentence (`X said on Tuesday. “Q.”`,
   `X issued this statement: “Q”`) or of the previous paragraph's quotation, which it
   continues; a paragraph-long quotation with no attribution at all is whoever the text
   was just about.
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

from newscli import gender
from newscli.document import Document, Sentence
from newscli.names import ROLE_NOUNS, Mention, NameIndex, role_words, tagged_mentions
from newscli.quotemarks import mark_at, marks

DIRECT = "direct"
PARTIAL = "partial"
SCARE = "scare"
INDIRECT = "indirect"
#: an unattributed quotation this short is a scare or title quote ("a “slap”")
SCARE_MAX_WORDS = 4

_CUE_VERBS = """say said says saying tell told tells telling add added adds adding insist
insisted insists insisting echo echoed echoes echoing ask asked asks asking write wrote
writes writing explain explained explains explaining note noted notes noting state stated
states stating declare declared declares declaring respond responded responds responding
reply replied replies replying continue continued continues continuing tweet tweeted
tweets tweeting argue argued argues arguing claim claimed claims claiming warn warned warns
warning recall recalled recalls recalling announce announced announces announcing
acknowledge acknowledged acknowledges acknowledging admit admitted admits admitting agree
agreed agrees agreeing observe observed observes observing suggest suggested suggests
suggesting stress stressed stresses stressing emphasize emphasized emphasizes emphasised
complain complained complains complaining caution cautioned cautions concede conceded
concedes remark remarked remarks report reported reports reporting testify testified
testifies post posted posts quip quipped joke joked jokes urge urged urges predict predicted
predicts shout shouted shouts yell yelled whisper whispered maintain maintained maintains
counter countered counters confirm confirmed confirms reveal revealed reveals describe
described describes describing call called calls calling conclude concluded concludes
concluding mention mentioned mentions boast boasted boasts vow vowed vows pledge pledged
promise promised promises threaten threatened insist laugh laughed read exclaim exclaimed
charge charged point pointed chime chimed interject interjected retort retorted snap snapped
scoff scoffed hit added demand demanded reads wonder wondered wonders assure assured
assures remember remembered remembers allege alleged alleges label labeled labelled
labels dub dubbed dubs term termed brand branded blast blasted blasts slam slammed slams
criticize criticized criticizes criticise criticised praise praised praises lament
lamented laments brag bragged brags tout touted touts accuse accused accuses mock mocked
mocks dismiss dismissed dismisses decry decried decries denounce denounced denounces
condemn condemned condemns hail hailed hails defend defended defends deny denied denies
assert asserted asserts""".split()
CUES = frozenset(_CUE_VERBS)
_INFLECTED = ("s", "ed", "ing")
#: cues that are the bare verb, which is also a noun ("a call", "the report")
_BASE_FORMS = frozenset(
    w for w in CUES if not w.endswith(_INFLECTED) and w not in {"said", "told", "wrote", "read"}
)
_BARE_FORM_SUBJECTS = frozenset(
    """i we they you will would could should might may must can did do does to not
    n’t n't also then later""".split()
)
_BE_FORMS = frozenset("is are was were be been being".split())
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_WORD = re.compile(
    r"(?:Gov|Sen|Rep|Gen|Dr|Mr|Mrs|Ms|St|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|Adm)\.(?=\s)"
    r"|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s[A-Z])|(?:[DRI]-)?[A-Z][a-z]{1,4}\.(?=,)"
    r"|[\w’'-]+(?:\.[\w’'-]+)*|[,:;—–.]"
)
_ADVERBS = frozenset(
    """also later then previously again once further simply recently earlier quickly
    flatly bluntly angrily repeatedly publicly privately separately last will would has had
    have did does could""".split()
)
_SUBJECT_PRONOUNS = frozenset("he she they i we it".split())
#: "the mayor", "the minister": the last word is matched against people's roles
_ROLE_REFERENCE = re.compile(r"\b[Tt]he (?:[a-z]+ ){0,2}([a-z]+)\b")
#: "the company said": the last organisation named before
_ORGANISATION_NOUNS = frozenset(
    """company firm airline carrier group agency ministry department bank party union
    government campaign committee council club team university hospital school network
    newspaper channel station court organisation organization charity""".split()
)
_DETERMINERS = frozenset("the a an another one this that its his her their".split())
_NOT_SPEAKERS = frozenset("it this that there what which who".split())
# ", who heads the agency,", ", 61,", ", the head of X,": a clause set off after a name
_APPOSITIVE_OPENERS = frozenset("who whose which a an the one its his her their of from".split())
# capitalised at a sentence start but no part of a name: "But Ayatollah Ali Khameni said"
_LEADING_FILLERS = frozenset(
    """but and or so yet then now still also when while after before as if because though
    although meanwhile however in on at""".split()
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
    quotation: int
    in_title: bool = False
    sentence: int | None = None
    kind: str = DIRECT
    cue: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None
    role: str | None = None
    attributed: bool = field(default=False)
    #: a paragraph-long quotation with no attribution: whoever the text was just about
    implicit: bool = False
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
        for start, end, _ in _spans_in(text, title.start, title.end):
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
        for index, (start, end, closed) in enumerate(spans):
            if not closed and not _may_run_on(text, paragraph.start, start):
                continue  # a stray mark: it costs only its own paragraph
            if index == 0 and quotation >= 0:
                part = Quote(start, end, paragraph.index, quotation)
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


def _spans_in(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quotation in text[start:end]; the last may be open."""
    spans: list[tuple[int, int, bool]] = []
    open_at = -1
    for i, direction, length in marks(text, start, end):
        if direction == "open":
            open_at = i + length  # a second opening mark means the first was stray
        elif open_at >= 0:
            inner = _trimmed(text, open_at, i)
            if inner:
                spans.append((*inner, True))
            open_at = -1
    if open_at >= 0:
        inner = _trimmed(text, open_at, end)
        if inner:
            spans.append((*inner, False))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# --- attribution --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Speaker:
    text: str
    start: int
    end: int
    cue: str
    #: where the attribution ("Zarif said", "said Zarif") ends
    until: int


_PARTY_STATE = re.compile(r"[DRI]-[A-Z]")
_POSSESSIVE = re.compile(r"[’']s?$")
#: "Powell’s office", "Trump’s campaign"
_OWNED = re.compile(r"(?P<owner>(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*)[’']s?\s(?P<thing>[a-z][a-z ]*)")
#: "Sen. Marco Rubio (R-Fla.) said": a short parenthesis is read past, not as words
_PARENTHESIS = re.compile(r"\([^()\n]{1,40}\)")


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    words = []
    position = start
    for parenthesis in _PARENTHESIS.finditer(text, start, end):
        words += [
            (m.group(), m.start(), m.end())
            for m in _WORD.finditer(text, position, parenthesis.start())
        ]
        position = parenthesis.end()
    words += [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, position, end)]
    return words


def _is_cue(words: list[tuple[str, int, int]], position: int) -> bool:
    """A speech verb; capitalised only after punctuation ("..., Tweeted"), so "United
    States", "Islamic State" and "Washington Post" are names, not cues."""
    word = words[position][0]
    if word.lower() not in CUES:
        return False
    previous = words[position - 1][0].lower() if position else ""
    if not (word.islower() or position == 0 or not previous[:1].isalnum()):
        return False
    if _POSSESSIVE.search(previous) or previous in ("his", "her", "their", "its"):
        return False  # "Trump’s remarks", "his promise": nouns
    if previous in _BE_FORMS and not word.endswith("ing"):
        return False  # "the staffer was charged": passive, no one speaking
    if word.lower() in _BASE_FORMS and position:
        # "a phone call", "the report": a bare verb form after a noun is a noun; as a
        # verb it follows a plural subject, a modal or an auxiliary ("they say", "will add")
        return previous in _BARE_FORM_SUBJECTS or (previous.endswith("s") and previous.isalpha())
    return True


def _phrase_before(words: list[tuple[str, int, int]], index: int) -> tuple[int, int] | None:
    """The noun phrase ending right before words[index]: a name, pronoun or "the minister"."""
    j = index - 1
    progressive = words[index][0].endswith("ing")  # "Trump is insisting"
    while j >= 0 and (
        words[j][0].lower() in _ADVERBS
        or progressive
        and words[j][0].lower() in _BE_FORMS
        or words[j][0].islower()
        and words[j][0].endswith("ly")  # "Cruz gingerly said"
    ):
        j -= 1
    # "Haines, who heads the Army Corps of Engineers, told", "Cory James, 22, of Flint,
    # Mich., said": skip the appositives back to the name
    skipped = 0
    while skipped < 4 and j > 0 and words[j][0] == ",":
        k = j - 1
        while k >= 0 and words[k][0] != "," and j - k <= 14:
            k -= 1
        if k <= 0 or words[k][0] != ",":
            break
        opener = words[k + 1][0]
        inside = words[k + 1 : j]
        if (
            opener.lower() in _APPOSITIVE_OPENERS
            or _PARTY_STATE.match(opener) is not None  # "Mitch McConnell, R-Ky., said"
            or opener[:1].isdigit()
            or opener.lower() in ROLE_NOUNS
            or (opener.islower() and opener.endswith("ing"))
            or (len(inside) == 1 and opener[:1].isupper() and opener.endswith("."))  # "Mich."
            or (_POSSESSIVE.search(opener) is not None and len(inside) > 1)  # "Twitter’s director"
        ):
            j = k
            skipped += 1
            continue
        if 0 < len(inside) <= 4 and all(w[0][:1].isupper() for w in inside):
            # "The leader of the league, Jonathan Greenblatt, warned": the name inside
            return k + 1, j - 1
        break
    if skipped:
        j -= 1  # the last word before the first appositive
    if j < 0:
        return None
    last = words[j][0]
    if last.lower() in _DETERMINERS or last.lower() in _LEADING_FILLERS:
        return None
    if last.lower() in _SUBJECT_PRONOUNS:
        return (j, j) if last.lower() not in _NOT_SPEAKERS else None
    described = _described_noun(words, j)
    if described is not None:
        return described, j
    if last[:1].isupper() or last.lower() in ROLE_NOUNS or last.lower() in _NOUN_SPEAKERS:
        first = j
        while first > 0 and first > j - 7:
            previous = words[first - 1][0]
            if (
                previous[:1].isupper()
                or previous.lower() in _DETERMINERS
                or (
                    previous.islower()
                    and previous.isalpha()
                    and previous.lower() not in CUES
                    and first - 1 >= j - 3
                    and last.lower() in ROLE_NOUNS | _NOUN_SPEAKERS
                )
            ):
                first -= 1
            else:
                break
        while first < j and words[first][0].lower() in _LEADING_FILLERS:
            first += 1
        return first, j
    return None


def _described_noun(words: list[tuple[str, int, int]], j: int) -> int | None:
    """Where "the board", "the 46-year-old", "a senior official", "one P&G Amiens employee",
    "Powell’s office" starts, if words[j] ends one."""
    if not words[j][0].replace("-", "").isalnum() or not words[j][0].islower():
        return None
    for first in range(j - 1, max(-1, j - 5), -1):
        word = words[first][0]
        if word.lower() in ("the", "a", "an", "one", "another"):
            return first
        if first == j - 1 and word[:1].isupper() and _POSSESSIVE.search(word):
            return first  # "Powell’s office"
        plain = word.replace("-", "").replace("&", "").isalnum()
        if not plain or word in CUES or word.lower() in _FUNCTION_WORDS:
            return None
    return None


def _phrase_after(words: list[tuple[str, int, int]], index: int) -> tuple[int, int] | None:
    """The noun phrase right after words[index]: "said Zarif", "said the minister"."""
    j = index + 1
    if j >= len(words):
        return None
    first = j
    word = words[j][0]
    if word.lower() in _SUBJECT_PRONOUNS - _NOT_SPEAKERS:
        return j, j
    if word.lower() in ("that", "this"):
        return None  # "claiming that he ...": a clause, not a speaker
    if word.lower() in _DETERMINERS:
        j += 1
    elif not word[:1].isupper() and not _modifies_name(words, j):
        return None  # a speaker after the cue is a name, a pronoun or "the minister"
    last = None
    while j < len(words) and j < first + 8:
        token = words[j][0]
        if token[:1].isupper():
            last = j
            j += 1
            continue
        plain = token.replace("-", "").isalnum() and token.islower() and token not in CUES
        if not plain or token in _FUNCTION_WORDS:
            break
        if last is not None and words[first][0].lower() in _DETERMINERS:
            # "said the Florida senator", "the Republican vice-presidential nominee"
            for role in range(j, min(j + 2, len(words))):
                if words[role][0] in ROLE_NOUNS:
                    return first, role
                if not words[role][0].replace("-", "").isalpha():
                    break
        if last is not None and words[last][0][:1].isupper():
            # "said Zarif" ends at the name, unless a role and another name follow
            # ("said former Obama adviser David Axelrod")
            if not _modifies_name(words, j):
                break
        elif not _modifies_name(words, j) and j > first + 3:
            break
        if _modifies_name(words, j):
            j += 1
            continue
        last = j
        j += 1
        following = words[j][0] if j < len(words) else ""
        if token in ROLE_NOUNS | _NOUN_SPEAKERS and following not in ROLE_NOUNS:
            break  # "said the minister", "said a spokeswoman", "the chief executive"
    return (first, last) if last is not None else None


#: words that start a phrase after a cue but never a speaker's description
_FUNCTION_WORDS = frozenset(
    """on in at of for to with by from during after before about as and but or that this
    these those in into over under not no so than then there here when while where if
    because since until""".split()
)


def _modifies_name(words: list[tuple[str, int, int]], j: int) -> bool:
    """'said former Obama adviser David Axelrod': lower-case words describing the name
    that follows within three words."""
    for word, _, _ in words[j : j + 4]:
        if word[:1].isupper():
            return True
        plain = word.isalpha() and word.islower()
        if not plain or word in _FUNCTION_WORDS or word in _ADVERBS or word in CUES:
            return False
        if word.endswith(("ly", "ed")):
            return False  # an adverb or a verb: "quickly", "beamed Donald Hartley"
    return False


#: what people issue, whose "saying" is theirs
_DOCUMENTS = frozenset(
    "statement letter release report email memo message post tweet video ad note".split()
)

_NOUN_SPEAKERS = frozenset(
    """newspaper paper statement report officials official police campaign spokesman
    spokeswoman ministry government agency department company group source sources person
    man woman people voter voters resident residents supporter supporters critic critics
    user users member members tycoon candidate nominee aide aides expert experts""".split()
)


def _ends_soon(text: str, words: list[tuple[str, int, int]], cue: int) -> bool:
    """Whether the sentence ends within a few words of the cue, with no quotation between
    ('“Q.” he said on Monday.' -- not '“Q.” Rubio called it “R.”')."""
    for word, start, _ in words[cue + 1 : cue + 8]:
        if word == ".":
            return not any(mark in text[words[cue][2] : start] for mark in '“"«„`')
        if word in (",", ":"):
            return False
    return len(words) <= cue + 8


def _attribution_after(
    text: str,
    close: int,
    limit: int,
    ends_sentence: bool = False,
    is_speaker: Callable[[str], bool] = lambda _: False,
) -> _Speaker | None:
    """`“Q,” Zarif said` / `“Q,” said Zarif` / `“Q” — Zarif`, from the closing mark on;
    `“Q?” Hannity pressed.`: a speaker `is_speaker` accepts and a verb not listed as a cue."""
    words = _words(text, close, min(limit, close + 240))
    # skip the closing mark's punctuation
    index = 0
    while index < len(words) and words[index][0] in {",", "—", "–", ":", ";"}:
        index += 1
    horizon = 9
    for offset in range(min(len(words) - index, 24)):
        position = index + offset
        word = words[position][0]
        if word in {".", ";"} or offset >= horizon:
            break
        if word == "," and offset and words[position - 1][0][:1].isupper():
            horizon = offset + 16  # "“Q,” Trump, the GOP frontrunner, said"
        if not _is_cue(words, position):
            continue
        if ends_sentence and not _ends_soon(text, words, position):
            return None  # '“Q.” He added, “R.”', '“Q.” Rubio called it “R”': not Q's
        span = _phrase_before(words, position) if offset else None
        if span is None and offset == 1 and words[index][0].lower() == "it":
            span = index, index  # '“Q,” it said': a statement, a report, a company
        if span is not None and span[0] < index:
            span = None
        if span is None and offset == 0:
            span = _phrase_after(words, position)  # '“Q,” said Zarif
        if span is not None:
            return _speaker(text, words, span, word, words[position][2])
        break
    if index < len(words) and text[close : close + 40].lstrip(" ,").startswith(("—", "–", "-")):
        span = _phrase_after(words, index - 1) if index else None
        if span is not None:
            return _speaker(text, words, span, "—", 0)
    if not ends_sentence:
        return _speaker_and_verb(text, [("", close, close), *words[index:]], is_speaker)
    return None


#: past tenses of verbs a speaker "shot back" or "cut in" with
_IRREGULAR_PAST = frozenset("shot spoke went began cut put broke threw gave got came".split())


def _looks_past(word: str) -> bool:
    return word.isalpha() and word.islower() and (word.endswith("ed") or word in _IRREGULAR_PAST)


def _speaker_and_verb(
    text: str, words: list[tuple[str, int, int]], is_speaker: Callable[[str], bool]
) -> _Speaker | None:
    """'“Q?” Hannity pressed.' / '“Q,” he shot back': a speaker right after the quotation,
    then a past or present verb ending the attribution."""
    span = _phrase_after(words, 0)
    if span is None and len(words) > 2 and _looks_past(words[1][0]):
        # '“This is fantastic!” beamed Donald Hartley'
        span = _phrase_after(words, 1)
        if span is None or not is_speaker(text[words[span[0]][1] : words[span[1]][2]]):
            return None
        return _speaker(text, words, span, words[1][0], words[1][2])
    if span is None or span[1] + 1 >= len(words):
        return None
    verb = words[span[1] + 1][0]
    if not (_looks_past(verb) or verb.isalpha() and verb.islower() and verb.endswith("s")):
        return None
    if not _ends_soon(text, words, span[1] + 1):
        return None
    mention = " ".join(w[0] for w in words[span[0] : span[1] + 1])
    described = words[span[1]][0] in ROLE_NOUNS  # "the Republican nominee riffed"
    if mention.lower() not in ("he", "she", "they", "i", "we", "it") and not (
        described or is_speaker(mention)
    ):
        return None
    return _speaker(text, words, span, verb, words[span[1] + 1][2])


def _attribution_before(
    text: str, start: int, opening: int, is_speaker: Callable[[str], bool] = lambda _: False
) -> _Speaker | None:
    """`Zarif said: “Q` / `Zarif said his country would strike “Q` / `according to X, “Q`.

    For a participle cue (`Trump returned the compliment, telling Reuters, “Q`) the speaker
    is the sentence's subject: its first name `is_speaker` accepts."""
    according = None
    for match in _ACCORDING.finditer(text, start, opening):
        according = match
    if according is not None:
        words = _words(text, according.end(), opening)
        span = _phrase_after([("to", 0, 0), *words], 0)
        if span is not None:
            shifted = [("to", 0, 0), *words]
            return _speaker(text, shifted, span, "according to", according.end())
    words = _words(text, start, opening)
    for position in range(len(words) - 1, -1, -1):
        word = words[position][0]
        if not _is_cue(words, position):
            continue
        participle = word.lower().endswith("ing") and position > 0
        span = None
        if participle and words[position - 1][0].lower() not in _BE_FORMS:
            # "Trump released an ad calling it “Q”": the ad is Trump's object, Trump speaks
            span = _subject(words[:position], is_speaker)
        if span is None:
            span = _phrase_before(words, position)
            if participle and span is not None and words[span[1]][0] in _DOCUMENTS:
                # "Black Lives Matter issued a statement saying": who issued it, named in
                # more than one word when the tagger does not know it
                span = _subject(words[:position], lambda name: " " in name) or span
        if span is None:
            # "said Zarif: “Q" -- the speaker after the cue, right before the quotation
            after = None if word.lower().endswith("ing") else _phrase_after(words, position)
            rest = words[after[1] + 1 :] if after is not None else []
            if after is not None and rest and all(w[0] in ":," for w in rest):
                span = after
        if span is None and position > 1 and words[position - 1][0].lower() == "who":
            # "met Smith, who said “Q”"
            comma = words[position - 2][0] == ","
            span = _phrase_before(words, position - 2 if comma else position - 1)
        if span is None:
            # "Carson took the stage and called the system “Q”": the clause's subject
            span = _subject(words[:position], is_speaker)
        if span is not None:
            return _speaker(text, words, span, word, words[position][2])
    return None


def _labelled(
    text: str, start: int, opening: int, is_speaker: Callable[[str], bool]
) -> _Speaker | None:
    """'Clinton: “Q”', '- Pew Research: “Q”': a name and a colon, as in a transcript."""
    lead = text[start:opening].rstrip(' “"«„`')
    if not lead.endswith(":"):
        return None
    words = _words(text, start, start + len(lead) - 1)
    while words and not words[0][0][:1].isalnum():
        words = words[1:]  # a leading dash or bullet
    if not words or len(words) > 5 or not all(w[0][:1].isupper() for w in words):
        return None
    name = text[words[0][1] : words[-1][2]]
    if not is_speaker(name):
        return None
    return _speaker(text, words, (0, len(words) - 1), ":", start + len(lead))


def _signed(document: Document, quote: Quote, is_speaker: Callable[[str], bool]) -> _Speaker | None:
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
    words = _words(text, following.start, following.end)
    span = _phrase_after(words, 0)
    if span is None:
        return None
    name = text[words[span[0]][1] : words[span[1]][2]]
    return _speaker(text, words, span, "—", 0) if is_speaker(name) else None


def _subject_of(
    text: str, start: int, opening: int, is_person: Callable[[str], bool]
) -> _Speaker | None:
    """'Paul Ryan worried that the safety net was becoming “a hammock that lulls ...”':
    a long quotation inside a sentence whose subject is a person is that person's, whatever
    the verb."""
    words = _words(text, start, opening)
    span = _subject(words, is_person)
    if span is None or span[1] + 1 >= len(words):
        return None
    verb = words[span[1] + 1]
    return _speaker(text, words, span, verb[0], verb[2])


def _subject(
    words: list[tuple[str, int, int]], accepts: Callable[[str], bool]
) -> tuple[int, int] | None:
    """The first run of capitalised words that `accepts` takes, or a subject pronoun
    ("Minutes later, she sent an email saying")."""
    index = 0
    while index < len(words):
        if words[index][0].lower() in ("he", "she", "they"):
            return index, index
        if not words[index][0][:1].isupper():
            index += 1
            continue
        end = index
        while end + 1 < len(words) and words[end + 1][0][:1].isupper():
            end += 1
        name = " ".join(w[0] for w in words[index : end + 1])
        following = words[end + 1][0] if end + 1 < len(words) else ""
        # a subject is followed by its verb ("Trump went"), not a comma ("Salem, New
        # Hampshire,") unless it opens the sentence ("Christie, the governor, repeated"); a
        # possessive is not the subject ("Hollande denounced Trump’s remarks")
        verb_follows = following.isalpha() and following.islower()
        opens = index == 0 and following == ","
        if (verb_follows or opens) and not _POSSESSIVE.search(name) and accepts(name):
            return index, end
        index = end + 1
    return None


def _speaker(
    text: str, words: list[tuple[str, int, int]], span: tuple[int, int], cue: str, cue_end: int
) -> _Speaker:
    start, end = words[span[0]][1], words[span[1]][2]
    mention = text[start:end].strip(",:;—– ")
    if mention.endswith(("’s", "'s")):
        mention = mention[:-2]
    return _Speaker(mention, start, start + len(mention), cue.lower(), max(end, cue_end))


# --- who is who ---------------------------------------------------------------------------


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
        words = _strip_possessive(name).split()
        for first in range(min(len(words), 6)):
            canonical = self.names.canonical(" ".join(words[first:]))
            if canonical is not None:
                return canonical
        return None

    def is_named_person(self, name: str) -> bool:
        """A person the article names in full or with a role: not a stray capitalised word."""
        canonical = self.canonical(name)
        return (
            canonical is not None
            and not self.names.is_organisation(canonical)
            and (len(canonical.split()) > 1 or self.names.role(canonical) is not None)
        )

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
        if lower in _SUBJECT_PRONOUNS:
            fits = _fits_pronoun(lower, names)
            person = (
                self.last_person_before(position, paragraph_start, fits)
                or (last_person if last_person is not None and fits(last_person) else None)
                or self.last_person_before(position, 0, fits)
            )
            return person, names.role(person) if person else None
        words = mention.split()
        if words[0].lower() in _DETERMINERS and words[-1].islower():
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
        self, position: int, since: int, fits: Callable[[str], bool]
    ) -> str | None:
        """The last person referred to in text[since:position] whom `fits` accepts, outside
        quotations: by name, or by a role they hold ("the mayor" after "Mayor Linda Okafor")."""
        by_role: dict[str, str] = {}  # a role's last word -> who holds it
        referents: list[tuple[int, str]] = []
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
                referents.append((mention.start, canonical))
        if by_role:
            window_start = max(since, position - _LOOKBACK)
            for match in _ROLE_REFERENCE.finditer(self.document.text, window_start, position):
                holder = by_role.get(match.group(1).lower())
                if holder is not None:
                    referents.append((match.start(), holder))
        # the nearest sentence naming someone who fits; in it, the first such person, most
        # often its subject ("Bryant said he'll still back Trump. “Q,” he said": Bryant)
        by_sentence: dict[int, list[tuple[int, str]]] = {}
        for start, person in referents:
            if fits(person):
                by_sentence.setdefault(self.sentence_of(start), []).append((start, person))
        if not by_sentence:
            return None
        return min(by_sentence[max(by_sentence)])[1]

    def sentence_of(self, position: int) -> int:
        return bisect_right(self.document.sentences, position, key=lambda s: s.start) - 1


# --- the analysis ---------------------------------------------------------------------------


def quotes(
    document: Document,
    *,
    include_all: bool = False,
    indirect: bool = False,
    entities: Iterable[Any] | None = None,
) -> list[dict[str, Any]]:
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
    mentions = tagged_mentions(document, entities)
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
    records = [_record(document, q) for q in found if include_all or q.kind != SCARE]
    if indirect:
        records.extend(_indirect(document, found, referents))
        records.sort(key=lambda r: r["start"])
    return records


def speakers(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
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
    ends_sentence = text[quote.start : quote.end].rstrip().endswith(".")
    is_speaker = referents.is_speaker

    def candidates() -> Iterator[_Speaker | None]:
        # tried in this order, each only if the ones before found no one
        after = _attribution_after(text, close, after_sentence_end, ends_sentence, is_speaker)
        if after is not None and _right_behind(text, close, after):
            yield after  # '“Q,” said Dunn' / '“Q,” Dunn said', whatever came before
        if text[sentence_start:opening].strip(' “"«„`'):
            # inside a sentence that names its speaker first ("Carter said the approach
            # was “Q”, but he also warned"), the words after the quotation are a new clause
            yield _attribution_before(text, sentence_start, opening + 1, is_speaker)
        yield after
        yield _attribution_before(text, sentence_start, opening + 1, is_speaker)
        yield _labelled(text, sentence_start, opening + 1, is_speaker)
        if not quote.in_title:
            yield _signed(document, quote, is_speaker)

    found = next(
        (c for c in candidates() if c is not None and c.text.lower() not in _DATE_WORDS),
        None,
    )
    if found is None and len(text[quote.start : quote.end].split()) > SCARE_MAX_WORDS:
        found = _subject_of(text, sentence_start, opening + 1, referents.is_named_person)
    if found is None:
        return
    quote.cue = found.cue
    quote.speaker_mention = found.text
    quote.speaker_start = found.start
    quote.speaker_end = found.end
    quote.attributed = True
    quote.attribution_end = found.until


def _right_behind(text: str, close: int, found: _Speaker) -> bool:
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
            if (
                source is None
                and previous is not None
                and previous.attributed
                and (_opens_sentence(document, quote) or _right_after(document, previous, quote))
            ):
                same_paragraph = previous.paragraph == quote.paragraph
                next_paragraph = previous.paragraph == quote.paragraph - 1 and _opens_paragraph(
                    document, quote
                )
                if same_paragraph or next_paragraph:
                    source = previous
            if source is None:
                source = _previous_sentence_speaker(document, quote, referents.is_speaker)
            if source is not None:
                quote.cue = source.cue
                quote.speaker_mention = source.speaker_mention
                quote.speaker_start = source.speaker_start
                quote.speaker_end = source.speaker_end
                quote.attributed = True
            else:
                quote.implicit = _is_paragraph(document, quote)
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
    """'Clinton said on ABC’s “This Week”': a few quoted words inside a sentence, which do
    not interrupt who is speaking around them."""
    short = len(document.text[quote.start : quote.end].split()) <= SCARE_MAX_WORDS
    return short and not _opens_sentence(document, quote)


def _right_after(document: Document, previous: Quote, quote: Quote) -> bool:
    """'“A,” he said, “B.”', '“A,” said Sherman, speaking of politicians, “b”': only the
    previous part's attribution, and maybe a phrase in commas, stands between them."""
    if previous.attribution_end <= previous.end:
        return False
    gap = document.text[previous.attribution_end : quote.start].rstrip(' “"«„`')
    if not gap.strip(' ,:;.”"»'):
        return True
    # a phrase continuing the attribution: no sentence ends before the lower-case part
    text = document.text
    if len(gap) > 120 or any(c in gap for c in '.!?“”"'):
        return False
    # "Hollande said Tuesday in Paris, noting the nominee “makes you want to retch”"
    participle = any(w.endswith("ing") and w in CUES for w in gap.lower().split())
    continues = text[previous.end - 1] == "," and text[quote.start].islower()
    aside = gap.strip().startswith(",") or gap.strip().endswith(",")
    return participle or continues and aside and len(gap) <= 80


def _opens_sentence(document: Document, quote: Quote) -> bool:
    """Whether the quote starts its sentence (or follows a colon): a quotation, not a phrase."""
    sentence_start, _ = _sentence_bounds(document, quote)
    lead = document.text[sentence_start : quote.start].rstrip(' “"«„`')
    # "Instead, “he just acts like a defeated man.”": a word or two set off by a comma
    return not lead or lead.endswith(":") or lead.endswith(",") and len(lead.split()) <= 2


def _opens_paragraph(document: Document, quote: Quote) -> bool:
    paragraph = document.paragraphs[quote.paragraph]
    return document.text[paragraph.start : quote.start].strip(' “"«„`') == ""


def _previous_sentence_speaker(
    document: Document, quote: Quote, is_speaker: Callable[[str], bool]
) -> Quote | None:
    """`Zarif said on Tuesday. “Q.”`: a quote opening its sentence, after one that ends in
    an attribution, or that introduces it (`Trump issued the following statement: “Q.”`)."""
    if quote.sentence is None or quote.sentence == 0:
        return None
    sentence = document.sentences[quote.sentence]
    if document.text[sentence.start : quote.start].strip(' “"«„`') != "":
        return None
    before = document.sentences[quote.sentence - 1]
    if any(c in before.text for c in '“”"'):
        return None
    found = _attribution_before(document.text, before.start, before.end)
    if found is None and before.text.rstrip().endswith(":"):
        found = _subject_of(document.text, before.start, before.end, is_speaker)
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
            quote.kind = SCARE
        elif embedded and (text[quote.start].islower() or words <= SCARE_MAX_WORDS):
            quote.kind = PARTIAL
        else:
            quote.kind = DIRECT


def _strip_possessive(name: str) -> str:
    return name[:-2] if name.endswith(("’s", "'s")) else name


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
    return last in CUES or last == "that"


def _resolve(document: Document, found: list[Quote], referents: _Referents) -> None:
    last_person: str | None = None
    for quote in found:
        mention = quote.speaker_mention
        if mention is None:
            if quote.implicit:
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


def _indirect(
    document: Document, found: list[Quote], referents: _Referents
) -> list[dict[str, Any]]:
    """`Zarif said that ...` and `according to X, ...` in sentences without quotation marks."""
    quoted = {q.sentence for q in found}
    records = []
    text = document.text
    for sentence in document.sentences:
        if sentence.index in quoted or any(c in sentence.text for c in '“”"'):
            continue
        words = _words(text, sentence.start, sentence.end)
        for position, (word, _, word_end) in enumerate(words):
            if word.lower() not in INDIRECT_CUES:
                continue
            span = _phrase_before(words, position)
            if span is None:
                continue
            speaker = _speaker(text, words, span, word, word_end)
            clause_start = word_end
            rest = text[clause_start : sentence.end]
            that = re.match(r"\s*(?:\w+\s+){0,3}?that\s+", rest)
            if that:
                clause_start += that.end()
            clause = _trimmed(text, clause_start, sentence.end)
            if clause is None or clause[1] - clause[0] < 10:
                break
            name, role = referents.resolved(speaker.text, speaker.start, None, sentence.start)
            records.append(
                {
                    "text": text[clause[0] : clause[1]],
                    "start": clause[0],
                    "end": clause[1],
                    "kind": INDIRECT,
                    "speaker": name,
                    "speaker_mention": speaker.text,
                    "speaker_start": speaker.start,
                    "speaker_end": speaker.end,
                    "cue": speaker.cue,
                    "role": role,
                    "paragraph": sentence.paragraph,
                    "sentence": sentence.index,
                    "quotation": None,
                    "in_title": False,
                }
            )
            break
    return records


def _record(document: Document, quote: Quote) -> dict[str, Any]:
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
        "quotation": quote.quotation,
        "in_title": quote.in_title,
    }
