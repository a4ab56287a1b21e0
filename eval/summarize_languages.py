"""Evidence for summaries in other languages, where no multilingual summary gold is staged.

    python -m eval.summarize_languages DATA_DIR [--limit N]

DATA_DIR is shared/data. Two measures:

1. What the other languages' word layer costs where there is gold: every method on CNN/DM
   and BBC (as eval.summarize scores them: ROUGE F1 x 100, 3 sentences) with English read
   the way every other language is read -- the `stop-words` package's English list and
   Snowball's English stemmer -- beside newscli's own English list and suffix stripper.
   Openers and quotations are English in both rows: only the words differ.

2. Translation agreement on Parallel UD (the staged UNER PUD files: 1,000 sentences from
   news and Wikipedia, the same in English and in German, Portuguese, Swedish, Russian and
   Chinese, one document after another). On each document of 3 or more sentences (177),
   does the language's top-ranked sentence match the English one's? A summary reads the
   same text in both, so the closer to 1 the better the language's words stand in for
   English ones; "chance" is the mean of 1/sentences. Each method with the language's
   words (what ships), and with plain lower-cased words (no stop list, no stems) for
   comparison. Tokens are joined with spaces (Chinese: without), and each sentence is
   its own paragraph, so every language has the same sentences.

3. Openers on Parallel UD, for the two languages of the six with a PUD text (de, pt): of
   the sentences after a document's first, those English's openers say lean on the
   sentence before ("She …", "But …") against those the language's openers say do: both,
   English only, the language only, and the F1 of the language's marks against English's.
   Translation moves words (Portuguese drops subject pronouns: "É possível" for "It's
   possible"), so this is agreement, not accuracy.
"""

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby, islice
from pathlib import Path
from unittest import mock

from eval import figures
from eval.summarize import DATASETS, LABELS, ROUGE_TYPES, SENTENCES, evaluate, newscli_pick
from newscli import words
from newscli.analysis.summarize import (
    _DEPENDENT_OPENERS,
    METHODS,
    Budget,
    _needs_previous,
    summarize,
)
from newscli.clean import Metadata
from newscli.document import Document, Paragraph, Sentence, parse
from newscli.language import UNDETERMINED
from newscli.lexicon import DEPENDENT_OPENERS, POSSESSIVE_OPENERS

PUD_ENGLISH = Path("ner/dev/uner-en-pud.iob2")
PUD_LANGUAGES = ("de", "pt", "sv", "ru", "zh")
#: a document this short has one sentence to pick, or a coin toss between two
MIN_SENTENCES = 3
#: the methods whose choice rests on words alone ("newscli" weighs position first)
AGREEMENT_METHODS = ("lexrank", "textrank", "newscli")


@contextmanager
def english_read_as_any_language() -> Iterator[None]:
    """English terms from `stop-words` and Snowball, as another language's are."""
    with mock.patch.object(words, "OWN_LANGUAGES", frozenset({UNDETERMINED})):
        yield


@contextmanager
def plain_words() -> Iterator[None]:
    """Every other language read as lower-cased words: no stop list, no stemmer."""
    with mock.patch.object(
        words, "vocabulary", lambda language: words.Vocabulary(frozenset(), None)
    ):
        yield


def english_cost(data: Path, limit: int | None) -> None:
    pickers = {
        f"{method}": lambda document, m=method: newscli_pick(m, document) for method in METHODS
    }
    for dataset in DATASETS:
        path = data / "summarize" / dataset.filename
        if not path.exists():
            print(f"{dataset.name}: {path} not found, skipped")
            continue
        with path.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in islice(lines, limit) if line.strip()]
        own = evaluate(records, dataset, pickers)
        with english_read_as_any_language():
            generic = evaluate(records, dataset, pickers)
        print(
            f"{dataset.name}: {len(records)} articles, {SENTENCES} sentences; English words "
            "read by newscli's own list and stripper vs. stop-words + Snowball English"
        )
        print(f"  {'method':<10} {'words':<22} {' '.join(f'{label:>6}' for label in LABELS)}")
        figure_set = dataset.filename.split("-")[0]
        for method in METHODS:
            for label, tallies in (("own (shipped)", own), ("stop-words + Snowball", generic)):
                scores = " ".join(f"{tallies[method].mean(kind):6.2f}" for kind in ROUGE_TYPES)
                print(f"  {method:<10} {label:<22} {scores}")
            figures.record(
                f"summarize_languages.{figure_set}.generic_english.{method}.rouge2",
                generic[method].mean("rouge2"),
            )
        print()


def pud_sentences(path: Path, column: int) -> list[list[str]]:
    """The token lists of each sentence of a UNER file (`column`: where the token is)."""
    sentences: list[list[str]] = []
    tokens: list[str] = []
    for line in path.open(encoding="utf-8"):
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(tokens)
                tokens = []
            continue
        tokens.append(line.rstrip("\n").split("\t")[column])
    if tokens:
        sentences.append(tokens)
    return sentences


def pud_documents(path: Path) -> list[list[int]]:
    """The sentence numbers of each PUD document (from the English file's sent_ids)."""
    ids = [
        line.split("=", 1)[1].strip().split("-")[0]
        for line in path.open(encoding="utf-8")
        if line.startswith("# sent_id")
    ]
    return [[i for i, _ in group] for _, group in groupby(enumerate(ids), key=lambda p: p[1])]


def document(sentence_texts: list[str], language: str) -> Document:
    """A Document whose sentences are exactly `sentence_texts`, one a paragraph."""
    text = ""
    paragraphs, sentences = [], []
    for index, sentence_text in enumerate(sentence_texts):
        start = len(text)
        text += sentence_text
        paragraphs.append(Paragraph(index, start, len(text), sentence_text))
        sentences.append(Sentence(index, start, len(text), sentence_text, index))
        text += "\n\n"
    parsed = Document(text, None, Metadata(), [], paragraphs, given_language=language)
    parsed.__dict__["sentences"] = sentences  # the cached property, given
    return parsed


def top_sentence(parsed: Document, method: str) -> int:
    ranking = summarize(parsed, method=method, budget=Budget(sentences=1), ranking=True)["ranking"]
    return ranking[0]["index"]


def translation_agreement(data: Path) -> None:
    english_path = data / PUD_ENGLISH
    if not english_path.exists():
        print(f"Parallel UD: {english_path} not found, skipped")
        return
    texts = {"en": pud_sentences(english_path, 1)}
    for code in PUD_LANGUAGES:
        path = data / f"ner/multilingual/train/{code}-uner-pud/{code}_pud.conll"
        texts[code] = pud_sentences(path, 0)
    documents = [d for d in pud_documents(english_path) if len(d) >= MIN_SENTENCES]
    chance = sum(1 / len(d) for d in documents) / len(documents)

    def tops(code: str, method: str) -> list[int]:
        joiner = "" if code == "zh" else " "
        return [
            top_sentence(document([joiner.join(texts[code][i]) for i in d], code), method)
            for d in documents
        ]

    print(
        f"Parallel UD: {len(documents)} documents of {MIN_SENTENCES}+ sentences; share whose "
        f"top sentence is the English one's (chance {chance:.3f})"
    )
    print(f"  {'method':<10} {'words':<18} " + " ".join(f"{code:>6}" for code in PUD_LANGUAGES))
    for method in AGREEMENT_METHODS:
        english = tops("en", method)
        for label, reading in (("language's", None), ("plain", plain_words)):
            shares = []
            for code in PUD_LANGUAGES:
                if reading is None:
                    found = tops(code, method)
                else:
                    with reading():
                        found = tops(code, method)
                shares.append(
                    sum(a == b for a, b in zip(english, found, strict=True)) / len(documents)
                )
                if reading is None:
                    figures.record(f"summarize_languages.pud.{code}.{method}.agreement", shares[-1])
            print(f"  {method:<10} {label:<18} " + " ".join(f"{share:6.3f}" for share in shares))
    print()


def opener_agreement(data: Path) -> None:
    english_path = data / PUD_ENGLISH
    if not english_path.exists():
        print(f"Parallel UD: {english_path} not found, skipped")
        return
    english = pud_sentences(english_path, 1)
    documents = [d for d in pud_documents(english_path) if len(d) >= 2]
    print(
        f"Parallel UD openers: sentences after the first of {len(documents)} documents that "
        "lean on the one before, by English's openers and by the language's"
    )
    print(f"  {'language':<10} {'both':>6} {'English only':>13} {'language only':>14} {'F1':>6}")
    for code in (c for c in PUD_LANGUAGES if c in DEPENDENT_OPENERS):
        other = pud_sentences(data / f"ner/multilingual/train/{code}-uner-pud/{code}_pud.conll", 0)
        both = english_only = other_only = 0
        for d in documents:
            no_quotes = [False] * len(d)
            marks = _needs_previous(
                [" ".join(english[i]) for i in d], no_quotes, _DEPENDENT_OPENERS
            )
            theirs = _needs_previous(
                [" ".join(other[i]) for i in d],
                no_quotes,
                DEPENDENT_OPENERS[code],
                POSSESSIVE_OPENERS.get(code),
            )
            for ours, their in zip(marks, theirs, strict=True):
                both += ours and their
                english_only += ours and not their
                other_only += their and not ours
        f1 = 2 * both / (2 * both + english_only + other_only)
        print(f"  {code:<10} {both:>6} {english_only:>13} {other_only:>14} {f1:6.3f}")
        figures.record(f"summarize_languages.pud.{code}.openers.f1", f1)
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description="Evidence for summaries in other languages.")
    parser.add_argument("data", type=Path, help="shared/data")
    parser.add_argument("--limit", type=int, help="only the first N articles of CNN/DM and BBC")
    args = parser.parse_args()
    parse("Warm up.")  # the first parse loads what every later one shares
    translation_agreement(args.data)
    opener_agreement(args.data)
    english_cost(args.data, args.limit)


if __name__ == "__main__":
    main()
