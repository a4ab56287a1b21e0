"""The speaker phrase that starts right after a cue: "said Zarif", "said the minister",
"said former Obama adviser David Axelrod", "said one of his aides"."""

from newscli.analysis.quotes.patterns.words import Word, is_word
from newscli.lexicon import (
    ADVERBS,
    CUES,
    CUES_AND_FUNCTION_WORDS,
    DEMONSTRATIVES,
    DESCRIBING_PARTICIPLES,
    DETERMINERS,
    FUNCTION_WORDS,
    NOT_SPEAKERS,
    OF_DETERMINERS,
    PARTITIVES,
    ROLE_NOUNS,
    SPEAKING_NOUNS,
    SUBJECT_PRONOUNS,
)
from newscli.names import strip_possessive

#: the most words of "of the bakery" between a role and the name after its comma
ROLE_OF_WORDS = 3


def phrase_after(words: list[Word], index: int) -> tuple[int, int] | None:
    """The noun phrase right after words[index]: "said Zarif", "said the minister"; a
    pronoun, "one of" a group, or a name or description read on to where it ends."""
    j = index + 1
    if j >= len(words):
        return None
    word = words[j].text
    if word.lower() in SUBJECT_PRONOUNS - NOT_SPEAKERS:
        return j, j
    if word.lower() in DEMONSTRATIVES:
        return None  # "claiming that he ...": a clause, not a speaker
    if word.lower() in PARTITIVES and j + 1 < len(words) and words[j + 1].text == "of":
        return _one_of(words, j)
    if word.lower() in DETERMINERS:
        return _name_or_description_after(words, j, j + 1)
    if not word[:1].isupper() and not _modifies_name(words, j):
        return None  # a speaker after the cue is a name, a pronoun or "the minister"
    return _name_or_description_after(words, j, j)


def _name_or_description_after(words: list[Word], first: int, j: int) -> tuple[int, int] | None:
    """A name or a description from words[first] (a determiner, when j is past it) on:
    "Zarif", "former Obama adviser David Axelrod", "the Florida senator", "a Ministry of
    Defence spokesman", "Opera spokeswoman, Berit Hanson"."""
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
            role = _role_after_name(words, j)
            if role is not None:
                return first, role
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


def _role_after_name(words: list[Word], j: int) -> int | None:
    """Where a noun for people who speak ends a description at words[j] or the word after,
    after a name inside it: "said the Florida senator", "the Republican vice-presidential
    nominee", "said a 2008 Clinton veteran", "the Trump campaign"."""
    for role in range(j, min(j + 2, len(words))):
        following = words[role + 1].text if role + 1 < len(words) else ""
        if words[role].text in SPEAKING_NOUNS and following not in SPEAKING_NOUNS:
            return role
        if not words[role].text.replace("-", "").isalpha():
            break
    return None


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
    while end < len(words) and end < start + ROLE_OF_WORDS and is_word(words[end].text):
        end += 1
    return end if end > start else k


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
