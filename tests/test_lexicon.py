"""The word lists of newscli.lexicon: no word twice in a list, and the subsets, overlaps and
disjoint sets the rules rely on."""

import ast
from pathlib import Path

import pytest

from newscli import lexicon
from newscli.lexicon import (
    ADVERBS,
    AMBIGUOUS_ABBREVIATIONS,
    BARE_FORM_SUBJECTS,
    CUE_BASE_FORMS,
    CUES,
    CUES_AND_FUNCTION_WORDS,
    DETERMINERS,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    INDIRECT_CUES,
    MALE_TITLES,
    NAMING_CUES,
    NOT_SPEAKERS,
    NOUN_SPEAKERS,
    NUMBER_ABBREVIATIONS,
    PHRASE_VERBS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEAKING_NOUNS,
    SUBJECT_PRONOUNS,
    TELL_FORMS,
    TO_LISTENERS,
)


def _lists() -> dict[str, list[str]]:
    """Every `NAME = _words("...")` of the lexicon's source, as the words written."""
    tree = ast.parse(Path(lexicon.__file__).read_text(encoding="utf-8"))
    lists = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "_words"
        ):
            [target] = node.targets
            assert isinstance(target, ast.Name)
            lists[target.id] = node.value.args[0].value.split()
    return lists


LISTS = _lists()


def test_every_list_is_read():
    assert len(LISTS) >= 30
    assert all(frozenset(words) == getattr(lexicon, name) for name, words in LISTS.items())


@pytest.mark.parametrize("name", sorted(LISTS))
def test_no_word_twice_in_a_list(name):
    words = LISTS[name]
    assert sorted({w for w in words if words.count(w) > 1}) == []


@pytest.mark.parametrize("name", sorted(LISTS))
def test_lists_are_lower_case(name):
    """Every rule lower-cases a word before it looks it up."""
    assert [w for w in LISTS[name] if w != w.lower()] == []


@pytest.mark.parametrize(
    "subset, superset",
    [
        (INDIRECT_CUES, CUES),  # reported speech is a cue's
        (TO_LISTENERS, CUES),  # "told Congress": still a cue, its object no speaker
        (TELL_FORMS, TO_LISTENERS),
        (NAMING_CUES, CUES),
        (CUE_BASE_FORMS, CUES),
        (PREPOSITIONS, FUNCTION_WORDS),  # a phrase of place or time ends a description
        (ROLE_NOUNS, SPEAKING_NOUNS),
        (NOUN_SPEAKERS, SPEAKING_NOUNS),
        (CUES | FUNCTION_WORDS, CUES_AND_FUNCTION_WORDS),
    ],
    ids=[
        "indirect-cues",
        "to-listeners",
        "tell-forms",
        "naming-cues",
        "cue-base-forms",
        "prepositions",
        "role-nouns",
        "noun-speakers",
        "cues-and-function-words",
    ],
)
def test_intended_subsets(subset, superset):
    assert subset <= superset


@pytest.mark.parametrize(
    "first, second",
    [
        (MALE_TITLES, FEMALE_TITLES),  # a title gives one sex
        (CUES, FUNCTION_WORDS),
        (CUES, DETERMINERS),
        (CUES, SUBJECT_PRONOUNS),
        (CUES, ROLE_NOUNS),  # "said the minister": the noun ends the speaker, a cue never
        (CUES, ADVERBS),  # the words skipped back over to a speaker are never a cue
        (INDIRECT_CUES, PHRASE_VERBS),
    ],
    ids=[
        "male-female-titles",
        "cues-function-words",
        "cues-determiners",
        "cues-pronouns",
        "cues-roles",
        "cues-adverbs",
        "indirect-cues-phrase-verbs",
    ],
)
def test_disjoint_sets(first, second):
    assert not first & second


def test_documented_overlaps():
    """Overlaps the lexicon's comments describe, pinned so that a change is seen."""
    assert {"will", "would", "has", "had", "have", "did", "does", "could"} <= ADVERBS
    assert set("will would could did does also then later".split()) == ADVERBS & BARE_FORM_SUBJECTS
    assert {"tout", "touts", "touted"} == CUES & PHRASE_VERBS
    assert (
        set("spokesman spokeswoman official candidate nominee aide".split())
        == ROLE_NOUNS & NOUN_SPEAKERS
    )
    assert {"it"} == SUBJECT_PRONOUNS & NOT_SPEAKERS  # "It continued: “Q”" only
    months = set("jan feb mar apr jun jul aug sep sept oct nov dec".split())
    assert months == NUMBER_ABBREVIATIONS & AMBIGUOUS_ABBREVIATIONS
