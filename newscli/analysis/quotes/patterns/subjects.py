"""A sentence's subject, when it is the speaker: `Paul Ryan worried that the net was becoming
“Q”`, the subject of a participle cue (`Trump released an ad calling it “Q”`), a group named
as one (`Residents of the estate said`)."""

from collections.abc import Callable

from newscli.analysis.quotes.patterns.before_cue import SPEAKS_FOR_WORDS
from newscli.analysis.quotes.patterns.words import (
    POSSESSIVE,
    Speaker,
    Word,
    looks_past,
    make_speaker,
    read_words,
)
from newscli.lexicon import (
    ADVERBS,
    ARTICLES,
    BE_FORMS,
    CUES,
    CUES_AND_FUNCTION_WORDS,
    DETERMINERS,
    DOCUMENTS,
    FUNCTION_WORDS,
    LEADING_FILLERS,
    PHRASE_VERBS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEAKING_NOUNS,
    SPEAKS_FOR_LINKS,
    SUBORDINATORS,
    THIRD_PERSON_PRONOUNS,
)
from newscli.names import strip_possessive


def subject_of(
    text: str,
    start: int,
    opening: int,
    is_speaker: Callable[[str], bool],
    *,
    opens_clause: bool = False,
) -> Speaker | None:
    """'Paul Ryan worried that the safety net was becoming “a hammock that lulls ...”',
    'In 2014, Pew found that “Q”': a quotation inside a sentence whose subject is a
    person or organisation the article names is theirs, whatever the verb. With
    `opens_clause` the subject must open the sentence or its first clause ("In late June,
    the American Bar Association ... deemed him “well qualified”"), not stand deeper in
    it ("While those surveyed said Jeb Bush has the “best experience”")."""
    words = read_words(text, start, opening)
    span = subject(words, is_speaker)
    if span is None or span[1] + 1 >= len(words):
        return None
    if opens_clause and not (
        _opens_clause(words, span[0]) and any(_speaks(w.text) for w in words[span[1] + 1 :])
    ):
        return None
    verbs = [w for w in words[span[1] + 1 : span[1] + 6] if w.text.lower() not in ADVERBS]
    if not verbs:
        return None
    verb = verbs[0]
    if verb.text.lower() in BE_FORMS:
        if len(verbs) < 2 or not _speaks(verbs[1].text):
            return None  # "Trump was “...”": words about the subject, not from them
        verb = verbs[1]  # "Cruz is praising Jeb Bush as “Q”": a progressive
    return make_speaker(text, words, span, verb.text, verb.end, "sentence_subject")


def opens_with_phrase(first: str, second: str) -> bool:
    """Whether a sentence opening with these two words opens with a phrase or clause set
    off before its subject: "When Maddow pointed out ..., Clinton", "In an interview with
    Rosca, Lazar", "Noting that ..., Schlafly", "Asked whether ..., Ban" (not "Browning
    said")."""
    first = first.lower()
    participle = first.endswith("ing") and len(first) > 5 and second.islower()
    return (
        first in SUBORDINATORS
        or first in PREPOSITIONS
        or first == "asked"
        or participle
        and second not in CUES
    )


def _speaks(word: str) -> bool:
    """A verb that puts words in someone's mouth: a cue, or one of those that take a quoted
    phrase as their object ("blamed it on “knuckleheaded politicians”")."""
    return word.islower() and (word in CUES or word in PHRASE_VERBS)


def _opens_clause(words: list[Word], index: int) -> bool:
    """Whether only fillers and determiners stand between words[index] and the start of
    the sentence or the end of its opening phrase ("In late June, the ...")."""
    lead = [w.text.lower() for w in words[:index]]
    if "," in lead:
        lead = lead[lead.index(",") + 1 :]
    first = words[index].text.lower()
    return not SUBORDINATORS.intersection(lead + [first]) and all(
        w in LEADING_FILLERS or w in DETERMINERS for w in lead
    )


def opening_group(words: list[Word]) -> tuple[int, int] | None:
    """A clause opened by people named as a group, when no one is named as its subject:
    "Residents of the estate gathered outside and said", "On Monday, protesters in the square
    chanted"."""
    if not words:
        return None  # the cue opens the sentence
    for index in [0] + [k + 1 for k, word in enumerate(words[:-1]) if word.text == ","]:
        lowered = words[index].text.lower()
        if lowered.endswith("s") and lowered in SPEAKING_NOUNS:
            end = _group_end(words, index)
            if end is not None:
                return index, end
    return None


def _group_end(words: list[Word], index: int) -> int | None:
    """Where "Residents of the estate" ends, from the plural words[index]: a verb must follow
    ("Workers at the plant walked out")."""
    end = index
    if index + 1 < len(words) and words[index + 1].text.lower() in SPEAKS_FOR_LINKS:
        end = index + 1
        while (
            end + 1 < min(len(words), index + 2 + SPEAKS_FOR_WORDS)
            and words[end + 1].text.isalpha()
            and not looks_past(words[end + 1].text)
            and words[end + 1].text.lower() not in CUES_AND_FUNCTION_WORDS - DETERMINERS
        ):
            end += 1
        if end == index + 1:
            return None  # nothing after the preposition
    following = words[end + 1].text if end + 1 < len(words) else ""
    return end if following.isalpha() and following.islower() else None


def owned_opening(words: list[Word]) -> tuple[int, int] | None:
    """'Rubio’s campaign', 'His office' opening a sentence: an owner and what they own."""
    if len(words) > 2 and words[1].text.isalpha() and words[1].text.islower():
        owner = words[0].text
        if owner[:1].isupper() and (POSSESSIVE.search(owner) or owner in ("His", "Her", "Their")):
            return 0, 1
    return None


def subject(words: list[Word], accepts: Callable[[str], bool]) -> tuple[int, int] | None:
    """The first run of capitalised words that `accepts` takes, or a subject pronoun
    ("Minutes later, she sent an email saying"), or a role noun opened by an article ("The
    billionaire businessman began"); past an opening phrase or clause, the main clause's."""
    index = 0
    while index < len(words):
        lowered = words[index].text.lower()
        following = words[index + 1].text if index + 1 < len(words) else ""
        if (
            index == 0
            and opens_with_phrase(lowered, following)
            or lowered in SUBORDINATORS
            and words[index - 1].text == ","
        ):
            # "When Robby Mook, the manager, was asked ..., he laughed and said", "In an
            # interview with Matei Rosca, Lazar said": the main clause's, after the last
            # comma, else after the first
            commas = [k for k in range(index + 1, len(words)) if words[k].text == ","]
            if commas:
                last = subject(words[commas[-1] + 1 :], accepts)
                if last is not None:
                    return last[0] + commas[-1] + 1, last[1] + commas[-1] + 1
                index = commas[0] + 1
                continue
        if lowered in THIRD_PERSON_PRONOUNS:
            return index, index
        if lowered in ARTICLES and index + 2 < len(words):
            described = _described_subject(words, index, accepts)
            if described is not None:
                return described
        if not words[index].text[:1].isupper():
            index += 1
            continue
        end = index
        while end + 1 < len(words) and words[end + 1].text[:1].isupper():
            end += 1
        named = _named_subject(words, index, end, accepts)
        if named is not None:
            return named
        index = end + 1
    return None


def _described_subject(
    words: list[Word], index: int, accepts: Callable[[str], bool]
) -> tuple[int, int] | None:
    """A role noun, or a noun for people who speak opening a clause, after the article at
    words[index] and followed by a verb: "the senator called for Trump to drop out,
    calling him “Q”", "A spokesman for Platte River declined ... but said", "The
    billionaire businessman began"; the name set off after it, if it gives one."""
    opens = index == 0 or words[index - 1].text == ","
    for noun_at in range(index + 1, min(index + 3, len(words) - 1)):
        noun, verb = words[noun_at].text, words[noun_at + 1].text
        if (
            noun in ROLE_NOUNS
            and verb.isalpha()
            and verb.islower()
            and verb not in SPEAKING_NOUNS  # "The veteran businessman"
            or (opens and noun in SPEAKING_NOUNS and verb not in SPEAKING_NOUNS)
        ):
            # "The state director, Mike Rubino, reached out": the name it gives
            named = _appositive_name(words, noun_at + 1, accepts)
            return named if named is not None else (index, noun_at)
        if not (noun.isalpha() and noun.islower()):
            break  # one lower-case word may describe the noun
    return None


def _named_subject(
    words: list[Word], index: int, end: int, accepts: Callable[[str], bool]
) -> tuple[int, int] | None:
    """The capitalised run words[index:end + 1] (past a leading filler: "Now Donald Trump
    is promising") as the subject, when `accepts` takes it and a verb follows it, or it
    opens the sentence, or it is set off as an appositive, or it owns the speaker
    ("Hillary Clinton’s right-hand woman rallied"); not inside a phrase of place or time."""
    while index < end and words[index].text.lower() in LEADING_FILLERS:
        index += 1  # "Now Donald Trump is promising"
    before = [w.text.lower() for w in words[max(0, index - 2) : index]]
    if (
        before[-1:]
        and before[-1] in PREPOSITIONS
        or (len(before) == 2 and before[1] in DETERMINERS and before[0] in PREPOSITIONS)
    ):
        # "on American soil, he", "a speech at the State University of New York":
        # inside a phrase, not the subject
        return None
    name = " ".join(w.text for w in words[index : end + 1])
    following = words[end + 1].text if end + 1 < len(words) else ""
    # a subject is followed by its verb ("Trump went"), not a comma ("Salem, New
    # Hampshire,") unless it opens the sentence ("Christie, the governor, repeated"); a
    # possessive is not the subject ("Hollande denounced Trump’s remarks")
    # "Weaver didn’t seem impressed": a contracted verb is a verb
    verb_follows = following.replace("’", "").replace("'", "").isalpha() and following.islower()
    if following in ROLE_NOUNS and words[end + 2 : end + 3] and words[end + 2].text[:1].isupper():
        verb_follows = False  # "Senate leader Mitch McConnell agreed": whose role, not who
    opens = index == 0 and following == ","
    if (verb_follows or opens) and not POSSESSIVE.search(name) and accepts(name):
        return index, end
    if index and _appositive_name(words, index - 1, accepts) == (index, end):
        return index, end  # "Trump’s Virginia state director, Mike Rubino, reached out"
    owned = _owned_speaker(words, end)
    opens_clause = index == 0 or words[index - 1].text == ","
    if owned is not None and opens_clause and accepts(strip_possessive(name)):
        return index, owned  # "Hillary Clinton’s right-hand woman rallied"
    return None


def _appositive_name(
    words: list[Word], comma: int, accepts: Callable[[str], bool]
) -> tuple[int, int] | None:
    """The name set off by commas from words[comma] on, when a verb follows it: "…
    director, Mike Rubino, reached out" (not a list: "Iowa, Nevada, and Ohio")."""
    if comma + 1 >= len(words) or words[comma].text != ",":
        return None
    end = comma + 1
    while end < len(words) and words[end].text[:1].isupper():
        end += 1
    if end == comma + 1 or end + 1 >= len(words) or words[end].text != ",":
        return None
    verb = words[end + 1].text
    name = " ".join(w.text for w in words[comma + 1 : end])
    if (
        verb.isalpha()
        and verb.islower()
        and verb not in FUNCTION_WORDS
        and not POSSESSIVE.search(name)
        and accepts(name)
    ):
        return comma + 1, end - 1
    return None


def _owned_speaker(words: list[Word], owner: int) -> int | None:
    """Where "’s right-hand woman" ends, if words[owner] is a possessive whose noun phrase
    (up to three lowercase words) ends in a noun for people who speak."""
    if not POSSESSIVE.search(words[owner].text):
        return None
    for last in range(owner + 1, min(owner + 4, len(words))):
        word = words[last].text
        if not (word.replace("-", "").isalpha() and word.islower()):
            return None
        if word in SPEAKING_NOUNS or word in DOCUMENTS:
            return last
    return None
