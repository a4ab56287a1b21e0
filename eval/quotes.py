"""Quote extraction and attribution on PolNeAR, scored by the shared quote_eval.py.

    python -m eval.quotes ../shared/data/quotes/polnear-train.jsonl ../shared/eval/quote_eval.py
        [--half tune|check]

newscli's quotes (direct and partial: what the command prints by default) are written in
the gold file's schema and scored with the same script used on held-out data: the whole
file, then each of its halves (`eval.halves`, by article id), so a rule chosen on "tune"
is seen to hold on "check". `--half` scores one half alone, for trying a change quickly.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from eval import figures, halves
from newscli.analysis.quotes import quotes
from newscli.document import parse


def record_figures(scores: dict[str, Any], figure_set: str = "polnear") -> None:
    """quote_eval.py's headline figures, for eval.gate."""
    figures.record(f"quotes.{figure_set}.precision", scores["overlap"]["P"])
    figures.record(f"quotes.{figure_set}.recall", scores["overlap"]["R"])
    figures.record(f"quotes.{figure_set}.f1", scores["overlap"]["F1"])
    figures.record(f"quotes.{figure_set}.exact_f1", scores["exact"]["F1"])
    figures.record(f"quotes.{figure_set}.speaker_accuracy", scores["speaker"]["acc_resolved"])
    # the name a reader needs: a pronoun resolved, a description named (quote_eval's acc_name)
    figures.record(f"quotes.{figure_set}.name_accuracy", scores["speaker"]["acc_name"])
    figures.record(
        f"quotes.{figure_set}.end_to_end_f1", scores["end_to_end_overlap_and_speaker"]["F1"]
    )


def score(scorer: Path, gold: Path, predictions: Path, errors: int, figure_set: str) -> None:
    """Print quote_eval.py's table for gold against predictions and record its figures."""
    command = [sys.executable, str(scorer), str(gold), str(predictions)]
    sys.stdout.flush()
    subprocess.run(command + (["--errors", str(errors)] if errors else []), check=True)
    if figures.recording():
        # the scorer prints either its table or (--json) the same figures to four places:
        # a second run, about a second, reads them rather than parsing the table
        scored = subprocess.run(command + ["--json"], check=True, capture_output=True)
        record_figures(json.loads(scored.stdout), figure_set)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="polnear-train.jsonl")
    parser.add_argument("scorer", type=Path, help="quote_eval.py")
    parser.add_argument("--errors", type=int, default=0, help="show N errors of each kind")
    parser.add_argument("--all", action="store_true", help="also scare quotes and titles")
    parser.add_argument("--half", choices=halves.HALVES, help="score this half alone")
    args = parser.parse_args()
    parts = (args.half,) if args.half else (None, *halves.HALVES)

    seconds = 0.0
    articles = 0
    with tempfile.TemporaryDirectory() as tmp:
        gold_files = {part: Path(tmp) / f"gold-{part}.jsonl" for part in parts}
        predicted = {part: Path(tmp) / f"predictions-{part}.jsonl" for part in parts}
        outputs = {part: predicted[part].open("w", encoding="utf-8") for part in parts}
        golds = {part: gold_files[part].open("w", encoding="utf-8") for part in parts}
        with args.gold.open(encoding="utf-8") as gold:
            for line in gold:
                if not line.strip():
                    continue
                article = json.loads(line)
                part = halves.half(article["id"])
                if args.half and part != args.half:
                    continue
                started = time.perf_counter()
                found = quotes(parse(article["text"]), include_all=args.all)
                seconds += time.perf_counter() - started
                articles += 1
                keys = ("start", "end", "speaker", "speaker_start", "speaker_end", "cue")
                record = {"id": article["id"], "quotes": [{k: q[k] for k in keys} for q in found]}
                for written in (None, part):
                    if written in parts:
                        outputs[written].write(json.dumps(record, ensure_ascii=False) + "\n")
                        golds[written].write(line.rstrip("\n") + "\n")
        for file in (*outputs.values(), *golds.values()):
            file.close()
        for part in parts:
            name = "PolNeAR" if part is None else f"PolNeAR, {part} half"
            print(f"{name}: newscli quotes (direct + partial)")
            figure_set = "polnear" if part is None else f"polnear_{part}"
            score(args.scorer, gold_files[part], predicted[part], args.errors, figure_set)
    rate = articles / seconds
    print(f"parse + quotes: {rate:.0f} articles/s ({1000 / rate:.1f} ms each)")


if __name__ == "__main__":
    main()
