"""Sentence splitting in the languages readability scores, on spaCy's example sentences.

    pip download --no-deps -d /tmp/spacy spacy
    python -m eval.sentences_languages /tmp/spacy/spacy-*.whl     # or an installed spacy/

spaCy ships, for each language it supports, a list of example sentences
(``spacy/lang/XX/examples.py``, MIT licence): mostly news headlines and sentences, with
questions and exclamations. Those that end in a sentence-ending mark (headlines without
one cannot be split by any punctuation rule) are run together, one space apart, as one
paragraph per language; a boundary is right when newscli's splitter ends a sentence where
an example ends. Read from the wheel or the package directory as text: spaCy is not
imported (nor installed by `make install-dev`: it is a large download for a few lists).
"""

import argparse
import ast
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from newscli.analysis.readability import LANGUAGES
from newscli.segment import sentence_spans

_EXAMPLES = re.compile(r"spacy/lang/([a-z]{2,3})/examples\.py$")
#: a sentence-ending mark, then any closing quotes or brackets
_ENDS = re.compile(r"[.!?…؟][\"'”’»)\]]*$")


def examples(spacy: Path) -> Iterator[tuple[str, list[str]]]:
    """(language, its example sentences) from a spaCy wheel or package directory."""
    if spacy.is_file():
        with zipfile.ZipFile(spacy) as wheel:
            for name in sorted(wheel.namelist()):
                if match := _EXAMPLES.search(name):
                    yield match[1], _sentences(wheel.read(name).decode("utf-8"))
        return
    for path in sorted(spacy.glob("lang/*/examples.py")):
        yield path.parent.name, _sentences(path.read_text(encoding="utf-8"))


def _sentences(source: str) -> list[str]:
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "sentences":
            return [s for s in ast.literal_eval(node.value) if isinstance(s, str)]
    return []


def score(sentences: list[str]) -> tuple[int, int, int, list[str]]:
    """True positives, predicted and gold boundaries, and the sentences split wrong."""
    text = " ".join(sentences)
    gold, position = set(), 0
    for sentence in sentences[:-1]:
        position += len(sentence)
        gold.add(position)
        position += 1
    predicted = {end for _, end in sentence_spans(text, 0, len(text))} - {len(text)}
    wrong = []
    position = 0
    for sentence in sentences:
        inside = {p for p in predicted if position < p < position + len(sentence)}
        if inside or (position + len(sentence) not in predicted and sentence is not sentences[-1]):
            wrong.append(sentence)
        position += len(sentence) + 1
    return len(gold & predicted), len(predicted), len(gold), wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spacy", type=Path, help="a spaCy wheel, or an installed spacy/ directory")
    args = parser.parse_args()
    print(f"  {'language':<9}{'sentences':>10}{'P':>7}{'R':>7}{'F1':>7}")
    total = [0, 0, 0]
    sentences_in_all = 0
    missing = sorted(LANGUAGES)
    for language, sentences in examples(args.spacy):
        if language not in LANGUAGES:
            continue
        missing.remove(language)
        ended = [s.strip() for s in sentences if _ENDS.search(s.strip())]
        if len(ended) < 2:
            print(f"  {language:<9}{len(ended):>10}   (fewer than two that end in a mark)")
            continue
        hits, predicted, gold, wrong = score(ended)
        sentences_in_all += len(ended)
        total = [total[0] + hits, total[1] + predicted, total[2] + gold]
        p, r = hits / predicted if predicted else 1.0, hits / gold
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {language:<9}{len(ended):>10}{p:>7.3f}{r:>7.3f}{f1:>7.3f}")
        for sentence in wrong:
            print(f"      split wrong: {sentence}")
    hits, predicted, gold = total
    p, r = hits / predicted, hits / gold
    print(f"  {'all':<9}{sentences_in_all:>10}{p:>7.3f}{r:>7.3f}{2 * p * r / (p + r):>7.3f}")
    print(f"  no examples in spaCy: {' '.join(missing)}")


if __name__ == "__main__":
    main()
