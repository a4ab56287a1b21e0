"""Which formulas each language gets, and the rules it counts by: textstat's, per language.

A formula is computed for a language it was made or adapted for, with the constants textstat
gives that language, and is null elsewhere: an English grade formula on German text (long
compound words, other syllable rates) would give a number that means nothing. What counts
only words, letters and sentences against thresholds that do not depend on the language --
LIX and RIX (made to compare languages), the averages per word and per sentence, reading
time -- is computed for every language.

- English: every formula textstat has for English, CMUdict then Pyphen en_US for
  syllables, the Dale-Chall list of familiar words.
- Flesch reading ease where textstat adapts its constants: German (Amstad), Spanish
  (Fernandez Huerta), French (Kandel & Moles), Italian (Flesch-Vacca), Dutch (Douma),
  Russian (Oborneva), Hungarian.
- German: the four Wiener Sachtextformeln. Spanish: Fernandez Huerta, Szigriszt-Pazos,
  Gutierrez de Polini, Crawford, and textstat's list of common Spanish words. Italian:
  Gulpease. Arabic: Osman, with textstat's Arabic syllables (Pyphen has no Arabic).
  Hungarian: Gunning fog with hard words of five or more syllables, and SMOG (as
  textstat's Hungarian tests score it). Polish: Gunning fog with hard words of four or more
  syllables (FOG-PL).
- Every other language with a Pyphen dictionary whose words textstat's rules can read
  and whose sentences the splitter can find: the language-independent measures only.
"""

from dataclasses import dataclass

#: the formulas textstat has for English, and this module's consensus of them
ENGLISH_FORMULAS = frozenset(
    """flesch_kincaid_grade gunning_fog smog_index coleman_liau_index
    automated_readability_index dale_chall_readability_score linsear_write_formula
    consensus_grade dale_chall_readability_score_v2 spache_readability mcalpine_eflaw
    text_standard""".split()
)
WIENER_SACHTEXTFORMELN = frozenset(f"wiener_sachtextformel_{n}" for n in range(1, 5))
SPANISH_FORMULAS = frozenset("fernandez_huerta szigriszt_pazos gutierrez_polini crawford".split())


@dataclass(frozen=True, slots=True)
class Language:
    #: ISO 639-1
    code: str
    #: Pyphen's dictionary for syllables; None for Arabic, counted by textstat's own rule
    hyphenation: str | None
    #: CMUdict's pronunciation before Pyphen's hyphenation (textstat's English rule)
    cmudict: bool = False
    #: textstat ships a list of familiar words for the language
    familiar_words: bool = False
    #: Flesch reading ease's base, weight of words per sentence and of syllables per word
    flesch: tuple[float, float, float] | None = None
    #: Gunning fog's hard word: this many syllables or more (and not familiar, given a list)
    fog_syllables: int | None = None
    #: the language's formulas besides Flesch reading ease and the language-independent ones
    formulas: frozenset[str] = frozenset()


# textstat's LANG_CONFIGS: Flesch reading ease's constants per language, Gunning fog's
# syllable threshold (3 unless given)
_ADAPTED = {
    "en": Language(
        "en",
        "en_US",
        cmudict=True,
        familiar_words=True,
        flesch=(206.835, 1.015, 84.6),
        fog_syllables=3,
        formulas=ENGLISH_FORMULAS,
    ),
    "de": Language("de", "de_DE", flesch=(180, 1, 58.5), formulas=WIENER_SACHTEXTFORMELN),
    "es": Language(
        "es",
        "es_ES",
        familiar_words=True,
        flesch=(206.84, 1.02, 60.0),
        formulas=SPANISH_FORMULAS,
    ),
    "fr": Language("fr", "fr_FR", flesch=(207, 1.015, 73.6)),
    "it": Language("it", "it_IT", flesch=(217, 1.3, 60.0), formulas=frozenset({"gulpease_index"})),
    "nl": Language("nl", "nl_NL", flesch=(206.835, 0.93, 77)),
    "ru": Language("ru", "ru_RU", flesch=(206.835, 1.3, 60.1)),
    "hu": Language(
        "hu",
        "hu_HU",
        flesch=(206.835, 1.015, 58.5),
        fog_syllables=5,
        formulas=frozenset({"gunning_fog", "smog_index"}),
    ),
    "pl": Language("pl", "pl_PL", fog_syllables=4, formulas=frozenset({"gunning_fog"})),
    "ar": Language("ar", None, formulas=frozenset({"osman"})),
}

# Pyphen's other dictionaries, by the ISO 639-1 code Pyphen itself takes for them. Left
# out: Greek (its question mark is the semicolon, which the sentence splitter cannot tell
# from one), Thai (no spaces between words) and the Indic scripts (textstat's rule removes
# their vowel signs as punctuation: Python's \w matches no combining mark).
_HYPHENATION_ONLY = """af be bg ca cs da eo et eu gl hr id is lt lv mn nb nn pt ro sk sl sq sr
sv uk zu""".split()

RULES: dict[str, Language] = {
    **_ADAPTED,
    **{code: Language(code, code) for code in _HYPHENATION_ONLY},
    # Norwegian as the language identifier names it: Bokmål, most of what is written
    "no": Language("no", "nb"),
}
#: the languages `readability.analyze` scores (ISO 639-1 codes)
LANGUAGES = frozenset(RULES)
