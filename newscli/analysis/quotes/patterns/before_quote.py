"""Attribution before the quotation: `Zarif said: “Q`, `Zarif said his country would strike
“Q`, `according to X, “Q`, a participle's subject, and a transcript label (`Clinton: “Q”`)."""

import re
from collections.abc import Callable

from newscli.analysis.quotes.patterns.after_cue import phrase_after
from newscli.analysis.quotes.patterns.before_cue import phrase_before
from newscli.analysis.quotes.patterns.subjects import (
    opening_group,
    opens_with_phrase,
    owned_opening,
    subject,
)
from newscli.analysis.quotes.patterns.words import (
    Speaker,
    Word,
    is_cue,
    is_word,
    looks_past,
    make_speaker,
    read_words,
)
from newscli.lexicon import (
    ADVERBS,
    BE_FORMS,
    CROWD_NOUNS,
    DOCUMENTS,
    INDIRECT_CUES,
    NEW_CLAUSE_CONJUNCTIONS,
    PLAIN_PAST_CUES,
    PREPOSITIONS,
    SPEAKING_NOUNS,
    SUBJECT_PRONOUNS,
    TO_LISTENERS,
)

_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)


def attribution_before(
    text: str, start: int, opening: int, is_speaker: Callable[[str], bool] = lambda _: False
) -> Speaker | None:
    """`Zarif said: “Q` / `Zarif said his country would strike “Q` / `according to X, “Q`.

    For a participle cue (`Trump returned the compliment, telling Reuters, “Q`) the speaker
    is the sentence's subject: its first name `is_speaker` accepts."""
    according = _according_to(text, start, opening)
    if according is not None:
        return according
    words = read_words(text, start, opening)
    opening_clause_end = _opening_clause_end(words)
    colon = bool(words) and words[-1].text == ":"
    # the cue nearest the quotation first
    for position in range(len(words) - 1, opening_clause_end - 1, -1):
        if not is_cue(words, position):
            continue
        found = _speaker_of_cue(words, position, colon, is_speaker)
        if found is not None:
            reporting = _reporting_cue(words, position, opening_clause_end)
            if reporting is not None:
                # "Cruz said he is certain Rubio will continue to be “Q”": the words quoted
                # inside reported speech are the reporter's, not those of whom it is about
                outer, outer_span = reporting
                cue = words[outer]
                return make_speaker(text, words, outer_span, cue.text, cue.end, "reporting_cue")
            span, rule = found
            cue = words[position]
            return make_speaker(text, words, span, cue.text, cue.end, rule)
    return None


def _according_to(text: str, start: int, opening: int) -> Speaker | None:
    """'according to X, “Q”': the source named after the last "according to"."""
    according = None
    for match in _ACCORDING.finditer(text, start, opening):
        according = match
    if according is None:
        return None
    words = read_words(text, according.end(), opening)
    span = phrase_after([Word("to", 0, 0), *words], 0)
    if span is None:
        return None
    shifted = [Word("to", 0, 0), *words]
    return make_speaker(text, shifted, span, "according to", according.end(), "preposition")


def _opening_clause_end(words: list[Word]) -> int:
    """Where an opening clause ends ("When Trump suggested that ..., Rubio fired back: “Q”"):
    a cue in it is not the quotation's, which stands after that clause -- unless the clause
    is the attribution ("As Politico reported, “Q”"); 0 when there is none."""
    opener = words[0].text.lower() if words else ""
    if len(words) > 1 and opener != "as" and opens_with_phrase(opener, words[1].text):
        return next((k for k, w in enumerate(words) if w.text == ","), 0)
    return 0


def _speaker_of_cue(
    words: list[Word], position: int, colon: bool, is_speaker: Callable[[str], bool]
) -> tuple[tuple[int, int], str] | None:
    """The speaker of the cue at words[position], and the id of the rule that found it, by
    the first step that finds one: a participle's subject, the phrase right before the cue
    (`colon`: the words end with one), the speaker after it, "who" before it, the subject
    of the clause a verb joined by "and" shares, the clause's subject, a group opening the
    clause."""
    participle = words[position].text.lower().endswith("ing") and position > 0
    name_start = _name_before(words, position)
    # "responded on Facebook writing “Q”": a name inside a phrase is no subject
    place_just_before = 0 < name_start < position and (
        words[name_start - 1].text.lower() in PREPOSITIONS
    )
    named_just_before = name_start < position and not place_just_before
    span = None
    rule = "participle_subject"
    if participle and words[position - 1].text.lower() not in BE_FORMS and not named_just_before:
        span = _participle_subject(words, position, is_speaker)
    if span is None and participle and place_just_before:
        # 'a large crowd in Tehran chanting “Q”': the crowd's, not the place's
        span = phrase_before(words, name_start - 1)
    elif span is None:
        span, rule = _speaker_right_before(words, position, participle, colon, is_speaker)
    if span is not None:
        return span, rule
    span = _inverted_speaker(words, position)
    if span is not None:
        return span, "before_inverted"
    span = _relative_who(words, position)
    if span is not None:
        return span, "relative_who"
    span = _joined_verb_subject(words, position, is_speaker)
    if span is not None:
        return span, "joined_verb"
    # "Carson took the stage and called the system “Q”": the clause's subject
    span = subject(words[:position], is_speaker)
    if span is not None:
        return span, "clause_subject"
    span = opening_group(words[:position])
    return (span, "opening_group") if span is not None else None


def _name_before(words: list[Word], position: int) -> int:
    """Where the capitalised run right before the cue at words[position] starts; position
    when the word before it is not capitalised."""
    if not (position and words[position - 1].text[:1].isupper()):
        return position
    name_start = position - 1
    while name_start and words[name_start - 1].text[:1].isupper():
        name_start -= 1
    return name_start


def _participle_subject(
    words: list[Word], position: int, is_speaker: Callable[[str], bool]
) -> tuple[int, int] | None:
    """The speaker of a participle cue: "Trump released an ad calling it “Q”": the ad is
    Trump's object, Trump speaks; but "Ryan saying “Q” and Trump calling it “R”": each name
    its own participle; and "..., Nefzi said, adding “Q”": the speaker of the cue it
    follows."""
    if words[position - 1].text.lower() in CROWD_NOUNS:
        # "Osei spoke to a crowd chanting “Q”": the crowd's (no speaker: `crowds`)
        crowd = phrase_before(words, position)
        if crowd is not None:
            return crowd
    said_before = position > 2 and words[position - 1].text == ","
    cue_before = words[position - 2].text if said_before else ""
    # (a past tense: "dismissed the latest claims, saying" has no cue before it)
    if looks_past(cue_before) or cue_before in PLAIN_PAST_CUES:
        span = phrase_before(words, position - 2)
        if span is not None:
            return span
    return subject(words[:position], is_speaker)


def _speaker_right_before(
    words: list[Word],
    position: int,
    participle: bool,
    colon: bool,
    is_speaker: Callable[[str], bool],
) -> tuple[tuple[int, int] | None, str]:
    """The phrase right before the cue ("Zarif said: “Q”", "Zarif said his country would
    “Q”"); for a participle after a document, who issued it: "Black Lives Matter issued a
    statement saying", "Rubio’s campaign put out a press release saying" -- named in more
    than one word when the tagger does not know it. With the id of the rule."""
    span = phrase_before(words, position)
    if participle and span is not None and words[span[1]].text in DOCUMENTS:
        issuer = subject(words[:position], lambda name: " " in name) or owned_opening(
            words[:position]
        )
        if issuer is not None:
            return issuer, "document_issuer"
    return span, "before_colon" if colon else "before_subject"


def _inverted_speaker(words: list[Word], position: int) -> tuple[int, int] | None:
    """ "said Zarif: “Q": the speaker after the cue, right before the quotation -- not after
    "told" or "asked", whose object is no speaker; but 'Asks union president Jane Doe, “Q?”':
    a present-tense cue opening the sentence comes before its speaker (feature writing's
    inversion)."""
    word = words[position].text
    inverted = position == 0 and word[:1].isupper() and word.endswith("s")
    listener = not inverted and (word.lower() in TO_LISTENERS or word.lower().endswith("ing"))
    after = None if listener else phrase_after(words, position)
    rest = words[after[1] + 1 :] if after is not None else []
    if after is not None and rest and all(w.text in ":," for w in rest):
        return after
    return None


def _relative_who(words: list[Word], position: int) -> tuple[int, int] | None:
    """ "met Smith, who said “Q”", "Donald Trump - who previously said": the phrase "who"
    refers to."""
    who = position - 1
    while who > 0 and words[who].text.lower() in ADVERBS:
        who -= 1  # "who has previously said"
    if who > 0 and words[who].text.lower() == "who":
        comma = words[who - 1].text in (",", "-", "—", "–")
        return phrase_before(words, who - 1 if comma else who)
    return None


def _joined_verb_subject(
    words: list[Word], position: int, is_speaker: Callable[[str], bool]
) -> tuple[int, int] | None:
    """ "For that she drew his ire - he called her “weak” and said she had “Q”": a verb joined
    by "and" shares the subject opening the clause it joins."""
    if not (position > 1 and words[position - 1].text.lower() in ("and", "but")):
        return None
    clause = max(
        (k for k in range(position) if words[k].text in (",", ";", ":", "—", "–", "-")),
        default=-1,
    )
    joined = subject(words[clause + 1 : position], is_speaker)
    if joined is not None and joined[0] == 0:  # the subject opening that clause
        return joined[0] + clause + 1, joined[1] + clause + 1
    return None


def _reporting_cue(words: list[Word], inner: int, first: int) -> tuple[int, tuple[int, int]] | None:
    """The cue and speaker of "Israel said" in "Israel said Clinton called on members to be
    “Q”", if the cue at words[inner] stands inside the speech that an earlier cue reports:
    no colon, semicolon or new clause ("..., and Clinton warned") between them, and the
    inner cue does not introduce the quotation itself ("Clinton told him: “Q”")."""
    if all(not is_word(w.text) for w in words[inner + 1 :]):
        return None
    for outer in range(first, inner):
        word = words[outer].text
        if word not in INDIRECT_CUES or not is_cue(words, outer):
            continue
        between = words[outer + 1 : inner]
        if any(
            w.text in (";", ":", "—", "–") or w.text in NEW_CLAUSE_CONJUNCTIONS for w in between
        ):
            return None  # "41 percent said it was “A” and 38 percent said it was “B”"
        span = phrase_before(words, outer)
        if span is None or (span[0] and words[span[0] - 1].text.lower() in PREPOSITIONS):
            return None  # "Butterfield of North Carolina said": no sure speaker
        head = words[span[1]].text
        speaks = head[:1].isupper() or head.lower() in SUBJECT_PRONOUNS
        if not (speaks or head in SPEAKING_NOUNS or head.removesuffix("s") in SPEAKING_NOUNS):
            return None  # "Trump at the time said": not the time
        return outer, span
    return None


def labelled(
    text: str, start: int, opening: int, is_speaker: Callable[[str], bool]
) -> Speaker | None:
    """'Clinton: “Q”', 'Polls are problematic - Pew Research: “Q”': a name and a colon, as in
    a transcript, after anything up to a dash or a "from"."""
    lead = text[start:opening].rstrip(' “"«„`')
    if not lead.endswith(":"):
        return None
    words = read_words(text, start, start + len(lead) - 1)
    # "More from Jones: “Q”": what stands after "from" as after a dash
    dash = max((i for i, w in enumerate(words) if w.text in ("-", "—", "–", "from")), default=-1)
    words = words[dash + 1 :]
    if not words or len(words) > 5 or not all(w.text[:1].isupper() for w in words):
        return None
    name = text[words[0].start : words[-1].end]
    if not is_speaker(name):
        return None
    return make_speaker(text, words, (0, len(words) - 1), ":", start + len(lead), "label")
