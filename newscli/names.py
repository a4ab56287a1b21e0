"""Names in an article: mentions of people and organisations, their roles, and the one
full name each mention refers to.

News introduces a person once in full, with a role ("Iran's Foreign Minister Mohammad
Javad Zarif"), then by last name ("Zarif"), sometimes misspelt ("Khameni" beside
"Khamenei"). `NameIndex` links every mention to a canonical name: the fullest form the
article gives, with the surname spelt as the article spells it most often. Titles and
roles ("President", "Ayatollah", "Iran's Foreign Minister") are kept apart from the name.

Mentions come from the entity tagger (`tagged_mentions` turns its spans into them), so
`quotes` and `entities` resolve names the same way.
"""

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newscli import gender
from newscli.document import Document
from newscli.lexicon import (
    DATE_WORDS,
    HONORIFICS,
    LEADING_FILLERS,
    NOT_NATIONALITIES,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    SENTENCE_OPENERS,
    STOPWORDS,
    TITLE_WORDS,
)


def role_words(role: str) -> frozenset[str]:
    """The lower-case words a role may be referred to by: "Sen." gives "senator"."""
    words = role.lower().split()
    return frozenset(words).union(*(ROLE_SYNONYMS.get(word, ()) for word in words))


_POSSESSIVE = re.compile(r"[’']s$")
#: a word that may be a name: any letter but a lower-case ASCII one first
_CAPITALISED = re.compile(r"\b[^\W\d_a-z][\w’'-]*")


def strip_possessive(name: str) -> str:
    """ "Trump’s" is Trump."""
    return _POSSESSIVE.sub("", name)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as it stands in the text, split into role and name."""

    start: int
    end: int
    text: str
    #: the name without its role: "Mohammad Javad Zarif"
    name: str
    #: the title or role before it, or None: "Iran’s Foreign Minister"
    role: str | None
    organisation: bool


def _split_role(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading possessives, nationalities and titles are the role; the rest is the name.
    The role ends at a title or possessive: a nationality's ending right before the name is
    a first name's ("Sergei Ryabkov", "Levi Strauss")."""
    cut = 0
    for index, word in enumerate(words[:-1]):
        if _POSSESSIVE.search(word) or _is_title(word):
            cut = index + 1
        elif not _is_nationality(word):
            break
    return words[:cut], words[cut:]


def _is_title(word: str) -> bool:
    return word.rstrip(".").lower() in TITLE_WORDS


def _is_nationality(word: str) -> bool:
    lower = word.lower()
    return (
        len(word) > 4
        and lower.endswith(("ian", "ese", "ish", "ean", "ican", "i"))
        and lower not in NOT_NATIONALITIES
    )


def tagged_mentions(document: Document, spans: Iterable[Any]) -> list[Mention]:
    """Mentions of people and organisations from a tagger's spans (start, end, label), in
    text order."""
    starts = [s.start for s in document.sentences]
    mentions: list[Mention] = []
    for span in _joined_people(document.text, spans):
        if span.label not in ("PERSON", "ORG"):
            continue
        found = bisect_right(starts, span.start) - 1
        sentence_start = starts[found] if found >= 0 else span.start
        mention = tagged_mention(
            document.text,
            span.start,
            span.end,
            sentence_start,
            organisation=span.label == "ORG",
        )
        if mention is not None:
            mentions.append(mention)
    return mentions


def with_missed_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` and every other place the text names a person by a surname the article
    gives in full ("Carly Fiorina" ... "by 2001, Fiorina was still tussling"), which the
    tagger let pass: one pass over the text's capitalised words, in text order."""
    surnames = {
        words[-1]
        for mention in mentions
        if not mention.organisation
        and len(words := mention.name.split()) > 1
        and len(words[-1]) > 2
        and words[-1][:1].isupper()
        and words[-1].lower() not in STOPWORDS
    }
    if not surnames:
        return mentions
    tagged = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _ in tagged]
    missed = []
    for match in _CAPITALISED.finditer(text):
        name = strip_possessive(match.group())
        if name not in surnames:
            continue
        start, end = match.start(), match.start() + len(name)
        found = bisect_right(starts, start) - 1
        if found >= 0 and start < tagged[found][1]:
            continue  # inside a tagged mention
        missed.append(Mention(start, end, name, name, None, False))
    return sorted(mentions + missed, key=lambda m: m.start) if missed else mentions


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    label: str


def _joined_people(text: str, spans: Iterable[Any]) -> list[Any]:
    """Spans in text order, a person's name the tagger cut in two ("Priya" "Raman") one."""
    joined: list[Any] = []
    for span in sorted(spans, key=lambda s: s.start):
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label == span.label == "PERSON"
            and text[previous.end : span.start] == " "
        ):
            joined[-1] = _Span(previous.start, span.end, "PERSON")
        else:
            joined.append(span)
    return joined


def tagged_mention(
    text: str, start: int, end: int, sentence_start: int, *, organisation: bool = False
) -> Mention | None:
    """A Mention for a span a tagger found, its role split off inside or found before it.

    "President Hassan Rouhani" as one span gives the name "Hassan Rouhani" and the role
    "President"; "Iran’s Foreign Minister Mohammad Javad Zarif" with the span on the
    name alone finds the role in the capitalised title words before it.
    """
    words = text[start:end].split()
    # an organisation's leading words are its name ("State Department"), not a title
    role_words, name_words = ([], words) if organisation else _split_role(words)
    if not name_words:
        return None
    if role_words:
        start = text.index(name_words[0], start)
    if _POSSESSIVE.search(name_words[-1]):
        name_words[-1] = strip_possessive(name_words[-1])
        end -= 2
    name = " ".join(name_words)
    if organisation:
        return Mention(start, end, text[start:end], name, None, organisation)
    role = " ".join(role_words) or _capitalised_role(text, start, sentence_start)
    role = role or _lowercase_role(text, start, sentence_start)
    return Mention(start, end, text[start:end], name, role, organisation)


#: the most words read back from a name for its role: "Senate Majority Leader", "U.S.
#: Deputy Secretary of State"
_ROLE_WORDS = 6
#: the most capitalised words an office puts before its titles: "Democratic National
#: Committee" Chair, "U.S. District Court" Judge; more are a headline's capitals
_MOST_QUALIFIERS = 3


def _capitalised_role(text: str, start: int, sentence_start: int) -> str | None:
    """Title words right before a name, "Iran’s Foreign Minister" Mohammad Javad Zarif, and
    the capitalised words that make them one office: "Senate Majority Leader" Chuck
    Schumer, "House Speaker", "Secretary of State" (not "On Sunday" President Obama)."""
    words = text[sentence_start:start].split()[-_ROLE_WORDS:]
    keep: list[str] = []
    qualifiers: list[int] = []  # where in `keep` each word of the office before a title is
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        if word[:1].isupper() and (
            _is_title(word) or _POSSESSIVE.search(word) or _is_nationality(word)
        ):
            pass
        elif word == "of" and keep and at and _is_title(words[at - 1]):
            pass  # "Secretary of State", "Chief of Staff"
        elif keep and _qualifies_title(word) and keep[0].rstrip(".").lower() not in HONORIFICS:
            qualifiers.append(at)
        else:
            break
        keep.insert(0, word)
    if len(qualifiers) > _MOST_QUALIFIERS:
        # a headline's capitals: "Trump Finally Endorses House Speaker" Paul Ryan
        keep = keep[qualifiers[0] - (len(words) - len(keep)) + 1 :]
    # a possessive or nationality alone ("Iran’s Zarif") is not a role
    if not any(_is_title(w) for w in keep):
        return None
    return " ".join(keep)


def _qualifies_title(word: str) -> bool:
    """A capitalised word that makes one office with the title after it ("Senate", "House",
    "Majority", "U.S."), not a sentence's opening words ("On", "Sunday", "Meanwhile")."""
    bare = word.rstrip(".").lower()
    return (
        word[:1].isupper()
        and word.replace(".", "").replace("-", "").isalpha()
        and bare not in SENTENCE_OPENERS
        and bare not in LEADING_FILLERS
        and bare not in DATE_WORDS
    )


def _lowercase_role(text: str, start: int, sentence_start: int) -> str | None:
    """A lowercase role right before a name: "senior foreign correspondent" Elizabeth Palmer."""
    words = text[sentence_start:start].split()[-4:]
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return None
    keep: list[str] = []
    for word in reversed(words):
        if not (word.isalpha() and word.islower()) or word in STOPWORDS or word.endswith("ed"):
            break  # "led to what aide Kevin Phillips called": the role is "aide"
        keep.insert(0, word)
    return " ".join(keep) or None


_FUZZY_MIN_LENGTH = 6


def similar_names(a: str, b: str) -> bool:
    """Same surname, allowing one slip in a long one ("Khameni" / "Khamenei")."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if min(len(a), len(b)) < _FUZZY_MIN_LENGTH or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    return _edit_distance_at_most_one(a, b)


def deletions(word: str) -> set[str]:
    """The word and each form of it with one character deleted: two words one edit apart
    share one of these forms ("hezbolah" is "hezbollah" less an l)."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


_UNKNOWN = object()


class _Group:
    """The mentions of one referent, and the distinct names they use."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.names: list[str] = []
        # worked out on first use, once the index is built
        self.role: str | None | object = _UNKNOWN
        self.organisation: bool | None = None
        #: the sex a member's first name or title gives, if any: "Mr Jackson" is not
        #: "Katherine Jackson"
        self.sex: str | None = None


class NameIndex:
    """Every name the article gives, grouped by referent, with one canonical form each.

    Lookups are memoised by name, so resolving every mention of a long article costs one
    lookup per distinct name, not one per mention per mention."""

    def __init__(self, mentions: Iterable[Mention]):
        # surname (lower case) -> the groups with a member of that surname
        self._by_surname: dict[str, list[_Group]] = {}
        # a long surname and each form of it less one letter -> the surnames it stands for:
        # a slip is looked up in the surnames sharing a form, not compared with them all
        self._by_deletion: dict[str, list[str]] = {}
        self._surname_rank: dict[str, int] = {}  # the order surnames were first met in
        placed: dict[str, _Group] = {}
        for mention in mentions:
            group = placed.get(mention.name)
            sex = None if mention.organisation else gender.of_person(mention.name, mention.role)
            if group is None or sex is not None and group.sex not in (None, sex):
                # an organisation is one name ("State Department" is not "Justice Department"),
                # but one word may be a person's surname the tagger took for one ("Hannity")
                one_word = len(mention.name.split()) == 1
                found = (
                    self._group_of(mention.name, sex)
                    if one_word or not mention.organisation
                    else None
                )
                group = found or _Group()
            if group.sex is None:
                group.sex = sex
            placed[mention.name] = group
            group.mentions.append(mention)
            if mention.name not in group.names:
                group.names.append(mention.name)
            if mention.organisation:
                continue
            surname = mention.name.split()[-1].lower()
            if surname not in self._by_surname:
                self._surname_rank[surname] = len(self._surname_rank)
                if len(surname) >= _FUZZY_MIN_LENGTH:
                    for form in deletions(surname):
                        self._by_deletion.setdefault(form, []).append(surname)
            groups = self._by_surname.setdefault(surname, [])
            if not any(g is group for g in groups):
                groups.append(group)
        # a name the article gives keeps the group it was placed in ("Melania Trump" is not
        # Donald Trump because a bare "Trump" joined his group later)
        self._lookups: dict[str, _Group | None] = dict(placed)
        self._canonical: dict[int, str] = {}

    def _group_of(self, name: str, sex: str | None = None) -> _Group | None:
        words = name.split()
        surname = words[-1].lower()
        # exact surnames first; a one-letter slip only when no exact surname matches
        candidates = self._by_surname.get(surname, [])
        if not candidates and len(surname) >= _FUZZY_MIN_LENGTH:
            sharing = {k for form in deletions(surname) for k in self._by_deletion.get(form, ())}
            candidates = [
                group
                for known in sorted(sharing, key=self._surname_rank.__getitem__)
                if known[:1] == surname[:1] and similar_names(surname, known)
                for group in self._by_surname[known]
            ]
        for group in candidates:
            if sex is not None and group.sex not in (None, sex):
                continue
            # the words before the surname of each full name ("Lib Dem Norman Baker")
            given = [known.split()[:-1] for known in group.names if " " in known]
            if (
                len(words) > 1
                and given
                and not any(similar_names(words[0], word) for names in given for word in names)
            ):
                continue  # "Steven Richter" is not "Scott Richter", whoever "Mr Richter" is
            for known in group.names:
                known_words = known.split()
                if not similar_names(words[-1], known_words[-1]):
                    continue
                # "Ali Khamenei" and "Khamenei" match; "Ali Khamenei" and "Mahmoud Khamenei" don't
                if (
                    len(words) == 1
                    or len(known_words) == 1
                    or similar_names(words[0], known_words[0])
                ):
                    return group
        return None

    def _lookup(self, name: str) -> _Group | None:
        if name not in self._lookups:
            self._lookups[name] = self._group_of(name)
        return self._lookups[name]

    def canonical(self, name: str) -> str | None:
        """The fullest form of the name the article gives, its surname as most often spelt."""
        group = self._lookup(name)
        if group is None:
            return None
        if id(group) not in self._canonical:
            mentions = group.mentions
            fullest = max(mentions, key=lambda m: (len(m.name.split()), -m.start)).name.split()
            spellings = Counter(m.name.split()[-1] for m in mentions)
            # the commonest spelling; on a tie the longer one (a slip drops a letter more often)
            surname = max(spellings, key=lambda s: (spellings[s], len(s)))
            self._canonical[id(group)] = " ".join([*fullest[:-1], surname])
        return self._canonical[id(group)]

    def role(self, name: str) -> str | None:
        group = self._lookup(name)
        if group is None:
            return None
        if group.role is _UNKNOWN:
            group.role = next((m.role for m in group.mentions if m.role), None)
        return group.role  # type: ignore[return-value]

    def is_organisation(self, name: str) -> bool:
        group = self._lookup(name)
        if group is None:
            return False
        if group.organisation is None:
            group.organisation = any(m.organisation for m in group.mentions)
        return group.organisation
