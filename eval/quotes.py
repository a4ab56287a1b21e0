"""Quote extraction and attribution on PolNeAR, scored by the shared quote_eval.py.

    python -m eval.quotes ../shared/data/quotes/polnear-train.jsonl ../shared/eval/quote_eval.py

newscli's quotes (direct and partial: what the command prints by default) are written in
the gold file's schema and scored with the same script used on held-out data.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from eval import figures
from newscli.analysis.quotes import quotes
from newscli.document import parse


def record_figures(scores: dict[str, Any]) -> None:
    """quote_eval.py's headline figures, for eval.gate."""
    figures.record("quotes.polnear.precision", scores["overlap"]["P"])
    figures.record("quotes.polnear.recall", scores["overlap"]["R"])
    figures.record("quotes.polnear.f1", scores["overlap"]["F1"])
    figures.record("quotes.polnear.exact_f1", scores["exact"]["F1"])
    figures.record("quotes.polnear.speaker_accuracy", scores["speaker"]["acc_resolved"])
    figures.record("quotes.polnear.end_to_end_f1", scores["end_to_end_overlap_and_speaker"]["F1"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="polnear-train.jsonl")
    parser.add_argument("scorer", type=Path, help="quote_eval.py")
    parser.add_argument("--errors", type=int, default=0, help="show N errors of each kind")
    parser.add_argument("--all", action="store_true", help="also scare quotes and titles")
    args = parser.parse_args()

    seconds = 0.0
    articles = 0
    with tempfile.TemporaryDirectory() as tmp:
        predictions = Path(tmp) / "predictions.jsonl"
        with args.gold.open(encoding="utf-8") as gold, predictions.open("w") as out:
            for line in gold:
                if not line.strip():
                    continue
                article = json.loads(line)
                started = time.perf_counter()
                found = quotes(parse(article["text"]), include_all=args.all)
                seconds += time.perf_counter() - started
                articles += 1
                keys = ("start", "end", "speaker", "speaker_start", "speaker_end", "cue")
                record = {"id": article["id"], "quotes": [{k: q[k] for k in keys} for q in found]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        command = [sys.executable, str(args.scorer), str(args.gold), str(predictions)]
        errors = ["--errors", str(args.errors)] if args.errors else []
        print(f"PolNeAR: {articles} articles; newscli quotes (direct + partial)")
        sys.stdout.flush()
        subprocess.run(command + errors, check=True)
        if figures.recording():
            # the scorer prints either its table or (--json) the same figures to four places:
            # a second run, about a second, reads them rather than parsing the table
            scorer = subprocess.run(command + ["--json"], check=True, capture_output=True)
            record_figures(json.loads(scorer.stdout))
    rate = articles / seconds
    print(f"parse + quotes: {rate:.0f} articles/s ({1000 / rate:.1f} ms each)")


if __name__ == "__main__":
    main()
