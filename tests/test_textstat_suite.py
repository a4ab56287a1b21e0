"""textstat's own test expectations, run against newscli's readability records.

The installed textstat wheel ships its test suite (a top-level ``tests`` package beside
``textstat``). Its modules are read, not imported (they would import textstat and shadow
our own ``tests``): each ``pytest.mark.parametrize`` case is taken from the source, the
texts from its ``resources.py``, and every case that maps to one of our fields is run
through `newscli.api.readability` on the same text, in the case's language. A case
either agrees -- counts exactly, scores within the rounding of both sides (ours to two
decimals, theirs to three) -- or is listed in DIFFERENCES with its cause, and then must
differ (so that a fixed difference is taken off the list). Cases of what newscli does not
expose (word lists, punctuation removal, options we do not have) are not mapped; see
`_map`.
"""

import ast
import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newscli.analysis import readability
from newscli.analysis.readability import LANGUAGES
from newscli.analysis.readability.counts import LINSEAR_SAMPLE_WORDS, count
from newscli.analysis.readability.formulas import scores
from newscli.analysis.readability.languages import RULES
from newscli.document import parse
from newscli.schema import ReadabilityScores, fields

# --- finding and reading textstat's tests ---------------------------------------------


def _suite() -> tuple[Path, list[Path]] | None:
    """resources.py and the test modules of the installed textstat distribution."""
    try:
        files = metadata.files("textstat") or []
    except metadata.PackageNotFoundError:
        return None
    paths = [Path(str(f.locate())) for f in files if str(f).endswith(".py")]
    resources = [p for p in paths if p.name == "resources.py" and "tests" in p.parts]
    tests = [p for p in paths if p.name.startswith("test_") and "tests" in p.parts]
    if not resources or not resources[0].exists() or not tests:
        return None
    return resources[0], sorted(tests)


SUITE = _suite()
ABSENT = "the installed textstat ships no tests/ (its wheel has carried them since 0.7.4)"


def _load_resources(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("_textstat_test_resources", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Value:
    value: Any
    #: the resources constant it came from ("LONG_TEXT"), if any
    name: str | None = None


class _Unreadable(Exception):
    """A parameter written as an expression (``resources.EASY_WORD.lower()``)."""


def _value(node: ast.expr, resources: ModuleType) -> Value:
    if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "resources":
        return Value(getattr(resources, node.attr), node.attr)
    if isinstance(node, ast.Name) and node.id == "dict":
        return Value(dict)
    try:
        return Value(ast.literal_eval(node))
    except ValueError:
        raise _Unreadable(ast.unparse(node)) from None


@dataclass(frozen=True)
class Case:
    #: textstat's test function, e.g. "test_flesch_reading_ease"
    test: str
    params: dict[str, Value]

    @property
    def id(self) -> str:
        shown = []
        for key, param in self.params.items():
            if key in ("expected", "n_words", "n_syllables", "min_expected", "max_expected"):
                continue
            shown.append(param.name or _short(param.value))
        return f"{self.test.removeprefix('test_')}[{','.join(shown)}]"


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 24 else text[:21] + "..."


def _cases() -> Iterator[Case]:
    assert SUITE is not None
    resources_path, test_paths = SUITE
    resources = _load_resources(resources_path)
    for path in test_paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in tree.body:
            if not isinstance(function, ast.FunctionDef):
                continue
            for decorator in function.decorator_list:
                if not (
                    isinstance(decorator, ast.Call)
                    and ast.unparse(decorator.func) == "pytest.mark.parametrize"
                ):
                    continue
                names_node, rows_node = decorator.args[:2]
                names = [n.strip() for n in ast.literal_eval(names_node).split(",")]
                if not isinstance(rows_node, ast.List):
                    continue  # built by an expression: get_grade_suffix's, nothing we map
                for row in rows_node.elts:
                    elements = row.elts if isinstance(row, ast.Tuple) else [row]
                    try:
                        values = [_value(e, resources) for e in elements]
                    except _Unreadable:
                        continue
                    yield Case(function.name, dict(zip(names, values, strict=True)))


# --- mapping a case to a newscli field ------------------------------------------------

#: what each resources text is written in, where it is not English
RESOURCE_LANGUAGES = {
    "LONG_SPANISH_TEXT": "es",
    "EASY_SPANISH_TEXT": "es",
    "LONG_RUSSIAN_TEXT_GUILLEMETS": "ru",
    "ITALIAN_TEXT": "it",
    "EASY_ARABIC_TEXT": "ar",
    "HARD_ARABIC_TEXT": "ar",
    "EASY_HUNGARIAN_TEXT": "hu",
    "EASY_HUNGARIAN_TEXT2": "hu",
    "HARD_HUNGARIAN_TEXT": "hu",
    "HARD_ACADEMIC_HUNGARIAN_TEXT": "hu",
    "GERMAN_SAMPLE_A": "de",
    "GERMAN_SAMPLE_B": "de",
}
#: textstat's formulas that take no language, scored in the one they were made for
FORMULA_LANGUAGES = {"gulpease_index": "it", "gutierrez_polini": "es", "osman": "ar"}
#: textstat's test (its function's name without "test_") -> our field, where they differ
FIELDS = {
    "count_chars": "characters",
    "letter_count": "letters",
    "count_long_words": "long_words",
    "count_miniwords": "miniwords",
    "count_monosyllable_words": "monosyllabic_words",
    "count_polysyllable_words": "polysyllabic_words",
    "count_sentences": "sentences",
    "syllable_count": "syllables",
    "set_lang": "syllables",
    "text_standard_bounds": "text_standard",
    "reading_time": "characters",
}
#: the syllable threshold of is_difficult_word and count_difficult_words -> our count
DIFFICULT_THRESHOLDS = {0: "difficult_words", 2: "spache_difficult_words", 3: "complex_words"}
SCORE_FIELDS = frozenset(fields(ReadabilityScores))


@dataclass(frozen=True)
class Mapped:
    text: str
    language: str
    field: str
    #: what the field must hold
    expected: Any
    #: a count may be off by this much (textstat's syllable test gives its own margin)
    margin: int = 0
    #: reading_time at this rate: the field (characters) times it, over 1000
    ms_per_char: float | None = None


def _language(case: Case) -> str:
    if "lang" in case.params:
        return str(case.params["lang"].value).split("_")[0]
    test = case.test.removeprefix("test_")
    if test in FORMULA_LANGUAGES:
        return FORMULA_LANGUAGES[test]
    text = case.params.get("text") or case.params.get("test") or case.params.get("word")
    return RESOURCE_LANGUAGES.get((text.name if text else None) or "", "en")


def _map(case: Case, easy_text: str) -> Mapped | None:
    """The field a case tests and what it must hold; None for what newscli does not do:
    word lists, punctuation removal, unique counts, other thresholds and options."""
    p = {key: param.value for key, param in case.params.items()}
    test = case.test.removeprefix("test_")
    field = FIELDS.get(test, test)
    text = p.get("text", p.get("test", p.get("word")))
    expected = p.get("expected")
    if test == "count_chars" and not p["ignore_spaces"]:
        return None
    if test == "count_words":
        if p["split_contractions"] or p["split_hyphens"]:
            return None
        field, expected = ("words" if p["rm_punctuation"] else "whitespace_tokens"), p["n_words"]
    elif (test == "count_long_words" and p["threshold"] != 6) or (
        test == "count_miniwords" and p["max_size"] != 3
    ):
        return None
    elif test in ("count_difficult_words", "is_difficult_word"):
        threshold = p["syllable_threshold"]
        if p.get("unique") or threshold not in DIFFICULT_THRESHOLDS:
            return None
        if test == "is_difficult_word" and len(text.split()) != 1:
            return None  # textstat's "not a word": nothing to count
        field, expected = DIFFICULT_THRESHOLDS[threshold], int(expected)
    elif test == "syllable_count":
        return Mapped(text, _language(case), field, p["n_syllables"], margin=p["margin"])
    elif test == "set_lang":
        text = easy_text
    elif test == "linsear_write_formula" and (p["strict_lower"] or not p["strict_upper"]):
        return None  # newscli scores textstat's default: a 100-word sample, no minimum
    elif test == "reading_time":
        return Mapped(text, _language(case), field, expected, ms_per_char=p["ms_per_char"])
    elif test == "wiener_sachtextformel":
        field = f"wiener_sachtextformel_{p['variant']}"
    elif test == "text_standard_bounds":
        expected = p["min_expected"]
    if field not in SCORE_FIELDS or text is None or expected is None:
        return None
    return Mapped(text, _language(case), field, expected)


def _grade(text_standard: str) -> int:
    """ "10th and 11th grade" -> 11."""
    return int(re.findall(r"\d+", text_standard)[-1])


def _agrees(mapped: Mapped, value: Any) -> bool:
    expected = mapped.expected
    if value is None:
        return False
    if mapped.ms_per_char is not None:
        return round(mapped.ms_per_char * value / 1000, 3) == expected
    if mapped.field == "text_standard":
        if isinstance(expected, str):
            return bool(value == expected)
        return _grade(value) == max(1, min(expected, 18))  # the grade textstat's class clamps
    if isinstance(value, int):
        return abs(value - expected) <= mapped.margin
    # ours rounded to two decimals, theirs to three
    return abs(value - expected) <= 0.0051


# --- the deliberate differences -------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    reason: str
    #: where the cause is the sentence count: textstat's, with which newscli's counts give
    #: textstat's value (the test checks that they do)
    textstat_sentences: int | None = None


FINAL_FRAGMENT = (
    "PUNCT_TEXT ends in the one-word fragment \"Didn't\": textstat's sentence counter drops"
    " every piece of two words or fewer (5 sentences), newscli keeps it as a sentence (6),"
    ' as it keeps a two-word sentence in news ("He agreed.")'
)
TV = (
    'LONG_TEXT has "the T.V. and do something": textstat\'s sentence regex splits after'
    ' "T." and "V." (17 sentences, "V." dropped as too short), newscli keeps T.V.'
    " inside its sentence (16)"
)
NOT_THE_LANGUAGES = (
    "textstat applies a formula made for another language to English text (Spanish"
    " formulas, the German Wiener Sachtextformel); newscli gives null outside the formula's"
    " language"
)
HARD_WRAPPED_GERMAN = (
    "the German sample is hard-wrapped before a capitalised noun: newscli takes a line"
    " break before a capital for a paragraph break (sample A: two sentences), and a short"
    " first line without final punctuation for the title (sample B: not scored), as it must"
    " in news where each line is a paragraph; textstat reads one sentence"
)
NO_WORDS = (
    "EMPTY_STR has no words: textstat's arithmetic gives 0 (a Flesch score of 0 says 'very"
    " hard'), newscli gives null, since there is nothing to score"
)
PYPHEN_SPANISH = (
    "textstat's expectation predates Pyphen's current Spanish dictionary: the installed"
    " textstat gives newscli's syllable count (136 for EASY_TEXT), and fails its own test"
)

DIFFERENCES: dict[str, Difference] = {
    **dict.fromkeys(
        (
            "count_sentences[PUNCT_TEXT]",
            "words_per_sentence[PUNCT_TEXT]",
            "sentences_per_word[PUNCT_TEXT]",
            "flesch_reading_ease[PUNCT_TEXT,en_US]",
            "flesch_kincaid_grade[PUNCT_TEXT,en_US]",
            "gunning_fog[PUNCT_TEXT,en_US]",
            "smog_index[PUNCT_TEXT,en_US]",
            "coleman_liau_index[PUNCT_TEXT]",
            "automated_readability_index[PUNCT_TEXT]",
            "dale_chall_readability_score[PUNCT_TEXT,en_US]",
            "dale_chall_readability_score_v2[PUNCT_TEXT,en_US]",
            "linsear_write_formula[PUNCT_TEXT,en_US,False,True]",
            "spache_readability[PUNCT_TEXT,en_US]",
            "lix[PUNCT_TEXT]",
            "rix[PUNCT_TEXT]",
            "gulpease_index[PUNCT_TEXT]",
            "gutierrez_polini[PUNCT_TEXT]",
            "osman[PUNCT_TEXT]",
        ),
        Difference(FINAL_FRAGMENT, textstat_sentences=5),
    ),
    **dict.fromkeys(
        (
            "count_sentences[LONG_TEXT]",
            "words_per_sentence[LONG_TEXT]",
            "sentences_per_word[LONG_TEXT]",
            "flesch_reading_ease[LONG_TEXT,en_US]",
            "flesch_reading_ease[LONG_TEXT,de_DE]",
            "flesch_reading_ease[LONG_TEXT,fr_FR]",
            "flesch_reading_ease[LONG_TEXT,it_IT]",
            "flesch_reading_ease[LONG_TEXT,nl_NL]",
            "flesch_reading_ease[LONG_TEXT,ru_RU]",
            "flesch_kincaid_grade[LONG_TEXT,en_US]",
            "gunning_fog[LONG_TEXT,en_US]",
            "smog_index[LONG_TEXT,en_US]",
            "coleman_liau_index[LONG_TEXT]",
            "automated_readability_index[LONG_TEXT]",
            "dale_chall_readability_score[LONG_TEXT,en_US]",
            "dale_chall_readability_score_v2[LONG_TEXT,en_US]",
            "spache_readability[LONG_TEXT,en_US]",
            "lix[LONG_TEXT]",
            "rix[LONG_TEXT]",
            "gulpease_index[LONG_TEXT]",
            "gutierrez_polini[LONG_TEXT]",
            "osman[LONG_TEXT]",
            "text_standard[LONG_TEXT,en_US]",
            "text_standard[LONG_TEXT,True]",
            "text_standard[LONG_TEXT,False]",
        ),
        Difference(TV, textstat_sentences=17),
    ),
    **dict.fromkeys(
        (
            *(
                f"{formula}[{text},en_US]"
                for formula in ("crawford", "fernandez_huerta", "szigriszt_pazos")
                for text in ("EMPTY_STR", "EASY_TEXT", "SHORT_TEXT", "PUNCT_TEXT", "LONG_TEXT")
            ),
            "wiener_sachtextformel[EMPTY_STR,en_US,1]",
            "wiener_sachtextformel[EMPTY_STR,en_US,2]",
            "wiener_sachtextformel[EASY_TEXT,en_US,1]",
            "wiener_sachtextformel[EASY_TEXT,en_US,2]",
            "wiener_sachtextformel[EASY_TEXT,en_US,3]",
            "wiener_sachtextformel[EASY_TEXT,en_US,4]",
            "wiener_sachtextformel[SHORT_TEXT,en_US,1]",
            "wiener_sachtextformel[PUNCT_TEXT,en_US,1]",
            "wiener_sachtextformel[LONG_TEXT,en_US,1]",
        ),
        Difference(NOT_THE_LANGUAGES),
    ),
    **dict.fromkeys(
        (
            "automated_readability_index[EMPTY_STR]",
            "chars_per_word[EMPTY_STR]",
            "coleman_liau_index[EMPTY_STR]",
            "dale_chall_readability_score[EMPTY_STR,en_US]",
            "dale_chall_readability_score_v2[EMPTY_STR,en_US]",
            "fernandez_huerta[EMPTY_STR,es_ES]",
            "flesch_kincaid_grade[EMPTY_STR,en_US]",
            "flesch_reading_ease[EMPTY_STR,en_US]",
            "gulpease_index[EMPTY_STR]",
            "gunning_fog[EMPTY_STR,en_US]",
            "gutierrez_polini[EMPTY_STR]",
            "letters_per_word[EMPTY_STR]",
            "lix[EMPTY_STR]",
            "osman[EMPTY_STR]",
            "rix[EMPTY_STR]",
            "sentences_per_word[EMPTY_STR]",
            "smog_index[EMPTY_STR,en_US]",
            "spache_readability[EMPTY_STR,en_US]",
            "syllables_per_word[EMPTY_STR,en_US]",
            "text_standard[EMPTY_STR,en_US]",
            "words_per_sentence[EMPTY_STR]",
            "text_standard[EMPTY_STR,True]",
            "text_standard[EMPTY_STR,False]",
        ),
        Difference(NO_WORDS),
    ),
    "wiener_sachtextformel[GERMAN_SAMPLE_A,de_DE,1]": Difference(HARD_WRAPPED_GERMAN),
    "wiener_sachtextformel[GERMAN_SAMPLE_B,de_DE,1]": Difference(HARD_WRAPPED_GERMAN),
    "set_lang[es_ES]": Difference(PYPHEN_SPANISH),
    # LONG_TEXT's sentences too (see TV), but textstat's own value here is 94.68, not 86.778
    "flesch_reading_ease[LONG_TEXT,es_ES]": Difference(PYPHEN_SPANISH),
}


# --- the tests ------------------------------------------------------------------------

CASES = list(_cases()) if SUITE is not None else []


def _mapped() -> list[tuple[Case, Mapped]]:
    if SUITE is None:
        return []
    easy_text = str(_load_resources(SUITE[0]).EASY_TEXT)
    found = [(case, _map(case, easy_text)) for case in CASES]
    return [(case, mapped) for case, mapped in found if mapped is not None]


MAPPED = _mapped()


def _with_sentences(mapped: Mapped, sentences: int) -> Any:
    """The field's value from newscli's counts with textstat's sentence count instead."""
    rules = RULES[mapped.language]
    c = count(parse(mapped.text).sentences, rules)
    # Linsear Write counts the sentences of its 100-word sample: all of them in short texts
    sample = sentences if c.words <= LINSEAR_SAMPLE_WORDS else c.linsear_sentences
    values = scores(replace(c, sentences=sentences, linsear_sentences=sample), rules)
    values["sentences"] = sentences
    return values[mapped.field]


@pytest.mark.skipif(SUITE is None, reason=ABSENT)
@pytest.mark.parametrize(("case", "mapped"), MAPPED, ids=[case.id for case, _ in MAPPED])
def test_textstat_case(case, mapped):
    difference = DIFFERENCES.get(case.id)
    if mapped.language not in LANGUAGES:
        assert difference is not None, f"{case.id}: {mapped.language} is not among LANGUAGES"
        return
    value = readability.analyze(parse(mapped.text), language=mapped.language)[mapped.field]
    agrees = _agrees(mapped, value)
    if difference is None:
        assert agrees, f"{case.id}: newscli {value!r}, textstat {mapped.expected!r}"
        return
    assert not agrees, f"{case.id} now agrees ({value!r}): take it off DIFFERENCES"
    if difference.reason in (NOT_THE_LANGUAGES, NO_WORDS):
        assert value is None
    if difference.textstat_sentences is not None:
        assert _agrees(mapped, _with_sentences(mapped, difference.textstat_sentences))


@pytest.mark.skipif(SUITE is None, reason=ABSENT)
def test_every_listed_difference_is_a_case():
    assert set(DIFFERENCES) <= {case.id for case, _ in MAPPED}


@pytest.mark.skipif(SUITE is None, reason=ABSENT)
def test_the_suite_is_read():
    """Enough of textstat's suite is found and mapped that a reading error would show."""
    tests = {case.test for case, _ in MAPPED}
    assert {
        "test_flesch_reading_ease",
        "test_count_syllables",
        "test_wiener_sachtextformel",
    } <= tests or len(MAPPED) > 200
