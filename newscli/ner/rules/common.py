"""What the rules after tagging share: the document they read, the rule itself, the
lexicon's bits and thresholds, and small helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from newscli.lexicon import MORE_ORGANISATION_HEADS
from newscli.ner import features as feats

if TYPE_CHECKING:
    from newscli.ner.model import Model

#: (sentence, first token, end token, model type) of a mention
Mention = tuple[int, int, int, str]

COMMON_WORD = 5  # zipf frequency from which a one-word name is not spread to other mentions
MAX_ORG_WORDS = 5  # capitalised words a rule takes into an organisation's name
#: the kind `organisations_by_context` gives: an organisation, whatever else the model read
CUED_ORG = "ORG!"

ORG_WORD = 1 << feats.LEXICON_BITS.index("org_word")
COUNTRY = 1 << feats.LEXICON_BITS.index("country")
COUNTRY_PART = 1 << feats.LEXICON_BITS.index("country_part")
CONTINENT = 1 << feats.LEXICON_BITS.index("continent")
TOWN = sum(1 << feats.LEXICON_BITS.index(b) for b in ("city", "city_part", "state"))
MONTH_DAY = 1 << feats.LEXICON_BITS.index("month_day")
PLACE = sum(
    1 << feats.LEXICON_BITS.index(bit)
    for bit in ("country", "country_part", "city", "city_part", "state", "continent")
)
FIRST_NAME = 1 << feats.LEXICON_BITS.index("first_name")
TITLE_WORD = 1 << feats.LEXICON_BITS.index("title_word")
LAST_NAME = 1 << feats.LEXICON_BITS.index("last_name")


@dataclass(frozen=True)
class Words:
    """One document's words as the rules read them: `words` by sentence, the same in
    `lowered` case, where the `capitalised` ones are (the others can start no name), the
    sentences that are `datelines`, and whether the document is `sports` copy."""

    tagger: Model
    words: list[list[str]]
    lowered: list[list[str]]
    capitalised: list[list[int]]
    datelines: frozenset[int] = frozenset()
    sports: bool = False


class Rule(NamedTuple):
    """A rule after tagging: its `id` and its `function`, which reads the document's words
    and either all its `mentions` and returns them corrected, or (`reads` "mention") one
    mention and returns it corrected, or (`reads` "drop") one mention and says whether it
    is no entity."""

    id: str
    function: Callable[..., Any]
    reads: str = "mentions"

    def apply(self, document: Words, mentions: list[Mention]) -> list[Mention]:
        function = self.function
        if self.reads == "mention":
            return [function(document, mention) for mention in mentions]
        if self.reads == "drop":
            return [mention for mention in mentions if not function(document, mention)]
        return function(document, mentions)


def apply(
    rules: tuple[Rule, ...], document: Words, mentions: list[Mention], leave_out: Any = ()
) -> list[Mention]:
    """The mentions after each of `rules` in turn, but those whose id is in `leave_out`."""
    for rule in rules:
        if rule.id not in leave_out:
            mentions = rule.apply(document, mentions)
    return mentions


def is_organisation_head(tagger: Model, word: str) -> bool:
    """Whether a word ends an organisation's name ("Bank", "Council", "Exchange")."""
    lower = word.lower()
    listed = tagger.lexicon.entries.get(lower, 0) & ORG_WORD
    return bool(listed) or lower in MORE_ORGANISATION_HEADS


def capitalised_run_end(words: list[str], start: int, most: int) -> int:
    """Where the run of at most `most` capitalised words from words[start] ends."""
    end = start
    while end < len(words) and end - start < most and words[end][:1].isupper():
        end += 1
    return end


def taken(mentions: list[Mention]) -> set[tuple[int, int]]:
    """(sentence, token) of every token in a mention."""
    return {(sentence, i) for sentence, first, end, _ in mentions for i in range(first, end)}
