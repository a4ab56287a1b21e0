"""Rules for other names: eras, pacts and events."""

from __future__ import annotations

from newscli.lexicon import AGREEMENTS, ERA_NOUNS, ERAS, EVENT_HEADS
from newscli.ner.rules.common import Mention, Words


def is_era(document: Words, mention: Mention) -> bool:
    """Whether a one-word mention is an era beside a number ("44 BC", "AD 79", "the 5th
    century BC"): no entity.

    Example: "The statue dates from the 5th century BC and was found in 1911." has no
    entity "BC"."""
    sentence, first, end, _ = mention
    words = document.words
    if end - first != 1 or words[sentence][first].lower().rstrip(".") not in ERAS:
        return False
    beside = words[sentence][max(first - 1, 0) : first + 2]
    return any(word[:1].isdigit() or word in ERA_NOUNS for word in beside)


def as_agreement(document: Words, mention: Mention) -> Mention:
    """A place named in a pact's name ("the Paris Agreement", "the Treaty of London") is the
    pact's, a name of its own (MISC), not the place (nor a person: "the Treaty of Tientsin");
    so is an event's name ("the Olympic Games", "the World Cup").

    Example: "Both sides signed the Bramford Agreement in May." gives "Bramford
    Agreement", MISC, not the place "Bramford"."""
    sentence, first, end, kind = mention
    sentence_words = document.words[sentence]
    if kind == "MISC":
        return mention
    after = sentence_words[end] if end < len(sentence_words) else ""
    if after[:1].isupper() and after.lower() in AGREEMENTS and kind == "LOC":
        return sentence, first, end + 1, "MISC"
    if end - first > 1 and sentence_words[end - 1].lower() in EVENT_HEADS:
        return sentence, first, end, "MISC"  # "the Olympic Games", "the World Cup"
    if (
        first >= 2
        and sentence_words[first - 1] == "of"
        and sentence_words[first - 2][:1].isupper()
        and sentence_words[first - 2].lower() in AGREEMENTS
    ):
        return sentence, first - 2, end, "MISC"
    return mention
