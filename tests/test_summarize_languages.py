"""Summaries in other languages: every method reads them, with the language's words, its
openers that lean on the sentence before, and its quotation marks.

The articles are invented for these tests: one story (a city adopts a plan; a councillor
is named and then referred to by a pronoun; a quotation runs over two sentences), told
the way each language's press tells it.
"""

import json
import subprocess
import sys

import pytest

from newscli.analysis.summarize import (
    METHODS,
    Budget,
    _inside_quotation,
    _needs_previous,
    _quotation_view,
)
from newscli.analysis.summarize import summarize as summarize_document
from newscli.document import parse
from newscli.lexicon import DEPENDENT_OPENERS, POSSESSIVE_OPENERS
from newscli.words import content_terms, vocabulary


def article(title, lead, named, pronoun, quote_open, quote_close, cost, critics):
    return f"{title}\n\n{lead}\n\n{named} {pronoun}\n\n{quote_open} {quote_close}\n\n{cost}\n\n{critics}\n"


#: language -> (article, the pronoun sentence, its antecedent, a quotation's two sentences)
STORIES = {
    "de": (
        "Stadtrat beschließt neues Radwegenetz nach langer Debatte",
        "Der Stadtrat von Freiburg hat am Donnerstag nach einer vierstündigen Debatte ein neues "
        "Netz von Radwegen beschlossen.",
        "Die Stadträtin Anna Keller sagte, die Bürger hätten seit Jahren auf sichere Radwege "
        "gewartet.",
        "Sie nannte die Abstimmung einen Wendepunkt für die ganze Stadt.",
        "„Das ist erst der Anfang.",
        "Im nächsten Jahr werden wir weitere Strecken bauen“, sagte Keller.",
        "Das Netz kostet jährlich vier Millionen Euro und wird durch höhere Parkgebühren "
        "finanziert.",
        "Kritiker sagten, die höheren Parkgebühren würden kleine Geschäfte in der Innenstadt "
        "belasten.",
    ),
    "fr": (
        "Le conseil municipal adopte un nouveau réseau de pistes cyclables",
        "Le conseil municipal de Lyon a adopté jeudi un nouveau réseau de pistes cyclables "
        "après un débat de quatre heures.",
        "La conseillère Claire Martin a déclaré que les habitants attendaient des pistes sûres "
        "depuis des années.",
        "Elle a qualifié le vote de tournant pour toute la ville.",
        "« Ce n'est que le début.",
        "L'année prochaine, nous construirons d'autres itinéraires », a-t-elle ajouté.",
        "Le réseau coûtera quatre millions d'euros par an, financés par une hausse des tarifs "
        "de stationnement.",
        "Les opposants estiment que la hausse des tarifs de stationnement pénalisera les petits "
        "commerces du centre-ville.",
    ),
    "es": (
        "El ayuntamiento aprueba una nueva red de carriles bici",
        "El ayuntamiento de Valencia aprobó el jueves una nueva red de carriles bici tras un "
        "debate de cuatro horas.",
        "La concejala Lucía Fernández dijo que los vecinos llevaban años esperando carriles "
        "seguros.",
        "Ella calificó la votación de punto de inflexión para toda la ciudad.",
        "«Esto es solo el principio.",
        "El año que viene construiremos más tramos», afirmó la concejala.",
        "La red costará cuatro millones de euros al año, que se pagarán con una subida de las "
        "tarifas de aparcamiento.",
        "Los críticos afirman que la subida de las tarifas de aparcamiento perjudicará a los "
        "pequeños comercios del centro.",
    ),
    "it": (
        "Il consiglio comunale approva una nuova rete di piste ciclabili",
        "Il consiglio comunale di Bologna ha approvato giovedì una nuova rete di piste "
        "ciclabili dopo un dibattito di quattro ore.",
        "La consigliera Giulia Rossi ha detto che i cittadini aspettavano da anni piste sicure.",
        "Lei ha definito il voto una svolta per tutta la città.",
        "«Questo è solo l'inizio.",
        "L'anno prossimo costruiremo altri percorsi», ha aggiunto la consigliera.",
        "La rete costerà quattro milioni di euro all'anno, pagati con un aumento delle tariffe "
        "dei parcheggi.",
        "I critici sostengono che l'aumento delle tariffe dei parcheggi danneggerà i piccoli "
        "negozi del centro.",
    ),
    "pt": (
        "Câmara municipal aprova nova rede de ciclovias",
        "A câmara municipal do Porto aprovou na quinta-feira uma nova rede de ciclovias depois "
        "de um debate de quatro horas.",
        "A vereadora Ana Costa disse que os moradores esperavam há anos por ciclovias seguras.",
        "Ela classificou a votação como uma viragem para toda a cidade.",
        "«Isto é apenas o começo.",
        "No próximo ano vamos construir mais percursos», acrescentou a vereadora.",
        "A rede vai custar quatro milhões de euros por ano, pagos com um aumento das tarifas "
        "de estacionamento.",
        "Os críticos dizem que o aumento das tarifas de estacionamento vai prejudicar o "
        "pequeno comércio do centro.",
    ),
    "nl": (
        "Gemeenteraad stemt in met nieuw netwerk van fietspaden",
        "De gemeenteraad van Utrecht heeft donderdag na een debat van vier uur ingestemd met "
        "een nieuw netwerk van fietspaden.",
        "Raadslid Sanne de Vries zei dat de inwoners al jaren wachten op veilige fietspaden.",
        "Zij noemde de stemming een keerpunt voor de hele stad.",
        "„Dit is nog maar het begin.",
        "Volgend jaar leggen we meer routes aan”, zei De Vries.",
        "Het netwerk kost vier miljoen euro per jaar, betaald uit een verhoging van de "
        "parkeertarieven.",
        "Critici zeggen dat de hogere parkeertarieven de kleine winkels in het centrum zullen "
        "schaden.",
    ),
    "zh": (
        "市议会批准新的自行车道网络",
        "市议会星期四经过四个小时的辩论，批准了新的自行车道网络。",
        "市议员王丽说，居民多年来一直在等待安全的自行车道。",
        "她称这次投票是整个城市的转折点。",
        "她补充说：“这只是开始。",
        "明年我们将修建更多的路线。”",
        "这个网络每年将花费四百万欧元，资金来自提高停车费。",
        "批评者说，提高停车费将伤害市中心的小商店。",
    ),
    "ja": (
        "市議会、新しい自転車道網を承認",
        "市議会は木曜日、四時間にわたる議論の末、新しい自転車道網を承認した。",
        "山田花子市議は、住民が長年安全な自転車道を待っていたと述べた。",
        "彼女は今回の採決を市全体の転換点と呼んだ。",
        "山田市議は「これは始まりに過ぎない。",
        "来年はさらに多くの路線を整備する」と語った。",
        "この自転車道網には年間四百万ユーロがかかり、駐車料金の引き上げで賄われる。",
        "批判する人々は、駐車料金の引き上げが中心街の小さな商店に打撃を与えると話している。",
    ),
}
LANGUAGES = list(STORIES)


def story(code):
    title, lead, named, pronoun, quote_open, quote_close, cost, critics = STORIES[code]
    text = article(title, lead, named, pronoun, quote_open, quote_close, cost, critics)
    return text, named, pronoun, quote_open, quote_close


def chosen(record):
    return [s["text"] for s in record["sentences"]]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("method", METHODS)
def test_every_method_summarises_every_language(run, tmp_path, code, method):
    text = story(code)[0]
    path = tmp_path / f"{code}.txt"
    path.write_text(text, encoding="utf-8")
    result = run(["summarize", "--method", method, path])
    assert result.exit_code == 0 and result.stderr == ""
    record = json.loads(result.stdout)
    assert record["language"] == code
    assert "skipped" not in record
    assert len(record["sentences"]) == 3
    for sentence in record["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_lead_and_a_sentence_on_the_story_come_first(code):
    text, *_ = story(code)
    document = parse(text)
    texts = chosen(summarize_document(document, budget=Budget(sentences=1)))
    assert texts == [document.sentences[0].text]


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c in DEPENDENT_OPENERS])
def test_a_pronoun_sentence_comes_with_its_antecedent(code):
    text, named, pronoun, _, _ = story(code)
    document = parse(text)
    picks = [chosen(summarize_document(document, budget=Budget(sentences=n))) for n in range(1, 8)]
    assert any(pronoun in texts for texts in picks)
    for texts in picks:
        assert pronoun not in texts or named in texts


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_quotation_is_kept_whole(code):
    text, _, _, quote_open, quote_close = story(code)
    document = parse(text)
    picks = [chosen(summarize_document(document, budget=Budget(sentences=n))) for n in range(1, 8)]
    assert any(quote_open in texts for texts in picks)
    for texts in picks:
        assert (quote_open in texts) == (quote_close in texts)


@pytest.mark.parametrize(
    ("sentences", "inside"),
    [
        # German „…“: the closing “ is the mark English opens with
        (
            ["„Das ist der Anfang.", "Wir bauen weiter“, sagte sie.", "Das Netz kostet viel."],
            [0, 1, 0],
        ),
        # German »…«
        (
            ["»Das ist der Anfang.", "Wir bauen weiter«, sagte sie.", "Das Netz kostet viel."],
            [0, 1, 0],
        ),
        # French « … »
        (
            ["« C'est le début.", "Nous continuerons », a-t-elle dit.", "Le réseau coûte cher."],
            [0, 1, 0],
        ),
        # Dutch „…”
        (["„Dit is het begin.", "We gaan door”, zei ze.", "Het netwerk kost veel."], [0, 1, 0]),
        # Japanese 「…」
        (["市議は「これは始まりだ。", "来年も続ける」と語った。", "費用は高い。"], [0, 1, 0]),
    ],
)
def test_a_quotation_continues_in_the_language_s_marks(sentences, inside):
    document = parse(" ".join(sentences), language="de")
    assert [s.text for s in document.sentences] == sentences
    texts = _quotation_view([s.text for s in document.sentences])
    assert _inside_quotation(document.sentences, texts) == [bool(flag) for flag in inside]


@pytest.mark.parametrize(
    ("code", "texts", "leaning"),
    [
        ("pt", ["O ministro falou.", "O seu partido votou contra.", "O partido votou."], [0, 1, 0]),
        (
            "it",
            ["Il sindaco ha parlato.", "Il suo partito ha votato.", "La sua giunta."],
            [0, 1, 1],
        ),
        ("it", ["Il sindaco ha parlato.", "Il partito ha votato contro."], [0, 0]),
        ("de", ["Der Minister sprach.", "Er sagte nichts.", "Der Minister ging."], [0, 1, 0]),
        ("fr", ["Le ministre a parlé.", "Mais personne n'a voté.", "« Il faut agir. »"], [0, 1, 0]),
    ],
)
def test_openers_lean_on_the_sentence_before(code, texts, leaning):
    flags = _needs_previous(
        texts, [False] * len(texts), DEPENDENT_OPENERS[code], POSSESSIVE_OPENERS.get(code)
    )
    assert flags == [bool(flag) for flag in leaning]


def test_words_are_read_in_the_article_s_language():
    # German: stop words gone, inflected forms share a stem
    assert content_terms("Die neuen Radwege und der neue Radweg", "de") == [
        "neu",
        "radweg",
        "neu",
        "radweg",
    ]
    # French: an elided article is no word of its own
    assert content_terms("L'économie et les économies", "fr") == ["économ", "économ"]
    # Chinese: pairs of characters; a character alone is a term unless a stop word
    assert content_terms("自行车，车，的", "zh") == ["自行", "行车", "车"]
    # a language with no stop list or stemmer: its lower-cased words
    assert content_terms("Gradsko vijeće odobrilo je novi proračun", "hr") == [
        "gradsko",
        "vijeće",
        "odobrilo",
        "je",
        "novi",
        "proračun",
    ]
    assert vocabulary("hr").stem is None and not vocabulary("hr").stop_words
    # English and text with no language keep newscli's own list and stripper
    assert content_terms("The strikes were striking", "en") == ["strik", "strik"]
    assert content_terms("The strikes were striking", "und") == ["strik", "strik"]


def test_lang_overrides_the_language_summaries_read():
    text, *_ = story("de")
    german = parse(text)
    as_english = parse(text, language="en")
    assert german.language.code == "de" and as_english.language.code == "en"
    ranking = summarize_document(german, ranking=True)["ranking"]
    english_ranking = summarize_document(as_english, ranking=True)["ranking"]
    assert [r["score"] for r in ranking] != [r["score"] for r in english_ranking]


def test_an_english_summary_loads_no_other_language_s_words():
    code = (
        "import sys\n"
        "from newscli.analysis.summarize import summarize\n"
        "from newscli.document import parse\n"
        "summarize(parse('Council approves the budget\\n\\nThe council approved the budget on "
        "Monday. Officials said the vote was close. The mayor welcomed it.'))\n"
        "print([m for m in ('stop_words', 'Stemmer') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
