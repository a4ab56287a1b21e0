"""Quotations in German, Italian and Portuguese news sentences, drawn for judging by hand.

    python -m eval.quotes_languages SHARED/data [--n 30] [--seed 27]

No quotation gold is staged for these languages. The entity data holds tokenized news
sentences (`ner/multilingual`: GermEval 2014 dev, Italian Wikinews KIND dev, Portuguese
Bosque dev); this joins each sentence's tokens again (a tokenized straight mark opens and
closes in turn, Bosque's split contractions are joined: "de as" is "das"), keeps those with
a quotation mark and one of the lexicon's speech verbs (so the draw moves as the lists
grow), draws --n of them with --seed, reads each alone as an article in its language, and
prints every quotation with its speaker mention and the rules that read it. A sentence
read alone has no context: a speaker only the article before it names cannot be found.
"""

import argparse
import random
import re
from collections.abc import Iterator
from pathlib import Path

from newscli.analysis.quotes.languages import quotations
from newscli.document import parse
from newscli.lexicon import QUOTATION_WORDS

SETS = {
    "de": "ner/multilingual/train/de-germeval2014/germeval2014-dev.conll",
    "it": "ner/multilingual/dev/it-kind-wikinews/kind-WN_dev.conll",
    "pt": "ner/multilingual/train/pt-uner-bosque/pt_bosque-dev.conll",
}
#: Bosque splits a preposition and an article the text writes as one word
_CONTRACTIONS = {
    ("de", "o"): "do", ("de", "a"): "da", ("de", "os"): "dos", ("de", "as"): "das",
    ("em", "o"): "no", ("em", "a"): "na", ("em", "os"): "nos", ("em", "as"): "nas",
    ("a", "o"): "ao", ("a", "a"): "à", ("a", "os"): "aos", ("a", "as"): "às",
    ("por", "o"): "pelo", ("por", "a"): "pela", ("por", "os"): "pelos", ("por", "as"): "pelas",
    ("de", "ele"): "dele", ("de", "ela"): "dela", ("em", "um"): "num", ("em", "uma"): "numa",
    ("de", "este"): "deste", ("de", "esta"): "desta", ("em", "este"): "neste",
    ("em", "esta"): "nesta", ("de", "esse"): "desse", ("de", "essa"): "dessa",
}  # fmt: skip
_MARKS = ('"', "«", "»", "„", "“", "”")


def sentences(path: Path) -> Iterator[list[str]]:
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split("\t")[0])
        elif words:
            yield words
            words = []
    if words:
        yield words


def joined(words: list[str], language: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = (words[i].lower(), words[i + 1].lower()) if i + 1 < len(words) else None
        if language == "pt" and pair in _CONTRACTIONS:
            word = _CONTRACTIONS[pair]
            out.append(word.capitalize() if words[i][:1].isupper() else word)
            i += 2
            continue
        out.append(words[i])
        i += 1
    opened = False
    for k, word in enumerate(out):
        if word == '"':
            out[k] = "\x02" if opened else "\x01"
            opened = not opened
    text = " ".join(out).replace("\x01 ", '"').replace(" \x02", '"')
    text = text.replace("\x01", '"').replace("\x02", '"')
    text = re.sub(r" ([.,;:!?)»“”])", r"\1", text)
    return re.sub(r"([(«„]) ", r"\1", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared data folder")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=27)
    args = parser.parse_args()
    for language, relative in SETS.items():
        words = QUOTATION_WORDS[language]
        verbs = words["speech_verbs"] | words.get("postposed_cues", frozenset())
        found = [
            joined(sentence, language)
            for sentence in sentences(args.shared / relative)
            if any(w in _MARKS for w in sentence) and any(w.lower() in verbs for w in sentence)
        ]
        random.seed(args.seed)
        drawn = random.sample(found, min(args.n, len(found)))
        print(f"== {language}: {relative}, {len(found)} sentences, {len(drawn)} drawn")
        for k, text in enumerate(drawn):
            document = parse(f"Titel\n\n{text}\n", language=language)
            print(f"[{k}] {text}")
            for quote in quotations(document, language):
                quoted = document.text[quote.start : quote.end][:50]
                print(
                    f"     -> {quoted!r} mention={quote.speaker_mention!r} "
                    f"kind={quote.kind.value} rules={quote.rules}"
                )


if __name__ == "__main__":
    main()
