"""The people, organisations and places of an article, one entity per referent.

The tagger (`newscli.ner`) finds typed mentions; this module groups them:

- people through the core `NameIndex` (shared with `quotes`): "Zarif" joins "Mohammad Javad
  Zarif", "Khameni" joins "Khamenei", and titles ("President", "Iran’s Foreign Minister")
  go into `role`, never the name. A one-word mention of another type whose word is a
  person's surname in the article ("Zarif" tagged as a place) joins that person;
- other names by their normal form (case, dots, a leading "the" and possessives ignored:
  "U.S." is "US"), then by a short table of other names for the same country or body
  ("U.S.", "United States", "America"), merged only when the article uses them;
- acronyms: one defined in the text ("Popular Mobilization Units (PMU)") or spelling the
  initials of a longer name in the article joins that name;
- a one-slip spelling of a long one-word name ("Hezbolah") joins the commoner spelling.

Each entity's type is the commonest among its mentions; its name is the fullest form the
article gives. Salience (0-1) weighs how often it is mentioned (0.5), how early it first
appears (0.3), and whether it is in the title (0.2) or the opening paragraph (0.1).
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from newscli.document import Document
from newscli.language import ENGLISH
from newscli.names import NameIndex, deletions, similar_names, tagged_mentions
from newscli.ner.languages import LANGUAGES as TAGGED_LANGUAGES
from newscli.schema import Entity, EntityType

#: the order that breaks a tie between types
TYPES = tuple(EntityType)
#: English, and the languages of the tagger shared by others (`newscli.ner.languages`)
LANGUAGES = ENGLISH | TAGGED_LANGUAGES

# Other names of one country or body. Acronyms are written without dots: "U.S." is "us".
_ALIAS_SETS = (
    ("united states", "us", "usa", "america", "united states of america"),
    ("united kingdom", "uk", "britain", "great britain"),
    ("united nations", "un"),
    ("european union", "eu"),
    ("united arab emirates", "uae"),
    ("soviet union", "ussr"),
    ("north atlantic treaty organization", "nato"),
)
_ALIAS_OF = {name: names[0] for names in _ALIAS_SETS for name in names}
_NOT_INITIALS = frozenset("of the and for de la le du des al el & in on".split())
_DEFINED_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")


class TaggedSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


@dataclass
class _Entity:
    type_votes: Counter[str] = field(default_factory=Counter)
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    role: str | None = None
    person: bool = False


def analyze(document: Document) -> list[Entity]:
    """Entities of a parsed document, most salient first."""
    from newscli import ner

    return entities(document, ner.tag_document(document))


def entities(document: Document, spans: Iterable[TaggedSpan]) -> list[Entity]:
    """Group tagged spans into entities (records, most salient first)."""
    text = document.text
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    people = tagged_mentions(document, [s for s in spans if s.label == "PERSON"])
    index = NameIndex(people)
    person_at = {m.start: m for m in people}

    groups: dict[str, _Entity] = {}
    acronyms: dict[str, str] = {}  # an acronym defined in the text -> its group's key
    for span in spans:
        if span.label == "PERSON":
            mention = person_at.get(span.start) or _first_inside(people, span)
            if mention is None:
                continue
            key = "person:" + (index.canonical(mention.name) or mention.name)
            start, end, name = mention.start, mention.end, mention.name
        else:
            start, end = span.start, span.end  # the tagger leaves a possessive ’s out
            name = _display_name(text[start:end])
            if not name:
                continue
            surname_of = index.canonical(name) if " " not in name else None
            if surname_of is not None and surname_of.split()[-1].lower() == name.lower():
                key = "person:" + surname_of
            else:
                key = "name:" + _ALIAS_OF.get(_normal(name), _normal(name))
        group = groups.setdefault(key, _Entity(person=key.startswith("person:")))
        group.type_votes["PERSON" if group.person else span.label] += 1
        group.mentions.append((start, end, text[start:end], span.label))
        group.names.append(name)
        if group.person and group.role is None:
            group.role = index.role(key.removeprefix("person:"))
        if not group.person and (defined := _DEFINED_ACRONYM.match(text, span.end)):
            acronyms.setdefault("name:" + _normal(defined.group(1)), key)

    _merge_acronyms(groups, acronyms)
    _merge_slips(groups)
    return _records(document, groups)


def _first_inside(people: Sequence[Any], span: TaggedSpan) -> Any:
    return next((m for m in people if span.start <= m.start < span.end), None)


def _display_name(mention: str) -> str:
    words = mention.split()
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _normal(name: str) -> str:
    return " ".join(name.casefold().replace(".", "").split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.casefold().split() if w not in _NOT_INITIALS)


def _merge(groups: dict[str, _Entity], source: str, target: str) -> None:
    moving = groups.pop(source)
    into = groups[target]
    into.type_votes.update(moving.type_votes)
    into.mentions.extend(moving.mentions)
    into.names.extend(moving.names)


def _merge_acronyms(groups: dict[str, _Entity], defined: dict[str, str]) -> None:
    """An acronym joins the name it is defined as, or the one longer name it spells."""
    for key in list(groups):
        if key not in groups or key.startswith("person:"):
            continue
        acronym = key.removeprefix("name:")
        if " " in acronym or not 2 <= len(acronym) <= 6:
            continue
        if not any(n.replace(".", "").isupper() for n in groups[key].names):
            continue
        target = defined.get(key)
        if target is None:
            spelt = [
                other
                for other in groups
                if other != key
                and other.startswith("name:")
                and " " in other
                and _initials(other.removeprefix("name:")) == acronym
            ]
            target = spelt[0] if len(spelt) == 1 else None
        if target is not None and target != key and target in groups:
            _merge(groups, key, target)


def _merge_slips(groups: dict[str, _Entity]) -> None:
    """A one-word name one slip away from a commoner one-word name is that name.

    Two words one edit apart share a form with at most one letter deleted ("hezbolah" is
    "hezbollah" less an l), so each name is compared only with the names that share one of
    its forms, not with every other: linear in the names, where an article listing
    thousands of distinct names made comparing each with all quadratic."""
    single = sorted(
        (k for k in groups if k.startswith("name:") and " " not in k),
        key=lambda k: -len(groups[k].mentions),
    )
    having: dict[str, list[int]] = {}  # a form -> the places in `single` of the names with it
    for place, key in enumerate(single):
        for form in deletions(key.removeprefix("name:").lower()):
            having.setdefault(form, []).append(place)
    for key in reversed(single):
        word = key.removeprefix("name:")
        if key not in groups:  # similar_names allows a slip only in a long name
            continue
        # in the order of `single`: the commonest similar name wins, as before
        places = sorted({p for form in deletions(word.lower()) for p in having[form]})
        for other in map(single.__getitem__, places):
            if other == key or other not in groups:
                continue
            if len(groups[other].mentions) >= len(groups[key].mentions) and similar_names(
                word, other.removeprefix("name:")
            ):
                _merge(groups, key, other)
                break


def _canonical(key: str, group: _Entity) -> str:
    if group.person:
        return key.removeprefix("person:")  # NameIndex's: the fullest, spelt as most often
    counts = Counter(group.names)
    # the fullest spelled-out form; an acronym only when there is nothing else
    return max(
        counts,
        key=lambda n: (not n.replace(".", "").isupper(), len(n.split()), counts[n], len(n)),
    )


def _records(document: Document, groups: dict[str, _Entity]) -> list[Entity]:
    found = list(groups.items())
    if not found:
        return []
    body_start = document.paragraphs[0].start if document.paragraphs else 0
    body_end = document.paragraphs[-1].end if document.paragraphs else len(document.text)
    lede_end = document.paragraphs[0].end if document.paragraphs else 0
    title = document.title
    most = max(len(g.mentions) for _, g in found)
    records: list[Entity] = []
    for key, group in found:
        mentions = sorted(set(group.mentions))
        first = mentions[0][0]
        frequency = len(mentions) / most
        earliness = 1 - min(1.0, max(0, first - body_start) / max(1, body_end - body_start))
        in_title = title is not None and (
            any(
                title.start is not None and title.start <= s < (title.end or 0)
                for s, *_ in mentions
            )
            or (title.start is None and any(_normal(n) in _normal(title.text) for n in group.names))
        )
        in_lede = any(body_start <= s < lede_end for s, *_ in mentions)
        salience = 0.5 * frequency + 0.3 * earliness + (0.2 if in_title else 0.1 if in_lede else 0)
        type_ = max(group.type_votes, key=lambda t: (group.type_votes[t], -TYPES.index(t)))
        records.append(
            {
                "name": _canonical(key, group),
                "type": EntityType(type_),
                "role": group.role,
                "count": len(mentions),
                "salience": round(salience, 3),
                "start": mentions[0][0],
                "end": mentions[0][1],
                "aliases": list(dict.fromkeys(text for _, _, text, _ in mentions)),
                "mentions": [
                    {"text": text, "start": start, "end": end, "label": EntityType(label)}
                    for start, end, text, label in mentions
                ],
            }
        )
    records.sort(key=lambda r: (-r["salience"], r["start"]))
    return records
