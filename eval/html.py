"""Article body extraction on the Article Extraction Benchmark's dev pages, scored by the
benchmark's own `evaluate.py`, newscli beside trafilatura alone in the same run.

    python -m eval.html PATH/html/aeb-dev [--errors N]

newscli's body is what `newscli parse` gives for each page, as a user runs it (one
process over the folder of `.html.gz` pages): its paragraphs, in order, one a line. A
page where newscli reports an error scores as an empty body. trafilatura is run on the
same bytes twice: with its defaults, and with the options newscli passes it -- so the
difference between newscli and the latter is newscli's own cleaning. The scorer is the
benchmark's: token 4-shingle precision and recall per page, averaged over pages.

`--errors N` lists, for the N pages where newscli's body gains least on trafilatura's
(same options), the lines newscli keeps that the gold body lacks, and the other way round.
"""

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from eval import figures
from newscli.inputs.decoding import decode_page
from newscli.inputs.webpage import EXTRACT_OPTIONS

SYSTEMS = ("newscli", "trafilatura-newscli-options", "trafilatura-defaults")


def newscli_bodies(pages: Path) -> dict[str, str]:
    """Page id -> the paragraphs `newscli parse` finds, one a line."""
    run = subprocess.run(
        [sys.executable, "-m", "newscli", "parse", "--quiet", "-f", "jsonl", str(pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"eval.html: newscli failed: {run.stderr}")
    for line in run.stderr.splitlines():
        print(f"  {line}", file=sys.stderr)
    bodies = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        page_id = Path(record["source"]).name.split(".")[0]
        bodies[page_id] = "\n".join(p["text"] for p in record["paragraphs"])
    return bodies


def trafilatura_bodies(pages: Path, **options: object) -> dict[str, str]:
    import trafilatura

    bodies = {}
    for path in sorted(pages.glob("*.html.gz")):
        html = decode_page(gzip.decompress(path.read_bytes()), path.name)
        bodies[path.name.split(".")[0]] = trafilatura.extract(html, **options) or ""
    return bodies


def score(folder: Path, outputs: dict[str, dict[str, str]]) -> str:
    """Run the benchmark's evaluate.py on the outputs; its table. newscli's figures are
    recorded from the same run: the point estimates, which are deterministic (the ± is a
    bootstrap)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(folder / "ground-truth.json", work)
        (work / "output").mkdir()
        gold = json.loads((folder / "ground-truth.json").read_text())
        for name, bodies in outputs.items():
            prediction = {key: {"articleBody": bodies.get(key, "")} for key in gold}
            (work / "output" / f"{name}.json").write_text(json.dumps(prediction))
        scorer = (folder / "evaluate.py").resolve()
        run = subprocess.run(
            [sys.executable, str(scorer), "--n-bootstrap", "1000", "--output", "metrics.json"],
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        )
        newscli = json.loads((work / "metrics.json").read_text())["newscli"]
        for measure in ("f1", "precision", "recall"):
            figures.record(f"html.aeb_dev.{measure}", newscli[measure])
        return run.stdout


_TOKENS = re.compile(r"\w+")


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _TOKENS.findall(text)
    return {tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3))}


def show_errors(folder: Path, ours: dict[str, str], theirs: dict[str, str], count: int) -> None:
    gold = json.loads((folder / "ground-truth.json").read_text())

    def overlap(text: str, body: str) -> float:
        mine = _shingles(text)
        return len(mine & _shingles(body)) / max(1, len(mine))

    gains = {
        k: overlap(ours.get(k, ""), g["articleBody"]) - overlap(theirs[k], g["articleBody"])
        for k, g in gold.items()
    }
    for key in sorted(gains, key=gains.get)[:count]:
        body = gold[key]["articleBody"]
        print(f"\n== {key[:12]} {gold[key].get('url', '')}")
        for line in ours.get(key, "").splitlines():
            if overlap(line, body) < 0.5:
                print(f"  + {line[:120]}")
        kept = _shingles(ours.get(key, ""))
        for line in body.splitlines():
            shingles = _shingles(line)
            if line.strip() and len(shingles & kept) < 0.5 * len(shingles):
                print(f"  - {line[:120]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="aeb-dev: ground-truth.json, html/, evaluate.py")
    parser.add_argument("--errors", type=int, default=0, metavar="N")
    args = parser.parse_args()
    pages = args.folder / "html"
    outputs = {
        "newscli": newscli_bodies(pages),
        "trafilatura-newscli-options": trafilatura_bodies(pages, **EXTRACT_OPTIONS),
        "trafilatura-defaults": trafilatura_bodies(pages),
    }
    print(f"Body extraction, {len(list(pages.glob('*.html.gz')))} pages of {args.folder}")
    print(score(args.folder, outputs))
    if args.errors:
        show_errors(
            args.folder, outputs["newscli"], outputs["trafilatura-newscli-options"], args.errors
        )


if __name__ == "__main__":
    main()
