"""Each article's language, and the English-only analyses leaving other languages out.

The articles are written for these tests: short news items in several scripts.
"""

import json

import pytest

import newscli
from newscli.document import parse
from newscli.language import UNDETERMINED, Skips, identify, left_out

#: what the entity tagger reads, as a `skipped` reason names it: English and the languages of
#: newscli.ner.languages, by code
ENTITY_LANGUAGES = "da, de, en, es, fi, fr, hr, it, nl, pt, sk, sr, sv"
#: ... and what quotations are attributed in: English and the six of quotes.languages
QUOTE_LANGUAGES = "de, en, es, fr, it, nl, pt"

ARTICLES = {
    "ru": (
        "Мэрия утвердила новый бюджет города\n\n"
        "Городской совет в среду утвердил бюджет на следующий год. Больше денег получат "
        "автобусы и школы, сообщил мэр Иван Петров журналистам.\n\n"
        "«Мы долго спорили, но договорились», — сказал он. Когда мы вернёмся к этому "
        "вопросу, будет видно, хватит ли средств."
    ),
    "el": (
        "Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό\n\n"
        "Το δημοτικό συμβούλιο ενέκρινε την Τετάρτη τον προϋπολογισμό της επόμενης χρονιάς. "
        "Περισσότερα χρήματα θα πάνε στα λεωφορεία και στα σχολεία, δήλωσε ο δήμαρχος."
    ),
    "ar": (
        "المجلس البلدي يقر ميزانية جديدة\n\n"
        "أقر المجلس البلدي يوم الأربعاء ميزانية العام المقبل. وقال رئيس البلدية إن الحافلات "
        "والمدارس ستحصل على أموال أكثر. هل تكفي هذه الأموال؟ يقول السكان إنهم ينتظرون النتائج."
    ),
    "zh": (
        "市议会通过新预算\n\n"
        "市议会周三通过了明年的预算。市长表示，公交车和学校将获得更多资金。"
        "“我们争论了很久，但最终达成了一致，”他对记者说。居民们表示将拭目以待。"
    ),
    "ja": (
        "市議会が新しい予算を承認\n\n"
        "市議会は水曜日、来年度の予算を承認した。市長によると、バスと学校により多くの資金が"
        "配分される。「長い議論だったが、合意できた」と市長は記者団に語った。"
    ),
    "es": (
        "El ayuntamiento aprueba el nuevo presupuesto\n\n"
        "El consejo municipal aprobó el miércoles el presupuesto del próximo año. Los "
        "autobuses y las escuelas recibirán más dinero, dijo el alcalde Juan Pérez a los "
        "periodistas. «Discutimos mucho, pero llegamos a un acuerdo», afirmó."
    ),
    "de": (
        "Stadtrat beschließt neuen Haushalt\n\n"
        "Der Stadtrat hat am Mittwoch den Haushalt für das kommende Jahr beschlossen. Busse "
        "und Schulen sollen mehr Geld bekommen, sagte Bürgermeisterin Anna Schmidt den "
        "Journalisten. „Wir haben lange gestritten, aber uns geeinigt“, sagte sie."
    ),
    "en": (
        "City council approves budget with more money for buses\n\n"
        "The city council on Wednesday approved next year's budget. Buses and schools will "
        "get more money, Mayor John Peters told reporters.\n\n"
        '"We argued for a long time, but we agreed," he said.'
    ),
}


@pytest.mark.parametrize("code", sorted(ARTICLES))
def test_each_article_is_identified(code):
    document = parse(ARTICLES[code])
    assert document.language.code == code
    assert document.language.confidence is not None and document.language.confidence > 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Trump says Iran talks will go ahead",  # a headline alone
        "Merkel, Macron and Sánchez meet in Brussels",  # names from other languages
        # an English story quoting Spanish
        'The president spoke in Madrid on Monday. "Estamos preparados para todo," she '
        "said, meaning the country was ready for anything. Officials expect a vote soon.",
    ],
)
def test_english_with_names_or_quotes_from_elsewhere_is_english(text):
    assert identify(text).code == "en"


@pytest.mark.parametrize("text", ["", "12,345 — 67.8% (2024)", "!!! ??? ...", "\x00\x1b\ud800"])
def test_text_with_no_letters_is_undetermined_and_loses_nothing(text):
    assert identify(text).code == UNDETERMINED
    assert identify(text).confidence is None
    assert left_out("entities", frozenset({"en"}), UNDETERMINED) is None


def test_a_language_given_is_taken_without_a_confidence():
    document = parse(ARTICLES["ru"], language="en")
    assert (document.language.code, document.language.confidence) == ("en", None)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def articles(tmp_path):
    paths = {}
    for code, text in ARTICLES.items():
        paths[code] = tmp_path / f"{code}.txt"
        paths[code].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize("code", ["ru", "zh"])
def test_entities_leave_out_another_language_and_say_so(run, articles, code):
    result = run(["entities", articles[code]])
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert record["language"] == code
    assert record["entities"] == []
    # English and the 12 languages of newscli.ner.languages
    assert record["skipped"] == [f"entities: {ENTITY_LANGUAGES} only; article is {code}"]
    assert result.stderr.splitlines() == [
        f"newscli: warning: 1 of 1 articles in other languages ({code} 1); "
        f"left out: entities ({ENTITY_LANGUAGES} only)"
    ]


def test_one_warning_for_the_whole_run(run, articles):
    result = run(["quotes", "-j", "1", *articles.values()])
    assert result.exit_code == 0
    found = records(result.stdout)
    assert [r["language"] for r in found] == list(ARTICLES)
    read = ("en", "es", "de")  # quotes read English and the languages of quotes.languages
    assert [bool(r.get("skipped")) for r in found] == [code not in read for code in ARTICLES]
    english = found[-1]
    assert english["quotes"] and english["quotes"][0]["speaker"] == "John Peters"
    # the Spanish quotation leaves its subject out; the German one's "sie" is the mayor
    assert [[q["speaker"] for q in r["quotes"]] for r in found[-3:-1]] == [
        ["Juan Pérez"],
        ["Anna Schmidt"],
    ]
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("newscli: warning: 5 of 8 articles in other languages (")
    assert warning.endswith(f"; left out: quotes ({QUOTE_LANGUAGES} only)")


def test_quiet_runs_warn_of_nothing(run, articles):
    result = run(["entities", "--quiet", articles["ru"]])
    assert result.exit_code == 0 and result.stderr == ""


def test_analyze_leaves_out_each_english_only_analysis(run, articles):
    result = run(["analyze", articles["ru"]])
    (record,) = records(result.stdout)
    assert record["summary"]["sentences"]  # summaries read every language
    assert record["quotes"] == [] and record["entities"] == []
    assert [reason.split(":")[0] for reason in record["skipped"]] == ["quotes", "entities"]
    assert f"quotes ({QUOTE_LANGUAGES} only); entities ({ENTITY_LANGUAGES} only)" in result.stderr
    # readability reads Russian: its Flesch reading ease (Oborneva's), not the English grades
    assert record["readability"]["flesch_reading_ease"] is not None
    assert record["readability"]["flesch_kincaid_grade"] is None


def test_analyze_leaves_readability_out_of_a_language_it_has_no_rules_for(run, articles):
    (record,) = records(run(["analyze", articles["el"]]).stdout)
    assert record["readability"] is None
    assert record["skipped"][0] == "readability: 38 languages only; article is el"


def test_analyze_table_and_csv_take_left_out_analyses(run, articles):
    table = run(["analyze", "-f", "table", articles["ru"], articles["en"]])
    assert table.exit_code == 0 and "ru.txt" in table.stdout
    rows = run(["analyze", "-f", "csv", articles["ru"], articles["en"]]).stdout.splitlines()
    assert rows[1].split(",")[3:5] == ["ru", ""]  # language, and no grade


@pytest.mark.parametrize("method", ["lead", "newscli", "textrank", "lexrank"])
def test_summaries_read_any_language(run, articles, method):
    for code in ("de", "ru", "zh"):
        result = run(["summarize", "--method", method, articles[code]])
        (record,) = records(result.stdout)
        assert "skipped" not in record and record["sentences"], (code, record)
        assert result.stderr == ""


def test_readability_leaves_out_a_language_it_does_not_read(run, articles):
    for options in ([], ["--by", "paragraph"], ["-f", "table"], ["-f", "csv"]):
        result = run(["readability", *options, articles["zh"]])
        assert result.exit_code == 0, result.output
        assert "zh" in result.stdout or "zh" in result.stderr


def test_lang_forces_the_language(run, articles):
    result = run(["entities", "--lang", "en", articles["ru"]])
    (record,) = records(result.stdout)
    assert (record["language"], record["language_confidence"]) == ("en", None)
    assert "skipped" not in record and result.stderr == ""
    result = run(["parse", "--lang", "DE", articles["en"]])
    assert records(result.stdout)[0]["language"] == "de"


@pytest.mark.parametrize("code", ["englisch", "e", "d3", ""])
def test_a_lang_that_is_no_code_or_name_is_a_usage_error(run, articles, code):
    result = run(["parse", "--lang", code, articles["en"]])
    assert result.exit_code == 2
    assert "--lang" in result.stderr and "ISO 639" in result.stderr


def test_chinese_sentences_and_tokens(run, articles):
    (record,) = records(run(["parse", "--tokens", articles["zh"]]).stdout)
    text = ARTICLES["zh"]
    sentences = [s["text"] for s in record["sentences"]]
    assert sentences == [
        "市议会周三通过了明年的预算。",
        "市长表示，公交车和学校将获得更多资金。",
        "“我们争论了很久，但最终达成了一致，”他对记者说。",
        "居民们表示将拭目以待。",
    ]
    tokens = record["tokens"]
    assert all(text[t["start"] : t["end"]] == t["text"] for t in tokens)
    assert [t["text"] for t in tokens[:4]] == ["市", "议", "会", "周"]


def test_arabic_sentences_end_at_its_question_mark():
    sentences = [s.text for s in parse(ARTICLES["ar"]).sentences]
    assert sentences[2] == "هل تكفي هذه الأموال؟"
    assert len(sentences) == 4


def test_dedupe_finds_copies_in_a_script_without_spaces(tmp_path):
    original = ARTICLES["zh"] + "记者从市政府获悉，新预算将于一月一日起执行。" * 3
    copy = original.replace("周三", "星期三") + "\n\n本文来源：市政府网站"
    other = ARTICLES["ja"] + "予算は一月一日から執行される予定だ。" * 3
    found = newscli.dedupe([original, copy, other])
    assert [r["language"] for r in found] == ["zh", "zh", "ja"]
    assert found[0]["cluster"] == found[1]["cluster"] != found[2]["cluster"]
    assert {found[0]["kind"], found[1]["kind"]} == {"near", "unique"}
    assert found[2]["kind"] == "unique"


def test_the_api_takes_a_language():
    record = newscli.entities(ARTICLES["ru"])
    assert record["skipped"] == [f"entities: {ENTITY_LANGUAGES} only; article is ru"]
    record = newscli.entities(ARTICLES["ru"], language="en")
    assert "skipped" not in record and record["language_confidence"] is None


def test_skips_say_how_many_of_how_many_and_why():
    skips = Skips()
    for code in ["ru", "ru", "zh"]:
        skips.add(
            {
                "language": code,
                "skipped": [
                    f"quotes: English only; article is {code}",
                    f"readability: de, en only; article is {code}",
                ],
            }
        )
    skips.add({"language": "en"})
    assert skips.warning(10) == (
        "3 of 10 articles in other languages (ru 2, zh 1); left out: quotes (English only); "
        "readability (de, en only)"
    )
    assert Skips().warning(10) is None
