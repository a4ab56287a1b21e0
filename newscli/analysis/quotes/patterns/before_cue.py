"""The speaker phrase that ends right before a cue: a name, a pronoun, "the minister", "a
spokesman for the company", read back over adverbs and appositives."""

import re

from newscli.analysis.quotes.patterns.words import (
    POSSESSIVE,
    Word,
    is_cue,
    is_word,
    looks_past,
    names_role,
)
from newscli.lexicon import (
    ADVERBS,
    APPOSITIVE_OPENERS,
    ARTICLES,
    BARE_FORM_SUBJECTS,
    BE_FORMS,
    BODY_NAME_LINKS,
    BODY_WORDS,
    COMPANY_SUFFIXES,
    CONTRACTED_BE,
    CUES,
    DESCRIPTION_OPENERS,
    DETERMINERS,
    DOCUMENTS,
    FUNCTION_WORDS,
    LEADING_FILLERS,
    NOT_SPEAKERS,
    NOUN_PHRASE_DETERMINERS,
    NOUN_SPEAKERS,
    ORGANISATION_NOUNS,
    OWNER_PRONOUNS,
    PERSON_OF_BODY_LINKS,
    PREPOSITIONS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    SPEAKING_NOUNS,
    SPEAKS_FOR_LINKS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    TITLES_OF_PLACES,
)
from newscli.names import strip_possessive

_PARTY_STATE = re.compile(r"[DRI]-[A-Z]")


#: the last word of a body's or a title's name before its "of" or "for": "the Royal Bank of
#: Scotland", "the Bishop of Durham", "Labour MP for Birkenhead"
_BODY_AND_TITLE_HEADS = (
    ORGANISATION_NOUNS | BODY_WORDS | COMPANY_SUFFIXES | TITLE_WORDS | ROLE_NOUNS | TITLES_OF_PLACES
)


def phrase_before(words: list[Word], index: int) -> tuple[int, int] | None:
    """The noun phrase ending right before words[index]: a name, pronoun or "the minister".

    Read back from the cue: past adverbs and auxiliaries, a verb that raises the subject
    ("appeared to"), appositives set off by commas; then the phrase's last word says what
    it is: a pronoun, a description, a name or a noun for people who speak."""
    j = _before_raising_verb(words, _before_adverbs(words, index))
    j, named = _before_appositives(words, j)
    if named is not None:
        return named
    if j < 0:
        return None
    speaking_for = _speaking_for(words, j)
    if speaking_for is not None:
        return speaking_for
    last = words[j].text.lower()
    if last in DETERMINERS or last in LEADING_FILLERS or last in SUBJECT_PRONOUNS:
        return _pronoun_before(words, j, index)
    described = described_noun(words, j)
    if described is not None:
        return _description_before(words, described, j)
    # "the minister", "federal prosecutors"
    speaking_noun = last in NOUN_SPEAKERS or last.removesuffix("s") in ROLE_NOUNS
    if words[j].text[:1].isupper() or speaking_noun:
        return _name_or_noun_before(words, j, speaking_noun)
    return _unclosed_appositive(words, j)


def _before_adverbs(words: list[Word], index: int) -> int:
    """The last word before the cue at words[index] and the adverbs before it: "Cruz
    gingerly said", "Zarif also said", "Trump is insisting" (not "the family said")."""
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
    return j


def _before_raising_verb(words: list[Word], j: int) -> int:
    """Back past "appeared to", "goes on to" before the cue: "The candidate appeared to
    assert", "The email goes on to say"."""
    if j > 1 and words[j].text == "to":
        verb = j - 1 - (words[j - 1].text == "on")
        verb_word = words[verb].text if verb > 0 else ""
        if looks_past(verb_word) or (
            verb_word.isalpha()
            and verb_word.islower()
            and verb_word.endswith("s")
            and verb_word not in BE_FORMS
            and verb_word not in FUNCTION_WORDS
        ):
            return verb - 1
    return j


def _before_appositives(words: list[Word], j: int) -> tuple[int, tuple[int, int] | None]:
    """Back past up to four appositives to the name they follow: "Haines, who heads the
    Army Corps of Engineers, told", "Cory James, 22, of Flint, Mich., said". Returns the last
    word before the first appositive, or the name inside one ("The leader of the league,
    Jonathan Greenblatt, warned")."""
    skipped = 0
    while skipped < 4 and j > 0 and words[j].text == ",":
        k = j - 1
        while k >= 0 and words[k].text != "," and j - k <= 14:
            k -= 1
        if k <= 0 or words[k].text != ",":
            break
        inside = words[k + 1 : j]
        if _is_appositive(words[k + 1].text, inside):
            j = k
            skipped += 1
            continue
        if 0 < len(inside) <= 4 and all(w.text[:1].isupper() for w in inside):
            if not skipped and len(inside) == 1 and words[k - 1].text[:1].isupper():
                j = k  # "during a town hall in Columbus, Ohio, said": a place and its state
                skipped += 1
                continue
            # "The leader of the league, Jonathan Greenblatt, warned": the name inside
            return j, (k + 1, j - 1)
        break
    return (j - 1 if skipped else j), None


def _is_appositive(opener: str, inside: list[Word]) -> bool:
    """Whether the words between two commas, `inside`, opened by `opener`, describe the
    name before them: ", who heads the agency,", ", R-Ky.,", ", 22,", ", legal director,",
    ", FSA spokesman,", ", Mich.,"."""
    return (
        opener.lower() in APPOSITIVE_OPENERS
        or _PARTY_STATE.match(opener) is not None  # "Mitch McConnell, R-Ky., said"
        or opener[:1].isdigit()
        or opener.lower() in ROLE_NOUNS
        # "legal director", "deputy homeland security adviser", "co-founder of the ...",
        # "refugee rights program director at Human Rights Watch": a lower-case phrase
        # naming a role
        or (opener.islower() and any(names_role(w.text) for w in inside[:6]))
        or (inside and names_role(inside[-1].text))  # "Rob McIvor, FSA spokesman, told"
        or (opener.islower() and opener.endswith("ing"))
        or (len(inside) == 1 and opener[:1].isupper() and opener.endswith("."))  # "Mich."
        or (POSSESSIVE.search(opener) is not None and len(inside) > 1)  # "Twitter’s director"
    )


def _pronoun_before(words: list[Word], j: int, index: int) -> tuple[int, int] | None:
    """A pronoun, "another" or "one" ending the phrase: 'Another tweeted, “Q”', "It
    continued: “Q”"; a determiner or filler alone, or "this", "who", names no one."""
    last = words[j].text.lower()
    word_before = words[j - 1].text.lower() if j else ""
    if last in ("another", "one") and (not word_before.isalpha() or word_before == "yet"):
        return j, j  # 'Another tweeted, “Q”', 'Yet another said, “Q”'
    if last in DETERMINERS or last in LEADING_FILLERS:
        return None
    if last == "it" and j == index - 1 and is_cue(words, index):
        return j, j  # "It continued: “Q”": a document or a body speaking
    return (j, j) if last not in NOT_SPEAKERS else None


def _description_before(words: list[Word], described: int, j: int) -> tuple[int, int] | None:
    """'the board', 'a senior official', 'Powell’s office' from words[described] to words[j]."""
    before = [w.text.lower() for w in words[max(0, described - 2) : described]]
    if len(before) == 2 and before[1] in PREPOSITIONS and before[0] in ADVERBS:
        return None  # "who has in the past described": a time, not a speaker
    return described, j


def _name_or_noun_before(words: list[Word], j: int, speaking_noun: bool) -> tuple[int, int]:
    """A name ("Sen. Rand Paul"), a body's name ("the Bank of England") or a noun for
    people who speak ("federal prosecutors") ending at words[j]."""
    first = _start_of_name_or_noun(words, j, speaking_noun)
    person = _person_of_body(words, first)
    if person is not None:
        return person
    of_body = first >= 2 and words[first - 1].text in ("of", "for")
    if of_body and words[first - 2].text[:1].isupper():
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
        while first > 0 and words[first - 1].text.lower() in NOUN_PHRASE_DETERMINERS:
            first -= 1
    while first < j and words[first].text.lower() in LEADING_FILLERS:
        first += 1
    return first, j


def _start_of_name_or_noun(words: list[Word], j: int, speaking_noun: bool) -> int:
    """Where the capitalised run or the noun phrase ending at words[j] starts, up to seven
    words back: "Sen. Marco Rubio", "the Trump campaign", "21 percent", "federal
    prosecutors"."""
    first = j
    while first > 0 and first > j - 7:
        previous = words[first - 1].text
        if (
            previous[:1].isupper()
            or previous.lower() in NOUN_PHRASE_DETERMINERS  # not "said that Americans"
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
    return first


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
        opens = opener == "who" or opener in ARTICLES
        if not opens or not words[comma - 1].text[:1].isupper():
            return None
        first = comma - 1
        while first > 0 and comma - first < 4 and words[first - 1].text[:1].isupper():
            first -= 1
        if first == 0 and first == comma - 1:
            return None  # "Likewise, a paper ... had this to say": an opening word
        return first, comma - 1
    return None


#: the most words after a SPEAKS_FOR_LINKS preposition: "for the Department of Justice"
SPEAKS_FOR_WORDS = 5


def _speaking_for(words: list[Word], j: int) -> tuple[int, int] | None:
    """The span of "a spokesman for the company" or "lawyers for the family", if words[j]
    ends one: a lower-case noun for people who speak, a preposition and what they speak
    for. The spokesman speaks, not the company. A document addressed to someone ("United's
    statement to the stock exchange") speaks for whoever issued it: its span ends with it."""
    for preposition in range(j - 1, max(0, j - SPEAKS_FOR_WORDS - 1), -1):
        word = words[preposition].text
        if not is_word(word.removesuffix(".")) or word in CUES:
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
            described = described_noun(words, preposition - 1)
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
    if (
        k < 2
        or words[k].text.lower() not in PERSON_OF_BODY_LINKS
        or words[k + 1].text.lower() != "the"
    ):
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


#: the most words of a possessive owner's name: "New York Stock Exchange’s"
_OWNER_WORDS = 5


def described_noun(words: list[Word], j: int) -> int | None:
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
        if first == j - 1 and word[:1].isupper() and POSSESSIVE.search(word):
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
