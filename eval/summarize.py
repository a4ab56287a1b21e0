"""Extractive summary evaluation on CNN/DM and BBC News: ROUGE of newscli beside its peers.

    python -m eval.summarize DATA_DIR [--limit N] [--methods a,b] [--no-sumy]

DATA_DIR holds cnndm-dev.jsonl (lower-cased, tokenized text; one reference highlight per
line) and bbc-dev.jsonl (original case; the extractive reference is summary_sentences).
Every system picks 3 sentences from newscli's own split, `parse(text).sentences`, so the
table compares sentence choice, not splitting:

- every method in newscli's METHODS;
- Lead-3, the first 3 sentences, computed here as a sanity row;
- sumy's TextRank, LexRank and Luhn, fed a document built from newscli's sentences (so
  sumy needs no NLTK tokenizer data), with sumy's English stemmer and stop words.

Scores are the mean F1 x 100 of rouge-score's ROUGE-1, ROUGE-2 and ROUGE-Lsum, stemmed,
with prediction and reference given one sentence per line (what ROUGE-Lsum splits on).
Times are the mean milliseconds per article of the summarizer call alone: not parsing,
not scoring; for sumy they include building its document.
"""

import argparse
import json
import re
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from itertools import groupby, islice
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from eval import figures
from newscli.analysis.summarize import DEFAULT_METHOD, METHODS, Budget, summarize
from newscli.document import Document, parse

SENTENCES = 3
BUDGET = Budget(sentences=SENTENCES)
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
LABELS = ("R-1", "R-2", "R-Lsum")
WORD = re.compile(r"\w+(?:'\w+)?")
SUMY_CLASSES: dict[str, type[AbstractSummarizer]] = {
    "TextRank": TextRankSummarizer,
    "LexRank": LexRankSummarizer,
    "Luhn": LuhnSummarizer,
}
#: Run through every system once before timing, so one-time set-up is not billed to an article
WARM_UP = (
    "The council approved the budget on Monday. Officials said the vote was close. "
    "The mayor welcomed the budget and said taxes would not rise. Critics said the "
    "council had cut the library budget. The budget takes effect in July."
)

#: A system picks sentences from a parsed article: their texts, in document order.
Picker = Callable[[Document], list[str]]


@dataclass(frozen=True)
class Dataset:
    name: str
    filename: str
    #: the reference summary of a record, one sentence per line
    reference: Callable[[dict[str, Any]], str]
    #: whether the goals ask newscli to beat Lead-3 here (on R-2)
    beat_lead: bool


DATASETS = (
    Dataset("CNN/DM", "cnndm-dev.jsonl", lambda record: record["summary"], beat_lead=True),
    Dataset(
        "BBC",
        "bbc-dev.jsonl",
        lambda record: "\n".join(record["summary_sentences"]),
        beat_lead=False,
    ),
)


class WordTokenizer:
    """The tokenizer a sumy Sentence needs: it only ever asks for words (newscli has
    already split the sentences), and a regex needs no NLTK data."""

    def to_words(self, text: str) -> list[str]:
        return WORD.findall(text)


TOKENIZER = WordTokenizer()


def sumy_summarizer(name: str) -> AbstractSummarizer:
    """One of SUMY_CLASSES as sumy's own command line sets it up for English."""
    summarizer = SUMY_CLASSES[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def sumy_pick(summarizer: AbstractSummarizer, document: Document) -> list[str]:
    """The sentences sumy chooses from newscli's split of document, in document order."""
    sentences = [SumySentence(s.text, TOKENIZER) for s in document.sentences]
    paragraphs = groupby(zip(document.sentences, sentences, strict=True), lambda p: p[0].paragraph)
    model = ObjectDocumentModel(Paragraph(sumy for _, sumy in pairs) for _, pairs in paragraphs)
    # sumy returns its own Sentence objects; they compare by text, so match by identity
    chosen = {id(sentence) for sentence in summarizer(model, SENTENCES)}
    return [
        s.text for s, sumy in zip(document.sentences, sentences, strict=True) if id(sumy) in chosen
    ]


def newscli_pick(method: str, document: Document) -> list[str]:
    record = summarize(document, budget=BUDGET, method=method)
    return [sentence["text"] for sentence in record["sentences"]]


def lead_pick(document: Document) -> list[str]:
    return [sentence.text for sentence in document.sentences[:SENTENCES]]


@dataclass
class Tally:
    """F1 sums per ROUGE type and summarizing time, over articles."""

    f1: dict[str, float]
    seconds: float = 0.0
    articles: int = 0

    def mean(self, kind: str) -> float:
        """Mean F1 x 100."""
        return 100 * self.f1[kind] / self.articles

    def row(self) -> str:
        scores = " ".join(f"{self.mean(kind):6.2f}" for kind in ROUGE_TYPES)
        return f"{scores} {1000 * self.seconds / self.articles:8.2f}"


def systems(methods: Iterable[str], with_sumy: bool) -> dict[str, Picker]:
    found: dict[str, Picker] = {
        f"newscli {method}": partial(newscli_pick, method) for method in methods
    }
    found["Lead-3 (eval)"] = lead_pick
    if with_sumy:
        for name in SUMY_CLASSES:
            found[f"sumy {name}"] = partial(sumy_pick, sumy_summarizer(name))
    return found


def evaluate(
    records: list[dict[str, Any]], dataset: Dataset, pickers: dict[str, Picker]
) -> dict[str, Tally]:
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    tallies = {name: Tally(dict.fromkeys(ROUGE_TYPES, 0.0)) for name in pickers}
    for record in records:
        # parsed once, outside the timing: every system gets the same Document
        document = parse(record["text"])
        reference = dataset.reference(record)
        for name, pick in pickers.items():
            started = time.perf_counter()
            chosen = pick(document)
            elapsed = time.perf_counter() - started
            scores = scorer.score(reference, "\n".join(chosen))
            tally = tallies[name]
            for kind in ROUGE_TYPES:
                tally.f1[kind] += scores[kind].fmeasure
            tally.seconds += elapsed
            tally.articles += 1
    return tallies


def goals(dataset: Dataset, tallies: dict[str, Tally]) -> str:
    """The footer: how newscli's default method stands against the goals on this set."""
    default = tallies.get(f"newscli {DEFAULT_METHOD}")
    if default is None:
        return f"goals: not checked, newscli {DEFAULT_METHOD} was not run"
    parts = []
    if dataset.beat_lead:
        lead, ours = tallies["Lead-3 (eval)"].mean("rouge2"), default.mean("rouge2")
        verdict = "met" if ours > lead else "NOT met"
        parts.append(f"beat Lead-3's R-2 ({ours:.2f} vs {lead:.2f}): {verdict}")
    sumy = [name for name in tallies if name.startswith("sumy ")]
    if sumy:
        behind = []
        for name in sumy:
            lost = [
                label
                for kind, label in zip(ROUGE_TYPES, LABELS, strict=True)
                if tallies[name].mean(kind) >= default.mean(kind)
            ]
            if lost:
                behind.append(f"{name} on {'/'.join(lost)}")
        verdict = f"NOT met (not ahead of {', '.join(behind)})" if behind else "met"
        parts.append(f"beat every sumy method on R-1, R-2 and R-Lsum: {verdict}")
    else:
        parts.append("beat every sumy method: not checked (--no-sumy)")
    return f"goals for newscli {DEFAULT_METHOD}: " + "; ".join(parts)


def record_figures(dataset: Dataset, tallies: dict[str, Tally]) -> None:
    """newscli's default method's ROUGE and its R-2 margin over Lead-3, for eval.gate."""
    default = tallies.get(f"newscli {DEFAULT_METHOD}")
    if default is None:
        return
    figure_set = dataset.filename.split("-")[0]
    for kind in ROUGE_TYPES:
        figures.record(f"summarize.{figure_set}.{kind}", default.mean(kind))
    lead = tallies["Lead-3 (eval)"].mean("rouge2")
    figures.record(f"summarize.{figure_set}.lead3.rouge2", lead)
    figures.record(f"summarize.{figure_set}.rouge2_over_lead3", default.mean("rouge2") - lead)


def main() -> None:
    parser = argparse.ArgumentParser(description="Extractive summary evaluation (ROUGE).")
    parser.add_argument("data", type=Path, help="directory with cnndm-dev.jsonl, bbc-dev.jsonl")
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument(
        "--methods",
        type=lambda value: value.split(","),
        default=list(METHODS),
        help=f"comma-separated newscli methods (default all: {','.join(METHODS)})",
    )
    parser.add_argument("--no-sumy", action="store_true", help="skip the (slow) sumy rows")
    args = parser.parse_args()
    if unknown := set(args.methods) - set(METHODS):
        parser.error(f"unknown methods {', '.join(sorted(unknown))}; choose from {METHODS}")

    # sumy's LexRank divides by zero on a 2-sentence article; it still returns both, harmlessly
    warnings.filterwarnings("ignore", "invalid value", RuntimeWarning, "sumy.summarizers.lex_rank")
    pickers = systems(args.methods, with_sumy=not args.no_sumy)
    warm_up = parse(WARM_UP)
    for pick in pickers.values():
        pick(warm_up)

    for dataset in DATASETS:
        path = args.data / dataset.filename
        if not path.exists():
            print(f"{dataset.name}: {path} not found, skipped")
            print()
            continue
        with path.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in islice(lines, args.limit) if line.strip()]
        tallies = evaluate(records, dataset, pickers)
        print(f"{dataset.name} ({path.name}): {len(records)} articles, {SENTENCES} sentences each")
        print(f"  {'system':<24} {' '.join(f'{label:>6}' for label in LABELS)} {'ms/art':>8}")
        for name, tally in tallies.items():
            print(f"  {name:<24} {tally.row()}")
        print(f"  {goals(dataset, tallies)}")
        print()
        record_figures(dataset, tallies)


if __name__ == "__main__":
    main()
