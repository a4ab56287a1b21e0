"""Entity-tagging speed, in one warm process, and the model's load time and size.

    python -m bench.ner [--data PATH]

The sentences are UNER English-PUD's (shared/data/ner/dev/uner-en-pud.iob2 beside the
repository; each document's sentences one line each) when it is there, otherwise seeds/*.txt
parsed by newscli. `tag_spans` is timed on each document's sentences (tokenizing, features,
scoring, Viterbi and the document pass; not the parse), once to warm up and then PASSES times;
the fastest pass counts. `tag_texts` is timed the same way on all documents in one call, as
`newscli quotes` and `entities` tag a chunk of articles. The load time (import and model
file) is measured in a fresh interpreter, apart from numpy's own import time.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

from newscli.document import parse
from newscli.ner import MODEL_PATH, tag_spans, tag_texts
from newscli.ner.features import tokens

PASSES = 3
ROOT = Path(__file__).resolve().parent.parent
PUD = ROOT.parent / "shared" / "data" / "ner" / "dev" / "uner-en-pud.iob2"
# seconds to import numpy, then to import newscli.ner and load the model
LOAD = (
    "import time; t = time.perf_counter(); import numpy; u = time.perf_counter(); "
    "import newscli.ner as n; n.load_model(); print(u - t, time.perf_counter() - u)"
)


def documents(path: Path) -> tuple[str, list[tuple[str, list[tuple[int, int]]]]]:
    """A description, and (text, sentence spans) per document."""
    if path.exists():
        texts: list[list[str]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newdoc") or not texts:
                texts.append([])
            if line.startswith("# text = "):
                texts[-1].append(line.removeprefix("# text = "))
        found = []
        for sentences in texts:
            text, spans = "", []
            for sentence in sentences:
                spans.append((len(text), len(text) + len(sentence)))
                text += sentence + "\n"
            found.append((text, spans))
        return f"UNER English-PUD ({path.name})", found
    found = []
    for seed in sorted(ROOT.glob("seeds/*.txt")):
        document = parse(seed.read_text(encoding="utf-8"))
        found.append((document.text, [(s.start, s.end) for s in document.sentences]))
    return f"seeds/*.txt ({path} not found)", found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PUD)
    args = parser.parse_args()
    description, corpus = documents(args.data)
    sentences = sum(len(spans) for _, spans in corpus)
    words = sum(len(tokens(text, *span)) for text, spans in corpus for span in spans)
    for text, spans in corpus:
        tag_spans(text, spans)
    fastest = float("inf")
    for _ in range(PASSES):
        started = time.perf_counter()
        for text, spans in corpus:
            tag_spans(text, spans)
        fastest = min(fastest, time.perf_counter() - started)
    together = float("inf")
    for _ in range(PASSES):
        started = time.perf_counter()
        tag_texts([(text, spans, ()) for text, spans in corpus])
        together = min(together, time.perf_counter() - started)
    runs = [
        subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True)
        for _ in range(PASSES)
    ]
    numpy_import, load = min(tuple(map(float, run.stdout.split())) for run in runs)
    print(f"{description}: {len(corpus)} documents, {sentences} sentences, {words} tokens")
    print(
        f"tag_spans: {words / fastest:,.0f} tokens/s, {sentences / fastest:,.0f} sentences/s "
        "(single process, model loaded)"
    )
    print(
        f"tag_texts: {words / together:,.0f} tokens/s, {sentences / together:,.0f} sentences/s "
        "(all documents in one call)"
    )
    size = MODEL_PATH.stat().st_size / 1e6
    print(
        f"model load: {load * 1000:.0f} ms (+ {numpy_import * 1000:.0f} ms to import numpy); "
        f"{MODEL_PATH.name} {size:.1f} MB"
    )


if __name__ == "__main__":
    main()
