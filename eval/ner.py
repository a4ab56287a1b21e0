"""Named-entity tagging on CoNLL-2003 dev and UNER English-PUD, through the whole pipeline.

    python -m eval.ner ../shared/data/ner/dev [--errors N]

Each document is turned back into text, one line per sentence (CoNLL tokens are joined by
the usual detokenisation rules; PUD sentences keep their `# text`), parsed by
`newscli.document.parse` and tagged with `newscli.ner.tag_document`, as `newscli entities`
will. Predicted character spans are matched exactly against the gold entities' spans.
Scored types: PER, ORG and LOC (GPE and LOC both count as LOC); gold MISC and predicted
NORP/MISC are left out. Gold entities in text the parse left out (boilerplate, bylines,
dates; titles and datelines are tagged) are counted by the reason they were dropped; CoNLL
is scored a second time with the lines dropped as `headline` tagged too, and once for each
of its halves (`eval.halves`: "tune" to choose rules on, "check" to see that they hold).
"""

import argparse
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eval import figures, halves
from newscli.document import parse
from newscli.ner import tag_document

SCORED = ("PER", "ORG", "LOC")
PREDICTED_AS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
NO_SPACE_BEFORE = {",", ".", ")", "]", "}", ":", ";", "?", "!", "%", "'s", "n't", "'", "'re"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


@dataclass
class Article:
    text: str = ""
    entities: list[tuple[int, int, str]] = field(default_factory=list)


def add_sentence(article: Article, tokens: list[str], tags: list[str], text: str | None) -> None:
    """Append one sentence as a line; gold entities by character offsets."""
    if article.text:
        article.text += "\n"
    base = len(article.text)
    offsets = []
    if text is not None:
        cursor = 0
        for token in tokens:
            found = text.find(token, cursor)
            offsets.append((found, found + len(token)))
            cursor = found + len(token)
        line = text
    else:
        line = ""
        quote_open = False
        for i, token in enumerate(tokens):
            space = bool(line)
            if token in NO_SPACE_BEFORE or (i and tokens[i - 1] in NO_SPACE_AFTER):
                space = False
            if token == '"':
                space = space and not quote_open
                quote_open = not quote_open
            elif i and tokens[i - 1] == '"' and quote_open:
                space = False
            line += " " * space
            offsets.append((len(line), len(line) + len(token)))
            line += token
    article.text += line
    start = kind = None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and (not tag.startswith("I-") or tag[2:] != kind):
            article.entities.append((base + offsets[start][0], base + offsets[i - 1][1], kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]


def read_conll(path: Path) -> list[Article]:
    """The documents in file order; the Nth is `conll2003-dev-N` to `eval.halves`."""
    articles: list[Article] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("-DOCSTART-"):
            articles.append(Article())
        elif not line.strip():
            if tokens:
                add_sentence(articles[-1], tokens, tags, None)
            tokens, tags = [], []
        else:
            columns = line.split()
            tokens.append(columns[0])
            tags.append(columns[-1])
    return articles


def read_uner(path: Path) -> list[Article]:
    articles: list[Article] = []
    tokens: list[str] = []
    tags: list[str] = []
    text = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# newdoc") or (not articles and line.startswith("# text")):
            articles.append(Article())
        if line.startswith("# text = "):
            text = line.removeprefix("# text = ")
        elif not line.strip():
            if tokens:
                add_sentence(articles[-1], tokens, tags, text)
            tokens, tags, text = [], [], None
        elif not line.startswith("#"):
            columns = line.split("\t")
            tokens.append(columns[1])
            tags.append(columns[2])
    return articles


def score(
    name: str,
    figure_set: str,
    articles: list[Article],
    errors: int,
    reasons: tuple[str, ...],
    language: str | None = None,
) -> float:
    """Print and record P/R/F1 per type and overall; return the articles tagged a second.
    `language`: the articles' language, given as `--lang` gives it; else identified."""
    counts = {kind: Counter() for kind in SCORED}
    dropped_cost: Counter[str] = Counter()
    shown = 0
    seconds = 0.0
    sentences = 0
    for article in articles:
        started = time.perf_counter()
        document = parse(article.text, language=language)
        spans = tag_document(document, reasons)
        seconds += time.perf_counter() - started
        sentences += len(document.sentences)
        predicted = {
            (s.start, s.end, PREDICTED_AS[s.label]) for s in spans if s.label in PREDICTED_AS
        }
        gold = {e for e in article.entities if e[2] in SCORED}
        for kind in SCORED:
            counts[kind]["tp"] += sum(e[2] == kind for e in gold & predicted)
            counts[kind]["gold"] += sum(e[2] == kind for e in gold)
            counts[kind]["predicted"] += sum(e[2] == kind for e in predicted)
        for start, end, _ in gold:
            for dropped in document.dropped:
                if dropped.start < end and start < dropped.end and dropped.reason not in reasons:
                    dropped_cost[dropped.reason] += 1
                    break
        for start, end, kind in sorted(gold ^ predicted)[: max(errors - shown, 0)]:
            where = "missed" if (start, end, kind) in gold else "spurious"
            print(f"  {where:8} {kind:4} {article.text[start:end]!r}")
            shown += 1
    total = Counter()
    tagged = " + ".join(("title", "body", *reasons))
    print(f"{name}: {len(articles)} documents, {sentences} body sentences; tagged: {tagged}")
    print(f"  {'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for kind in (*SCORED, "overall"):
        if kind == "overall":
            c = total
        else:
            c = counts[kind]
            total.update(c)
        precision = c["tp"] / max(c["predicted"], 1)
        recall = c["tp"] / max(c["gold"], 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"  {kind:8} {precision:6.3f} {recall:6.3f} {f1:6.3f} {c['gold']:6d}")
        figures.record(f"ner.{figure_set}.f1.{kind}", f1)
        if kind == "overall":
            figures.record(f"ner.{figure_set}.precision.overall", precision)
            figures.record(f"ner.{figure_set}.recall.overall", recall)
    lost = sum(dropped_cost.values())
    detail = ", ".join(f"{reason} {n}" for reason, n in dropped_cost.most_common()) or "none"
    print(f"  gold entities in text the parse dropped: {lost} of {total['gold']} ({detail})")
    print(
        f"  parse + tag: {sentences / seconds:.0f} sentences/s, "
        f"{len(articles) / seconds:.0f} documents/s"
    )
    return len(articles) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="shared/data/ner/dev")
    parser.add_argument("--errors", type=int, default=0, help="show N errors of each set")
    args = parser.parse_args()
    conll = read_conll(args.data / "conll2003-dev.iob")
    score("CoNLL-2003 dev", "conll_dev", conll, args.errors, ("dateline",))
    # what `dropped_reasons` costs: Reuters datelines and table rows are dropped as headlines
    score(
        "CoNLL-2003 dev", "conll_dev_headlines_tagged", conll, args.errors, ("dateline", "headline")
    )
    for part in halves.HALVES:
        chosen = [a for n, a in enumerate(conll, 1) if halves.half(f"conll2003-dev-{n}") == part]
        score(f"CoNLL-2003 dev, {part} half", f"conll_dev_{part}", chosen, 0, ("dateline",))
    uner = read_uner(args.data / "uner-en-pud.iob2")
    score("UNER English-PUD", "uner_pud", uner, args.errors, ("dateline",))


if __name__ == "__main__":
    main()
