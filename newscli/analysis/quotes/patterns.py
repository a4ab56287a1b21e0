"""Who a quotation's words are attributed to, read from the words around it.

Pure functions over a span of text: each looks for one pattern of news attribution (a speech
cue after the quotation or before it, a transcript label, a sentence's subject) and returns
the speaker mention it finds, with the cue and where the attribution ends. `attribute` tries
them in order and `resolve` turns the mention into a name; nothing here knows the article's
names beyond the `is_speaker` test it is handed. The words it reads are `newscli.lexicon`'s.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from newscli.lexicon import (
    ADVERBS,
    APPOSITIVE_OPENERS,
    BARE_FORM_SUBJECTS,
    BE_FORMS,
    BODY_NAME_LINKS,
    BODY_WORDS,
    COMPANY_SUFFIXES,
    CONTRACTED_BE,
    CUE_BASE_FORMS,
    CUE_PARTICLES,
    CUES,
    CUES_AND_FUNCTION_WORDS,
    DESCRIBING_PARTICIPLES,
    DESCRIPTION_OPENERS,
    DETERMINERS,
    DOCUMENTS,
    FUNCTION_WORDS,
    INDIRECT_CUES,
    IRREGULAR_PAST,
    LEADING_FILLERS,
    NEW_CLAUSE_CONJUNCTIONS,
    NOT_SPEAKERS,
    NOUN_SPEAKERS,
    OF_DETERMINERS,
    ORGANISATION_NOUNS,
    OWNER_PRONOUNS,
    PARTITIVES,
    PERSON_OF_BODY_LINKS,
    PHRASE_VERBS,
    PREPOSITIONS,
    PUT_FORMS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    SPEAKING_NOUNS,
    SPEAKS_FOR_LINKS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TELL_FORMS,
    TITLE_WORDS,
    TITLES_OF_PLACES,
    TO_LISTENERS,
)
from newscli.names import strip_possessive

_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
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


_PARTY_STATE = re.compile(r"[DRI]-[A-Z]")
_POSSESSIVE = re.compile(r"\w[’']s?$")
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


def _is_cue(words: list[Word], position: int) -> bool:
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
    if _POSSESSIVE.search(previous) or previous in ("his", "her", "their", "its"):
        return False  # "Trump’s remarks", "his promise": nouns
    if previous in BE_FORMS and not word.endswith("ing"):
        return False  # "the staffer was charged": passive, no one speaking
    if word.lower() in CUE_BASE_FORMS and position:
        # "a phone call", "the report": a bare verb form after a noun is a noun; as a
        # verb it follows a plural subject, a modal or an auxiliary ("they say", "will add")
        return previous in BARE_FORM_SUBJECTS or (previous.endswith("s") and previous.isalpha())
    return True


#: the last word of a body's or a title's name before its "of" or "for": "the Royal Bank of
#: Scotland", "the Bishop of Durham", "Labour MP for Birkenhead"
_BODY_AND_TITLE_HEADS = (
    ORGANISATION_NOUNS | BODY_WORDS | COMPANY_SUFFIXES | TITLE_WORDS | ROLE_NOUNS | TITLES_OF_PLACES
)


def phrase_before(words: list[Word], index: int) -> tuple[int, int] | None:
    """The noun phrase ending right before words[index]: a name, pronoun or "the minister"."""
    j = index - 1
    progressive = words[index].text.endswith("ing")  # "Trump is insisting"
    while j >= 0 and (
        words[j].text.lower() in ADVERBS
        or progressive
        and (words[j].text.lower() in BE_FORMS or words[j].text in CONTRACTED_BE)
        or words[j].text.islower()
        and words[j].text.endswith("ly")  # "Cruz gingerly said", not "the family said"
        and not (j and words[j - 1].text.lower() in DETERMINERS)
    ):
        j -= 1
    if j > 1 and words[j].text == "to":
        # "The candidate appeared to assert", "The email goes on to say"
        verb = j - 1 - (words[j - 1].text == "on")
        verb_word = words[verb].text if verb > 0 else ""
        if _looks_past(verb_word) or (
            verb_word.isalpha()
            and verb_word.islower()
            and verb_word.endswith("s")
            and verb_word not in BE_FORMS
            and verb_word not in FUNCTION_WORDS
        ):
            j = verb - 1
    # "Haines, who heads the Army Corps of Engineers, told", "Cory James, 22, of Flint,
    # Mich., said": skip the appositives back to the name
    skipped = 0
    while skipped < 4 and j > 0 and words[j].text == ",":
        k = j - 1
        while k >= 0 and words[k].text != "," and j - k <= 14:
            k -= 1
        if k <= 0 or words[k].text != ",":
            break
        opener = words[k + 1].text
        inside = words[k + 1 : j]
        if (
            opener.lower() in APPOSITIVE_OPENERS
            or _PARTY_STATE.match(opener) is not None  # "Mitch McConnell, R-Ky., said"
            or opener[:1].isdigit()
            or opener.lower() in ROLE_NOUNS
            # "legal director", "deputy homeland security adviser", "co-founder of the ...",
            # "refugee rights program director at Human Rights Watch": a lower-case phrase
            # naming a role
            or (opener.islower() and any(_names_role(w.text) for w in inside[:6]))
            or (inside and _names_role(inside[-1].text))  # "Rob McIvor, FSA spokesman, told"
            or (opener.islower() and opener.endswith("ing"))
            or (len(inside) == 1 and opener[:1].isupper() and opener.endswith("."))  # "Mich."
            or (_POSSESSIVE.search(opener) is not None and len(inside) > 1)  # "Twitter’s director"
        ):
            j = k
            skipped += 1
            continue
        if 0 < len(inside) <= 4 and all(w.text[:1].isupper() for w in inside):
            if not skipped and len(inside) == 1 and words[k - 1].text[:1].isupper():
                j = k  # "during a town hall in Columbus, Ohio, said": a place and its state
                skipped += 1
                continue
            # "The leader of the league, Jonathan Greenblatt, warned": the name inside
            return k + 1, j - 1
        break
    if skipped:
        j -= 1  # the last word before the first appositive
    if j < 0:
        return None
    speaking_for = _speaking_for(words, j)
    if speaking_for is not None:
        return speaking_for
    last = words[j].text
    word_before = words[j - 1].text.lower() if j else ""
    if last.lower() in ("another", "one") and (not word_before.isalpha() or word_before == "yet"):
        return j, j  # 'Another tweeted, “Q”', 'Yet another said, “Q”'
    if last.lower() in DETERMINERS or last.lower() in LEADING_FILLERS:
        return None
    if last.lower() == "it" and j == index - 1 and _is_cue(words, index):
        return j, j  # "It continued: “Q”": a document or a body speaking
    if last.lower() in SUBJECT_PRONOUNS:
        return (j, j) if last.lower() not in NOT_SPEAKERS else None
    described = _described_noun(words, j)
    if described is not None:
        before = [w.text.lower() for w in words[max(0, described - 2) : described]]
        if len(before) == 2 and before[1] in PREPOSITIONS and before[0] in ADVERBS:
            return None  # "who has in the past described": a time, not a speaker
        return described, j
    # "the minister", "federal prosecutors"
    speaking_noun = last.lower() in NOUN_SPEAKERS or last.lower().removesuffix("s") in ROLE_NOUNS
    if last[:1].isupper() or speaking_noun:
        first = j
        while first > 0 and first > j - 7:
            previous = words[first - 1].text
            if (
                previous[:1].isupper()
                or previous.lower() in DETERMINERS - {"that", "this"}  # "said that Americans"
                or previous[:1].isdigit()
                and speaking_noun  # "21 percent", "300 residents"
                or (
                    previous.islower()
                    and previous.isalpha()
                    and previous.lower() not in CUES
                    and first - 1 >= j - 3
                    and speaking_noun
                    and previous.lower() not in FUNCTION_WORDS
                    and previous.lower() not in NOT_SPEAKERS  # "to which 21 percent said"
                )
            ):
                first -= 1
            else:
                break
        person = _person_of_body(words, first)
        if person is not None:
            return person
        if (
            first >= 2
            and words[first - 1].text in ("of", "for")
            and words[first - 2].text[:1].isupper()
        ):
            # "the Bank of England said", "a Department for Education spokesperson": the
            # body's whole name; "Sen. Rand Paul of Kentucky said", "Jeffrey Lewis of Acme
            # said": the person, not where they are from
            head = first - 2
            start = head
            while (
                start > 0
                and head - start < 2
                and words[start - 1].text[:1].isupper()
                and words[start - 1].text.lower() not in DETERMINERS
            ):
                start -= 1
            if start < head and words[head].text.lower() not in _BODY_AND_TITLE_HEADS:
                return start, head
            first = start
            while first > 0 and words[first - 1].text.lower() in DETERMINERS - {"that", "this"}:
                first -= 1
        while first < j and words[first].text.lower() in LEADING_FILLERS:
            first += 1
        return first, j
    return _unclosed_appositive(words, j)


#: the most words of an appositive whose closing comma is missing
_APPOSITIVE_WORDS = 12


def _unclosed_appositive(words: list[Word], j: int) -> tuple[int, int] | None:
    """'Nate Silver, the polling guru who founded fivethirtyeight.com tweeted': the name
    before an appositive whose closing comma the writer left out, when nothing else names
    who speaks."""
    for comma in range(j, max(0, j - _APPOSITIVE_WORDS), -1):
        if words[comma].text != ",":
            continue
        opener = words[comma + 1].text.lower() if comma + 1 <= j else ""
        if opener not in ("who", "the", "a", "an") or not words[comma - 1].text[:1].isupper():
            return None
        first = comma - 1
        while first > 0 and comma - first < 4 and words[first - 1].text[:1].isupper():
            first -= 1
        if first == 0 and first == comma - 1:
            return None  # "Likewise, a paper ... had this to say": an opening word
        return first, comma - 1
    return None


#: the most words after a SPEAKS_FOR_LINKS preposition: "for the Department of Justice"
_SPEAKS_FOR_WORDS = 5


def _speaking_for(words: list[Word], j: int) -> tuple[int, int] | None:
    """The span of "a spokesman for the company" or "lawyers for the family", if words[j]
    ends one: a lower-case noun for people who speak, a preposition and what they speak
    for. The spokesman speaks, not the company. A document addressed to someone ("United's
    statement to the stock exchange") speaks for whoever issued it: its span ends with it."""
    for preposition in range(j - 1, max(0, j - _SPEAKS_FOR_WORDS - 1), -1):
        word = words[preposition].text
        if not _is_word(word.removesuffix(".")) or word in CUES:
            return None  # "for Acme Corp." reads on; a comma or a cue ends the phrase
        noun = words[preposition - 1].text
        addressed = word == "to" and noun in DOCUMENTS
        if word not in SPEAKS_FOR_LINKS and not addressed:
            if word in FUNCTION_WORDS and word not in BODY_NAME_LINKS:
                return None  # "with reporters with no clear explanation and": a clause
            continue
        end = preposition - 1 if addressed else j
        if addressed or (
            noun.islower() and (noun in SPEAKING_NOUNS or noun.removesuffix("s") in SPEAKING_NOUNS)
        ):
            described = _described_noun(words, preposition - 1)
            if addressed and (
                described is None
                or words[j].text.lower() in SUBJECT_PRONOUNS
                or (described and words[described - 1].text.lower() in PREPOSITIONS)
            ):
                return None  # "In a letter to his chairman he wrote": the writer speaks
            if described is not None:
                return described, end
            # "lawyers for the family": a plural needs no determiner
            if noun.endswith("s") and noun not in ("news",):
                return preposition - 1, end
            return None
    return None


def _person_of_body(words: list[Word], first: int) -> tuple[int, int] | None:
    """The person in "Jeffrey Lewis of the James Martin Center for Nonproliferation
    Studies wrote", if words[first:] end such a name: a capitalised run of two or three
    words, "of the" and the body's name. "The Bank of the West said" has no such person."""
    k = first - 1
    while k > 0 and first - k <= 6 and words[k].text.lower() in BODY_NAME_LINKS:
        if words[k].text.lower() in PERSON_OF_BODY_LINKS and words[k + 1].text.lower() == "the":
            break
        k -= 1
        while k > 0 and words[k].text[:1].isupper() and words[k].text.lower() != "the":
            k -= 1
    if k < 2 or words[k].text.lower() not in PERSON_OF_BODY_LINKS or words[k + 1].text.lower() != "the":
        return None
    start = k - 1
    while start > 0 and k - start < 3 and words[start - 1].text[:1].isupper():
        start -= 1
    if k - start < 2 or not all(
        words[i].text.isalpha() or words[i].text.endswith(".") for i in range(start, k)
    ):
        return None
    before = words[start - 1].text if start else ""
    if before[:1].isupper() or before.lower() in DETERMINERS:
        return None
    return start, k - 1


def _names_role(word: str) -> bool:
    """A role noun, also as the head of a hyphenated one ("co-founder", "vice-chairman")."""
    return word.rsplit("-", 1)[-1] in ROLE_NOUNS




#: the most words of a possessive owner's name: "New York Stock Exchange’s"
_OWNER_WORDS = 5


def _described_noun(words: list[Word], j: int) -> int | None:
    """Where "the board", "the 46-year-old", "a senior official", "one P&G Amiens employee",
    "Powell’s office" starts, if words[j] ends one."""
    if not words[j].text.replace("-", "").isalnum() or not words[j].text.islower():
        return None
    if words[j].text in NOT_SPEAKERS or words[j].text in BARE_FORM_SUBJECTS:
        return None  # "a candidate who has called", "the platform should reiterate": the
        # clause, not the noun
    for first in range(j - 1, max(-1, j - 5), -1):
        word = words[first].text
        if word.lower() in OWNER_PRONOUNS:
            # "his childhood friend", "her campaign": someone close to them speaks, not "his
            # announcement speech"
            head = words[j].text
            return first if head in SPEAKING_NOUNS or head in RELATION_NOUNS else None
        if word.lower() in DESCRIPTION_OPENERS:
            return first  # "the board", "a senior official"
        if first == j - 1 and word[:1].isupper() and _POSSESSIVE.search(word):
            # "Powell’s office", "Acme Corp’s statement": the owner's whole name
            owner = first
            while owner > max(0, j - _OWNER_WORDS) and words[owner - 1].text[:1].isupper():
                owner -= 1
            # not "Meanwhile" before the name
            while owner < first and words[owner].text.lower() in LEADING_FILLERS:
                owner += 1
            return owner
        # "the paper’s editorial board", "the ad’s narrator"
        plain = strip_possessive(word).replace("-", "").replace("&", "").isalnum()
        if not plain or word in CUES or word.lower() in FUNCTION_WORDS:
            return None
    return None


#: the most words of "of the bakery" between a role and the name after its comma
ROLE_OF_WORDS = 3


def phrase_after(words: list[Word], index: int) -> tuple[int, int] | None:
    """The noun phrase right after words[index]: "said Zarif", "said the minister"."""
    j = index + 1
    if j >= len(words):
        return None
    first = j
    word = words[j].text
    if word.lower() in SUBJECT_PRONOUNS - NOT_SPEAKERS:
        return j, j
    if word.lower() in ("that", "this"):
        return None  # "claiming that he ...": a clause, not a speaker
    if word.lower() in PARTITIVES and j + 1 < len(words) and words[j + 1].text == "of":
        return _one_of(words, j)
    if word.lower() in DETERMINERS:
        j += 1
    elif not word[:1].isupper() and not _modifies_name(words, j):
        return None  # a speaker after the cue is a name, a pronoun or "the minister"
    last = None
    while j < len(words) and j < first + 8:
        token = words[j].text
        if token[:1].isupper():
            last = j
            j += 1
            continue
        if (
            token in ("of", "for")
            and last is not None
            and words[first].text.lower() in DETERMINERS
            and j + 1 < len(words)
            and words[j + 1].text[:1].isupper()
        ):
            j += 1  # "said a Ministry of Defence spokesman", "said the Bank of England"
            continue
        # "says the ad’s narrator": an owner inside a description reads on
        plain = strip_possessive(token).replace("-", "").isalnum() and (
            token.islower() or token.isdigit()  # "said a 2008 Clinton veteran"
        )
        named = _named_after_comma(words, j) if token in SPEAKING_NOUNS else None
        if named is not None:
            return first, named  # "said Opera spokeswoman, Berit Hanson."
        describing = plain and _modifies_name(words, j)  # "former Obama adviser David ..."
        if not plain or token in CUES_AND_FUNCTION_WORDS and not describing:
            break
        if last is not None and words[first].text.lower() in DETERMINERS:
            # "said the Florida senator", "the Republican vice-presidential nominee"
            for role in range(j, min(j + 2, len(words))):
                following = words[role + 1].text if role + 1 < len(words) else ""
                if words[role].text in SPEAKING_NOUNS and following not in SPEAKING_NOUNS:
                    # "said a 2008 Clinton veteran", "the Trump campaign", "one former
                    # senior agency official"
                    return first, role
                if not words[role].text.replace("-", "").isalpha():
                    break
        if last is not None and words[last].text[:1].isupper():
            # "said Zarif" ends at the name, unless a role and another name follow
            # ("said former Obama adviser David Axelrod")
            if not describing:
                break
        elif not describing and j > first + 3:
            break
        if describing:
            j += 1
            continue
        last = j
        j += 1
        following = words[j].text if j < len(words) else ""
        if token in SPEAKING_NOUNS and following not in ROLE_NOUNS:
            break  # "said the minister", "said a spokeswoman", "the chief executive"
    return (first, last) if last is not None else None


def _named_after_comma(words: list[Word], j: int) -> int | None:
    """Where the name ends in "spokeswoman, Berit Hanson." -- a role, a comma and a name
    that closes the attribution -- if words[j] is that role. Feature writing puts what the
    role is of between them: "the 52-year-old owner of the bakery, Maria Lopez."."""
    comma = _after_role_of(words, j + 1)
    if comma + 2 > len(words) or words[comma].text != ",":
        return None
    end = comma + 1
    while end < len(words) and end < comma + 5 and words[end].text[:1].isupper():
        end += 1
    closes = end == len(words) or words[end].text in (".", ",", ";", ":")
    return end - 1 if end > comma + 1 and closes else None


def _after_role_of(words: list[Word], k: int) -> int:
    """Past "of the bakery" or "at Acme Corp" (up to ROLE_OF_WORDS words) after a role,
    where words[k] opens one; else k."""
    if k >= len(words) or words[k].text not in ("of", "at"):
        return k
    start = k + 1 + (k + 1 < len(words) and words[k + 1].text.lower() in DETERMINERS)
    end = start
    while end < len(words) and end < start + ROLE_OF_WORDS and _is_word(words[end].text):
        end += 1
    return end if end > start else k


def _is_word(token: str) -> bool:
    return token.replace("-", "").replace("'", "").isalnum()


def _one_of(words: list[Word], first: int) -> tuple[int, int] | None:
    """ "said one of those advisers", "one of Trump’s aides": the partitive phrase up to its
    noun, when that noun names people who speak."""
    j = first + 2
    if j < len(words) and words[j].text.lower() in OF_DETERMINERS:
        j += 1
    for last in range(j, min(j + 4, len(words))):
        token = words[last].text
        if not token.replace("-", "").replace("’", "").replace("'", "").isalnum():
            return None
        noun = token.lower()
        if noun in SPEAKING_NOUNS or noun.removesuffix("s") in SPEAKING_NOUNS:
            return first, last
    return None


def _modifies_name(words: list[Word], j: int) -> bool:
    """'said former Obama adviser David Axelrod', 'said former secretary of state Hillary
    Clinton': lower-case words describing the name that follows within four words."""
    for position, token in enumerate(words[j : j + 5], start=j):
        word = token.text
        if word[:1].isupper():
            return True
        previous = words[position - 1].text if position else ""
        role_of = word == "of" and previous in ROLE_NOUNS  # "secretary of state"
        plain = word.isalpha() and word.islower()
        if not plain or (word in FUNCTION_WORDS and not role_of):
            return False
        if (word in ADVERBS or word in CUES) and previous != "of":
            return False
        if word.endswith(("ly", "ed")) and not (
            word in DESCRIBING_PARTICIPLES
            or any(w.text in SPEAKING_NOUNS for w in words[position + 1 : j + 5])
        ):
            return False  # an adverb or a verb: "quickly", "beamed Donald Hartley", not
            # "said undecided Republican voter Stephanie Hooton"
    return False


def _ends_soon(text: str, words: list[Word], cue: int) -> bool:
    """Whether the sentence ends within a few words of the cue, with no quotation between
    ('“Q.” he said on Monday.' -- not '“Q.” Rubio called it “R.”')."""
    for word in words[cue + 1 : cue + 8]:
        if word.text == ".":
            return not any(mark in text[words[cue].end : word.start] for mark in '“"«„`')
        if word.text in (",", ":"):
            return False
    return len(words) <= cue + 8


def attribution_after(
    text: str,
    close: int,
    limit: int,
    ends_sentence: bool = False,
    is_speaker: Callable[[str], bool] = lambda _: False,
) -> Speaker | None:
    """`“Q,” Zarif said` / `“Q,” said Zarif` / `“Q” — Zarif`, from the closing mark on;
    `“Q?” Hannity pressed.`: a speaker `is_speaker` accepts and a verb not listed as a cue."""
    words = read_words(text, close, min(limit, close + 240))
    # skip the closing mark's punctuation
    index = 0
    while index < len(words) and words[index].text in {",", "—", "–", ":", ";"}:
        index += 1
    horizon = 9
    for offset in range(min(len(words) - index, 24)):
        position = index + offset
        word = words[position].text
        if word in {".", ";"} or offset >= horizon:
            break
        if word == "," and offset and _sets_off_appositive(words, position):
            horizon = offset + 16  # "“Q,” Trump, the GOP frontrunner, said"
        if word in PERSON_OF_BODY_LINKS and offset and words[position - 1].text[:1].isupper():
            horizon = max(horizon, offset + 10)  # "“Q,” Jane Doe of the Brookings Institution said"
        if offset == 0 and word.lower() == "according" and _next_is(words, position, "to"):
            # '“Q,” according to CNN.': the source the quotation is taken from
            span = phrase_after(words, position + 1)
            if span is None:
                break
            return make_speaker(text, words, span, "according to", words[position + 1].end)
        if not _is_cue(words, position):
            continue
        if ends_sentence and not _ends_soon(text, words, position):
            return None  # '“Q.” He added, “R.”', '“Q.” Rubio called it “R”': not Q's
        asks = text[max(0, close - 3) : close].rstrip(' ”"»,').endswith(("?", "!"))
        if asks and _next_is(words, position, "that"):
            # '“Q?” Tory MP Peter Luff, a co-chairman, said that the law was “R”': a question
            # ends its sentence, and what follows reports speech of its own
            return None
        span = phrase_before(words, position) if offset else None
        quoted = _quoted_as_saying(words, position)
        if quoted is not None:
            # '“Q,” the news agency quoted Mr Khodorkovsky as saying': the one quoted
            return make_speaker(text, words, quoted, "quoted", words[quoted[1]].end)
        if span is None and offset == 1 and words[index].text.lower() == "it":
            span = index, index  # '“Q,” it said': a statement, a report, a company
        if span is not None and span[0] < index:
            span = None
        if span is None and offset == 0 and not word.endswith("ing") and word not in TELL_FORMS:
            # '“Q,” said Zarif' -- not '“Q,” saying the city ...', whose subject came before,
            # nor ', told POLITICO', whose object is who listened;
            # '“Q,” chimed in Tom Brown': the speaker after the verb's particle
            particle = CUE_PARTICLES.get(word.lower())
            following = words[position + 1].text if position + 1 < len(words) else ""
            span = phrase_after(words, position + (following == particle))
        if span is not None:
            return make_speaker(text, words, span, word, words[position].end)
        break
    if index < len(words) and text[close : close + 40].lstrip(" ,").startswith(("—", "–", "-")):
        span = phrase_after(words, index - 1) if index else None
        if span is not None:
            return make_speaker(text, words, span, "—", 0)
    if not ends_sentence:
        return _speaker_and_verb(text, [Word("", close, close), *words[index:]], is_speaker)
    return None


def _next_is(words: list[Word], position: int, word: str) -> bool:
    return position + 1 < len(words) and words[position + 1].text == word


def _sets_off_appositive(words: list[Word], comma: int) -> bool:
    """Whether the comma at words[comma] may open an appositive to a speaker: after a name
    or a noun for people who speak ("an intelligence source, who was not authorized"), or
    before a name ("Hunter’s chief of staff, Joe Kasper, told")."""
    previous = words[comma - 1].text
    following = words[comma + 1].text if comma + 1 < len(words) else ""
    return previous[:1].isupper() or previous in SPEAKING_NOUNS or following[:1].isupper()


def _quoted_as_saying(words: list[Word], position: int) -> tuple[int, int] | None:
    """The name in 'quoted X as saying', if words[position] is that "quoted"."""
    if words[position].text.lower() != "quoted":
        return None
    span = phrase_after(words, position)
    if span is None or span[1] + 2 >= len(words):
        return None
    following = [w.text.lower() for w in words[span[1] + 1 : span[1] + 3]]
    return span if following == ["as", "saying"] else None


def _looks_past(word: str) -> bool:
    return word.isalpha() and word.islower() and (word.endswith("ed") or word in IRREGULAR_PAST)


def sentence_final(
    text: str, close: int, end: int, is_speaker: Callable[[str], bool]
) -> Speaker | None:
    """'“Q” if she didn't win by more, said David Wasserman.': the attribution that ends the
    quotation's sentence, after a comma, however long the words between."""
    comma = end
    for _ in range(3):  # the attribution may be followed by an appositive or two
        comma = text.rfind(",", close, comma)
        if comma < 0:
            return None
        found = attribution_after(text, comma + 1, end, False, is_speaker)
        # "..., DFA spokesman Neil Sroka said.": a role may stand before the name
        lead = text[comma + 1 : found.start].split() if found is not None else []
        if found is None or not (
            " ".join(lead).lower() in ("", found.cue)
            or all(w[:1].isupper() or _names_role(w) for w in lead)
            or _names_role(lead[-1])
            and all(_is_word(w) for w in lead)
        ):
            continue
        rest = text[found.until : end].strip(" .\n")
        if not rest or rest.startswith(",") or circumstance(rest):
            return found
    return None


def circumstance(words: str) -> bool:
    """'..., she said in a video message to the convention': where or when it was said,
    a phrase with no quotation in it."""
    first = words.split(None, 1)[0].lower()
    return first in PREPOSITIONS and not any(mark in words for mark in '“"«„`')


def _speaker_and_verb(
    text: str, words: list[Word], is_speaker: Callable[[str], bool]
) -> Speaker | None:
    """'“Q?” Hannity pressed.' / '“Q,” he shot back': a speaker right after the quotation,
    then a past or present verb ending the attribution."""
    span = phrase_after(words, 0)
    if span is None and len(words) > 2 and _looks_past(words[1].text):
        # '“This is fantastic!” beamed Donald Hartley'
        span = phrase_after(words, 1)
        if span is None or not is_speaker(text[words[span[0]].start : words[span[1]].end]):
            return None
        return make_speaker(text, words, span, words[1].text, words[1].end)
    if span is None or span[1] + 1 >= len(words):
        return None
    verb = words[span[1] + 1].text
    if not (_looks_past(verb) or verb.isalpha() and verb.islower() and verb.endswith("s")):
        return None
    if not _ends_soon(text, words, span[1] + 1):
        return None
    mention = " ".join(w.text for w in words[span[0] : span[1] + 1])
    described = words[span[1]].text in ROLE_NOUNS  # "the Republican nominee riffed"
    if mention.lower() not in ("he", "she", "they", "i", "we", "it") and not (
        described or is_speaker(mention)
    ):
        return None
    return make_speaker(text, words, span, verb, words[span[1] + 1].end)


def attribution_before(
    text: str, start: int, opening: int, is_speaker: Callable[[str], bool] = lambda _: False
) -> Speaker | None:
    """`Zarif said: “Q` / `Zarif said his country would strike “Q` / `according to X, “Q`.

    For a participle cue (`Trump returned the compliment, telling Reuters, “Q`) the speaker
    is the sentence's subject: its first name `is_speaker` accepts."""
    according = None
    for match in _ACCORDING.finditer(text, start, opening):
        according = match
    if according is not None:
        words = read_words(text, according.end(), opening)
        span = phrase_after([Word("to", 0, 0), *words], 0)
        if span is not None:
            shifted = [Word("to", 0, 0), *words]
            return make_speaker(text, shifted, span, "according to", according.end())
    words = read_words(text, start, opening)
    # "When Trump suggested that ..., Rubio fired back: “Q”": a cue in an opening clause is
    # not the quotation's, which stands after that clause -- unless the clause is the
    # attribution ("As Politico reported, “Q”")
    opening_clause_end = 0
    opener = words[0].text.lower() if words else ""
    if len(words) > 1 and opener != "as" and opens_with_phrase(opener, words[1].text):
        opening_clause_end = next((k for k, w in enumerate(words) if w.text == ","), 0)
    for position in range(len(words) - 1, opening_clause_end - 1, -1):
        word = words[position].text
        if not _is_cue(words, position):
            continue
        participle = word.lower().endswith("ing") and position > 0
        span = None
        named_just_before = words[position - 1].text[:1].isupper() if position else False
        place_just_before = False
        name_start = position
        if named_just_before:
            name_start = position - 1
            while name_start and words[name_start - 1].text[:1].isupper():
                name_start -= 1
            # "responded on Facebook writing “Q”": a name inside a phrase is no subject
            place_just_before = bool(name_start) and (
                words[name_start - 1].text.lower() in PREPOSITIONS
            )
            named_just_before = not place_just_before
        if (
            participle
            and words[position - 1].text.lower() not in BE_FORMS
            and not named_just_before
        ):
            # "Trump released an ad calling it “Q”": the ad is Trump's object, Trump speaks;
            # but "Ryan saying “Q” and Trump calling it “R”": each name its own participle;
            # and "..., Nefzi said, adding “Q”": the speaker of the cue it follows
            said_before = position > 2 and words[position - 1].text == ","
            cue_before = words[position - 2].text if said_before else ""
            # (a past tense: "dismissed the latest claims, saying" has no cue before it)
            if _looks_past(cue_before) or cue_before in ("said", "told", "wrote"):
                span = phrase_before(words, position - 2)
            if span is None:
                span = _subject(words[:position], is_speaker)
        if span is None and participle and place_just_before:
            # 'a large crowd in Tehran chanting “Q”': the crowd's, not the place's
            span = phrase_before(words, name_start - 1)
        elif span is None:
            span = phrase_before(words, position)
            if participle and span is not None and words[span[1]].text in DOCUMENTS:
                # "Black Lives Matter issued a statement saying", "Rubio’s campaign put out
                # a press release saying": who issued it, named in more than one word when
                # the tagger does not know it
                span = (
                    _subject(words[:position], lambda name: " " in name)
                    or _owned_opening(words[:position])
                    or span
                )
        if span is None:
            # "said Zarif: “Q" -- the speaker after the cue, right before the quotation
            # not after "told" or "asked": who is told or asked is no speaker
            # ... but 'Asks union president Jane Doe, “Q?”': a present-tense cue opening the
            # sentence comes before its speaker (feature writing's inversion)
            inverted = position == 0 and word[:1].isupper() and word.endswith("s")
            listener = not inverted and (
                word.lower() in TO_LISTENERS or word.lower().endswith("ing")
            )
            after = None if listener else phrase_after(words, position)
            rest = words[after[1] + 1 :] if after is not None else []
            if after is not None and rest and all(w.text in ":," for w in rest):
                span = after
        who = position - 1
        while who > 0 and words[who].text.lower() in ADVERBS:
            who -= 1  # "who has previously said"
        if span is None and who > 0 and words[who].text.lower() == "who":
            # "met Smith, who said “Q”", "Donald Trump - who previously said"
            comma = words[who - 1].text in (",", "-", "—", "–")
            span = phrase_before(words, who - 1 if comma else who)
        if span is None and position > 1 and words[position - 1].text.lower() in ("and", "but"):
            # "For that she drew his ire - he called her “weak” and said she had “Q”": a
            # verb joined by "and" shares the subject of the clause it joins
            clause = max(
                (k for k in range(position) if words[k].text in (",", ";", ":", "—", "–", "-")),
                default=-1,
            )
            joined = _subject(words[clause + 1 : position], is_speaker)
            if joined is not None and joined[0] == 0:  # the subject opening that clause
                span = joined[0] + clause + 1, joined[1] + clause + 1
        if span is None:
            # "Carson took the stage and called the system “Q”": the clause's subject
            span = _subject(words[:position], is_speaker) or _opening_group(words[:position])
        if span is not None:
            reporting = _reporting_cue(words, position, opening_clause_end)
            if reporting is not None:
                # "Cruz said he is certain Rubio will continue to be “Q”": the words quoted
                # inside reported speech are the reporter's, not those of whom it is about
                outer, outer_span = reporting
                return make_speaker(text, words, outer_span, words[outer].text, words[outer].end)
            return make_speaker(text, words, span, word, words[position].end)
    return None


def _reporting_cue(words: list[Word], inner: int, first: int) -> tuple[int, tuple[int, int]] | None:
    """The cue and speaker of "Israel said" in "Israel said Clinton called on members to be
    “Q”", if the cue at words[inner] stands inside the speech that an earlier cue reports:
    no colon, semicolon or new clause ("..., and Clinton warned") between them, and the
    inner cue does not introduce the quotation itself ("Clinton told him: “Q”")."""
    if all(not _is_word(w.text) for w in words[inner + 1 :]):
        return None
    for outer in range(first, inner):
        word = words[outer].text
        if word not in INDIRECT_CUES or not _is_cue(words, outer):
            continue
        between = words[outer + 1 : inner]
        if any(w.text in (";", ":", "—", "–") or w.text in NEW_CLAUSE_CONJUNCTIONS for w in between):
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
    return make_speaker(text, words, (0, len(words) - 1), ":", start + len(lead))


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
    span = _subject(words, is_speaker)
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
    return make_speaker(text, words, span, verb.text, verb.end)


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


def _opening_group(words: list[Word]) -> tuple[int, int] | None:
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
            end + 1 < min(len(words), index + 2 + _SPEAKS_FOR_WORDS)
            and words[end + 1].text.isalpha()
            and not _looks_past(words[end + 1].text)
            and words[end + 1].text.lower() not in CUES_AND_FUNCTION_WORDS - DETERMINERS
        ):
            end += 1
        if end == index + 1:
            return None  # nothing after the preposition
    following = words[end + 1].text if end + 1 < len(words) else ""
    return end if following.isalpha() and following.islower() else None


def _owned_opening(words: list[Word]) -> tuple[int, int] | None:
    """'Rubio’s campaign', 'His office' opening a sentence: an owner and what they own."""
    if len(words) > 2 and words[1].text.isalpha() and words[1].text.islower():
        owner = words[0].text
        if owner[:1].isupper() and (_POSSESSIVE.search(owner) or owner in ("His", "Her", "Their")):
            return 0, 1
    return None


def _subject(words: list[Word], accepts: Callable[[str], bool]) -> tuple[int, int] | None:
    """The first run of capitalised words that `accepts` takes, or a subject pronoun
    ("Minutes later, she sent an email saying")."""
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
                last = _subject(words[commas[-1] + 1 :], accepts)
                if last is not None:
                    return last[0] + commas[-1] + 1, last[1] + commas[-1] + 1
                index = commas[0] + 1
                continue
        if lowered in ("he", "she", "they"):
            return index, index
        if lowered in ("the", "a", "an") and index + 2 < len(words):
            # "the senator called for Trump to drop out, calling him “Q”", "A spokesman for
            # Platte River declined ... but said", "The billionaire businessman began"
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
        if not words[index].text[:1].isupper():
            index += 1
            continue
        end = index
        while end + 1 < len(words) and words[end + 1].text[:1].isupper():
            end += 1
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
            index = end + 1
            continue
        name = " ".join(w.text for w in words[index : end + 1])
        following = words[end + 1].text if end + 1 < len(words) else ""
        # a subject is followed by its verb ("Trump went"), not a comma ("Salem, New
        # Hampshire,") unless it opens the sentence ("Christie, the governor, repeated"); a
        # possessive is not the subject ("Hollande denounced Trump’s remarks")
        # "Weaver didn’t seem impressed": a contracted verb is a verb
        verb_follows = following.replace("’", "").replace("'", "").isalpha() and following.islower()
        if (
            following in ROLE_NOUNS
            and words[end + 2 : end + 3]
            and words[end + 2].text[:1].isupper()
        ):
            verb_follows = False  # "Senate leader Mitch McConnell agreed": whose role, not who
        opens = index == 0 and following == ","
        if (verb_follows or opens) and not _POSSESSIVE.search(name) and accepts(name):
            return index, end
        if index and _appositive_name(words, index - 1, accepts) == (index, end):
            return index, end  # "Trump’s Virginia state director, Mike Rubino, reached out"
        owned = _owned_speaker(words, end)
        opens_clause = index == 0 or words[index - 1].text == ","
        if owned is not None and opens_clause and accepts(strip_possessive(name)):
            return index, owned  # "Hillary Clinton’s right-hand woman rallied"
        index = end + 1
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
        and not _POSSESSIVE.search(name)
        and accepts(name)
    ):
        return comma + 1, end - 1
    return None


def _owned_speaker(words: list[Word], owner: int) -> int | None:
    """Where "’s right-hand woman" ends, if words[owner] is a possessive whose noun phrase
    (up to three lowercase words) ends in a noun for people who speak."""
    if not _POSSESSIVE.search(words[owner].text):
        return None
    for last in range(owner + 1, min(owner + 4, len(words))):
        word = words[last].text
        if not (word.replace("-", "").isalpha() and word.islower()):
            return None
        if word in SPEAKING_NOUNS or word in DOCUMENTS:
            return last
    return None


def make_speaker(
    text: str, words: list[Word], span: tuple[int, int], cue: str, cue_end: int
) -> Speaker:
    start, end = words[span[0]].start, words[span[1]].end
    mention = text[start:end].strip(",:;—– ")
    if mention.endswith(("’s", "'s")):
        mention = mention[:-2]
    return Speaker(mention, start, start + len(mention), cue.lower(), max(end, cue_end))
