"""What several rules after tagging read: the lexicon's bits, thresholds and small helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscli.ner import features as feats

if TYPE_CHECKING:
    from newscli.ner.model import Model


COMMON_WORD = 5  # zipf frequency from which a one-word name is not spread to other mentions


#: the kind `_organisations_by_context` gives: an organisation, whatever else the model read
_CUED_ORG = "ORG!"


_ORG_WORD = 1 << feats.LEXICON_BITS.index("org_word")


_MAX_ORG_WORDS = 5


#: words that end an organisation's name beside the lexicon's organisation words
_MORE_ORGANISATION_HEADS = frozenset("exchange daily".split())


def _is_organisation_head(tagger: Model, word: str) -> bool:
    lower = word.lower()
    listed = tagger.lexicon.entries.get(lower, 0) & _ORG_WORD
    return bool(listed) or lower in _MORE_ORGANISATION_HEADS


def _capitalised_run_end(words: list[str], start: int, most: int) -> int:
    """Where the run of at most `most` capitalised words from words[start] ends."""
    end = start
    while end < len(words) and end - start < most and words[end][:1].isupper():
        end += 1
    return end


#: lowercase words inside a name its acronym skips ("Organisation for Security and ...")
_NAME_JOINERS = frozenset("of for and the in on de du des la del & -".split())


_COUNTRY = 1 << feats.LEXICON_BITS.index("country")


_COUNTRY_PART = 1 << feats.LEXICON_BITS.index("country_part")


_CONTINENT = 1 << feats.LEXICON_BITS.index("continent")


_TOWN = sum(1 << feats.LEXICON_BITS.index(b) for b in ("city", "city_part", "state"))


_MONTH_DAY = 1 << feats.LEXICON_BITS.index("month_day")


_PLACE = sum(
    1 << feats.LEXICON_BITS.index(bit)
    for bit in ("country", "country_part", "city", "city_part", "state", "continent")
)


_FIRST_NAME = 1 << feats.LEXICON_BITS.index("first_name")


_TITLE_WORD = 1 << feats.LEXICON_BITS.index("title_word")


_LAST_NAME = 1 << feats.LEXICON_BITS.index("last_name")
