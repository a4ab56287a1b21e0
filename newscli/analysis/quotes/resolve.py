"""Who a speaker mention refers to: a last name or misspelling to the fullest form the
article gives (`newscli.names`), "he"/"she" to the first fitting person of the nearest
sentence naming one (outside quotations), "the minister" to the last person with that role,
"I" to the byline.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from newscli import gender
from newscli.analysis.quotes import patterns
from newscli.analysis.quotes.find import LOOKBACK, Quote, is_paragraph
from newscli.document import Document
from newscli.lexicon import (
    ARTICLES,
    BODY_KIND_WORDS,
    DETERMINERS,
    DOCUMENTS,
    FUNCTION_WORDS,
    ORGANISATION_NOUNS,
    ROLE_NOUNS,
    SPEAKS_FOR_LINKS,
    SUBJECT_PRONOUNS,
)
from newscli.names import Mention, NameIndex, role_words, strip_possessive

#: "the mayor", "the minister": the last word is matched against people's roles
_ROLE_REFERENCE = re.compile(r"\b[Tt]he (?:[a-z]+ ){0,2}([a-z]+)\b")

#: "Powell’s office", "Trump’s campaign"
_OWNED = re.compile(r"(?P<owner>(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*)[’']s?\s(?P<thing>[a-z][a-z -]*)")
#: "a statement from Acme Corp": where a document's issuer is named after it
_FROM = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?(?=[A-Z])")
#: "Obama released a statement": a document issued, its issuer the subject
_ISSUED = re.compile(
    r"\b(?:issued|released|put out|sent|published|posted|sent out)\b(?: \w+){0,3}? "
    rf"(?:{'|'.join(sorted(DOCUMENTS))})s?\b"
)
#: "Jane Doe, a veteran goalkeeper," / "Jane Doe, 52,": a description after a name
_DESCRIBED_AFTER = re.compile(
    r",\s+(?:(?P<age>\d{1,3})\s*,|(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?P<head>[a-z][a-z-]+)"
    r"(?=\s*[,.;]|\s+(?:who|of|at|for|in|from|with)\b))"
)
#: "the veteran goalkeeper Jane Doe", "the engineer, Jo Hart,": a description before a
#: name, opened by its article, or set off from it by a comma
_DESCRIBED_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,3}(?P<head>[a-z][a-z-]+),?\s+$"
)
#: nouns for one person beyond the roles: "the goalkeeper", "the 52-year-old", "the resident"
_PERSON_NOUN = re.compile(r"\d{1,3}-year-old|[a-z-]+(?:er|or|ist|ian|ant|ent|man|woman)")
#: the most words of a person's name at the end of a longer mention
_NAME_WORDS = 4
#: the sex "he" and "she" refer to
_PRONOUN_SEX = {"he": gender.MALE, "she": gender.FEMALE}
#: the marks a quotation opens with, after the name its words are about
_OPENING_MARKS = frozenset('“"«„')
#: mentions looked back over to resolve a pronoun or "the minister": plenty for news, and
#: it keeps resolution linear on a hostile article naming one person thousands of times
_MENTIONS_BACK = 60


#: who a speaker mention refers to, and their role (either may be None)
Resolved = tuple[str | None, str | None]


class Said(NamedTuple):
    """A speaker mention to resolve: its text and words, where it stands, the person the
    quotations before it were last given to, and where its paragraph starts."""

    mention: str
    words: list[str]
    position: int
    last_person: str | None
    paragraph_start: int


@dataclass
class Referents:
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
        words = strip_possessive(name).split()
        for first in range(min(len(words), 6)):
            canonical = self.names.canonical(" ".join(words[first:]))
            if canonical is not None:
                return canonical
        return None

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
        self,
        mention: str,
        position: int,
        last_person: str | None,
        paragraph_start: int,
        rules: list[str],
    ) -> tuple[str | None, str | None]:
        """The full name a speaker mention refers to, and that person's role; the id of the
        rule that resolved it is added to `rules`. The steps are tried in order, each for one
        kind of mention; the first that knows the kind answers (a name when none does)."""
        said = Said(mention, mention.split(), position, last_person, paragraph_start)
        for step in (
            self._pronoun,
            self._issuing_document,
            self._owned_by_pronoun,
            self._description,
            self._owned_by_name,
        ):
            found = step(said, rules)
            if found is not None:
                return found
        return self._name(mention, position, rules)

    def _pronoun(self, said: Said, rules: list[str]) -> Resolved | None:
        """A pronoun. "I": the byline's writer; "we": no one; "it": the last organisation
        named; "she", "he", "they": the last person named who fits, in the paragraph first."""
        mention, _, position, last_person, paragraph_start = said
        names = self.names
        lower = mention.lower()
        if lower == "i":
            rules.append("resolve_byline")
            return self.document.metadata.byline, None  # the writer, when the byline names one
        if lower == "we":
            return None, None
        if lower == "it":
            for earlier in reversed(self.mentions_before(position)):
                if earlier.organisation and not self.in_quotation(earlier.start):
                    rules.append("resolve_organisation")
                    return names.canonical(earlier.name) or earlier.name, None
            return None, None
        if lower not in SUBJECT_PRONOUNS:
            return None
        rules.append("resolve_pronoun")
        fits = _fits_pronoun(lower, names)
        person = (
            self.last_person_before(position, paragraph_start, fits, lower)
            or (last_person if last_person is not None and fits(last_person) else None)
            or self.last_person_before(position, 0, fits, lower)
        )
        return person, names.role(person) if person else None

    def _issuing_document(self, said: Said, rules: list[str]) -> Resolved | None:
        """A document ("the statement said"): whoever the article says issued it."""
        mention, words, position, _, _ = said
        if strip_possessive(words[-1]).lower() not in DOCUMENTS:
            return None
        issuer = self.issuer(position, position + len(mention))
        if issuer is None:
            return None
        rules.append("resolve_issuer")
        return issuer, self.names.role(issuer)

    def _owned_by_pronoun(self, said: Said, rules: list[str]) -> Resolved | None:
        """A thing owned by a pronoun ("his office said"): whose, as "he" would be resolved."""
        _, words, position, last_person, paragraph_start = said
        owner_pronoun = {"his": "he", "her": "she"}.get(words[0].lower())
        if not (owner_pronoun and len(words) > 1 and words[-1].islower()):
            return None
        fits = _fits_pronoun(owner_pronoun, self.names)
        holder = self.last_person_before(position, paragraph_start, fits) or (
            last_person if last_person is not None and fits(last_person) else None
        )
        if holder is None:
            return None
        rules.append("resolve_owner")
        return f"{holder}’s {' '.join(words[1:])}", None

    def _description(self, said: Said, rules: list[str]) -> Resolved | None:
        """A description ("the minister", "the company", "the senator from Vermont"): the
        person or body named before with that role or noun; else the description itself."""
        mention, words, position, _, _ = said
        # (not "the owner of the bakery, Maria Lopez", whose name follows)
        head = None if "," in mention else _head_before_preposition(words)
        if head is not None and words[0].lower() in DETERMINERS:
            if words[0].lower() != "the":
                # "a spokeswoman for the Department of Justice": someone new, and the
                # description the best name the text gives, not the body they speak for
                return mention, None
            words = words[:head]  # "the senator from Vermont": the senator is meant
        if not (words[0].lower() in DETERMINERS and words[-1].islower()):
            return None
        noun = words[-1].lower()
        found = self._named_body(words, noun, position) or self._role_holder(words, noun, position)
        if found is not None:
            rule, name, role = found
            rules.append(rule)
            return name, role
        # "the goalkeeper" refers back; "a goalkeeper", "one adviser" bring someone new
        definite = words[0].lower() == "the"
        described = self.described_before(noun, position) if definite else None
        if described is not None:
            rules.append("resolve_description")
            return described, self.names.role(described)
        # no one in the article holds that role: "the board" is the best name it gives
        return mention, None

    def _named_body(
        self, words: list[str], noun: str, position: int
    ) -> tuple[str, str, None] | None:
        """A body by its kind ("said the assembly government"): the organisation whose name
        says so ("the Welsh Assembly Government"), before the last one named."""
        if noun not in ORGANISATION_NOUNS:
            return None
        named_by = {w.lower() for w in words[1:]}
        for earlier in reversed(self.mentions_before(position)):
            if earlier.organisation and named_by <= set(earlier.name.lower().split()):
                return (
                    "resolve_organisation",
                    self.names.canonical(earlier.name) or earlier.name,
                    None,
                )
        return None

    def _role_holder(
        self, words: list[str], noun: str, position: int
    ) -> tuple[str, str | None, str | None] | None:
        """The last one named before who holds the role ("the minister" after "Finance
        Minister Clara Osei"), or, for "the company", the last organisation named."""
        names = self.names
        for earlier in reversed(self.mentions_before(position)):
            if self.in_quotation(earlier.start):
                continue  # a name inside a quotation is not who "the company" is
            if earlier.role and noun in role_words(earlier.role):
                name = names.canonical(earlier.name) or earlier.name
                return "resolve_role", name, names.role(name)
            if (
                earlier.organisation
                and noun in ORGANISATION_NOUNS
                and len(words) == 2
                and not _named_otherwise(earlier.name, noun)
            ):
                # "the company": the last one named; "the assembly government" is none
                # whose name lacks "assembly"; "the bank" is not "South Wales Police"
                return "resolve_organisation", names.canonical(earlier.name) or earlier.name, None
        return None

    def _owned_by_name(self, said: Said, rules: list[str]) -> Resolved | None:
        """A thing owned by a name ("Powell’s office"): it speaks; its owner by full name."""
        mention = said.mention
        owner = _OWNED.fullmatch(mention)
        if owner is None:
            return None
        full = self.canonical(owner["owner"]) or owner["owner"]
        rules.append("resolve_owner")
        return f"{full}’s {owner['thing']}", None

    def _name(self, mention: str, position: int, rules: list[str]) -> Resolved:
        """A name: the fullest form the article gives ("Osei", "Sen. Marco Rubio": "Clara
        Osei", "Marco Rubio"), read from what the tagger found inside the mention."""
        names = self.names
        end = position + len(mention)
        candidates = [m for m in self.mentions_before(end) if m.start >= position and m.end <= end]
        if candidates and end - candidates[-1].end > 1:
            # the tagger named less than the mention ends with: "Nate Silver" where it saw
            # "Nate", "the Zionist Union Party’s Nachman Shai" where it saw the party
            name = _trailing_name(mention)
        else:
            name = candidates[-1].name if candidates else mention
        canonical = names.canonical(name) or name
        if canonical != mention:
            rules.append("resolve_surname")  # "Osei", "Sen. Marco Rubio": the full name
        return canonical, names.role(canonical)

    @cached_property
    def descriptions(self) -> dict[str, list[tuple[int, str]]]:
        """Head noun -> (position, person), in text order, for each description the text
        gives beside a person's name: "Jane Doe, a veteran goalkeeper," and "the veteran
        goalkeeper Jane Doe" give "goalkeeper"; "Jane Doe, 52," gives "52-year-old". Read
        once, on the first description that needs it."""
        text = self.document.text
        found: dict[str, list[tuple[int, str]]] = {}
        for mention in self.mentions:
            if mention.organisation or self.in_quotation(mention.start):
                continue
            person = self.names.canonical(mention.name)
            if person is None:
                continue
            after = _DESCRIBED_AFTER.match(text, mention.end)
            if after is not None:
                head = after["age"] + "-year-old" if after["age"] else after["head"]
                found.setdefault(head.lower(), []).append((mention.start, person))
            before = _DESCRIBED_BEFORE.search(text, max(0, mention.start - 60), mention.start)
            if before is not None and before["head"] not in FUNCTION_WORDS:
                found.setdefault(before["head"].lower(), []).append((mention.start, person))
        return found

    def described_before(self, noun: str, position: int) -> str | None:
        """The person last given a description with this head noun before position ("the
        goalkeeper" after "Jane Doe, a veteran goalkeeper,")."""
        if not names_one_person(noun):
            return None
        described = self.descriptions.get(noun, [])
        last = bisect_left(described, position, key=lambda d: d[0]) - 1
        return described[last][1] if last >= 0 else None

    def issuer(self, start: int, end: int) -> str | None:
        """Who issued the document text[start:end] names ("the memo", "a statement"), when
        the text says: a name inside it ("the Acme Corp memo", "Acme’s statement"), right
        after it ("a statement from Acme Corp"), or as the subject of a sentence before
        that issued one ("Obama released a statement. ... the statement said")."""
        text = self.document.text
        after = _FROM.match(text, end)
        reach = after.end() + 1 if after else end
        for mention in self.mentions_before(reach):
            if start <= mention.start < reach:
                return self.names.canonical(mention.name) or mention.name
        sentence = self.sentence_of(start)
        for earlier in range(sentence - 1, max(-1, sentence - 3), -1):
            found = self.document.sentences[earlier]
            issued = _ISSUED.search(text, found.start, found.end)
            if issued is None:
                continue
            subjects = [
                m
                for m in self.mentions_before(issued.start())
                if m.start >= found.start and not self.in_quotation(m.start)
            ]
            if subjects:
                return self.names.canonical(subjects[0].name) or subjects[0].name
        return None

    def last_person_before(
        self, position: int, since: int, fits: Callable[[str], bool], pronoun: str = ""
    ) -> str | None:
        """The last person referred to in text[since:position] whom `fits` accepts, outside
        quotations: by name, or by a role they hold ("the mayor" after "Mayor Linda Okafor").
        A sentence that opens with the same `pronoun` is about the same person as the
        pronoun, so a name in it is passed over ("He portrayed Mr Ebbers as frugal. “Q,” he
        said": not Ebbers)."""
        text = self.document.text
        by_role: dict[str, str] = {}  # a role's last word -> who holds it
        # (possessive, start, person): "Plaid Cymru's spokesman Dai Lloyd" is about Lloyd
        referents: list[tuple[bool, int, str]] = []
        for mention in self.mentions_before(position):
            if mention.organisation or self.in_quotation(mention.start):
                continue
            if text[mention.end : mention.end + 2].lstrip(" ")[:1] in _OPENING_MARKS:
                continue  # 'Mr Sullivan “made accounting decisions,” he told': who it is about
            canonical = self.names.canonical(mention.name)
            if not canonical:
                continue
            if mention.role:
                for word in role_words(mention.role):
                    by_role[word] = canonical
            if mention.start >= since:
                possessive = text.startswith(("’", "'"), mention.end)
                referents.append((possessive, mention.start, canonical))
        if by_role:
            window_start = max(since, position - LOOKBACK)
            for match in _ROLE_REFERENCE.finditer(text, window_start, position):
                holder = by_role.get(match.group(1).lower())
                if holder is not None:
                    referents.append((False, match.start(), holder))
        # the nearest sentence naming someone who fits; in it, the first such person not
        # named as an owner nor in an opening subordinate clause, most often its subject
        # ("Bryant said he'll still back Trump. “Q,” he said": Bryant; "When Maddow pointed
        # out ..., Clinton seized upon it": Clinton)
        by_sentence: dict[int, list[tuple[bool, int, str]]] = {}
        for possessive, start, person in referents:
            if fits(person):
                by_sentence.setdefault(self.sentence_of(start), []).append(
                    (possessive, start, person)
                )
        if not by_sentence:
            return None
        nearest_first = sorted(by_sentence, reverse=True)
        chosen = next(
            (s for s in nearest_first if not pronoun or self.opening_word(s) != pronoun),
            nearest_first[0],
        )
        # the main clause is worked out for the one sentence chosen, not for every name
        main = self.main_clause_start(chosen)
        return min(by_sentence[chosen], key=lambda r: (r[0] or r[1] < main, r[1]))[2]

    def main_clause_start(self, sentence: int) -> int:
        """Where a sentence's main clause starts: after an opening phrase or clause set off
        by a comma ("When Maddow pointed out ..., Clinton seized upon it"), else at its start."""
        found = self.document.sentences[sentence]
        words = found.text.lstrip(' “"«„`').split(None, 2)
        if len(words) < 2 or not patterns.opens_with_phrase(words[0], words[1]):
            return found.start
        comma = self.document.text.find(",", found.start, found.end)
        return comma if comma >= 0 else found.start

    def opening_word(self, sentence: int) -> str:
        words = self.document.sentences[sentence].text.lstrip(' “"«„`').split(None, 1)
        return words[0].lower() if words else ""

    def sentence_of(self, position: int) -> int:
        return bisect_right(self.document.sentences, position, key=lambda s: s.start) - 1


def names_one_person(noun: str) -> bool:
    """Whether a description's head noun is for one person: "the goalkeeper", "the
    52-year-old"; not "the statement", "the government", "the board"."""
    if noun in DOCUMENTS or noun in ORGANISATION_NOUNS:
        return False
    return noun in ROLE_NOUNS or _PERSON_NOUN.fullmatch(noun) is not None


def resolve(document: Document, found: list[Quote], referents: Referents) -> None:
    last_person: str | None = None
    # a description of a man or a woman that spoke ("said the woman, who spoke on condition
    # of anonymity"), and where: "she" after it is her, unless a woman is named since
    last_described: tuple[str, int, str] | None = None
    for quote in found:
        mention = quote.speaker_mention
        if mention is None:
            if not quote.in_title and is_paragraph(document, quote):
                # a paragraph-long quotation with no attribution: whoever the text was about
                since = _paragraph_start(document, quote.start)
                quote.speaker = referents.last_person_before(quote.start, since, lambda _: True)
                quote.role = referents.names.role(quote.speaker) if quote.speaker else None
                if quote.speaker is not None:
                    quote.rules.append("resolve_unattributed_paragraph")
            continue
        position = quote.speaker_start or 0
        quote.speaker, quote.role = referents.resolved(
            mention, position, last_person, _paragraph_start(document, position), quote.rules
        )
        pronoun = mention.lower()
        if last_described is not None and pronoun in _PRONOUN_SEX:
            described, at, sex = last_described
            fits = _fits_pronoun(pronoun, referents.names)
            if sex == _PRONOUN_SEX[pronoun] and not referents.last_person_before(
                position, at, fits
            ):
                quote.rules.append("resolve_described_pronoun")
                quote.speaker, quote.role = described, None
        elif quote.speaker == mention and mention.split()[0].lower() in ARTICLES:
            described_sex = gender.of_description(mention)
            if described_sex is not None:
                last_described = (mention, position, described_sex)
        if quote.relative is not None:
            quote.speaker_start, quote.speaker_end = quote.relative
            quote.speaker_mention = document.text[quote.speaker_start : quote.speaker_end]
        if quote.speaker is not None and referents.is_person(quote.speaker):
            last_person = quote.speaker


#: the last words of bodies' names that say what kind of body they are
_BODY_KINDS = ORGANISATION_NOUNS | BODY_KIND_WORDS


def _named_otherwise(name: str, noun: str) -> bool:
    """Whether an organisation's name says it is another kind of body than `noun` ("South
    Wales Police" for "the bank"; "Barclays" says nothing, "Barclays Bank" that it is one)."""
    last = name.split()[-1].lower()
    return last != noun and last in _BODY_KINDS


def _head_before_preposition(words: list[str]) -> int | None:
    """Where a description's head noun ends, if a phrase after it says whom its person
    speaks for or where they are: "a lawyer for the family", "the senator from Vermont"."""
    return next(
        (
            k
            for k, word in enumerate(words[2:], start=2)
            if word in SPEAKS_FOR_LINKS and words[k - 1].islower()
        ),
        None,
    )


def _trailing_name(mention: str) -> str:
    """The name a mention ends with, after any owner, role or lowercase word before it
    ("Executive Director Nihad Awad", "the party’s Nachman Shai", "moderator Gerard Baker");
    the whole mention when that is the place or body a title is of."""
    words = mention.split()
    first = len(words)
    while first > 0 and len(words) - first < _NAME_WORDS:
        word = words[first - 1]
        owner = strip_possessive(word) != word
        if not word[:1].isupper() or owner or word.lower() in ROLE_NOUNS:
            break
        first -= 1
    if first < len(words) and first and words[first - 1] in ("of", "for"):
        return mention  # "the Labour MP for Birkenhead", "the Bishop of Durham": a title
    return " ".join(words[first:]) if first < len(words) else mention


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
