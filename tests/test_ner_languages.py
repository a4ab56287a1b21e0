"""Entities in other languages (`newscli.ner.languages`): invented news sentences in each
shipped language, the model loaded only for an article in its language, the English path
untouched, and training that gives the same bytes twice."""

import io

import numpy as np
import pytest

from newscli.document import parse
from newscli.ner import features as feats
from newscli.ner import languages, tag_document, tag_documents
from newscli.ner.model import TAGS, Model, write_arrays
from newscli.ner.train import Sentence
from newscli.ner.train_languages import Document, detokenise, retokenised, train

ARTICLES = {
    "de": (
        "Bundeskanzler Olaf Scholz traf am Montag in Berlin den Vorstand der Siemens AG.",
        {"Olaf Scholz": "PERSON", "Berlin": "GPE", "Siemens AG": "ORG"},
    ),
    "fr": (
        "Le président Emmanuel Macron a reçu lundi à Paris le patron de Renault SA, "
        "selon l'Élysée.",
        {"Emmanuel Macron": "PERSON", "Paris": "GPE", "Renault SA": "ORG"},
    ),
    "es": (
        "El presidente del Gobierno, Pedro Sánchez, se reunió el lunes en Madrid con la "
        "directiva de Telefónica.",
        {"Pedro Sánchez": "PERSON", "Madrid": "GPE"},
    ),
    "it": (
        "Il ministro Giancarlo Giorgetti ha incontrato lunedì a Milano i vertici di "
        "Telecom Italia S.p.A.",
        {"Giancarlo Giorgetti": "PERSON", "Milano": "GPE"},
    ),
    "pt": (
        "O presidente Luiz Inácio Lula da Silva reuniu-se na segunda-feira em Brasília com "
        "a direção da Petrobras.",
        {"Luiz Inácio Lula da Silva": "PERSON", "Brasília": "GPE"},
    ),
    "nl": (
        "Premier Mark Rutte sprak dinsdag in Amsterdam met de directie van Philips NV.",
        {"Mark Rutte": "PERSON", "Amsterdam": "GPE", "Philips NV": "ORG"},
    ),
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_names_in_each_language(language):
    text, expected = ARTICLES[language]
    found = {span.text: span.label for span in tag_document(parse(text, language=language))}
    assert {name: found.get(name) for name in expected} == expected


def test_every_shipped_language_has_a_lexicon_and_the_six_are_shipped():
    assert {"de", "fr", "es", "it", "pt", "nl"} <= languages.LANGUAGES
    assert all(languages.lexicon_path(code).is_file() for code in languages.LANGUAGES)


def test_an_english_run_loads_no_other_model():
    languages.load_model.cache_clear()
    tag_document(parse("Angela Merkel met Emmanuel Macron in Paris on Monday."))
    assert languages.load_model.cache_info().currsize == 0
    tag_document(parse(ARTICLES["de"][0], language="de"))
    assert languages.load_model.cache_info().currsize == 1


def test_a_batch_of_several_languages_gets_what_each_document_gets_alone():
    documents = [
        parse(ARTICLES["de"][0], language="de"),
        parse("Angela Merkel met Emmanuel Macron in Paris on Monday."),
        parse(ARTICLES["fr"][0], language="fr"),
        parse(ARTICLES["de"][0], language="de"),
    ]
    assert tag_documents(documents) == [tag_document(d) for d in documents]


def test_a_language_without_a_model_is_tagged_as_english():
    text = "Angela Merkel met Emmanuel Macron in Paris on Monday."
    assert tag_document(parse(text, language="ru")) == tag_document(parse(text))


def test_an_elided_article_is_a_token_of_its_own():
    text = "Le siège de l'ONU et dell’Unione, O'Brien"
    assert languages.token_words(text, 0, len(text)) == [
        "Le",
        "siège",
        "de",
        "l'",
        "ONU",
        "et",
        "dell’",
        "Unione",
        ",",
        "O'Brien",
    ]


def test_spans_slice_back_to_their_text():
    for language, (text, _) in ARTICLES.items():
        for span in tag_document(parse(text, language=language)):
            assert text[span.start : span.end] == span.text


def test_gold_labels_follow_the_runtime_tokens():
    tokens = ["Il", "sindaco", "dell'", "Aquila", "parla", "a", "Roma", "."]
    tags = ["O", "O", "O", "B-LOC", "O", "O", "B-LOC", "O"]
    assert detokenise(tokens)[0] == "Il sindaco dell'Aquila parla a Roma."
    sentence = retokenised(tokens, tags)
    assert sentence is not None
    assert list(zip(sentence.words, sentence.tags, strict=True)) == list(
        zip(tokens, tags, strict=True)
    )


def _tiny_lexicon(language: str) -> Model:
    entries = {"berlin": 1 << feats.LEXICON_BITS.index("city") | 5 << 16, "der": 7 << 16}
    return Model(
        [],
        np.zeros((0, 5, len(TAGS))),
        np.zeros((len(TAGS) + 1, len(TAGS))),
        feats.Lexicon(entries, language),
        frozenset({"berlin"}),
        frozenset(),
    )


def _tiny_training() -> list[Document]:
    sentences = [
        Sentence(["Anna", "Schmidt", "wohnt", "in", "Berlin", "."], ["B-PER", "I-PER"] + ["O"] * 4),
        Sentence(["Die", "Siemens", "AG", "wächst", "."], ["O", "B-ORG", "I-ORG", "O", "O"]),
        Sentence(["Marie", "Dubois", "vit", "à", "Paris", "."], ["B-PER", "I-PER"] + ["O"] * 4),
    ]
    sentences[0].tags[4] = "B-LOC"
    sentences[2].tags[4] = "B-LOC"
    return [
        Document("de", "tiny", "news", 0, sentences[:2] * 3),
        Document("fr", "tiny", "news", 1, sentences[2:] * 3),
    ]


def _trained_bytes() -> bytes:
    lexicons = {code: _tiny_lexicon(code) for code in ("de", "fr")}
    model = train(_tiny_training(), lexicons, 3, np.random.default_rng(13))
    buffer = io.BytesIO()
    write_arrays(buffer, model.weight_arrays())  # type: ignore[arg-type]
    return buffer.getvalue()


def test_training_gives_the_same_bytes_twice():
    first = _trained_bytes()
    assert first == _trained_bytes()
    assert len(first) > 1000


def test_a_word_derived_from_a_name_is_no_entity():
    text = "Die deutschen Autobauer und der französische Präsident Emmanuel Macron trafen sich."
    spans = tag_document(parse(text, language="de"))
    assert [span.text for span in spans if span.text[:1].islower()] == []
    assert ("Emmanuel Macron", "PERSON") in [(span.text, span.label) for span in spans]


def test_the_capitalised_words_before_a_company_form_are_the_firm():
    text = "Der Umsatz der Müller Logistik GmbH stieg im Jahr 2025 deutlich."
    spans = tag_document(parse(text, language="de"))
    assert ("Müller Logistik GmbH", "ORG") in [(span.text, span.label) for span in spans]
