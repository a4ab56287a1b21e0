"""A speaker given as a description ("the county engineer", "Iran’s supreme leader") named
after the person the article names with that role or description, where `resolve` found
no one before it:

- the one person named with the same role or description within a few paragraphs,
  before or after ("Iran’s supreme leader" and "Supreme Leader Ali Khamenei"; "the
  engineer" and "Jo Hart, the county engineer,"); none when two people are;
- else a person whose own quotation nearby repeats the description's quoted words (the
  lede's "Iran’s supreme leader touted the strike as a “slap”" and, below, "“They were
  struck with such a slap,” Khamenei told a crowd").

Only a description of one person is named, and only by someone of its sex when it gives
one ("the Waterford man"); when no one fits, the description stays the speaker.
"""

import re
from bisect import bisect_left, bisect_right

from newscli import gender
from newscli.analysis.quotes.find import Quote
from newscli.analysis.quotes.resolve import Referents, names_one_person
from newscli.names import role_words

#: "the county engineer", "The former secretary": a description opened by "the"
_DEFINITE = re.compile(r"[Tt]he (?:[\w-]+ ){0,3}(?P<head>[a-z][a-z-]+)")
#: "Iran’s supreme leader", "Acme’s chief executive": a role its owner, a place or body, gives
_OWNED_ROLE = re.compile(
    r"(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*[’']s?\s(?:[a-z-]+\s){0,2}(?P<head>[a-z-]+)"
)
#: how far from a description its holder may be named, or the quotation that repeats its
#: words stand: a few paragraphs (a list of items names several actors, and "the actor"
#: of one item is not the actor of another); it also keeps a hostile article linear
_NEAR = 1000
#: how far from a name its description's words are looked for ("Jo Hart, the county engineer,")
_BESIDE = 80
#: words of a quotation compared with another's: letters only, in lower case
_WORD = re.compile(r"[^\W\d_]+")


def name_descriptions(found: list[Quote], referents: Referents) -> None:
    """Give each quote whose speaker is still a description of one person that person's
    name, when the article names someone who fits."""
    text = referents.document.text
    for quote in found:
        if quote.speaker is None or quote.speaker != quote.speaker_mention:
            continue
        head = _one_person_head(quote.speaker)
        if head is None:
            continue
        position = quote.speaker_start or quote.start
        sex = gender.of_description(quote.speaker)
        modifiers = _modifiers(quote.speaker, head)
        person = _holder(referents, head, modifiers, position, sex)
        rule = "resolve_description_nearby"
        if person is None:
            person = _same_words(text, quote, found, referents, sex)
            rule = "resolve_description_by_quote"
        if person is not None:
            quote.speaker, quote.role = person, referents.names.role(person)
            quote.rules.append(rule)


def _one_person_head(description: str) -> str | None:
    """The head noun of a description of one person, else None ("the protesters", "the
    statement", "the company": not one person)."""
    match = _DEFINITE.fullmatch(description) or _OWNED_ROLE.fullmatch(description)
    if match is None:
        return None
    head = match["head"]
    # "the man", "the woman": one person by the word for their sex
    one = names_one_person(head) or gender.of_description(head) is not None
    return head if one else None


def _modifiers(description: str, head: str) -> frozenset[str]:
    """The lower-case words before a description's head, which its holder's role must
    share: "the former top aide" is not "aide Kevin Phillips"."""
    words = description.split()[1:-1]
    return frozenset(w.lower() for w in words if w.islower() and w != head)


def _fits(referents: Referents, person: str, sex: str | None) -> bool:
    return referents.is_person(person) and (
        sex is None or gender.of_person(person, referents.names.role(person)) in (sex, None)
    )


def _holder(
    referents: Referents, head: str, modifiers: frozenset[str], position: int, sex: str | None
) -> str | None:
    """The person nearest position the article names with this role or description,
    outside quotations."""
    text = referents.document.text
    holders: list[tuple[int, str]] = []
    mentions = referents.mentions
    first = bisect_left(mentions, position - _NEAR, key=lambda m: m.start)
    last = bisect_right(mentions, position + _NEAR, key=lambda m: m.start)
    for mention in mentions[first:last]:
        if mention.organisation or referents.in_quotation(mention.start):
            continue
        if mention.role and {head, *modifiers} <= role_words(mention.role):
            person = referents.names.canonical(mention.name) or mention.name
            holders.append((abs(mention.start - position), person))
    described = referents.descriptions.get(head, [])
    first = bisect_left(described, position - _NEAR, key=lambda d: d[0])
    last = bisect_right(described, position + _NEAR, key=lambda d: d[0])
    for start, person in described[first:last]:
        beside = set(text[max(0, start - _BESIDE) : start + _BESIDE].lower().split())
        if modifiers <= beside:
            holders.append((abs(start - position), person))
    fitting = sorted((d, p) for d, p in holders if d <= _NEAR and _fits(referents, p, sex))
    # two different people with that role ("the senator" among several senators): none
    if not fitting or len({p for _, p in fitting}) > 1:
        return None
    return fitting[0][1]


def _same_words(
    text: str, quote: Quote, found: list[Quote], referents: Referents, sex: str | None
) -> str | None:
    """The named speaker of another quotation that holds this quote's words, when it is
    a fragment ("a “slap”") of what they said in full."""
    words = _WORD.findall(text[quote.start : quote.end].lower())
    if not words or len(words) > 3:
        return None
    # someone named in the fragment's own sentence is whom it quotes, not who spoke it:
    # "the candidate blasted Trump’s call for a “deportation force”"
    sentence = referents.document.sentences[referents.sentence_of(quote.start)]
    named_there = {
        referents.names.canonical(m.name)
        for m in referents.mentions_before(sentence.end)
        if m.start >= sentence.start
    }
    first = bisect_left(found, quote.start - _NEAR, key=lambda q: q.start)
    last = bisect_right(found, quote.start + _NEAR, key=lambda q: q.start)
    for other in found[first:last]:
        if other is quote or other.speaker is None or other.speaker in named_there:
            continue
        if not _fits(referents, other.speaker, sex):
            continue
        said = _WORD.findall(text[other.start : other.end].lower())
        if len(said) > len(words) and _holds(said, words):
            return other.speaker
    return None


def _holds(words: list[str], part: list[str]) -> bool:
    """Whether `part` occurs in `words` as a run of whole words."""
    return any(words[at : at + len(part)] == part for at in range(len(words) - len(part) + 1))
