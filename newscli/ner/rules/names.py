"""Rules for other names: eras, pacts and events."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


#: what follows a year: "500 BC", "AD 79"
_ERAS = frozenset("bc bce ad ce".split())


def _is_era(words: list[list[str]], mention: tuple[int, int, int, str]) -> bool:
    """Whether a one-word mention is an era beside a number ("44 BC", "AD 79", "the 5th
    century BC")."""
    sentence, first, end, _ = mention
    if end - first != 1 or words[sentence][first].lower().rstrip(".") not in _ERAS:
        return False
    beside = words[sentence][max(first - 1, 0) : first + 2]
    return any(word[:1].isdigit() or word in ("century", "millennium") for word in beside)


#: what a place names when it is a pact's: "the Paris Agreement", "the Kigali Amendment"
_AGREEMENTS = frozenset(
    "agreement agreements accord accords treaty protocol convention amendment declaration "
    "pact".split()
)


#: what ends an event's name: "the Olympic Games", "the World Cup"
_EVENTS = frozenset("games olympics cup championship championships".split())


def _as_agreement(words: list[list[str]], mention: tuple) -> tuple:
    """A place named in a pact's name ("the Paris Agreement", "the Treaty of London") is the
    pact's, a name of its own (MISC), not the place (nor a person: "the Treaty of Tientsin")."""
    sentence, first, end, kind = mention
    sentence_words = words[sentence]
    if kind == "MISC":
        return mention
    after = sentence_words[end] if end < len(sentence_words) else ""
    if after[:1].isupper() and after.lower() in _AGREEMENTS and kind == "LOC":
        return sentence, first, end + 1, "MISC"
    if end - first > 1 and sentence_words[end - 1].lower() in _EVENTS:
        return sentence, first, end, "MISC"  # "the Olympic Games", "the World Cup"
    if (
        first >= 2
        and sentence_words[first - 1] == "of"
        and sentence_words[first - 2][:1].isupper()
        and sentence_words[first - 2].lower() in _AGREEMENTS
    ):
        return sentence, first - 2, end, "MISC"
    return mention
