"""The words of the text around a quotation as attribution reads them, the speech cues
among them, and the speaker mention a pattern returns."""

import re
from dataclasses import dataclass
from typing import NamedTuple

from newscli.lexicon import (
    BARE_FORM_SUBJECTS,
    BE_FORMS,
    CUE_BASE_FORMS,
    CUES,
    IRREGULAR_PAST,
    POSSESSIVE_DETERMINERS,
    PUT_FORMS,
    ROLE_NOUNS,
)

_WORD = re.compile(
    r"(?:Gov|Sen|Rep|Gen|Dr|Mr|Mrs|Ms|St|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|Adm)\.(?=\s)"
    r"|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s[A-Z])|(?:[DRI]-)?[A-Z][a-z]{1,4}\.(?=,)"
    # "He’s predicting": the pronoun and its verb are two words
    r"|(?i:he|she|they|we|i)(?=[’'](?:s|re|m)\b)"
    r"|[\w’'-]+(?:\.[\w’'-]+)*|[,:;—–.]"
)


class Word(NamedTuple):
    """A word or punctuation mark of the text around a quotation, and where it stands."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """A speaker mention, its offsets, the cue that attributes the quotation to it."""

    text: str
    start: int
    end: int
    cue: str
    #: where the attribution ("Zarif said", "said Zarif") ends
    until: int
    #: the id of the rule that found it (`quotes.rules.RULES`)
    rule: str


POSSESSIVE = re.compile(r"\w[’']s?$")
#: "Sen. Marco Rubio (R-Fla.) said": a short parenthesis is read past, not as words
_PARENTHESIS = re.compile(r"\([^()\n]{1,40}\)")


def read_words(text: str, start: int, end: int) -> list[Word]:
    """The words and punctuation of text[start:end] that attribution reads: titles ("Sen.")
    and initials ("J.") kept whole, short parentheses ("(R-Fla.)") left out."""
    # tuple.__new__ builds the same Word as Word(...) without the Python-level __new__ a
    # NamedTuple generates: this is attribution's hottest loop, and it keeps a tuple's speed
    new = tuple.__new__
    words: list[Word] = []
    position = start
    for parenthesis in _PARENTHESIS.finditer(text, start, end):
        words += [
            new(Word, (m.group(), m.start(), m.end()))
            for m in _WORD.finditer(text, position, parenthesis.start())
        ]
        position = parenthesis.end()
    words += [
        new(Word, (m.group(), m.start(), m.end())) for m in _WORD.finditer(text, position, end)
    ]
    return words


def is_cue(words: list[Word], position: int) -> bool:
    """A speech verb; capitalised only after punctuation ("..., Tweeted"), so "United
    States", "Islamic State" and "Washington Post" are names, not cues."""
    word = words[position].text
    if word.lower() not in CUES:
        # "As Milbank puts it, “Q”": how someone put it is what they said
        return word in PUT_FORMS and position + 1 < len(words) and words[position + 1].text == "it"
    previous = words[position - 1].text.lower() if position else ""
    if not (word.islower() or position == 0 or not previous[:1].isalnum()):
        return False
    following = words[position + 1].text if position + 1 < len(words) else ""
    if not word.islower() and following in CUES:
        return False  # "“Q,” Read said": a name before its cue
    if following == "to" and word.lower().startswith("continu"):
        return False  # "Rubio will continue to be": going on, not speaking
    if POSSESSIVE.search(previous) or previous in POSSESSIVE_DETERMINERS:
        return False  # "Trump’s remarks", "his promise": nouns
    if previous in BE_FORMS and not word.endswith("ing"):
        return False  # "the staffer was charged": passive, no one speaking
    if word.lower() in CUE_BASE_FORMS and position:
        # "a phone call", "the report": a bare verb form after a noun is a noun; as a
        # verb it follows a plural subject, a modal or an auxiliary ("they say", "will add")
        return previous in BARE_FORM_SUBJECTS or (previous.endswith("s") and previous.isalpha())
    return True


def names_role(word: str) -> bool:
    """A role noun, also as the head of a hyphenated one ("co-founder", "vice-chairman")."""
    return word.rsplit("-", 1)[-1] in ROLE_NOUNS


def is_word(token: str) -> bool:
    return token.replace("-", "").replace("'", "").isalnum()


def looks_past(word: str) -> bool:
    return word.isalpha() and word.islower() and (word.endswith("ed") or word in IRREGULAR_PAST)


def make_speaker(
    text: str, words: list[Word], span: tuple[int, int], cue: str, cue_end: int, rule: str
) -> Speaker:
    """The speaker mention words[span] names, by the rule of that id."""
    start, end = words[span[0]].start, words[span[1]].end
    mention = text[start:end].strip(",:;—– ")
    if mention.endswith(("’s", "'s")):
        mention = mention[:-2]
    return Speaker(mention, start, start + len(mention), cue.lower(), max(end, cue_end), rule)
