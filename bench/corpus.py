"""A seeded generator of synthetic news articles with labelled near-duplicate variants.

    python -m bench.corpus N [--seed S] [-o corpus.jsonl]

Each line is ``{"id", "group", "kind", "ops", "text"}``, like the shared BBC near-duplicate
set: a quarter of the documents are *seeds*, each followed by 1-4 *variants* made by 1-3
random edits of the kinds wire copies go through (over half of all documents); the rest,
about a sixth, are *singletons* (distinct stories). Documents of one `group` are duplicates
of each other. Edits:

- ``boiler``: a byline, a date line, share and newsletter lines around the body
- ``headline``: the headline rewritten as ``UPDATE 1-`` and upper case, or dropped
- ``drop_para``: one paragraph after the first two removed
- ``reword``: about one word in eighteen swapped for another
- ``format``: curly quotes, long dashes, doubled spaces, hard wrapped at 72 columns
- ``truncate``: only the first 60-85% of the paragraphs (a shorter wire version)
- ``local_add``: a paragraph of another story inserted
- ``exact``: the same text (an exact duplicate once whitespace and quotes are normalised)

The words are made-up: a fixed list of English function words, then syllable strings
drawn with Zipf's law, so unrelated stories share common phrases but not sentences, as in
real news. The same N and seed always give the same corpus, byte for byte; a corpus of N
is the first N documents of any larger one with the same seed.
"""

import argparse
import json
import random
import sys
import textwrap
from collections.abc import Iterator
from itertools import accumulate, islice
from pathlib import Path
from typing import Any

FUNCTION_WORDS = """the of and to a in that is for on was with he it as at by said his from
has have be are an not this but they had were their after its been who will which more
also one would about two people there new last year first than when over into up out we
over all can she her our could time what so if other before government told years three
most some no may only any just while during them because between where week against
under since those then made being per""".split()
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
VOCABULARY_SIZE = 30_000
NAMES = 3_000
BOILER_TOP = (
    "By Staff Reporter",
    "By Jane Doe, Political Correspondent",
    "Updated 14:32 GMT, 3 March 2005",
    "Published: Monday, 12 June 2023",
)
BOILER_BOTTOM = (
    "Share this article",
    "Facebook Twitter Email",
    "Sign up for our morning newsletter to get the day's top stories.",
    "Follow us on Twitter for the latest news.",
    "© 2024 The Daily Example. All rights reserved.",
    "Advertisement",
)
OPS = ("boiler", "headline", "drop_para", "reword", "format", "truncate", "local_add")
VARIANTS_PER_SEED = (1, 1, 2, 2, 3, 4)


class Writer:
    """Makes up words, sentences and articles from one seeded random generator."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        words = set(FUNCTION_WORDS)
        vocabulary = list(dict.fromkeys(FUNCTION_WORDS))
        while len(vocabulary) < VOCABULARY_SIZE:
            word = "".join(self.random.choices(SYLLABLES, k=self.random.choice((1, 2, 2, 3, 3, 4))))
            if word not in words:
                words.add(word)
                vocabulary.append(word)
        self.vocabulary = vocabulary
        self.cumulative = list(accumulate(1 / (rank + 2) for rank in range(len(vocabulary))))
        self.names = [word.capitalize() for word in vocabulary[-NAMES:]]

    def words(self, count: int) -> list[str]:
        return self.random.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def sentence(self) -> str:
        r = self.random
        words = self.words(r.randint(8, 28))
        for _ in range(r.randint(0, 2)):
            words[r.randrange(len(words))] = r.choice(self.names)
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        if r.random() < 0.12:
            return f'"{text}," said {r.choice(self.names)} {r.choice(self.names)}.'
        return text + ("?" if r.random() < 0.03 else ".")

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(1, 4)))

    def article(self) -> tuple[str, list[str]]:
        r = self.random
        title = " ".join(self.words(r.randint(4, 9))).capitalize()
        return title, [self.paragraph() for _ in range(r.randint(3, 9))]


def render(title: str | None, paragraphs: list[str]) -> str:
    parts = ([title] if title else []) + paragraphs
    return "\n\n".join(parts) + "\n"


def _reword(writer: Writer, paragraphs: list[str]) -> list[str]:
    r = writer.random
    out = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        for i in range(0, len(words), 6):
            if r.random() < 1 / 3:
                j = min(len(words) - 1, i + r.randrange(6))
                if words[j].isalpha() and words[j].islower():
                    words[j] = writer.words(1)[0]
        out.append(" ".join(words))
    return out


def _format(paragraphs: list[str]) -> list[str]:
    out = []
    for paragraph in paragraphs:
        text = paragraph.replace(' "', " “").replace('" ', "” ").replace('",', "”,")
        text = text.replace('"', "”").replace(" - ", " — ").replace(". ", ".  ")
        out.append("\n".join(textwrap.wrap(text, 72)))
    return out


def variant(
    writer: Writer, title: str, paragraphs: list[str], other: list[str]
) -> tuple[list[str], str]:
    """One variant of an article: the edits made, and its text."""
    r = writer.random
    if r.random() < 0.12:
        text = render(title, paragraphs)
        return ["exact"], text.replace(". ", ".  ") if r.random() < 0.5 else text
    ops = r.sample(OPS, r.randint(1, 3))
    new_title: str | None = title
    body = list(paragraphs)
    for op in ops:
        if op == "headline":
            new_title = None if r.random() < 0.3 else "UPDATE 1-" + title.upper()
        elif op == "drop_para" and len(body) > 2:
            del body[r.randrange(2, len(body))]
        elif op == "truncate" and len(body) > 2:
            body = body[: max(2, round(len(body) * r.uniform(0.6, 0.85)))]
        elif op == "reword":
            body = _reword(writer, body)
        elif op == "local_add":
            body.insert(r.randrange(1, len(body) + 1), r.choice(other))
    if "format" in ops:
        body = _format(body)
    if "boiler" in ops:
        body = [r.choice(BOILER_TOP), *body, *r.sample(BOILER_BOTTOM, r.randint(1, 3))]
    return ops, render(new_title, body)


def generate(n: int, *, seed: int = 0) -> Iterator[dict[str, Any]]:
    """The first `n` documents of the corpus for `seed`, in order."""
    return islice(_documents(seed), n)


def _documents(seed: int) -> Iterator[dict[str, Any]]:
    writer = Writer(seed)
    r = writer.random
    previous: list[str] = ["A paragraph of another story that is quoted in this one."]
    number = 0
    while True:
        number += 1
        title, paragraphs = writer.article()
        group = f"g{number}"
        if r.random() < 0.4:
            yield _record(group, "singleton", [], render(title, paragraphs))
            previous = paragraphs
            continue
        yield _record(f"{group}", "seed", [], render(title, paragraphs), suffix="")
        for index in range(r.choice(VARIANTS_PER_SEED)):
            ops, text = variant(writer, title, paragraphs, previous)
            yield _record(group, "variant", ops, text, suffix=f"#v{index + 1}")
        previous = paragraphs


def _record(group: str, kind: str, ops: list[str], text: str, suffix: str = "") -> dict[str, Any]:
    return {"id": group + suffix, "group": group, "kind": kind, "ops": ops, "text": text}


def write(path: Path, n: int, *, seed: int = 0) -> Path:
    """Write the corpus as JSON Lines (to a temporary name first, so a file is whole)."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        for record in generate(n, seed=seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.replace(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="how many documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="a JSONL file (default: stdout)")
    args = parser.parse_args()
    if args.output:
        write(args.output, args.n, seed=args.seed)
    else:
        for record in generate(args.n, seed=args.seed):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
