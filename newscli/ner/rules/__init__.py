"""The rules after tagging: each corrects the tagger's mentions of one document, and
`RULES` lists them by id in the order they are applied (each function's docstring shows an
invented example; tests/data/entity-rules.jsonl holds a case for each). Other languages
apply a subset of them by id (`newscli.ner.languages.RULES`)."""

from __future__ import annotations

from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING

from newscli.ner.rules.acronyms import defined_acronyms, organisations_by_shape
from newscli.ner.rules.common import Mention, Rule, Words, apply
from newscli.ner.rules.document import consistent, without_common_tail, without_overlaps
from newscli.ner.rules.names import as_agreement, is_era
from newscli.ner.rules.not_names import (
    faiths_not_people,
    home_of_a_person,
    is_body_word_in_role,
    with_stage_number,
    without_market_codes,
)
from newscli.ner.rules.organisations import (
    brands_as_organisations,
    joined_by_ampersand,
    organisations_by_context,
    place_before_a_body,
    place_named_organisations,
)
from newscli.ner.rules.people import (
    is_title_alone,
    no_person_after_the,
    with_first_names,
    with_regnal_number,
    without_home,
    without_title,
)
from newscli.ner.rules.places import dateline_places
from newscli.ner.rules.sports import fixtures, is_sports, results_rows, teams

if TYPE_CHECKING:
    from newscli.ner.model import Model

__all__ = ["BY_ID", "RULES", "Mention", "Rule", "Words", "apply", "english_words"]

RULES: tuple[Rule, ...] = (
    Rule("without_common_tail", without_common_tail, "mention"),
    Rule("without_home", without_home),
    Rule("organisations_by_context", organisations_by_context),
    Rule("consistent", consistent),
    Rule("organisations_by_shape", organisations_by_shape),
    Rule("place_named_organisations", place_named_organisations),
    Rule("place_before_a_body", place_before_a_body, "mention"),
    Rule("defined_acronyms", defined_acronyms),
    Rule("joined_by_ampersand", joined_by_ampersand),
    Rule("without_market_codes", without_market_codes),
    Rule("is_body_word_in_role", is_body_word_in_role, "drop"),
    Rule("is_era", is_era, "drop"),
    Rule("results_rows", results_rows),
    Rule("teams", teams),
    Rule("fixtures", fixtures),
    Rule("without_title", without_title, "mention"),
    Rule("is_title_alone", is_title_alone, "drop"),
    Rule("with_first_names", with_first_names),
    Rule("with_regnal_number", with_regnal_number, "mention"),
    Rule("with_stage_number", with_stage_number, "mention"),
    Rule("as_agreement", as_agreement, "mention"),
    Rule("no_person_after_the", no_person_after_the, "mention"),
    Rule("faiths_not_people", faiths_not_people, "mention"),
    Rule("home_of_a_person", home_of_a_person),
    Rule("brands_as_organisations", brands_as_organisations),
    Rule("without_overlaps", without_overlaps),
    Rule("dateline_places", dateline_places),
)
BY_ID = {rule.id: rule for rule in RULES}


def english_words(tagger: Model, words: list[list[str]], datelines: frozenset[int]) -> Words:
    """An English document's words as the rules read them (`is_sports` tells its copy)."""
    # each word in lowercase, and whether it is capitalised, by one call into C a sentence
    lowered = [list(map(str.lower, sentence)) for sentence in words]
    capitalised = [
        list(compress(range(len(sentence)), map(str.isupper, map(itemgetter(0), sentence))))
        for sentence in words
    ]
    return Words(tagger, words, lowered, capitalised, datelines, is_sports(lowered))
